"""Within-article clustering of typed mentions (their country from context: :mod:`.countries`).

Rules ("one actor, one entity" inside an article):

* states by ISO code ("the U.S.", "United States", "US"); known organisations,
  outlets and government bodies by canonical name ("Azerbaijani Defense
  Ministry" = "Ministry of Defense of Azerbaijan");
* a bare "Ministry of Defense"/"Defense Ministry" joins the article's only
  state-qualified ministry of that portfolio, else takes the country of the
  nearest preceding state-qualified ministry; a bare body ("National Security
  Service", "NSS") joins the qualified body it abbreviates or starts;
* persons by name without honorifics, hyphens as spaces; a partial name
  ("Bagheri", "Bagheri-Kani") joins the one full name containing it; when two
  full names contain it, it joins the one mentioned most often, then the one named
  first ("Trump" is Donald Trump in a story that names Melania Trump once).

>>> from newsgraph.extract.actors.types import classify
>>> ms = [classify(t, "PERSON") for t in ("Ali Bagheri Kani", "Bagheri-Kani", "Dr Bagheri")]
>>> ids, ents = cluster(ms, [(0, 1), (2, 3), (4, 5)])
>>> ids, ents[0].name, ents[0].forms
(['E0', 'E0', 'E0'], 'Ali Bagheri Kani', ('Ali Bagheri Kani', 'Bagheri-Kani', 'Dr Bagheri'))
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.extract.actors.bodies import ministry
from newsgraph.extract.actors.context import distinctive
from newsgraph.extract.actors.mention import Mention
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import is_shouting, norm, person_key
from newsgraph.extract.records import Entity


def _resolve_bare(mentions: list[Mention]) -> list[Mention]:
    """Give bare ministries and bare bodies the key of the qualified body they stand for."""
    qualified = [m for m in mentions if m.key[0] in ("B", "K") and (m.country or " " in m.name)]
    out = []
    for i, m in enumerate(mentions):
        if m.key[0] == "b":
            subject = m.key[2]
            prefix = f"ministry of {subject} of "
            same = sorted({q.name for q in qualified if norm(q.name, keep_hyphens=True).startswith(prefix)})
            before = [q for q in mentions[:i]
                      if q.key[0] == "B" and q.country and q.name.startswith("Ministry")]
            if len(same) == 1:
                q = next(q for q in qualified if q.name == same[0])
                m = replace(m, name=q.name, key=q.key, country=q.country)
            elif before:
                q = ministry(subject, before[-1].country, m.form)
                m = replace(q, form=m.form)
        elif m.kind == "Organization" and m.key[0] == "G":
            target = _abbreviated(m, qualified) or _abbreviated(m, [
                q for q in mentions if q.kind == "Organization" and q.key[0] == "G" and " " in q.name])
            if target is not None:
                m = replace(m, name=target.name, key=target.key, country=target.country or m.country,
                            sector=target.sector or m.sector)
        out.append(m)
    return _merge_bodies(out)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())


def generic_aliases(mentions: list[Mention]) -> list[Mention]:
    """A known organisation reached through a bare generic name ("Congress" for the United States Congress)
    keeps that reading only when the text names its country otherwise; else it is a body of that name.

    >>> from newsgraph.extract.actors.types import classify
    >>> us, gb, dc = classify("Congress", "ORG"), classify("London", "GPE"), classify("Washington", "GPE")
    >>> [m.name for m in generic_aliases([us, gb])], [m.name for m in generic_aliases([us, dc])]
    (['Congress', 'London'], ['United States Congress', 'Washington'])
    """
    generic = {w.lower() for w in gz.body_heads()}

    def bare(m: Mention) -> bool:
        return m.key[0] == "K" and m.country is not None and norm(m.form).removeprefix("the ") in generic

    named = {c for m in mentions if not bare(m) for c in (m.country, m.code) if c}
    return [_body(m) if bare(m) and m.country not in named else m for m in mentions]


def _body(m: Mention) -> Mention:
    name = m.form.removeprefix("the ").removeprefix("The ")
    return Mention("Organization", name, ("G", norm(name)), m.form, sector=m.sector)


def expansion(m: Mention, long: Mention) -> Mention:
    """An organisation's abbreviation in brackets right after a longer organisation name stands for it
    when its first letter starts a word of that name ("Region 4 Border Patrol Police (BPP)").

    >>> from newsgraph.extract.actors.types import classify
    >>> a, b = classify("Border Patrol Police", "ORG"), classify("BPP", "ORG")
    >>> expansion(b, a).name, expansion(classify("XYZ", "ORG"), a).name
    ('Border Patrol Police', 'XYZ')
    """
    if m.kind != "Organization" or long.kind != "Organization" or " " not in long.name \
            or m.form[:1] not in _initials(long.name):
        return m
    return replace(long, form=m.form)


def _abbreviated(m: Mention, qualified: list[Mention]) -> Mention | None:
    """The one longer organisation ``m`` is short for: "X of ..." or "... X", its initials, or its one
    distinctive word ("Ericsson" for "LM Ericsson AB")."""
    form = norm(m.form, keep_hyphens=True)
    hits = {q.name: q for q in qualified if norm(q.name, keep_hyphens=True).startswith(form + " of ")
            or (" " in form and norm(q.name, keep_hyphens=True).endswith(" " + form))
            or (m.form.isupper() and 1 < len(m.form) <= 8
                and _initials(q.name.split(" of ")[0]) == m.form.split("-")[0])}
    if not hits and m.form.istitle() and distinctive(m.form):
        hits = {q.name: q for q in qualified if form in norm(q.name, keep_hyphens=True).split()}
    return hits[sorted(hits)[0]] if len(hits) == 1 else None


def _merge_bodies(ms: list[Mention]) -> list[Mention]:
    """Merge same-country bodies whose names differ by extra words ("Security Service" in "National ...")."""
    bodies = sorted({m.name: m for m in ms if m and m.key[0] == "B" and m.country}.values(),
                    key=lambda m: (-len(m.name), m.name))
    alias: dict[str, Mention] = {}
    for short in bodies:
        sw = norm(short.name, keep_hyphens=True).split(" of ")[0].split()
        for long in bodies:
            lw = norm(long.name, keep_hyphens=True).split(" of ")[0].split()
            if (long is not short and long.country == short.country and len(lw) > len(sw)
                    and set(sw) <= set(lw) and sw[-1] == lw[-1] and short.name not in alias):
                alias[short.name] = long
    return [replace(m, name=alias[m.name].name, key=alias[m.name].key) if m and m.name in alias else m
            for m in ms]


def _person_groups(ms: list[Mention]) -> dict[int, tuple]:
    """Mention index -> person group key (the token tuple of the full name it joins)."""
    persons = [i for i, m in enumerate(ms) if m and (m.kind == "Person" or (m.weak and " " not in m.form))]
    key = {i: tuple(person_key(ms[i].name).split()) for i in persons}
    full = {key[i] for i in persons if ms[i].kind == "Person" and key[i]}
    roots = sorted(k for k in full if not any(len(o) > len(k) and _contains(list(o), list(k)) for o in full))
    group: dict[int, tuple] = {}
    for i in persons:
        k = key[i]
        cands = [r for r in roots if k and _contains(list(r), list(k))]
        if len(cands) > 1:  # "Trump" with Donald and Melania Trump named: the one named most, then first
            named = {r: [j for j in persons if key[j] == r] for r in cands}
            cands = sorted(cands, key=lambda r: (-len(named[r]), named[r][:1]))
        if cands:
            group[i] = cands[0]
        elif ms[i].kind == "Person":
            group[i] = k
    return group


def _contains(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return n > 0 and any(big[k:k + n] == small for k in range(len(big) - n + 1))


def cluster(mentions: list[Mention], spans: list[tuple[int, int]]) -> tuple[list[str], list[Entity]]:
    """Cluster typed mentions (in text order): local ids per mention and the Entity records."""
    ms = _resolve_bare(list(mentions))
    head = _person_groups(ms)
    keys = []
    for i, m in enumerate(ms):
        keys.append(None if m is None else ("P", *head[i]) if i in head else m.key)
    order: dict[tuple, int] = {}
    for k in keys:
        if k is not None:
            order.setdefault(k, len(order))
    members: dict[tuple, list[int]] = {k: [] for k in order}
    for i, k in enumerate(keys):
        if k is not None:
            members[k].append(i)
    entities = [_entity(f"E{n}", [ms[i] for i in members[k]], [spans[i] for i in members[k]])
                for n, k in enumerate(order)]
    return [f"E{order[k]}" if k is not None else None for k in keys], entities


def _entity(eid: str, ms: list[Mention], spans: list[tuple[int, int]]) -> Entity:
    people = [m for m in ms if m.kind == "Person"]
    if people:
        kind = "Person"
        name = max((m.name for m in people), key=lambda n: (not is_shouting(n), len(person_key(n).split()),
                                                           "-" not in n, -people.index(next(
                                                               p for p in people if p.name == n))))
    else:
        strong = [m for m in ms if not m.weak] or ms
        kind = strong[0].kind
        plain = [m.name for m in strong if not is_shouting(m.name)]
        name = plain[0] if plain else strong[0].name
    forms = tuple(dict.fromkeys([name, *(m.form for m in ms)]))
    code = next((m.code for m in ms if m.code), None)
    country = next((m.country for m in ms if m.country), None)
    sector = next((m.sector for m in ms if m.sector), None)
    return Entity(eid, kind, name, forms, tuple(spans), code, country, sector)
