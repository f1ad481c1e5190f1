"""A read-only SPARQL 1.1 Protocol endpoint on the standard library's HTTP server.

``GET /sparql?query=...`` and ``POST /sparql`` (form-encoded or
``application/sparql-query``); ``/`` serves the query page (:mod:`newsgraph.queries.page`:
the named queries with their parameters, a query box, results as a table).  Results are
content-negotiated (SPARQL JSON/XML, CSV, TSV; Turtle, JSON-LD or N-Triples for
CONSTRUCT/DESCRIBE).  Each query is checked, parsed and run
in one of a pool of long-lived worker processes forked from this one, and its
worker is killed at the timeout and replaced (:mod:`newsgraph.queries.sparql.lanes`:
small queries never wait behind long ones, long ones run one per core in arrival
order; a query that cannot run before its timeout is refused at once with 503
and ``Retry-After``): updates,
SERVICE and FROM clauses and queries over the size limits are refused on the text's tokens before any parse
(:mod:`newsgraph.queries.sparql.guard`); results are capped at ``max_rows``
(header ``X-Result-Truncated: true``); bodies over ``max_body`` bytes get 413, a
malformed Content-Length 400.  At most ``workers`` requests are handled at once,
``backlog`` more wait in the kernel (:mod:`newsgraph.queries.sparql.pool`).  A good answer is kept
for the next identical query, and identical queries arriving while one runs wait for its answer
(:mod:`newsgraph.queries.sparql.cache`; header ``X-Cache: miss|hit|shared``).

>>> fmt, mime = negotiate("text/csv;q=0.5, application/sparql-results+json", graph_result=False)
>>> fmt, mime
('json', 'application/sparql-results+json')
"""
from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rdflib import Graph

from newsgraph.graph.build.run import MANIFEST
from newsgraph.queries.page import render as render_page
from newsgraph.queries.sparql.adhoc import check_query
from newsgraph.queries.sparql.cache import CACHE_BYTES, CACHE_ENTRIES, AnswerCache, CacheSize
from newsgraph.queries.sparql.damage import StoreDamaged, guarded
from newsgraph.queries.sparql.guard import QueryLimits, Refused
from newsgraph.queries.sparql.lanes import LONG_RUNNING, READY, RUNNING, QueryPool, timed_out
from newsgraph.queries.sparql.media import negotiate
from newsgraph.queries.sparql.pool import BACKLOG, WORKERS, PoolServer
from newsgraph.queries.sparql.worker import WorkerSettings, prepare

__all__ = ["Handler", "QueryLimits", "Refused", "ServeOptions", "check_query", "negotiate", "serve"]


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
            try:
                with guarded():
                    page = render_page(self.server.graph, params)
            except StoreDamaged as exc:
                return self._send(500, "text/plain", str(exc).encode())
            return self._send(200, "text/html; charset=utf-8", page.encode())
        return self._send(404, "text/plain", b"not found: use /sparql?query=...")

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql"):
            return self._send(404, "text/plain", b"not found: POST to /sparql")
        body = self._body()
        if body is None:
            return None
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return self._send(403, "text/plain", b"read-only endpoint: SPARQL Update is refused")
        if ctype == "application/sparql-query":
            return self._answer_query(body, parse_qs(url.query))
        params = parse_qs(body)
        if "update" in params:
            return self._send(403, "text/plain", b"read-only endpoint: SPARQL Update is refused")
        return self._answer_query((params.get("query") or [""])[0], params)

    def _body(self) -> str | None:
        """The request body as text; None when an error was answered (no length, bad length, too big)."""
        length = self.headers.get("Content-Length")
        if length is None:
            self._send(411, "text/plain", b"Content-Length required")
            return None
        if not (length.strip().isascii() and length.strip().isdigit()):
            self.close_connection = True
            self._send(400, "text/plain", b"malformed Content-Length: ASCII digits expected")
            return None
        if int(length) > self.server.max_body:
            self.close_connection = True
            self._send(413, "text/plain", f"request body over {self.server.max_body} bytes".encode())
            return None
        data = self.rfile.read(int(length))
        if len(data) < int(length):
            self.close_connection = True
            self._send(400, "text/plain", b"request body shorter than its Content-Length")
            return None
        return data.decode("utf-8", "replace")

    def _answer_query(self, text: str, params: dict):
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return self._send(400, "text/plain", b"default-graph-uri / named-graph-uri are not supported")
        srv = self.server
        settings = dataclasses.replace(srv.settings, accept=self.headers.get("Accept"))
        served = srv.cache.serve(text, settings)
        answer, extra = served.answer, {}
        if answer.truncated:
            extra = {"X-Result-Truncated": "true", "X-Max-Rows": str(settings.max_rows)}
        if answer.retry_after is not None:
            extra["Retry-After"] = str(answer.retry_after)
        if served.how is not None:
            extra["X-Cache"] = served.how
        return self._send(answer.status, answer.mime, answer.body, extra)

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


