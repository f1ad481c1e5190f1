"""The spaCy pipeline newsgraph parses articles with.

``load()`` takes any installed English pipeline and adds newsgraph's own
components: paragraph-aware sentence starts, a gazetteer entity ruler in front
of the statistical NER, and the actor clustering component that gives every
actor mention a local entity id (``span.kb_id_``) and fills ``doc._.ng_entities``.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract import DEFAULT_MODEL

__all__ = ["DEFAULT_MODEL", "load", "paragraphs"]

#: The Doc extensions newsgraph sets, registered once, when this package is first imported (every
#: module that reads a Doc imports :mod:`.docview` from here): the Article being parsed, its actors
#: (``Entity`` records) and its (outlet, author, dateline) entity ids.
EXTENSIONS = {"ng_article": None, "ng_entities": (), "ng_meta": None}
for _name, _default in EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.component("ng_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every blank line (headline, subheads, paragraphs)."""
    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings  # read the arrays: no Token object for the tokens that stay as they are
    spaces = doc.to_array(["IS_SPACE", "ORTH"]).tolist()
    for i, (space, orth) in enumerate(spaces[:-1]):
        if space and "\n" in strings[orth]:  # (a token's trailing whitespace_ is at most one space)
            doc[i + 1].is_sent_start = True
    return doc


def load(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (any installed spaCy pipeline) with newsgraph's components.

    Raises ``OSError`` with spaCy's message when the model is not installed.
    """
    from newsgraph.extract import actors  # noqa: F401  (registers the components)

    nlp = spacy.load(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("ng_paragraphs", before="parser")
    actors.add_to(nlp)
    return nlp
