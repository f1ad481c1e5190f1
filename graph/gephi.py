"""GraphML and GEXF views for Gephi, derived from the RDF graph through networkx.

* :func:`to_networkx`: every actor, place, event, article, outlet and document as
  a node (ids ``n0``, ``n1``, ... in sorted-IRI order; the IRI is the ``iri``
  attribute), every relation as an edge with a ``label``, ``weight`` and a unique id.
  Memberships become ``member`` edges person -> organisation (``role`` = titles);
  statements become ``quotedIn`` edges speaker -> article.
* :func:`actor_network`: actors only (Person, State, Organization, Outlet;
  Locations are left out: they are places, not parties).  Two kinds of edge in one
  directed multigraph, told apart by ``kind``: ``coParticipation`` (two actors share
  events; read it as undirected, it points from the lower to the higher node id)
  and ``agentTarget`` (agent -> target of directed events).  Both carry ``weight``
  (number of events), ``eventTypes`` (sorted, ``;``-joined), ``firstDate``/``lastDate``.
* GraphML key ids are the attribute names; because the GraphML schema wants key
  ids unique across domains, an edge key whose name is also a node key gets the id
  ``edge<name>`` (``edgelabel``: Gephi's own alias, and Gephi also matches ``attr.name``).

>>> from rdflib import Graph
>>> to_networkx(Graph()).number_of_nodes()
0
"""
from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import networkx as nx
from rdflib import Graph, URIRef

from graph.vocab import NG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
KINDS = ("Outlet", "Person", "State", "Organization", "Location", "Event", "Article", "Document")
ACTOR_KINDS = ("Outlet", "Person", "State", "Organization")
EDGES = {NG.agent: "agent", NG.target: "target", NG.participant: "participant", NG.place: "place",
         NG.reportedIn: "reportedIn", NG.outlet: "outlet", SCHEMA.author: "author", NG.dateline: "dateline",
         NG.cites: "cites", NG.country: "country", NG.mentionedIn: "mentionedIn",
         PROV.wasDerivedFrom: "derivedFrom"}
_NMTOKEN = re.compile(r"^[\w.\-:]+$")


def _kind(g: Graph, node: URIRef) -> str | None:
    types = set(g.objects(node, RDF.type))
    return next((k for k in KINDS if NG[k] in types), None)


def _one(g: Graph, s: URIRef, p: URIRef) -> str | None:
    vals = sorted(str(o) for o in g.objects(s, p))
    return vals[0] if vals else None


def _joined(g: Graph, s: URIRef, p: URIRef) -> str | None:
    return ";".join(sorted({str(o) for o in g.objects(s, p)})) or None


def _attrs(g: Graph, node: URIRef, kind: str) -> dict:
    """Scalar attributes of one node (None values dropped)."""
    a: dict = {"iri": str(node), "type": kind}
    if kind == "Event":
        t = _first(g, node, NG.eventType)
        etype = _one(g, t, SKOS.notation) if t is not None else None
        a.update(eventType=etype, date=_one(g, node, NG.date), datePrecision=_one(g, node, NG.datePrecision),
                 modality=_one(g, node, NG.modality), sourceCount=int(_one(g, node, NG.sourceCount) or 0))
        a["label"] = " ".join(x for x in (etype or "Event", a["date"]) if x)
    elif kind == "Article":
        a.update(label=_one(g, node, SCHEMA.headline), date=_one(g, node, SCHEMA.datePublished),
                 url=_one(g, node, SCHEMA.url))
    elif kind == "Document":
        a.update(label=_one(g, node, PROV.atLocation), sha256=_one(g, node, NG.sha256),
                 encoding=_one(g, node, NG.encoding))
    else:
        a.update(label=_one(g, node, RDFS.label), altLabels=_joined(g, node, SKOS.altLabel),
                 sector=_one(g, node, NG.sector), countryCode=_one(g, node, NG.countryCode),
                 mentions=len(set(g.objects(node, NG.mentionedIn))))
    a["label"] = a.get("label") or str(node).rstrip("/").rsplit("/", 1)[-1]
    return {k: v for k, v in a.items() if v is not None and v != ""}


