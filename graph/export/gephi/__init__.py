"""GraphML and GEXF views for Gephi, derived from the RDF graph.

* ``graph.graphml``/``graph.gexf``: every actor, place, event, article, outlet and document as
  a node (ids ``n0``, ``n1``, ... in sorted-IRI order; the IRI is the ``iri``
  attribute), every relation as an edge with a ``label``, ``weight`` and a unique id.
  Memberships become ``member`` edges person -> organisation (``role`` = titles);
  statements become ``quotedIn`` edges speaker -> article.
* ``actors.graphml``: actors only (Person, State, Organization, Outlet;
  Locations are left out: they are places, not parties).  A mixed multigraph with two
  kinds of edge, told apart by ``kind``: ``coParticipation`` (two actors share events;
  undirected, ``directed="false"``, written from the lower to the higher node id)
  and ``agentTarget`` (agent -> target of directed events; ``directed="true"``); the
  graph's default is undirected, as graphology reads per-edge direction only as
  ``directed="true"``.  Both carry ``weight`` (number of events), ``eventTypes``
  (sorted, ``;``-joined), ``firstDate``/``lastDate``.  networkx's GraphML reader refuses
  mixed graphs: in Python, :func:`newsgraph.queries.api.actor_network` gives either kind.
* GraphML key ids are the attribute names; because the GraphML schema wants key
  ids unique across domains, an edge key whose name is also a node key gets the id
  ``edge<name>`` (``edgelabel``: Gephi's own alias, and Gephi also matches ``attr.name``).

The views are collected in one pass over the subject groups of the graph
(:class:`newsgraph.graph.export.gephi.view.View`) and written as text
(:mod:`newsgraph.graph.export.gephi.xml`):
a build writes its three files with :class:`GephiWriter` without networkx; :func:`view_of` gives the
same view of an rdflib Graph or a pyoxigraph Store (the Python API's ``to_networkx`` and
``actor_network`` are these views keyed by IRI: :mod:`newsgraph.queries.api`), and
:func:`graphml_bytes`/:func:`gexf_bytes` write any networkx graph with node ids that are XML
names under the same rules.

>>> from rdflib import Graph
>>> view_of(Graph()).full()
([], [])
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox
from rdflib import Graph, URIRef

from newsgraph.graph.export.gephi.view import (
    ACTOR_KINDS,
    EDGE_KINDS,
    EDGE_LABELS,
    KINDS,
    READS,
    EventFilter,
    View,
)
from newsgraph.graph.export.gephi.xml import gexf_text, graphml_text, write_gexf, write_graphml
from newsgraph.graph.rdf.terms import groups_of, groups_of_ox

if TYPE_CHECKING:  # networkx (~0.25 s to import) only names the types: a build never imports it
    import networkx as nx

__all__ = ["xml_safe", "graphml_bytes", "gexf_bytes", "write_views", "GephiWriter", "view_of",
           "check_gephi_rules", "KINDS", "ACTOR_KINDS", "EDGE_KINDS", "EDGE_LABELS", "EventFilter"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
#: Opens one output file (kept open, and moved into place, by whoever gave the opener).
Opener = Callable[[], BinaryIO]
_NMTOKEN = re.compile(r"^[\w.\-:]+$")


def view_of(g: Graph | ox.Store) -> View:
    """The Gephi views of an rdflib graph or of a pyoxigraph store (all its graphs, read directly:
    several times faster than through rdflib); only the triples of the predicates the views read."""
    view = View()
    if isinstance(g, ox.Store):
        read = (ox.NamedNode(p) for p in sorted(READS))
        groups = groups_of_ox(q for p in read for q in g.quads_for_pattern(None, p, None))
    else:
        groups = groups_of(t for p in sorted(READS) for t in g.triples((None, URIRef(p), None)))
    for s, pos in groups:
        view.add(s, pos)
    return view


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _safe(d: dict) -> dict:
    """Attributes XML can carry: forbidden characters become spaces, blank strings (but labels) go."""
    for v in d.values():
        if isinstance(v, str) and (not v.strip() or _XML_FORBIDDEN.search(v)):
            break
    else:
        return d    # nothing to change (the common case): no copy
    out = {}
    for k, v in d.items():
        if isinstance(v, str):
            v = _XML_FORBIDDEN.sub(" ", v)
            if not v.strip() and k != "label":
                continue  # Gephi shows a blank value as a value: leave the attribute out
        out[k] = v
    return out


def _safe_node(n, d: dict) -> dict:
    d = _safe(d)
    if "label" in d and not str(d["label"]).strip():
        d = dict(d, label=str(d.get("iri") or n))
    return d


def xml_safe(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose string attributes XML can carry: forbidden characters become
    spaces, and a blank label falls back on the node's IRI (or id).

    >>> import networkx as nx
    >>> H = xml_safe(nx.Graph([("a", "b")]))
    >>> H.add_node("c", label="x\x01y", iri="urn:c"); xml_safe(H).nodes["c"]["label"]
    'x y'
    """
    H = G.copy()
    for d, clean in [(d, _safe_node(n, d)) for n, d in H.nodes(data=True)] + \
            [(e[-1], _safe(e[-1])) for e in H.edges(data=True)]:
        if clean is not d:
            d.clear()
            d.update(clean)
    return H


def _lists(G: nx.Graph) -> tuple[list, list]:
    """Nodes and edges of a networkx graph as the writers take them."""
    nodes = list(G.nodes(data=True))
    if G.is_multigraph():
        return nodes, [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)]
    return nodes, [(u, v, None, d) for u, v, d in G.edges(data=True)]


