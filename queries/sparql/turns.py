"""Whose turn it is to run: a few slots, given to the waiting query whose turn is due first.

:class:`Turns` holds ``width`` slots and a queue of waiting :class:`Turn` s
ordered by ``(rank, due, seq)``: rank 0 is the foreground, rank 1 the background
(a query that used up its share, served only when no foreground query waits);
``due`` orders the foreground (:mod:`newsgraph.queries.sparql.lanes` uses the
arrival time: first come, first served, which with one timeout for all is also
earliest deadline first).

A holder gives its slot back when it finishes or when it is outranked
(:meth:`Turns.outranked`: a waiting turn sorts before its own); a waiter gives
up at its deadline.  Only the head of the queue is woken when a slot frees.
:meth:`Turns.expected_wait` says how long a new foreground query would wait
(queries waiting ahead times the mean slot time of a query, over the width),
so a server can refuse at once what cannot run before its timeout.

>>> turns = Turns(width=1)
>>> turns.acquire(Turn(0, 1.0, 1), deadline=time.monotonic() + 1)
True
>>> turns.acquire(Turn(0, 2.0, 2), deadline=time.monotonic() + 0.01)  # the slot is taken
False
>>> turns.release()
>>> turns.outranked(Turn(0, 2.0, 2))
False
"""
from __future__ import annotations

import heapq
import threading
import time
from dataclasses import dataclass

FOREGROUND, BACKGROUND = 0, 1
MEAN_WEIGHT = 0.05  # weight of the newest query's slot time in the running mean


@dataclass(frozen=True, order=True)
class Turn:
    """A query's place in the queue: ``rank`` (foreground 0, background 1), ``due`` time, arrival ``seq``."""

    rank: int
    due: float
    seq: int


class Turns:
    """``width`` slots handed out earliest-due first (see the module doc)."""

    def __init__(self, width: int):
        self.width = max(1, width)
        self._lock = threading.Lock()
        self._free = self.width
        self._waiting: list[Turn] = []
        self._wakers: dict[Turn, threading.Condition] = {}
        self._mean = 0.0

    def acquire(self, turn: Turn, deadline: float) -> bool:
        """Wait for a slot; True when ``turn`` holds one, False when ``deadline`` came first."""
        with self._lock:
            if self._free and (not self._waiting or turn < self._waiting[0]):
                self._free -= 1
                return True
            waker = self._wakers[turn] = threading.Condition(self._lock)
            heapq.heappush(self._waiting, turn)
            try:
                return self._wait(turn, waker, deadline)
            finally:
                del self._wakers[turn]
                self._wake_head()

    def _wait(self, turn: Turn, waker: threading.Condition, deadline: float) -> bool:
        while not (self._free and self._waiting[0] == turn):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self._waiting.remove(turn)
                heapq.heapify(self._waiting)
                return False
            waker.wait(remaining)
        heapq.heappop(self._waiting)
        self._free -= 1
        return True

    def _wake_head(self) -> None:
        if self._free and self._waiting:
            self._wakers[self._waiting[0]].notify()

    def release(self) -> None:
        """Give a slot back (the head of the queue gets it)."""
        with self._lock:
            self._free += 1
            self._wake_head()

    def outranked(self, turn: Turn) -> bool:
        """True when a waiting turn sorts before ``turn`` (its holder should step aside)."""
        with self._lock:
            return bool(self._waiting) and self._waiting[0] < turn

    def record(self, seconds: float) -> None:
        """Count one finished foreground query that held slots for ``seconds`` in the running mean
        (the first one is the mean)."""
        with self._lock:
            self._mean += (MEAN_WEIGHT if self._mean else 1.0) * (seconds - self._mean)

    def expected_wait(self) -> float:
        """Seconds a new foreground query would wait: the foreground queue times the mean, over the width.

        >>> Turns(width=2).expected_wait()
        0.0
        """
        with self._lock:
            ahead = sum(1 for turn in self._waiting if turn.rank == FOREGROUND)
            return ahead * self._mean / self.width
