"""Named queries on any SPARQL 1.1 endpoint: the same ``.rq`` files, parameters bound with VALUES.

:func:`execute` runs a named query on the SPARQL 1.1 Protocol endpoint at a URL (POST,
``application/sparql-query``, answers read as SPARQL JSON results, standard library HTTP)
and gives the rows :func:`newsgraph.queries.named.execute` gives on the build that
``newsgraph push`` loaded there:

- parameters are checked and converted as on a build (:func:`~newsgraph.queries.named.bind_params`):
  actor names resolve against the labels the endpoint holds (``sparql/labelled.rq``, one
  request), IRIs given as parameters are looked up with ``sparql/iris.rq``;
- each bound parameter becomes ``VALUES ?name { term }`` just after every ``WHERE {``
  outside comment lines (the query's and its sub-SELECTs', as the embedded store binds
  them, :mod:`newsgraph.queries.sparql.native`); the term is written by :func:`sparql_term`
  from the converted RDF term, never from the user's text;
- the text is the Oxigraph-tuned twin when there is one (same rows; it aggregates only
  over bound values, where engines differ), its final ORDER BY is done here
  (:mod:`newsgraph.queries.sparql.order`) and list columns are tidied, so the rows and
  their order do not depend on the endpoint's engine.

After ``newsgraph push`` every triple is in a named graph, so the endpoint must answer over
the union of its graphs (Oxigraph: ``oxigraph serve --union-default-graph``, or
``?union-default-graph`` on the query URL).  When a query finds nothing and the endpoint's
default graph is empty while its named graphs are not, QueryError says what to do.

>>> with_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": Literal('say "hi"')})
'SELECT ?x WHERE { VALUES ?o { "say \\\\"hi\\\\"" } ?x ?p ?o }'
"""
from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.query import Result

from newsgraph.graph.rdf.vocab import NG, RDF, RDFS, SKOS, XSD
from newsgraph.queries.named import ACTOR_CLASSES, ACTOR_PARAMS, QueryError, bind_params, load_query
from newsgraph.queries.sparql.order import after_where, sort_bindings, split_order
from newsgraph.queries.sparql.results import Rows, tidy

__all__ = ["Endpoint", "execute", "is_endpoint", "select", "sparql_term", "with_values"]

