"""An independent way to the same triples and files, for tests to compare a build with.

The build streams a model's triples (:class:`newsgraph.graph.rdf.plan.Plan`) into the export writers
and the store, never holding them all.  Here the same model becomes rdflib terms -- its quads, a
Dataset with one named graph per article, the union Graph -- and the export files are written from
an rdflib Graph or Dataset through the same writers (:mod:`newsgraph.graph.export`).

>>> from newsgraph.graph.model import Model
>>> from newsgraph.graph.rdf.vocab import NG, SKOS
>>> from rdflib import Literal
>>> (NG.CONSULT, SKOS.notation, Literal("CONSULT")) in to_graph(Model())
True
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from newsgraph.graph import export
from newsgraph.graph.export.writers import PREFIXES
from newsgraph.graph.model import Model
from newsgraph.graph.rdf.mapping import base_iri
from newsgraph.graph.rdf.plan import Plan
from newsgraph.graph.rdf.terms import OxTerms, groups_of, to_rdflib
from newsgraph.graph.rdf.vocab import DEFAULT_BASE
from newsgraph.graph.rdf.vocab import PREFIXES as NAMESPACES

Quad = tuple[str, Node, Node, Node]   # (graph name relative to base, s, p, o)


def quads(model: Model, base: str = DEFAULT_BASE) -> list[Quad]:
    """Every quad of ``model`` as rdflib ``(graph name, s, p, o)``, sorted; graph names relative to base."""
    out = [(name, to_rdflib(s), URIRef(p), to_rdflib(o))
           for name, groups in Plan(model, base).graphs() for s, pos in groups for p, o in pos]
    return sorted(out, key=lambda q: (q[0], q[1].n3(), q[2].n3(), q[3].n3()))


def _bind(g: Graph) -> None:
    for prefix, ns in NAMESPACES.items():
        g.bind(prefix, ns, replace=True)


def to_dataset(model: Model, base: str = DEFAULT_BASE) -> Dataset:
    """The model as an RDF dataset: one named graph per article, one resolved, one for documents."""
    base, ds = base_iri(base), Dataset()
    _bind(ds)
    graphs: dict[str, Graph] = {}
    for name, s, p, o in quads(model, base):
        if name not in graphs:
            graphs[name] = ds.graph(URIRef(base + name))
        graphs[name].add((s, p, o))
    return ds


def to_graph(model: Model, base: str = DEFAULT_BASE) -> Graph:
    """The union of :func:`to_dataset`'s graphs as one rdflib Graph, prefixes bound."""
    g = Graph()
    _bind(g)
    for _, s, p, o in quads(model, base):
        g.add((s, p, o))
    return g


def _dataset_graphs(ds: Dataset) -> list[tuple[str | None, list]]:
    """(graph IRI or None for the default graph, groups) of a dataset: default graph first, then by IRI."""
    graphs = [(None if g.identifier == DATASET_DEFAULT_GRAPH_ID else str(g.identifier), g)
              for g in ds.graphs() if len(g)]
    graphs.sort(key=lambda x: (x[0] is not None, x[0] or ""))
    return [(name, groups_of(g.triples((None, None, None)))) for name, g in graphs]


def write_outputs(graph_or_dataset: Graph | Dataset, out_dir: Path, *,
                  dataset: Dataset | None = None) -> dict[str, Path]:
    """Write every export file into ``out_dir`` from an rdflib union Graph or Dataset (pass ``dataset``
    with a union Graph to get its named graphs in ``graph.trig``); returns file name -> path."""
    if isinstance(graph_or_dataset, Dataset):
        ds = graph_or_dataset
        union = groups_of({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))})
    else:
        ds, union = dataset, groups_of(graph_or_dataset.triples((None, None, None)))
    graphs = _dataset_graphs(ds) if ds is not None else [(None, union)]
    export.clean_temporaries(out_dir)
    export.write_by_subject(union, out_dir)
    export.write_by_graph(graphs, out_dir)
    return {name: Path(out_dir) / name for name in export.FILES}


def turtle_bytes(g: Graph) -> bytes:
    """Turtle serialisation of ``g`` (as in ``graph.ttl``)."""
    return ox.serialize(OxTerms().triples(groups_of(g.triples((None, None, None)))),
                        format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
