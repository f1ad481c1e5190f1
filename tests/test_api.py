"""The relationship API on tests/data/mini.ttl."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from newsgraph.queries.api import (
    QueryError,
    actor_network,
    ego,
    open_graph,
    path,
    relations,
    run,
    to_networkx,
)

MINI = Path(__file__).parent / "data" / "mini.ttl"
ID = "https://w3id.org/newsgraph/id/"
BK, VK, ED = (ID + f"actor/person/{k}" for k in ("ali-bagheri-kani", "vahan-kostanyan", "elodie-durand"))


@pytest.fixture(scope="module")
def g():
    return open_graph(MINI)


def test_open_graph_accepts_directory_and_formats(g, tmp_path):
    g.serialize(tmp_path / "graph.ttl", format="turtle")
    assert len(open_graph(tmp_path)) == len(g)
    g.serialize(tmp_path / "x.jsonld", format="json-ld")
    assert len(open_graph(tmp_path / "x.jsonld")) == len(g)
    with pytest.raises(QueryError):
        open_graph(tmp_path / "missing")


def test_run_returns_plain_values(g):
    rows = run(g, "who-met", actor="Bagheri Kani")
    assert rows == [{"partner": VK, "partnerLabel": "Vahan Kostanyan", "meetings": 1, "first": "2023-03-20",
                     "last": "2023-03-20", "places": "Yerevan"}]


def test_relations(g):
    rows = relations(g, "Bagheri Kani", "Kostanyan")
    assert [(r["kind"], r["relation"], r["eventType"]) for r in rows] == [
        ("event", "participant/participant", "CONSULT"), ("event", "agent/target", "REQUEST")]
    assert all(r["from"] == BK and r["evidence"] for r in rows)
    reverse = relations(g, "Kostanyan", "Bagheri Kani")
    assert reverse[1]["relation"] == "target/agent" and reverse[1]["from"] == VK
    kinds = [r["kind"] for r in relations(g, "Kostanyan", "Armenia")]
    assert kinds == ["membership", "affiliation"]
    assert [r["relation"] for r in relations(g, "Armenpress", "Trend")] == ["cites"]
    assert relations(g, "Durand", "Shamakhi") == []


def test_actor_network(g):
    net = actor_network(g)
    assert net[BK][VK] == {"weight": 2, "eventTypes": "CONSULT;REQUEST"}
    assert net.nodes[BK] == {"label": "Ali Bagheri Kani", "type": "Person"}
    assert net.number_of_edges() == 4
    assert actor_network(g, types=["CONSULT"]).number_of_edges() == 2
    later = actor_network(g, since="2023-03-21")
    assert not later.has_edge(BK, VK) and later.has_edge(ED, VK)


def test_centrality_and_communities_in_three_lines(g):
    net = actor_network(g)
    centrality = nx.degree_centrality(net)
    communities = nx.algorithms.community.louvain_communities(net, weight="weight", seed=7)
    assert max(centrality, key=centrality.get) == VK
    assert {BK, VK, ED} in [set(c) for c in communities]


def test_path_and_ego(g):
    hops = path(g, "Durand", "Bagheri Kani")
    assert [(h["fromLabel"], h["toLabel"], h["eventType"]) for h in hops] == [
        ("Élodie Durand", "Vahan Kostanyan", "CONSULT"), ("Vahan Kostanyan", "Ali Bagheri Kani", "CONSULT")]
    assert all(h["evidence"] for h in hops)
    with pytest.raises(QueryError):
        path(g, "Caspian Ferry Company", "Shamakhi")
    assert set(ego(g, "Kostanyan")) == {BK, VK, ED}
    assert set(ego(g, "Durand", radius=1)) == {ED, VK}
    assert list(ego(g, "caspian ferry")) == [ID + "actor/org/caspian-ferry-company"]


def test_to_networkx(g):
    net = to_networkx(g)
    assert isinstance(net, nx.MultiDiGraph)
    assert net.nodes[BK]["label"] == "Ali Bagheri Kani" and net.nodes[BK]["type"] == "Person"
    assert net.nodes[BK]["altLabel"] == "Bagheri; Bagheri-Kani"
    assert {d["label"] for _, _, d in net.out_edges(ID + "event/e1", data=True)} >= {
        "participant", "place", "reportedIn", "mention", "eventType"}


def test_nothing_mutated(g):
    before = len(g)
    relations(g, "Iran", "Armenia")
    path(g, "Durand", "Armenia")
    to_networkx(g)
    assert len(g) == before
