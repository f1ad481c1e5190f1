"""Global resolution: every article's records -> one resolved :class:`~newsgraph.graph.model.Model`.

The result depends only on the *set* of inputs: any order gives an equal Model.

* Articles: one per :attr:`~newsgraph.extract.records.Article.key`; when the same article
  occurs several times (two files, or twice in one file) the occurrence kept is
  the first in (has an outlet, source, index, start) order, and every distinct
  occurrence is listed in ``Model.provenance`` (sorted).
* Actors: :func:`newsgraph.graph.resolve.actors.resolve_actors` (one actor, one node).
* Events: :func:`newsgraph.graph.resolve.events.resolve_events` (one event, many reports).

>>> from newsgraph.extract.records import Article, Entity
>>> a = Article(source="d.txt", source_sha256="0" * 64, index=0, start=0, end=9,
...             headline="Talks", body="Armenia spoke.", body_start=7)
>>> r = ArticleRecords(article=a, entities=(Entity("E0", "State", "Armenia", ("Armenia",), code="ARM"),))
>>> m = resolve([r, r])
>>> len(m.articles), [x.key for x in m.actors], m.actor(a.key, "E0")
(1, ['actor/state/ARM'], 'actor/state/ARM')
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from newsgraph.extract.records import ArticleRecords, Document
from newsgraph.graph.model import Actor, Model
from newsgraph.graph.resolve.actors import resolve_actors
from newsgraph.graph.resolve.events import resolve_events

__all__ = ["resolve"]


def _occurrence_rank(r: ArticleRecords) -> tuple:
    a = r.article
    return (r.outlet is None, a.source, a.index, a.start, a.end, repr(r))


def dedupe_articles(records: Iterable[ArticleRecords]) -> tuple[tuple[ArticleRecords, ...], tuple]:
    """Distinct articles (sorted by key) and every occurrence as provenance rows.

    Provenance rows are ``(article key, source, index, start, end)``, sorted and
    without exact repeats (the same file read twice is one occurrence).
    """
    best: dict[str, ArticleRecords] = {}
    prov = set()
    for r in records:
        a = r.article
        key = a.key
        prov.add((key, a.source, a.index, a.start, a.end))
        if key not in best or _occurrence_rank(r) < _occurrence_rank(best[key]):
            best[key] = r
    return tuple(best[k] for k in sorted(best)), tuple(sorted(prov))


def countries_from_roles(articles: Iterable[ArticleRecords], actors: tuple[Actor, ...],
                         emap: dict[tuple[str, str], str]) -> tuple[Actor, ...]:
    """Give a person without a country the country of the offices they hold.

    A national office ("Deputy Foreign Minister of Armenia") is held at a State;
    any other office at an organisation, whose own country counts.  The most
    frequent country wins (ties: alphabetical); persons with a country keep it.
    """
    by_key = {a.key: a for a in actors}
    votes: dict[str, Counter] = {}
    for rec in articles:
        akey = rec.article.key if rec.roles else ""
        for role in rec.roles:
            person = by_key.get(emap.get((akey, role.person), ""))
            org = by_key.get(emap.get((akey, role.organization), ""))
            if person is None or org is None or person.kind != "Person" or person.country:
                continue
            country = org.key if org.kind == "State" else org.country
            if country:
                votes.setdefault(person.key, Counter())[country] += 1
    if not votes:
        return actors
    best = {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, c in votes.items()}
    return tuple(replace(a, country=best[a.key]) if a.key in best else a for a in actors)


def resolve(records: Iterable[ArticleRecords], documents: Iterable[Document] = ()) -> Model:
    """Resolve all articles' records into one Model (actors, entity map, events).

    Never raises on odd records: unknown local ids in events, roles or quotes
    simply map to no actor.
    """
    articles, provenance = dedupe_articles(records)
    docs = tuple(sorted(set(documents), key=lambda d: (d.source, d.sha256, d.encoding, d.size)))
    actors, emap = resolve_actors(articles)
    actors = countries_from_roles(articles, actors, emap)
    events = resolve_events(articles, actors, emap)
    return Model(documents=docs, articles=articles, provenance=provenance, actors=actors,
                 entity_map=emap, events=events)
