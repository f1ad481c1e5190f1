"""One ad-hoc query in a forked process: checked, parsed and run there, killed at the timeout.

Nothing of a query is parsed in the serving process, so no parse holds a lock
or the interpreter of the server: a 1 MB query costs its own process's time,
bounded by the timeout.  Small queries never wait for heavy ones: a query
still running after :data:`HEAVY_AFTER` seconds is heavy, and goes on only
while it holds one of a few heavy slots (a semaphore the server sizes to its
CPUs); without a free slot it is paused (SIGSTOP) until one frees, and the
timeout counts on.  Heavy queries also run at a lower CPU priority
(``nice`` :data:`HEAVY_NICENESS`).  So at most that many heavy queries compete
with the small ones for the CPU, however many clients send heavy queries.

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
import signal
import threading
import time
from dataclasses import dataclass, field

from rdflib import Graph
from rdflib.plugins.sparql.parser import parseQuery

from newsgraph.queries.named import serialize
from newsgraph.queries.sparql.adhoc import QueryFailed, run_checked
from newsgraph.queries.sparql.guard import QueryLimits, Refused
from newsgraph.queries.sparql.media import negotiate

HEAVY_AFTER = 0.3
HEAVY_NICENESS = 5


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


def run_limited(g: Graph, text: str, settings: WorkerSettings,
                heavy: threading.Semaphore | None = None) -> Answer:
    """The :class:`Answer` to the query ``text`` on ``g``, computed in a forked process.

    503 when it is still running at ``settings.timeout`` (the process is killed).  ``heavy``:
    the slots of heavy queries (see the module doc); None runs every query on without a slot.
    """
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, g, text, settings), daemon=True)
    proc.start()
    child.close()
    try:
        answer = _wait(parent, proc.pid, settings.timeout, heavy)
    finally:
        parent.close()
    if answer.status in (500, 503):  # timed out or died: make sure it is gone
        proc.kill()
        proc.join()
    return answer  # an answering worker exits by itself; the next start() reaps it


def _wait(parent, pid: int, timeout: float, heavy: threading.Semaphore | None) -> Answer:
    deadline = time.monotonic() + timeout
    if parent.poll(min(HEAVY_AFTER, timeout)) or time.monotonic() >= deadline:
        return _receive(parent, timeout)
    if heavy is None:
        _signal(pid, None)
        parent.poll(max(deadline - time.monotonic(), 0))
        return _receive(parent, timeout)
    _signal(pid, signal.SIGSTOP)  # paused until it holds a heavy slot
    if not heavy.acquire(timeout=max(deadline - time.monotonic(), 0)):
        return _receive(parent, timeout)
    try:
        _signal(pid, signal.SIGCONT)
        parent.poll(max(deadline - time.monotonic(), 0))
        return _receive(parent, timeout)
    finally:
        heavy.release()


def _receive(parent, timeout: float) -> Answer:
    if not parent.poll():
        return Answer(503, "text/plain", f"query timed out after {timeout:g} s".encode())
    try:
        return parent.recv()
    except EOFError:
        return Answer(500, "text/plain", b"query worker died")


def _signal(pid: int, signum: int | None) -> None:
    """Send ``signum`` (None: none) and lower the priority of the heavy query ``pid``."""
    with contextlib.suppress(OSError):  # already gone, or not allowed: scheduling stays as it was
        if signum is not None:
            os.kill(pid, signum)
        os.setpriority(os.PRIO_PROCESS, pid, HEAVY_NICENESS)