def node_ids(g: Graph) -> dict[URIRef, tuple[str, str]]:
    """IRI -> (node id, kind) for every node of the Gephi view, ids in sorted-IRI order."""
    nodes = sorted({s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef)}, key=str)
    out, n = {}, 0
    for s in nodes:
        kind = _kind(g, s)
        if kind:
            out[s] = (f"n{n}", kind)
            n += 1
    return out


def _add_edges(G: nx.MultiDiGraph, edges: dict[tuple[str, str, str], dict]) -> None:
    for i, ((u, v, _), data) in enumerate(sorted(edges.items())):
        G.add_edge(u, v, key=f"e{i}", id=f"e{i}", **{k: x for k, x in data.items() if x not in (None, "")})


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """The whole graph as a networkx MultiDiGraph with Gephi-safe scalar attributes."""
    ids = node_ids(g)
    G = nx.MultiDiGraph()
    for iri, (nid, kind) in sorted(ids.items(), key=lambda x: int(x[1][0][1:])):
        G.add_node(nid, **_attrs(g, iri, kind))
    edges: dict[tuple[str, str, str], dict] = {}
    for p, label in EDGES.items():
        for s, o in g.subject_objects(p):
            if s in ids and o in ids:
                e = edges.setdefault((ids[s][0], ids[o][0], label), {"label": label, "weight": 0})
                e["weight"] += 1
    titles: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for m in g.subjects(RDF.type, ORG.Membership):
        p, o = _first(g, m, ORG.member), _first(g, m, ORG.organization)
        if p in ids and o in ids:
            e = edges.setdefault((ids[p][0], ids[o][0], "member"), {"label": "member", "weight": 0})
            e["weight"] += 1
            for r in g.objects(m, ORG.role):
                titles[(ids[p][0], ids[o][0], "member")].update(str(t) for t in g.objects(r, RDFS.label))
    for k, t in titles.items():
        edges[k]["role"] = ";".join(sorted(t))
    for st in g.subjects(RDF.type, NG.Statement):
        sp, a = _first(g, st, NG.speaker), _first(g, st, NG.inArticle)
        if sp in ids and a in ids:
            e = edges.setdefault((ids[sp][0], ids[a][0], "quotedIn"), {"label": "quotedIn", "weight": 0})
            e["weight"] += 1
    _add_edges(G, edges)
    return G


def _first(g: Graph, s: URIRef, p: URIRef) -> URIRef | None:
    vals = sorted(g.objects(s, p), key=str)
    return vals[0] if vals else None


