"""Queries run inside Oxigraph (newsgraph.queries.sparql.native): rdflib terms out, garbage collection
paused meanwhile."""
from __future__ import annotations

import gc

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef, Variable

from newsgraph.queries.sparql.native import paused_gc, query

TURTLE = """@prefix ex: <https://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:label "A" ; ex:n 2 ; ex:d "2023-05-01"^^xsd:date ; ex:k [ ex:label "bn"@en ] .
ex:b ex:label "B" ; ex:n 1.5 .   ex:c ex:n 1 ."""
TEXT = """PREFIX ex: <https://example.org/>
SELECT ?s ?label ?n ?d WHERE { ?s ex:n ?n OPTIONAL { ?s ex:label ?label } OPTIONAL { ?s ex:d ?d } }
ORDER BY DESC(?label) ?n
"""


@pytest.fixture()
def store():
    store = ox.Store()
    store.load(TURTLE.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://example.org/g"))
    return store


def test_select_gives_the_rows_terms_and_order_of_rdflib(store):
    on_store = query(store, TEXT)
    expected = Graph().parse(data=TURTLE, format="turtle").query(TEXT)
    assert [tuple(row) for row in on_store] == [tuple(row) for row in expected]
    for row, want in zip(on_store, expected, strict=True):
        assert [type(t) for t in row] == [type(t) for t in want]
        assert [getattr(t, "datatype", None) for t in row] == [getattr(t, "datatype", None) for t in want]
    assert {Variable("d")} & set(on_store.bindings[-1]) == set()  # unbound: left out of the binding


def test_terms_are_shared_and_blank_nodes_kept(store):
    rows = list(query(store, "SELECT ?s ?l WHERE { ?s <https://example.org/label> ?l }"))
    assert {type(row[0]) for row in rows} == {URIRef, BNode}
    assert Literal("bn", lang="en") in {row[1] for row in rows}
    again = list(query(store, "SELECT ?s WHERE { { ?s ?p 1 } UNION { ?s ?p 1 } }"))
    assert again[0][0] is again[1][0]  # one rdflib object per distinct term of a result


def test_paused_gc_nests_and_restores_the_previous_state():
    assert gc.isenabled()
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # left off as it was
    finally:
        gc.enable()
