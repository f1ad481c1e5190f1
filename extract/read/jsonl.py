"""JSON Lines feeds: one article per line, field names of common news scrapers.

Keys (first present, non-empty one wins): ``headline``/``title``;
``text``/``body``/``maintext``; ``date``/``date_publish``/``published`` (ISO 8601,
other printed dates tolerated); ``outlet``/``source``/``source_domain`` (a
``{"name": ...}`` object is read by its name); ``url``; ``author``/``authors``
(a list is joined with ", "); ``id`` (string or integer).  Unknown keys are
ignored.  A line without text, a non-JSON line and a JSON non-object are
skipped with a :class:`Problem`; a bad date or a wrong type in an optional field
keeps the article and reports a Problem with ``skipped=False``.

Offsets: ``start``/``end`` span the line in the decoded file text,
``body_start == start`` (the body is a JSON value, not a file slice), ``line``
is the 1-based line number.

>>> feed = '{"title": "Dam opens", "maintext": "Water flows.", "authors": ["A B", "C D"]}\\n'
>>> [a], problems = read_jsonl(feed, source="f.jsonl")
>>> a.headline, a.body, a.author, a.start, a.end, a.line, problems
('Dam opens', 'Water flows.', 'A B, C D', 0, 77, 1, [])
"""
from __future__ import annotations

import json
import re
from typing import NamedTuple

from newsgraph.extract.read.dateorder import choose, evidence
from newsgraph.extract.read.dates import impossible_date, parse_date, parse_iso
from newsgraph.extract.read.decoding import BLANK_CONTROLS
from newsgraph.extract.records import Article, Problem

#: Lone surrogates become U+FFFD (and control characters spaces, :data:`BLANK_CONTROLS`): no output
#: (XML, UTF-8 Turtle) can hold them.  One character for one, so offsets into values stay exact.
_SURROGATE = re.compile("[\ud800-\udfff]")

FIELDS = {
    "headline": ("headline", "title"),
    "text": ("text", "body", "maintext"),
    "date": ("date", "date_publish", "published"),
    "outlet": ("outlet", "source", "source_domain"),
    "url": ("url",),
    "author": ("author", "authors"),
    "id": ("id",),
}


class Line(NamedTuple):
    """One line of a feed: its text (without the line ending), 1-based number and span in the file."""

    text: str
    no: int
    start: int
    end: int


