"""One ad-hoc query in a forked process: checked, parsed and run there, killed at the timeout.

Nothing of a query is parsed in the serving process, so no parse holds a lock
or the interpreter of the server: a 1 MB query costs its own process's time,
bounded by the timeout.  A query still running after 0.3 s gets a lower CPU
priority (``nice 5``, after 1 s ``nice 10``, see :data:`DEMOTIONS`): heavy queries
take a smaller share of the CPU, and small queries keep answering fast while
heavy ones run (a multi-level feedback queue, scheduled by the kernel).

>>> from rdflib import Graph
>>> run_limited(Graph(), "ASK { }", WorkerSettings(timeout=5)).status
200
>>> run_limited(Graph(), "ASK { SERVICE <http://127.0.0.1:9/> { } }", WorkerSettings(timeout=5)).status
403
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
from dataclasses import dataclass, field

from rdflib import Graph
from rdflib.plugins.sparql.parser import parseQuery

from newsgraph.queries.named import serialize
from newsgraph.queries.sparql.adhoc import QueryFailed, run_checked
from newsgraph.queries.sparql.guard import QueryLimits, Refused
from newsgraph.queries.sparql.media import negotiate

#: (seconds running, niceness from then on): the longer a query runs, the less CPU it may take from others
DEMOTIONS = ((0.3, 5), (1.0, 10))


@dataclass(frozen=True)
class WorkerSettings:
    """Seconds per query, rows per result, the query limits, the client's Accept header."""

    timeout: float = 10.0
    max_rows: int = 10000
    limits: QueryLimits = field(default_factory=QueryLimits)
    accept: str | None = None


@dataclass(frozen=True)
class Answer:
    """What the endpoint sends back: status, media type, body, whether rows were cut at ``max_rows``."""

    status: int
    mime: str
    body: bytes
    truncated: bool = False


def prepare() -> None:
    """Build rdflib's query grammar once, in the serving process, before any thread runs.

    pyparsing finishes a grammar on its first parse (0.1 s); forked workers inherit it finished.
    """
    parseQuery("ASK { }")


def _answer(g: Graph, text: str, settings: WorkerSettings) -> Answer:
    try:
        result = run_checked(g, text, settings.limits)
    except Refused as exc:
        return Answer(exc.status, "text/plain", str(exc).encode())
    except QueryFailed as exc:
        return Answer(400, "text/plain", str(exc).encode())
    fmt, mime = negotiate(settings.accept, result.type in ("CONSTRUCT", "DESCRIBE"))
    body, truncated = serialize(result, fmt, settings.max_rows)
    return Answer(200, mime, body, truncated)


def _child(conn, g: Graph, text: str, settings: WorkerSettings) -> None:
    """Worker body: answer, send, exit without cleanup (the parent's threads and files are not ours)."""
    try:
        conn.send(_answer(g, text, settings))
    except BaseException as exc:  # noqa: BLE001 - any failure becomes an answer, never a dead pipe
        conn.send(Answer(500, "text/plain", f"query worker failed: {type(exc).__name__}".encode()))
    finally:
        conn.close()
        os._exit(0)


def run_limited(g: Graph, text: str, settings: WorkerSettings) -> Answer:
    """The :class:`Answer` to the query ``text`` on ``g``, computed in a forked process.

    503 when it is still running at ``settings.timeout`` (the process is killed).
    """
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, g, text, settings), daemon=True)
    proc.start()
    child.close()
    try:
        return _wait(parent, proc.pid, settings.timeout)
    finally:
        parent.close()
        proc.join(0.2)
        if proc.is_alive():
            proc.kill()
            proc.join()


def _wait(parent, pid: int, timeout: float) -> Answer:
    waited = 0.0
    for after, niceness in DEMOTIONS:
        if after >= timeout or parent.poll(after - waited):
            break
        waited = after
        _demote(pid, niceness)
    if not parent.poll(max(timeout - waited, 0)):
        return Answer(503, "text/plain", f"query timed out after {timeout:g} s".encode())
    try:
        return parent.recv()
    except EOFError:
        return Answer(500, "text/plain", b"query worker died")


def _demote(pid: int, niceness: int) -> None:
    with contextlib.suppress(OSError):  # already gone, or not allowed: scheduling stays as it was
        os.setpriority(os.PRIO_PROCESS, pid, niceness)
