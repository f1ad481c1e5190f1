"""A read-only SPARQL 1.1 Protocol endpoint on the standard library's ThreadingHTTPServer.

``GET /sparql?query=...`` and ``POST /sparql`` (form-encoded or
``application/sparql-query``); ``/`` serves the query page (:mod:`newsgraph.queries.page`:
the named queries with their parameters, a query box, results as a table).  Results are
content-negotiated (SPARQL JSON/XML, CSV, TSV; Turtle, JSON-LD or N-Triples for
CONSTRUCT/DESCRIBE).  Updates, LOAD/CLEAR/DROP, SERVICE and FROM clauses are refused
before anything runs; each query runs in a forked worker process that is killed at the
timeout; results are capped at ``max_rows`` (header ``X-Result-Truncated: true``); bodies
over ``max_body`` bytes get 413.

>>> fmt, mime = negotiate("text/csv;q=0.5, application/sparql-results+json", graph_result=False)
>>> fmt, mime
('json', 'application/sparql-results+json')
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from pyparsing import ParseException
from rdflib import Graph
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from newsgraph.queries.named import serialize
from newsgraph.queries.page import render as render_page
from newsgraph.queries.sparql.native import run

RESULT_TYPES = (("application/sparql-results+json", "json"), ("application/json", "json"),
                ("application/sparql-results+xml", "xml"), ("application/xml", "xml"), ("text/xml", "xml"),
                ("text/csv", "csv"), ("text/tab-separated-values", "tsv"))
GRAPH_TYPES = (("text/turtle", "turtle"), ("application/x-turtle", "turtle"),
               ("application/ld+json", "json-ld"), ("application/json", "json-ld"),
               ("application/n-triples", "nt"), ("text/plain", "nt"), ("application/rdf+xml", "xml"))
MIME = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
        "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_MIME = {"turtle": "text/turtle", "json-ld": "application/ld+json", "nt": "application/n-triples",
              "xml": "application/rdf+xml"}


class Refused(Exception):
    """A request the endpoint will not run: ``status`` is the HTTP code to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def negotiate(accept: str | None, graph_result: bool) -> tuple[str, str]:
    """(serializer format, media type) for an Accept header; the first supported type wins ties."""
    table = GRAPH_TYPES if graph_result else RESULT_TYPES
    offers = []
    for position, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = next((float(f[2:]) for f in fields[1:] if f.startswith("q=") and _is_float(f[2:])), 1.0)
        offers.append((-q, position, fields[0].lower()))
    primary = GRAPH_MIME if graph_result else MIME
    for _, _, mime in sorted(offers):
        for candidate, fmt in table:
            if mime == candidate:
                return fmt, primary[fmt]
        for fmt, candidate in primary.items():
            if mime == "*/*" or (mime.endswith("/*") and candidate.startswith(mime[:-1])):
                return fmt, candidate
    fmt = table[0][1]
    return fmt, primary[fmt]


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _walk(node):
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _walk(value)


_PARSER_LOCK = threading.Lock()


def _parse(text: str):
    try:
        parsed = parseQuery(text)
    except ParseException as exc:
        try:
            update = parseUpdate(text)
        except ParseException:
            raise Refused(400, f"malformed query: {exc}") from None
        names = ", ".join(sorted({op.name for op in update.request})) or "update"
        raise Refused(403, f"read-only endpoint: SPARQL Update ({names}) is refused") from None
    try:
        return translateQuery(parsed)
    except Exception as exc:  # rdflib raises plain Exceptions for semantic errors
        raise Refused(400, f"malformed query: {exc}") from None


def check_query(text: str):
    """The translated query when ``text`` is an acceptable read-only query; Refused otherwise.

    >>> check_query("DROP ALL")
    Traceback (most recent call last):
    ...
    newsgraph.queries.endpoint.Refused: read-only endpoint: SPARQL Update (Drop) is refused
    """
    if not text or not text.strip():
        raise Refused(400, "missing query")
    with _PARSER_LOCK:  # rdflib's pyparsing grammar is not thread-safe
        query = _parse(text)
    for node in _walk(query.algebra):
        if node.name == "ServiceGraphPattern":
            raise Refused(403, "read-only endpoint: SERVICE (federated query) is refused")
    if query.algebra.get("datasetClause"):
        raise Refused(400, "FROM / FROM NAMED are not supported: the endpoint queries its own graph")
    return query


