"""Named SPARQL queries: loading, listing, parameter binding and actor-name resolution.

Each ``queries/<name>.rq`` file is a plain SPARQL query that runs pasted into any
SPARQL tool.  Its header declares::

    #+ summary: one line
    #+ params: actor, other          (required parameters; may be empty)
    #+ optional: type, since         (optional parameters)
    #+ lists: others                 (GROUP_CONCAT columns, "; "-joined: sorted, de-duplicated)

Parameters are SPARQL variables bound at run time (rdflib ``initBindings``; on a
build's store, values returned by Oxigraph custom functions: :mod:`newsgraph.queries.sparql.native`),
never formatted into the query text.  An optional parameter left unbound means "no
filter": the queries test it with ``FILTER(!BOUND(?type) || ...)`` or use it in a
required triple pattern, both of which evaluate with the variable pre-bound.
Values are converted by parameter name: actor-like names resolve through labels
(:func:`resolve_actor`), ``type`` is an event type or an actor class,
``since``/``until`` are ISO dates, ``event`` is an IRI.  ``queries/store/<name>.rq``,
when present, is the same query tuned for Oxigraph (same rows; see its README.md).

>>> [q.name for q in list_queries()][:3]
['actor-network', 'actors', 'cited-by']
>>> load_query("interactions").params
('actor', 'other')
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from newsgraph.extract.lexicon.names import fold
from newsgraph.graph.rdf.vocab import EVENT_TYPES, NG, RDF, RDFS, SKOS, XSD
from newsgraph.graph.store import open_store
from newsgraph.queries.sparql.native import labelled, ox_store, paused_gc
from newsgraph.queries.sparql.native import query as ox_query
from newsgraph.queries.sparql.results import LIST_SEPARATOR, format_table, serialize, tidy

QUERY_DIR = Path(__file__).resolve().parent
ACTOR_CLASSES = ("Actor", "Person", "State", "Organization", "Outlet", "Location")
ACTOR_PARAMS = frozenset({"actor", "other", "outlet", "country", "place", "speaker", "source"})
GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.nt")
__all__ = [
    "ACTOR_CLASSES", "ACTOR_PARAMS", "GRAPH_FILES", "LIST_SEPARATOR", "NamedQuery", "QueryError",
    "bind_params", "execute", "format_table", "list_queries", "load_query", "open_graph",
    "resolve_actor", "serialize",
]  # LIST_SEPARATOR, format_table, serialize: from newsgraph.queries.sparql.results, re-exported


class QueryError(ValueError):
    """A query could not be run as asked (unknown name, bad parameter, unknown actor...)."""


@dataclass(frozen=True)
class NamedQuery:
    """One ``.rq`` file: its name, header fields and text."""

    name: str
    summary: str
    params: tuple[str, ...]
    optional: tuple[str, ...]
    lists: tuple[str, ...]
    text: str
    store_text: str = ""  # queries/store/<name>.rq: the same query tuned for Oxigraph, when there is one


def _header(text: str, key: str) -> str:
    match = re.search(rf"^#\+\s*{key}:[ \t]*(.*)$", text, flags=re.MULTILINE)
    return match.group(1).strip() if match else ""


def _names(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


@cache
def load_query(name: str) -> NamedQuery:
    """The named query ``name`` (file ``queries/<name>.rq``); QueryError when there is none."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", name or ""):
        raise QueryError(f"no named query {name!r}")
    path = QUERY_DIR / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(q.name for q in list_queries())
        raise QueryError(f"no named query {name!r} (known: {known})")
    text = path.read_text(encoding="utf-8")
    tuned = QUERY_DIR / "store" / f"{name}.rq"
    return NamedQuery(name, _header(text, "summary"), _names(_header(text, "params")),
                      _names(_header(text, "optional")), _names(_header(text, "lists")), text,
                      tuned.read_text(encoding="utf-8") if tuned.is_file() else "")


def list_queries() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return [load_query(path.stem) for path in sorted(QUERY_DIR.glob("*.rq"))]


def open_graph(path: str | Path) -> Graph:
    """The graph of a build directory or of a .ttl/.trig/.jsonld/.nt file, as an rdflib Graph.

    A build directory (or its store folder) is read from its embedded Oxigraph store (``OUT/store``,
    the system of record: an rdflib Dataset over oxrdflib whose default graph is
    the union of all named graphs), or from its ``graph.ttl`` when it has no
    store.  Named graphs of a TriG file are merged into one graph.  QueryError
    when the path holds no graph or does not parse.

    >>> open_graph("/nonexistent/OUT")
    Traceback (most recent call last):
    ...
    newsgraph.queries.named.QueryError: no graph at /nonexistent/OUT
    """
    path = Path(path)
    if path.is_dir() and ((path / "store" / "CURRENT").is_file() or (path / "CURRENT").is_file()):
        try:
            return open_store(path, read_only=True)
        except OSError as exc:
            raise QueryError(f"cannot open the store of {path}: {exc}") from exc
    if path.is_dir():
        path = next((path / f for f in GRAPH_FILES if (path / f).is_file()), path / GRAPH_FILES[0])
    if not path.is_file():
        raise QueryError(f"no graph at {path}")
    fmt = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld",
           ".nt": "nt", ".nq": "nquads", ".rdf": "xml", ".xml": "xml"}.get(path.suffix.lower(), "turtle")
    try:
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            ds.parse(path, format=fmt)
            graph = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                graph.add((s, p, o))
            return graph
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise QueryError(f"cannot read {path}: {exc}") from exc


