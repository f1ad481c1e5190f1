"""Citations: placeholder returning nothing until the citations extractor lands."""
from __future__ import annotations

from spacy.tokens import Doc


def citations(doc: Doc):
    """Extractor: Doc -> Iterable of records (none yet)."""
    return iter(())
