"""Push to a real Oxigraph server (PyPI ``oxigraph``) on loopback: GSP and SPARQL Update, idempotent."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.extract.records import Article, ArticleRecords, Entity, EventMention
from newsgraph.graph.resolve import resolve
from newsgraph.graph.store import update_store
from newsgraph.graph.store.push import PushError, PushOptions, PushResult, push
from newsgraph.queries.cli import main
from tests.oracle import to_graph

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
pytestmark = pytest.mark.skipif(not Path(OXIGRAPH).exists(), reason="the oxigraph server (pip install "
                                "oxigraph) is not installed")


def _records(n: int) -> list[ArticleRecords]:
    out = []
    for i in range(n):
        body = f"Armenia and Georgia held talks number {i} in Tbilisi."
        a = Article(source="d.txt", source_sha256="0" * 64, index=i, start=0, end=len(body) + 9,
                    headline=f"Talks {i}", body=body, body_start=9, date="2023-03-2" + str(i % 9))
        ents = (Entity("E0", "State", "Armenia", ("Armenia",), code="ARM"),
                Entity("E1", "State", "Georgia", ("Georgia",), code="GEO"))
        ev = EventMention(type="CONSULT", trigger="talks", start=0, end=len(body), evidence=body,
                          participants=("E0", "E1"), date=a.date, date_precision="day")
        out.append(ArticleRecords(article=a, entities=ents, events=(ev,)))
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    model = resolve(_records(5))
    update_store(out, model)
    return out, len(to_graph(model))


@pytest.fixture()
def server(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "db"), "--bind",
                             f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.1)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _count(url: str, where: str = "GRAPH ?g { ?s ?p ?o }") -> int:
    q = urllib.parse.urlencode({"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"})
    req = urllib.request.Request(f"{url}/query?{q}", headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return int(json.load(resp)["results"]["bindings"][0]["n"]["value"])


def test_graph_store_protocol_push_is_idempotent(built, server):
    out, triples = built
    first = push(out, f"{server}/store", batch=7)
    assert first.requests > first.graphs  # several batches per graph: PUT then POSTs
    n = _count(server)
    assert n == first.triples
    again = push(out, f"{server}/store", batch=7)
    assert _count(server) == n == again.triples


def test_one_target_graph_holds_the_union(built, server):
    out, triples = built
    push(out, f"{server}/store", graph="https://example.org/g/newsgraph", batch=50)
    push(out, f"{server}/store", graph="https://example.org/g/newsgraph", batch=50)
    assert _count(server, "GRAPH <https://example.org/g/newsgraph> { ?s ?p ?o }") == triples


def test_sparql_update_push_is_idempotent(built, server):
    out, _ = built
    first = push(out, update_endpoint=f"{server}/update", batch=10)
    push(out, update_endpoint=f"{server}/update", batch=10)
    assert _count(server) == first.triples


def test_cli_push_and_errors(built, server, tmp_path):
    out, _ = built
    ok = CliRunner().invoke(main, ["push", str(out), "--endpoint", f"{server}/store", "--batch", "100"])
    assert ok.exit_code == 0 and "pushed" in ok.output
    bad = CliRunner().invoke(main, ["push", str(out), "--endpoint", f"{server}/no-such-service"])
    assert bad.exit_code == 1 and "HTTP" in bad.output
    none = CliRunner().invoke(main, ["push", str(tmp_path)])
    assert none.exit_code == 2


def test_unreachable_endpoint_is_a_push_error(built):
    out, _ = built
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(PushError):
        push(out, f"http://127.0.0.1:{port}/store", timeout=2)


def test_cli_push_options_reach_the_push_options(tmp_path, monkeypatch):
    seen = []
    monkeypatch.delenv("NEWSGRAPH_PUSH_USER", raising=False)
    monkeypatch.setattr("newsgraph.graph.store.push.push",
                        lambda out, endpoint=None, options=None: seen.append(options) or PushResult())
    ok = CliRunner().invoke(main, ["push", str(tmp_path), "--update-endpoint", "http://h/update", "--graph",
                                   "http://g/one", "--batch", "5", "--user", "a:b", "--timeout", "3"])
    assert ok.exit_code == 0, ok.output
    assert seen == [PushOptions(update_endpoint="http://h/update", graph="http://g/one", batch=5, auth="a:b",
                                timeout=3.0)]
    CliRunner().invoke(main, ["push", str(tmp_path), "--endpoint", "http://h/data"])
    assert seen[-1] == PushOptions(endpoint="http://h/data")


def test_push_needs_an_endpoint(tmp_path):
    for call in (lambda: push(tmp_path), lambda: push(tmp_path, options=PushOptions(batch=3))):
        with pytest.raises(ValueError, match="give an endpoint"):
            call()


INJECTION = ("http://example.org/g> { <http://e/s> <http://e/p> <http://e/o> } } ; DROP ALL ; "
             "INSERT DATA { GRAPH <http://e/x")


def test_a_graph_that_is_not_an_iri_is_refused_before_any_request(built, server):
    out, triples = built
    push(out, update_endpoint=f"{server}/update")
    before = _count(server)
    for graph in (INJECTION, "not an iri", "relative/graph"):
        result = CliRunner().invoke(main, ["push", str(out), "--update-endpoint", f"{server}/update",
                                           "--graph", graph])
        assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
        assert "--graph: not an absolute IRI" in result.output
        with pytest.raises(ValueError, match="not an absolute IRI"):
            push(out, update_endpoint=f"{server}/update", graph=graph)
    assert _count(server) == before == triples   # nothing dropped, nothing added

