"""Tests of newsgraph.graph.export.gephi: GraphML and GEXF files Gephi, networkx and igraph read cleanly."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import igraph
import networkx as nx
import pytest

from newsgraph.graph.export import gephi
from tests import oracle
from tests.fixtures import model

XSD_FILE = Path(__file__).resolve().parent / "schema" / "graphml" / "graphml.xsd"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("gephi")
    oracle.write_outputs(oracle.to_dataset(model()), d)
    return d


@pytest.mark.parametrize("name", ["graph.graphml", "actors.graphml"])
def test_gephi_rules_hold(out, name):
    assert gephi.check_gephi_rules(out / name) == []


@pytest.mark.parametrize("name", ["graph.graphml", "actors.graphml"])
def test_rereads_in_networkx_and_igraph(out, name):
    G = nx.read_graphml(out / name)
    ig = igraph.Graph.Read_GraphML(str(out / name))
    assert ig.vcount() == G.number_of_nodes() > 0 and ig.ecount() == G.number_of_edges() > 0
    assert all(d.get("label") and d.get("type") and d.get("iri") for _, d in G.nodes(data=True))
    assert all(not d["iri"].startswith(n) and "/" not in n for n, d in G.nodes(data=True))
    assert set(ig.vs.attributes()) >= {"label", "type", "iri"}
    assert all(w > 0 for w in ig.es["weight"])


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
    G = nx.read_graphml(out / "actors.graphml")
    assert {d["type"] for _, d in G.nodes(data=True)} <= {"Person", "State", "Organization", "Outlet"}
    by_label = {d["label"]: n for n, d in G.nodes(data=True)}
    frd, syl = by_label["Freedonia"], by_label["Sylvania"]
    kinds = {d["kind"]: d for u, v, d in G.edges(data=True) if {u, v} == {frd, syl}}
    assert kinds["agentTarget"]["eventTypes"] == "ASSAULT" and kinds["agentTarget"]["weight"] == 1
    assert kinds["coParticipation"]["firstDate"] == "2023-03-18"


def test_gexf_has_timeline(out):
    G = nx.read_gexf(out / "graph.gexf")
    starts = {d["label"]: d.get("start") for _, d in G.nodes(data=True)}
    assert starts["DISASTER 2023-03"] == "2023-03-01"
    assert starts["Strong earthquake hits northern Sylvania"] == "2023-03-22"
    assert G.number_of_edges() == nx.read_graphml(out / "graph.graphml").number_of_edges()
    assert b"lastmodifieddate" not in (out / "graph.gexf").read_bytes()


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
