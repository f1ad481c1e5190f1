"""Quotes: placeholder returning nothing until the quotes extractor lands."""
from __future__ import annotations

from spacy.tokens import Doc


def quotes(doc: Doc):
    """Extractor: Doc -> Iterable of records (none yet)."""
    return iter(())
