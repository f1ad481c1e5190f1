"""Tests of newsgraph.graph.export.gephi: GraphML and GEXF files Gephi, networkx and igraph read cleanly,
holding the networks of the Python API (:mod:`newsgraph.queries.api`)."""
from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pytest

from newsgraph.graph.export import gephi
from newsgraph.queries.api import actor_network, open_graph, to_networkx
from tests import oracle
from tests.fixtures import model

XSD_FILE = Path(__file__).resolve().parent / "schema" / "graphml" / "graphml.xsd"
NS = {"g": gephi.GRAPHML_NS}


def read_mixed(path: Path) -> tuple[dict, list]:
    """A GraphML file read as written (networkx refuses mixed graphs): node id -> data, and
    (source, target, directed, data) per edge, ``directed`` from the edge or the graph default."""
    root = ET.parse(path).getroot()
    names = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", NS)}
    graph = root.find("g:graph", NS)
    default = graph.get("edgedefault") == "directed"

    def data(el):
        return {names[d.get("key")]: d.text or "" for d in el.findall("g:data", NS)}

    nodes = {n.get("id"): data(n) for n in graph.findall("g:node", NS)}
    direction = {"true": True, "false": False}
    edges = [(e.get("source"), e.get("target"), direction.get(e.get("directed"), default), data(e))
             for e in graph.findall("g:edge", NS)]
    return nodes, edges


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("gephi")
    oracle.write_outputs(oracle.to_dataset(model()), d)
    return d


@pytest.mark.parametrize("name", ["graph.graphml", "actors.graphml"])
def test_gephi_rules_hold(out, name):
    assert gephi.check_gephi_rules(out / name) == []


def test_rereads_in_networkx_and_igraph(out):
    G = nx.read_graphml(out / "graph.graphml")
    ig = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert ig.vcount() == G.number_of_nodes() > 0 and ig.ecount() == G.number_of_edges() > 0
    assert all(d.get("label") and d.get("type") and d.get("iri") for _, d in G.nodes(data=True))
    assert all(not d["iri"].startswith(n) and "/" not in n for n, d in G.nodes(data=True))
    assert set(ig.vs.attributes()) >= {"label", "type", "iri"}
    assert all(w > 0 for w in ig.es["weight"])


def test_actors_graphml_is_mixed(out):
    """Co-participation edges undirected, agent -> target edges directed; igraph (no mixed graphs)
    reads it as undirected, networkx's reader refuses it."""
    nodes, edges = read_mixed(out / "actors.graphml")
    assert all(d.get("label") and d.get("type") and d.get("iri") for d in nodes.values())
    kinds = {(d["kind"], directed) for _, _, directed, d in edges}
    assert kinds == {("coParticipation", False), ("agentTarget", True)}
    assert all(float(d["weight"]) > 0 for *_, d in edges)
    ig = igraph.Graph.Read_GraphML(str(out / "actors.graphml"))
    assert (ig.vcount(), ig.ecount()) == (len(nodes), len(edges)) and not ig.is_directed()
    with pytest.raises(nx.NetworkXError, match="directed=true edge found in undirected graph"):
        nx.read_graphml(out / "actors.graphml")


