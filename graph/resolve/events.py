"""One event from many reports: merging event mentions into :class:`~newsgraph.graph.model.Event`.

A capital city that is an event's party stands for its State (metonymy:
"Baku accused Yerevan" is Azerbaijan accusing Armenia); places stay places.
Two mentions may merge when they have compatible types (the same, or one family:
"the bombing" and "an explosion", :mod:`~newsgraph.graph.resolve.compat`) and the
same modality, share a canonical actor, have compatible dates
(equal, one missing, or the coarser one contains the finer: "2023-03" contains
"2023-03-22") and compatible places (equal, one missing, one is the other's
country, or two towns close together: :class:`~newsgraph.graph.resolve.sites.Sites`).
A mention naming nobody ("an explosion in Mazar") merges with one told in the same sentence ("X shelled
the town (a child was killed)"), otherwise only through its place:
with a report of the same place, within an article, or across articles on the same day,
from reports published within ``LOCAL_WINDOW`` days of each other, or in a later report
looking back at the dated happening in the same town; or, when the other report says no place,
through the State holding its place named as a party, with the same trigger word.
Two mentions that each name a person or organisation the other does not ("X met Y" /
"X met Z") stay apart -- a person and the organisation they hold office in count as
one party (:mod:`~newsgraph.graph.resolve.members`).
One shared actor is enough within an article for a person or organisation; across
articles only with the same day, or, for a person/organisation, the same place or
articles published within ``NEWS_WINDOW`` days of each other.

Candidate pairs are visited in a fixed order (more shared actors first, then pairs of
one date, then reports published closer together -- a late retelling comes last --, then
the canonical order of the mentions); a pair joins two clusters only if every
mention of one is compatible with, and strongly linked to, every mention of the
other (complete linkage), so a third mention cannot chain incompatible dates,
places or unrelated actors together.  A mention naming nobody needs the strong link
only to the mentions naming nobody: it joins a report of who did it through the
report of its place.

>>> date_compatible("2023-03", "2023-03-22"), date_compatible("2023-03-21", "2023-03-22")
(True, False)
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from newsgraph.extract.lexicon.event_types import SYMMETRIC
from newsgraph.extract.lexicon.names import norm
from newsgraph.extract.records import ArticleRecords, EventMention
from newsgraph.graph.model import Actor, Event
from newsgraph.graph.resolve import compat
from newsgraph.graph.resolve.compat import date_compatible, family, mention_date, types_compatible
from newsgraph.graph.resolve.fields import event_fields
from newsgraph.graph.resolve.geo import capital
from newsgraph.graph.resolve.keys import event_key, unique_keys
from newsgraph.graph.resolve.members import covered, offices
from newsgraph.graph.resolve.pairs import anchored_pairs, candidate_pairs
from newsgraph.graph.resolve.sites import Sites
from newsgraph.graph.resolve.unionfind import UnionFind

Node = tuple[str, str]
ROLES = ("agents", "targets", "participants")
_SPECIFIC = ("Person", "Organization", "Outlet")
#: Reports of one happening by different outlets appear within this many days of each other.
NEWS_WINDOW = 2
#: ... and reports of one happening that names no actor (an accident, a storm) within this many days.
LOCAL_WINDOW = 1
#: An actor named in more than this share of the articles (and in more than COMMON_MIN) is common.
COMMON_SHARE = 0.25
COMMON_MIN = 20


@dataclass(frozen=True)
class Report:
    """A mention with its arguments mapped to canonical actor keys."""

    article: str
    mention: EventMention
    roles: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    actors: frozenset[str]      # every actor, capitals also as their State
    persons: frozenset[str]     # the specific actors: persons, organisations, outlets
    place: str | None
    date: str | None
    source: str                 # outlet actor key, or the article itself
    published: str | None = None  # the article's publication day
    covers: frozenset[str] = frozenset()  # every actor and whoever they stand with (members.py)
    states: frozenset[str] = frozenset()  # every actor and the State each is of


def _metonyms(actors: Sequence[Actor]) -> dict[str, str]:
    """Location key -> State key when the location is its country's capital."""
    code_of = {a.key: a.code for a in actors if a.kind == "State" and a.code}
    out = {}
    for a in actors:
        cap = capital(code_of.get(a.country or ""))
        if a.kind == "Location" and cap and cap in {norm(x) for x in (a.label, *a.alt_labels)}:
            out[a.key] = a.country
    return out


