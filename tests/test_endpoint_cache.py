"""The endpoint's answer cache and single flight, on a real server on loopback.

What is checked is which answers came from where (the ``X-Cache`` header, the cache's
counters, how many queries the server handed to a worker process), never how long
anything took.
"""
from __future__ import annotations

import subprocess
import sys
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

from newsgraph.queries.cli.query import MB, serve_cmd
from newsgraph.queries.endpoint import ServeOptions
from newsgraph.queries.named import open_graph
from newsgraph.queries.sparql.cache import CACHE_BYTES, CACHE_ENTRIES
from tests.fixtures import serving

NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")
MINI = Path(__file__).parent / "data" / "mini.ttl"
STATES = "SELECT ?s WHERE { ?s a <https://w3id.org/newsgraph/ontology#State> } ORDER BY ?s"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # 285 x 285 rows counted in rdflib
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
FIRST = ("Armenian Foreign Minister Ararat Mirzoyan met Azerbaijani Foreign Minister Jeyhun Bayramov "
         "in Rome.\n")
SECOND = "French President Emmanuel Macron thanked Armenian Prime Minister Nikol Pashinyan in Yerevan.\n"


def get(url, query, accept=None):
    """(status, headers, body) of ``GET url?query=...``."""
    headers = {"Accept": accept} if accept else {}
    request = urllib.request.Request(f"{url}?query={quote(query)}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def without(headers, *names):
    return {k: v for k, v in headers.items() if k not in names}


def test_a_repeated_query_is_a_hit_with_the_same_bytes_and_headers():
    with serving(open_graph(MINI), timeout=5, max_rows=2) as server:
        first = get(server.url, STATES)
        again = get(server.url, STATES)
        assert (first[1]["X-Cache"], again[1]["X-Cache"]) == ("miss", "hit")
        assert first[0] == again[0] == 200 and first[2] == again[2]
        assert without(first[1], "Date", "X-Cache") == without(again[1], "Date", "X-Cache")
        assert again[1]["X-Result-Truncated"] == "true"
        csv = get(server.url, STATES, accept="text/csv")  # another media type: another answer
        assert csv[1]["X-Cache"] == "miss" and csv[2].startswith(b"s\r\n")
        assert get(server.url, STATES, accept="text/csv;q=0.9")[1]["X-Cache"] == "hit"  # negotiates the same
        assert get(server.url, STATES + " ")[1]["X-Cache"] == "miss"  # the text as received
        stats = server.cache.stats()
        assert (stats.entries, stats.hits, stats.misses, stats.shared) == (3, 2, 3, 0)


def test_errors_and_timeouts_are_never_kept():
    with serving(open_graph(MINI), timeout=0.5) as server:
        for query, status in (("SELEC ?x WHERE", 400), ("SELECT * WHERE { SERVICE <http://e/> { } }", 403),
                              (SLOW, 503)):
            answers = [get(server.url, query) for _ in range(2)]
            assert [(s, h["X-Cache"]) for s, h, _ in answers] == [(status, "miss")] * 2
        assert server.cache.stats().entries == 0 and server.queries.started == 6  # each ran


def test_the_bounds_evict_the_least_recently_used():
    queries = [f"SELECT ?s WHERE {{ ?s ?p ?o }} ORDER BY ?s LIMIT {n}" for n in (1, 2, 3)]
    with serving(open_graph(MINI), timeout=5, cache_entries=2) as server:
        assert [get(server.url, q)[1]["X-Cache"] for q in queries[:2]] == ["miss", "miss"]
        assert get(server.url, queries[0])[1]["X-Cache"] == "hit"  # now the most recently used
        assert get(server.url, queries[2])[1]["X-Cache"] == "miss"  # evicts queries[1]
        assert [get(server.url, q)[1]["X-Cache"] for q in (queries[0], queries[2], queries[1])] == \
            ["hit", "hit", "miss"]
        assert server.cache.stats().entries == 2
    one, two = (len(get_once(q)) for q in queries[:2])
    with serving(open_graph(MINI), timeout=5, cache_bytes=two + 10) as server:  # room for one answer
        assert [get(server.url, queries[0])[1]["X-Cache"] for _ in range(2)] == ["miss", "hit"]
        assert [get(server.url, queries[2])[1]["X-Cache"] for _ in range(2)] == ["miss", "miss"]  # too big
        assert server.cache.stats().bytes == one
        assert [get(server.url, queries[1])[1]["X-Cache"] for _ in range(2)] == ["miss", "hit"]
        assert server.cache.stats().bytes == two
        assert get(server.url, queries[0])[1]["X-Cache"] == "miss"  # evicted by the bytes bound


def get_once(query) -> bytes:
    with serving(open_graph(MINI), timeout=5, cache_entries=0) as server:
        status, headers, body = get(server.url, query)
    assert status == 200 and "X-Cache" not in headers
    return body


def test_identical_heavy_queries_at_once_run_one_query_process():
    clients = 6
    with serving(open_graph(MINI), timeout=30) as server:
        ready = threading.Barrier(clients)

        def one(_):
            ready.wait()
            return get(server.url, HEAVY)

        with ThreadPoolExecutor(max_workers=clients) as pool:
            answers = list(pool.map(one, range(clients)))
        assert {(status, body) for status, _, body in answers} == {(200, answers[0][2])}
        assert b'"81225"' in answers[0][2]
        how = sorted(headers["X-Cache"] for _, headers, _ in answers)
        assert how.count("miss") == 1 and "shared" in how and server.queries.started == 1
        assert server.cache.stats().shared == how.count("shared")


def test_serve_options_defaults_live_in_one_place():
    assert (ServeOptions().cache_entries, ServeOptions().cache_bytes) == (CACHE_ENTRIES, CACHE_BYTES)
    defaults = {param.name: param.default for param in serve_cmd.params}
    assert (defaults["cache_entries"], defaults["cache_mb"] * MB) == (CACHE_ENTRIES, CACHE_BYTES)


def start(out, *options) -> tuple[str, subprocess.Popen]:
    """``newsgraph serve OUT`` on a free port: (url, process)."""
    proc = subprocess.Popen([NEWSGRAPH, "serve", str(out), "--port", "0", *options],
                            stderr=subprocess.PIPE, text=True)
    return proc.stderr.readline().split(" at ", 1)[1].split(" ", 1)[0], proc


def build(inputs, out):
    done = subprocess.run([NEWSGRAPH, "build", str(inputs), "-o", str(out), "-j", "1", "--no-progress"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


def test_a_build_into_the_served_directory_drops_the_cache(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    (inputs / "first.txt").write_text(FIRST, encoding="utf-8")
    build(inputs, out)
    url, proc = start(out)
    off, plain = start(out, "--cache-entries", "0")
    try:
        assert [get(url, STATES)[1]["X-Cache"] for _ in range(2)] == ["miss", "hit"]
        assert [get(url, HEAVY)[1]["X-Cache"] for _ in range(2)] == ["miss", "hit"]
        build(inputs, out)  # nothing changed: nothing written, the answers stay
        assert get(url, STATES)[1]["X-Cache"] == "hit"
        (inputs / "second.txt").write_text(SECOND, encoding="utf-8")
        build(inputs, out)
        assert [get(url, q)[1]["X-Cache"] for q in (STATES, STATES, HEAVY)] == ["miss", "hit", "miss"]
        assert [get(off, STATES)[1].get("X-Cache") for _ in range(2)] == [None, None]
    finally:
        for server in (proc, plain):
            server.terminate()
            assert "Traceback" not in server.communicate(timeout=30)[1]
