"""Long-lived query worker processes, forked from the process that holds the graph.

A :class:`Spawner` is forked once from the serving process, before the
server's threads start; it holds the graph and forks each worker on request,
so every worker is forked from a process with a single thread and shares the
graph copy-on-write (``gc.freeze`` keeps the collector from touching, and so
copying, the inherited objects).  The worker's end of a socket pair comes back
to the server over a Unix socket (``SCM_RIGHTS``).  A worker reads a query
from its socket, answers it (the guard first, then the parse and the run, see
:func:`answer`) and waits for the next, until its socket closes.  The server
kills a worker that runs past the timeout (:meth:`Worker.kill`) and asks for
another.  A worker's memory is capped
(:func:`~newsgraph.queries.sparql.damage.cap_memory`, :data:`WORKER_MEMORY` of
the machine's): a damaged store that makes Oxigraph allocate without end fails
one query (500), not the machine.  Workers ignore Ctrl-C and die with the
spawner (``PR_SET_PDEATHSIG``, paused or not), which stops when the server closes it or its socket; the
spawner reaps them (``SIGCHLD`` ignored: no zombies).

>>> from rdflib import Graph
>>> spawner = Spawner(Graph())
>>> worker = spawner.spawn()
>>> worker.send("ASK { }", WorkerSettings(timeout=5))
>>> worker.wait(5) and worker.receive().status
200
>>> worker.send("ASK { SERVICE <http://127.0.0.1:9/> { } }", WorkerSettings(timeout=5))
>>> worker.wait(5) and worker.receive().status
403
>>> worker.kill(); spawner.close()
"""
from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import signal
import socket
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from rdflib import Graph
from rdflib.plugins.sparql.parser import parseQuery

from newsgraph.queries.named import serialize
from newsgraph.queries.sparql.adhoc import QueryFailed, run_checked
from newsgraph.queries.sparql.damage import StoreDamaged, cap_memory
from newsgraph.queries.sparql.guard import QueryLimits, Refused
from newsgraph.queries.sparql.media import negotiate

HEAVY_NICENESS = 5
WORKER_MEMORY = 0.1
PR_SET_PDEATHSIG = 1
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class WorkerSettings:
    """Seconds per query, rows per result, the query limits, the client's Accept header."""

    timeout: float = 10.0
    max_rows: int = 10000
    limits: QueryLimits = field(default_factory=QueryLimits)
    accept: str | None = None


@dataclass(frozen=True)
class Answer:
    """What the endpoint sends back: status, media type, body, whether rows were cut at ``max_rows``,
    and for a refusal under load the seconds after which to retry (``Retry-After``)."""

    status: int
    mime: str
    body: bytes
    truncated: bool = False
    retry_after: int | None = None


class WorkerUnavailable(Exception):
    """No worker process could be started (the spawner is gone or fork failed)."""


def prepare() -> None:
    """Build rdflib's query grammar once, in the serving process, before any thread runs.

    pyparsing finishes a grammar on its first parse (0.1 s); forked workers inherit it finished.
    """
    parseQuery("ASK { }")


def answer(g: Graph, text: str, settings: WorkerSettings) -> Answer:
    """The :class:`Answer` to the ad-hoc query ``text`` on ``g`` (checked by the guard before any parse)."""
    try:
        result = run_checked(g, text, settings.limits)
    except Refused as exc:
        return Answer(exc.status, "text/plain", str(exc).encode())
    except QueryFailed as exc:
        return Answer(400, "text/plain", str(exc).encode())
    except StoreDamaged as exc:
        return Answer(500, "text/plain", str(exc).encode())
    fmt, mime = negotiate(settings.accept, result.type in ("CONSTRUCT", "DESCRIBE"))
    body, truncated = serialize(result, fmt, settings.max_rows)
    return Answer(200, mime, body, truncated)


