"""The per-article record cache and the input table of an output directory (``OUT/cache/``).

The per-article half is a pure function of (article, pipeline), so its output is
cached under :func:`record_key` (the article's content and metadata) in a
sqlite3 database ``OUT/cache/records.sqlite`` (stdlib only; WAL journal, one
transaction per batch: a build killed at any point loses at most the batch in
flight).  Rows are tagged with the record cache's version
(:func:`newsgraph.graph.build.versions.pipeline_version`); rows of another
version are never read.  The ``inputs`` table keeps what each input file gave
(its :class:`~newsgraph.extract.read.ReadResult`), so inputs of earlier builds stay part
of the graph without being re-read (the build reuses them for unchanged files while the
reader's version, :func:`~newsgraph.graph.build.versions.reader_version`, is the same).

Values are JSON text (:mod:`newsgraph.extract.codec`), never pickles: a row decodes only to plain
values and the record dataclasses, so a cache received from someone else can run no code; a row
that does not decode to what it should is a miss (the article is extracted again).  A database
sqlite cannot read raises :class:`CacheError` (one line); the build then starts a new cache.

>>> import tempfile
>>> from newsgraph.extract.records import Article, ArticleRecords
>>> a = Article(source="d.txt", source_sha256="0" * 64, index=0, start=0, end=9,
...             headline="Hi", body="Hello.", body_start=4)
>>> with tempfile.TemporaryDirectory() as d:
...     with RecordCache(d, "v1") as c:
...         c.put_many([ArticleRecords(article=a)])
...         moved = Article(source="e.txt", source_sha256="1" * 64, index=3, start=5, end=14,
...                         headline="Hi", body="Hello.", body_start=9)
...         [r.article.source for r in c.get_many([moved]).values()], len(c)
(['e.txt'], 1)
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from newsgraph.extract.codec import CodecError, decode, encode
from newsgraph.extract.read import ReadResult
from newsgraph.extract.records import RECORD_TYPES, Article, ArticleRecords, Document, Problem

__all__ = ["RecordCache", "CacheError", "record_key", "rebase", "DATABASE"]

DATABASE = "records.sqlite"
#: The dataclasses a row of each table may hold.
INPUT_TYPES = (ReadResult, Document, Article, Problem)

_POSITION = ("source", "source_sha256", "index", "start", "end", "body_start", "line")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, version TEXT NOT NULL, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS inputs (path TEXT PRIMARY KEY, sha256 TEXT, value BLOB NOT NULL);
"""


def record_key(article: Article) -> str:
    """Cache key of an article: :attr:`Article.key` plus a hash of the metadata extraction reads.

    Where the article sits (file, index, offsets) is not part of the key: the
    same article found in another file is a cache hit.

    >>> a = Article(source="d.txt", source_sha256="0" * 64, index=0, start=0, end=9,
    ...             headline="Hi", body="Hello.", body_start=4)
    >>> record_key(a) == record_key(dataclasses.replace(a, source="x.txt", index=7))
    True
    >>> record_key(a) == record_key(dataclasses.replace(a, outlet="TASS"))
    False
    """
    meta = {f.name: getattr(article, f.name) for f in dataclasses.fields(article) if f.name not in _POSITION}
    digest = hashlib.sha256(repr(sorted(meta.items())).encode()).hexdigest()[:16]
    return f"{article.key}-{digest}"


def rebase(rec: ArticleRecords, article: Article) -> ArticleRecords:
    """``rec`` as extracted from ``article`` (same content, other position): problems follow it."""
    if rec.article == article:   # the same article: keep one copy of it in memory
        return rec if rec.article is article else dataclasses.replace(rec, article=article)
    old = rec.article
    problems = tuple(dataclasses.replace(p, source=article.source, line=article.line, article=article.index)
                     if (p.source, p.article) == (old.source, old.index) else p for p in rec.problems)
    return dataclasses.replace(rec, article=article, problems=problems)


class CacheError(OSError):
    """The record cache's database cannot be read (truncated, not a database, damaged): one line."""


