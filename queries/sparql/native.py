"""SPARQL run inside Oxigraph when the graph is a build's store, with rdflib results.

:func:`newsgraph.queries.named.open_graph` gives an rdflib graph over the embedded
Oxigraph store (oxrdflib).  rdflib's own SPARQL engine over that store reads
triple by triple and is slow on big stores, so every query (named or ad hoc)
given such a graph runs in Oxigraph itself, over the union of all named graphs.
Parameters stay bound, never pasted into the text: each bound variable ``?name``
gets ``BIND(COALESCE(<urn:newsgraph:param:name>(), <urn:newsgraph:param:name>) AS ?name)``
just after every ``WHERE {`` outside comments (the query's and its sub-SELECTs':
parameters are global); the zero-argument custom function returns the value, and
the constant fallback (never used) tells Oxigraph's optimizer the variable is
bound, so joins start from it.  Oxigraph ``substitutions`` would not do: they
only accept projected variables, and the optimizer folds ``BOUND(?v)`` to false
for a variable no pattern binds, which breaks the optional-parameter filters.
Solutions come back as an rdflib ``Result`` of rdflib terms, so formatting,
the API, the CLI and the endpoint use them unchanged.  Simple literals, which
Oxigraph types ``xsd:string``, come back untyped as rdflib parses them.  On big
results the Python side is kept cheap: each distinct term is converted once
(rows share the object), rows are sorted as tuples before becoming binding
dicts, :class:`newsgraph.queries.sparql.results.Rows` builds ResultRows without a dict per row,
and cyclic garbage collection is paused meanwhile (:func:`paused_gc`).

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
...                   ox.Literal("x"), ox.NamedNode("https://example.org/graph")))
>>> text = "SELECT ?s WHERE { ?s ?p ?o }"
>>> [str(row.s) for row in query(store, text, {"o": Literal("x")})]
['https://example.org/a']
>>> query(store, text, {"o": Literal('x" } ; DROP ALL')}).bindings, len(store)
([], 1)
"""
from __future__ import annotations

import gc
import re
import threading
from contextlib import contextmanager

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Node

from newsgraph.graph.store import to_ox
from newsgraph.queries.sparql.order import after_where, sort_rows, split_order, star_columns
from newsgraph.queries.sparql.results import Rows

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
PARAM_FUNCTION = "urn:newsgraph:param:"
__all__ = ["labelled", "ox_store", "paused_gc", "query", "run"]


def ox_store(g) -> ox.Store | None:
    """The pyoxigraph Store under ``g`` (an rdflib graph over oxrdflib); None for any other graph."""
    from oxrdflib import OxigraphStore  # here: only graphs that may be over a store need it (~60 ms)

    store = getattr(g, "store", None)
    return store._inner if isinstance(store, OxigraphStore) else None


def _rdflib(term) -> Node | tuple | None:
    """The rdflib term for a pyoxigraph term (``xsd:string`` literals as plain literals)."""
    if isinstance(term, ox.NamedNode):
        return str.__new__(URIRef, term.value)  # what URIRef() gives, minus its check of a valid IRI
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Triple):
        return _rdflib(term.subject), _rdflib(term.predicate), _rdflib(term.object)
    return None


class _Terms(dict):
    """pyoxigraph term -> rdflib term, each distinct term converted once (rows repeat labels a lot).

    Rows then share one rdflib object per distinct term, which :mod:`newsgraph.queries.sparql.order`
    relies on.
    """

    def __init__(self):
        super().__init__({None: None})

    def __missing__(self, term):
        value = self[term] = _rdflib(term)
        return value


def _select(solutions: ox.QuerySolutions, keys: list[tuple[str, bool]] | None = None) -> Rows:
    """The rdflib Result of ``solutions``, sorted by ``keys`` (variable name, descending) when given."""
    convert = _Terms().__getitem__
    names = [Variable(v.value) for v in solutions.variables]
    rows = [tuple(map(convert, row)) for row in solutions]
    if keys:
        index = {str(name): i for i, name in enumerate(names)}
        rows = sort_rows(rows, [(index[name], descending) for name, descending in keys])
    return Rows.of_tuples(names, rows)


_GC = {"depth": 0, "enabled": False, "lock": threading.Lock()}


