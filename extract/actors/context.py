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
* words that are no name in a headline's title case: a verb after "to" ("... to Avoid
  Escalation"), a verb before its particle ("Lagos Ramps Up Checks" -> "Lagos"), an "organisation"
  with an inflected verb in it ("Confrontation Leaves Students Injured") or ending in a person noun
  ("Court Convicts Friend of Harbour Bombing Suspect");
* a one-word PERSON that is the distinctive word of a firm named elsewhere in the text is that firm
  ("LM Ericsson AB ... Ericsson said");
* a title alone is no name ("Magistrate"), a "person" ending in a body's head word is the body
  ("Stormont Cabinet"); time zones, wiki headings and a bare body word that only describes a
  thing ("the Cabinet meeting") are no actors;
* a person's name is printed without the nationality and occupation in front of it ("Belgian
  King Baudouin", "Actress Ilse Varga").

Names glued together or cut short are mended in :mod:`newsgraph.extract.actors.glued`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import HONORIFICS, title_words, titles

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


def _joined_to_person(ent: Span) -> bool:
    """A one- or two-word name of no place the gazetteer knows, joined by "and" to a name the NER read
    as a person's ("Putin and Erdogan discussed ...")."""
    root = ent.root
    sides = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    first = min([root, *sides], key=lambda t: t.i)
    return len(ent) <= 2 and ent.root.tag_ == "NNP" and _name_like(ent, 1) \
        and any(t.ent_type_ == "PERSON" for t in sides) \
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children) \
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


def title_cased(ent: Span) -> bool:
    """``ent`` stands in a sentence in a headline's title case ("Thousands Flee into Bush in Border
    State"); False when the document has no sentence boundaries."""
    if not ent.doc.has_annotation("SENT_START"):
        return False
    words = [t for t in ent.sent if t.is_alpha and len(t) > 3]
    return len(words) > 2 and sum(t.is_title for t in words) >= 0.8 * len(words)


_VERB_FORMS = frozenset({"VBZ", "VBD", "VBG", "VBN"})


def headline_verbs(ent: Span) -> Span | None:
    """``ent`` without the verbs a headline's title case made look like a name; None when nothing is left."""
    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
        return ent
    if ent.start and doc[ent.start - 1].tag_ == "TO" and ent[0].tag_ == "VB":
        return None  # "... to Avoid Escalation"
    if ent.label_ == "ORG" and (any(t.tag_ in _VERB_FORMS for t in ent) or len(ent) > 1 and (
            ent[-1].lower_ in person_nouns() and all(t.lower_ != "of" for t in ent))) and title_cased(ent):
        return None  # "Confrontation Leaves Students Injured", "... of Harbour Bombing Suspect"
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and len(ent) > 1 and nxt.tag_ == "RP" and nxt.head.i == ent.end - 1:
        return Span(doc, ent.start, ent.end - 1, label=ent.label_)  # "Lagos Ramps Up ..."
    return ent


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return gz.non_actor_words("not_names")


def _singulars(word: str) -> set[str]:
    """``word`` and its singular forms as a plural noun may have them ("gunmen", "soldiers")."""
    low = word.lower()
    forms = {low, low.removesuffix("s")}
    if low.endswith("men"):
        forms.add(low[:-3] + "man")
    return forms


def title_alone(ent: Span) -> Span | None:
    """A title or occupation alone is no name ("Magistrate", "Lieutenant", "Gunmen" opening a sentence,
    which the NER may call a place), and a "person" ending in a body's head word is that body
    ("Stormont Cabinet")."""
    tok = ent[-1]
    if len(ent) == 1 and ent.label_ in ("ORG", "PERSON", "GPE", "LOC") and tok.is_title and len(tok) > 3 \
            and _singulars(tok.text) & (person_nouns() | HONORIFICS):
        return None
    if ent.label_ == "PERSON" and len(ent) > 1 and tok.text in gz.body_heads():
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    return ent


def no_name(ent: Span) -> bool:
    """A time zone or a wiki heading, not a name ("GMT 2 Feb", "References=="), or a body's bare head
    word that only describes a thing ("at the Cabinet meeting"; "Parliament speaker X" keeps it)."""
    tok = ent[0]
    modifier = len(ent) == 1 and ent.label_ == "ORG" and tok.text in gz.body_heads() \
        and tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.is_lower and tok.head.pos_ == "NOUN" \
        and tok.head.lemma_ not in person_nouns()
    return modifier or tok.lower_ in _not_names() or "==" in ent.text or _agent_noun(ent)


def _agent_noun(ent: Span) -> bool:
    """A lone common noun of the field's agent nouns, capitalised at a sentence start ("Rebels attacked X",
    "Militants ..."): a kind of actor, not one named.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Rebels", "attacked", "Lima"], tags=["NNS", "VBD", "NNP"])
    >>> _agent_noun(doc[0:1]), _agent_noun(doc[2:3])
    (True, False)
    """
    tok = ent[0]
    return len(ent) == 1 and tok.tag_ in ("NN", "NNS", "NNPS") and tok.is_sent_start \
        and tok.lower_ in gz.agent_sectors()


_INITIAL_OR_LETTER = re.compile(r"^[A-Z]\.?$")


def without_descriptors(form: str) -> str:
    """A person's name without the nationality and the occupation printed in front of it
    ("Belgian King Baudouin" -> "King Baudouin", "Actress Ilse Varga" -> "Ilse Varga"); an occupation
    word is dropped only before two more words, none an initial ("Hunter S. Tam" stays).

    >>> without_descriptors("Belgian King Baudouin"), without_descriptors("Actress Ilse Varga")
    ('King Baudouin', 'Ilse Varga')
    >>> without_descriptors("Hunter S. Tam"), without_descriptors("Dean Varga")
    ('Hunter S. Tam', 'Dean Varga')
    """
    words = form.split()
    nouns = person_nouns() | HONORIFICS
    if len(words) >= 3 and gz.demonym_code(words[0]) and words[1].casefold() in nouns:
        words = words[1:]
    if len(words) >= 3 and words[0].casefold() in person_nouns() and not _INITIAL_OR_LETTER.match(words[1]) \
            and not _INITIAL_OR_LETTER.match(words[2]):
        words = words[1:]
    return " ".join(words)
