"""The endpoint's answers kept for the next identical query, and identical queries run once.

The endpoint serves a store opened read-only, so the same query text gets the same
answer.  :class:`AnswerCache` keeps the answers (status 200 only: errors, refusals and
timeouts are never kept) under a :class:`Key` of the store's version, the query text
exactly as received, the media types the client's Accept header negotiates (for a
result set and for a graph) and the server's settings (timeout, rows, limits).  It
holds at most ``entries`` answers and ``max_bytes`` bytes of bodies and forgets the
least recently used first; an answer bigger than ``max_bytes`` is not kept.

The store's version is the stamp (inode, modification time, size) of a file that
changes whenever the store does (``OUT/manifest.json``, which a build writes last);
when the stamp changes, every kept answer is dropped, and an answer computed before
the change is not kept.

Single flight: a query whose key is already running waits for that run's answer (up
to its own timeout) instead of starting another query process.  How each answer
came is told by :class:`Served`: ``miss`` (it ran), ``hit`` (kept), ``shared``
(another request's run).  With ``entries`` or ``max_bytes`` 0 the cache is off: every
query runs, none waits for another.  Nothing heavy is imported here (the command line reads the
defaults).

>>> from types import SimpleNamespace as Reply
>>> @dataclass(frozen=True)
... class Settings:
...     timeout: float = 5.0
...     accept: str | None = None
>>> runs = []
>>> def run(text, settings):
...     runs.append(text)
...     return Reply(status=200, body=text.encode())
>>> cache = AnswerCache(CacheSize(entries=2), run, late=None)
>>> settings = Settings()
>>> [cache.serve(q, settings).how for q in ("ASK {}", "ASK {}", "ASK { }")], runs
(['miss', 'hit', 'miss'], ['ASK {}', 'ASK { }'])
>>> cache.stats()
CacheStats(entries=2, bytes=13, hits=1, misses=2, shared=0)
"""
from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.queries.sparql.media import negotiate

__all__ = ["CACHE_BYTES", "CACHE_ENTRIES", "HIT", "MISS", "SHARED", "AnswerCache", "CacheSize", "CacheStats",
           "Key", "Served", "stamp"]

CACHE_ENTRIES = 256
CACHE_BYTES = 64 * 1024 * 1024
HIT, MISS, SHARED = "hit", "miss", "shared"


@dataclass(frozen=True)
class CacheSize:
    """At most ``entries`` answers and ``max_bytes`` bytes of their bodies; 0 for either turns it off."""

    entries: int = CACHE_ENTRIES
    max_bytes: int = CACHE_BYTES

    @property
    def on(self) -> bool:
        return self.entries > 0 and self.max_bytes > 0


@dataclass(frozen=True)
class Key:
    """What makes two queries the same: store version, text, negotiated media types, server settings."""

    version: tuple | None
    text: str
    media: tuple[str, str]
    settings: Any


@dataclass(frozen=True)
class Served:
    """An answer and how it came: :data:`MISS`, :data:`HIT` or :data:`SHARED` (None with the cache off)."""

    answer: Any
    how: str | None


@dataclass(frozen=True)
class CacheStats:
    """Answers and body bytes kept; requests answered from the cache, by a run, by another's run."""

    entries: int
    bytes: int
    hits: int
    misses: int
    shared: int


class _Flight:
    """One run others wait for: its answer once ``done`` is set."""

    def __init__(self):
        self.done = threading.Event()
        self.answer = None


def stamp(path: Path | None) -> tuple | None:
    """(inode, modification time in ns, size) of ``path``; None when there is none.

    >>> stamp(None), stamp(Path("/nonexistent/manifest.json"))
    (None, None)
    """
    try:
        info = os.stat(path) if path is not None else None
    except OSError:
        return None
    return None if info is None else (info.st_ino, info.st_mtime_ns, info.st_size)


class AnswerCache:
    """Answers of ``run(text, settings)`` kept within ``size``, dropped when ``watch`` changes (see the
    module doc); ``late(timeout)`` is the answer of a request whose wait for another's run timed out."""

    def __init__(self, size: CacheSize, run: Callable, late: Callable, watch: Path | None = None):
        self.size, self._run, self._late, self._watch = size, run, late, watch
        self._lock = threading.Lock()
        self._kept: OrderedDict[Key, Any] = OrderedDict()
        self._running: dict[Key, _Flight] = {}
        self._version = stamp(watch)
        self._bytes = self._hits = self._misses = self._shared = 0

    def serve(self, text: str, settings) -> Served:
        """The answer to ``text``: kept, another request's run of the same key, or a run of its own."""
        if not self.size.on:
            return Served(self._run(text, settings), None)
        arrival, key = time.monotonic(), self._key(text, settings)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                self._hits += 1
                return Served(self._kept[key], HIT)
            flight = self._running.get(key)
            if flight is None:
                mine = self._running[key] = _Flight()
                self._misses += 1
            else:
                self._shared += 1
        if flight is not None:
            return self._wait(flight, arrival + settings.timeout, settings.timeout)
        return Served(self._lead(key, mine, text, settings), MISS)

    def _key(self, text: str, settings) -> Key:
        """The key of ``text`` now; a new store version first drops every kept answer."""
        version = stamp(self._watch)
        with self._lock:
            if version != self._version:
                self._version = version
                self._kept.clear()
                self._bytes = 0
        media = (negotiate(settings.accept, False)[1], negotiate(settings.accept, True)[1])
        return Key(version, text, media, dataclasses.replace(settings, accept=None))

    def _wait(self, flight: _Flight, deadline: float, timeout: float) -> Served:
        if flight.done.wait(max(0.0, deadline - time.monotonic())):
            return Served(flight.answer, SHARED)
        return Served(self._late(timeout), SHARED)

    def _lead(self, key: Key, flight: _Flight, text: str, settings):
        """Run ``text`` for ``key``: its answer goes to the requests waiting on ``flight``, and is kept
        when good (status 200, the store unchanged meanwhile)."""
        answer = None
        try:
            answer = self._run(text, settings)
            return answer
        finally:
            with self._lock:
                del self._running[key]
                if answer is not None and answer.status == 200 and key.version == self._version:
                    self._keep(key, answer)
            flight.answer = answer if answer is not None else self._late(settings.timeout)
            flight.done.set()

    def _keep(self, key: Key, answer) -> None:
        """Keep ``answer`` (the lock held), forgetting the least recently used beyond the bounds."""
        size = len(answer.body)
        if size > self.size.max_bytes:
            return
        self._kept[key] = answer
        self._bytes += size
        while len(self._kept) > self.size.entries or self._bytes > self.size.max_bytes:
            _, old = self._kept.popitem(last=False)
            self._bytes -= len(old.body)

    def stats(self) -> CacheStats:
        """The counters so far (see :class:`CacheStats`)."""
        with self._lock:
            return CacheStats(len(self._kept), self._bytes, self._hits, self._misses, self._shared)
