"""Words that are no name, or no part of one (applied by :mod:`newsgraph.extract.actors.spans` and
:mod:`newsgraph.extract.actors.types`):

* words that are no name in a headline's title case: a verb after "to" ("... to Avoid
  Escalation"), a verb before its particle ("Lagos Ramps Up Checks" -> "Lagos"), an "organisation"
  with an inflected verb in it ("Confrontation Leaves Students Injured") or ending in a person noun
  ("Court Convicts Friend of Harbour Bombing Suspect");
* a title alone is no name ("Magistrate"), a "person" ending in a body's head word is the body
  ("Stormont Cabinet"); time zones, wiki headings, a bare body word that only describes a
  thing ("the Cabinet meeting") and an agent noun capitalised at a sentence start ("Rebels
  attacked ...") are no actors;
* a person's name is printed without the nationality and occupation in front of it ("Belgian
  King Baudouin", "Actress Ilse Varga").
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from newsgraph.extract.actors.context import person_nouns
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import HONORIFICS

__all__ = ["headline_verbs", "no_name", "title_alone", "title_cased", "without_descriptors"]


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
