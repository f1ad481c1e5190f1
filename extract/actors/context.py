"""Actor rules that read the words around a name (applied by :mod:`newsgraph.extract.actors.spans`
and :mod:`newsgraph.extract.actors.types`).

* a name the NER typed ORG, GPE, LOC or FAC is a person when a person noun stands right in front of
  it ("radical preacher Mara Okonjo") or an apposition with a person noun follows it ("Tomas
  Vidal, an opposition leader, ..."), and it looks like a person's name (two to four capitalised
  words the gazetteer does not know, no body's head word), or it has a person's shape: first name,
  initial, surname ("Ulf D. Merbold"), or an age in commas follows it ("Mara Okonjo, 47, of ..."), or
  "who" ("supporters of Mara Okonjo, who was jailed");
* a "place" the gazetteer does not know joined by "and" to a person is a person ("Putin and Erdogan");
* the place after a person's age ("Mara Okonjo, 47, of Brasov") is a place whatever the NER said;
* a name the NER typed PERSON is a firm when a firm noun stands right in front of it ("tyre giant
  Marelli") or an apposition with one follows it ("Dunmore, a Dutch retailer, ...");
* a one-word PERSON that is the distinctive word of a firm named elsewhere in the text is that firm
  ("LM Ericsson AB ... Ericsson said").

Words that are no name, or no part of one, are told apart in :mod:`newsgraph.extract.actors.nonames`;
names glued together or cut short are mended in :mod:`newsgraph.extract.actors.glued`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import title_words, titles

#: Prepositions before a name that make it a place ("in Clinton"), not a person.
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "outside", "across"})
#: Endings of agent nouns (PETRARCH2) that name one person ("preacher", "playwright", "activist").
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ant", "ee", "wright")
#: Agent sectors whose nouns name firms and things as often as people ("carmaker", "tanker").
_NOT_PEOPLE_SECTORS = frozenset({"BUS"})


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns for one person: role nouns, offices and occupations of ``titles.toml``, and the agent nouns of
    ``agents.tsv`` with a person's ending whose plural is listed too (no mass nouns such as "police").

    >>> {"preacher", "spokesman", "minister", "leader"} <= person_nouns()
    True
    >>> {"police", "army", "government", "city", "congress"} & person_nouns()
    set()
    """
    table = titles()
    words = {n.lower() for n in table["roles"]["nouns"] if " " not in n}
    words |= {_head(o) for group in table["offices"].values() for o in group if "." not in o}
    words |= set(table["words"]["occupations"])
    agents = gz.agent_sectors()
    words |= {a for a in agents if a.isalpha() and a.endswith(_PERSON_ENDINGS)
              and (a + "s" in agents or a + "es" in agents) and agents[a] not in _NOT_PEOPLE_SECTORS}
    return frozenset(words - gz.non_actor_words("not_person_nouns"))


def _head(office: str) -> str:
    """The noun of an office: "member of parliament" -> member, "prime minister" -> minister."""
    words = office.replace("-", " ").split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "at", "for", "in")), len(words))
    return words[max(cut - 1, 0)]


def _name_like(ent: Span, shortest: int = 2) -> bool:
    """``shortest`` to four capitalised proper nouns the gazetteer does not know and no body's head word."""
    heads = gz.body_heads()
    words = all(t.is_title and t.pos_ == "PROPN" and t.text not in heads for t in ent)
    known = gz.state_code(ent.text) or gz.city(ent.text) or gz.organization(ent.text) \
        or gz.outlet(ent.text) or gz.sector_of(ent.text)
    return shortest <= len(ent) <= 4 and words and not known


def _person_noun_before(ent: Span) -> bool:
    """A lower-case person noun right before ``ent`` ("preacher Mara Okonjo")."""
    if ent.start == 0:
        return False
    prev = ent.doc[ent.start - 1]
    return prev.is_lower and prev.tag_ == "NN" and prev.lemma_ in person_nouns() and not prev.ent_type_


