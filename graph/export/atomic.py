"""Files written atomically: through a temporary file in the same directory, moved into place.

A reader never sees a half-written file: the temporary file ``.<name>.<random>.tmp`` is moved
into place (:func:`os.replace`) only when it is complete, and removed otherwise.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     path = write_atomic(Path(d) / "x.txt", b"one")
...     sorted(p.name for p in Path(d).iterdir()), path.read_bytes()
(['x.txt'], b'one')
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic", "write_atomic"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through: a temporary file in the same directory, moved into
    place (:func:`os.replace`) when the block ends without error, removed otherwise."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same directory and os.replace."""
    with atomic(path) as fh:
        fh.write(data)
    return Path(path)
