"""Events: placeholder returning nothing until the events extractor lands."""
from __future__ import annotations

from spacy.tokens import Doc


def events(doc: Doc):
    """Extractor: Doc -> Iterable of records (none yet)."""
    return iter(())
