"""The country of a mention from the words around it, and countries shared along lists.

* a person takes the country of the state, demonym or organisation next to it across title words
  ("Iranian Deputy Foreign Minister Ali ...", "X, the spokesman of the Y Ministry");
* a bare ministry takes the country of the nearest state or demonym before it in its sentence ("the
  Azerbaijani delegation ... the Ministry of Ecology");
* places and organisations listed together share a country when the listed ones agree.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from newsgraph.extract.actors.bodies import ministry
from newsgraph.extract.actors.mention import Mention
from newsgraph.extract.actors.types import classify
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import title_words
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


def _linked(a: Span, b: Span) -> bool:
    """Two mentions in one enumeration or apposition ("Kyiv and Lviv", "Arica, Tarapaca",
    "the Ministry of the Economy and X" read as "Economy and X"), or a place inside another ("the city
    of X in the Y province")."""
    ra, rb = a.root, b.root

    def joined(r, other: Span) -> bool:  # to its root, or to a word inside it ("of the Economy and X")
        return r.dep_ in ("conj", "appos") and (r.head == other.root or other.start <= r.head.i < other.end)

    if joined(ra, b) or joined(rb, a):
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
