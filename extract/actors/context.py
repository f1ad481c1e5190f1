"""Actor rules that read the words around a name (applied by :mod:`newsgraph.extract.actors.spans`
and :mod:`newsgraph.extract.actors.types`).

* a name the NER typed ORG, GPE or LOC is a person when a person noun stands right in front of
  it ("radical preacher Mara Okonjo") or an apposition with a person noun follows it ("Tomas
  Vidal, an opposition leader, ..."), and it looks like a person's name (two to four capitalised
  words the gazetteer does not know, no body's head word), or it has a person's shape: first name,
  initial, surname ("Ulf D. Merbold");
* words that are no name in a headline's title case: a verb after "to" ("... to Avoid
  Escalation") and a verb before its particle ("Lagos Ramps Up Checks" -> "Lagos");
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
from newsgraph.extract.lexicon.names import HONORIFICS, titles

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
    heads = gz.gov()["heads"]["words"]
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


def _person_apposition(ent: Span) -> bool:
    """", a/an/the ... <person noun>" right after ``ent`` ("Tomas Vidal, an opposition leader")."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "," \
            or doc[ent.end + 1].lower_ not in ("a", "an", "the"):
        return False
    for tok in doc[ent.end + 2:min(ent.end + 6, len(doc))]:
        if tok.lemma_.lower() in person_nouns() and tok.tag_ == "NN":
            return True
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB") or tok.text == ",":
            return False
    return False


_INITIAL = re.compile(r"^[A-Z]\.$")


def _initialled(ent: Span) -> bool:
    """A first name, one initial and a surname: the shape of a person's name ("Ulf D. Merbold")."""
    return len(ent) == 3 and bool(_INITIAL.match(ent[1].text)) and ent[0].is_title and ent[2].is_title \
        and len(ent[0]) > 2 and ent[0].is_alpha and _name_like(ent[2:], 1)


def people_by_context(ents: list[Span]) -> list[Span]:
    """``ents`` with names the context shows to be people retyped PERSON (see module docstring)."""
    out = []
    for e in ents:
        misread = e.label_ == "NORP" and not gz.demonym_code(e.text)  # "Ruben Vardanyan" as a NORP
        if (e.label_ in ("ORG", "GPE", "LOC") or misread) and (_name_like(e) and _person_noun_before(e)
                                                  or _name_like(e, 1) and _person_apposition(e)
                                                  or _initialled(e)):
            e = Span(e.doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out


def headline_verbs(ent: Span) -> Span | None:
    """``ent`` without the verbs a headline's title case made look like a name; None when nothing is left."""
    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
        return ent
    if ent.start and doc[ent.start - 1].tag_ == "TO" and ent[0].tag_ == "VB":
        return None  # "... to Avoid Escalation"
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and len(ent) > 1 and nxt.tag_ == "RP" and nxt.head.i == ent.end - 1:
        return Span(doc, ent.start, ent.end - 1, label=ent.label_)  # "Lagos Ramps Up ..."
    return ent


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return gz.non_actor_words("not_names")


def title_alone(ent: Span) -> Span | None:
    """A title or occupation alone is no name ("Magistrate", "Lieutenant"), and a "person" ending in a
    body's head word is that body ("Stormont Cabinet")."""
    tok = ent[-1]
    if len(ent) == 1 and ent.label_ in ("ORG", "PERSON") and tok.is_title and len(tok) > 3 \
            and tok.lower_ in person_nouns() | HONORIFICS:
        return None
    if ent.label_ == "PERSON" and len(ent) > 1 and tok.text in gz.gov()["heads"]["words"]:
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    return ent


def no_name(ent: Span) -> bool:
    """A time zone or a wiki heading, not a name ("GMT 2 Feb", "References=="), or a body's bare head
    word that only describes a thing ("at the Cabinet meeting"; "Parliament speaker X" keeps it)."""
    tok = ent[0]
    modifier = len(ent) == 1 and ent.label_ == "ORG" and tok.text in gz.gov()["heads"]["words"] \
        and tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.is_lower and tok.head.pos_ == "NOUN" \
        and tok.head.lemma_ not in person_nouns()
    return modifier or tok.lower_ in _not_names() or "==" in ent.text


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
