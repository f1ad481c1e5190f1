"""Bytes to text: encodings, binary and HTML detection, control characters (:func:`decode_file`).

:func:`decode` honours BOMs (UTF-8, UTF-16, UTF-32), recognises BOM-less UTF-16
by its NUL bytes, and otherwise reads strict UTF-8, else cp1252 (its five
undefined bytes as latin-1): it never raises and never garbles silently (the
lossy cases come back with a note the reader reports).

>>> decode("Caf\u00e9".encode("cp1252"))
('Café', 'cp1252')
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from newsgraph.extract.records import Document, Problem

__all__ = ["decode", "decode_with_note", "decode_file", "Decoded", "binary_kind", "nul_padding",
           "refuse_text", "control_problems", "BLANK_CONTROLS"]

#: C0 controls (but tab, newline, CR, form feed) and DEL become spaces, one character for one, so every
#: offset stays exact and no output (GraphML, GEXF, SPARQL XML) gets a character XML forbids.
BLANK_CONTROLS = {c: " " for c in [*range(32), 127] if chr(c) not in "\t\n\r\f"}
#: Control characters: C0 controls but tab, LF, CR and FF; and DEL (those :data:`BLANK_CONTROLS` blanks).
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(BLANK_CONTROLS)) + "]")


_MAGIC = {b"%PDF-": "PDF", b"PK\x03\x04": "ZIP/Office", b"\x89PNG": "PNG", b"GIF8": "GIF",
          b"\xff\xd8\xff": "JPEG", b"\x1f\x8b": "gzip", b"\x7fELF": "ELF", b"{\\rtf": "RTF"}


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
    return decode_with_note(raw)[:2]


def decode_with_note(raw: bytes) -> tuple[str, str, str | None]:
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
        note = (f"not UTF-8; read as cp1252, bytes {', '.join(odd)} as latin-1" if odd
                else "not UTF-8; read as cp1252 (Windows Latin-1)")
        return text, "cp1252", note


def _utf16_guess(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16 text, else None.

    UTF-16 text of one script has few distinct high bytes (0x00 for ASCII, 0x04 for Cyrillic,
    0x20 for curly quotes ...), NULs among them, and hardly a NUL among its low bytes; the head
    must then decode to text without control characters.  Binary data and 8-bit text with NUL
    blocks have NULs on both sides.

    >>> _utf16_guess("Пашинян и Алиев, 2023".encode("utf-16-be")), _utf16_guess(b"a\\x00\\x00b" * 5)
    ('utf-16-be', None)
    """
    head = raw[:8192]
    if len(raw) < 4 or len(raw) % 2 or b"\x00" not in head:
        return None
    pairs = len(head) // 2
    for enc, highs, lows in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        top = sorted((highs.count(b) for b in set(highs)), reverse=True)[:3]
        if highs.count(0) >= 0.02 * pairs and lows.count(0) <= 0.02 * pairs and sum(top) >= 0.85 * pairs:
            text = head.decode(enc, "replace")
            if len(_CONTROL.findall(text)) <= 0.01 * len(text) and text.count("\ufffd") <= 1:
                return enc
    return None


#: Bytes no text (ASCII-compatible or UTF-8) holds: C0 controls but tab, LF, VT, FF, CR and ESC.
_BINARY_BYTES = bytes([*range(9), *range(14, 27), *range(28, 32)])
#: A file whose bytes are more than this share of :data:`_BINARY_BYTES` is binary, not text.
BINARY_SHARE = 0.10


