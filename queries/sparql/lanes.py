"""Which query runs when: a lane of ready worker processes, and a few slots for heavy queries.

Every query goes first to an idle worker of the lane (:class:`QueryPool`,
``ready`` processes kept forked, :mod:`newsgraph.queries.sparql.worker`); small
queries answer there in a few milliseconds, and the worker goes back to the
lane.  A query still running after :data:`HEAVY_AFTER` seconds is heavy: its
worker leaves the lane (a new one is forked in its place, so small queries
never queue behind heavy ones), is paused (``SIGSTOP``), runs at a lower CPU
priority, and goes on only while it holds one of a few heavy slots
(:class:`HeavySlots`); when it answers or times out, it is killed (a worker
that ran a heavy query is never reused).  Heavy slots go to the waiting query
that has run least, by levels of :data:`LEVEL` seconds of CPU time used since
it became heavy (a busy machine slows a query down without demoting it),
first come first served within a level: a runaway query gives way to every
fresh heavy one, so a few runaways cannot hold all the slots until their
timeout.  At the timeout (counted from arrival, waits included) the worker is
killed and the answer is 503; a lane worker that died or answered
:data:`RETIRE_AFTER` queries is replaced.

>>> from rdflib import Graph
>>> pool = QueryPool(Graph(), ready=1, heavy=1)
>>> pool.run("ASK { }", WorkerSettings(timeout=5)).body
b'{"head": {}, "boolean": true}'
>>> pool.close()
"""
from __future__ import annotations

import heapq
import itertools
import os
import signal
import threading
import time
from dataclasses import dataclass

from rdflib import Graph

from newsgraph.queries.sparql.worker import Answer, Spawner, Worker, WorkerSettings, WorkerUnavailable

CPUS = os.cpu_count() or 1
READY = max(4, 4 * CPUS)
HEAVY = max(2, CPUS)
HEAVY_AFTER = 0.3
LEVEL = 0.1
QUANTUM = 0.05
RETIRE_AFTER = 1000


def timed_out(timeout: float) -> Answer:
    return Answer(503, "text/plain", f"query timed out after {timeout:g} s".encode())


@dataclass(order=True, frozen=True)
class _Turn:
    level: int
    seq: int


class HeavySlots:
    """At most ``slots`` heavy queries run at once; the waiting one that has run least goes first."""

    def __init__(self, slots: int):
        self._cond = threading.Condition()
        self._free = slots
        self._waiting: list[_Turn] = []
        self._seq = itertools.count()

    def run(self, worker: Worker, deadline: float) -> bool:
        """Let the paused ``worker`` run in turns; True when its answer can be read, False at the deadline."""
        seq, base = next(self._seq), worker.cpu_seconds()
        while True:
            level = int((worker.cpu_seconds() - base) // LEVEL)
            if not self._acquire(_Turn(level, seq), deadline):
                return False
            worker.signal(signal.SIGCONT)
            try:
                done = self._hold(worker, deadline, base)
            finally:
                self._release()
            if done is not None:
                return done

    def _hold(self, worker: Worker, deadline: float, base: float) -> bool | None:
        """Run until answered (True), the deadline (False) or outranked by a waiting query (None, paused)."""
        while True:
            if worker.wait(min(QUANTUM, deadline - time.monotonic())):
                return True
            if time.monotonic() >= deadline:
                return False
            if self._outranked(int((worker.cpu_seconds() - base) // LEVEL)):
                worker.signal(signal.SIGSTOP)
                return None

    def _acquire(self, turn: _Turn, deadline: float) -> bool:
        with self._cond:
            heapq.heappush(self._waiting, turn)
            while not (self._free and self._waiting[0] is turn):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._waiting.remove(turn)
                    heapq.heapify(self._waiting)
                    self._cond.notify_all()
                    return False
                self._cond.wait(remaining)
            heapq.heappop(self._waiting)
            self._free -= 1
            if self._free and self._waiting:
                self._cond.notify_all()
            return True

    def _release(self) -> None:
        with self._cond:
            self._free += 1
            self._cond.notify_all()

    def _outranked(self, level: int) -> bool:
        with self._cond:
            return bool(self._waiting) and self._waiting[0].level < level


class QueryPool:
    """``ready`` idle worker processes for ``g`` and ``heavy`` heavy slots (see the module doc)."""

    def __init__(self, g: Graph, ready: int = READY, heavy: int = HEAVY):
        self._spawner = Spawner(g)
        self._cond = threading.Condition()
        self._idle = [self._spawner.spawn() for _ in range(ready)]
        self._closed = False
        self.heavy = HeavySlots(heavy)

    def run(self, text: str, settings: WorkerSettings) -> Answer:
        """The :class:`Answer` to ``text``; 503 when it is not answered within ``settings.timeout``."""
        deadline = time.monotonic() + settings.timeout
        try:
            worker = self._take(deadline)
        except WorkerUnavailable as exc:
            return Answer(503, "text/plain", str(exc).encode())
        if worker is None:
            return timed_out(settings.timeout)
        try:
            worker.send(text, settings)
        except OSError:
            self._retire(worker, replace=True)
            return Answer(500, "text/plain", b"query worker died")
        if worker.wait(min(HEAVY_AFTER, deadline - time.monotonic())):
            reply = worker.receive()
            self._give_back(worker, healthy=reply.status != 500)
            return reply
        if time.monotonic() >= deadline:
            self._retire(worker, replace=True)
            return timed_out(settings.timeout)
        return self._run_heavy(worker, deadline, settings.timeout)

    def _run_heavy(self, worker: Worker, deadline: float, timeout: float) -> Answer:
        worker.signal(signal.SIGSTOP)
        worker.lower_priority()
        self._replace()
        try:
            return worker.receive() if self.heavy.run(worker, deadline) else timed_out(timeout)
        finally:
            worker.kill()

    def _take(self, deadline: float) -> Worker | None:
        with self._cond:
            while not self._idle:
                remaining = deadline - time.monotonic()
                if self._closed:
                    raise WorkerUnavailable("query workers unavailable: the server is closing")
                if remaining <= 0:
                    return None
                self._cond.wait(remaining)
            worker = self._idle.pop()
        if worker.wait(0):  # an idle worker has nothing to say: it died (killed from outside)
            self._retire(worker, replace=True)
            return self._take(deadline)
        return worker

    def _give_back(self, worker: Worker, healthy: bool) -> None:
        if not healthy or worker.answered >= RETIRE_AFTER:
            return self._retire(worker, replace=True)
        with self._cond:
            if self._closed:
                return worker.kill()
            self._idle.append(worker)
            self._cond.notify()
        return None

    def _retire(self, worker: Worker, replace: bool) -> None:
        worker.kill()
        if replace:
            self._replace()

    def _replace(self) -> None:
        """A new idle worker in the lane (none when no process can be started: the lane shrinks)."""
        try:
            worker = self._spawner.spawn()
        except WorkerUnavailable:
            return
        self._give_back(worker, healthy=True)

    def idle(self) -> list[int]:
        """The process ids of the idle workers of the lane."""
        with self._cond:
            return [worker.pid for worker in self._idle]

    def close(self) -> None:
        """Stop every worker (they exit with the spawner) and the spawner."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._cond.notify_all()
        for worker in idle:
            worker.kill()
        self._spawner.close()
