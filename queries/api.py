"""The Python relationship API: plain functions, graph first, nothing mutated.

``g`` is any rdflib graph: what :func:`open_graph` gives for a build directory (its
Oxigraph store), the store folder itself, or a Turtle/TriG/JSON-LD file; every function
gives the same answer on each.  Actors may be given as IRIs or names/aliases (resolved by
:func:`newsgraph.queries.named.resolve_actor`).  Networks use IRI strings as node ids with
``label``, ``type`` and ``iri`` node attributes; :func:`to_networkx` and
:func:`actor_network` are the networks the build writes as ``graph.graphml`` and
``actors.graphml`` (one builder: :class:`newsgraph.graph.export.gephi.view.View`).  A build's
store damaged deeper than opening it shows raises :class:`StoreDamaged` (one line: the damage and
how to rebuild), never Oxigraph's own error from deep inside.

>>> g = Graph().parse(data=_EXAMPLE, format="turtle")
>>> [row["partnerLabel"] for row in run(g, "who-met", actor="Kostanyan")]
['Ali Bagheri Kani']
>>> net = actor_network(g)
>>> sorted((net.nodes[n]["label"], net.nodes[n]["events"]) for n in net)
[('Ali Bagheri Kani', 1), ('Armenia', 1), ('Iran', 0), ('Vahan Kostanyan', 2)]
"""
from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from itertools import combinations

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from newsgraph.graph.export.gephi import EDGE_KINDS, EventFilter, view_of
from newsgraph.graph.export.gephi.view import View
from newsgraph.graph.rdf.vocab import NG, ORG, RDF, RDFS, SCHEMA, SKOS
from newsgraph.queries import remote
from newsgraph.queries.named import QueryError, execute, open_graph, resolve_actor
from newsgraph.queries.sparql.damage import StoreDamaged, guarded
from newsgraph.queries.sparql.native import ox_store

__all__ = ["open_graph", "run", "relations", "actor_network", "path", "ego", "to_networkx", "QueryError",
           "StoreDamaged"]

_EXAMPLE = """
@prefix ng: <https://w3id.org/newsgraph/ontology#> . @prefix ex: <https://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:bk a ng:Person ; rdfs:label "Ali Bagheri Kani" ; ng:country ex:irn .
ex:vk a ng:Person ; rdfs:label "Vahan Kostanyan" ; skos:altLabel "Kostanyan" ; ng:country ex:arm .
ex:arm a ng:State ; rdfs:label "Armenia" .    ex:irn a ng:State ; rdfs:label "Iran" .
ex:e1 a ng:Event ; ng:eventType ng:CONSULT ; ng:participant ex:bk, ex:vk ; ng:date "2023-03-20"^^xsd:date ;
  ng:mention [ ng:inArticle ex:a1 ; ng:evidence "The two deputies held talks." ] .
ex:e2 a ng:Event ; ng:eventType ng:REQUEST ; ng:agent ex:vk ; ng:target ex:arm .
ex:m1 a org:Membership ; org:member ex:vk ; org:organization ex:arm ;
  org:role [ rdfs:label "Deputy Foreign Minister" ] .
"""

ROLES = (("agent", NG.agent), ("target", NG.target), ("participant", NG.participant))
_ORDER = {"event": 0, "membership": 1, "citation": 2, "affiliation": 3}
_CLASS_ORDER = ("Outlet", "Person", "State", "Organization", "Location", "Event", "Article",
                "Document", "Statement", "EventMention", "Actor")