def binary_kind(raw: bytes) -> str | None:
    """What binary format the bytes are, or None for text (UTF-16/32 text holds NULs too).

    A file is binary by its magic number or by the share of its bytes that no text holds
    (:data:`BINARY_SHARE`), not by one run of them: NUL blocks and stray control bytes inside text
    are blanked and reported (:func:`control_problems`), NUL padding at the end (a truncated
    download) is dropped.

    >>> binary_kind(b"\\x89PNG..."), binary_kind(b"text\\x00" + b"\\x00" * 99)
    ('PNG', None)
    >>> binary_kind(b"a\\x00\\x00b" * 5), binary_kind(b"Talks resume. " * 400 + b"\\x00" * 400)
    ('NUL bytes', None)
    """
    for magic, name in _MAGIC.items():
        if raw.startswith(magic):
            return name
    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            and not _utf16_guess(raw):
        head = raw[:len(raw) - nul_padding(raw)]
        if not head.strip() or _binary_share(head) > BINARY_SHARE:
            return "NUL bytes"
    return None


def _binary_share(raw: bytes) -> float:
    """The share of :data:`_BINARY_BYTES` among ``raw``'s bytes."""
    kept = raw.translate(None, _BINARY_BYTES)
    return (len(raw) - len(kept)) / len(raw)


def nul_padding(raw: bytes) -> int:
    """Number of NUL bytes ending ``raw`` when it is not UTF-16/32 text (0 otherwise)."""
    if not raw.endswith(b"\x00") or raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            or _utf16_guess(raw):
        return 0
    return len(raw) - len(raw.rstrip(b"\x00"))


def refuse_text(text: str) -> str | None:
    """Why decoded text is not read at all (empty, HTML, mostly control characters), or None."""
    if not text:
        return "empty file"
    if not text.strip():
        return "file holds only whitespace"
    head = text.lstrip("\ufeff \t\r\n")[:32].lower()
    if head.startswith(("<!doctype", "<html")):
        return "HTML page saved as text; not read (save the article as plain text)"
    controls = len(_CONTROL.findall(text))
    if controls > max(4, len(text) // 20):
        return f"binary file, not text ({controls} control characters)"
    return None


def control_problems(source: str, text: str) -> list[Problem]:
    """A non-fatal Problem when control characters are present (replaced by spaces: offsets stay exact)."""
    first = _CONTROL.search(text)
    if not first:
        return []
    found = _CONTROL.findall(text, first.start())
    codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in found})[:5])
    return [Problem(source, f"{len(found)} control characters ({codes}) replaced by spaces",
                    text.count("\n", 0, first.start()) + 1, skipped=False)]


@dataclass(frozen=True)
class Decoded:
    """A file's bytes as text: its Document, the text to split (None when refused) and the problems met."""

    document: Document
    text: str | None
    problems: tuple[Problem, ...]


def decode_file(source: str, sha256: str, raw: bytes) -> Decoded:
    """The text of a file's bytes, ready to split: binary, empty and HTML files are refused, control
    characters blanked (:data:`BLANK_CONTROLS`), NUL padding at the end dropped, lossy decoding noted.

    >>> d = decode_file("x.txt", "0" * 64, b"Hi\\x07 there")
    >>> d.text, d.document.encoding, [p.reason for p in d.problems]
    ('Hi  there', 'utf-8', ['1 control characters (U+0007) replaced by spaces'])
    >>> decode_file("x.txt", "0" * 64, b"%PDF-1.4").problems[0].reason
    'binary file, not text (PDF)'
    """
    kind = binary_kind(raw)
    if kind:
        doc = Document(source=source, sha256=sha256, encoding="binary", size=len(raw))
        return Decoded(doc, None, (Problem(source, f"binary file, not text ({kind})"),))
    padding = nul_padding(raw)
    text, encoding, note = decode_with_note(raw[:len(raw) - padding])
    doc = Document(source=source, sha256=sha256, encoding=encoding, size=len(raw))
    problems = [Problem(source, note, skipped=False)] if note else []
    if padding:
        problems.append(Problem(source, f"file ends in {padding} NUL bytes (truncated download?); "
                                "they were ignored", skipped=False))
    refusal = refuse_text(text)
    if refusal:
        return Decoded(doc, None, (Problem(source, refusal),))
    if controls := control_problems(source, text):  # else there is nothing to blank
        problems += controls
        text = text.translate(BLANK_CONTROLS)
    return Decoded(doc, text, tuple(problems))
