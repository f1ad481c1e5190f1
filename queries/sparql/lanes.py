"""Which query runs when: two queries running per core, taken in order of when they are due.

Every query waits for a slot of :class:`~newsgraph.queries.sparql.turns.Turns`
(``running`` slots, two per core: a slot also waits while a query and its answer
are handed over) and then runs in an idle worker process (:class:`QueryPool`
forks ``ready`` of them at the start and keeps up to :data:`KEEP` idle,
:mod:`newsgraph.queries.sparql.worker`).  A fresh query is due
:data:`FRESH` of its timeout after it arrived; once it used :data:`FIRST_TURN`
seconds of CPU it is long, due :data:`LONG` of its timeout after it arrived;
once it used :data:`STEP_ASIDE` of its timeout in CPU seconds it goes to the
background, where it runs only while no other query waits (a runaway query does
not hold a core other queries need).  While it runs it is checked every
:data:`QUANTUM` seconds, and paused (``SIGSTOP``) with its slot given up when a
waiting query is due before it; it goes on (``SIGCONT``) when its turn comes
again.  Under overload the waiting is shared out: small queries wait a little,
long ones more, and a long query that fits its timeout still answers, instead
of long queries piling up behind an endless stream of small ones until they all
time out.  A query that arrives when the queries waiting ahead cannot be done
within its timeout is refused at once (503 with ``Retry-After``), not after
waiting for it.  At the timeout (counted from arrival, waits included) the
worker is killed and the answer is 503.  A worker that answered goes back to
the idle workers and serves the next query (a background one, which runs at a
lower CPU priority, is killed instead); one that died or answered
:data:`RETIRE_AFTER` queries is replaced.

>>> from rdflib import Graph
>>> pool = QueryPool(Graph(), ready=1, running=1)
>>> pool.run("ASK { }", WorkerSettings(timeout=5)).body
b'{"head": {}, "boolean": true}'
>>> pool.close()
"""
from __future__ import annotations

import itertools
import math
import os
import signal
import threading
import time
from dataclasses import dataclass

from rdflib import Graph

from newsgraph.queries.sparql.turns import BACKGROUND, FOREGROUND, Turn, Turns
from newsgraph.queries.sparql.worker import Answer, Spawner, Worker, WorkerSettings, WorkerUnavailable

CPUS = os.cpu_count() or 1
RUNNING = 2 * CPUS
READY = CPUS + 2
KEEP = 16
FRESH = 0.15
LONG = 0.75
FIRST_TURN = 0.02
STEP_ASIDE = 0.05
QUANTUM = 0.02
RETIRE_AFTER = 1000


def timed_out(timeout: float) -> Answer:
    return Answer(503, "text/plain", f"query timed out after {timeout:g} s".encode())


def too_busy(wait: float) -> Answer:
    seconds = max(1, math.ceil(wait))
    return Answer(503, "text/plain", f"too busy: the queries waiting ahead need about {wait:.1f} s, longer "
                  "than the timeout; retry later".encode(), retry_after=seconds)


@dataclass
class _Query:
    """One query on its way: arrival, timeout, its worker and the worker's CPU time when it got the query,
    whether it went to the background, the seconds it held slots."""

    seq: int
    arrival: float
    timeout: float
    worker: Worker | None = None
    base: float = 0.0
    background: bool = False
    held: float = 0.0

    @property
    def deadline(self) -> float:
        return self.arrival + self.timeout

    def turn(self) -> Turn:
        """Its place in the queue, from the CPU time it used so far (see the module doc)."""
        used = self.worker.cpu_seconds() - self.base if self.worker is not None else 0.0
        if used < FIRST_TURN:
            return Turn(FOREGROUND, self.arrival + FRESH * self.timeout, self.seq)
        if used < STEP_ASIDE * self.timeout:
            return Turn(FOREGROUND, self.arrival + LONG * self.timeout, self.seq)
        return Turn(BACKGROUND, self.arrival, self.seq)


