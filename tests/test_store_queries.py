"""Named and ad-hoc queries on a build's Oxigraph store (run in Oxigraph) against rdflib on the same data."""
from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
import rdflib

from newsgraph.graph.build import build
from newsgraph.queries.endpoint import check_query
from newsgraph.queries.named import execute, list_queries, open_graph
from newsgraph.queries.sparql.native import ox_store, run
from tests.fixtures import named_query_cases, serving

ROOT = Path(__file__).resolve().parents[1]
PREFIXES = ("PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")


@pytest.fixture(scope="module")
def graphs(nlp, tmp_path_factory):
    """(the build's store as open_graph gives it, an rdflib Graph of its graph.ttl)."""
    out = tmp_path_factory.mktemp("store-queries")
    build([str(ROOT / "examples")], out, nlp=nlp)
    store = open_graph(out)
    assert ox_store(store) is not None
    yield store, rdflib.Graph().parse(out / "graph.ttl")
    store.close()


def _cases(ttl: rdflib.Graph) -> list[tuple[str, dict]]:
    """Every named query with its required parameters, then once more with each optional one."""
    return named_query_cases(ttl, events=3)


def test_every_named_query_gives_the_same_rows_on_the_store_as_on_rdflib(graphs):
    store, ttl = graphs
    answered = set()
    for name, params in _cases(ttl):
        on_store, on_rdflib = execute(store, name, dict(params)), execute(ttl, name, dict(params))
        assert [str(v) for v in on_store.vars] == [str(v) for v in on_rdflib.vars], name
        rows = [tuple(row) for row in on_store]
        assert rows == [tuple(row) for row in on_rdflib], (name, params)  # same terms, types and order
        answered |= {name} if rows else set()
    assert answered == {q.name for q in list_queries()}  # every query had rows to compare


@pytest.mark.parametrize("text", [
    "SELECT ?s ?label WHERE { ?s rdfs:label ?label }\nORDER BY DESC(?label) ?s",
    "SELECT ?e ?d WHERE { ?e ng:date ?d }\nORDER BY ?d ?e",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "ASK { ?s a ng:Person }",
    "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a ng:State ; rdfs:label ?l }",
])
def test_adhoc_queries_run_in_oxigraph_with_the_same_answer(graphs, text):
    store, ttl = graphs
    text = PREFIXES + text
    on_store, on_rdflib = run(store, text, check_query(text)), ttl.query(text)
    assert on_store.type == on_rdflib.type
    if on_store.type == "ASK":
        assert on_store.askAnswer == on_rdflib.askAnswer
    elif on_store.type == "CONSTRUCT":
        assert set(on_store.graph) == set(on_rdflib.graph) and len(on_store.graph) > 0
    else:
        assert [tuple(r) for r in on_store] == [tuple(r) for r in on_rdflib]


def test_endpoint_on_the_store_answers_in_oxigraph(graphs):
    store, ttl = graphs
    text = PREFIXES + "SELECT ?s ?label WHERE { ?s a ng:Person ; rdfs:label ?label }\nORDER BY ?label"
    with serving(store, timeout=10) as server:
        request = urllib.request.Request(f"{server.url}?query={quote(text)}",
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=20) as response:
            rows = json.load(response)["results"]["bindings"]
    assert [row["label"]["value"] for row in rows] == [str(r.label) for r in ttl.query(text)]
    assert rows
