"""Result rows (newsgraph.queries.sparql.results.Rows) iterate exactly as rdflib's own Result does."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef, Variable

from newsgraph.queries.sparql.results import Rows, tidy

DATA = """@prefix ex: <https://example.org/> .
ex:a ex:name "A" ; ex:age 3 .   ex:b ex:name "B"@en .   ex:c ex:age 4 ."""
QUERY = "SELECT ?s ?name ?age WHERE { ?s ?p ?o OPTIONAL { ?s <https://example.org/name> ?name } " \
        "OPTIONAL { ?s <https://example.org/age> ?age } } ORDER BY ?s"


def _result():
    return Graph().parse(data=DATA, format="turtle").query(QUERY)


def test_rows_iterate_like_rdflib_result_rows():
    result = _result()
    expected = list(result)
    rows = list(Rows(result.vars, list(result.bindings)))
    assert rows == expected and any(None in row for row in rows)
    for row, want in zip(rows, expected, strict=True):
        assert type(row) is type(want) and row.labels == want.labels
        assert row.asdict() == want.asdict()
        assert (row.s, row["name"], row[Variable("age")], row.get("age")) == \
               (want.s, want["name"], want[Variable("age")], want.get("age"))


def test_of_tuples_leaves_unbound_variables_out_and_skips_empty_rows():
    x, y = Variable("x"), Variable("y")
    rows = Rows.of_tuples([x, y], [(URIRef("x:a"), None), (None, Literal(1)), (None, None)])
    assert rows.bindings == [{x: URIRef("x:a")}, {y: Literal(1)}, {}]
    assert [tuple(row) for row in rows] == [(URIRef("x:a"), None), (None, Literal(1))]


def test_tidy_gives_rows_with_the_same_content():
    result = _result()
    fixed = tidy(result, ["name"])
    assert isinstance(fixed, Rows) and fixed.vars == result.vars
    assert [row.s for row in fixed] == [row.s for row in result]
