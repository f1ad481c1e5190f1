"""Names the NER left untagged that the words around describe as people (the statistical NER misses a
name it has not seen, most often at the start of a sentence):

* an apposition: "Harrington, a professor of political science at Queens College, died ...";
* a verb of saying: "Adaeze Chukwu Obi said ...";
* "and" joining a person's name: "Ana Rojas and Tom Hale met ...".

>>> import spacy
>>> doc = spacy.blank("en")("Quiet day.")
>>> apposed_names(doc, [])
[]
"""
from __future__ import annotations

from functools import lru_cache

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors.context import and_joined, person_apposition
from newsgraph.extract.actors.missed import TITLES, gazetteer_label
from newsgraph.extract.lexicon import toml
from newsgraph.extract.lexicon.names import HONORIFICS, strip_honorifics

__all__ = ["apposed_names", "joined_names", "speaking_names"]

_PROPN = POS_IDS["PROPN"]

#: The longest run of capitalised proper nouns read as one name.
_LONGEST = 4


def apposed_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """PERSON spans for untagged runs of one to four capitalised proper nouns right before ", a/an/the
    <person noun>" or ", <person noun> of" that no gazetteer table knows as a place or a body."""
    taken = {t.i for e in ents for t in e}
    found = []
    for comma in (t for t in doc if t.text == "," and t.i > 0):
        start = comma.i
        while start > 0 and comma.i - start < _LONGEST and _name_word(doc[start - 1], taken):
            start -= 1
        if start == comma.i or start > 0 and doc[start - 1].pos_ == "PROPN" and start - 1 not in taken:
            continue  # (no name, or a longer run than a name)
        kept = len(strip_honorifics(doc[start:comma.i].text).split())  # ("Police Major X": X)
        span = Span(doc, comma.i - kept if 0 < kept < comma.i - start else start, comma.i, label="PERSON")
        if person_apposition(span) and not gazetteer_label(span.text):
            found.append(span)
    return found


def _name_word(tok, taken: set[int]) -> bool:
    return tok.i not in taken and tok.pos_ == "PROPN" and tok.is_title


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(toml("speech.toml")["speech"]["verbs"])


def speaking_names(doc, ents: list[Span]) -> list[Span]:
    """Person spans for untagged runs of two to four proper nouns that are the subject of a verb of
    saying ("Adaeze Chukwu Obi said ..."): the NER often misses a name it has never seen."""
    taken = {t.i for e in ents for t in e}
    found = []
    nsubj = doc.vocab.strings["nsubj"]
    arrays = doc.to_array(["DEP", "POS"]).tolist() if len(doc) else []
    for i in (i for i, (dep, pos) in enumerate(arrays) if dep == nsubj and pos == _PROPN):
        tok = doc[i]
        if i in taken or tok.head.lemma_.lower() not in _speech_verbs():
            continue
        found += _name_run(doc, tok, taken)
    return found


def _name_run(doc, tok: Token, taken: set[int]) -> list[Span]:
    """[the person span of the untagged run of two to four capitalised proper nouns that ends in ``tok``],
    or [] when the run is shorter or longer, holds a title word or is a name the gazetteer knows."""
    start = tok.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
            and doc[start - 1].i not in taken and doc[start - 1].head == tok:
        start -= 1
    while start < tok.i and _rank(doc[start]):
        start += 1  # "Deputy Ana Rojas", "Premiers Prince Norodom X": the name after the ranks
    span = doc[start:tok.i + 1]
    if 2 <= len(span) <= 4 and all(t.is_title and t.lower_ not in TITLES for t in span) \
            and not gazetteer_label(span.text):
        return [Span(doc, start, tok.i + 1, label="PERSON")]
    return []


def _rank(t: Token) -> bool:
    """A title or honorific word (singular or plural) in front of a name."""
    low = t.lower_.split("-")[-1]
    return low in HONORIFICS or low.endswith("s") and low[:-1] in HONORIFICS


def joined_names(doc, ents: list[Span]) -> list[Span]:
    """Person spans for untagged runs of two to four proper nouns joined by "and" to a person's
    name ("Ana Rojas and Tom Hale met"; "Tom Hale and Ana Rojas"): two names side by side are of a kind."""
    taken = {t.i for e in ents for t in e}
    found: list[Span] = []
    for e in (e for e in ents if e.label_ == "PERSON"):
        for tok in and_joined(e.root):
            if tok.pos_ == "PROPN" and tok.i not in taken:
                found += _name_run(doc, tok, taken | {t.i for f in found for t in f})
    return found
