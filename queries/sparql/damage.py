"""A build's store that is damaged: Oxigraph's storage errors become one line that says what to do.

A store whose files are damaged may open and fail only when a query reads the
damaged block: Oxigraph then raises ``RuntimeError`` (``Corruption: block checksum
mismatch ... in OUT/store/000012.sst``) or ``OSError`` (``IO error: ...``) from
wherever the read happens.  :func:`guarded` turns those into :class:`StoreDamaged`
with :func:`message`'s line; the command line, the Python API and the endpoint use
it.  A damaged store can also make Oxigraph allocate without end (an index that
keeps returning its read error to a join): :func:`cap_memory` bounds the process
that reads it, whose failed allocation then ends it with one line.  Nothing here
imports rdflib or pyoxigraph.

>>> with guarded("OUT"):
...     raise RuntimeError("Corruption: block checksum mismatch in OUT/store/000012.sst")
Traceback (most recent call last):
...
newsgraph.queries.sparql.damage.StoreDamaged: the store in OUT is damaged: Corruption: block checksum \
mismatch in OUT/store/000012.sst; rerun `newsgraph build INPUTS -o OUT --rebuild`
>>> reason(RuntimeError("Evaluation error")) is None
True
"""
from __future__ import annotations

import contextlib
import os
import re
import resource
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["StoreDamaged", "cap_memory", "guarded", "message", "reason"]

#: how RocksDB's status messages start (Oxigraph passes them on as the exception's text)
_STORAGE = re.compile(r"(Corruption|IO error|Incomplete|Not found|Invalid argument|Not implemented):")
_OPENING = re.compile(r"cannot be opened \((.*)\); run `newsgraph build`")


class StoreDamaged(OSError):
    """A store that cannot be read: ``why`` is the storage error, the message says how to rebuild."""

    def __init__(self, why: str, out: str | None = None):
        super().__init__(message(why, out))
        self.why = why


def message(why: str, out: str | None = None) -> str:
    """The one line for a damaged store (``out``: the build directory, when known)."""
    where = f"the store in {out}" if out else "the store"
    return f"{where} is damaged: {why}; rerun `newsgraph build INPUTS -o {out or 'OUT'} --rebuild`"


def reason(exc: BaseException) -> str | None:
    """The storage error ``exc`` reports, in one line; None when it is no storage error."""
    if isinstance(exc, StoreDamaged):
        return exc.why
    text = " ".join(str(exc).split())
    opening = _OPENING.search(text)
    if opening:
        return opening.group(1)
    if isinstance(exc, RuntimeError | OSError) and _STORAGE.match(text):
        return text[:300]
    return None


@contextmanager
def guarded(out: str | None = None) -> Iterator[None]:
    """Inside, a storage error (see :func:`reason`) is raised again as :class:`StoreDamaged`."""
    try:
        yield
    except (RuntimeError, OSError) as exc:
        why = reason(exc)
        if why is None:
            raise
        raise StoreDamaged(why, out) from None


def cap_memory(share: float) -> None:
    """Cap this process's address space at its present size plus ``share`` of the machine's memory
    (best effort; a lower limit already set stays), and have Rust report a failed allocation in one
    line, without a backtrace.  For a process about to read a store, forked for that purpose."""
    os.environ["RUST_BACKTRACE"] = "0"
    with contextlib.suppress(OSError, ValueError, StopIteration):
        with open("/proc/self/status", encoding="ascii") as status:
            present = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
        cap = present + int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") * share)
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if soft != resource.RLIM_INFINITY:
            cap = min(cap, soft)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
