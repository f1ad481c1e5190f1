"""The export formats as a table of writers (:data:`WRITERS`), and one pass over a stream of the graph.

A build makes the triples of its graph twice, as two streams, and never holds the whole graph:

* :data:`BY_SUBJECT`: the union graph's subject groups, ``(subject, [(predicate, object), ...])``,
  in subject order;
* :data:`BY_GRAPH`: the subject groups of each named graph, ``(graph IRI, group)`` (``None`` for
  the default graph), graph by graph.

A row of the table says which files a writer writes, which stream it reads and how it is made:
``make(*openers)``, one opener per file (in the row's order), each opening its file when called.
A writer is fed the stream item by item (``add(*item)``, then ``close()`` once it ended) --
or, for at most one writer per stream (``drives``), reads the stream itself (``write(items)``:
pyoxigraph's serializers pull from an iterator).  Adding an export format is one module with its
writer plus one row.

>>> [w.files for w in WRITERS if w.stream == BY_GRAPH], FILES[:3]
([('graph.trig',)], ('graph.ttl', 'graph.trig', 'graph.jsonld'))
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import BinaryIO

from newsgraph.graph.export.gephi import GephiWriter
from newsgraph.graph.export.jsonld import JsonLdWriter
from newsgraph.graph.export.turtle import TrigWriter, TurtleWriter
from newsgraph.graph.rdf.vocab import PREFIXES as _NAMESPACES

__all__ = ["Writer", "WRITERS", "FILES", "BY_SUBJECT", "BY_GRAPH", "PREFIXES", "write_stream"]

BY_SUBJECT = "by subject"
BY_GRAPH = "by graph"
#: The prefixes of every RDF file (Turtle, TriG, the JSON-LD context).
PREFIXES = {prefix: str(ns) for prefix, ns in sorted(_NAMESPACES.items())}


@dataclass(frozen=True)
class Writer:
    """One export format: the files it writes, the stream it reads, how it is made."""

    files: tuple[str, ...]
    stream: str
    make: Callable[..., object]
    drives: bool = False


#: The export writers, in the order their files are opened within a pass.
WRITERS = (
    Writer(("graph.ttl",), BY_SUBJECT, lambda ttl: TurtleWriter(ttl(), PREFIXES), drives=True),
    Writer(("graph.trig",), BY_GRAPH, lambda trig: TrigWriter(trig(), PREFIXES), drives=True),
    Writer(("graph.jsonld",), BY_SUBJECT, lambda jsonld: JsonLdWriter(jsonld(), PREFIXES)),
    Writer(("graph.graphml", "actors.graphml", "graph.gexf"), BY_SUBJECT, GephiWriter),
)
#: Every file the writers write.
FILES = tuple(name for writer in WRITERS for name in writer.files)


def _fed(items: Iterable[tuple], writers: list) -> Iterator[tuple]:
    """``items`` passed through, each one given to every writer on its way."""
    adds = [w.add for w in writers]
    for key, value in items:
        for add in adds:
            add(key, value)
        yield key, value


def write_stream(stream: str, items: Iterable[tuple], opener: Callable[[str], BinaryIO], *,
                 taps: Iterable = ()) -> None:
    """Write the files of every writer of ``stream`` in one pass over ``items``.

    ``opener(name)`` opens an output file (it stays open until the caller ends the pass); ``taps``
    are fed the items too, like the writers that do not drive.

    >>> import io
    >>> files = {}
    >>> group = ("http://example.org/a", [("http://example.org/p", "http://example.org/b")])
    >>> write_stream(BY_GRAPH, [(None, group)], lambda name: files.setdefault(name, io.BytesIO()))
    >>> sorted(files), files["graph.trig"].getvalue().decode().splitlines()[-1]
    (['graph.trig'], '<http://example.org/a> <http://example.org/p> <http://example.org/b> .')
    """
    rows = [w for w in WRITERS if w.stream == stream]
    if sum(w.drives for w in rows) > 1:
        raise ValueError(f"more than one writer reads the {stream} stream itself")
    made = [(w.drives, w.make(*(partial(opener, name) for name in w.files))) for w in rows]
    drivers = [m for drives, m in made if drives]
    fed = [*taps, *(m for drives, m in made if not drives)]
    passed = _fed(items, fed)
    if drivers:
        drivers[0].write(passed)
    else:
        deque(passed, maxlen=0)
    for writer in fed:
        writer.close()