def read_jsonl(text: str, *, source: str = "", sha256: str = "",
               date_order: str = "mdy") -> tuple[list[Article], list[Problem]]:
    """Articles of a JSONL feed and the problems of its lines (``date_order``: see
    :func:`_date`).

    >>> arts, probs = read_jsonl('{"text": "ok"}\\nnot json\\n[1]\\n{"title": "x"}\\n', source="f.jsonl")
    >>> len(arts), [(p.line, p.reason.split(";")[0]) for p in probs]  # doctest: +NORMALIZE_WHITESPACE
    (1, [(2, 'line is not valid JSON (Expecting value, column 1)'),
         (3, 'line is JSON but not an object (list)'), (4, 'line has no text (keys text/body/maintext)')])
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    pos = 0
    for no, raw in enumerate(text.split("\n"), 1):
        start, end = pos, pos + len(raw) - (1 if raw.endswith("\r") else 0)
        pos += len(raw) + 1
        if not raw.strip():
            continue
        line = Line(text[start:end], no, start, end)
        art, found = _article(line, source, sha256, len(articles), date_order)
        problems += found
        if art:
            articles.append(art)
    if not articles:
        problems.append(Problem(source, f"no article could be recognised in {source or 'the feed'}"))
    return articles, problems


def looks_like_jsonl(text: str) -> bool:
    """Every non-blank line is a JSON object (a feed saved under another suffix).

    >>> looks_like_jsonl('{"text": "a"}\\n\\n{"text": "b"}\\n'), looks_like_jsonl("Talks resume\\n\\n{x}\\n")
    (True, False)
    """
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


def _article(line: Line, source: str, sha256: str, index: int,
             date_order: str = "mdy") -> tuple[Article | None, list[Problem]]:
    """One JSONL line to an Article (or None) and its problems."""
    no, start, end = line.no, line.start, line.end
    try:
        obj = json.loads(line.text)
    except json.JSONDecodeError as exc:
        reason = f"line is not valid JSON ({exc.msg.removesuffix(' at')}, column {exc.colno}); skipped"
        return None, [Problem(source, reason, no)]
    except (RecursionError, ValueError) as exc:
        return None, [Problem(source, f"line is not valid JSON ({exc}); skipped", no)]
    if not isinstance(obj, dict):
        return None, [Problem(source, f"line is JSON but not an object ({type(obj).__name__}); skipped", no)]
    problems: list[Problem] = []

    def field(name: str, *, skipped: bool = False) -> str | None:
        key, value = _pick(obj, FIELDS[name])
        if value is None:
            return None
        got = _as_text(name, value)
        if got is None:
            problems.append(Problem(source, f"field {key!r} is {type(value).__name__}, not text"
                                    + ("; line skipped" if skipped else "; ignored"), no, skipped=skipped))
        return got

    body = field("text", skipped=True)
    if body is None or not body.strip():
        if not problems:
            problems.append(Problem(source, "line has no text (keys text/body/maintext); skipped", no))
        return None, problems
    date = None
    if (raw_date := field("date")) is not None:
        url = _pick(obj, FIELDS["url"])[1]  # a hint only: the url field's problems are told below
        date, why = _date(raw_date, url if isinstance(url, str) else None, body, date_order)
        if why:
            problems.append(Problem(source, why, no, index, skipped=False))
    art = Article(source=source, source_sha256=sha256, index=index, start=start, end=end,
                  headline=(field("headline") or "").strip(), body=body.strip(), body_start=start,
                  date=date, outlet=_clean(field("outlet")), url=_clean(field("url")),
                  author=_clean(field("author")), ext_id=_clean(field("id")), line=no)
    return art, problems


def _date(raw: str, url: str | None, body: str, order: str) -> tuple[str | None, str | None]:
    """The ISO date of a date field and a warning: unreadable, or an ambiguous numeric date whose
    reading neither the URL's date nor the body's dateline tells (read in ``order``).

    >>> _date("05/12/2026", "https://x.example/2026/12/05/a", "", "mdy"), _date("9999-12-31", None, "", "mdy")
    (('2026-12-05', None), ('9999-12-31', None))
    >>> _date("31 February 2023", None, "", "mdy")
    (None, "impossible date '31 February 2023': no such day; date left empty")
    """
    if (iso := parse_iso(raw)) is not None:
        return iso, None
    mdy, dmy = parse_date(raw, "mdy"), parse_date(raw, "dmy")
    if mdy is None:
        what = "impossible date" if impossible_date(raw) else "unreadable date"
        end = ": no such day" if what == "impossible date" else ""
        return None, f"{what} {raw[:40]!r}{end}; date left empty"
    if mdy == dmy:
        return mdy, None
    iso, why = choose(mdy, dmy, evidence(url, body, []), None, order)
    return iso, (f"ambiguous date {raw[:40]!r} read as {iso[:10]} ({why})" if why else None)


def _pick(obj: dict, keys: tuple[str, ...]) -> tuple[str, object]:
    """First key whose value is present and not empty."""
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", [], {}):
            return key, value
    return keys[0], None


def _as_text(name: str, value: object) -> str | None:
    """The field as a string, or None when its type is wrong."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value.translate(BLANK_CONTROLS))
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if name == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return _as_text(name, ", ".join(v.strip() for v in value if v.strip()))
    if name == "outlet" and isinstance(value, dict) and isinstance(value.get("name"), str):
        return _as_text(name, value["name"])
    return None


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None
