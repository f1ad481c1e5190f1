"""Who is "he": pronouns and definite descriptions resolved to article-local entity ids.

Conservative by design: only the same or the previous paragraph is searched, a
description must agree in title words ("the Deputy Minister") or nationality
("the Iranian official", "his Armenian counterpart") with the candidate, and no
answer is better than a guess.

>>> demonym_matches("Iranian", "Iran"), demonym_matches("Azeri", "Azerbaijan")
(True, True)
>>> demonym_matches("Armenian", "Iran")
False
"""
from __future__ import annotations

import bisect
from functools import cache

import pycountry
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.lexicon import toml
from newsgraph.extract.lexicon.names import title_words
from newsgraph.extract.nlp import docview

PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
GROUP_WORDS = {"side", "sides", "interlocutor", "interlocutors", "party", "parties"}
#: description heads that need no title match, only nationality agreement
GENERIC = title_words("descriptions_generic")
#: description heads: the generic ones and titles ("the foreign minister")
TITLES = GENERIC | title_words("descriptions")
_SUFFIXES = ("ians", "ian", "ean", "ese", "ans", "an", "i", "ish", "ic", "n")


@cache
def _exceptions() -> dict[str, tuple[str, ...]]:
    """Nationality adjectives whose stem does not spell the state's name -> the state's names."""
    return {k: tuple(v) for k, v in toml("nationality.toml")["demonyms"].items()}


@cache
def _country_names(iso3: str) -> tuple[str, ...]:
    """Names of the country with ISO alpha-3 code ``iso3`` (pycountry), the code itself included."""
    c = pycountry.countries.get(alpha_3=iso3)
    names = (iso3,) if c is None else (iso3, c.name, getattr(c, "common_name", c.name))
    return tuple(dict.fromkeys(n.split(",")[0] for n in names))


def demonym_matches(adj: str, name: str) -> bool:
    """True when the nationality adjective ``adj`` names the state called ``name``."""
    a, n = adj.lower().strip(), name.lower().strip()
    if not a or not n:
        return False
    if a in _exceptions():
        return any(n == x.lower() for x in _exceptions()[a])
    if a == n:
        return True
    for suf in _SUFFIXES:
        if a.endswith(suf) and len(a) - len(suf) >= 4:
            stem = a[: -len(suf)]
            if n.startswith(stem) and len(n) - len(stem) <= 2:
                return True
    return False


def _paragraph_starts(doc: Doc) -> list[int]:
    cached = doc.user_data.get("ng_paragraph_starts")
    if cached is not None:
        return cached
    text = docview.text(doc)  # built from the tokens on every access: read it once
    starts, i = [0], text.find("\n\n")
    while i >= 0:
        starts.append(i + 2)
        i = text.find("\n\n", i + 2)
    doc.user_data["ng_paragraph_starts"] = starts
    return starts


def paragraph_of(doc: Doc, char: int) -> int:
    """Index of the paragraph (blank-line separated) holding character ``char``."""
    return bisect.bisect_right(_paragraph_starts(doc), char) - 1


def _actors(doc: Doc) -> list[tuple[Span, str, int, int]]:
    """(mention, entity id, end character, paragraph) of every actor mention, in text order."""
    def build() -> list[tuple[Span, str, int, int]]:
        found = [(e, e.kb_id_, e.end_char, e.start_char) for e in docview.ents(doc)]
        return [(e, kb, end, paragraph_of(doc, start)) for e, kb, end, start in found if kb]
    return docview.cached(doc, "coref.actors", build)


def _window(doc: Doc, token: Token) -> list[Span]:
    """Actor mentions before ``token`` in its own or the previous paragraph, most recent last."""
    idx = token.idx
    para = paragraph_of(doc, idx)
    return [e for e, _, end, p in _actors(doc) if end <= idx and para - p <= 1]


def _kinds(doc: Doc) -> dict[str, object]:
    if not doc.has_extension("ng_entities"):
        return {}
    found = doc._.ng_entities
    memo = docview.memo(doc)
    if memo is not None and memo.get("coref.kinds", (None,))[0] is found:
        return memo["coref.kinds"][1]
    kinds = {e.id: e for e in found}
    if memo is not None:
        memo["coref.kinds"] = (found, kinds)
    return kinds


def _mentions(doc: Doc, kb_id: str) -> list[Span]:
    return [e for e, kb, _, _ in _actors(doc) if kb == kb_id]