def _mentions(records: Sequence[ArticleRecords], actors: Sequence[Actor],
              emap: dict[Node, str]) -> list[Report]:
    kind = {a.key: a.kind for a in actors}
    country = {a.key: a.country for a in actors if a.country}
    capital = _metonyms(actors)
    links = offices(records, actors, emap)
    out = set()
    for r in records:
        art = r.article.key
        source = emap.get((art, r.outlet or ""), f"article/{art}")
        for m in r.events:
            # a capital standing as a party for its government is its State ("Baku accused ...");
            # any other place named as a party is where it happened ("the blockade of the corridor")
            keys = [{capital.get(k, k) for k in (emap.get((art, x)) for x in getattr(m, role)) if k}
                    for role in ROLES]
            sites = sorted(k for ks in keys for k in ks if kind.get(k) == "Location")
            roles = tuple(tuple(sorted(k for k in ks if kind.get(k) != "Location")) for ks in keys)
            every = {k for keys in roles for k in keys}
            place = emap.get((art, m.place or "")) or (sites[0] if sites else None)
            out.add(Report(art, m, roles, frozenset(every),
                       frozenset(k for k in every if kind.get(k) in _SPECIFIC),
                       place, mention_date(m), source, (r.article.date or "")[:10] or None,
                       covered(every, links), frozenset(every | {country[k] for k in every if k in country})))
    return sorted(out, key=_order)


def _order(x: Report) -> tuple:
    m = x.mention
    return (x.article, m.start, m.end, m.type, m.trigger, repr(m))


def _pair_ok(a: Report, b: Report, geo: Sites) -> bool:
    """May ``a`` and ``b`` be in one event (actor overlap aside)?"""
    if not types_compatible(a.mention, b.mention):
        return False
    if not date_compatible(a.date, b.date) or compat.season_apart(a.mention, b.mention):
        return False
    if a.place and b.place and not geo.same_site(a.place, b.place):
        return False
    if set(a.roles[0]) & set(b.roles[1]) and set(a.roles[1]) & set(b.roles[0]):
        return False  # "X accused Y" and "Y accused X" are two events
    if compat.done_to_the_doer(a.mention.type, a.roles, b.mention.type, b.roles, a.persons | b.persons):
        return False  # "X killed Y" and "X was hanged": what X did and what was done to X
    return not (a.persons - b.covers and b.persons - a.covers)


def _timely(a: Report, b: Report, geo: Sites) -> bool:
    """Reports published at most ``LOCAL_WINDOW`` days apart, or, at one town (a country is too
    large a scene to look back at), one report looking back at the other's dated happening."""
    if compat.close(a.published, b.published, LOCAL_WINDOW):
        return True
    town = a.place is not None and a.place == b.place and geo.country.get(a.place) != a.place
    return town and (compat.follows_up(a.date, b.date, b.published)
                     or compat.follows_up(b.date, a.date, a.published))


def _placed(a: Report, b: Report, geo: Sites) -> bool:
    """Is the place of a report naming nobody also the other's: both say a place (compatible, see
    :func:`_pair_ok`), or the other says none but names the State that holds it, with the same
    trigger word ("the blockade of the corridor" / "Azerbaijan's blockade")."""
    if a.place is not None and b.place is not None:
        return True
    quiet, loud = (a, b) if not a.actors else (b, a)
    return (quiet.place is not None and loud.place is None and geo.country.get(quiet.place) in loud.actors
            and compat.trigger_head(a.mention.trigger) == compat.trigger_head(b.mention.trigger))


