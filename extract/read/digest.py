"""Split a plain-text digest into articles, the way a reader would.

The text is cut into lines (on ``"\\n"``; a trailing ``"\\r"`` is part of the line
ending) and blocks (runs of non-blank lines).  A *headline* is a headline-like
line (short, no final period) that opens a block and is followed by a
*metadata zone* -- chrome ("Save", "Share"), date lines, outlet, country,
place-outlet, handle and byline lines -- and then a body.  Where the file has no
such headline, or after a closing URL line or a separator line, a headline-like
line followed by a body paragraph opens an article.  A file with no boundary at
all is one article (its first line is the headline when headline-like).

Metadata (:mod:`newsgraph.extract.read.articlemeta`) comes from the zone (outlet line > agency
in the body's dateline > domain of the URL), the wire dateline opening the first paragraph
("YEREVAN, MARCH 22, ARMENPRESS." / "LONDON (Reuters) -"), a "– writes Jane Doe"
byline closing a paragraph, and a URL line closing the article (not in the body).
``Article.body`` is a verbatim slice of ``text``; it keeps the dateline paragraph.

>>> text = ("Talks resume in Vienna\\n\\nShare\\n\\nMarch 3 2023\\n\\n"
...         "VIENNA (Reuters) - Envoys met again.\\n\\nhttps://www.example-news.com/a\\n")
>>> [a], problems = split_digest(text, source="d.txt")
>>> a.headline, a.date, a.outlet, a.datelines, a.url, a.body
('Talks resume in Vienna', '2023-03-03', 'Reuters', ('VIENNA',), 'https://www.example-news.com/a', \
'VIENNA (Reuters) - Envoys met again.')
>>> text[a.body_start:a.body_start + len(a.body)] == a.body, problems
(True, [])
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from newsgraph.extract.read import dateorder
from newsgraph.extract.read import metalines as ml
from newsgraph.extract.read.articlemeta import Meta, domain
from newsgraph.extract.records import Article, Problem


class Line(NamedTuple):
    """One line of the text: 1-based number, span without the line ending, stripped text, kind."""

    no: int
    start: int
    end: int
    text: str
    kind: str
    payload: object = None
    headline: bool = False  # headline-like (:func:`newsgraph.extract.read.metalines.headline_like`)


class Part(NamedTuple):
    """One article's lines: its headline (None when it has none), metadata lines and body lines."""

    head: Line | None
    zone: list[Line]
    lines: list[Line]


@dataclass(frozen=True)
class FileContext:
    """What every article of one file is read with: its source, sha256 and date orders (the order
    asked for, the order of the file's unambiguous numeric dates or None)."""

    source: str
    sha256: str
    date_order: str = "mdy"
    file_order: str | None = None


def lines_of(text: str) -> list[Line]:
    """Lines with exact offsets ("\\r\\n" and "\\n" both end a line).

    >>> [(ln.no, ln.start, ln.end, ln.kind) for ln in lines_of("Hi there\\r\\n\\r\\nShare")]
    [(1, 0, 8, 'name'), (2, 10, 10, 'blank'), (3, 12, 17, 'chrome')]
    """
    out, pos, seen = [], 0, {"": ("blank", None, False)}  # kind, payload, headline of each text
    for no, raw in enumerate(text.split("\n"), 1):
        size = len(raw)
        end = pos + size - 1 if raw.endswith("\r") else pos + size
        stripped = (raw[:-1] if end - pos < size else raw).strip()
        if (about := seen.get(stripped)) is None:
            kind, payload = ml.classify(stripped)
            about = seen[stripped] = (kind, payload, ml.headline_like(stripped, kind))
        out.append(Line(no, pos, end, stripped, *about))
        pos += size + 1
    return out


