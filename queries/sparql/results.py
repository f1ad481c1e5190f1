"""Result formatting for named and ad-hoc SPARQL queries: serialization and plain-text tables."""
from __future__ import annotations

import csv
import io

from rdflib import Graph, Literal
from rdflib.query import Result, ResultRow

from newsgraph.graph.rdf.vocab import PREFIXES, XSD

LIST_SEPARATOR = "; "


class Rows(Result):
    """A SELECT Result whose iteration builds its ResultRows cheaply (one labels dict shared by all).

    rdflib's own iteration builds a dict of the column names for every row,
    which costs more than the rest of the row on big results.

    >>> from rdflib import Variable
    >>> rows = Rows([Variable("x"), Variable("y")], [{Variable("x"): Literal(1)}, {}])
    >>> [(row.x.toPython(), row["y"]) for row in rows]
    [(1, None)]
    """

    def __init__(self, variables, bindings: list[dict]):
        super().__init__("SELECT")
        self.vars = list(variables)
        self.bindings = bindings

    @classmethod
    def of_tuples(cls, variables, rows) -> Rows:
        """The result of ``rows``: tuples of terms in the order of ``variables``, None when unbound."""
        variables = list(variables)   # unbound variables are left out, as rdflib does
        return cls(variables, [{v: t for v, t in zip(variables, row, strict=True) if t is not None}
                               for row in rows])

    def __iter__(self):
        labels = {str(var): index for index, var in enumerate(self.vars)}
        new = tuple.__new__
        for binding in self.bindings:
            if binding:  # no row for an empty binding, as rdflib
                row = new(ResultRow, map(binding.get, self.vars))
                row.labels = labels
                yield row


def tidy(result: Result, lists=()) -> Result:
    """A SELECT result with its GROUP_CONCAT columns ``lists`` sorted and de-duplicated.

    An unbound list column becomes "" (rdflib gives "" for an empty group,
    Oxigraph may leave it unbound); the all-empty row rdflib's aggregates give
    when nothing matched is dropped.

    >>> res = Graph().query("SELECT ?x WHERE { VALUES ?x { 'b; a; b' } }")
    >>> [str(row.x) for row in tidy(res, ["x"])]
    ['a; b']
    """
    names = [var for var in result.vars if str(var) in lists]
    return Rows(result.vars, [_sorted_lists(row, names) for row in result.bindings if not _empty(row)])


_NO_ITEMS = Literal("")


def _sorted_lists(row: dict, names: list) -> dict:
    if not names:
        return row
    return {**row, **{var: _sorted_list(row.get(var, _NO_ITEMS)) for var in names}}


def _sorted_list(term):
    if not isinstance(term, Literal):
        return term
    joined = LIST_SEPARATOR.join(sorted({p for p in str(term).split(LIST_SEPARATOR) if p}))
    if joined == str(term) and term.language is None and term.datatype is None:
        return term  # already a plain, sorted list: no new term
    return Literal(joined)


def _empty(row) -> bool:
    """True for the all-unbound row rdflib's aggregates give when nothing matched."""
    return all(val is None or (isinstance(val, Literal) and val.value in ("", 0)) for val in row.values())


def _tsv_term(term) -> str:
    """SPARQL TSV form of a term: Turtle syntax, plain numbers and booleans."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype in (XSD.integer, XSD.decimal, XSD.boolean):
        return str(term)
    return term.n3().replace("\t", "\\t").replace("\n", "\\n")


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def plain_value(term) -> str:
    """A term as plain text: an IRI or a blank node as it is, a literal's lexical form without quotes,
    datatype or language; tab, newline, carriage return and backslash escaped as in C ("" when unbound).

    >>> plain_value(Literal("2023-03-20", datatype=XSD.date)), plain_value(Literal("a\\tb"))
    ('2023-03-20', 'a\\\\tb')
    """
    return "" if term is None else str(term).translate(_ESCAPES)


def plain_tsv(result: Result) -> bytes:
    r"""A SELECT result as tab-separated plain values, for spreadsheets: one header line of column
    names, then one line per row of :func:`plain_value` cells.  A cell holding a double quote is
    quoted as in CSV (so it cannot be taken for a quoted cell); no other cell is.

    >>> res = Graph().query("SELECT ?a ?b WHERE { VALUES (?a ?b) { (<https://e.org/x> '1\\t2'@en) } }")
    >>> plain_tsv(res).decode()
    'a\tb\nhttps://e.org/x\t1\\t2\n'
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([str(v) for v in result.vars])
    writer.writerows([plain_value(row.get(v)) for v in result.vars] for row in result.bindings)
    return out.getvalue().encode("utf-8")


def _capped(result: Result, max_rows: int | None) -> tuple[Result, bool]:
    rows = list(result.bindings)
    if max_rows is None or len(rows) <= max_rows:
        return result, False
    capped = Result("SELECT")
    capped.vars, capped.bindings = result.vars, rows[:max_rows]
    return capped, True


def serialize(result: Result, fmt: str, max_rows: int | None = None) -> tuple[bytes, bool]:
    """(bytes, truncated): a query result as ``fmt``, cut after ``max_rows`` rows or triples.

    SELECT/ASK: json (SPARQL 1.1 JSON results), xml, csv, tsv (SPARQL 1.1 TSV: terms in
    Turtle syntax), plain-tsv (:func:`plain_tsv`); CONSTRUCT/DESCRIBE: turtle, json-ld, nt, xml.

    >>> res = Graph().query("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }")
    >>> serialize(res, "tsv", max_rows=2)
    (b'?x\\n1\\n2\\n', True)
    """
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = sorted(result.graph)
        out = Graph()
        for prefix, namespace in PREFIXES.items():
            out.bind(prefix, namespace)
        for triple in triples[:max_rows] if max_rows is not None else triples:
            out.add(triple)
        truncated = max_rows is not None and len(triples) > max_rows
        return out.serialize(format=fmt).encode("utf-8"), truncated
    if result.type == "ASK":
        if fmt in ("csv", "tsv", "plain-tsv"):
            return (b"true\n" if result.askAnswer else b"false\n"), False
        return result.serialize(format=fmt), False
    capped, truncated = _capped(result, max_rows)
    if fmt == "plain-tsv":
        return plain_tsv(capped), truncated
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in capped.vars)]
        lines += ["\t".join(_tsv_term(row.get(v)) for v in capped.vars) for row in capped.bindings]
        return ("\n".join(lines) + "\n").encode("utf-8"), truncated
    return capped.serialize(format=fmt), truncated


def format_table(result: Result, width: int = 60) -> str:
    """An aligned plain-text table of a SELECT result (cells cut at ``width`` characters).

    >>> print(format_table(Graph().query("SELECT ?x ?y WHERE { VALUES (?x ?y) { (1 'ab') } }")))
    x  y
    -  --
    1  ab
    """
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    names = [str(v) for v in result.vars]

    def cell(term) -> str:
        text = "" if term is None else " ".join(str(term).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    rows = [[cell(row.get(v)) for v in result.vars] for row in result.bindings]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = [names, ["-" * w for w in widths], *rows]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
                     for line in lines)
