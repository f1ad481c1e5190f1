"""The resolved graph model: the output of the global resolution step.

The per-article half (``extract``) gives one :class:`~newsgraph.extract.records.ArticleRecords`
per article, with article-local entity ids.  Global resolution
(:mod:`newsgraph.graph.resolve`) turns all of them into one :class:`Model`: canonical
actors across articles, one event from many reports.  The RDF mapping
(:mod:`newsgraph.graph.rdf`) is the only code that turns a Model into triples.

Keys are stable strings from which IRIs are minted (``base + key``); they
depend only on what the actor or event *is*, never on input order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.extract.records import ArticleRecords, Document, EventMention


@dataclass(frozen=True)
class Actor:
    """One canonical actor or place across all articles."""

    key: str                      # "actor/state/ARM", "actor/person/ali-bagheri-kani", ...
    kind: str                     # Person | State | Organization | Location | Outlet
    label: str                    # fullest proper form
    alt_labels: tuple[str, ...]   # every other surface form, sorted
    code: str | None = None       # ISO alpha-3 for states
    country: str | None = None    # key of the affiliated State actor
    sector: str | None = None
    articles: tuple[str, ...] = ()  # Article keys where it is named


@dataclass(frozen=True)
class Event:
    """One real-world event, merged from one or more mentions."""

    key: str                                   # "event/<hash>"
    type: str
    agents: tuple[str, ...] = ()               # Actor keys
    targets: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    place: str | None = None                   # Actor key
    date: str | None = None
    date_precision: str = "unknown"
    modality: str = "asserted"
    mentions: tuple[tuple[str, EventMention], ...] = ()  # (article key, mention), sorted
    source_count: int = 0                      # distinct outlets reporting it


@dataclass(frozen=True)
class Model:
    """Everything the graph says, resolved and ordered deterministically."""

    documents: tuple[Document, ...] = ()
    articles: tuple[ArticleRecords, ...] = ()   # one per distinct article key
    # every place an article was found: (article key, doc source, index, start, end)
    provenance: tuple[tuple[str, str, int, int, int], ...] = ()
    actors: tuple[Actor, ...] = ()
    # (article key, local entity id) -> actor key
    entity_map: dict[tuple[str, str], str] = field(default_factory=dict)
    events: tuple[Event, ...] = ()

    def actor(self, article_key: str, local_id: str | None) -> str | None:
        """Actor key of an article-local entity id (None stays None)."""
        if local_id is None:
            return None
        return self.entity_map.get((article_key, local_id))