def _labelled(g: Graph) -> list[tuple[URIRef, str, int]]:
    """(node, :func:`~newsgraph.extract.lexicon.names.fold` key of a label, 0 for rdfs:label /
    1 for skos:altLabel) of every actor or place."""
    store = ox_store(g)
    if store is not None:  # one Oxigraph query rather than two look-ups per node
        return [(node, fold(label), kind)
                for node, label, kind in labelled(store, [NG[c] for c in ACTOR_CLASSES])]
    nodes = {s for c in ACTOR_CLASSES for s in g.subjects(RDF.type, NG[c]) if isinstance(s, URIRef)}
    rows = []
    for node in nodes:
        rows += [(node, fold(str(lab)), 0) for lab in g.objects(node, RDFS.label)]
        rows += [(node, fold(str(lab)), 1) for lab in g.objects(node, SKOS.altLabel)]
    return rows


def _describe(g: Graph, nodes) -> str:
    return "; ".join(f"{g.value(n, RDFS.label) or n} <{n}>" for n in sorted(nodes))


def resolve_actor(g: Graph, name: str) -> URIRef:
    """The actor or place called ``name`` (an IRI, a label or an alias).

    Matching compares :func:`~newsgraph.extract.lexicon.names.fold` keys, which ignore case, accents,
    punctuation, periods ("U.S." is "US"), a possessive and a leading "the"; an rdfs:label match beats an
    skos:altLabel match, which beats a match on consecutive words of a name.
    QueryError (listing the candidates) when ambiguous or unknown.

    >>> g = Graph()
    >>> a = URIRef("https://example.org/a")
    >>> _ = g.add((a, RDF.type, NG.Person)).add((a, RDFS.label, Literal("Élodie Durand")))
    >>> str(resolve_actor(g, "elodie durand"))
    'https://example.org/a'
    >>> resolve_actor(g, "Nobody")
    Traceback (most recent call last):
    ...
    newsgraph.queries.named.QueryError: unknown actor 'Nobody'
    """
    text = (name or "").strip()
    if re.match(r"^<?(https?|urn):", text):
        iri = URIRef(text.strip("<>"))
        if (iri, None, None) in g or (None, None, iri) in g:
            return iri
        raise QueryError(f"unknown actor IRI <{iri}>")
    wanted = fold(text)
    rows = _labelled(g) if wanted else []
    tiers = (
        {n for n, lab, kind in rows if kind == 0 and lab == wanted},
        {n for n, lab, kind in rows if kind == 1 and lab == wanted},
        {n for n, lab, _ in rows if f" {wanted} " in f" {lab} "},
    )
    for found in tiers:
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise QueryError(f"ambiguous actor {name!r}: {_describe(g, found)}")
    raise QueryError(f"unknown actor {name!r}")


def _convert(g: Graph, key: str, value) -> Node:
    """The RDF term bound for parameter ``key``."""
    if isinstance(value, Node):
        return value
    text = str(value).strip()
    if key in ACTOR_PARAMS:
        return resolve_actor(g, text)
    if key == "type":
        known = {n.upper(): n for n in (*EVENT_TYPES, *ACTOR_CLASSES)}
        if text.upper() not in known:
            raise QueryError(f"unknown type {text!r}: use an event type ({', '.join(EVENT_TYPES)}) "
                             f"or an actor class ({', '.join(ACTOR_CLASSES)})")
        return NG[known[text.upper()]]
    if key in ("since", "until", "date"):
        try:
            return Literal(dt.date.fromisoformat(text).isoformat(), datatype=XSD.date)
        except ValueError:
            raise QueryError(f"parameter {key}: expected a date YYYY-MM-DD, got {text!r}") from None
    if key == "event":
        iri = URIRef(text.strip("<>"))
        if (iri, RDF.type, NG.Event) not in g:
            raise QueryError(f"unknown event <{iri}>")
        return iri
    if key == "sector":
        return Literal(text.upper())
    return Literal(text)


def bind_params(g: Graph, query: NamedQuery, params: dict | None) -> dict[str, Node]:
    """initBindings for ``query``: checks names, required parameters, and converts values."""
    params = {k: v for k, v in (params or {}).items() if v is not None}
    allowed = query.params + query.optional
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise QueryError(f"{query.name}: unknown parameter(s) {', '.join(unknown)} "
                         f"(accepted: {', '.join(allowed) or 'none'})")
    missing = [p for p in query.params if p not in params]
    if missing:
        raise QueryError(f"{query.name}: missing parameter(s) {', '.join(missing)}")
    return {key: _convert(g, key, value) for key, value in sorted(params.items())}


def execute(g: Graph, name: str, params: dict | None = None) -> Result:
    """Run the named query ``name`` on ``g`` with ``params`` bound; an rdflib Result.

    On a build's Oxigraph store the query runs in Oxigraph (:mod:`newsgraph.queries.sparql.native`;
    the text of ``queries/named/store/<name>.rq`` when there is one), on any other graph
    in rdflib (parameters as ``initBindings``).  Columns declared in ``#+ lists:``
    come back sorted and de-duplicated so the output does not depend on the
    engine or the store's iteration order (:func:`newsgraph.queries.sparql.results.tidy`).
    """
    query = load_query(name)
    bindings = bind_params(g, query, params)
    store = ox_store(g)
    if store is None:
        return tidy(g.query(query.text, initBindings=bindings, use_store_provided=not bindings), query.lists)
    with paused_gc():
        return tidy(ox_query(store, query.store_text or query.text, bindings), query.lists)