def person_apposition(ent: Span, nouns: frozenset[str] | None = None) -> bool:
    """", a/an/the ... <person noun>" right after ``ent`` ("Tomas Vidal, an opposition leader"); with
    ``nouns``, one of those instead ("Dunmore, a Dutch retailer")."""
    doc, nouns = ent.doc, person_nouns() if nouns is None else nouns
    if ent.end + 2 >= len(doc) or doc[ent.end].text != ",":
        return False
    if doc[ent.end + 1].lower_ not in ("a", "an", "the"):  # or the noun and "of" alone: "X, wife of Y"
        return doc[ent.end + 1].lower_ in nouns and doc[ent.end + 2].lower_ == "of"
    for tok in doc[ent.end + 2:min(ent.end + 6, len(doc))]:
        if tok.lemma_.lower() in nouns and tok.tag_ == "NN":
            return True
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB") or tok.text == ",":
            return False
    return False


_INITIAL = re.compile(r"^[A-Z]\.$")


def _initialled(ent: Span) -> bool:
    """A first name, one initial and a surname: the shape of a person's name ("Ulf D. Merbold")."""
    return len(ent) == 3 and bool(_INITIAL.match(ent[1].text)) and ent[0].is_title and ent[2].is_title \
        and len(ent[0]) > 2 and ent[0].is_alpha and _name_like(ent[2:], 1)


def aged(ent: Span) -> bool:
    """An age in commas right after ``ent``: the way news introduces a person ("Mara Okonjo, 47, of ...")."""
    doc, k = ent.doc, ent.end
    return k + 2 < len(doc) and doc[k].text == "," and doc[k + 2].text == "," and doc[k + 1].like_num \
        and doc[k + 1].text.isdigit() and 0 < int(doc[k + 1].text) < 120


def _who_follows(ent: Span) -> bool:
    """The relative "who" right after ``ent``, or after a comma: it stands for a person ("rallied for Mara
    Okonjo, who was jailed"), unless the name is where someone is from ("a man from South Kerry, who")."""
    doc, k = ent.doc, ent.end + (ent.end < len(ent.doc) and ent.doc[ent.end].text == ",")
    placed = ent.start > 0 and (doc[ent.start - 1].lower_ in LOCATIVE or doc[ent.start - 1].text == ",")
    return k < len(doc) and doc[k].lower_ == "who" and doc[k].text != "WHO" and not placed  # (not the agency)


#: Verbs only a person undergoes ("murdered", "executed"): ``[words].harm_verbs`` of ``titles.toml``.
_HARM_VERBS = title_words("harm_verbs")


def and_joined(tok: Token) -> list[Token]:
    """The words joined to ``tok`` by "and": its conjuncts and the word it is a conjunct of, when the
    parser hangs an "and" on the first of the two ("Ana Rojas and Tom Hale"; not "or", which may give
    a person's other name: "Lisbeth Rojas, or 'Mama Lis'")."""
    sides = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    return [s for s in sides if any(c.dep_ == "cc" and c.lower_ == "and"
                                    for c in min(tok, s, key=lambda t: t.i).children)]


def _joined_to_person(ent: Span) -> bool:
    """A one- or two-word name of no place the gazetteer knows, joined by "and" to a name the NER read
    as a person's ("Putin and Erdogan discussed ...")."""
    return len(ent) <= 2 and ent.root.tag_ == "NNP" and _name_like(ent, 1) \
        and any(t.ent_type_ == "PERSON" for t in and_joined(ent.root)) \
        and not (gz.state_code(ent.text) or gz.city(ent.text) or gz.place_country(ent.text))


def _harmed(ent: Span) -> bool:
    """The name is the object or passive subject of a verb only a person undergoes, or in apposition to
    one ("the last king of Peru, Atahualpa, was murdered")."""
    if ent.label_ == "NORP" or ent.root.tag_ != "NNP":
        return False  # ("300,000 Assyrians were killed": a people)
    tok = ent.root.head if ent.root.dep_ == "appos" else ent.root
    return tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in _HARM_VERBS


