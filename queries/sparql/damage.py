"""A build's store that is damaged: Oxigraph's storage errors become one line that says what to do.

A store whose files are damaged may open and fail only when a query reads the
damaged block: Oxigraph then raises ``RuntimeError`` (``Corruption: block checksum
mismatch ... in OUT/store/000012.sst``) or ``OSError`` (``IO error: ...``) from
wherever the read happens.  :func:`guarded` turns those into :class:`StoreDamaged`
with :func:`message`'s line; the command line, the Python API and the endpoint use
it.  Nothing here imports rdflib or pyoxigraph.

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

import re
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["StoreDamaged", "guarded", "message", "reason"]

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