def actor_network(g: Graph) -> nx.MultiDiGraph:
    """Actors joined by shared events (``coParticipation``) and agent -> target edges."""
    ids = {iri: v for iri, v in node_ids(g).items() if v[1] in ACTOR_KINDS}
    G = nx.MultiDiGraph()
    for iri, (nid, kind) in sorted(ids.items(), key=lambda x: int(x[1][0][1:])):
        G.add_node(nid, **_attrs(g, iri, kind), events=0)
    pairs: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for ev in sorted(g.subjects(RDF.type, NG.Event), key=str):
        t = _first(g, ev, NG.eventType)
        etype = _one(g, t, SKOS.notation) if t is not None else None
        date = (_one(g, ev, NG.date) or "")[:10]
        roles = {p: sorted({ids[o][0] for o in g.objects(ev, p) if o in ids}) for p in (NG.agent, NG.target)}
        everyone = sorted({ids[o][0] for p in (NG.agent, NG.target, NG.participant)
                           for o in g.objects(ev, p) if o in ids}, key=lambda n: int(n[1:]))
        for n in everyone:
            G.nodes[n]["events"] += 1
        for u, v in combinations(everyone, 2):
            pairs[(u, v, "coParticipation")].append((etype or "", date))
        for u in roles[NG.agent]:
            for v in roles[NG.target]:
                if u != v:
                    pairs[(u, v, "agentTarget")].append((etype or "", date))
    edges = {}
    for key, evs in pairs.items():
        dates = sorted(d for _, d in evs if d)
        edges[(key[2], key[0], key[1])] = {
            "label": key[2], "kind": key[2], "weight": len(evs),
            "eventTypes": ";".join(sorted({t for t, _ in evs if t})),
            "firstDate": dates[0] if dates else None, "lastDate": dates[-1] if dates else None}
    for i, ((_, u, v), data) in enumerate(sorted(edges.items(), key=lambda x: (x[0][0], int(x[0][1][1:]),
                                                                                  int(x[0][2][1:])))):
        G.add_edge(u, v, key=f"e{i}", id=f"e{i}", **{k: x for k, x in data.items() if x not in (None, "")})
    return G


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose string attributes XML can carry: forbidden characters become
    spaces, and a blank label falls back on the node's IRI (or id).

    >>> H = xml_safe(nx.Graph([("a", "b")]))
    >>> H.add_node("c", label="x\x01y", iri="urn:c"); xml_safe(H).nodes["c"]["label"]
    'x y'
    """
    H = G.copy()
    items = [d for _, d in H.nodes(data=True)] + [e[-1] for e in H.edges(data=True)]
    for d in items:
        for k, v in list(d.items()):
            if isinstance(v, str):
                d[k] = _XML_FORBIDDEN.sub(" ", v)
                if not d[k].strip() and k != "label":
                    del d[k]  # Gephi shows a blank value as a value: leave the attribute out
    for n, d in H.nodes(data=True):
        if "label" in d and not str(d["label"]).strip():
            d["label"] = str(d.get("iri") or n)
    return H


def graphml_bytes(G: nx.Graph) -> bytes:
    """GraphML for Gephi: named key ids, unique key ids across domains, no graph attributes."""
    H = xml_safe(G)
    H.graph.clear()
    for *_, d in H.edges(data=True, keys=True) if H.is_multigraph() else H.edges(data=True):
        d.pop("id", None)
    text = "\n".join(nx.generate_graphml(H, named_key_ids=True, prettyprint=True))
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
    root = ET.fromstring(text)
    ns = {"g": GRAPHML_NS}
    node_keys = {k.get("id") for k in root.findall("g:key", ns) if k.get("for") == "node"}
    renamed = {}
    for k in root.findall("g:key", ns):
        if k.get("for") == "edge" and k.get("id") in node_keys:
            renamed[k.get("id")] = "edge" + k.get("id")
            k.set("id", renamed[k.get("id")])
    for d in root.iterfind("g:graph/g:edge/g:data", ns):
        d.set("key", renamed.get(d.get("key"), d.get("key")))
    ET.indent(root, space="  ")
    buf = io.BytesIO()
    ET.ElementTree(root).write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue() + b"\n"


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


def gexf_bytes(G: nx.MultiDiGraph) -> bytes:
    """GEXF of ``G`` with ``start``/``end`` on dated nodes (events: date; articles: datePublished)."""
    H = xml_safe(G)
    H.graph.clear()
    for _, d in H.nodes(data=True):
        start, end = _gexf_date(d.get("date"), False), _gexf_date(d.get("date"), True)
        if start and end:
            d["start"], d["end"] = start, end
    buf = io.BytesIO()
    nx.write_gexf(H, buf)
    return re.sub(rb' lastmodifieddate="[^"]*"', b"", buf.getvalue())


def check_gephi_rules(path: str | Path) -> list[str]:
    """Problems of a GraphML file under Gephi's importer rules; an empty list means it is fine.

    Checks: key ids are the attribute names (or ``edge<name>``), unique, none for the graph;
    node ids are NMTOKENs; every node has ``label`` and ``type``; every edge a unique id,
    a ``label`` and a ``weight`` > 0; no empty, None, list or dict values.
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
        v = value.strip()
        if not v or v == "None" or (v[:1] in "[{" and v[-1:] in "]}" and name != "label"):  # free text
            out.append(f"{tag} {eid}: bad value {value!r} for {name}")
    if tag == "edge" and "weight" in data:
        try:
            if float(data["weight"]) <= 0:
                out.append(f"edge {eid}: weight {data['weight']} <= 0")
        except ValueError:
            out.append(f"edge {eid}: weight {data['weight']!r} is not a number")
    return out