class QueryPool:
    """``running`` slots and ``ready`` idle worker processes for ``g`` (see the module doc)."""

    def __init__(self, g: Graph, ready: int = READY, running: int = RUNNING):
        self._spawner = Spawner(g)
        self._cond = threading.Condition()
        self._ready = max(1, ready)
        self._idle = [self._spawner.spawn() for _ in range(self._ready)]
        self._closed = False
        self._seq = itertools.count()
        self.turns = Turns(running)

    def run(self, text: str, settings: WorkerSettings) -> Answer:
        """The :class:`Answer` to ``text``; 503 when it is not answered within ``settings.timeout``."""
        wait = self.turns.expected_wait()
        if wait >= settings.timeout:
            return too_busy(wait)
        query = _Query(next(self._seq), time.monotonic(), settings.timeout)
        turn = query.turn()
        while True:
            if not self.turns.acquire(turn, query.deadline):
                return self._late(query)
            started = time.monotonic()
            try:
                step = self._step(query, text, settings)
            finally:
                self.turns.release()
                query.held += time.monotonic() - started
            if not isinstance(step, Turn):
                return step
            turn = step

    def _step(self, query: _Query, text: str, settings: WorkerSettings) -> Answer | Turn:
        """Run ``query`` while it holds a slot: its answer, or its next turn (it is paused)."""
        if query.worker is None:
            started = self._start(query, text, settings)
            if started is not None:
                return started
        else:
            query.worker.signal(signal.SIGCONT)
        while True:
            if query.worker.wait(min(QUANTUM, query.deadline - time.monotonic())):
                return self._finish(query)
            if time.monotonic() >= query.deadline:
                return self._late(query)
            turn = query.turn()
            if self.turns.outranked(turn):
                query.worker.signal(signal.SIGSTOP)
                if turn.rank == BACKGROUND and not query.background:
                    query.background = True
                    query.worker.lower_priority()
                return turn

    def _start(self, query: _Query, text: str, settings: WorkerSettings) -> Answer | None:
        """Hand ``text`` to an idle worker; an Answer when that failed."""
        try:
            query.worker = self._take()
        except WorkerUnavailable as exc:
            return Answer(503, "text/plain", str(exc).encode())
        query.base = query.worker.cpu_seconds()
        try:
            query.worker.send(text, settings)
        except OSError:
            self._retire(query.worker, replace=True)
            return Answer(500, "text/plain", b"query worker died")
        return None

    def _finish(self, query: _Query) -> Answer:
        reply = query.worker.receive()
        if query.background:
            self._retire(query.worker, replace=True)
        else:
            self.turns.record(query.held)
            self._give_back(query.worker, healthy=reply.status != 500)
        return reply

    def _late(self, query: _Query) -> Answer:
        if query.worker is not None:
            self._retire(query.worker, replace=True)
        return timed_out(query.timeout)

    def _take(self) -> Worker:
        """An idle worker, a new one when none is idle; WorkerUnavailable when none can be had."""
        while True:
            with self._cond:
                if self._closed:
                    raise WorkerUnavailable("query workers unavailable: the server is closing")
                worker = self._idle.pop() if self._idle else None
            if worker is None:
                return self._spawner.spawn()
            if not worker.wait(0):  # an idle worker has nothing to say, unless it died (killed from outside)
                return worker
            self._retire(worker, replace=False)

    def _give_back(self, worker: Worker, healthy: bool) -> None:
        if not healthy or worker.answered >= RETIRE_AFTER:
            return self._retire(worker, replace=True)
        with self._cond:
            if not self._closed and len(self._idle) < max(self._ready, KEEP):
                self._idle.append(worker)
                return None
        return worker.kill()

    def _retire(self, worker: Worker, replace: bool) -> None:
        worker.kill()
        if replace:
            self._replace()

    def _replace(self) -> None:
        """A new idle worker (none when no process can be started: the next query tries again)."""
        try:
            worker = self._spawner.spawn()
        except WorkerUnavailable:
            return
        self._give_back(worker, healthy=True)

    def idle(self) -> list[int]:
        """The process ids of the idle workers."""
        with self._cond:
            return [worker.pid for worker in self._idle]

    def close(self) -> None:
        """Stop every worker (they exit with the spawner) and the spawner."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()
        self._spawner.close()
