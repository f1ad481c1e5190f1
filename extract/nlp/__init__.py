"""newsgraph's side of spaCy: the Doc extensions, the paragraph component, the word-table entity
ruler (:mod:`~newsgraph.extract.nlp.ruler`), the model's attribute ruler by table look-up
(:mod:`~newsgraph.extract.nlp.attrruler`), Matcher word tests as lexeme flags
(:mod:`~newsgraph.extract.nlp.lexflags`), read-once views of a Doc
(:mod:`~newsgraph.extract.nlp.docview`), the text the parser reads, photo captions' position
marks blanked (:mod:`~newsgraph.extract.nlp.captions`), and acronyms spelled like a word read as names
(:mod:`~newsgraph.extract.nlp.acronyms`).

The pipeline itself is put together by :func:`newsgraph.extract.pipeline.load`: any installed English
pipeline (its attribute ruler made a table one), with paragraph-aware sentence starts
(:func:`paragraphs`), the actor components (:mod:`newsgraph.extract.actors`) and the extractors run
after it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["EXTENSIONS", "paragraphs"]

#: The Doc extensions newsgraph sets, registered once, when this package is first imported (every
#: module that reads a Doc imports :mod:`.docview` from here): the Article being parsed, its actors
#: (``Entity`` records) and its (outlet, author, dateline) entity ids.
EXTENSIONS = {"ng_article": None, "ng_entities": (), "ng_meta": None}
for _name, _default in EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.component("ng_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every blank line (headline, subheads, paragraphs), and none at a word right
    after a word, where no punctuation ends a sentence: the parser's guess "Armenia | and Russia held
    talks" splits one sentence.

    >>> import spacy
    >>> doc = paragraphs(spacy.blank("en")("Report\\n\\nArmenia and Russia met."))
    >>> [t.is_sent_start for t in doc][2:5]
    [True, False, False]
    """
    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings  # read the arrays and write one back: no Token object per token
    rows = doc.to_array(["IS_SPACE", "ORTH", "IS_ALPHA", "LIKE_NUM", "SENT_START"])
    starts = rows[:, 4].copy()  # (1 a start, -1 none: the largest uint64, as ``to_array`` reads it; 0 open)
    no_start = starts.dtype.type(-1 & 0xFFFFFFFFFFFFFFFF)
    for i, (space, orth, alpha, num, _) in enumerate(rows[:-1].tolist()):
        if space and "\n" in strings[orth]:  # (a token's trailing whitespace_ is at most one space)
            starts[i + 1] = 1
        elif (alpha or num) and rows[i + 1, 2]:
            starts[i + 1] = no_start
    doc.from_array(["SENT_START"], starts.reshape(-1, 1))
    return doc

