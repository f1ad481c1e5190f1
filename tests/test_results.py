"""Result rows (newsgraph.queries.sparql.results.Rows) iterate exactly as rdflib's own Result does; TSV
output: plain values for spreadsheets (``--format tsv``) and the W3C SPARQL TSV (``--format sparql-tsv``)."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef, Variable

from newsgraph.queries.sparql.results import Rows, plain_tsv, serialize, tidy

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


TSV_DATA = """@prefix ex: <https://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:said "\\"We agreed,\\" she said.\\tThen:\\nnothing" ; ex:on "2023-03-20"^^xsd:date ; ex:n 3 .
ex:b ex:said "Bonjour"@fr ; ex:on "C:\\\\temp" ."""
TSV_QUERY = ("SELECT ?s ?said ?on ?n WHERE { ?s <https://example.org/said> ?said ; "
             "<https://example.org/on> ?on OPTIONAL { ?s <https://example.org/n> ?n } } ORDER BY ?s")


def test_plain_tsv_holds_plain_values_a_spreadsheet_reads_back():
    result = Graph().parse(data=TSV_DATA, format="turtle").query(TSV_QUERY)
    text = plain_tsv(result).decode("utf-8")
    lines = text.split("\n")
    assert len(lines) == 4 and lines[-1] == ""  # header, two rows: tabs and newlines in values are escaped
    cells = list(csv.reader(io.StringIO(text), delimiter="\t"))  # what a spreadsheet's TSV import does
    assert cells == [["s", "said", "on", "n"],
                     ["https://example.org/a", '"We agreed," she said.\\tThen:\\nnothing', "2023-03-20", "3"],
                     ["https://example.org/b", "Bonjour", "C:\\\\temp", ""]]
    assert lines[2] == "https://example.org/b\tBonjour\tC:\\\\temp\t"  # nothing quoted that needs no quotes
    assert serialize(result, "plain-tsv") == (plain_tsv(result), False)


def test_sparql_tsv_stays_the_w3c_format():
    result = Graph().parse(data=TSV_DATA, format="turtle").query(TSV_QUERY)
    lines = serialize(result, "tsv")[0].decode("utf-8").split("\n")
    assert lines[0] == "?s\t?said\t?on\t?n"
    assert lines[2] == '<https://example.org/b>\t"Bonjour"@fr\t"C:\\\\temp"\t'
    assert '"2023-03-20"^^<http://www.w3.org/2001/XMLSchema#date>' in lines[1]


def test_cli_tsv_is_plain_and_sparql_tsv_is_w3c(tmp_path):
    cli = str(Path(sys.executable).parent / "newsgraph")
    ttl = tmp_path / "g.ttl"
    ttl.write_text(TSV_DATA, encoding="utf-8")
    plain, w3c = (subprocess.run([cli, "sparql", str(ttl), TSV_QUERY, "--format", fmt], capture_output=True,
                                 text=True) for fmt in ("tsv", "sparql-tsv"))
    result = Graph().parse(data=TSV_DATA, format="turtle").query(TSV_QUERY)
    assert plain.returncode == w3c.returncode == 0, plain.stderr + w3c.stderr
    assert plain.stdout == plain_tsv(result).decode("utf-8")
    assert w3c.stdout == serialize(result, "tsv")[0].decode("utf-8")
