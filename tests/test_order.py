"""ORDER BY done in Python (newsgraph.queries.sparql.order) sorts as rdflib's engine does; ``SELECT *``
columns come in the order the query names them."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef, Variable

from newsgraph.queries.sparql.order import sort_bindings, sort_rows, split_order, star_columns

D, T = "<http://www.w3.org/2001/XMLSchema#date>", "<http://www.w3.org/2001/XMLSchema#dateTime>"
VALUES = f"""SELECT ?a ?b ?c ?d ?n WHERE {{ VALUES (?a ?b ?c ?d ?n) {{
  (<x:b> "b" 1 "2023-05-05"^^{D} 1) (<x:a> "b"@en 2.5 UNDEF 2) (UNDEF "a" 2 "2023-05-01T09:40:00"^^{T} 3)
  (<x:a> UNDEF 10 "2023-05-01"^^{D} 4) (<x:c> "a"@de UNDEF "2023-05-01"^^{D} 5) (<x:b> "b" 2 UNDEF 6)
  (UNDEF UNDEF UNDEF UNDEF 7) (<x:c> "é" 1 "2023-04-01T09:40:00"^^{T} 8)
  (<x:a> "b" 2 "2023-05-05"^^{D} 9) }} }}
"""
ORDERS = ("ORDER BY ?b ?a", "ORDER BY DESC(?b) ?a", "ORDER BY ?a DESC(?b)", "ORDER BY DESC(?a)",
          "ORDER BY ?c ?a", "ORDER BY DESC(?c) ?b", "ORDER BY ?d ?a", "ORDER BY DESC(?d) DESC(?c)")
INDEX = {name: i for i, name in enumerate("abcdn")}


def _rows(text: str) -> list[tuple]:
    return [tuple(row) for row in Graph().query(text)]


def test_sort_rows_and_sort_bindings_agree_with_rdflib_order_by():
    names = [Variable(n) for n in INDEX]
    for order in ORDERS:
        expected = _rows(VALUES + order)
        body, keys = split_order(VALUES + order)
        rows = _rows(body)
        for seed in range(5):  # sorted the same from any starting order: ties keep ?n's order
            random.Random(seed).shuffle(rows)
            rows.sort(key=lambda row: row[-1].value)
            assert sort_rows(rows, [(INDEX[name], desc) for name, desc in keys]) == expected, order
            dicts = [{v: t for v, t in zip(names, row, strict=True) if t is not None} for row in rows]
            assert [tuple(d.get(v) for v in names) for d in sort_bindings(dicts, keys)] == expected


def test_sort_rows_is_stable_and_tells_equal_terms_apart_only_by_value():
    rows = [(Literal("x"), 1), (URIRef("x:a"), 2), (Literal("x"), 3), (None, 4)]
    assert [n for _, n in sort_rows(rows, [(0, False)])] == [4, 2, 1, 3]
    assert [n for _, n in sort_rows(rows, [(0, True)])] == [1, 3, 2, 4]
    assert sort_rows(rows, []) == rows


@pytest.mark.parametrize(("text", "order"), [
    ("SELECT * WHERE { ?s ?p ?o }", "spo"),
    ("SELECT DISTINCT * WHERE { ?o <x:p#q> ?s . ?s ?p ?o }", "osp"),
    ('PREFIX ex: <x:y#>  # a comment naming ?p\nselect * { ?s ex:says "what ?o" ; ?p $o }', "spo"),
    ("SELECT * WHERE { { SELECT ?p ?o WHERE { ?s ?p ?o } } ?o ?x ?s }", "posx"),
    ("SELECT ?o ?s ?p WHERE { ?s ?p ?o }", "osp"),  # listed columns: already the query's order
])
def test_star_columns_follow_the_text(text, order):
    result = Graph().parse(data="<x:a> <x:b> <x:a> .", format="turtle").query(text)
    assert "".join(str(v) for v in star_columns(text, result.vars)) == order


@pytest.mark.parametrize("where", ["mini.ttl", "store"])
def test_cli_select_star_columns_come_in_the_query_s_order(where, mini_store):
    graph = str(mini_store) if where == "store" else str(Path(__file__).parent / "data" / "mini.ttl")
    cli = str(Path(sys.executable).parent / "newsgraph")
    text = "SELECT * WHERE { ?event ?role ?actor ; ?when ?date FILTER(isLiteral(?date)) } LIMIT 1"
    done = subprocess.run([cli, "sparql", graph, text, "--format", "csv"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "event,role,actor,when,date"
