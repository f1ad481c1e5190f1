"""The one mapping from a resolved :class:`~newsgraph.graph.model.Model` to RDF triples.

Every fact of the model becomes triples in one of three kinds of named graph:

* ``<base>graph/documents``: input files and the provenance of each article in
  them (``prov:wasDerivedFrom``, one ``prov:Derivation`` node per file the article
  was found in, and ``ng:sourceStart``/``ng:sourceEnd``/``ng:articleIndex`` on the
  article itself for its *first* provenance in (file, index) order);
* ``<base>graph/article/<key>``: what one article says (its metadata, body,
  citations, memberships, statements, event mentions, which actors it names);
* ``<base>graph/resolved``: the resolved layer (actors, events, roles, the
  event-type vocabulary of ``extract/lexicon/data/event_types.toml``).

There are no blank nodes: every node has an IRI derived from content keys and
offsets, so the same input always gives the same triples.  Offsets
(``ng:charStart``/``ng:charEnd``) are always offsets into ``schema:articleBody``;
statements and citations found in the headline carry no offsets.

:class:`newsgraph.graph.rdf.mapping.Mapper` makes the triples of one *subject in one graph* at a
time, as compact terms (:mod:`newsgraph.graph.rdf.terms`); :class:`newsgraph.graph.rdf.plan.Plan` orders
them by
graph or by subject, so no build ever holds all triples at once.  :func:`quads`,
:func:`to_dataset` and :func:`to_graph` give the same triples as rdflib terms.

>>> from rdflib import Literal
>>> from newsgraph.graph.rdf.vocab import NG, SKOS
>>> g = to_graph(Model())
>>> (NG.CONSULT, SKOS.notation, Literal("CONSULT")) in g
True
>>> date_literal("2023-03")
rdflib.term.Literal('2023-03', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth'))
>>> date_literal("March") is None
True
"""
from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from newsgraph.graph.model import Model
from newsgraph.graph.rdf.literals import date_literal
from newsgraph.graph.rdf.mapping import Mapper
from newsgraph.graph.rdf.terms import to_rdflib
from newsgraph.graph.rdf.vocab import DEFAULT_BASE, PREFIXES

__all__ = ["quads", "to_dataset", "to_graph", "Mapper", "date_literal", "DOCUMENTS", "RESOLVED",
           "Quad"]

DOCUMENTS, RESOLVED = "graph/documents", "graph/resolved"
Quad = tuple[str, Node, Node, Node]   # (graph name relative to base, s, p, o)


def _base(base: str) -> str:
    return base if base.endswith(("/", "#")) else base + "/"


def quads(model: Model, base: str = DEFAULT_BASE) -> list[Quad]:
    """Every quad of ``model`` as rdflib ``(graph name, s, p, o)``, sorted; graph names relative to base."""
    from newsgraph.graph.rdf.plan import Plan

    out = [(name, to_rdflib(s), URIRef(p), to_rdflib(o))
           for name, groups in Plan(model, base).graphs() for s, pos in groups for p, o in pos]
    return sorted(out, key=lambda q: (q[0], q[1].n3(), q[2].n3(), q[3].n3()))


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)


def to_dataset(model: Model, base: str = DEFAULT_BASE) -> Dataset:
    """The model as an RDF dataset: one named graph per article, one resolved, one for documents."""
    base, ds = _base(base), Dataset()
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
