"""Names the NER left untagged that an apposition describes as people: "Harrington, a professor of
political science at Queens College, died ..." (the statistical NER misses a lone surname it has not
seen, most often at the start of a sentence).

>>> import spacy
>>> doc = spacy.blank("en")("Quiet day.")
>>> apposed_names(doc, [])
[]
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.extract.actors.context import person_apposition
from newsgraph.extract.actors.missed import gazetteer_label
from newsgraph.extract.lexicon.names import strip_honorifics

__all__ = ["apposed_names"]

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
