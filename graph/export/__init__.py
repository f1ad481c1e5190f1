"""Writing the graph: Turtle, TriG, JSON-LD, GraphML and GEXF, atomically and deterministically.

Every file is written to a temporary file in the output directory and moved into
place with :func:`os.replace`, so a reader never sees a half-written file.  The
same graph always gives byte-identical files: triples are written in sorted
order (subjects, then predicates and objects), JSON-LD nodes and values are
sorted, and the GEXF carries no write date.

The files are streamed: a build (:func:`write_plan`) makes the triples of a
:class:`newsgraph.graph.rdf.plan.Plan` twice -- subject by subject for ``graph.ttl``,
``graph.jsonld`` and the Gephi views, named graph by named graph for
``graph.trig`` -- and never holds the whole graph.  The writers are a table
(:data:`newsgraph.graph.export.writers.WRITERS`: the files, the stream, how each is made):
Turtle and TriG are written by pyoxigraph's serializers (:mod:`newsgraph.graph.export.turtle`),
JSON-LD by :mod:`newsgraph.graph.export.jsonld`, GraphML and GEXF by
:mod:`newsgraph.graph.export.gephi`.

>>> import tempfile
>>> from newsgraph.graph.model import Model
>>> from newsgraph.graph.rdf.plan import Plan
>>> with tempfile.TemporaryDirectory() as d:
...     files, triples = write_plan(Plan(Model()), Path(d))
...     sorted(files), triples > 0
(['actors.graphml', 'graph.gexf', 'graph.graphml', 'graph.jsonld', 'graph.trig', 'graph.ttl'], True)
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.graph.export.atomic import atomic, write_atomic
from newsgraph.graph.export.writers import BY_GRAPH, BY_SUBJECT, FILES, write_stream
from newsgraph.graph.rdf.digests import Digests

__all__ = ["FILES", "atomic", "write_atomic", "write_plan", "write_by_subject", "write_by_graph",
           "clean_temporaries", "plan_graphs"]

Groups = Iterable[tuple[str, list]]


@contextlib.contextmanager
def _files(out_dir: Path) -> Iterator[Callable[[str], BinaryIO]]:
    """An opener of files of ``out_dir`` (:func:`atomic`): those it opened are moved into place when the
    block ends without error, removed otherwise."""
    with contextlib.ExitStack() as stack:
        yield lambda name: stack.enter_context(atomic(Path(out_dir) / name))


class _Count:
    """Counts the triples of the subject groups it is fed."""

    def __init__(self) -> None:
        self.triples = 0

    def add(self, s: str, pos: list) -> None:
        self.triples += len(pos)

    def close(self) -> None:
        pass


def clean_temporaries(out_dir: Path) -> None:
    """Remove the temporary files a killed earlier build left behind."""
    for name in FILES:
        for stale in Path(out_dir).glob(f".{name}.*.tmp"):
            stale.unlink(missing_ok=True)


def write_by_subject(union: Groups, out_dir: Path) -> int:
    """Write the files of the writers of the by-subject stream (``graph.ttl``, ``graph.jsonld``, the
    GraphML files and the GEXF) from the union graph's subject groups; returns the number of triples."""
    count = _Count()
    with _files(out_dir) as opener:
        write_stream(BY_SUBJECT, union, opener, taps=[count])
    return count.triples


def write_by_graph(graphs: Iterable[tuple[str | None, Groups]], out_dir: Path,
                   digests: Digests | None = None) -> None:
    """Write the files of the writers of the by-graph stream (``graph.trig``) from each named graph's
    subject groups (graph IRI, ``None`` for the default graph), recording the named graphs' hashes
    in ``digests`` when given."""
    items = ((name, group) for name, groups in graphs
             for group in (groups if digests is None or name is None else digests.tap(name, groups)))
    with _files(out_dir) as opener:
        write_stream(BY_GRAPH, items, opener)


def _write(out_dir: Path, union: Groups, graphs: Iterable[tuple[str | None, Groups]],
           digests: Digests | None = None) -> tuple[dict[str, Path], int]:
    clean_temporaries(out_dir)
    triples = write_by_subject(union, out_dir)
    write_by_graph(graphs, out_dir, digests)
    return {name: Path(out_dir) / name for name in FILES}, triples


def plan_graphs(plan) -> Iterator[tuple[str, Groups]]:
    """(graph IRI, groups) of every named graph of a :class:`newsgraph.graph.rdf.plan.Plan`."""
    return ((plan.base + name, groups) for name, groups in plan.graphs())


def write_plan(plan, out_dir: Path, *, digests: Digests | None = None) -> tuple[dict[str, Path], int]:
    """Write every output file of a :class:`newsgraph.graph.rdf.plan.Plan` into ``out_dir``.

    Returns (file name -> path, number of triples of the union graph); records
    the hashes of the named graphs in ``digests`` when given (for the store).
    """
    return _write(out_dir, plan.union(), plan_graphs(plan), digests)
