"""Read input files: digests, single articles and JSON Lines feeds, in any encoding.

:func:`read_file` never raises: what cannot be read is a :class:`Problem`.
``.jsonl``/``.ndjson`` files are feeds (see :mod:`extract.feeds`); any other
file is plain text split by :func:`extract.digest.split_digest`.

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

import codecs
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extract.digest import split_digest
from extract.feeds import read_jsonl
from extract.records import Article, Document, Problem

TEXT_SUFFIXES = (".txt",)
FEED_SUFFIXES = (".jsonl", ".ndjson")
_MAGIC = {b"%PDF-": "PDF", b"PK\x03\x04": "ZIP/Office", b"\x89PNG": "PNG", b"GIF8": "GIF",
          b"\xff\xd8\xff": "JPEG", b"\x1f\x8b": "gzip", b"\x7fELF": "ELF", b"{\\rtf": "RTF"}
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")


@dataclass(frozen=True)
class ReadResult:
    """What one input file gave: its Document (None when unreadable), articles, problems."""

    document: Document | None
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def _latin1_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes cp1252 leaves undefined (0x81, 0x8D, ...) as latin-1."""
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("newsgraph-latin1", _latin1_fallback)


def decode(raw: bytes) -> tuple[str, str]:
    """Decoded text and the encoding used.

    BOMs (UTF-8, UTF-16, UTF-32) are honoured and removed; UTF-16 without a BOM
    is recognised by its NUL bytes; otherwise strict UTF-8, else cp1252 (its
    five undefined bytes read as latin-1).  Never raises.

    >>> decode(b"\\xef\\xbb\\xbfhi"), decode("hi".encode("utf-16-be"))
    (('hi', 'utf-8-sig'), ('hi', 'utf-16-be'))
    """
    return _decode(raw)[:2]


def _decode(raw: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, note on lossy decoding or None)."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc, None
            except UnicodeDecodeError as exc:
                if enc == "utf-8-sig":
                    return raw[3:].decode("cp1252", "newsgraph-latin1"), "cp1252", None
                note = f"invalid {enc} bytes replaced by U+FFFD ({exc.reason})"
                return raw.decode(enc, "replace"), enc, note
    guess = _utf16_guess(raw)
    if guess:
        try:
            return raw.decode(guess), guess, None
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "newsgraph-latin1")
        odd = sorted({f"0x{ord(c):02X}" for c in text if "\x80" <= c <= "\x9f"})
        note = f"not UTF-8; read as cp1252, bytes {', '.join(odd)} as latin-1" if odd else None
        return text, "cp1252", note


def _utf16_guess(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit on one side of most byte pairs (BOM-less UTF-16)."""
    head = raw[:4096]
    if len(head) < 4 or len(head) % 2 or b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0) / (len(head) / 2), head[1::2].count(0) / (len(head) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def read_file(path: str, *, max_bytes: int = 50_000_000, max_article_chars: int = 2_000_000) -> ReadResult:
    """Read one input file into its Document, articles and problems (never raises).

    >>> r = read_file("/nonexistent/x.txt")
    >>> r.document, r.articles, r.problems[0].reason.startswith("cannot read file")
    (None, (), True)
    """
    source = os.fspath(path)
    raw, problem = _read_bytes(source, max_bytes)
    if raw is None:
        return ReadResult(None, (), (problem,))
    sha = hashlib.sha256(raw).hexdigest()
    kind = _binary_kind(raw)
    if kind:
        doc = Document(source=source, sha256=sha, encoding="binary", size=len(raw))
        return ReadResult(doc, (), (Problem(source, f"binary file, not text ({kind})"),))
    text, encoding, note = _decode(raw)
    doc = Document(source=source, sha256=sha, encoding=encoding, size=len(raw))
    problems = [Problem(source, note, skipped=False)] if note else []
    refusal = _refuse_text(text)
    if refusal:
        return ReadResult(doc, (), tuple(problems + [Problem(source, refusal)]))
    problems += _control_problems(source, text)
    try:
        if source.lower().endswith(FEED_SUFFIXES) or _looks_jsonl(text):
            if not source.lower().endswith(FEED_SUFFIXES):
                problems.append(Problem(source, "JSON Lines content in a text file; read as JSONL",
                                        skipped=False))
            articles, found = read_jsonl(text, source=source, sha256=sha)
        else:
            articles, found = split_digest(text, source=source, sha256=sha)
    except Exception as exc:  # noqa: BLE001 - read_file reports, never raises
        return ReadResult(doc, (), tuple(problems + [Problem(source, f"could not split the text: {exc!r}")]))
    problems += found
    kept = []
    for a in articles:
        if len(a.body) > max_article_chars:
            problems.append(Problem(source, f"article {a.index} ({a.headline[:50]!r}) is {len(a.body)} "
                                    f"characters long, over the limit of {max_article_chars}; skipped",
                                    a.line, a.index))
        else:
            kept.append(a)
    return ReadResult(doc, tuple(kept), tuple(problems))


def _looks_jsonl(text: str) -> bool:
    """Every non-blank line is a JSON object (a feed saved under another suffix)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines or not all(ln.startswith("{") and ln.endswith("}") for ln in lines):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
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


def _binary_kind(raw: bytes) -> str | None:
    """What binary format the bytes are, or None for text (UTF-16/32 text holds NULs too)."""
    for magic, name in _MAGIC.items():
        if raw.startswith(magic):
            return name
    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            and not _utf16_guess(raw):
        return "NUL bytes"
    return None


def _refuse_text(text: str) -> str | None:
    """Why decoded text is not read at all (empty, HTML, mostly control characters), or None."""
    if not text:
        return "empty file"
    if not text.strip():
        return "file holds only whitespace"
    head = text.lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype", "<html")):
        return "HTML page saved as text; not read (save the article as plain text)"
    controls = sum(1 for c in text if _is_control(c))
    if controls > max(4, len(text) // 20):
        return f"binary file, not text ({controls} control characters)"
    return None


def _is_control(c: str) -> bool:
    return (c < " " or c == "\x7f") and c not in _ALLOWED_CONTROLS


def _control_problems(source: str, text: str) -> list[Problem]:
    """A non-fatal Problem when control characters are present (they are kept: offsets stay exact)."""
    found = [c for c in text if _is_control(c)]
    if not found:
        return []
    codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in found})[:5])
    return [Problem(source, f"{len(found)} control characters ({codes}) kept in the text", skipped=False)]


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