def blocks_of(lines: Sequence[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    blocks, cur = [], []
    for ln in lines:
        if ln.kind == "blank":
            if cur:
                blocks.append(cur)
            cur = []
        else:
            cur.append(ln)
    if cur:
        blocks.append(cur)
    return blocks


def _is_meta(ln: Line) -> bool:
    return ln.kind in ml.HARD or ln.kind in ml.SOFT


def _zone(blocks: list[list[Line]], b: int) -> tuple[list[Line], int] | None:
    """Metadata lines after the headline of block ``b`` and the index of the first body block.

    None when the headline is not followed by metadata with at least one hard line and a body.
    """
    rest = blocks[b][1:]
    if not all(_is_meta(ln) for ln in rest) or (rest and not any(ln.kind in ml.HARD for ln in rest)):
        return None
    run = [rest] if rest else []
    j = b + 1
    while j < len(blocks) and all(_is_meta(ln) for ln in blocks[j]) and len(run) < 8:
        if _dated(run) and _next_headline(blocks, j):
            break
        run.append(blocks[j])
        j += 1
    last_hard = max((i for i, blk in enumerate(run) if any(ln.kind in ml.HARD for ln in blk)), default=-1)
    if last_hard < 0 or _later_headline(blocks[b][0], run[:last_hard]):
        return None
    zone = [ln for blk in run[:last_hard + 1] for ln in blk]
    body = b + 1 + last_hard + (0 if rest else 1)
    return (zone, body) if body < len(blocks) else None


def _dated(run: list[list[Line]]) -> bool:
    return any(ln.kind in ("date", "xdate", "baddate") for blk in run for ln in blk)


def _next_headline(blocks: list[list[Line]], j: int) -> bool:
    """Block ``j`` is a lone headline-like line followed by its own date line (a new article)."""
    return (len(blocks[j]) == 1 and blocks[j][0].headline and j + 1 < len(blocks)
            and _dated([blocks[j + 1]]))


def _later_headline(head: Line, run: list[list[Line]]) -> bool:
    """A lone line before the metadata looks more like the headline than ``head`` (a preamble)."""
    words = len(head.text.split())
    return any(len(blk) == 1 and len(blk[0].text.split()) >= max(4, words + 1)
               and blk[0].headline for blk in run)


def _weak(blocks: list[list[Line]], b: int) -> bool:
    """Block ``b`` is a lone headline-like line followed (after short lines) by a body paragraph."""
    if len(blocks[b]) != 1 or not blocks[b][0].headline:
        return False
    for blk in blocks[b + 1:b + 4]:
        if any(ln.kind == "text" for ln in blk):
            return True
        if not all(ln.kind in ml.SOFT for ln in blk):
            return False
    return False


def _closes(blocks: list[list[Line]], b: int) -> bool:
    """The block before ``b`` ends with a URL or separator line (an article closed there)."""
    return b == 0 or blocks[b - 1][-1].kind in ("url", "separator")


def boundaries(blocks: list[list[Line]]) -> list[tuple[int, list[Line], int]]:
    """``(headline block, metadata lines, first body block)`` of every article start."""
    strong: dict[int, tuple[list[Line], int]] = {}
    b = 0
    while b < len(blocks):
        z = _zone(blocks, b) if blocks[b][0].headline else None
        if z:
            strong[b] = z
            b = z[1]
        else:
            b += 1
    weak = [b for b in range(len(blocks)) if _weak(blocks, b)]
    if strong:
        weak = [b for b in weak if _closes(blocks, b)]
    elif len(weak) > 1 and weak[0] == 0:
        weak = [b for i, b in enumerate(weak) if i == 0 or weak[i - 1] != b - 1]
    elif weak and weak[0] == 0:
        weak = [0]
    else:
        weak = []
    starts = dict(strong)
    for b in weak:
        if not any(s <= b < z[1] for s, z in strong.items()):
            starts.setdefault(b, ([], b + 1))
    return [(b, *starts[b]) for b in sorted(starts)]


def split_digest(text: str, *, source: str = "", sha256: str = "",
                 date_order: str = "mdy") -> tuple[list[Article], list[Problem]]:
    """Articles of a digest (or of a single-article text) and the problems met.

    ``date_order`` reads an ambiguous numeric date line no other date tells the order of
    (:mod:`newsgraph.extract.read.dateorder`).

    >>> arts, probs = split_digest("Share\\n\\nComments\\n", source="x.txt")
    >>> arts, [p.reason for p in probs]
    ([], ['no article could be recognised in x.txt'])
    """
    lines = lines_of(text)
    blocks = blocks_of(lines)
    problems = [Problem(source, f"impossible date {ln.text!r}: no such day; the line was ignored", ln.no,
                        skipped=False) for ln in lines if ln.kind == "baddate"]
    starts = [(blocks[b][0], zone, b, body_b) for b, zone, body_b in boundaries(blocks)]
    parts = [Part(head, zone, [ln for blk in blocks[body_b:(starts[i + 1][2] if i + 1 < len(starts)
                                                         else len(blocks))] for ln in blk])
             for i, (head, zone, _, body_b) in enumerate(starts)]
    if not parts and blocks:
        parts = [_single(blocks)]
    elif starts and starts[0][2] > 0:
        first, last = blocks[0][0], blocks[starts[0][2] - 1][-1]
        problems.append(Problem(source, f"lines {first.no}-{last.no} before the first headline "
                                "are not part of any article", first.no))
    ctx = FileContext(source, sha256, date_order,
                      dateorder.file_order(ln.text for ln in lines if ln.kind in ("date", "xdate")))
    articles: list[Article] = []
    for part in parts:
        art, found = _article(text, part, ctx, len(articles))
        problems += found
        if art is None and (head := part.head) is not None:
            problems.append(Problem(source, f"headline {head.text[:60]!r} has no article text", head.no))
        elif art is not None:
            articles.append(art)
    if not articles:
        return [], [Problem(source, f"no article could be recognised in {source or 'the text'}")]
    return articles, sorted(problems, key=lambda p: p.line or 0)


def _single(blocks: list[list[Line]]) -> Part:
    """The whole text as one article: headline = first line when headline-like."""
    flat = [ln for blk in blocks for ln in blk]
    head = flat[0] if flat[0].headline else None
    if head and (z := _zone(blocks, 0)):
        return Part(head, z[0], [ln for blk in blocks[z[1]:] for ln in blk])
    i = 1 if head else 0
    while i < len(flat) - 1 and flat[i].kind in ml.HARD:
        i += 1
    return Part(head, flat[1 if head else 0:i], flat[i:])


def _article(text: str, part: Part, ctx: FileContext, index: int) -> tuple[Article | None, list[Problem]]:
    """Build one article from its headline, metadata lines and body lines (and the problems of its
    ambiguous dates)."""
    head, body_lines = part.head, list(part.lines)
    tail_end, tail_url = 0, None
    while body_lines and body_lines[-1].kind in ("url", "chrome", "separator", "handle"):
        tail = body_lines.pop()
        if tail.kind != "separator":
            tail_end = max(tail_end, tail.end)
        if tail.kind == "url" and not tail_url:
            tail_url = tail.payload
    if not body_lines:
        return None, []
    url = next((ln.payload for ln in part.zone if ln.kind == "url"), None) or tail_url
    zone, problems = _dates_read(part.zone, url, body_lines[0].text, ctx, index)
    meta = Meta.of_zone((ln.kind, ln.payload) for ln in zone)
    meta.url = meta.url or tail_url
    first, last = body_lines[0], body_lines[-1]
    body_start = text.index(first.text[0], first.start)  # its first non-blank character
    body = text[body_start:last.end].rstrip()
    meta.add_body([ln.text for ln in body_lines[:2]])
    if not meta.outlet and meta.url:
        meta.outlet = domain(meta.url)
    start = text.index(head.text[0], head.start) if head else min([body_start] + [ln.start for ln in zone])
    tail_end = max([tail_end, last.end] + [ln.end for ln in zone])
    return Article(source=ctx.source, source_sha256=ctx.sha256, index=index, start=start, end=tail_end,
                   headline=head.text if head else "", body=body, body_start=body_start,
                   date=meta.date, outlet=meta.outlet, url=meta.url, author=meta.author,
                   datelines=tuple(meta.datelines or ()), country_line=meta.country,
                   line=head.no if head else first.no), problems


def _dates_read(zone: list[Line], url: str | None, opening: str, ctx: FileContext,
                index: int) -> tuple[list[Line], list[Problem]]:
    """The metadata lines with every ambiguous numeric date read in the order the article's other dates
    (or the file, or ``ctx.date_order``) tell, and a warning for each reading that was a guess."""
    other = {i: ml.classify(ln.text, "dmy") for i, ln in enumerate(zone) if ln.kind in ("date", "xdate")}
    ambiguous = {i: alt for i, alt in other.items() if alt != (zone[i].kind, zone[i].payload)}
    if not ambiguous:
        return zone, []
    isos = [_iso(zone[i]) for i in other if i not in ambiguous]
    days = dateorder.evidence(url, opening, isos)
    zone, problems = list(zone), []
    for i, (kind, payload) in ambiguous.items():
        ln, alt = zone[i], zone[i]._replace(kind=kind, payload=payload)
        iso, why = dateorder.choose(_iso(ln), _iso(alt), days, ctx.file_order, ctx.date_order)
        zone[i] = ln if iso == _iso(ln) else alt
        if why:
            problems.append(Problem(ctx.source, f"ambiguous date {ln.text!r} read as {iso[:10]} ({why})",
                                    ln.no, index, skipped=False))
    return zone, problems


def _iso(ln: Line) -> str:
    """The ISO date of a date or xdate line."""
    return ln.payload if ln.kind == "date" else ln.payload[1]
