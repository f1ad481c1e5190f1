"""Roles: placeholder returning nothing until the roles extractor lands."""
from __future__ import annotations

from spacy.tokens import Doc


def roles(doc: Doc):
    """Extractor: Doc -> Iterable of records (none yet)."""
    return iter(())
