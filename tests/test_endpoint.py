"""The SPARQL endpoint: a real server on a free loopback port, queried with SPARQLWrapper."""
from __future__ import annotations

import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest

SPARQLWrapper = pytest.importorskip("SPARQLWrapper", reason="test dependency SPARQLWrapper not installed")
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML  # noqa: E402

from newsgraph.queries.endpoint import ServeOptions, check_query, negotiate  # noqa: E402
from newsgraph.queries.named import open_graph  # noqa: E402
from tests.fixtures import serving  # noqa: E402

MINI = Path(__file__).parent / "data" / "mini.ttl"
STATES = "SELECT ?s WHERE { ?s a <https://w3id.org/newsgraph/ontology#State> } ORDER BY ?s"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def server():
    with serving(open_graph(MINI), timeout=1.5, max_rows=3, max_body=10_000) as srv:
        yield srv


def client(server, query, fmt=JSON):
    sw = SPARQLWrapper.SPARQLWrapper(server.url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


def http(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_select_json_xml_csv_with_row_cap(server):
    result = client(server, STATES).query()
    assert result.info()["x-result-truncated"] == "true"
    data = result.convert()
    assert [b["s"]["value"].rsplit("/", 1)[1] for b in data["results"]["bindings"]] == ["ARM", "AZE", "FRA"]
    xml = client(server, STATES, XML).query().convert()
    assert len(xml.getElementsByTagName("result")) == 3
    csv = client(server, STATES, CSV).query().convert().decode()
    assert csv.splitlines()[0] == "s" and len(csv.splitlines()) == 4


def test_uncut_result_has_no_truncation_header(server):
    result = client(server, "ASK { ?s ?p ?o }").query()
    assert "x-result-truncated" not in result.info()
    assert result.convert()["boolean"] is True


def test_construct_turtle_and_post_forms(server):
    body = client(server, "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t }", TURTLE).query().convert()
    assert b"@prefix" in body
    status, headers, body = http(server.url, STATES.encode(), {"Content-Type": "application/sparql-query",
                                                             "Accept": "text/tab-separated-values"})
    assert status == 200 and body.decode().splitlines()[0] == "?s"
    status, _, body = http(server.url, f"query={quote(STATES)}".encode(),
                           {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 200 and body.startswith(b"s\r\n")


@pytest.mark.parametrize("query", ["DROP ALL", "LOAD <http://example.org/x>", "CLEAR DEFAULT",
                                   "INSERT DATA { <a:b> <a:c> <a:d> }",
                                   "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"])
def test_refuses_updates_and_service(server, query):
    status, _, body = http(f"{server.url}?query={quote(query)}")
    assert status == 403 and b"refused" in body
    sw = client(server, query)
    sw.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as err:
        sw.query()
    assert err.value.code == 403


def test_malformed_and_oversized(server):
    status, _, body = http(f"{server.url}?query={quote('SELEC ?x WHERE')}")
    assert status == 400 and b"malformed query" in body
    status, _, body = http(server.url, b"query=" + b"x" * 20_000,
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413


def test_timeout_keeps_serving(server):
    started = time.monotonic()
    status, _, body = http(f"{server.url}?query={quote(SLOW)}")
    assert status == 503 and b"timed out" in body
    assert time.monotonic() - started < 5
    assert client(server, "ASK { ?s ?p ?o }").query().convert()["boolean"] is True


def test_home_page_lists_named_queries(server):
    status, headers, body = http(server.url[: -len("/sparql")] + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"who-met" in body and b"<textarea" in body


def test_concurrent_clients(server):
    def one(i):
        query = f"SELECT ?s WHERE {{ ?s ?p ?o }} ORDER BY ?s LIMIT {1 + i % 3} # {i}"  # each runs: no hits
        rows = client(server, query).query().convert()
        return len(rows["results"]["bindings"])

    with ThreadPoolExecutor(max_workers=8) as pool:
        counts = list(pool.map(one, range(200)))
    assert counts == [1 + i % 3 for i in range(200)]


def test_negotiate_and_check():
    assert negotiate(None, graph_result=False)[0] == "json"
    assert negotiate("application/ld+json", graph_result=True) == ("json-ld", "application/ld+json")
    assert negotiate("text/*;q=0.9, application/xml;q=0.1", graph_result=False)[0] == "csv"
    with pytest.raises(Exception, match="FROM"):
        check_query("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }")


def test_serve_takes_options_and_changes():
    with serving(open_graph(MINI), options=ServeOptions(max_rows=7, max_body=500), timeout=2.5) as srv:
        assert (srv.max_rows, srv.max_body, srv.timeout_s, srv.verbose) == (7, 500, 2.5, False)
        assert srv.url.startswith("http://127.0.0.1:") and not srv.url.endswith(":0/sparql")
