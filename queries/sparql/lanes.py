"""Which query runs when: a lane for every query as it starts, a lane as wide as the cores for long ones.

Every query starts in the first lane (``running`` slots of a
:class:`~newsgraph.queries.sparql.turns.Turns`, first come first served) in an
idle worker process (:class:`QueryPool` forks ``ready`` of them at the start and
keeps up to :data:`KEEP` idle, :mod:`newsgraph.queries.sparql.worker`).  Small
queries answer there in a few milliseconds.  A query that used :data:`FIRST_TURN`
seconds of CPU is long: it is paused (``SIGSTOP``), leaves the first lane and
waits for one of the ``long`` slots (one per core), first come first served,
where it runs to its answer at normal priority (``SIGCONT``).  Small queries
never wait behind long ones and take little CPU beside them; long ones run one
per core in arrival order, so each finishes as soon as the ones before it did
(instead of all of them sharing the cores and all finishing late).  A long query
that used :data:`STEP_ASIDE` of its timeout in CPU seconds goes to the
background (lower CPU priority), where it runs only while no long query waits:
a runaway does not hold a core other queries need.  A query is refused at once
(503 with ``Retry-After``), not after waiting, when the queries waiting ahead in
its lane cannot be done within its timeout.  At the timeout (counted from
arrival, waits included) the worker is killed and the answer is 503.  A worker
that answered goes back to the idle workers and serves the next query (a
background one is killed instead); one that died or answered
:data:`RETIRE_AFTER` queries is replaced.

>>> from rdflib import Graph
>>> pool = QueryPool(Graph(), ready=1, running=1, long=1)
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
LONG_RUNNING = CPUS
READY = CPUS + 2
KEEP = 16
FIRST_TURN = 0.02
STEP_ASIDE = 0.05
QUANTUM = 0.02
RETIRE_AFTER = 1000


def timed_out(timeout: float) -> Answer:
    return Answer(503, "text/plain", f"query timed out after {timeout:g} s".encode())


def too_busy(wait: float) -> Answer:
    seconds = max(1, math.ceil(wait))
    return Answer(503, "text/plain", f"too busy: the queries waiting ahead need about {wait:.1f} s, more "
                  "than this one has left before its timeout; retry later".encode(), retry_after=seconds)


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
    long: bool = False
    held: float = 0.0

    @property
    def deadline(self) -> float:
        return self.arrival + self.timeout

    def turn(self) -> Turn:
        """Its place in its lane's queue, from the CPU time it used so far (see the module doc)."""
        used = self.worker.cpu_seconds() - self.base if self.worker is not None else 0.0
        self.long = self.long or used >= FIRST_TURN
        rank = BACKGROUND if self.long and used >= STEP_ASIDE * self.timeout else FOREGROUND
        return Turn(rank, self.arrival, self.seq)


class QueryPool:
    """``running`` first-lane slots, ``long`` long-lane slots, ``ready`` idle worker processes for ``g``
    (see the module doc)."""

    def __init__(self, g: Graph, ready: int = READY, running: int = RUNNING, long: int = LONG_RUNNING):
        self._spawner = Spawner(g)
        self._cond = threading.Condition()
        self._ready = max(1, ready)
        self._idle = [self._spawner.spawn() for _ in range(self._ready)]
        self._closed = False
        self._seq = itertools.count()
        self.started = 0  # queries handed to a worker so far
        self.turns = Turns(running)
        self.long = Turns(long)

    def run(self, text: str, settings: WorkerSettings) -> Answer:
        """The :class:`Answer` to ``text``; 503 when it is not answered within ``settings.timeout``."""
        wait = self.turns.expected_wait()
        if wait >= settings.timeout:
            return too_busy(wait)
        query = _Query(next(self._seq), time.monotonic(), settings.timeout)
        lane, turn = self.turns, query.turn()
        while True:
            if not lane.acquire(turn, query.deadline):
                return self._late(query)
            started, background = time.monotonic(), query.background
            try:
                step = self._step(query, lane, text, settings)
            finally:
                lane.release()
                query.held += time.monotonic() - started
            if query.background and not background:  # a runaway's slot time is part of what long ones cost
                self.long.record(query.held)
            if not isinstance(step, Turn):
                return step
            moved, lane, turn = lane is self.turns, self.long, step
            wait = self.long.expected_wait()
            if moved and wait >= query.deadline - time.monotonic():  # it just became long
                self._retire(query.worker, replace=True)
                return too_busy(wait)

    def _step(self, query: _Query, lane: Turns, text: str, settings: WorkerSettings) -> Answer | Turn:
        """Run ``query`` while it holds a slot of ``lane``: its answer, or its next turn (it is paused)."""
        if query.worker is None:
            started = self._start(query, text, settings)
            if started is not None:
                return started
        else:
            query.worker.signal(signal.SIGCONT)
        while True:
            if query.worker.wait(min(QUANTUM, query.deadline - time.monotonic())):
                return self._finish(query, lane)
            if time.monotonic() >= query.deadline:
                return self._late(query)
            turn = query.turn()
            if (query.long and lane is self.turns) or lane.outranked(turn):
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
        with self._cond:
            self.started += 1
        try:
            query.worker.send(text, settings)
        except OSError:
            self._retire(query.worker, replace=True)
            return Answer(500, "text/plain", b"query worker died")
        return None

    def _finish(self, query: _Query, lane: Turns) -> Answer:
        reply = query.worker.receive()
        if query.background:
            self._retire(query.worker, replace=True)
        else:
            lane.record(query.held)
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