def _home_town(ent: Span) -> bool:
    """The place after a person's age: "Mara Okonjo, 47, of Brasov" (one name no table knows as a body)."""
    doc, k = ent.doc, ent.start
    return k >= 4 and doc[k - 1].lower_ == "of" and doc[k - 2].text == "," and doc[k - 3].text.isdigit() \
        and doc[k - 4].text == "," and len(ent) <= 3 and not gz.organization(ent.text)


@lru_cache(maxsize=1)
def firm_nouns() -> frozenset[str]:
    """Nouns for a firm or a title ("giant", "retailer", "daily"): ``[words].firms`` of ``titles.toml``.

    >>> {"retailer", "giant", "daily"} <= firm_nouns(), "spokesman" in firm_nouns()
    (True, False)
    """
    return title_words("firms")


def _firm_noun_before(ent: Span) -> bool:
    """A lower-case firm noun right before ``ent`` ("tyre giant Marelli", "the daily Glos Ludu")."""
    prev = ent.doc[ent.start - 1] if ent.start else None
    return prev is not None and prev.is_lower and prev.tag_ == "NN" and prev.lower_ in firm_nouns() \
        and not prev.ent_type_


def people_by_context(ents: list[Span]) -> list[Span]:
    """``ents`` with names the context shows to be people retyped PERSON, and persons the context shows
    to be firms retyped ORG (see module docstring)."""
    out = []
    for e in ents:
        misread = e.label_ == "NORP" and not gz.demonym_code(e.text)  # "Ruben Vardanyan" as a NORP
        if (e.label_ in ("ORG", "GPE", "LOC", "FAC") or misread) and (_name_like(e) and _person_noun_before(e)
                                                  or _name_like(e, 1) and (person_apposition(e) or aged(e))
                                                  or _name_like(e) and _who_follows(e)
                                                  or _harmed(e) and _name_like(e, 1)
                                                  or _initialled(e)) \
                or e.label_ in ("GPE", "LOC") and _joined_to_person(e):
            e = Span(e.doc, e.start, e.end, label="PERSON")
        elif e.label_ in ("ORG", "PERSON") and _home_town(e):
            e = Span(e.doc, e.start, e.end, label="LOC")
        elif e.label_ == "PERSON" and not _initialled(e) and not aged(e) and (
                _firm_noun_before(e) or person_apposition(e, firm_nouns())):
            e = Span(e.doc, e.start, e.end, label="ORG")
        out.append(e)
    return _named_like_firms(out)


def distinctive(word: str) -> bool:
    """A one-word name that may stand for a longer name it is part of: no body's head word, company
    suffix, generic name, state or demonym.

    >>> distinctive("Ericsson"), distinctive("Council"), distinctive("Inc"), distinctive("Azerbaijani")
    (True, False, False, False)
    """
    low = word.lower().rstrip(".")
    return " " not in word and word not in gz.body_heads() and low not in gz.company_suffixes() \
        and low not in gz.non_actor_words("generic_names") and not gz.state_code(word) \
        and not gz.demonym_code(word)


def _firm(ent: Span) -> bool:
    """An organisation shown to be a firm: a company suffix ("AB", "Inc"), a business sector, or a firm
    noun in front or in apposition."""
    return ent[-1].lower_.rstrip(".") in gz.company_suffixes() or gz.sector_of(ent.text) == "BUS" \
        or _firm_noun_before(ent) or person_apposition(ent, firm_nouns())


def _named_like_firms(ents: list[Span]) -> list[Span]:
    """A one-word PERSON that is an organisation's name or its distinctive word elsewhere in the text
    ("LM Ericsson AB ... Ericsson said"), and no surname of a person named in full, is that organisation."""
    people = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    firms = {t.text for e in ents if e.label_ == "ORG" and _firm(e) for t in e
             if t.is_title and distinctive(t.text)}
    return [Span(e.doc, e.start, e.end, label="ORG")
            if e.label_ == "PERSON" and len(e) == 1 and e.text in firms - people else e for e in ents]
