"""Read input files: digests, single articles and JSON Lines feeds, in any encoding.

:func:`read_file` never raises: what cannot be read is a :class:`Problem`.  A file's
format is found by its suffix in :data:`newsgraph.extract.read.formats.FORMATS`
(``.jsonl``/``.ndjson`` files are feeds, see :mod:`newsgraph.extract.read.jsonl`; any
other file is plain text split by :func:`newsgraph.extract.read.digest.split_digest`,
unless its content is a feed).  The bytes are decoded by
:mod:`newsgraph.extract.read.decoding`; the articles found are checked by
:mod:`newsgraph.extract.read.checks`.

Offsets: for text files ``Article.start``/``end``/``body_start`` are offsets in
the decoded file text (``decoded[body_start:body_start + len(body)] == body``).
For JSONL the body is a JSON string value, so ``start``/``end`` span the whole
line in the decoded file, ``body_start == start`` and body offsets are *not*
file offsets; ``Article.line`` is the JSONL line number.

>>> decode("Caf\\u00e9 \\u201cnews\\u201d".encode("utf-8"))
('Café “news”', 'utf-8')
>>> decode("Caf\\u00e9 \\u201cnews\\u201d".encode("cp1252"))
('Café “news”', 'cp1252')
>>> decode(b"\\xff\\xfe" + "Hi".encode("utf-16-le"))
('Hi', 'utf-16')
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from newsgraph.extract.read.checks import check_articles
from newsgraph.extract.read.decoding import decode, decode_file
from newsgraph.extract.read.formats import FORMATS, by_suffix, format_of, suffixes_named
from newsgraph.extract.read.limits import SPACY_MAX_LENGTH, ReadLimits
from newsgraph.extract.read.paths import open_regular, shown
from newsgraph.extract.records import Article, Document, Problem

#: decode and the limits live in their own modules; they stay importable from here.
__all__ = ["ReadResult", "ReadLimits", "read_file", "read_inputs", "decode", "FORMATS", "SPACY_MAX_LENGTH"]


@dataclass(frozen=True)
class ReadResult:
    """What one input file gave: its Document (None when unreadable), articles, problems."""

    document: Document | None
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def read_file(path: str, *, limits: ReadLimits | None = None,
              known: Mapping[tuple[str, str], ReadResult] | None = None) -> ReadResult:
    """Read one input file into its Document, articles and problems (never raises).

    Files and articles over the ``limits`` (default: :class:`ReadLimits`) -- articles over
    spaCy's default ``nlp.max_length`` (:data:`SPACY_MAX_LENGTH`) too -- are skipped with a Problem.
    ``known`` maps (path, sha256) to an earlier ReadResult of the same bytes at the
    same path (read with the same code and limits): it is returned without
    decoding or splitting the text again.

    >>> r = read_file("/nonexistent/x.txt")
    >>> r.document, r.articles, r.problems[0].reason.startswith("cannot read file")
    (None, (), True)
    """
    real, limits = os.fspath(path), limits or ReadLimits()
    source = shown(real)  # the name as recorded and printed (a name that is not UTF-8, escaped)
    raw, problem = _read_bytes(real, source, limits.max_bytes)
    if raw is None:
        return ReadResult(None, (), (problem,))
    sha = hashlib.sha256(raw).hexdigest()
    if known and (earlier := known.get((source, sha))) is not None:
        return earlier
    decoded = decode_file(source, sha, raw)
    if decoded.text is None:
        return ReadResult(decoded.document, (), decoded.problems)
    text, problems = decoded.text, list(decoded.problems)
    fmt, note = format_of(source, text)
    if note:
        problems.append(Problem(source, note, skipped=False))
    try:
        dated = {"date_order": limits.date_order} if fmt.date_order else {}
        articles, found = fmt.split(text, source=source, sha256=sha, **dated)
    except Exception as exc:  # noqa: BLE001 - read_file reports, never raises
        problems.append(Problem(source, f"could not split the text: {exc!r}"))
        return ReadResult(decoded.document, (), tuple(problems))
    kept, checked = check_articles(articles, text, feed=fmt.feed, max_chars=limits.max_article_chars)
    return ReadResult(decoded.document, tuple(kept), tuple(problems + found + checked))


def _read_bytes(real: str | bytes, source: str, max_bytes: int) -> tuple[bytes | None, Problem | None]:
    """The bytes of the file ``real`` (recorded as ``source``), or None and the problem (OS error,
    directory, FIFO, socket or device, too large)."""
    too_big = f"file is larger than the limit of {max_bytes} bytes; skipped"
    try:
        if os.path.isdir(real):
            return None, Problem(source, "cannot read file: is a directory")
        raw = open_regular(real, max_bytes)
    except OSError as exc:
        return None, Problem(source, f"cannot read file: {exc.strerror or exc}")
    except (TypeError, ValueError) as exc:
        return None, Problem(source, f"cannot read file: {exc}")
    if len(raw) > max_bytes:
        return None, Problem(source, too_big)
    return raw, None


def read_inputs(paths: Iterable[str], *, limits: ReadLimits | None = None,
                known: Mapping[tuple[str, str], ReadResult] | None = None) -> Iterator[ReadResult]:
    """One ReadResult per file (:func:`read_file`), in the order given; directories are walked (sorted)
    for the suffixes of :data:`FORMATS`.

    >>> [r.problems[0].reason for r in read_inputs(["/nonexistent/x.txt"])]
    ['cannot read file: No such file or directory']
    """
    for path in paths:
        real = os.fspath(path)
        if not os.path.isdir(real):
            yield read_file(real, limits=limits, known=known)
            continue
        files = list(input_files(real))
        if not files:
            empty = Problem(shown(real), f"directory holds no {suffixes_named()} files")
            yield ReadResult(None, (), (empty,))
        for f in files:
            yield read_file(f, limits=limits, known=known)


def input_files(top: str | bytes) -> Iterator[str | bytes]:
    """Input files under ``top`` (those of a suffix of :data:`FORMATS`), depth first, in sorted order."""
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(files):
            if by_suffix(os.fsdecode(name)) is not None:
                yield os.path.join(root, name)
