"""SERVICE, limits and malformed requests against a real ``newsgraph serve`` and ``newsgraph sparql``.

The graph is a build's Oxigraph store (the engine that would make the outbound
requests).  The "outside server" is a listening loopback socket of this test that
counts the connections it receives: it must receive none.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.test_guard import DECOYS, NESTED_SERVICE

NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")


class Trap:
    """A loopback listener standing for an outside server; ``hits`` counts accepted connections."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.hits, self.stop = 0, False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self):
        self.stop = True
        self.thread.join(1)
        self.sock.close()


@pytest.fixture(scope="module")
def trap():
    listener = Trap()
    yield listener
    listener.close()


def start(out) -> tuple[str, subprocess.Popen]:
    """``newsgraph serve OUT`` on a free port: (url, process); its stderr is the server log."""
    proc = subprocess.Popen([NEWSGRAPH, "serve", str(out), "--port", "0", "--timeout", "5"],
                            stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    return line.split(" at ", 1)[1].split(" ", 1)[0], proc


@pytest.fixture(scope="module")
def served(mini_store):
    url, proc = start(mini_store)
    yield url, proc
    proc.terminate()
    proc.wait(10)


def http(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def sparql(*args):
    return subprocess.run([NEWSGRAPH, "sparql", *map(str, args)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("template", NESTED_SERVICE)
def test_service_refused_by_the_endpoint(served, trap, template):
    url, _ = served
    query = template.format(u=trap.url)
    before = trap.hits
    for status, body in (http(f"{url}?query={quote(query)}"),
                         http(url, query.encode(), {"Content-Type": "application/sparql-query"})):
        assert status == 403 and b"SERVICE" in body
    time.sleep(0.1)
    assert trap.hits == before == 0


@pytest.mark.parametrize("text", DECOYS)
def test_decoys_answered(served, text):
    status, _ = http(f"{served[0]}?query={quote(text)}")
    assert status == 200


def test_service_refused_by_the_sparql_command(mini_store, trap):
    for template in NESTED_SERVICE[:8]:
        done = sparql(mini_store, template.format(u=trap.url))
        assert done.returncode != 0 and "SERVICE" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert trap.hits == 0
    assert sparql(mini_store, DECOYS[0]).returncode == 0


PATTERNS = "ASK { " + " . ".join(f"?s{i} ?p ?o{i}" for i in range(90)) + " }"
NESTED = "ASK " + "{ " * 45 + "?s ?p ?o " + "}" * 45


@pytest.mark.parametrize("query, reason", [(PATTERNS, b"triple patterns"), (NESTED, b"deep")])
def test_limits_are_a_400_with_a_reason(served, query, reason):
    status, body = http(served[0], query.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 400 and reason in body and len(body.splitlines()) == 1


@pytest.mark.parametrize("query, reason", [(PATTERNS, "triple patterns"), (NESTED, "deep")])
def test_limits_in_the_sparql_command(mini_store, query, reason):
    done = sparql(mini_store, query)
    assert done.returncode != 0 and reason in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert sparql(mini_store, query, "--max-depth", "60", "--max-patterns", "200").returncode == 0


def test_recursion_in_rdflib_is_a_400(tmp_path):
    """rdflib (a graph file, not a store) past its recursion depth: one line, raised limits or not."""
    graph = tmp_path / "g.ttl"
    graph.write_text("<urn:a> <urn:b> <urn:c> .\n")
    done = sparql(graph, PATTERNS, "--max-patterns", "500")
    assert done.returncode != 0 and "too complex" in done.stderr and "Traceback" not in done.stderr


def raw(url, request: bytes) -> bytes:
    host, port = url.split("//")[1].split("/")[0].split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(request)
        chunks = []
        while chunk := s.recv(4096):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("header", ["Content-Length: \u00b2", "Content-Length: -1", "Content-Length: 1 2",
                                    "Content-Length: \u0663"])
def test_malformed_content_length_is_a_400(served, header):
    reply = raw(served[0], b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                + header.encode() + b"\r\n\r\nASK {}")
    assert reply.startswith(b"HTTP/1.0 400")


def test_sixty_four_clients_all_answered(served):
    url, proc = served
    queries = ["ASK { ?s ?p ?o }", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3", "SELECT * WHERE { ?x ?y }"]

    def one(i):
        return http(f"{url}?query={quote(queries[i % 3])}")[0]

    with ThreadPoolExecutor(max_workers=64) as pool:
        statuses = list(pool.map(one, range(256)))
    assert statuses == [(200, 200, 400)[i % 3] for i in range(256)]


def test_server_log_has_no_traceback(mini_store):
    url, proc = start(mini_store)
    raw(url, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: \xc2\xb2\r\n\r\n")
    raw(url, b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: text/csv;q=nan\r\n\r\n")
    proc.terminate()
    _, log = proc.communicate(timeout=10)
    assert "Traceback" not in log and "Error" not in log


@pytest.mark.parametrize("command", [["query", "actors"], ["sparql"]])
def test_a_jsonl_file_is_not_a_graph(tmp_path, command):
    data = tmp_path / "news.jsonl"
    data.write_text('{"title": "Talks", "text": "The ministers met in Yerevan."}\n')
    args = [*command, str(data)] + (["ASK { }"] if command == ["sparql"] else [])
    done = subprocess.run([NEWSGRAPH, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "not a graph" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Bad syntax" not in done.stderr


def test_big_values_queries_do_not_hold_up_a_small_one(served):
    """Two 0.9 MB VALUES queries in flight; an ASK sent meanwhile is answered, and so are they."""
    url, _ = served
    values = " ".join(f"<https://example.org/value/{i:07d}>" for i in range(26_000))
    big = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?v {{ {values} }} OPTIONAL {{ ?v ?p ?o }} }}"
    assert 850_000 < len(big) < 1_000_000
    with ThreadPoolExecutor(max_workers=3) as pool:
        heavy = [pool.submit(http, url, f"{big} # {i}".encode(), {"Content-Type": "application/sparql-query"})
                 for i in range(2)]  # two texts: two runs, not one shared
        assert http(f"{url}?query={quote('ASK { ?s ?p ?o }')}") == (200, b'{"head": {}, "boolean": true}')
        assert [f.result()[0] for f in heavy] in ([200, 200], [200, 503], [503, 200], [503, 503])
