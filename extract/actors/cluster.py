"""Within-article clustering of typed mentions and their country from context.

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
  full names contain it, it joins the one mentioned most recently before it
  (or, with none before, the first after it).

>>> from newsgraph.extract.actors.types import classify
>>> ms = [classify(t, "PERSON") for t in ("Ali Bagheri Kani", "Bagheri-Kani", "Dr Bagheri")]
>>> ids, ents = cluster(ms, [(0, 1), (2, 3), (4, 5)])
>>> ids, ents[0].name, ents[0].forms
(['E0', 'E0', 'E0'], 'Ali Bagheri Kani', ('Ali Bagheri Kani', 'Bagheri-Kani', 'Dr Bagheri'))
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from newsgraph.extract.actors.types import Mention, classify, ministry
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import is_shouting, norm, person_key, title_words
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import Entity

_TITLE_WORDS = title_words("affiliation")


def _affiliation(ent: Span) -> str | None:
    """Country of the first state/demonym/organisation entity next to a person, across title words."""
    doc, sent = ent.doc, ent.sent
    i = ent.start - 1
    while i >= sent.start:
        tok = doc[i]
        if tok.ent_type_ and tok.ent_iob_ in ("B", "I"):
            return _ent_country(doc, i)
        titleish = tok.is_title or tok.lower_ in _TITLE_WORDS or tok.text in ("\u2019s", "'s")
        if not titleish or tok.pos_ == "VERB":
            break
        i -= 1
    nxt = doc[ent.end:ent.end + 2]
    if ent.end < sent.end and (doc[ent.end].text == "," or len(nxt) == 2 and nxt[0].lower_ == "the"
                               and nxt[1].lower_ in _TITLE_WORDS):
        for tok in doc[ent.end + 1:min(ent.end + 9, sent.end)]:
            if tok.ent_type_:
                return _ent_country(doc, tok.i)
            if tok.pos_ in ("VERB", "AUX") or tok.text in (".", ";", "(", ")"):
                break
    return None


def _ent_country(doc, i: int) -> str | None:
    for ent in docview.ents(doc):
        if ent.start <= i < ent.end:
            if ent.label_ == "NORP":
                return gz.demonym_code(ent.text)
            if ent.label_ in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL"):
                return None
            m = classify(ent.text, ent.label_)
            return m.country if m else None
    return None


def _sentence_owner(ent: Span) -> str | None:
    """Country of the nearest state or demonym before ``ent`` in its sentence."""
    start = ent.sent.start
    for prev in reversed([e for e in docview.ents(ent.doc) if start <= e.start and e.end <= ent.start]):
        code = gz.demonym_code(prev.text) if prev.label_ == "NORP" else gz.state_code(prev.text)
        if code:
            return code
    return None


def with_context(m: Mention, ent: Span) -> Mention:
    """Add the country the sentence gives: a person's ("Iranian Deputy Foreign Minister Ali ...") or a
    bare ministry's ("the Azerbaijani delegation ... the Ministry of Ecology")."""
    if m.kind == "Person" and not m.country:
        return replace(m, country=_affiliation(ent))
    if m.key[0] == "b":
        code = _sentence_owner(ent)
        return replace(ministry(m.key[2], code, m.form), form=m.form) if code else m
    return m


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


def _abbreviated(m: Mention, qualified: list[Mention]) -> Mention | None:
    form = norm(m.form, keep_hyphens=True)
    hits = {q.name: q for q in qualified if norm(q.name, keep_hyphens=True).startswith(form + " of ")
            or (" " in form and norm(q.name, keep_hyphens=True).endswith(" " + form))
            or (m.form.isupper() and 1 < len(m.form) <= 8
                and _initials(q.name.split(" of ")[0]) == m.form.split("-")[0])}
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
        if len(cands) > 1:
            prior = [group[j] for j in range(i - 1, -1, -1) if group.get(j) in cands]
            later = [key[j] for j in persons if j > i and key[j] in cands]
            cands = prior[:1] or later[:1] or cands[:1]
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


def _linked(a: Span, b: Span) -> bool:
    """Two mentions in one enumeration or apposition ("Kyiv and Vyshgorod", "Volnyansk, Zaporizhia"),
    or a place inside another ("the city of X in the Y province")."""
    ra, rb = a.root, b.root
    if (ra.head == rb and ra.dep_ in ("conj", "appos")) or (rb.head == ra and rb.dep_ in ("conj", "appos")):
        return True
    holders = {ra, ra.head.head} if ra.head.lower_ == "of" else {ra}  # "the city of X in Y"
    return a.label_ in ("GPE", "LOC", "FAC") and rb.dep_ == "pobj" and rb.head.lower_ == "in" \
        and rb.head.head in holders


def share_country(spans: list[Span], ids: list[str], entities: list[Entity]) -> list[Entity]:
    """Places and organisations listed together share a country when the listed ones agree.

    An entity with no country takes the country of the mentions it is
    coordinated or in apposition with, when all of those that have one agree; a country passes
    along a list ("Karabakh, the Ministry of Ecology, the Ministry of the Economy and X").
    """
    for _ in range(3):
        shared = _share_once(spans, ids, entities)
        if shared == entities:
            break
        entities = shared
    return entities


def _share_once(spans: list[Span], ids: list[str], entities: list[Entity]) -> list[Entity]:
    by_id = {e.id: e for e in entities}
    ents = [by_id.get(i) for i in ids]
    takers = [i for i, e in enumerate(ents) if e is not None and not e.country
              and e.kind in ("Location", "Organization")]
    givers = [j for j, e in enumerate(ents) if e is not None and e.country
              and e.kind in ("Location", "State", "Organization")]
    if not (takers and givers):
        return entities
    sent = {k: spans[k].sent.start for k in takers + givers}
    votes: dict[str, set[str]] = {}
    for i in takers:
        for j in givers:
            if sent[i] == sent[j] and _linked(spans[i], spans[j]):
                votes.setdefault(ents[i].id, set()).add(ents[j].country)
    return [replace(e, country=next(iter(votes[e.id]))) if len(votes.get(e.id, ())) == 1 else e
            for e in entities]