def _strong(a: Report, b: Report, geo: Sites, common: frozenset[str] = frozenset()) -> bool:
    """Enough evidence of one happening (see the module docstring).

    When one of the two names nobody ("an explosion in the city"), the same place
    (checked by :func:`_pair_ok`) and time: one article, the same day, reports
    published within ``LOCAL_WINDOW`` days, or a later report looking back at a
    dated happening in the same town (:func:`~newsgraph.graph.resolve.compat.follows_up`).
    Within one article: two shared actors, one shared person/organisation, or one
    shared actor on the same day or in the same sentence.  Across articles a shared actor must be a doer
    (agent or participant) in one of the two reports -- sharing only who was
    targeted ("praised Clinton") says little -- and one shared actor needs the
    same day, or (for a person/organisation) the same place or publication
    within ``NEWS_WINDOW`` days: a name that recurs in many stories must not glue
    different stories' events together.  For the same reason, on different days,
    an actor named in a large share of the corpus (``common``) counts only when it
    has the same role in both ("Clinton blamed ..." twice, not "Clinton blamed ..."
    and "... accused Clinton").  Two shared actors on different days are enough for a
    meeting (its parties meet again only on another date); a directed event (an
    accusation, an attack) also needs the same place or reports published close
    together: a quarrel recurs, and told months apart it is two quarrels.
    """
    shared = a.actors & b.actors
    same_day = len(a.date or "") == 10 and a.date == b.date
    one_sentence = a.article == b.article and a.mention.start == b.mention.start
    if not a.actors or not b.actors:  # nobody named on one side: the place or the sentence must say it
        near = a.article == b.article or same_day or _timely(a, b, geo)
        return one_sentence or _placed(a, b, geo) and near
    specific = bool(shared & (a.persons | b.persons))
    if a.article == b.article:  # ("X were killed in the genocide by Y": one sentence; the headline's
        # "Armenia-Iran hold talks" and "talks of the deputy ministers X (Armenia) and Y (Iran)")
        headline = a.mention.in_headline or b.mention.in_headline
        return len(shared) >= 2 or specific or (bool(shared) and (same_day or one_sentence)) \
            or headline and len(a.states & b.states) >= 2
    if not shared & set(a.roles[0] + a.roles[2] + b.roles[0] + b.roles[2]):
        return False
    if same_day:
        return True
    same_role = {k for r in range(3) for k in set(a.roles[r]) & set(b.roles[r])}
    shared -= common - same_role
    specific = bool(shared & (a.persons | b.persons))
    near = (a.place is not None and a.place == b.place) or compat.close(a.published, b.published, NEWS_WINDOW)
    if a.mention.type in SYMMETRIC:  # the same parties meet again only on another date
        return len(shared) >= 2 or specific and near
    return (len(shared) >= 2 or specific) and near  # a quarrel recurs: told far apart, two quarrels


def common_actors(actors: Sequence[Actor], n_articles: int) -> frozenset[str]:
    """Actors named in more than ``COMMON_SHARE`` of the articles and in more than ``COMMON_MIN``.

    >>> us = Actor("actor/state/USA", "State", "United States", (), articles=tuple("abcdefghijklmnopqrstu"))
    >>> common_actors([us], 60), common_actors([us], 200)
    (frozenset({'actor/state/USA'}), frozenset())
    """
    floor = max(COMMON_MIN, COMMON_SHARE * n_articles)
    return frozenset(a.key for a in actors if len(a.articles) > floor)