RESULTS_JSON = "application/sparql-results+json"
SPARQL_DIR = Path(__file__).resolve().parent / "sparql"
UNION_HINT = ("ask the store for the union of its graphs (Oxigraph: `oxigraph serve --union-default-graph`, "
              "or ?union-default-graph on the URL; Fuseki: tdb2:unionDefaultGraph true)")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\x00-\x20]*")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LANG = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL 1.1 query endpoint: its URL (a query string such as ``?union-default-graph`` is
    kept) and the seconds one request may take."""

    url: str
    timeout: float = 60.0


def is_endpoint(source) -> bool:
    """True for an :class:`Endpoint` or an ``http(s)://`` URL (what :func:`execute` takes).

    >>> is_endpoint("http://localhost:7878/query"), is_endpoint("out/")
    (True, False)
    """
    return isinstance(source, Endpoint) or (isinstance(source, str) and
                                            re.match(r"https?://", source, flags=re.IGNORECASE) is not None)


def sparql_term(term) -> str:
    """``term`` (an rdflib IRI or literal) written as SPARQL; QueryError for anything else.

    >>> sparql_term(URIRef("https://e.org/a")), sparql_term(Literal("2023-03-20", datatype=XSD.date))
    ('<https://e.org/a>', '"2023-03-20"^^<http://www.w3.org/2001/XMLSchema#date>')
    """
    if isinstance(term, URIRef):
        if not _IRI.fullmatch(str(term)):
            raise QueryError(f"not an IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            if not _LANG.fullmatch(term.language):
                raise QueryError(f"not a language tag: {term.language!r}")
            return f"{text}@{term.language}"
        return f"{text}^^{sparql_term(term.datatype)}" if term.datatype else text
    raise QueryError(f"cannot bind {term!r} in a query sent to an endpoint")


def with_values(text: str, bindings: dict) -> str:
    """``text`` with ``VALUES ?name { term ... }`` for each of ``bindings`` (name -> term, or a list of
    terms) just after every ``WHERE {`` outside comment lines."""
    if not bindings:
        return text
    blocks = []
    for name, terms in sorted(bindings.items(), key=lambda item: str(item[0])):
        if not _NAME.fullmatch(str(name)):
            raise QueryError(f"not a SPARQL variable name: {str(name)!r}")
        terms = terms if isinstance(terms, list | tuple) else [terms]
        blocks.append(f" VALUES ?{name} {{ {' '.join(map(sparql_term, terms))} }}")
    bound = after_where(text, "".join(blocks))
    if bound is None:
        raise QueryError("a query with parameters needs a WHERE { clause")
    return bound


def _post(endpoint: Endpoint, text: str) -> dict:
    """The endpoint's JSON answer to the query ``text``; QueryError (one line) when there is none."""
    request = urllib.request.Request(endpoint.url, data=text.encode("utf-8"), method="POST", headers={
        "Content-Type": "application/sparql-query; charset=utf-8", "Accept": RESULTS_JSON})
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        raise QueryError(f"{endpoint.url}: HTTP {exc.code} {exc.reason}{': ' if detail else ''}{detail}") \
            from None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        raise QueryError(f"cannot query {endpoint.url}: {getattr(exc, 'reason', None) or exc}") from None
    try:
        return json.loads(body)
    except ValueError:
        raise QueryError(f"{endpoint.url} did not answer with SPARQL JSON results") from None


class _Terms(dict):
    """SPARQL JSON term -> rdflib term, each distinct term converted once (rows share the object)."""

    def term(self, cell: dict):
        key = (cell.get("type"), cell.get("value"), cell.get("xml:lang"), cell.get("datatype"))
        if key not in self:
            self[key] = _term(*key)
        return self[key]


def _term(kind: str, value: str, lang: str | None, datatype: str | None):
    """An rdflib term as :mod:`newsgraph.queries.sparql.native` gives it (``xsd:string`` untyped)."""
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if lang:
            return Literal(value, lang=lang)
        return Literal(value, datatype=URIRef(datatype)) if datatype and datatype != str(XSD.string) \
            else Literal(value)
    return None  # an RDF-star triple term: no column of a named query holds one


def select(endpoint: Endpoint, text: str) -> Result:
    """The answer of the endpoint to the SELECT or ASK query ``text``, as an rdflib Result."""
    answer = _post(endpoint, text)
    if isinstance(answer, dict) and "boolean" in answer:
        result = Result("ASK")
        result.askAnswer = bool(answer["boolean"])
        return result
    try:
        names = {name: Variable(name) for name in answer["head"]["vars"]}
        terms = _Terms()
        rows = [{names[key]: term for key, cell in binding.items()
                 if key in names and (term := terms.term(cell)) is not None}
                for binding in answer["results"]["bindings"]]
    except (KeyError, TypeError, AttributeError):
        raise QueryError(f"{endpoint.url} did not answer with SPARQL JSON results") from None
    return Rows(names.values(), rows)


def _sorted_select(endpoint: Endpoint, text: str) -> Result:
    """:func:`select`, its final plain ORDER BY done here as on a build (same order on any engine)."""
    body, keys = split_order(text)
    result = select(endpoint, body)
    if not keys or result.type != "SELECT":
        return result
    if not {name for name, _ in keys} <= {str(var) for var in result.vars}:
        return select(endpoint, text)  # sorts on unprojected variables: the endpoint sorts
    result.bindings = sort_bindings(result.bindings, keys, result.vars)
    return result


@cache
def _text(name: str) -> str:
    return (SPARQL_DIR / f"{name}.rq").read_text(encoding="utf-8")


def _context(endpoint: Endpoint, names: dict[str, str]) -> Graph:
    """The facts of the endpoint's graph that binding parameters ``names`` looks at: labels and
    aliases of actors when an actor is given, and for every IRI given, whether it is in the graph
    (``rdf:type rdfs:Resource``, true of any resource) and whether it is an event."""
    g = Graph()
    if names.keys() & ACTOR_PARAMS:
        rows = select(endpoint, with_values(_text("labelled"), {"class": [NG[c] for c in ACTOR_CLASSES]}))
        for row in rows.bindings:
            node, label, kind = (row.get(Variable(v)) for v in ("node", "label", "kind"))
            if isinstance(node, URIRef) and label is not None:
                g.add((node, RDF.type, NG.Actor))
                g.add((node, SKOS.altLabel if str(kind) == "1" else RDFS.label, label))
    iris = sorted({URIRef(value.strip("<>")) for key, value in names.items()
                   if (key in ACTOR_PARAMS or key == "event") and _IRI.fullmatch(value.strip("<>"))})
    if iris:
        for row in select(endpoint, with_values(_text("iris"), {"iri": iris})).bindings:
            event = row.get(Variable("event"))
            kind = NG.Event if event is not None and event.toPython() is True else RDFS.Resource
            g.add((row[Variable("iri")], RDF.type, kind))
    return g


def _check_union(endpoint: Endpoint) -> None:
    """QueryError when the endpoint's default graph is empty but its named graphs are not."""
    rows = select(endpoint, _text("graphs")).bindings
    found = {str(k): v is not None and v.toPython() is True for k, v in (rows[0] if rows else {}).items()}
    if found.get("named") and not found.get("default"):
        raise QueryError(f"{endpoint.url}: the default graph is empty and every triple is in a named graph "
                         f"(as after newsgraph push): {UNION_HINT}")


def execute(endpoint: Endpoint | str, name: str, params: dict | None = None) -> Result:
    """Run the named query ``name`` with ``params`` on the SPARQL endpoint at ``endpoint`` (a URL or an
    :class:`Endpoint`); an rdflib Result with the rows :func:`newsgraph.queries.named.execute` gives
    on the same graph.  QueryError (one line) for a bad parameter or an endpoint that fails."""
    endpoint = endpoint if isinstance(endpoint, Endpoint) else Endpoint(endpoint)
    query = load_query(name)
    given = {key: str(value).strip() for key, value in (params or {}).items()
             if value is not None and key in query.params + query.optional}
    context = _context(endpoint, given)
    try:
        bindings = bind_params(context, query, params)
    except QueryError:
        if not len(context) and given.keys() & (ACTOR_PARAMS | {"event"}):
            _check_union(endpoint)  # nothing known at all: maybe an endpoint that shows no graph
        raise
    text = with_values(query.store_text or query.text, bindings)
    result = tidy(_sorted_select(endpoint, text), query.lists)
    if not result.bindings:
        _check_union(endpoint)
    return result
