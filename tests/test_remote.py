"""Named queries on a real Oxigraph server (PyPI ``oxigraph``) filled by ``newsgraph push``: the same
rows as on the build, through the library, the API and the CLI; clear one-line errors otherwise."""
from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib

from newsgraph.graph.build import build
from newsgraph.queries import api, remote
from newsgraph.queries.named import QueryError, execute, list_queries, open_graph
from tests.fixtures import named_query_cases

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
OXIGRAPH = shutil.which("oxigraph") or str(BIN / "oxigraph")
CLI = str(BIN / "newsgraph")
pytestmark = pytest.mark.skipif(not Path(OXIGRAPH).exists(), reason="the oxigraph server (pip install "
                                "oxigraph) is not installed")


@contextlib.contextmanager
def oxigraph(location: Path, union: bool):
    """``oxigraph serve`` on a free loopback port for the block; yields its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(cmd + (["--union-default-graph"] if union else []),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "oxigraph serve did not start"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def built(nlp, tmp_path_factory):
    """A build of examples/ (its store opened as a graph) and its graph.ttl."""
    out = tmp_path_factory.mktemp("remote-build")
    build([str(ROOT / "examples")], out, nlp=nlp)
    graph = open_graph(out)
    yield out, graph, rdflib.Graph().parse(out / "graph.ttl")
    graph.close()


@pytest.fixture(scope="module")
def servers(built, tmp_path_factory):
    """Two Oxigraph servers, each filled by ``newsgraph push``: (with the union default graph, without)."""
    out = built[0]
    tmp = tmp_path_factory.mktemp("oxigraph")
    with oxigraph(tmp / "union", union=True) as union, oxigraph(tmp / "plain", union=False) as plain:
        for url in (union, plain):
            pushed = _cli("push", str(out), "--endpoint", f"{url}/store")
            assert pushed.returncode == 0, pushed.stderr
        yield f"{union}/query", f"{plain}/query"


def _cases(ttl: rdflib.Graph) -> list[tuple[str, dict]]:
    """Every named query with its required parameters, then once more with each optional one; an actor
    and an event also given by IRI."""
    mirzoyan = next(str(s) for s, _, label in ttl.triples((None, rdflib.RDFS.label, None))
                    if str(label) == "Ararat Mirzoyan")
    return named_query_cases(ttl, events=2, actor_iri=mirzoyan)


def test_every_named_query_gives_the_build_s_rows_on_the_endpoint(built, servers):
    _, graph, ttl = built
    union, _ = servers
    answered = set()
    for name, params in _cases(ttl):
        local, there = execute(graph, name, dict(params)), remote.execute(union, name, dict(params))
        assert [str(v) for v in there.vars] == [str(v) for v in local.vars], name
        rows = [tuple(row) for row in there]
        assert rows == [tuple(row) for row in local], (name, params)  # same terms, datatypes and order
        answered |= {name} if rows else set()
    assert answered == {q.name for q in list_queries()}  # every query had rows to compare


def test_api_run_takes_an_endpoint_url(built, servers):
    _, graph, _ = built
    union, plain = servers
    for url in (union, f"{plain}?union-default-graph"):  # or ask for the union on the URL
        rows = api.run(url, "who-met", actor="Mirzoyan")
        assert rows == api.run(graph, "who-met", actor="Mirzoyan")
        assert {row["partnerLabel"] for row in rows} >= {"Jeyhun Bayramov"}


def test_cli_query_on_an_endpoint_prints_what_it_prints_on_the_build(built, servers):
    out = str(built[0])
    union, _ = servers
    for fmt in ("csv", "tsv", "json", "table"):
        there = _cli("query", "events-of", "--endpoint", union, "-p", "actor=Bayramov", "--format", fmt)
        here = _cli("query", "events-of", out, "-p", "actor=Bayramov", "--format", fmt)
        assert there.returncode == 0, there.stderr
        assert there.stdout == here.stdout and "Armenpress" in there.stdout


def test_an_endpoint_without_the_union_says_what_to_do(servers):
    _, plain = servers
    for args in (["who-met", "-p", "actor=Mirzoyan"], ["events"]):
        done = _cli("query", *args, "--endpoint", plain)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        [line] = done.stderr.splitlines()
        assert "named graph" in line and "--union-default-graph" in line


def test_parameter_errors_are_the_build_s(built, servers):
    _, graph, _ = built
    union, _ = servers
    for params in ({"actor": "Nobody At All"}, {}, {"actor": "Mirzoyan", "colour": "red"},
                   {"actor": "Mirzoyan", "since": "May"}, {"actor": "https://example.org/none"}):
        with pytest.raises(QueryError) as here:
            execute(graph, "who-met", dict(params))
        with pytest.raises(QueryError) as there:
            remote.execute(union, "who-met", dict(params))
        assert str(there.value) == str(here.value)
    with pytest.raises(QueryError, match="unknown event"):
        remote.execute(union, "sources-of", {"event": "https://example.org/not-an-event"})


@pytest.mark.parametrize("value", ['GOV" } } DELETE WHERE { ?s ?p ?o } #', "GOV\\\" }\n} DROP ALL"])
def test_values_are_bound_never_pasted(built, servers, value):
    _, graph, _ = built
    union, _ = servers
    assert remote.execute(union, "actors", {"sector": value}).bindings == []
    assert execute(graph, "actors", {"sector": value}).bindings == []
    assert remote.execute(union, "events", {}).bindings  # the store is untouched


def test_unreachable_or_wrong_endpoints_are_one_line(servers):
    union, _ = servers
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for url, words in ((f"http://127.0.0.1:{port}/query", "cannot query"),
                       (union.replace("/query", "/nowhere"), "HTTP 404")):
        done = _cli("query", "events", "--endpoint", url)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        [line] = done.stderr.splitlines()
        assert words in line
    usage = _cli("query", "events")
    assert usage.returncode == 2 and "OUT or with --endpoint" in usage.stderr


def test_with_values_binds_every_where_outside_comments():
    text = ("# WHERE { in a comment\nSELECT ?a WHERE {\n  { SELECT ?a WHERE { ?a ?p ?o } }\n"
            "  FILTER(!BOUND(?t) || ?a = ?t)\n}\n")
    bound = remote.with_values(text, {"t": rdflib.URIRef("https://e.org/a"),
                                      "n": [rdflib.Literal(1), rdflib.Literal("x", lang="en")]})
    values = (' VALUES ?n { "1"^^<http://www.w3.org/2001/XMLSchema#integer> "x"@en }'
              ' VALUES ?t { <https://e.org/a> }')
    assert bound == text.replace("WHERE {\n", "WHERE {" + values + "\n").replace(
        "WHERE { ?a", "WHERE {" + values + " ?a")
    assert bound.startswith("# WHERE { in a comment\n")
    data = "<https://e.org/a> <https://e.org/p> 1 . <https://e.org/b> <https://e.org/p> 2 ."
    g = rdflib.Graph().parse(data=data, format="turtle")
    one = remote.with_values(text, {"t": rdflib.URIRef("https://e.org/a")})
    assert [str(row.a) for row in g.query(one)] == ["https://e.org/a"]


@pytest.mark.parametrize("term", [rdflib.URIRef("https://e.org/a> } DROP ALL #"), rdflib.BNode("b"),
                                  rdflib.URIRef("no scheme")])
def test_terms_that_are_not_plain_iris_or_literals_are_refused(term):
    with pytest.raises(QueryError):
        remote.sparql_term(term)