@pytest.mark.parametrize("name", ["graph.graphml", "actors.graphml"])
def test_validates_against_graphml_xsd(out, name):
    if not shutil.which("xmllint"):
        pytest.skip("xmllint not installed (apt-get install libxml2-utils)")
    if not XSD_FILE.exists():
        pytest.skip("tests/schema/graphml/graphml.xsd is missing")
    res = subprocess.run(["xmllint", "--nonet", "--noout", "--schema", str(XSD_FILE), str(out / name)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


def test_full_graph_content(out):
    G = nx.read_graphml(out / "graph.graphml")
    types = {d["type"] for _, d in G.nodes(data=True)}
    assert types == {"Outlet", "Person", "State", "Organization", "Location", "Event", "Article", "Document"}
    labels = {d["label"] for _, _, d in G.edges(data=True)}
    assert {"agent", "target", "participant", "reportedIn", "outlet", "cites", "member", "country",
            "mentionedIn", "dateline", "author", "place", "derivedFrom", "quotedIn"} <= labels
    member = [d for _, _, d in G.edges(data=True) if d["label"] == "member"]
    assert member[0]["role"] == "Foreign Minister"


def test_actor_network(out):
    nodes, edges = read_mixed(out / "actors.graphml")
    assert {d["type"] for d in nodes.values()} <= {"Person", "State", "Organization", "Outlet"}
    by_label = {d["label"]: n for n, d in nodes.items()}
    frd, syl = by_label["Freedonia"], by_label["Sylvania"]
    kinds = {d["kind"]: (u, v, d) for u, v, _, d in edges if {u, v} == {frd, syl}}
    assert kinds["agentTarget"][2]["eventTypes"] == "ASSAULT" and kinds["agentTarget"][2]["weight"] == "1"
    assert kinds["coParticipation"][2]["firstDate"] == "2023-03-18"


def _iri_edges(nodes: dict, edges: list, directed: bool) -> list:
    """(source IRI, target IRI, kind, weight) of the edges of one direction, undirected ends sorted."""
    out = []
    for u, v, is_directed, d in edges:
        if is_directed == directed:
            ends = (nodes[u]["iri"], nodes[v]["iri"])
            out.append((*(ends if directed else sorted(ends)), d["kind"], int(d["weight"])))
    return sorted(out)


def test_files_hold_the_python_apis_networks(out):
    """One truth: actors.graphml is actor_network (both kinds), graph.graphml is to_networkx."""
    g = open_graph(out / "graph.ttl")
    nodes, edges = read_mixed(out / "actors.graphml")
    for kind, directed in gephi.EDGE_KINDS.items():
        net = actor_network(g, kind=kind)
        assert {d["iri"] for d in nodes.values()} == set(net)
        got = sorted((*((u, v) if directed else sorted((u, v))), d["kind"], d["weight"])
                     for u, v, d in net.edges(data=True))
        assert got == _iri_edges(nodes, edges, directed) != []
    whole, G = to_networkx(g), nx.read_graphml(out / "graph.graphml")
    assert dict(whole.nodes(data=True)) == {d["iri"]: d for _, d in G.nodes(data=True)}
    iri = nx.get_node_attributes(G, "iri")
    assert sorted((u, v, k, d["weight"]) for u, v, k, d in whole.edges(keys=True, data=True)) == \
        sorted((iri[u], iri[v], d["label"], d["weight"]) for u, v, d in G.edges(data=True))


def test_gexf_has_timeline(out):
    G = nx.read_gexf(out / "graph.gexf")
    starts = {d["label"]: d.get("start") for _, d in G.nodes(data=True)}
    assert starts["DISASTER 2023-03"] == "2023-03-01"
    assert starts["Strong earthquake hits northern Sylvania"] == "2023-03-22"
    assert G.number_of_edges() == nx.read_graphml(out / "graph.graphml").number_of_edges()
    text = (out / "graph.gexf").read_bytes()
    assert b"lastmodifieddate" not in text and b"networkx_key" not in text   # no writer internals


def test_check_catches_violations(tmp_path):
    bad = tmp_path / "bad.graphml"
    G = nx.MultiDiGraph()
    G.add_node("a/b", label="A")
    G.add_node("c", label="C", type="Person")
    G.add_edge("a/b", "c", weight=0)
    G.graph["name"] = "x"
    nx.write_graphml(G, bad)
    problems = "\n".join(gephi.check_gephi_rules(bad))
    for needle in ("is not its attribute name", "graph-level", "NMTOKEN", "no type", "no label", "weight 0"):
        assert needle in problems


def test_text_that_reads_like_python_is_text(tmp_path):
    """Labels and codes are free text ("None", "{}"); the writers refuse real None/list/dict values."""
    G = nx.MultiDiGraph()
    G.add_node("n0", label="None", type="Person", sector="{}", iri="urn:a")
    G.add_node("n1", label="[x]", type="State", iri="urn:b")
    G.add_edge("n0", "n1", key="e0", label="country", weight=1)
    (tmp_path / "ok.graphml").write_bytes(gephi.graphml_bytes(G))
    assert gephi.check_gephi_rules(tmp_path / "ok.graphml") == []
    G.nodes["n1"]["altLabels"] = ["a", "b"]
    with pytest.raises(TypeError, match="not allowed"):
        gephi.graphml_bytes(G)
