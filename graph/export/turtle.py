"""Turtle and TriG, written by pyoxigraph's serializers (which read the stream themselves).

:class:`TurtleWriter` reads the union graph's subject groups, :class:`TrigWriter` the subject
groups of each named graph, as (graph IRI or ``None`` for the default graph, group) pairs; both
are rows of :data:`newsgraph.graph.export.writers.WRITERS`.

>>> import io
>>> fh = io.BytesIO()
>>> TurtleWriter(fh, {"ex": "http://example.org/"}).write([("http://example.org/a",
...                                                        [("http://example.org/p", "http://example.org/b")])])
>>> print(fh.getvalue().decode(), end="")
@prefix ex: <http://example.org/> .
ex:a ex:p ex:b .
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph as ox

from newsgraph.graph.rdf.terms import OxTerms

__all__ = ["TurtleWriter", "TrigWriter"]

Group = tuple[str, list]   # (subject, [(predicate, object), ...])


class TurtleWriter:
    """Writes the subject groups of one graph as Turtle to ``fh``."""

    def __init__(self, fh: BinaryIO, prefixes: dict[str, str]):
        self.fh, self.prefixes = fh, prefixes

    def write(self, groups: Iterable[Group]) -> None:
        """Serialise every group (in the order given)."""
        ox.serialize(OxTerms().triples(groups), self.fh, ox.RdfFormat.TURTLE, prefixes=self.prefixes)


class TrigWriter:
    """Writes (graph IRI or ``None`` for the default graph, subject group) pairs as TriG to ``fh``."""

    def __init__(self, fh: BinaryIO, prefixes: dict[str, str]):
        self.fh, self.prefixes = fh, prefixes

    def write(self, items: Iterable[tuple[str | None, Group]]) -> None:
        """Serialise every group (in the order given)."""
        ox.serialize(OxTerms().quads(items), self.fh, ox.RdfFormat.TRIG, prefixes=self.prefixes)
