"""The query page at ``/`` of ``newsgraph serve`` in a real headless Chromium (Debian's ``chromium``):
it lists the named queries with their parameters, runs a named query through its form and an ad-hoc
one through the query box, and renders each answer as a table.

``NEWSGRAPH_PAGE_SCREENSHOT=docs/query-page.png`` saves the browser's screenshot of the page
showing a named query's result (the README's picture) there as well as in the test's tmp dir.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib

from newsgraph.graph.build import build
from newsgraph.queries.named import execute, list_queries, open_graph
from tests.chromium import BINARY, Chromium

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).parent / "newsgraph")
pytestmark = pytest.mark.skipif(BINARY is None, reason="chromium is not installed (Debian: apt-get install "
                                "chromium)")
TABLE = """[[...document.querySelectorAll('#results thead th')].map(th => th.textContent),
 [...document.querySelectorAll('#results tbody tr')].map(tr => [...tr.cells].map(td => td.textContent))]"""
STATES = """PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label ?code WHERE { ?state a ng:State ; rdfs:label ?label OPTIONAL { ?state ng:countryCode ?code } }
ORDER BY ?label"""


@pytest.fixture(scope="module")
def served(nlp, tmp_path_factory):
    """(build directory of examples/, base URL of ``newsgraph serve`` over it on a free loopback port)."""
    out = tmp_path_factory.mktemp("page-build")
    build([str(ROOT / "examples")], out, nlp=nlp)
    log = out.parent / f"{out.name}-serve.log"
    with log.open("w") as err:
        proc = subprocess.Popen([CLI, "serve", str(out), "--port", "0"], stdout=subprocess.DEVNULL,
                                stderr=err)
    try:
        deadline = time.monotonic() + 60
        while not (found := re.search(r"endpoint at (http://\S+)/sparql", log.read_text())):
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        yield out, found.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with Chromium.start(tmp_path_factory.mktemp("chromium-profile")) as chromium:
        yield chromium


def _cells(result) -> list[list[str]]:
    return [["" if term is None else str(term) for term in row] for row in result]


def _run_in_box(page, text: str, runs: int) -> None:
    page.evaluate(f"document.getElementById('query-text').value = {json.dumps(text)}")
    page.evaluate("document.getElementById('run').click()")
    page.wait_for(f"document.body.dataset.done === '{runs}'")


def test_the_page_lists_every_named_query_with_its_parameters(served, browser):
    _, base = served
    page = browser.open(f"{base}/")
    listed = page.evaluate("[...document.querySelectorAll('#named-queries tbody tr')].map(tr => "
                           "[tr.dataset.name, [...tr.querySelectorAll('.param')].map(s => s.textContent)])")
    assert listed == [[q.name, [*q.params, *(f"{p}?" for p in q.optional)]] for q in list_queries()]


def test_a_named_query_runs_through_its_form(served, browser, tmp_path):
    out, base = served
    page = browser.open(f"{base}/")
    page.loading("document.querySelector('#named-queries a[href=\"/?name=who-met\"]').click()")
    fields = page.evaluate("[...document.querySelectorAll('#params input:not([type=hidden])')]"
                           ".map(i => i.name)")
    assert fields == ["actor", "since", "until"]
    page.evaluate("document.querySelector('#params input[name=actor]').value = 'Mirzoyan'")
    page.loading("document.querySelector('#params button').click()")
    page.wait_for("document.body.dataset.done === '1'")
    assert "VALUES ?actor { <https://w3id.org/newsgraph/id/actor/person/" in page.evaluate(
        "document.getElementById('query-text').value")  # bound, as a VALUES line
    head, rows = page.evaluate(TABLE)
    graph = open_graph(out / "graph.ttl")
    expected = execute(graph, "who-met", {"actor": "Mirzoyan"})
    assert head == [str(v) for v in expected.vars]
    assert rows == _cells(expected) and any("Jeyhun Bayramov" in row for row in rows)
    assert page.evaluate("document.getElementById('status').textContent") == f"{len(rows)} rows"
    shot = page.screenshot()
    assert shot.startswith(b"\x89PNG\r\n\x1a\n") and len(shot) > 20_000
    (tmp_path / "query-page.png").write_bytes(shot)
    if os.environ.get("NEWSGRAPH_PAGE_SCREENSHOT"):
        Path(os.environ["NEWSGRAPH_PAGE_SCREENSHOT"]).write_bytes(shot)


def test_an_ad_hoc_query_runs_from_the_box(served, browser):
    out, base = served
    page = browser.open(f"{base}/")
    _run_in_box(page, STATES, 1)
    head, rows = page.evaluate(TABLE)
    assert head == ["label", "code"]
    assert rows == _cells(rdflib.Graph().parse(out / "graph.ttl").query(STATES)) and len(rows) >= 3
    _run_in_box(page, 'SELECT ?x WHERE { VALUES ?x { "<img src=x onerror=alert(1)>" } }', 2)
    assert page.evaluate(TABLE) == [["x"], [["<img src=x onerror=alert(1)>"]]]  # text, never markup
    assert page.evaluate("document.querySelectorAll('#results img').length") == 0


def test_errors_show_on_the_page(served, browser):
    _, base = served
    page = browser.open(f"{base}/")
    _run_in_box(page, "DROP ALL", 1)
    assert "read-only" in page.evaluate("document.getElementById('status').textContent")
    assert page.evaluate("document.getElementById('results').hidden") is True
    page.navigate(f"{base}/?name=who-met&run=1&actor=Nobody+At+All")
    assert page.evaluate("document.getElementById('problem').textContent") == "unknown actor 'Nobody At All'"
    assert page.evaluate("document.getElementById('params').actor.value") == "Nobody At All"
