"""Acronyms spelled like an English word, read as names: "Two months ago IS targeted the commander".

spaCy's models read a token by its ``norm_`` (the lower-case form), so the Islamic State's "IS" is
the verb "is" to them and its sentence loses its subject.  The ``ng_acronyms`` component, first in
the pipeline, gives such a token the norm its table (``data/acronyms.toml``) names, unless a word
beside it is in capitals too (a headline or a line written in capitals, "WHAT IS NEXT").  Only the
norm changes: the text and every offset stay as written.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("ng_acronyms")
>>> [t.norm_ for t in nlp("Ago IS struck. WHAT IS NEXT")][1::4]
['isis', 'is']
"""
from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.lexicon import toml

__all__ = ["acronyms", "in_capitals", "untagged_acronyms"]


@cache
def _norms() -> dict[str, str]:
    return dict(toml("acronyms.toml")["norms"])


@cache
def _ids() -> frozenset[int]:
    """The string ids of the acronyms of the table."""
    return frozenset(get_string_id(a) for a in _norms())


def in_capitals(tok: Token) -> bool:
    """A word of two letters or more in capitals: an acronym ("IS"), or a shouted word ("WHAT")."""
    return tok.is_upper and tok.is_alpha and len(tok) > 1


def _shouted(tok: Token) -> bool:
    """A word in capitals right before or after ``tok`` (punctuation skipped)."""
    doc = tok.doc
    near = [doc[k] for k in (tok.i - 1, tok.i + 1, tok.i - 2, tok.i + 2) if 0 <= k < len(doc)]
    return any(in_capitals(t) for t in [t for t in near if t.is_alpha][:2])


def _in_prose(doc: Doc) -> list[Token]:
    """The acronyms of the table in ``doc``, where no word beside them is in capitals (found by string id
    over the ORTH column: no Token object per word, no text built)."""
    ids = _ids()
    orths = doc.to_array("ORTH").tolist() if len(doc) else []
    return [t for t in (doc[i] for i, orth in enumerate(orths) if orth in ids) if not _shouted(t)]


@Language.component("ng_acronyms")
def acronyms(doc: Doc) -> Doc:
    """Give the acronyms of the table their norm (see the module)."""
    norms = _norms()
    for tok in _in_prose(doc):
        tok.norm_ = norms[tok.text]
    return doc


def untagged_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG spans for the acronyms of the table that the tagger read as a noun but the NER left untagged
    ("IS fighters killed ...": the models know the name, not this use of it)."""
    taken = {t.i for e in ents for t in e}
    return [Span(doc, t.i, t.i + 1, label="ORG") for t in _in_prose(doc)
            if t.i not in taken and t.pos_ in ("NOUN", "PROPN")]
