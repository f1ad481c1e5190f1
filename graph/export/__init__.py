"""Writing the graph: Turtle, TriG, JSON-LD, GraphML and GEXF, atomically and deterministically.

Every file is written to a temporary file in the output directory and moved into
place with :func:`os.replace`, so a reader never sees a half-written file.  The
same graph always gives byte-identical files: triples are written in sorted
order (subjects, then predicates and objects), JSON-LD nodes and values are
sorted, and the GEXF carries no write date.

The files are streamed: a build (:func:`write_plan`) makes the triples of a
:class:`newsgraph.graph.rdf.plan.Plan` twice -- subject by subject for ``graph.ttl``,
``graph.jsonld`` and the Gephi views, named graph by named graph for
``graph.trig`` -- and never holds the whole graph.  Turtle and TriG are written
by pyoxigraph's serializers, JSON-LD by :mod:`newsgraph.graph.export.jsonld`, GraphML and GEXF
by :mod:`newsgraph.graph.export.gephi.xml`.  :func:`write_outputs` writes the same files from an
rdflib Graph or Dataset.

>>> import tempfile
>>> from rdflib import Graph
>>> with tempfile.TemporaryDirectory() as d:
...     sorted(write_outputs(Graph(), Path(d)))
['actors.graphml', 'graph.gexf', 'graph.graphml', 'graph.jsonld', 'graph.trig', 'graph.ttl']
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from newsgraph.graph.export import gephi
from newsgraph.graph.export.gephi.view import View
from newsgraph.graph.export.jsonld import JsonLdWriter
from newsgraph.graph.rdf.digests import Digests
from newsgraph.graph.rdf.terms import OxTerms, groups_of
from newsgraph.graph.rdf.vocab import PREFIXES

FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.graphml", "actors.graphml", "graph.gexf")
_PREFIXES = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
Groups = Iterable[tuple[str, list]]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through: a temporary file in the same directory, moved into
    place (:func:`os.replace`) when the block ends without error, removed otherwise."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same directory and os.replace."""
    with atomic(path) as fh:
        fh.write(data)
    return Path(path)


def _union_pass(groups: Groups, ttl: BinaryIO, jsonld: BinaryIO, view: View) -> int:
    """Write Turtle and JSON-LD of the union and collect the Gephi views; returns the triple count."""
    writer, count = JsonLdWriter(jsonld, _PREFIXES), [0]

    def tapped() -> Iterator[tuple[str, list]]:
        for s, pos in groups:
            writer.add(s, pos)
            view.add(s, pos)
            count[0] += len(pos)
            yield s, pos

    ox.serialize(OxTerms().triples(tapped()), ttl, ox.RdfFormat.TURTLE, prefixes=_PREFIXES)
    writer.close()
    return count[0]


def _trig_quads(graphs: Iterable[tuple[str | None, Groups]], digests: Digests | None) -> Iterator[ox.Quad]:
    """Quads of each named graph (``None``: the default graph), hashing each named graph into ``digests``."""
    terms = OxTerms()
    named, obj, iri, quad = terms.named, terms.object, ox.NamedNode, ox.Quad
    for name, groups in graphs:
        g = ox.DefaultGraph() if name is None else terms.subject(name)
        for group in groups if digests is None or name is None else digests.tap(name, groups):
            s = terms.subject(group[0])
            for p, o in group[1]:
                yield quad(s, named(p), iri(o) if type(o) is str else obj(o), g)


def clean_temporaries(out_dir: Path) -> None:
    """Remove the temporary files a killed earlier build left behind."""
    for name in FILES:
        for stale in Path(out_dir).glob(f".{name}.*.tmp"):
            stale.unlink(missing_ok=True)


def write_by_subject(union: Groups, out_dir: Path) -> int:
    """Write ``graph.ttl``, ``graph.jsonld``, the GraphML files and the GEXF from the union
    graph's subject groups; returns the number of triples."""
    out_dir, view = Path(out_dir), View()
    with atomic(out_dir / "graph.ttl") as ttl, atomic(out_dir / "graph.jsonld") as jsonld:
        triples = _union_pass(union, ttl, jsonld, view)
    gephi.write_views(view, lambda name: atomic(out_dir / name))
    return triples


def write_by_graph(graphs: Iterable[tuple[str | None, Groups]], out_dir: Path,
                   digests: Digests | None = None) -> None:
    """Write ``graph.trig`` from each named graph's subject groups (graph IRI, ``None`` for the
    default graph), recording the named graphs' hashes in ``digests`` when given."""
    with atomic(Path(out_dir) / "graph.trig") as trig:
        ox.serialize(_trig_quads(graphs, digests), trig, ox.RdfFormat.TRIG, prefixes=_PREFIXES)


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


def _dataset_graphs(ds: Dataset) -> list[tuple[str | None, list]]:
    """(graph IRI or None for the default graph, groups) of a dataset: default graph first, then by IRI."""
    graphs = [(None if g.identifier == DATASET_DEFAULT_GRAPH_ID else str(g.identifier), g)
              for g in ds.graphs() if len(g)]
    graphs.sort(key=lambda x: (x[0] is not None, x[0] or ""))
    return [(name, groups_of(g.triples((None, None, None)))) for name, g in graphs]


def write_outputs(graph_or_dataset: Graph | Dataset, out_dir: Path, *,
                  dataset: Dataset | None = None) -> dict[str, Path]:
    """Write every output file into ``out_dir``; returns file name -> path.

    ``graph_or_dataset`` is the union graph (:func:`newsgraph.graph.rdf.to_graph`) or the
    dataset (:func:`newsgraph.graph.rdf.to_dataset`); pass ``dataset`` too to get the named
    graphs in ``graph.trig`` when the first argument is the union graph (else the
    TriG holds the union in its default graph).
    """
    if isinstance(graph_or_dataset, Dataset):
        ds = graph_or_dataset
        union = groups_of({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))})
    else:
        ds, union = dataset, groups_of(graph_or_dataset.triples((None, None, None)))
    graphs = _dataset_graphs(ds) if ds is not None else [(None, union)]
    return _write(out_dir, union, graphs)[0]


def turtle_bytes(g: Graph) -> bytes:
    """Turtle serialisation of ``g`` (as in ``graph.ttl``)."""
    return ox.serialize(OxTerms().triples(groups_of(g.triples((None, None, None)))),
                        format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES)