@contextmanager
def paused_gc():
    """No cyclic garbage collection inside (re-entrant, thread-safe); restored as it was after.

    Converting a big result creates hundreds of thousands of terms, tuples and
    dicts, all kept and none in a reference cycle: the collections they trigger
    find nothing and cost about a quarter of the time (12k rows of 8 columns).

    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    with _GC["lock"]:
        if _GC["depth"] == 0:
            _GC["enabled"] = gc.isenabled()
            gc.disable()
        _GC["depth"] += 1
    try:
        yield
    finally:
        with _GC["lock"]:
            _GC["depth"] -= 1
            if _GC["depth"] == 0 and _GC["enabled"]:
                gc.enable()


def _with_params(text: str, bindings: dict) -> tuple[str, dict]:
    """(text, custom functions): ``text`` binding each variable of ``bindings`` to a function's value."""
    if not bindings:
        return text, {}
    names = sorted(str(name) for name in bindings)
    if not all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) for name in names):
        raise ValueError(f"not SPARQL variable names: {names}")
    binds = "".join(f" BIND(COALESCE(<{PARAM_FUNCTION}{name}>(), <{PARAM_FUNCTION}{name}>) AS ?{name})"
                    for name in names)
    functions = {ox.NamedNode(PARAM_FUNCTION + str(name)): _constant(to_ox(term))
                 for name, term in bindings.items()}
    bound = after_where(text, binds)
    if bound is None:
        raise ValueError("a query with parameters needs a WHERE { clause")
    return bound, functions


def _constant(term):
    return lambda: term


def query(store: ox.Store, text: str, bindings: dict | None = None, prefixes: dict | None = None) -> Result:
    """Run the SPARQL query ``text`` in Oxigraph over the union of ``store``'s graphs; an rdflib Result.

    ``bindings`` maps variable names to rdflib terms, bound at the start of every
    WHERE clause (the values never enter the text, see the module doc).
    ``prefixes`` are prefix declarations the text may use without declaring.
    A final plain ORDER BY is done in Python (:mod:`newsgraph.queries.sparql.order`).  Oxigraph
    raises SyntaxError for a malformed query, OSError on a store error.
    """
    with paused_gc():
        return _query(store, text, bindings, prefixes)


def _query(store: ox.Store, text: str, bindings: dict | None, prefixes: dict | None) -> Result:
    body, keys = split_order(text)
    answer = _evaluate(store, body, bindings, prefixes)
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QueryTriples):
        return _graph(answer)
    if keys and not {name for name, _ in keys} <= {v.value for v in answer.variables}:
        answer, keys = _evaluate(store, text, bindings, prefixes), None  # sorts on unprojected variables
    return _select(answer, keys)


def _evaluate(store: ox.Store, text: str, bindings: dict | None, prefixes: dict | None):
    text, functions = _with_params(text, bindings or {})
    return store.query(text, use_default_graph_as_union=True, custom_functions=functions,
                       prefixes={k: str(v) for k, v in (prefixes or {}).items()})


def _graph(triples: ox.QueryTriples) -> Result:
    result = Result("CONSTRUCT")
    result.graph = Graph()
    terms = _Terms()
    for triple in triples:
        result.graph.add((terms[triple.subject], terms[triple.predicate], terms[triple.object]))
    return result


def run(g: Graph, text: str, parsed=None) -> Result:
    """Run an ad-hoc query (already checked read-only): in Oxigraph when ``g`` is the store, else rdflib.

    ``parsed`` is the query as rdflib translated it (used on other graphs).  The columns of
    ``SELECT *`` come in the order the text names them (:func:`newsgraph.queries.sparql.order.star_columns`).
    """
    store = ox_store(g)
    if store is None:
        result = g.query(parsed if parsed is not None else text)
    else:
        result = query(store, text, prefixes=dict(g.namespaces()))
    if result.type == "SELECT":
        result.vars = star_columns(text, result.vars)
    return result


_LABELLED = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?node ?label ?kind WHERE {
  { { SELECT ?node ?label (0 AS ?kind) WHERE { ?node rdfs:label ?label } }
    UNION { SELECT ?node ?label (1 AS ?kind) WHERE { ?node skos:altLabel ?label } } }
  { SELECT DISTINCT ?node WHERE { VALUES ?class { %s } ?node a ?class FILTER(isIRI(?node)) } }
}"""


def labelled(store: ox.Store, classes) -> list[tuple[URIRef, str, int]]:
    """(node, label, 0 for rdfs:label / 1 for skos:altLabel) of every IRI of one of ``classes`` (IRIs).

    One query whose joins Oxigraph hashes, instead of two index look-ups per node.
    """
    text = _LABELLED % " ".join(f"<{ox.NamedNode(str(c)).value}>" for c in classes)
    return [(URIRef(row[0].value), row[1].value, int(row[2].value))
            for row in store.query(text, use_default_graph_as_union=True)]
