"""One build at a time in an output directory: an OS file lock on ``OUT/.lock`` held for the whole build.

A second build into the same directory does not wait: it raises :class:`Busy` (an ``OSError``, one line
naming the process that holds the lock), and ``newsgraph build`` exits 1 with that line.  The lock is
:func:`fcntl.flock`'s: the kernel releases it when its holder exits, however it exits, so a lock left
by a killed build never blocks the next one.  The file itself stays (removing it would let two builds
lock two different files).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     with BuildLock(d):
...         try:
...             BuildLock(d).__enter__()
...         except Busy as exc:
...             print(str(exc).split(" (")[0])
...     with BuildLock(d):   # released: free again
...         pass
another build is writing to this output directory
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

__all__ = ["BuildLock", "Busy", "LOCK_FILE"]

LOCK_FILE = ".lock"


class Busy(OSError):
    """Another process holds the build lock of the output directory."""


class BuildLock:
    """The exclusive build lock of directory ``out`` (created when missing), held inside ``with``."""

    def __init__(self, out: str | Path):
        self.path = Path(out) / LOCK_FILE
        self.fd: int | None = None

    def __enter__(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            pid = f"pid {holder}" if holder.isdigit() else "another process"
            raise Busy(f"another build is writing to this output directory ({pid} holds {self.path}); "
                       "try again when it has finished") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)   # closing releases the lock
            self.fd = None