@dataclass(frozen=True)
class ServeOptions:
    """Where the endpoint listens and what it allows: seconds per query, rows per result, request body
    bytes, the size of a query (:class:`QueryLimits`), requests handled at once (``workers``),
    connections queued by the kernel (``backlog``), queries started at once (``running``), long
    queries run at once (``long``) and query processes kept ready (``ready``,
    :mod:`newsgraph.queries.sparql.lanes`); answers kept (``cache_entries``, 0 for none) within
    ``cache_bytes`` bytes of bodies (:mod:`newsgraph.queries.sparql.cache`), dropped when the build
    directory or file the graph was opened from (``source``) changes; ``verbose`` logs every request to
    stderr.  ``port=0`` picks a free port."""

    host: str = "127.0.0.1"
    port: int = 0
    timeout: float = 10.0
    max_rows: int = 10000
    max_body: int = 1_000_000
    limits: QueryLimits = field(default_factory=QueryLimits)
    workers: int = WORKERS
    backlog: int = BACKLOG
    running: int = RUNNING
    long: int = LONG_RUNNING
    ready: int = READY
    cache_entries: int = CACHE_ENTRIES
    cache_bytes: int = CACHE_BYTES
    source: str | Path | None = None
    verbose: bool = False


def serve(g: Graph, options: ServeOptions | None = None, **changes) -> PoolServer:
    """Start the endpoint for ``g`` in a background thread; the running server is returned.

    ``options`` (default: :class:`ServeOptions`) with ``changes`` (names of its fields:
    ``serve(g, port=8000, max_rows=100)``).  ``server.url`` is the endpoint URL
    (``http://host:port/sparql``); stop it with ``server.shutdown(); server.server_close()``.
    """
    options = dataclasses.replace(options or ServeOptions(), **changes)
    prepare()
    queries = QueryPool(g, options.ready, options.running, options.long)
    try:
        server = PoolServer((options.host, options.port), Handler, options.workers, options.backlog)
    except OSError:
        queries.close()
        raise
    server.queries = queries
    size = CacheSize(int(options.cache_entries), int(options.cache_bytes))
    server.cache = AnswerCache(size, queries.run, timed_out, version_file(options.source))
    server.graph, server.max_body, server.verbose = g, int(options.max_body), options.verbose
    server.settings = WorkerSettings(float(options.timeout), int(options.max_rows), options.limits)
    server.timeout_s, server.max_rows = server.settings.timeout, server.settings.max_rows
    bound_host, bound_port = server.server_address[:2]
    server.url = f"http://{bound_host}:{bound_port}/sparql"
    server.thread = threading.Thread(target=server.serve_forever, name="sparql-endpoint", daemon=True)
    server.thread.start()
    return server


def version_file(source: str | Path | None) -> Path | None:
    """The file that changes whenever the graph of ``source`` does: a build directory's manifest (a build
    writes it last, atomically; also for the store folder itself), else the graph file.

    >>> version_file("/nonexistent/graph.ttl"), version_file(None)
    (PosixPath('/nonexistent/graph.ttl'), None)
    """
    if source is None:
        return None
    path = Path(source)
    if path.is_dir():
        return (path.parent if (path / "CURRENT").is_file() else path) / MANIFEST
    return path
