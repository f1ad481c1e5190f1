"""The streamed mapping and writers give what the rdflib/networkx path gives.

* :class:`newsgraph.graph.rdf.plan.Plan`'s two streams (by named graph, by subject) give the same triples;
* a build's files (:func:`newsgraph.graph.export.write_plan`) equal those written from the rdflib dataset;
* the JSON-LD is byte for byte rdflib's compact JSON-LD with sorted nodes and values;
* GraphML is byte for byte networkx's writer's (but per-edge direction, which networkx does not write),
  GEXF reads back in networkx as networkx's writer's (which adds its ``networkx_key``);
* the store replaces only the changed subjects of a big graph and ends equal to a fresh store.
"""
from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from rdflib import Graph

from newsgraph.graph import export
from newsgraph.graph.export import gephi
from newsgraph.graph.export.jsonld import JsonLdWriter
from newsgraph.graph.rdf.digests import Digests, changed_subjects
from newsgraph.graph.rdf.plan import Plan, merged
from newsgraph.graph.rdf.terms import groups_of, to_rdflib
from newsgraph.graph.rdf.vocab import DEFAULT_BASE, PREFIXES
from newsgraph.graph.store import open_ox, update_store
from tests import oracle
from tests.fixtures import model


def _triples(groups) -> set:
    return {(to_rdflib(s), to_rdflib(p), to_rdflib(o)) for s, pos in groups for p, o in pos}


def test_plan_gives_the_quads_of_the_mapping():
    m = model()
    plan = Plan(m)
    by_graph = {name: _triples(groups) for name, groups in plan.graphs()}
    want: dict[str, set] = {}
    for name, s, p, o in oracle.quads(m):
        want.setdefault(name, set()).add((s, p, o))
    assert by_graph == want
    union = list(plan.union())
    assert [s for s, _ in union] == sorted({s for s, _ in union})          # each subject once, sorted
    assert _triples(union) == set(oracle.to_graph(m))
    assert sum(len(pos) for _, pos in union) == len(oracle.to_graph(m))       # no repeats
    # oracle.quads is itself made from plan.graphs(): the check that counts is that the two
    # streams, by named graph and by subject, give the same triples
    assert set().union(*by_graph.values()) == _triples(union)


def test_plan_order_is_checked():
    with pytest.raises(RuntimeError):
        list(merged([("b", []), ("a", [])]))


def test_build_files_equal_the_rdflib_path(tmp_path):
    m = model()
    written, triples = export.write_plan(Plan(m), tmp_path / "plan")
    assert triples == len(oracle.to_graph(m))
    again = oracle.write_outputs(oracle.to_dataset(m), tmp_path / "rdflib")
    for name, path in written.items():
        assert path.read_bytes() == again[name].read_bytes(), name


