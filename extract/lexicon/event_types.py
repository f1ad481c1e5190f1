"""The event types (PLOVER plus DISASTER), declared once in ``extract/lexicon/data/event_types.toml``.

Every other place that knows the event types takes them from here: the trigger lexicon
(:mod:`newsgraph.extract.events.lexicon`), the arguments (:data:`SYMMETRIC`), the vocabulary
(:data:`newsgraph.graph.rdf.vocab.EVENT_TYPES`) and the mapping's ``ng:EventType`` triples.
This module lives in the lexicon, not in :mod:`newsgraph.extract.events`: importing that package
imports spaCy, which the vocabulary (and so every query) does not need.

>>> NAMES[:3], len(NAMES)
(('AGREE', 'CONSULT', 'SUPPORT'), 17)
>>> sorted(SYMMETRIC)
['AGREE', 'CONSULT', 'COOPERATE']
>>> event_type("ACCUSE").cameo, event_type("DISASTER").cameo
(('09', '11'), ())
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph.extract.lexicon import toml

__all__ = ["EventType", "UnknownEventType", "event_types", "event_type", "NAMES", "SYMMETRIC"]

FILE = "event_types.toml"


@dataclass(frozen=True)
class EventType:
    """One event type: its name (the ``ng:`` term and ``skos:notation``) and what the graph says of it."""

    name: str                  # "CONSULT"
    label: str                 # rdfs:label, English
    comment: str               # rdfs:comment, English
    cameo: tuple[str, ...]     # two-digit CAMEO root codes (ng:cameoRoot)
    symmetric: bool            # actors are participants, not agent and target

    @classmethod
    def from_toml(cls, name: str, table: dict) -> EventType:
        """The type declared by the table ``[name]`` of the data file; a ``ValueError`` saying what is
        wrong with a table that lacks a field, has another, or has one of the wrong kind.

        >>> EventType.from_toml("MEET", {"label": "Meet", "comment": "Meetings.", "cameo": ["04"],
        ...                              "symmetric": True}).cameo
        ('04',)
        >>> EventType.from_toml("MEET", {"label": "Meet"})
        Traceback (most recent call last):
        ...
        ValueError: event_types.toml: [MEET] needs exactly label, comment, cameo, symmetric; it has label
        """
        want = {"label": str, "comment": str, "cameo": list, "symmetric": bool}
        if set(table) != set(want):
            raise ValueError(f"{FILE}: [{name}] needs exactly {', '.join(want)}; it has {', '.join(table)}")
        wrong = [k for k, kind in want.items() if not isinstance(table[k], kind)]
        codes = table["cameo"] if isinstance(table["cameo"], list) else []
        if not all(isinstance(c, str) and len(c) == 2 and c.isdigit() for c in codes):
            wrong.append("cameo (two-digit codes)")
        if wrong or not name.isupper():
            raise ValueError(f"{FILE}: [{name}]: wrong {', '.join(wrong) or 'name (upper case)'}")
        return cls(name, table["label"], table["comment"], tuple(table["cameo"]), table["symmetric"])


class UnknownEventType(ValueError):
    """A name that is not one of the declared event types."""


@cache
def event_types() -> tuple[EventType, ...]:
    """The event types, in the order of the data file (read once).

    >>> event_types()[1]
    EventType(name='CONSULT', label='Consult', comment='Meetings, ...', cameo=('04',), symmetric=True)
    """
    return tuple(EventType.from_toml(name, table) for name, table in toml(FILE).items())


def event_type(name: str) -> EventType:
    """The declared event type called ``name``; :class:`UnknownEventType`, naming it, for any other.

    >>> try:
    ...     event_type("GOSSIP")
    ... except ValueError as err:
    ...     print(type(err).__name__, err)
    UnknownEventType unknown event type 'GOSSIP' (not in event_types.toml)
    """
    found = _by_name().get(name)
    if found is None:
        raise UnknownEventType(f"unknown event type {name!r} (not in {FILE})")
    return found


@cache
def _by_name() -> dict[str, EventType]:
    return {t.name: t for t in event_types()}


#: The names of the event types, in declaration order.
NAMES: tuple[str, ...] = tuple(t.name for t in event_types())
#: The symmetric types: their actors are participants ("A and B met"), not agent and target.
SYMMETRIC: frozenset[str] = frozenset(t.name for t in event_types() if t.symmetric)