def _blocking_keys(x: Report, geo: Sites, late: bool = False) -> list[tuple]:
    """What two mentions must share to be compared (always with the same type family and
    modality): an actor, or for two mentions naming nobody a place or its country.  In the
    ``late`` round, after every pair of the first, a mention naming nobody meets every report
    of its place and every report naming its place's State (see :func:`_placed`), and a headline's
    report meets the article's reports whose actors are of the same States (see :func:`_strong`); the
    first round's order (more shared actors first) is not bent by places."""
    base = (family(x.mention.type, x.mention.trigger), x.mention.modality)
    country = geo.country.get(x.place or "")
    sites = [(*base, "place", site) for site in sorted({x.place, country} - {None})]
    sentence = [(*base, "sentence", x.article, x.mention.start)] if late else []
    if x.actors:
        states = [(*base, "article", x.article, k) for k in sorted(x.states)] if late else []
        if late and x.mention.in_headline:
            return states  # (its actors met every report in the first round)
        return [(*base, "actor", k) for k in sorted(x.actors)] + (sites if late else []) + sentence + states
    return sites + ([(*base, "actor", country)] if late and country else []) + sentence


def _linked(a: Report, b: Report, geo: Sites, common: frozenset[str]) -> bool:
    """May ``a`` and ``b`` end in one cluster: compatible, and strongly linked unless exactly one of
    them names nobody -- "an explosion" joins the bombing's reports through the one naming its place,
    not through each report of who did it."""
    if not _pair_ok(a, b, geo):
        return False
    return (not a.actors) != (not b.actors) or _strong(a, b, geo, common)


def _cluster(ms: list[Report], geo: Sites, common: frozenset[str]) -> list[list[Report]]:
    uf = UnionFind(range(len(ms)))
    members = {i: [i] for i in range(len(ms))}
    dates = [x.date for x in ms]
    published = [compat.day_number(x.published) for x in ms]  # (reports close in time are tried first)
    first = candidate_pairs([_blocking_keys(x, geo) for x in ms], dates, published)
    late = anchored_pairs([_blocking_keys(x, geo, True) for x in ms],
                          [not x.actors or x.mention.in_headline for x in ms], dates)
    for i, j in chain(first, late):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or not _pair_ok(ms[i], ms[j], geo) or not _strong(ms[i], ms[j], geo, common):
            continue
        if all(_linked(ms[a], ms[b], geo, common) for a in members[ri] for b in members[rj]):
            uf.union(ri, rj)
            members[uf.find(ri)] = sorted(members.pop(ri) + members.pop(rj))
    return [[ms[i] for i in group] for group in uf.groups()]


def resolve_events(records: Sequence[ArticleRecords], actors: Sequence[Actor],
                   emap: dict[Node, str]) -> tuple[Event, ...]:
    """Events merged from every article's mentions, sorted by key.

    ``records`` are the distinct articles, ``actors``/``emap`` come from
    :func:`newsgraph.graph.resolve.actors.resolve_actors`.

    >>> from newsgraph.extract.records import Article
    >>> a = Article(source="t", source_sha256="0", index=0, start=0, end=1, headline="",
    ...             body="Storm hit.", body_start=0)
    >>> r = ArticleRecords(article=a, events=(EventMention("DISASTER", "hit", 0, 10, "Storm hit."),))
    >>> [(e.type, e.source_count, len(e.mentions)) for e in resolve_events([r], [], {})]
    [('DISASTER', 1, 1)]
    """
    ms = _mentions(records, actors, emap)
    by_type: dict[tuple, list[Report]] = {}
    for x in ms:
        by_type.setdefault((family(x.mention.type, x.mention.trigger), x.mention.modality), []).append(x)
    geo, common = Sites.of(actors), common_actors(actors, len(records))
    country = {a.key: a.country for a in actors if a.country and a.kind != "State"}
    fields = [event_fields(g, country) for k in sorted(by_type) for g in _cluster(by_type[k], geo, common)]
    items = [(i, event_key((a, m.start, m.end, m.type) for a, m in f["mentions"]),
              sorted([a, repr(m)] for a, m in f["mentions"])) for i, f in enumerate(fields)]
    keys = unique_keys(items)
    return tuple(sorted((Event(key=keys[i], **f) for i, f in enumerate(fields)), key=lambda e: e.key))
