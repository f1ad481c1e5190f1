"""Abuse of the SPARQL endpoint (a real server on loopback); complements tests/test_endpoint.py.

No test reaches past 127.0.0.1: the "outside URL" of SERVICE/FROM attempts is a
listening socket of this test that counts the connections it receives.
"""
from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import Graph, Literal, URIRef

from newsgraph.queries.named import QueryError, execute, list_queries, open_graph
from tests.fixtures import serving

MINI = Path(__file__).parent / "data" / "mini.ttl"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def trap():
    """A loopback listener standing for an outside server: ``trap.hits`` counts connections."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    state = {"hits": 0, "stop": False}

    def accept():
        while not state["stop"]:
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            state["hits"] += 1
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield type("Trap", (), {"url": f"http://127.0.0.1:{sock.getsockname()[1]}/sparql", "state": state})
    state["stop"] = True
    thread.join(1)
    sock.close()


@pytest.fixture(scope="module")
def server():
    with serving(open_graph(MINI), timeout=1.5, max_rows=50, max_body=10_000) as srv:
        yield srv


@pytest.fixture(scope="module")
def big_server():
    g = Graph()
    for i in range(3000):
        g.add((URIRef(f"https://example.org/s{i}"), URIRef("https://example.org/p"), Literal(i)))
    with serving(g, timeout=5, max_rows=1000, max_body=10_000) as srv:
        yield srv


def http(url, data=None, headers=None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=15) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def get(server, query, accept="application/sparql-results+json"):
    return http(f"{server.url}?query={quote(query)}", headers={"Accept": accept})


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE <{url}> {{ ?x ?p ?o }} }} }}",
    "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?q ?r }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{url}> {{ ?s ?q ?r }} }} }}",
    "ASK {{ GRAPH ?g {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
])
def test_service_refused_before_any_network_io(server, trap, template):
    before = trap.state["hits"]
    status, _, body = get(server, template.format(url=trap.url))
    assert status == 403 and b"SERVICE" in body
    time.sleep(0.05)
    assert trap.state["hits"] == before


@pytest.mark.parametrize("template, status", [
    ("SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}", 400),
    ("SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", 400),
    ("LOAD <{url}>", 403),
    ("LOAD SILENT <{url}> INTO GRAPH <urn:g>", 403),
    ("CLEAR ALL", 403), ("DROP GRAPH <urn:g>", 403), ("DROP SILENT DEFAULT", 403),
    ("DELETE WHERE {{ ?s ?p ?o }}", 403), ("CREATE GRAPH <urn:g>", 403),
    ("ADD DEFAULT TO <urn:g>", 403), ("INSERT {{ ?s ?p 1 }} WHERE {{ ?s ?p ?o }}", 403),
    ("SELECT * WHERE {{ ?s ?p ?o }} ; DROP ALL", 400),
])
def test_updates_and_remote_datasets_refused(server, trap, template, status):
    before, size = trap.state["hits"], len(server.graph)
    query = template.format(url=trap.url)
    for got, _, _ in (get(server, query),
                      http(server.url, query.encode(), {"Content-Type": "application/sparql-query"}),
                      http(server.url, f"update={quote(query)}".encode(),
                           {"Content-Type": "application/x-www-form-urlencoded"})):
        assert got in (status, 403)
    assert trap.state["hits"] == before and len(server.graph) == size


def test_update_by_graph_store_headers_refused(server):
    status, _, _ = http(server.url, b"DROP ALL", {"Content-Type": "application/sparql-update"})
    assert status == 403
    for method in ("PUT", "DELETE", "PATCH"):
        assert http(server.url, b"x", {"Content-Type": "text/turtle"}, method=method)[0] in (403, 405, 501)


def test_malformed_query_gets_the_parser_message(server):
    status, _, body = get(server, "SELECT ?x WHERE { ?x ?y }")
    assert status == 400 and body.startswith(b"malformed query: ") and b"line" in body.lower() \
        and b"col" in body.lower()


def test_huge_result_cut_at_row_cap(big_server):
    status, headers, body = get(big_server, "SELECT ?s ?o WHERE { ?s ?p ?o }", accept="text/csv")
    assert status == 200 and headers["X-Result-Truncated"] == "true" and headers["X-Max-Rows"] == "1000"
    assert len(body.decode().splitlines()) == 1001
    status, headers, body = get(big_server, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                accept="application/n-triples")
    assert status == 200 and len(body.decode().splitlines()) <= 1000


def test_timeout_does_not_block_other_clients(server):
    """The small ASK is answered while both slow queries still run (order, not timing)."""
    with ThreadPoolExecutor(max_workers=3) as pool:
        slow = [pool.submit(get, server, f"{SLOW} # {i}") for i in range(2)]  # two texts: two runs
        status, _, body = get(server, "ASK { ?s ?p ?o }")
        assert status == 200 and b"true" in body and not any(f.done() for f in slow)
        assert [f.result()[0] for f in slow] == [503, 503]


def test_oversized_and_lying_bodies(server):
    status, _, _ = http(server.url, b"query=" + b"x" * 20_000,
                        {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413
    with socket.create_connection(("127.0.0.1", int(server.url.split(":")[2].split("/")[0])), timeout=5) as s:
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                  b"Content-Length: 99999999999\r\n\r\nASK {}")
        assert s.recv(100).startswith(b"HTTP/1.0 413")
    with socket.create_connection(("127.0.0.1", int(server.url.split(":")[2].split("/")[0])), timeout=5) as s:
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                  b"5\r\nASK {\r\n0\r\n\r\n")
        assert s.recv(100).startswith(b"HTTP/1.0 411")


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


@pytest.fixture(scope="module")
def patient_server():
    """As ``server``, with a timeout no busy machine reaches on these small queries."""
    with serving(open_graph(MINI), timeout=20, max_rows=50, max_body=10_000) as srv:
        yield srv


def test_concurrent_load_memory_stays_bounded(patient_server):
    """Bounded loop: 400 requests from 16 threads, at most 60 s; the server runs in this process."""
    server = patient_server
    queries = ["SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", "ASK { ?s ?p ?o }", "SELECT ?x WHERE { ?x ?y }",
               "DROP ALL", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"]
    expected = [200, 200, 400, 403, 200]
    for q in queries:  # warm up (imports, first fork)
        get(server, q)
    threads_before, before = threading.active_count(), rss_kb()
    deadline = time.monotonic() + 60

    def one(i):
        if time.monotonic() > deadline:
            return None
        return get(server, queries[i % len(queries)])[0] == expected[i % len(queries)]

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(one, range(400)))
    after = rss_kb()
    done = [r for r in results if r is not None]
    print(f"\nload: {len(done)} requests, 16 clients, {done.count(False)} errors, "
          f"RSS {before // 1024} MB -> {after // 1024} MB")
    assert len(done) >= 100 and all(done)
    assert after - before < 60_000
    time.sleep(0.5)
    assert threading.active_count() <= threads_before + server.workers  # a bounded pool, kept


HOSTILE = ["x } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o", "\" } UNION { ?s ?p ?o } #",
           "<http://127.0.0.1:1/x>", "Armenia\" . ?s ?p ?o . FILTER(\"", "'; DELETE WHERE { ?s ?p ?o }; '",
           "?s", "*", "\u0000", "a" * 5000]


@pytest.mark.parametrize("backend", ["rdflib", "store"])
def test_hostile_named_query_parameters_cannot_change_the_query(backend, mini_store):
    g = open_graph(MINI if backend == "rdflib" else mini_store)  # the store: queries run in Oxigraph
    size = len(g)
    checked = 0
    for q in list_queries():
        for param in q.params + q.optional:
            base = {p: "Armenia" for p in q.params}
            for value in HOSTILE:
                params = {**base, param: value}
                try:
                    rows = execute(g, q.name, params).bindings
                except QueryError:
                    checked += 1
                    continue
                # a free-text parameter is bound as one literal term: it matches nothing
                assert rows == [] or param not in ("sector",), (q.name, param, value)
                checked += 1
    assert checked > 50 and len(g) == size