def _old_jsonld(g: Graph) -> bytes:
    """graph.jsonld as written with rdflib's serializer (values and nodes sorted by their JSON text)."""
    def srt(value):
        if isinstance(value, dict):
            return {k: srt(v) for k, v in value.items()}
        if isinstance(value, list):
            return sorted((srt(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True,
                                                                          ensure_ascii=False))
        return value

    context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
    data = json.loads(g.serialize(format="json-ld", context=context, auto_compact=False))
    data = {k: srt(v) if k != "@context" else v for k, v in data.items()}
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _jsonld(g: Graph) -> bytes:
    buf = io.BytesIO()
    writer = JsonLdWriter(buf, {p: str(ns) for p, ns in PREFIXES.items()})
    for s, pos in groups_of(g):
        writer.add(s, pos)
    writer.close()
    return buf.getvalue()


@pytest.mark.parametrize("size", [0, 1, 2, None])
def test_jsonld_is_rdflibs(size):
    g = oracle.to_graph(model())
    if size is not None:
        keep = sorted(set(g.subjects()))[:size]
        g = Graph()
        for t in oracle.to_graph(model()).triples((None, None, None)):
            if t[0] in keep:
                g.add(t)
    assert _jsonld(g) == _old_jsonld(g)


def _old_graphml(G: nx.MultiDiGraph) -> bytes:
    """GraphML as networkx generates it, re-indented by ElementTree (the former
    newsgraph.graph.export.gephi code)."""
    H = gephi.xml_safe(G)
    for *_, d in H.edges(data=True, keys=True):
        d.pop("id", None)
        d.pop("directed", None)   # per-edge direction: an XML attribute of ours, see _no_direction
    root = ET.fromstring("\n".join(nx.generate_graphml(H, named_key_ids=True, prettyprint=True)))
    ns = {"g": gephi.GRAPHML_NS}
    node_keys = {k.get("id") for k in root.findall("g:key", ns) if k.get("for") == "node"}
    renamed = {}
    for k in root.findall("g:key", ns):
        if k.get("for") == "edge" and k.get("id") in node_keys:
            renamed[k.get("id")] = "edge" + k.get("id")
            k.set("id", renamed[k.get("id")])
    for d in root.iterfind("g:graph/g:edge/g:data", ns):
        d.set("key", renamed.get(d.get("key"), d.get("key")))
    ET.register_namespace("", gephi.GRAPHML_NS)
    ET.indent(root, space="  ")
    buf = io.BytesIO()
    ET.ElementTree(root).write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue() + b"\n"


def _old_gexf(G: nx.MultiDiGraph) -> bytes:
    H = gephi.xml_safe(G)
    for _, d in H.nodes(data=True):
        start, end = gephi._gexf_date(d.get("date"), False), gephi._gexf_date(d.get("date"), True)
        if start and end:
            d["start"], d["end"] = start, end
    buf = io.BytesIO()
    nx.write_gexf(H, buf)
    text = re.sub(rb' lastmodifieddate="[^"]*"', b"", buf.getvalue())
    return re.sub(rb"<creator>[^<]*</creator>", b"<creator>newsgraph</creator>", text)


def _no_direction(graphml: bytes) -> bytes:
    return re.sub(rb' directed="(true|false)"', b"", graphml)


def _gexf_read(gexf: bytes) -> tuple[list, list]:
    G = nx.read_gexf(io.BytesIO(gexf))
    return sorted(G.nodes(data=True)), sorted((u, v, sorted(d.items())) for u, v, d in G.edges(data=True))


def _networkx(nodes: list, edges: list) -> nx.MultiDiGraph:
    """A Gephi view's nodes and edges as a networkx graph (edges added in edge-id order)."""
    G = nx.MultiDiGraph()
    for n, attrs in nodes:
        G.add_node(n, **attrs)
    for u, v, key, attrs in sorted(edges, key=lambda e: int(e[2][1:])):
        G.add_edge(u, v, key=key, **attrs)
    return G


def test_graphml_and_gexf_are_networkx_writers():
    g = oracle.to_graph(model())
    view = gephi.view_of(g)
    full, actors = _networkx(*view.full()), _networkx(*view.actors())
    assert gephi.graphml_bytes(full) == _old_graphml(full)
    assert _no_direction(gephi.graphml_bytes(actors)) == _old_graphml(actors)
    assert _gexf_read(gephi.gexf_bytes(full)) == _gexf_read(_old_gexf(full))
    assert b"networkx_key" not in gephi.gexf_bytes(full)
    odd = nx.MultiDiGraph()
    odd.add_node("a", label="x <&> \"y\"\n", iri="urn:a", flag=True, score=0.5)
    odd.add_node("b", label=" ", date="2023-02")
    odd.add_edge("a", "b", weight=2, note="\t&")
    odd.add_edge("b", "a")
    assert gephi.graphml_bytes(odd) == _old_graphml(odd)
    assert _gexf_read(gephi.gexf_bytes(odd)) == _gexf_read(_old_gexf(odd))


def _store_quads(path) -> set[str]:
    return {str(q) for q in open_ox(path, read_only=True)}


def test_store_replaces_only_changed_subjects_of_big_graphs(tmp_path):
    m = model()
    many = tuple(dataclasses.replace(m.events[0], key=f"event/x{i:03d}") for i in range(80))
    before = dataclasses.replace(m, events=m.events + many)
    moved = dataclasses.replace(many[0], key="event/y")
    after = dataclasses.replace(m, events=m.events + many[1:] + (moved,))
    update_store(tmp_path / "a", before)
    resolved = DEFAULT_BASE + "graph/resolved"
    digests = Digests()
    for name, groups in Plan(after).graphs():
        digests.add(DEFAULT_BASE + name, groups)
    recorded = json.loads((tmp_path / "a" / "store.subjects.json").read_text())[resolved]
    assert changed_subjects(recorded, digests.subjects[resolved]) == {DEFAULT_BASE + "event/x000",
                                                                      DEFAULT_BASE + "event/y"}
    update_store(tmp_path / "a", after, digests=digests)
    update_store(tmp_path / "b", after)
    assert _store_quads(tmp_path / "a") == _store_quads(tmp_path / "b")