def _serve(conn: Connection, g: Graph) -> None:
    """A worker's life: answer each query read from ``conn`` until it closes; never returns."""
    try:
        while True:
            text, settings = conn.recv()
            try:
                reply = answer(g, text, settings)
            except Exception as exc:  # noqa: BLE001 - any failure becomes an answer, never a dead pipe
                reply = Answer(500, "text/plain", f"query worker failed: {type(exc).__name__}".encode())
            conn.send(reply)
    finally:  # EOF (the server closed it) or a broken pipe: leave without the parent's cleanup
        os._exit(0)


def _spawn_loop(control: socket.socket, g: Graph) -> None:
    """The spawner's life: fork a worker for each byte read on ``control``; never returns."""
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps exited workers
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
        _warm_up(g)
        gc.freeze()
        while control.recv(1):
            _fork_worker(control, g)
    finally:
        os._exit(0)


def _warm_up(g: Graph) -> None:
    """Answer two tiny queries once here, so every worker inherits what a first answer loads and builds
    (result serializers, the engine's first allocations) instead of paying for it (~5 ms) itself."""
    for text in ("ASK { }", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"):
        with contextlib.suppress(Exception):  # a store that fails here fails in the workers with a reason
            answer(g, text, WorkerSettings(timeout=1, max_rows=1))


def _fork_worker(control: socket.socket, g: Graph) -> None:
    mine, theirs = socket.socketpair()
    try:
        pid = os.fork()
    except OSError:
        mine.close(), theirs.close()
        control.sendall(b"0")  # no descriptor: the server answers 503
        return
    if pid == 0:
        _die_with_parent()
        cap_memory(WORKER_MEMORY)
        control.close()
        theirs.close()
        _serve(Connection(mine.detach()), g)
    mine.close()
    socket.send_fds(control, [str(pid).encode()], [theirs.fileno()])
    theirs.close()


def _die_with_parent() -> None:
    """Have Linux kill this worker when the spawner exits, even while it is paused (best effort)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


@dataclass
class Worker:
    """The server's handle on one worker process: its pid and its end of the socket pair."""

    pid: int
    conn: Connection
    answered: int = 0

    def send(self, text: str, settings: WorkerSettings) -> None:
        self.conn.send((text, settings))

    def wait(self, seconds: float) -> bool:
        """True when the answer (or the worker's death) can be read within ``seconds``."""
        return self.conn.poll(max(seconds, 0))

    def receive(self) -> Answer:
        try:
            reply = self.conn.recv()
        except (EOFError, OSError):
            return Answer(500, "text/plain", b"query worker died (out of memory, or killed)")
        self.answered += 1
        return reply

    def signal(self, signum: int) -> None:
        with contextlib.suppress(OSError):  # already gone
            os.kill(self.pid, signum)

    def cpu_seconds(self) -> float:
        """CPU time the process has used (user and system, from ``/proc``); 0 when it is gone."""
        try:
            with open(f"/proc/{self.pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def lower_priority(self) -> None:
        with contextlib.suppress(OSError):  # gone, or not allowed: scheduling stays as it was
            os.setpriority(os.PRIO_PROCESS, self.pid, HEAVY_NICENESS)

    def kill(self) -> None:
        self.signal(signal.SIGKILL)
        self.conn.close()


class Spawner:
    """A process forked from this one (holding ``g``) that forks :class:`Worker` processes on request."""

    def __init__(self, g: Graph):
        self._control, theirs = socket.socketpair()
        self._lock = threading.Lock()
        self.pid = os.fork()
        if self.pid == 0:
            self._control.close()
            _spawn_loop(theirs, g)
        theirs.close()

    def spawn(self) -> Worker:
        """A new idle worker; :class:`WorkerUnavailable` when none can be started."""
        with self._lock:
            try:
                self._control.sendall(b"w")
                data, fds, _, _ = socket.recv_fds(self._control, 32, 1)
            except OSError as exc:
                raise WorkerUnavailable(f"query workers unavailable: {exc}") from None
        if not fds:
            raise WorkerUnavailable("query workers unavailable: cannot start a process")
        return Worker(int(data), Connection(fds[0]))

    def close(self) -> None:
        """Stop the spawner (its workers stop when their sockets close or are killed)."""
        with contextlib.suppress(OSError):
            self._control.close()
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
