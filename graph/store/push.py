"""Push the graph of a build directory to any SPARQL 1.1 store, idempotently, in batches.

Two protocols (stdlib HTTP only):

* SPARQL 1.1 Graph Store HTTP Protocol (``endpoint``): per named graph, the
  first batch is ``PUT endpoint?graph=IRI`` (replaces the graph), further
  batches are ``POST`` (append), as N-Triples;
* SPARQL 1.1 Update (``update_endpoint``): per named graph, ``DROP SILENT GRAPH``
  then ``INSERT DATA`` batches.

Pushing twice gives the same remote graphs.  With ``graph`` every triple goes
into that one named graph (the union of the build); otherwise the build's own
named graphs (one per article, resolved, documents) are pushed as they are.
The source is ``OUT/store`` (see :mod:`newsgraph.graph.store`).

>>> list(_chunks(iter("abcde"), 2))
[['a', 'b'], ['c', 'd'], ['e']]
>>> _update_text("http://g", ["<a> <b> <c> ."], first=True)
'DROP SILENT GRAPH <http://g> ;\\nINSERT DATA { GRAPH <http://g> {\\n<a> <b> <c> .\\n} }'
"""
from __future__ import annotations

import base64
import dataclasses
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from newsgraph.graph.build.options import check_iri
from newsgraph.graph.store import StoreError, open_ox

__all__ = ["PushError", "PushOptions", "PushResult", "push"]


class PushError(RuntimeError):
    """The store refused a request or could not be reached (one line, with the HTTP status)."""


@dataclass(frozen=True)
class PushOptions:
    """Where and how to push.

    ``endpoint``: a SPARQL 1.1 Graph Store Protocol URL; ``update_endpoint``: a SPARQL 1.1 Update
    URL (it wins when both are given).  ``graph``: put every triple into this one named graph
    (None: the build's own named graphs).  ``batch``: triples per request; ``auth``:
    ``"user:password"`` for HTTP basic authentication; ``timeout``: seconds per request.
    """

    endpoint: str | None = None
    update_endpoint: str | None = None
    graph: str | None = None
    batch: int = 10_000
    auth: str | None = None
    timeout: float = 120.0


@dataclass(frozen=True)
class PushResult:
    """What was pushed: named graphs, triples and HTTP requests."""

    graphs: int = 0
    triples: int = 0
    requests: int = 0


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(items, max(1, size))):
        yield chunk


def _update_text(graph: str, lines: list[str], *, first: bool) -> str:
    """The SPARQL Update of one batch.  SPARQL Update has no bindings for ``INSERT DATA``: the graph
    goes in as a term written by Oxigraph (:func:`_iri`, which refuses anything but an absolute IRI),
    as the triples do, never as the text it was given."""
    triples, name = "\n".join(lines), _iri(graph)
    body = f"INSERT DATA {{ GRAPH {name} {{\n{triples}\n}} }}"
    return f"DROP SILENT GRAPH {name} ;\n{body}" if first else body


def _iri(text: str) -> str:
    """``<text>`` as Oxigraph writes an IRI term; ``ValueError`` when ``text`` is not an absolute IRI.

    >>> _iri("http://e/g")
    '<http://e/g>'
    >>> _iri("http://e/g> } } ; DROP ALL ; #")
    Traceback (most recent call last):
    ...
    ValueError: --graph: not an absolute IRI: 'http://e/g> } } ; DROP ALL ; #' (Invalid IRI code point '>')
    """
    return str(ox.NamedNode(check_iri(text, "--graph")))


@dataclass(frozen=True)
class _Request:
    """One HTTP request of a push."""

    url: str
    method: str
    data: bytes
    content_type: str


def _request(options: PushOptions, graph: str, lines: list[str], *, first: bool) -> _Request:
    """The request that sends ``lines`` of ``graph`` (the first batch of a graph replaces it).

    >>> _request(PushOptions(endpoint="http://s/data?x=1"), "http://g", ["<a> <b> <c> ."], first=True)
    _Request(url='http://s/data?x=1&graph=http%3A%2F%2Fg', method='PUT', data=b'<a> <b> <c> .\\n', \
content_type='application/n-triples')
    """
    if options.update_endpoint:
        data = _update_text(graph, lines, first=first).encode("utf-8")
        return _Request(options.update_endpoint, "POST", data, "application/sparql-update")
    sep = "&" if "?" in options.endpoint else "?"
    url = f"{options.endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"
    data = ("\n".join(lines) + "\n").encode("utf-8")
    return _Request(url, "PUT" if first else "POST", data, "application/n-triples")


def _send(request: _Request, options: PushOptions) -> None:
    url, method = request.url, request.method
    req = urllib.request.Request(url, data=request.data, method=method,
                                 headers={"Content-Type": request.content_type})
    if options.auth:
        req.add_header("Authorization", "Basic " + base64.b64encode(options.auth.encode()).decode())
    try:
        with urllib.request.urlopen(req, timeout=options.timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:200].decode("utf-8", "replace").strip().replace("\n", " ")
        raise PushError(f"{method} {url}: HTTP {exc.code} {exc.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise PushError(f"{method} {url}: {getattr(exc, 'reason', exc)}") from None


def _graphs(out_dir: str | Path, target: str | None) -> Iterator[tuple[str, Iterable[str]]]:
    """(graph IRI, N-Triples lines) of the store, by named graph or all into ``target``."""
    store = open_ox(out_dir, read_only=True)
    if target:
        yield target, (f"{q.subject} {q.predicate} {q.object} ." for q in store.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return
    for g in sorted(store.named_graphs(), key=lambda n: n.value):
        yield g.value, (f"{q.subject} {q.predicate} {q.object} ." for q in store.quads_for_pattern(
            None, None, None, g))


def push(out_dir: str | Path, endpoint: str | None = None, options: PushOptions | None = None,
         **changes) -> PushResult:
    """Load the graph of ``out_dir`` into the store at ``endpoint`` (GSP) or ``options.update_endpoint``.

    ``options`` (default: :class:`PushOptions`) with ``changes`` (names of its fields:
    ``push(out, url, batch=500, auth="user:password")``) say where and how.  Raises
    :class:`PushError` on any HTTP or network failure, ``OSError`` when ``out_dir`` holds no
    store, ``ValueError`` when no endpoint is given or ``graph`` is not an absolute IRI.
    """
    options = dataclasses.replace(options or PushOptions(), **changes)
    if endpoint is not None:
        options = dataclasses.replace(options, endpoint=endpoint)
    if not (options.endpoint or options.update_endpoint):
        raise ValueError("give an endpoint (Graph Store Protocol) or an update endpoint (SPARQL Update)")
    if options.graph is not None:
        check_iri(options.graph, "--graph")
    graphs = triples = requests = 0
    try:
        for iri, lines in _graphs(out_dir, options.graph):
            graphs += 1
            for n, chunk in enumerate(_chunks(iter(lines), options.batch)):
                _send(_request(options, iri, chunk, first=n == 0), options)
                triples += len(chunk)
                requests += 1
    except PushError:
        raise
    except RuntimeError as exc:   # Oxigraph reading a damaged store
        raise StoreError(f"the store of {out_dir} cannot be read ({str(exc).splitlines()[0][:160]}); "
                         "run `newsgraph build` again to rebuild it") from None
    return PushResult(graphs=graphs, triples=triples, requests=requests)
