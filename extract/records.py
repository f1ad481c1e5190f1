"""Records passed between the stages of newsgraph.

Every record is a frozen dataclass of plain values (str, int, float, tuples),
so it pickles, hashes, caches by content hash and crosses process or Dask
worker boundaries.  No spaCy object ever leaves ``extract/``.

Offsets
-------
* ``Article.start``/``Article.end``: the article's span in the decoded text of
  its input file (provenance down to the character).
* ``Article.body_start``: where ``Article.body`` starts in that decoded text;
  ``decoded[body_start:body_start + len(body)] == body``.  For a JSONL feed
  the article is one JSON line: ``start``/``end`` span that whole line,
  ``body_start == start``, and body offsets are offsets into the JSON string
  value, not into the file.
* ``Article.text`` is what the NLP pipeline parses: ``headline + "\\n\\n" + body``.
  Entity spans, quotes and citations are offsets into ``Article.text``.
* Event mentions and roles carry the offsets of their *sentence* in
  ``Article.body`` (``Article.body[start:end] == evidence``), as the ontology's
  ``ng:charStart``/``ng:charEnd`` require.

>>> a = Article(source="d.txt", source_sha256="0" * 64, index=0, start=0, end=20,
...             headline="Talks held", body="Two sides met.", body_start=12)
>>> a.text
'Talks held\\n\\nTwo sides met.'
>>> a.body_offset
12
>>> len(a.key)
16
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

ACTOR_KINDS = ("Person", "State", "Organization", "Location", "Outlet")
MODALITIES = ("asserted", "negated", "hypothetical", "future")
PRECISIONS = ("day", "month", "year", "season", "unknown")   # "season": the three months from the date's


@dataclass(frozen=True)
class Problem:
    """A reported, non-fatal problem with the input (never silently dropped)."""

    source: str            # file as given on the command line
    reason: str            # one clear line
    line: int | None = None
    article: int | None = None  # index of the article in the file, when known
    skipped: bool = True   # True when something was not built because of it

    def __str__(self) -> str:
        where = self.source + (f":{self.line}" if self.line is not None else "")
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Document:
    """One input file."""

    source: str       # path as given (prov:atLocation)
    sha256: str       # hex digest of the raw bytes
    encoding: str     # how it was decoded ("utf-8", "utf-8-sig", "utf-16", "cp1252", ...)
    size: int         # bytes


@dataclass(frozen=True)
class Article:
    """One article of a digest, a single-article file or a JSONL line."""

    source: str            # input file as given
    source_sha256: str
    index: int             # 0-based position in its file
    start: int             # span of the whole article in the decoded file text
    end: int
    headline: str
    body: str
    body_start: int
    date: str | None = None        # ISO 8601: "2023-03-22" or "2023-03-22T19:20:00"
    outlet: str | None = None      # publisher as printed ("ARMENPRESS", "globeecho.com", "Neos Kosmos")
    url: str | None = None
    author: str | None = None
    datelines: tuple[str, ...] = ()  # dateline places as printed ("YEREVAN",) or ("Baku", "Yerevan")
    country_line: str | None = None  # "Australia" from "Australia – March 23 2023"
    ext_id: str | None = None        # id given by a JSONL feed
    line: int | None = None          # 1-based line of the headline (or JSONL line)

    @property
    def text(self) -> str:
        """The text the NLP pipeline parses."""
        return f"{self.headline}\n\n{self.body}" if self.headline else self.body

    @property
    def body_offset(self) -> int:
        """Offset of the body inside :attr:`text`."""
        return len(self.headline) + 2 if self.headline else 0

    @cached_property
    def key(self) -> str:
        """Content key: the same article in two files is one article (hashed once per object)."""
        h = hashlib.sha256(f"{self.headline}\n{self.body}".encode()).hexdigest()
        return h[:16]


@dataclass(frozen=True)
class Entity:
    """One actor or place as named in one article (a within-article cluster).

    ``id`` is local to the article ("E0", "E1", ... in order of first mention);
    the global resolution step maps it to a canonical actor.
    """

    id: str
    kind: str                       # one of ACTOR_KINDS
    name: str                       # fullest proper form in this article
    forms: tuple[str, ...]          # every surface form seen, name included
    spans: tuple[tuple[int, int], ...] = ()  # offsets in Article.text
    code: str | None = None         # ISO 3166-1 alpha-3 for a State
    country: str | None = None      # ISO alpha-3 of the affiliated state
    sector: str | None = None       # GOV, MIL, DIP, MED, IGO, NGO, BUS, ...


@dataclass(frozen=True)
class EventMention:
    """One textual report of an event, arguments as local Entity ids."""

    type: str                        # PLOVER name or DISASTER
    trigger: str
    start: int                       # sentence span in Article.body; a headline's is negative, before the
    end: int                         # body: Article.text[start + body_offset:end + body_offset]
    evidence: str                    # == Article.body[start:end] (the headline sentence's text)
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    place: str | None = None         # Entity id (Location or State)
    date: str | None = None          # ISO date
    date_precision: str = "unknown"  # one of PRECISIONS
    modality: str = "asserted"       # one of MODALITIES
    confidence: float = 0.5
    attributed_to: str | None = None  # Entity id: "X said that Y attacked Z"

    @property
    def in_headline(self) -> bool:
        """Whether the mention is the headline's (its offsets count back from the body's start)."""
        return self.start < 0


@dataclass(frozen=True)
class Role:
    """Person holds title at organisation/state (org:Membership)."""

    person: str          # Entity id
    title: str           # "Deputy Foreign Minister"
    organization: str    # Entity id (the State for national offices)
    start: int           # sentence span in Article.body
    end: int


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it."""

    speaker: str | None  # Entity id
    text: str            # quoted words without the quote marks
    start: int           # offsets of the quoted words in Article.text
    end: int


@dataclass(frozen=True)
class Citation:
    """The article attributes information to a source."""

    source: str          # Entity id
    cue: str             # "according to", "reports", "parenthetical", ...
    start: int           # offsets of the cue's sentence in Article.text
    end: int


@dataclass(frozen=True)
class ArticleRecords:
    """Everything extracted from one article: the per-article half's output."""

    article: Article
    entities: tuple[Entity, ...] = ()
    outlet: str | None = None        # Entity id of the publishing outlet
    author: str | None = None        # Entity id of the byline author
    datelines: tuple[str, ...] = ()  # Entity ids of dateline places
    events: tuple[EventMention, ...] = ()
    roles: tuple[Role, ...] = ()
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    def entity(self, local_id: str) -> Entity:
        """The entity with this local id."""
        for e in self.entities:
            if e.id == local_id:
                return e
        raise KeyError(local_id)


#: Every record class an :class:`ArticleRecords` holds, itself first: what a record cache decodes.
RECORD_TYPES = (ArticleRecords, Article, Entity, EventMention, Role, Quote, Citation, Problem)