def _decoded(value, types: tuple[type, ...], want: type):
    """The ``want`` record a row's ``value`` holds, None when it holds anything else."""
    try:
        found = decode(value, types)
    except CodecError:
        return None
    return found if isinstance(found, want) else None


class RecordCache:
    """Records by :func:`record_key` for one pipeline version, in ``<directory>/records.sqlite``.

    Every sqlite error (a damaged database) is raised as :class:`CacheError`.
    """

    def __init__(self, directory: str | Path, version: str):
        self.path = Path(directory) / DATABASE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.version = version
        try:
            self.db = sqlite3.connect(self.path, timeout=60)
        except sqlite3.Error as exc:
            raise CacheError(f"cannot open the record cache {self.path}: {exc}") from None
        with self._guard():
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
            self.db.commit()

    @contextlib.contextmanager
    def _guard(self):
        """sqlite errors as one-line :class:`CacheError` (the database is closed)."""
        try:
            yield
        except sqlite3.Error as exc:
            self.db.close()
            raise CacheError(f"the record cache {self.path} is damaged ({exc})") from None

    @staticmethod
    def remove(directory: str | Path) -> None:
        """Delete the database of ``directory`` (with its journal files): the next cache starts empty."""
        path = Path(directory) / DATABASE
        for name in (path, path.with_name(DATABASE + "-wal"), path.with_name(DATABASE + "-shm")):
            name.unlink(missing_ok=True)

    def __enter__(self) -> RecordCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __len__(self) -> int:
        with self._guard():
            row = self.db.execute("SELECT COUNT(*) FROM records WHERE version = ?",
                                  (self.version,)).fetchone()
        return row[0]

    def get_many(self, articles: Iterable[Article]) -> dict[str, ArticleRecords]:
        """Cached records of ``articles`` by record key, rebased on the given articles."""
        wanted: dict[str, Article] = {record_key(a): a for a in articles}
        found: dict[str, ArticleRecords] = {}
        keys = list(wanted)
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            with self._guard():
                rows = self.db.execute("SELECT key, value FROM records WHERE version = ? "
                                       f"AND key IN ({marks})", (self.version, *chunk)).fetchall()
            for key, value in rows:
                rec = _decoded(value, RECORD_TYPES, ArticleRecords)
                if rec is not None and record_key(rec.article) == key:   # anything else is a miss
                    found[key] = rebase(rec, wanted[key])
        return found

    def put_many(self, records: Iterable[ArticleRecords]) -> None:
        """Store ``records`` in one transaction (all or nothing)."""
        rows = [(record_key(r.article), self.version, encode(r)) for r in records]
        with self._guard(), self.db:
            self.db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?)", rows)

    def clear(self) -> None:
        """Forget every cached record (``--rebuild``); the inputs table stays."""
        with self._guard(), self.db:
            self.db.execute("DELETE FROM records")

    def prune(self) -> int:
        """Drop rows of other pipeline versions; returns how many were dropped."""
        with self._guard(), self.db:
            return self.db.execute("DELETE FROM records WHERE version != ?", (self.version,)).rowcount

    # -- inputs: path -> (sha256, ReadResult as JSON)
    def inputs(self) -> dict[str, tuple[str | None, ReadResult]]:
        """Every stored input: path -> (sha256, ReadResult); rows that do not decode are left out."""
        out = {}
        with self._guard():
            rows = self.db.execute("SELECT path, sha256, value FROM inputs ORDER BY path").fetchall()
        for path, sha, value in rows:
            result = _decoded(value, INPUT_TYPES, ReadResult)
            if result is not None and isinstance(path, str) and (sha is None or isinstance(sha, str)):
                out[path] = (sha, result)
        return out

    def set_inputs(self, results: dict[str, ReadResult], *, drop_others: bool) -> None:
        """Store ReadResults by path (``drop_others``: forget every other path), in one transaction."""
        rows = [(p, r.document.sha256 if r.document else None, encode(r)) for p, r in results.items()]
        with self._guard(), self.db:
            if drop_others:
                self.db.execute("DELETE FROM inputs")
            self.db.executemany("INSERT OR REPLACE INTO inputs VALUES (?, ?, ?)", rows)

