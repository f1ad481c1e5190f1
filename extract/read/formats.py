"""Input formats, found by file suffix in one table (:data:`FORMATS`).

A format is a splitter -- ``split(text, *, source, sha256) -> (articles, problems)`` -- and how
its articles sit in the file.  :func:`newsgraph.extract.read.read_file` picks a file's format
by suffix (a file of any other suffix, given by name, is read as :data:`TEXT`), and
:func:`newsgraph.extract.read.read_inputs` walks folders for the suffixes of the table.  A new
input format is one module with its splitter plus one row here.

>>> format_of("feed.NDJSON", "")[0].name, format_of("notes.md", "Talks resume\\n\\nEnvoys met.\\n")[0].name
('JSONL', 'digest')
>>> fmt, note = format_of("feed.txt", '{"text": "Envoys met."}\\n')   # a feed saved as .txt
>>> fmt.name, note
('JSONL', 'JSON Lines content in a text file; read as JSONL')
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.extract.read.digest import split_digest
from newsgraph.extract.read.jsonl import looks_like_jsonl, read_jsonl
from newsgraph.extract.records import Article, Problem

__all__ = ["Format", "FORMATS", "TEXT", "format_of", "suffixes_named"]

Splitter = Callable[..., tuple[list[Article], list[Problem]]]


@dataclass(frozen=True)
class Format:
    """One input format: its splitter and how its articles sit in the file.

    ``feed``: one article per record of named fields (a problem points at the record's line;
    a missing headline is a missing field, not a reading problem); else the articles are cut
    from running text and their body offsets are file offsets.  ``sniff`` recognises the
    format's content in a file of :data:`TEXT` suffix; ``title`` names that content in the note.
    ``date_order``: the splitter takes the ``date_order`` keyword (:attr:`ReadLimits.date_order
    <newsgraph.extract.read.limits.ReadLimits.date_order>`) to read ambiguous numeric dates.
    """

    name: str
    split: Splitter
    feed: bool = False
    sniff: Callable[[str], bool] | None = None
    title: str = ""
    date_order: bool = False


#: Digests and single articles: plain text (:mod:`newsgraph.extract.read.digest`).
DIGEST = Format("digest", split_digest, date_order=True)
#: JSON Lines feeds, one article per line (:mod:`newsgraph.extract.read.jsonl`).
JSONL = Format("JSONL", read_jsonl, feed=True, sniff=looks_like_jsonl, title="JSON Lines", date_order=True)

#: The input formats by file suffix (compared lower-cased): folders are walked for these suffixes.
FORMATS: dict[str, Format] = {
    ".txt": DIGEST,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
}
#: The format of a file given by name whose suffix is not in :data:`FORMATS`.
TEXT = DIGEST


def by_suffix(path: str) -> Format | None:
    """The format of ``path`` by its suffix, None when the table has no row for it.

    >>> by_suffix("a/B.TXT").name, by_suffix("notes.md")
    ('digest', None)
    """
    name = path.lower()
    return next((fmt for suffix, fmt in FORMATS.items() if name.endswith(suffix)), None)


def format_of(path: str, text: str) -> tuple[Format, str | None]:
    """The format to read ``path`` (its decoded ``text``) with, and a note when its content, not its
    suffix, decided (a feed saved as text)."""
    fmt = by_suffix(path) or TEXT
    if fmt is TEXT:
        for other in dict.fromkeys(FORMATS.values()):
            if other is not fmt and other.sniff is not None and other.sniff(text):
                return other, f"{other.title} content in a text file; read as {other.name}"
    return fmt, None


def suffixes_named() -> str:
    """The suffixes a folder is searched for, as a message names them (one per format).

    >>> suffixes_named()
    '.txt or .jsonl'
    """
    first: dict[Format, str] = {}
    for suffix, fmt in FORMATS.items():
        first.setdefault(fmt, suffix)
    *others, last = first.values()
    return f"{', '.join(others)} or {last}" if others else last