def _safe_lists(nodes: list, edges: list) -> tuple[list, list]:
    return [(n, _safe_node(n, d)) for n, d in nodes], [(u, v, k, _safe(d)) for u, v, k, d in edges]


def graphml_bytes(G: nx.Graph) -> bytes:
    """GraphML for Gephi: named key ids, unique key ids across domains, no graph attributes."""
    nodes, edges = _safe_lists(*_lists(G))
    return graphml_text(nodes, edges, directed=G.is_directed(), multigraph=G.is_multigraph()).encode("utf-8")


def _gexf_date(value: str | None, end: bool) -> str | None:
    """A GEXF date: full days as they are; partial dates become the first/last day of the span."""
    if not value:
        return None
    v = value[:10]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return v
    if re.fullmatch(r"\d{4}-\d{2}", v):
        if not end:
            return v + "-01"
        y, m = int(v[:4]), int(v[5:])
        nxt = f"{y + (m == 12):04d}-{m % 12 + 1:02d}-01"
        return (dt.date.fromisoformat(nxt) - dt.timedelta(days=1)).isoformat()
    if re.fullmatch(r"\d{4}", v):
        return v + ("-12-31" if end else "-01-01")
    return None


def _dated(nodes: list) -> list:
    """Nodes with ``start``/``end`` from their ``date`` (events: date; articles: datePublished)."""
    out = []
    for n, d in nodes:
        start, end = _gexf_date(d.get("date"), False), _gexf_date(d.get("date"), True)
        out.append((n, dict(d, start=start, end=end) if start and end else d))
    return out


def gexf_bytes(G: nx.MultiDiGraph) -> bytes:
    """GEXF of ``G`` with ``start``/``end`` on dated nodes (events: date; articles: datePublished)."""
    nodes, edges = _safe_lists(*_lists(G))
    text = gexf_text(_dated(nodes), edges, directed=G.is_directed())
    return text.encode("utf-8")


def write_views(view: View, graphml: Opener, gexf: Opener, actors: Opener) -> None:
    """Write the whole graph of a collected view as GraphML and GEXF and its actor network as
    GraphML, each to the file its opener opens (one view's nodes and edges in memory at a time)."""
    nodes, edges = _safe_lists(*view.full())
    write_graphml(graphml(), nodes, edges)
    nodes = _dated(nodes)
    write_gexf(gexf(), nodes, edges)
    del nodes, edges
    write_graphml(actors(), *_safe_lists(*view.actors()), directed=False)


class GephiWriter:
    """The Gephi views as an export writer (a row of :data:`newsgraph.graph.export.writers.WRITERS`):
    fed the union graph's subject groups, writes the three files when closed."""

    def __init__(self, graphml: Opener, actors: Opener, gexf: Opener):
        self.view, self.files = View(), (graphml, gexf, actors)

    def add(self, s: str, pos: list) -> None:
        """Take in the triples of subject ``s`` (subjects come in order)."""
        self.view.add(s, pos)

    def close(self) -> None:
        """Write the files."""
        write_views(self.view, *self.files)


def check_gephi_rules(path: str | Path) -> list[str]:
    """Problems of a GraphML file under Gephi's importer rules; an empty list means it is fine.

    Checks: key ids are the attribute names (or ``edge<name>``), unique, none for the graph;
    node ids are NMTOKENs; every node has ``label`` and ``type``; every edge a unique id,
    a ``label`` and a ``weight`` > 0; no empty values.  (A value that reads like a Python ``None``,
    list or dict is text like any other: the writers refuse such values, ``TypeError``.)
    """
    ns = {"g": GRAPHML_NS}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        return [f"cannot read {path}: {exc}"]
    problems, names, seen = [], {}, set()
    for k in root.findall("g:key", ns):
        kid, name, dom = k.get("id"), k.get("attr.name"), k.get("for")
        if kid in seen:
            problems.append(f"duplicate key id {kid!r}")
        seen.add(kid)
        names[kid] = name
        if dom == "graph":
            problems.append(f"graph-level key {kid!r}")
        if kid != name and not (dom == "edge" and kid == f"edge{name}"):
            problems.append(f"key id {kid!r} is not its attribute name {name!r}")
    graph = root.find("g:graph", ns)
    if graph is None:
        return [*problems, "no <graph> element"]
    if graph.findall("g:data", ns):
        problems.append("graph-level data")
    for tag, required in (("node", ("label", "type")), ("edge", ("label", "weight"))):
        ids = [el.get("id") for el in graph.findall(f"g:{tag}", ns)]
        if None in ids or len(set(ids)) != len(ids):
            problems.append(f"{tag} ids missing or not unique")
        for el in graph.findall(f"g:{tag}", ns):
            problems += _check_element(el, tag, required, names, ns)
    return problems


def _check_element(el: ET.Element, tag: str, required: tuple[str, ...], names: dict, ns: dict) -> list[str]:
    out, data = [], {names.get(d.get("key"), d.get("key")): (d.text or "") for d in el.findall("g:data", ns)}
    eid = el.get("id")
    if tag == "node" and (not eid or not _NMTOKEN.match(eid)):
        out.append(f"node id {eid!r} is not an NMTOKEN")
    for name in required:
        if not data.get(name, "").strip():
            out.append(f"{tag} {eid}: no {name}")
    for name, value in data.items():
        if not value.strip():
            out.append(f"{tag} {eid}: bad value {value!r} for {name}")
    if tag == "edge" and "weight" in data:
        try:
            if float(data["weight"]) <= 0:
                out.append(f"edge {eid}: weight {data['weight']} <= 0")
        except ValueError:
            out.append(f"edge {eid}: weight {data['weight']!r} is not a number")
    return out
