"""The relationship API on tests/data/mini.ttl, and on a real build of examples/: the README's
Python snippet run as written, the same answers from a build directory, its store and its files,
and the README's picture checked against what the documented command draws now."""
from __future__ import annotations

import json
import re
import subprocess
import sys
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
REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
CLI = Path(sys.executable).parent / "newsgraph"
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
    assert isinstance(net, nx.Graph) and not net.is_directed()
    assert net[BK][VK] == {"label": "coParticipation", "kind": "coParticipation", "weight": 2,
                           "eventTypes": "CONSULT;REQUEST", "firstDate": "2023-03-20",
                           "lastDate": "2023-03-20"}
    assert net.nodes[BK] == {"iri": BK, "label": "Ali Bagheri Kani", "type": "Person", "sector": "GOV",
                             "altLabels": "Bagheri;Bagheri-Kani", "mentions": 2, "events": 2}
    assert net.number_of_edges() == 4
    assert actor_network(g, types=["CONSULT"]).number_of_edges() == 2
    later = actor_network(g, since="2023-03-21")
    assert not later.has_edge(BK, VK) and later.has_edge(ED, VK) and later.nodes[BK]["events"] == 0
    directed = actor_network(g, kind="agentTarget")
    assert directed.is_directed() and directed.has_edge(BK, VK) and not directed.has_edge(VK, BK)
    assert set(directed) == set(net)
    with pytest.raises(QueryError, match="unknown edge kind"):
        actor_network(g, kind="friends")


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
    assert net.nodes[BK]["altLabels"] == "Bagheri;Bagheri-Kani" and net.nodes[BK]["iri"] == BK
    e1 = ID + "event/e1"
    assert {k for _, _, k in net.out_edges(e1, keys=True)} == {"participant", "place", "reportedIn"}
    assert net[e1][BK]["participant"] == {"label": "participant", "weight": 1}


def test_nothing_mutated(g):
    before = len(g)
    relations(g, "Iran", "Armenia")
    path(g, "Durand", "Armenia")
    to_networkx(g)
    assert len(g) == before


def answers(g) -> dict:
    """What every API function says about ``g`` (networks as sorted node and edge lists)."""
    def listed(net: nx.Graph) -> tuple:
        ends = (lambda u, v: (u, v)) if net.is_directed() else (lambda u, v: tuple(sorted((u, v))))
        edges = sorted((*ends(u, v), sorted(d.items())) for u, v, d in net.edges(data=True))
        return sorted(net.nodes(data=True)), edges

    return {"to_networkx": listed(to_networkx(g)), "actor_network": listed(actor_network(g)),
            "agentTarget": listed(actor_network(g, kind="agentTarget")),
            "since": listed(actor_network(g, types=["consult"], since="2023-03-01"))}


def test_same_answers_on_a_store_and_a_turtle_file(g, mini_store):
    store = open_graph(mini_store / "store")
    assert answers(store) == answers(g)
    assert run(store, "who-met", actor="Bagheri Kani") == run(g, "who-met", actor="Bagheri Kani")
    assert relations(store, "Bagheri Kani", "Kostanyan") == relations(g, "Bagheri Kani", "Kostanyan")
    assert path(store, "Durand", "Armenia") == path(g, "Durand", "Armenia")
    assert sorted(ego(store, "Kostanyan", radius=2)) == sorted(ego(g, "Kostanyan", radius=2))


# --- a real build of examples/ --------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp) -> Path:
    """``WORK/out``: a real build of examples/ (so the README's ``out/`` is a path relative to WORK)."""
    from newsgraph.graph import build  # lazy: only this fixture builds

    out = tmp_path_factory.mktemp("api-build") / "out"
    assert build.build([str(REPO / "examples")], out, nlp=nlp).events > 0
    return out


@pytest.mark.parametrize("where", ["store", "graph.ttl", "graph.trig", "graph.jsonld"])
def test_same_answers_on_a_build_directory_its_store_and_its_files(built, where):
    g, other = open_graph(built), open_graph(built / where)
    assert answers(other) == answers(g)
    assert answers(g)["to_networkx"][1] and answers(g)["actor_network"][1] and answers(g)["agentTarget"][1]
    for name, ask in (("run", lambda x: run(x, "who-met", actor="Mirzoyan")),
                      ("relations", lambda x: relations(x, "Mirzoyan", "Bayramov")),
                      ("path", lambda x: path(x, "Blinken", "Bayramov")),
                      ("ego", lambda x: sorted(ego(x, "Mirzoyan", radius=2).nodes(data=True)))):
        assert ask(other) == ask(g) != [], name


def _readme_block(heading: str, fence: str) -> str:
    section = README.read_text(encoding="utf-8").split(heading, 1)[1].split("\n## ", 1)[0]
    return re.search(rf"```{fence}\n(.*?)```", section, flags=re.S).group(1)


def test_readme_python_snippet_runs_on_a_build_directory(built):
    """The README's Python block, run as written in the folder holding ``out/``, gives the files' networks."""
    code = _readme_block("### Python (networkx)", "python")
    assert 'open_graph("out/")' in code
    report = ("\nimport json\nprint(json.dumps({'actors': sorted(net), 'shared': net.number_of_edges(), "
              "'central': len(central), 'grouped': sorted(a for c in groups for a in c), "
              "'nodes': whole.number_of_nodes(), 'edges': whole.number_of_edges()}))\n")
    res = subprocess.run([sys.executable, "-c", code + report], cwd=built.parent, capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    got = json.loads(res.stdout.splitlines()[-1])
    graphml = nx.read_graphml(built / "graph.graphml")
    assert (got["nodes"], got["edges"]) == (graphml.number_of_nodes(), graphml.number_of_edges())
    actors = (built / "actors.graphml").read_text(encoding="utf-8")
    iris = re.findall(r'<data key="iri">([^<]*)</data>', actors)
    assert got["actors"] == got["grouped"] == sorted(iris) and got["central"] == len(iris)
    assert got["shared"] == actors.count('directed="false"') > 0


def test_readme_picture_is_what_the_documented_command_draws_now(built, tmp_path):
    """docs/sample-network.png shows what ``newsgraph plot`` draws from a fresh build of examples/
    (compared by what the pictures say they show, not by pixels)."""
    pytest.importorskip("matplotlib", reason="plotting needs matplotlib")
    from newsgraph.queries.plot import drawn_in  # lazy: after the skip when matplotlib is missing

    command = "newsgraph build examples/ -o out && newsgraph plot out/ -o docs/sample-network.png"
    assert command in _readme_block("### Python (networkx)", "sh")
    fresh = tmp_path / "sample-network.png"
    res = subprocess.run([str(CLI), "plot", str(built), "-o", str(fresh)], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    shown, net = drawn_in(fresh), actor_network(open_graph(built))
    assert [n[0] for n in shown["nodes"]] == sorted(net.nodes[n]["label"] for n in net if net.degree(n))
    assert len(shown["edges"]) == net.number_of_edges() > 0
    try:
        documented = drawn_in(REPO / "docs" / "sample-network.png")
    except ValueError as exc:   # a picture from before pictures said what they show
        documented = str(exc)
    assert documented == shown, f"docs/sample-network.png is stale: run `{command}`"
