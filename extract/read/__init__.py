"""Read input files: digests, single articles and JSON Lines feeds, in any encoding.

:func:`read_file` never raises: what cannot be read is a :class:`Problem`.
``.jsonl``/``.ndjson`` files are feeds (see :mod:`newsgraph.extract.read.jsonl`); any other
file is plain text split by :func:`newsgraph.extract.read.digest.split_digest`.

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
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from newsgraph.extract.read.decoding import (
    BLANK_CONTROLS,
    binary_kind,
    control_problems,
    decode,
    decode_with_note,
    nul_padding,
    refuse_text,
)
from newsgraph.extract.read.digest import split_digest
from newsgraph.extract.read.jsonl import read_jsonl
from newsgraph.extract.records import Article, Document, Problem

#: decode lives in :mod:`newsgraph.extract.read.decoding`; it stays importable from here.
__all__ = ["ReadResult", "read_file", "read_inputs", "decode"]
TEXT_SUFFIXES = (".txt",)
FEED_SUFFIXES = (".jsonl", ".ndjson")
#: Other C0 controls and DEL become spaces (:data:`newsgraph.extract.read.decoding.BLANK_CONTROLS`): one
# character for
#: one, so every offset stays exact, and no output (GraphML, GEXF, SPARQL XML) gets a character XML forbids.
#: spaCy's default ``nlp.max_length``: longer texts make ``nlp()`` raise, so they are never passed on.
SPACY_MAX_LENGTH = 1_000_000
#: Default longest article (headline + body, in characters): 100,000 words of news (~600k) fit.
MAX_ARTICLE_CHARS = SPACY_MAX_LENGTH
MAX_FILE_BYTES = 50_000_000
_QUOTE = re.compile('[\u201c\u201d"]')


@dataclass(frozen=True)
class ReadResult:
    """What one input file gave: its Document (None when unreadable), articles, problems."""

    document: Document | None
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def read_file(path: str, *, max_bytes: int = MAX_FILE_BYTES,
              max_article_chars: int = MAX_ARTICLE_CHARS,
              known: Mapping[tuple[str, str], ReadResult] | None = None) -> ReadResult:
    """Read one input file into its Document, articles and problems (never raises).

    Files over ``max_bytes`` and articles whose parsed text (headline + body) is
    over ``max_article_chars`` -- or over spaCy's default ``nlp.max_length``
    (:data:`SPACY_MAX_LENGTH`), whichever is smaller -- are skipped with a Problem.
    ``known`` maps (path, sha256) to an earlier ReadResult of the same bytes at the
    same path (read with the same code and limits): it is returned without
    decoding or splitting the text again.

    >>> r = read_file("/nonexistent/x.txt")
    >>> r.document, r.articles, r.problems[0].reason.startswith("cannot read file")
    (None, (), True)
    """
    source = os.fspath(path)
    raw, problem = _read_bytes(source, max_bytes)
    if raw is None:
        return ReadResult(None, (), (problem,))
    sha = hashlib.sha256(raw).hexdigest()
    if known and (earlier := known.get((source, sha))) is not None:
        return earlier
    kind = binary_kind(raw)
    if kind:
        doc = Document(source=source, sha256=sha, encoding="binary", size=len(raw))
        return ReadResult(doc, (), (Problem(source, f"binary file, not text ({kind})"),))
    padding = nul_padding(raw)
    text, encoding, note = decode_with_note(raw[:len(raw) - padding])
    doc = Document(source=source, sha256=sha, encoding=encoding, size=len(raw))
    problems = [Problem(source, note, skipped=False)] if note else []
    if padding:
        problems.append(Problem(source, f"file ends in {padding} NUL bytes (truncated download?); "
                                "they were ignored", skipped=False))
    refusal = refuse_text(text)
    if refusal:
        return ReadResult(doc, (), (Problem(source, refusal),))
    if controls := control_problems(source, text):  # else there is nothing to blank
        problems += controls
        text = text.translate(BLANK_CONTROLS)
    feed = source.lower().endswith(FEED_SUFFIXES) or _looks_jsonl(text)
    try:
        if feed and not source.lower().endswith(FEED_SUFFIXES):
            problems.append(Problem(source, "JSON Lines content in a text file; read as JSONL",
                                    skipped=False))
        split = read_jsonl if feed else split_digest
        articles, found = split(text, source=source, sha256=sha)
    except Exception as exc:  # noqa: BLE001 - read_file reports, never raises
        return ReadResult(doc, (), tuple(problems + [Problem(source, f"could not split the text: {exc!r}")]))
    kept, checked = _checked(articles, text, feed, max_article_chars)
    return ReadResult(doc, tuple(kept), tuple(problems + found + checked))


def _checked(articles: list[Article], text: str, feed: bool, max_chars: int) -> tuple[list[Article],
                                                                                       list[Problem]]:
    """The articles short enough to parse, and problems: too long, quote left open, no headline."""
    kept, problems = [], []
    for a in articles:
        if (too_long := _too_long(a, max_chars)) is not None:
            problems.append(Problem(a.source, too_long, a.line, a.index))
            continue
        kept.append(a)
        if (at := _open_quote(a)) is None:
            continue
        where = a.line if feed else text.count("\n", 0, a.body_start + at) + 1
        what = "a quotation mark is never closed in the text field" if feed else \
            "quotation mark opened here is never closed"
        problems.append(Problem(a.source, f"article {a.index}: {what}", where, a.index, skipped=False))
    if not feed and len(articles) == len(kept) == 1 and not kept[0].headline:
        problems.append(Problem(kept[0].source, "no headline recognised; the whole text was read as one "
                                "article without a headline", kept[0].line, 0, skipped=False))
    return kept, problems


def _too_long(article: Article, max_chars: int) -> str | None:
    """Why ``article`` is too long to parse, or None.

    >>> a = Article(source="s", source_sha256="", index=0, start=0, end=9, headline="", body="x" * 9,
    ...             body_start=0)
    >>> _too_long(a, 5)
    'article 0 (no headline) is 9 characters long, over the limit of 5 (--max-article-chars); skipped'
    """
    size = len(article.text)
    if size <= min(max_chars, SPACY_MAX_LENGTH):
        return None
    name = repr(article.headline[:50]) if article.headline else "no headline"
    limit = (f"{max_chars} (--max-article-chars)" if max_chars <= SPACY_MAX_LENGTH
             else f"{SPACY_MAX_LENGTH} (spaCy's nlp.max_length)")
    return f"article {article.index} ({name}) is {size} characters long, over the limit of {limit}; skipped"


def _looks_jsonl(text: str) -> bool:
    """Every non-blank line is a JSON object (a feed saved under another suffix)."""
    first = None
    for ln in text.split("\n"):
        if not (ln := ln.strip()):
            continue
        if not (ln.startswith("{") and ln.endswith("}")):
            return False
        first = first or ln
    if first is None:
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _read_bytes(source: str, max_bytes: int) -> tuple[bytes | None, Problem | None]:
    """The file's bytes, or None and the problem (OS error, directory, too large)."""
    too_big = f"file is larger than the limit of {max_bytes} bytes; skipped"
    try:
        if os.path.isdir(source):
            return None, Problem(source, "cannot read file: is a directory")
        if os.path.getsize(source) > max_bytes:
            return None, Problem(source, too_big)
        with open(source, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        return None, Problem(source, f"cannot read file: {exc.strerror or exc}")
    except (TypeError, ValueError) as exc:
        return None, Problem(source, f"cannot read file: {exc}")
    if len(raw) > max_bytes:
        return None, Problem(source, too_big)
    return raw, None


def _open_quote(article: Article) -> int | None:
    """Offset in the body of a double quotation mark that is never closed, or None.

    Straight quotes alternate open/close (and close a curly opener: mixed styles
    are common); a quote running over several paragraphs reopens each one
    (typographic rule), so only a quote still open at the end of the article counts.

    >>> a = Article(source="s", source_sha256="", index=0, start=0, end=9, headline="",
    ...             body="He said: \u201cWe go.\\n\\n\u201cNow.\u201d Then \u201cnever", body_start=0)
    >>> _open_quote(a), _open_quote(Article(**{**a.__dict__, "body": 'Said "yes" and \u201cno".'}))
    (30, None)
    """
    body, opened = article.body, None
    for m in _QUOTE.finditer(body):
        i, c = m.start(), m.group()
        if c == "\u201c" or (c == '"' and opened is None):
            if opened is None or body.rfind("\n\n", opened, i) >= 0:
                opened = i
        else:
            opened = None
    return opened


def read_inputs(paths: Iterable[str], **limits) -> Iterator[ReadResult]:
    """One ReadResult per file, in the order given; directories are walked (sorted) for .txt/.jsonl.

    >>> [r.problems[0].reason[:16] for r in read_inputs(["/nonexistent/x.txt"])]
    ['cannot read file']
    """
    for path in paths:
        source = os.fspath(path)
        if not os.path.isdir(source):
            yield read_file(source, **limits)
            continue
        files = list(_walk(source))
        if not files:
            yield ReadResult(None, (), (Problem(source, "directory holds no .txt or .jsonl files"),))
        for f in files:
            yield read_file(f, **limits)


def _walk(top: str) -> Iterator[str]:
    """Input files under ``top``, depth first, in sorted order."""
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(TEXT_SUFFIXES + FEED_SUFFIXES):
                yield os.path.join(root, name)
