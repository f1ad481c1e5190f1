"""Absolute dates printed on their own line in digests, and ISO dates of feeds.

:func:`parse_date` reads a *date line* (a line that holds a date and nothing
else but a weekday, a time, a "Published:" label and separators) and returns an
ISO 8601 date, or a datetime when a time is printed.  Any other line gives
``None``, so the function doubles as the date-line test of the digest splitter.

Numeric dates: ``23.03.2023`` and ``23/03/2023`` read day first when the first
number is > 12 or the separator is a dot; an ambiguous slash date such as
``03/04/2023`` reads in the ``order`` asked for (``"mdy"``, month first, unless
told otherwise; the digest reader decides it by the article's other dates,
:mod:`newsgraph.extract.read.dateorder`).  A line that would be a date line but
for an impossible calendar date ("31 February 2023") is an :func:`impossible_date`.

>>> parse_date("March 23 2023")
'2023-03-23'
>>> parse_date(" 19:20, 22 March 2023")
'2023-03-22T19:20:00'
>>> parse_date("Thursday, 23 March, 2023 – 09:00")
'2023-03-23T09:00:00'
>>> parse_date("Mar. 23, 2023"), parse_date("23.03.2023"), parse_date("2023-03-23")
('2023-03-23', '2023-03-23', '2023-03-23')
>>> parse_date("The talks ended on March 23 2023.") is None
True
>>> parse_iso("2023-03-23 09:00:00"), parse_iso("2023-03-23T09:00:00Z")
('2023-03-23T09:00:00', '2023-03-23T09:00:00Z')
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from newsgraph.extract.lexicon.months import MONTHS

_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_LABEL = (r"^(?:(?:first\s+)?published|updated|last\s+updated|posted|date|released)"
          r"(?:\s+on)?\s*:?\s*")
_TIME = re.compile(
    r"(?:\bat\s+)?(?<![\d.:])(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?\s*"
    r"(?P<ampm>[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|MSK|ET|PT|CT|MT|Z|[A-Z]{1,4}T)?\s*[+-]\s*\d{1,2}(?::?\d\d)?"
    r"|\s*(?:GMT|UTC|MSK|ET|PT|CT|MT|[A-Z]{1,4}T)\b)?"
    r"(?![\d.])", re.IGNORECASE)
_TEXT_DATES = (
    re.compile(rf"^(?:{_WEEKDAY}\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\s+{_YEAR}$", re.IGNORECASE),
    re.compile(rf"^(?:{_WEEKDAY}\s+)?{_MONTH}\s+{_DAY}\s+{_YEAR}$", re.IGNORECASE),
)
_NUMERIC = re.compile(r"^(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{2,4})$")
#: Every date read has a 4-digit year (or ISO date) that survives as a run of digits in the line.
YEARISH = re.compile(r"\d\d\d\d")  # (faster than \d{4} in re)
_LABEL_RX = re.compile(_LABEL, re.IGNORECASE)
_ISO = re.compile(r"(\d\d\d\d-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d)?)(?:\.\d+)?"
                  r"\s*(Z|[+-]\d\d(?::?\d\d)?)?)?")
_SEPARATORS = re.compile(r"\s+[-–—|/]\s+|\s*[,|–—]\s*|\s+[-–—/]$|^[-–—/]\s+")
_SPACES = re.compile(r"\s+")
_LEADING_WEEKDAY = re.compile(rf"^{_WEEKDAY}\s+(?=\d)", re.IGNORECASE)


def parse_date(text: str, order: str = "mdy") -> str | None:
    """ISO date (or datetime, when a time is printed) of a date line; None for other lines.

    ``order`` ("mdy" or "dmy") reads a numeric date whose first two numbers can both be a month.

    >>> parse_date("Published: Monday, 3 April 2023, 9:15 pm GMT")
    '2023-04-03T21:15:00'
    >>> parse_date("23rd March, 2023"), parse_date("31 February 2023"), parse_date("2023")
    ('2023-03-23', None, None)
    >>> parse_date("05/12/2026"), parse_date("05/12/2026", "dmy"), parse_date("25/12/2026", "mdy")
    ('2026-05-12', '2026-12-05', '2026-12-25')
    """
    parts = _parts(text, order)
    if parts is None or isinstance(parts, str):
        return parts
    (year, month, day), hms = parts
    if (valid := _make(year, month, day)) is None:
        return None
    return valid.isoformat() if hms is None else datetime(year, month, day, *hms).isoformat()


def impossible_date(text: str) -> bool:
    """The line is a date line but for its calendar date, which does not exist.

    >>> impossible_date("31 February 2023"), impossible_date("2023-02-30"), impossible_date("1 May 2023")
    (True, True, False)
    """
    parts = _parts(text, "mdy")
    return isinstance(parts, tuple) and 1900 <= parts[0][0] <= 2100 and _make(*parts[0]) is None


def _parts(text: str, order: str) -> tuple[tuple[int, int, int], tuple[int, int, int] | None] | str | None:
    """The ISO date of an ISO line, else ((year, month, day), clock or None) of a date line (not checked
    against the calendar), else None."""
    if not isinstance(text, str):
        return None
    line = text.strip().strip("|").strip()
    if not line or len(line) > 80 or not YEARISH.search(line):
        return None
    return _date_line(line, order)


@lru_cache(maxsize=4096)
def _date_line(line: str, order: str):
    """:func:`_parts` of a stripped line of at most 80 characters (digests repeat their dates)."""
    iso = parse_iso(line)
    if iso:
        return iso
    line = _LABEL_RX.sub("", line)
    hms = None
    times = list(_TIME.finditer(line))
    if len(times) > 1:
        return None
    if times:
        hms = _clock(times[0])
        if hms is None:
            return None
        line = line[:times[0].start()] + " " + line[times[0].end():]
    day = _calendar_date(line, order)
    return None if day is None else (day, hms)


def parse_iso(text: str) -> str | None:
    """Normalise an ISO 8601 date or datetime string; None when it is not one.

    A space between date and time becomes ``T``; a time zone is kept as given
    (``Z`` or an offset); fractional seconds are dropped.

    >>> parse_iso("2023-03-23"), parse_iso("2023-03-23T09:00:00+04:00"), parse_iso("soon")
    ('2023-03-23', '2023-03-23T09:00:00+04:00', None)
    """
    if not isinstance(text, str):
        return None
    s = text.strip()
    m = _ISO.fullmatch(s)
    if not m:
        return None
    try:
        d = date.fromisoformat(m.group(1))
        if not m.group(2):
            return d.isoformat()
        t = datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}")
    except ValueError:
        return None
    zone = m.group(3) or ""
    if zone and zone != "Z" and ":" not in zone:
        zone = zone[:3] + (":" + zone[3:] if len(zone) > 3 else ":00")
    return t.isoformat() + zone


def _clock(m: re.Match) -> tuple[int, int, int] | None:
    """Hour, minute, second of a time match (12-hour clock handled)."""
    h, mi, s = int(m.group("h")), int(m.group("m")), int(m.group("s") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ampm == "pm" else 0)
    if h > 23 or mi > 59 or s > 59:
        return None
    return h, mi, s


def _calendar_date(rest: str, order: str) -> tuple[int, int, int] | None:
    """(year, month, day) of the date in what remains of a line once label and time are removed."""
    rest = _SEPARATORS.sub(" ", rest).strip()
    rest = _SPACES.sub(" ", rest)
    rest = _LEADING_WEEKDAY.sub("", rest)
    for rx in _TEXT_DATES:
        m = rx.match(rest)
        if m:
            return int(m.group("year")), MONTHS[m.group("mon").lower()], int(m.group("day"))
    m = _NUMERIC.match(rest)
    if not m:
        return None
    a, b, c, sep = int(m.group("a")), int(m.group("b")), int(m.group("c")), m.group("sep")
    if len(m.group("a")) == 4:
        return a, b, c
    if len(m.group("c")) != 4:
        return None
    month_first = a <= 12 and (order == "mdy" or b > 12) if sep == "/" else False
    return (c, a, b) if month_first else (c, b, a)


def _make(year: int, month: int, day: int) -> date | None:
    """A valid calendar date in a plausible range, else None."""
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
