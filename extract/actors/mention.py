"""The typing decision for one entity span, shared by typing, clustering and country rules."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """What one entity span is: the clustering and typing decision for it."""

    kind: str                  # one of records.ACTOR_KINDS
    name: str                  # canonical or cleaned name
    key: tuple                 # clustering key within the article
    form: str                  # the surface form (possessive/"the" stripped)
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    weak: bool = False         # typed by shape only (may yield to a person's surname)