def _title_span(ent: Span) -> list[Token]:
    """The title words around a mention: "Deputy Foreign Minister of Iran [Ali Bagheri Kani] of Iran"."""
    doc = ent.doc
    out: list[Token] = []
    i = ent.start - 1
    while i >= max(ent.sent.start, ent.start - 10):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX", "PRON", "CCONJ") or t.ent_type_ == "PERSON" or t.text in (",", ";", "("):
            break
        out.append(t)
        i -= 1
    out += [t for t in ent.root.subtree if t.i >= ent.end and t.i < ent.end + 5]
    if ent.root.dep_ == "appos":
        out += [t for t in ent.root.head.subtree if t.i < ent.start and t.ent_type_ != "PERSON"]
    return out


def _context_words(doc: Doc, kb_id: str) -> set[str]:
    """Lower-cased words of every mention of the entity and of the titles around them."""
    def build() -> set[str]:
        words: set[str] = set()
        for ent in _mentions(doc, kb_id):
            words |= {t.lower_ for t in (*ent, *_title_span(ent))}
        return words
    return docview.cached(doc, ("coref.words", kb_id), build)


def _nationality_ok(demonyms: list[str], doc: Doc, kb_id: str, kinds: dict) -> bool:
    if not demonyms:
        return True
    names: list[str] = []
    for ent in _mentions(doc, kb_id):
        span = _title_span(ent)
        names += [t.text for t in span]
        idx = {t.i for t in span}
        names += [e.text for e in docview.ents(doc)
                  if e.label_ != "PERSON" and idx & set(range(e.start, e.end))]
    info = kinds.get(kb_id)
    if info is not None and getattr(info, "country", None):
        names += _country_names(info.country)
    return all(any(demonym_matches(d, n) or d.lower() == n.lower() for n in names) for d in demonyms)


def _actor_tokens(doc: Doc) -> set[int]:
    return docview.cached(doc, "coref.tokens",
                          lambda: {i for e, _, _, _ in _actors(doc) for i in range(e.start, e.end)})


def _names(doc: Doc) -> list[int]:
    """Indices of the NNP tokens inside a NORP or PERSON entity."""
    return docview.cached(doc, "coref.names",
                          lambda: [t.i for t in doc if t.tag_ == "NNP" and t.ent_type_ in ("NORP", "PERSON")])


def _is_person(ent: Span, kinds: dict) -> bool:
    info = kinds.get(ent.kb_id_)
    return getattr(info, "kind", None) == "Person" if info is not None else ent.label_ == "PERSON"


def _pronoun(doc: Doc, token: Token, window: list[Span]) -> str | None:
    persons = [e for e in window if _is_person(e, _kinds(doc))]
    if not persons:
        return None
    def subjects(ents: list[Span]) -> list[Span]:
        return [e for e in ents if e.root.dep_ in ("nsubj", "nsubjpass")
                or e.root.head.dep_ in ("nsubj", "nsubjpass") and e.root.dep_ in ("appos", "compound")]

    same = [e for e in persons if e.sent.start == token.sent.start]
    if same:  # "Pashinyan warned ..., noting that he": the subject before the pronoun
        return (subjects(same) or same)[-1].kb_id_
    last_sent = persons[-1].sent.start
    lo, hi = persons[-1].end, token.i
    known = _actor_tokens(doc)
    unresolved = any(lo <= i < hi and i not in known for i in _names(doc))
    if unresolved or docview.n_sents(doc, lo, hi) > 3:
        return None  # an unrecognised name stands in between, or too far: no guess
    in_last = [e for e in persons if e.sent.start == last_sent]
    subj = subjects(in_last)
    return (subj or in_last)[-1].kb_id_ if len({e.kb_id_ for e in in_last}) == 1 or subj else None


def _co_subject(doc: Doc, token: Token) -> str | None:
    """The entity of the subject of the verb whose object ``token`` is (directly or through a
    preposition): a description there names someone else ("X met the president" is not X)."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ not in ("dobj", "pobj", "dative") or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    ent = next((e for e in docview.ents(doc) if subj is not None and e.start <= subj.i < e.end), None)
    return ent.kb_id_ or None if ent is not None else None


def _description(doc: Doc, token: Token, window: list[Span]) -> str | None:
    kinds = _kinds(doc)
    mods = [c for c in token.children if c.dep_ in ("compound", "amod")]
    demonyms = [c.text for c in mods
                if c.ent_type_ in ("NORP", "GPE") or c.pos_ == "ADJ" and c.text[:1].isupper()]
    titles = {c.lower_ for c in mods if c.text not in demonyms} | {token.lower_, token.lemma_.lower()}
    owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
    excluded = {resolve(doc, owner) if owner is not None else None, _co_subject(doc, token)}
    generic = token.lemma_.lower() in GENERIC
    if generic and not demonyms:
        return None
    bodies = {t.lower_ for e in bodies_of(token) for t in e}
    for ent in reversed(window):
        if not _is_person(ent, kinds):
            continue
        if ent.kb_id_ in excluded or bodies and not bodies & _context_words(doc, ent.kb_id_):
            continue  # ("the head of the FBI" is no "Police Chief X")
        if not generic and not titles <= _context_words(doc, ent.kb_id_) | {token.lemma_.lower()}:
            continue
        if _nationality_ok(demonyms, doc, ent.kb_id_, kinds):
            return ent.kb_id_
    return None


def bodies_of(token: Token) -> list[Span]:
    """The named bodies and states a title description is "of" ("the head of the FBI": the FBI).

    >>> import spacy
    >>> bodies_of(spacy.blank("en")("the head")[1])
    []
    """
    inside = {t.i for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj" for t in o.subtree}
    return [e for e in docview.ents(token.doc) if e.start in inside and e.label_ in ("ORG", "GPE")]


def resolve(doc: Doc, token: Token | None) -> str | None:
    """Entity id that a pronoun or a title description (its head ``token``) stands for, else None.

    >>> import spacy
    >>> resolve(spacy.blank("en")("He left."), None) is None
    True
    """
    if token is None:
        return None
    return docview.cached(doc, ("coref.resolve", token.i), lambda: _resolve(doc, token))


def _resolve(doc: Doc, token: Token) -> str | None:
    try:
        if token.ent_type_ and token.ent_iob_ != "O":
            ent = next((e for e in docview.ents(doc) if e.start <= token.i < e.end), None)
            return ent.kb_id_ or None if ent is not None else None
        window = _window(doc, token)
        if token.lower_ in PRONOUNS:
            return _pronoun(doc, token, window)
        described = any(c.dep_ in ("det", "poss") for c in token.children)
        if token.lemma_.lower() in TITLES and token.pos_ in ("NOUN", "PROPN") \
                and token.tag_ not in ("NNS", "NNPS") and described:
            return _description(doc, token, window)
        return None
    except (AttributeError, ValueError, IndexError):
        return None