def _child(conn, g: Graph, query, accept: str | None, max_rows: int, text: str) -> None:
    """Worker body: run, serialize, send (status, media type, body, truncated), exit without cleanup."""
    try:
        result = run(g, text, query)
        graph_result = result.type in ("CONSTRUCT", "DESCRIBE")
        fmt, mime = negotiate(accept, graph_result)
        body, truncated = serialize(result, fmt, max_rows)
        conn.send((200, mime, body, truncated))
    except Exception as exc:  # report any evaluation error to the parent
        conn.send((400, "text/plain", f"query failed: {exc}".encode(), False))
    finally:
        conn.close()
        os._exit(0)


def run_limited(g: Graph, query, accept: str | None, timeout: float, max_rows: int, text: str):
    """(status, media type, body, truncated) of ``query`` run in a forked process, killed at ``timeout``.

    ``text`` is the checked query's text: on a build's store it runs in Oxigraph
    (:func:`newsgraph.queries.sparql.native.run`); ``query`` (rdflib's translation) runs otherwise.
    """
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, g, query, accept, max_rows, text), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(timeout):
            try:
                return parent.recv()
            except EOFError:
                return 500, "text/plain", b"query worker died", False
        return 503, "text/plain", f"query timed out after {timeout:g} s".encode(), False
    finally:
        parent.close()
        proc.join(0.2)
        if proc.is_alive():
            proc.kill()
            proc.join()


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol request handler; configuration lives on ``self.server``."""

    server_version = "newsgraph-sparql/0.1"
    protocol_version = "HTTP/1.0"

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def do_GET(self):
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        if url.path in ("/", "/sparql") and "query" in params:
            return self._answer_query(params["query"][0], params)
        if url.path == "/":
            page = render_page(self.server.graph, params)
            return self._send(200, "text/html; charset=utf-8", page.encode())
        return self._send(404, "text/plain", b"not found: use /sparql?query=...")

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql"):
            return self._send(404, "text/plain", b"not found: POST to /sparql")
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return self._send(411, "text/plain", b"Content-Length required")
        if int(length) > self.server.max_body:
            self.close_connection = True
            return self._send(413, "text/plain", f"request body over {self.server.max_body} bytes".encode())
        body = self.rfile.read(int(length)).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return self._send(403, "text/plain", b"read-only endpoint: SPARQL Update is refused")
        if ctype == "application/sparql-query":
            return self._answer_query(body, parse_qs(url.query))
        params = parse_qs(body)
        if "update" in params:
            return self._send(403, "text/plain", b"read-only endpoint: SPARQL Update is refused")
        return self._answer_query((params.get("query") or [""])[0], params)

    def _answer_query(self, text: str, params: dict):
        try:
            if params.get("default-graph-uri") or params.get("named-graph-uri"):
                raise Refused(400, "default-graph-uri / named-graph-uri are not supported")
            query = check_query(text)
        except Refused as exc:
            return self._send(exc.status, "text/plain", str(exc).encode())
        srv = self.server
        status, mime, body, truncated = run_limited(srv.graph, query, self.headers.get("Accept"),
                                                    srv.timeout_s, srv.max_rows, text)
        extra = {"X-Result-Truncated": "true", "X-Max-Rows": str(srv.max_rows)} if truncated else {}
        return self._send(status, mime, body, extra)

    def _send(self, status: int, mime: str, body: bytes, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", mime if "charset" in mime or "json" in mime else
                         f"{mime}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer that does not print a traceback when a client hangs up early."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass(frozen=True)
class ServeOptions:
    """Where the endpoint listens and what it allows: seconds per query, rows per result, request body
    bytes; ``verbose`` logs every request to stderr.  ``port=0`` picks a free port."""

    host: str = "127.0.0.1"
    port: int = 0
    timeout: float = 10.0
    max_rows: int = 10000
    max_body: int = 1_000_000
    verbose: bool = False


def serve(g: Graph, options: ServeOptions | None = None, **changes) -> ThreadingHTTPServer:
    """Start the endpoint for ``g`` in a background thread; the running server is returned.

    ``options`` (default: :class:`ServeOptions`) with ``changes`` (names of its fields:
    ``serve(g, port=8000, max_rows=100)``).  ``server.url`` is the endpoint URL
    (``http://host:port/sparql``); stop it with ``server.shutdown(); server.server_close()``.
    """
    options = dataclasses.replace(options or ServeOptions(), **changes)
    server = _Server((options.host, options.port), Handler)
    server.daemon_threads = True
    server.graph, server.timeout_s, server.max_rows = g, float(options.timeout), int(options.max_rows)
    server.max_body, server.verbose = int(options.max_body), options.verbose
    bound_host, bound_port = server.server_address[:2]
    server.url = f"http://{bound_host}:{bound_port}/sparql"
    server.thread = threading.Thread(target=server.serve_forever, name="sparql-endpoint", daemon=True)
    server.thread.start()
    return server
