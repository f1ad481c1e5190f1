"""Input paths as the reader records them, and the files it opens (:func:`shown`, :func:`open_regular`).

A file name need not be UTF-8 (``caf\\xe9.txt`` written by a Latin-1 system): Python gives it lone
surrogates that no output (JSON-LD, Turtle, a terminal) can encode.  The reader opens the file by
its real name and records it by :func:`shown`, the name as given with every byte that is not UTF-8
(and every control character) written ``\\xNN``: deterministic, one line, valid everywhere.

>>> shown("caf\\udce9.txt"), shown(b"caf\\xe9.txt"), shown("Café.txt")
('caf\\\\xe9.txt', 'caf\\\\xe9.txt', 'Café.txt')
"""
from __future__ import annotations

import os
import re
import stat

__all__ = ["shown", "special_kind", "open_regular"]

_CONTROL = re.compile("[\x00-\x1f\x7f]")
_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def shown(path: str | bytes | os.PathLike) -> str:
    """The path as the reader records and prints it: bytes that are not UTF-8 and control characters
    as ``\\xNN`` (a name that is valid UTF-8 without controls is returned as it is).

    >>> shown("a\\nb.txt"), shown("\\ud800.txt")
    ('a\\\\x0ab.txt', '\\\\ud800.txt')
    """
    text = os.fsdecode(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape") if _escaped_only(text) else \
            text.encode("utf-8", "backslashreplace")
        text = raw.decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _escaped_only(text: str) -> bool:
    """Every surrogate in ``text`` stands for one undecodable byte (U+DC80..U+DCFF)."""
    return all("\udc80" <= c <= "\udcff" for c in text if "\ud800" <= c <= "\udfff")


def special_kind(mode: int) -> str | None:
    """What a file of ``mode`` (``os.stat().st_mode``) is when it is neither a regular file nor a
    directory: nothing can be read from it as a document.

    >>> special_kind(stat.S_IFIFO), special_kind(stat.S_IFREG)
    ('a FIFO (named pipe)', None)
    """
    return next((name for test, name in _KINDS if test(mode)), None)


def open_regular(path: str, max_bytes: int) -> bytes:
    """Up to ``max_bytes + 1`` bytes of the regular file ``path``.

    Raises ``OSError`` (its reason in ``strerror``) for what is no regular file -- a FIFO, a
    socket, a device is never read (opened without blocking, checked on the open file), so it
    cannot hang a build -- and when the file cannot be read.
    """
    _check(os.stat(path).st_mode)  # a socket cannot even be opened: its kind is told first
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        _check(os.fstat(fd).st_mode)  # a path can change between stat and open
    except OSError:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as fh:
        return fh.read(max_bytes + 1)


def _check(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "is a directory")
    if (kind := special_kind(mode)) is not None:
        raise OSError(0, f"{kind}, not a regular file; skipped")
