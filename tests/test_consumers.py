"""The build's files, opened by the programs people will open them with.

One real build of ``examples/`` (module fixture), then each output is read by an independent
consumer and compared with what networkx / rdflib read:

* GraphML: the GraphML 1.0 XSD (``xmllint``, schema copy in ``tests/schema/graphml/``),
  python-igraph, and graphology-graphml (the parser of sigma.js apps; ``tests/js/``);
  ``actors.graphml`` is a mixed graph (co-participation undirected, agent -> target directed);
* Turtle: pyoxigraph and raptor's ``rapper``; TriG: rdflib and pyoxigraph, one named graph per
  article; JSON-LD: rdflib, isomorphic to the Turtle; GEXF: networkx, with ``start`` dates, and
  graphology-gexf (the parser of Gephi Lite), with the attributes of the GraphML and no others.

System tools (``xmllint``, ``rapper``, ``node``) are optional: their tests skip, saying which
package to install, when the tool is absent.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import igraph
import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from newsgraph.extract import pipeline
from newsgraph.graph import build
from newsgraph.graph.rdf.vocab import NG

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "tests" / "schema" / "graphml" / "graphml.xsd"
JS = REPO / "tests" / "js"
GRAPHMLS = ("graph.graphml", "actors.graphml")
ACTOR_NODE_ATTRS = {"label", "type", "iri", "sector", "altLabels", "countryCode", "mentions", "events"}
ACTOR_EDGE_ATTRS = {"label", "kind", "weight", "eventTypes", "firstDate", "lastDate"}


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """OUT/ of a real build of the bundled sample."""
    d = tmp_path_factory.mktemp("consumers")
    summary = build.build([str(REPO / "examples")], d, nlp=pipeline.load())
    assert summary.articles > 0 and summary.events > 0
    return d


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (Debian/Ubuntu: apt-get install {package})")
    return path


def _run(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=300, **kw)


def _nx_counts(path: Path) -> tuple[int, int]:
    G = nx.read_graphml(path)
    return G.number_of_nodes(), G.number_of_edges()


def _written(path: Path) -> dict:
    """Nodes, edges and edges per direction as written in a GraphML file (networkx refuses mixed
    graphs): an edge's own ``directed``, else the graph's ``edgedefault``."""
    text = path.read_text(encoding="utf-8")
    default = 'edgedefault="directed"' in text
    edges = re.findall(r"<edge [^>]*>", text)
    directed = sum('directed="true"' in e or (default and 'directed="false"' not in e) for e in edges)
    return {"nodes": text.count("<node "), "edges": len(edges), "directed": directed,
            "undirected": len(edges) - directed}


# --- GraphML -------------------------------------------------------------------------------------


def _xmllint(path: Path) -> subprocess.CompletedProcess:
    exe = _tool("xmllint", "libxml2-utils")
    return _run(exe, "--nonet", "--noout", "--schema", str(SCHEMA), str(path))


@pytest.mark.parametrize("name", GRAPHMLS)
def test_graphml_validates_against_graphml_xsd(out, name):
    res = _xmllint(out / name)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "validates" in res.stderr


def test_graphml_xsd_check_is_not_vacuous(out, tmp_path):
    """The schema copy loads offline and rejects what Gephi/igraph may choke on (an id with a space)."""
    bad = tmp_path / "bad.graphml"
    text = (out / "graph.graphml").read_text(encoding="utf-8")
    bad.write_text(re.sub(r'<node id="[^"]*"', '<node id="not a token"', text, count=1), encoding="utf-8")
    res = _xmllint(bad)
    assert res.returncode != 0
    assert "failed to load" not in res.stderr.lower() and "schemas parser error" not in res.stderr.lower()


@pytest.mark.parametrize("name", GRAPHMLS)
def test_graphml_loads_in_igraph(out, name):
    """igraph has no mixed graphs: it reads actors.graphml by its default, undirected."""
    g = igraph.Graph.Read_GraphML(str(out / name))
    assert g.is_directed() == (name == "graph.graphml")
    written = _written(out / name)
    assert (g.vcount(), g.ecount()) == (written["nodes"], written["edges"])
    assert g.vcount() > 0 and "label" in g.vs.attributes()


def test_graph_graphml_counts_are_networkxs(out):
    assert (_written(out / "graph.graphml")["nodes"], _written(out / "graph.graphml")["edges"]) == \
        _nx_counts(out / "graph.graphml")


@pytest.fixture(scope="module")
def node_reader() -> list[str]:
    """The command that reads a GraphML or GEXF file with graphology-graphml or graphology-gexf;
    installs tests/js on first use."""
    node = _tool("node", "nodejs")
    if not all((JS / "node_modules" / p).is_dir() for p in ("graphology-graphml", "graphology-gexf")):
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("tests/js/node_modules is missing and npm is not installed: "
                        "run `npm ci --prefix tests/js`")
        res = _run(npm, "ci", "--prefix", str(JS), "--no-audit", "--no-fund")
        assert res.returncode == 0, f"`npm ci --prefix tests/js` failed:\n{res.stderr[-3000:]}"
    return [node, str(JS / "read_graph.mjs")]


def _graphology(node_reader: list[str], path: Path) -> dict:
    res = _run(*node_reader, str(path), env={**os.environ, "NODE_NO_WARNINGS": "1"})
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout)


def test_graph_graphml_loads_in_graphology(out, node_reader):
    got, written = _graphology(node_reader, out / "graph.graphml"), _written(out / "graph.graphml")
    assert {k: got[k] for k in ("nodes", "edges", "directed", "undirected")} == written
    assert got["type"] == "directed" and got["undirected"] == 0


def test_actors_graphml_loads_in_graphology_as_a_mixed_graph(out, node_reader):
    """Co-participation edges undirected, agent -> target edges directed, as the README says."""
    got = _graphology(node_reader, out / "actors.graphml")
    written = _written(out / "actors.graphml")
    assert {k: got[k] for k in ("nodes", "edges", "directed", "undirected")} == written
    text = (out / "actors.graphml").read_text(encoding="utf-8")
    edges = re.findall(r"<edge .*?</edge>", text, flags=re.S)
    kinds = {("coParticipation" in e, 'directed="false"' in e) for e in edges}
    assert kinds == {(True, True), (False, False)}           # each kind, with its own direction
    assert got["type"] == "mixed" and got["directed"] > 0 and got["undirected"] > 0
    assert set(got["nodeAttributes"]) == ACTOR_NODE_ATTRS and set(got["edgeAttributes"]) == ACTOR_EDGE_ATTRS


def test_gexf_loads_in_graphology_gexf(out, node_reader):
    """Gephi Lite's parser reads graph.gexf as graph.graphml, with no attribute but the graph's own."""
    got = _graphology(node_reader, out / "graph.gexf")
    graphml = _graphology(node_reader, out / "graph.graphml")
    assert {k: got[k] for k in ("nodes", "edges", "type", "directed", "undirected")} == \
        {k: graphml[k] for k in ("nodes", "edges", "type", "directed", "undirected")}
    assert got["edgeAttributes"] == graphml["edgeAttributes"] == ["label", "role", "weight"]
    assert set(got["nodeAttributes"]) == set(graphml["nodeAttributes"]) >= {"label", "type", "iri", "date"}


# --- RDF -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def turtle(out) -> Graph:
    return Graph().parse(out / "graph.ttl", format="turtle")


def test_turtle_parses_in_pyoxigraph(out, turtle):
    triples = list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(turtle) > 0
    store = ox.Store()
    store.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(turtle)


def test_turtle_parses_in_rapper(out, turtle):
    exe = _tool("rapper", "raptor2-utils")
    res = _run(exe, "-i", "turtle", "-c", str(out / "graph.ttl"))
    assert res.returncode == 0, res.stderr[-3000:]
    found = re.search(r"returned (\d+) triples", res.stderr)
    assert found, res.stderr
    assert int(found.group(1)) == len(turtle)


def test_jsonld_round_trips_isomorphic_to_turtle(out, turtle):
    jsonld = Graph().parse(out / "graph.jsonld", format="json-ld")
    assert len(jsonld) == len(turtle)
    assert isomorphic(jsonld, turtle)


def _article_graph(article: URIRef) -> URIRef:
    """``<base>article/<key>`` -> its named graph ``<base>graph/article/<key>``."""
    base, _, key = str(article).rpartition("article/")
    return URIRef(f"{base}graph/article/{key}")


def test_trig_has_one_named_graph_per_article(out, turtle):
    articles = sorted(set(turtle.subjects(RDF.type, NG.Article)))
    assert articles
    wanted = {_article_graph(a) for a in articles}

    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    named = {g.identifier for g in ds.graphs() if g.identifier != ds.default_graph.identifier}
    assert {n for n in named if "/graph/article/" in str(n)} == wanted
    for a in articles:
        assert (a, RDF.type, NG.Article) in ds.graph(_article_graph(a))
    assert sum(len(ds.graph(n)) for n in named) + len(ds.default_graph) >= len(turtle)

    store = ox.Store()
    store.load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    ox_named = {URIRef(g.value) for g in store.named_graphs()}
    assert ox_named == named
    is_a, article_class = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(NG.Article))
    for a in articles:
        where = ox.NamedNode(str(_article_graph(a)))
        assert any(store.quads_for_pattern(ox.NamedNode(str(a)), is_a, article_class, where))
    union = {(q.subject, q.predicate, q.object) for q in store}
    assert len(union) == len(turtle)


# --- GEXF ----------------------------------------------------------------------------------------


def test_gexf_loads_in_networkx_with_start_dates(out):
    G = nx.read_gexf(out / "graph.gexf")
    assert (G.number_of_nodes(), G.number_of_edges()) == _nx_counts(out / "graph.graphml")
    dated = {t: [d for _, d in G.nodes(data=True) if d.get("type") == t and "start" in d]
             for t in ("Event", "Article")}
    assert dated["Event"], "no event node carries a start date"
    with_date = [d for _, d in G.nodes(data=True) if d.get("type") == "Article" and "date" in d]
    assert len(dated["Article"]) == len(with_date)
    assert dated["Article"], "no article node carries a start date"
    for d in dated["Event"] + dated["Article"]:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["start"]) and d["start"] <= d["end"]
        assert d["start"][:4] == d["date"][:4]