def _reading(function):
    """``function`` raising :class:`StoreDamaged` (one line: what is damaged, how to rebuild) where
    Oxigraph raised a storage error deep inside (a build's store damaged beyond what opening it shows)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with guarded():
            return function(*args, **kwargs)

    return wrapper


def _py(term: Node | None):
    """A plain Python value for an RDF term (IRIs as strings, dates as ISO strings)."""
    if term is None:
        return None
    if not isinstance(term, Literal):
        return str(term)
    value = term.toPython()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value if isinstance(value, int | float | bool | str) else str(term)


@_reading
def run(g: Graph | str, name: str, **params) -> list[dict]:
    """Rows of the named query ``name`` as dicts of plain values (unbound columns are None).

    ``g`` is a graph, or the URL of a SPARQL 1.1 endpoint (``http(s)://...``) serving a pushed
    build: the same query then runs there, with the same rows (:func:`newsgraph.queries.remote.execute`).

    >>> g = Graph().parse(data=_EXAMPLE, format="turtle")
    >>> run(g, "interactions", actor="Bagheri Kani", other="kostanyan")[0]["evidence"]
    'The two deputies held talks.'
    """
    result = remote.execute(g, name, params) if remote.is_endpoint(g) else execute(g, name, params)
    names = [str(v) for v in result.vars]
    return [{n: _py(row.get(v)) for n, v in zip(names, result.vars, strict=True)}
            for row in result.bindings]


def _label(g: Graph, node: Node) -> str:
    return str(g.value(node, RDFS.label) or g.value(node, SCHEMA.headline) or node)


def _kind(g: Graph, node: Node) -> str:
    names = {str(t).rsplit("#", 1)[-1] for t in g.objects(node, RDF.type) if str(t).startswith(str(NG))}
    return next((c for c in _CLASS_ORDER if c in names), "")


def _events(g: Graph):
    """(event, type name, date or None, {actor: role}, first evidence, its article) for every event."""
    for event in sorted(set(g.subjects(NG.eventType, None))):
        etype = g.value(event, NG.eventType)
        name = str(g.value(etype, SKOS.notation) or str(etype).rsplit("#", 1)[-1])
        roles = {}
        for role, prop in ROLES:
            for actor in sorted(g.objects(event, prop)):
                roles.setdefault(actor, role)
        mentions = sorted((str(g.value(m, NG.inArticle) or ""), str(g.value(m, NG.evidence) or ""))
                          for m in g.objects(event, NG.mention))
        article, evidence = mentions[0] if mentions else (None, None)
        yield event, name, _py(g.value(event, NG.date)), roles, evidence, article


def _view(g: Graph) -> View:
    """The Gephi views of ``g``, read straight from its Oxigraph store when it has one."""
    store = ox_store(g)
    return view_of(g if store is None else store)


def _keyed(nodes: list, edges: list, net: nx.Graph, kind: str | None = None) -> nx.Graph:
    """A Gephi view's nodes and edges in ``net``, nodes keyed by IRI, the views' bookkeeping
    (edge ``id``, ``directed``) left out; with ``kind``, only the edges of that kind."""
    iri = {n: d["iri"] for n, d in nodes}
    net.add_nodes_from((d["iri"], dict(d)) for _, d in nodes)
    for u, v, _, d in edges:
        if kind is None or d.get("kind") == kind:
            data = {k: x for k, x in d.items() if k not in ("id", "directed")}
            if net.is_multigraph():
                net.add_edge(iri[u], iri[v], key=data["label"], **data)
            else:
                net.add_edge(iri[u], iri[v], **data)
    return net


@_reading
def actor_network(g: Graph, *, types=None, since=None, until=None, kind: str = "coParticipation") -> nx.Graph:
    """The actor network of ``actors.graphml``, nodes keyed by IRI: every actor (Person, State,
    Organization, Outlet) with its ``label``, ``type``, ``iri``, ``events``, ...; edges of one ``kind``:

    * ``"coParticipation"`` (an undirected ``nx.Graph``): two actors share events;
    * ``"agentTarget"`` (an ``nx.DiGraph``): agent -> target of directed events.

    Edges carry ``weight`` (events), ``eventTypes`` (';'-joined), ``firstDate``/``lastDate``,
    ``kind`` and ``label``.  ``types`` keeps only these event types (names such as "CONSULT");
    ``since`` and ``until`` (ISO date strings or dates) keep only events dated in that period.

    >>> g = Graph().parse(data=_EXAMPLE, format="turtle")
    >>> net = actor_network(g, types=["consult"])
    >>> [(net.nodes[u]["label"], net.nodes[v]["label"], d["weight"]) for u, v, d in net.edges(data=True)]
    [('Ali Bagheri Kani', 'Vahan Kostanyan', 1)]
    >>> directed = actor_network(g, kind="agentTarget")
    >>> [(directed.nodes[u]["label"], directed.nodes[v]["label"]) for u, v in directed.edges]
    [('Vahan Kostanyan', 'Armenia')]
    """
    if kind not in EDGE_KINDS:
        raise QueryError(f"unknown edge kind {kind!r} (known: {', '.join(EDGE_KINDS)})")
    keep = EventFilter(tuple(sorted({t.upper() for t in types})) if types else None,
                       str(since) if since else None, str(until) if until else None)
    net = nx.DiGraph() if EDGE_KINDS[kind] else nx.Graph()
    return _keyed(*_view(g).actors(keep), net, kind)


@_reading
def ego(g: Graph, actor, radius: int = 1) -> nx.Graph:
    """The part of :func:`actor_network` within ``radius`` hops of ``actor`` (just the actor when it
    shares no events).

    >>> g = Graph().parse(data=_EXAMPLE, format="turtle")
    >>> [ego(g, "Kostanyan").nodes[n]["label"] for n in ego(g, "Kostanyan")]
    ['Armenia', 'Ali Bagheri Kani', 'Vahan Kostanyan']
    """
    node = str(resolve_actor(g, actor))
    net = actor_network(g)
    if node not in net:
        only = nx.Graph()
        only.add_node(node, label=_label(g, URIRef(node)), type=_kind(g, URIRef(node)))
        return only
    near = nx.single_source_shortest_path_length(net, node, cutoff=radius)
    net.remove_nodes_from([n for n in net if n not in near])   # (not a subgraph view: keeps the node order)
    return net


def _links(g: Graph):
    """Explanations joining two actors: (a, b, info) for shared events, memberships, citations, countries."""
    for event, name, date, roles, evidence, article in _events(g):
        for a, b in combinations(sorted(roles, key=str), 2):
            yield a, b, {"kind": "event", "relation": f"{roles[a]}/{roles[b]}", "event": str(event),
                         "eventType": name, "date": date, "evidence": evidence, "article": article}
    for m in sorted(set(g.subjects(ORG.member, None))):
        article, role = g.value(m, NG.statedIn), g.value(m, ORG.role)
        published = g.value(article, SCHEMA.datePublished) if article else None
        yield g.value(m, ORG.member), g.value(m, ORG.organization), {
            "kind": "membership", "relation": _label(g, role) if role else "member", "event": None,
            "eventType": None, "date": _py(published), "evidence": None, "article": _py(article)}
    for article, source in sorted(g.subject_objects(NG.cites)):
        yield g.value(article, NG.outlet), source, {
            "kind": "citation", "relation": "cites", "event": None, "eventType": None,
            "date": _py(g.value(article, SCHEMA.datePublished)), "evidence": None, "article": str(article)}
    for actor, state in sorted(g.subject_objects(NG.country)):
        yield actor, state, {"kind": "affiliation", "relation": "country", "event": None, "eventType": None,
                             "date": None, "evidence": None, "article": None}


@_reading
def relations(g: Graph, a, b) -> list[dict]:
    """Every connection between actors ``a`` and ``b``: shared events, roles, citations, affiliation.

    Each dict has ``from``/``to`` (IRIs), ``kind``, ``relation``, ``event``,
    ``eventType``, ``date``, ``evidence`` and ``article``.

    >>> g = Graph().parse(data=_EXAMPLE, format="turtle")
    >>> [(r["kind"], r["relation"]) for r in relations(g, "Kostanyan", "Armenia")]
    [('event', 'agent/target'), ('membership', 'Deputy Foreign Minister'), ('affiliation', 'country')]
    """
    x, y = resolve_actor(g, a), resolve_actor(g, b)
    rows = [_oriented(u, v, info, x) for u, v, info in _links(g) if {u, v} == {x, y} and u != v]
    return sorted(rows, key=lambda r: (_ORDER[r["kind"]], r["date"] or "", r["event"] or "",
                                       r["article"] or ""))


def _oriented(u, v, info: dict, first) -> dict:
    """``info`` as a hop starting at ``first`` (event roles swapped when the link runs the other way)."""
    if info["kind"] == "event" and str(u) != str(first):
        u, v = v, u
        info = {**info, "relation": "/".join(reversed(info["relation"].split("/")))}
    return {"from": str(u), "to": str(v), **info}


@_reading
def path(g: Graph, a, b) -> list[dict]:
    """The shortest chain of explanations from ``a`` to ``b``: one dict per hop (see :func:`relations`).

    Hops prefer shared events (earliest first) over memberships, citations and
    affiliations.  QueryError when the actors are not connected.

    >>> g = Graph().parse(data=_EXAMPLE, format="turtle")
    >>> [(h["fromLabel"], h["relation"], h["toLabel"]) for h in path(g, "Bagheri Kani", "Armenia")]
    [('Ali Bagheri Kani', 'participant/participant', 'Vahan Kostanyan'),
     ('Vahan Kostanyan', 'agent/target', 'Armenia')]
    """
    x, y = str(resolve_actor(g, a)), str(resolve_actor(g, b))
    net, best = nx.Graph(), {}
    for u, v, info in _links(g):
        if u is None or v is None or u == v:
            continue
        key = tuple(sorted((str(u), str(v))))
        rank = (_ORDER[info["kind"]], info["date"] or "9999", info["event"] or "", info["article"] or "")
        if key not in best or rank < best[key][0]:
            best[key] = (rank, u, v, info)
        net.add_edge(*key)
    if x not in net or y not in net or not nx.has_path(net, x, y):
        raise QueryError(f"no connection between {a!r} and {b!r}")
    nodes = nx.shortest_path(net, x, y)
    hops = []
    for u, v in zip(nodes, nodes[1:], strict=False):
        _, s, o, info = best[tuple(sorted((u, v)))]
        hop = _oriented(s, o, info, u)
        hops.append({**hop, "fromLabel": _label(g, URIRef(hop["from"])),
                     "toLabel": _label(g, URIRef(hop["to"]))})
    return hops


@_reading
def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """The whole graph of ``graph.graphml``, nodes keyed by IRI: actors, places, events, articles,
    outlets and documents with their scalar attributes (``label``, ``type``, ``iri``, ...);
    one edge per (source, target, relation), keyed by the relation, with ``label`` (the relation:
    ``agent``, ``reportedIn``, ``member``, ...), ``weight`` and, on ``member`` edges, ``role``.

    >>> g = Graph().parse(data=_EXAMPLE, format="turtle")
    >>> net = to_networkx(g)
    >>> net.nodes["https://example.org/vk"]["altLabels"], net.nodes["https://example.org/vk"]["type"]
    ('Kostanyan', 'Person')
    >>> sorted(net["https://example.org/e2"])
    ['https://example.org/arm', 'https://example.org/vk']
    >>> sorted(net["https://example.org/vk"]["https://example.org/arm"])
    ['country', 'member']
    """
    return _keyed(*_view(g).full(), nx.MultiDiGraph())
