"""Day or month first: the reading of an ambiguous numeric date line such as ``05/12/2026``.

A date line whose first two numbers can both be a month is read in the order the article's other
dates agree with -- the date in its URL (``/2026/12/05/``), a month name in its wire dateline
("YEREVAN, Dec 5 (Reuters)"), its other date lines -- else in the order the file's unambiguous
numeric dates prove (``25/12/2026`` is day first), else in the order asked for
(``newsgraph build --date-order``, :attr:`newsgraph.extract.read.limits.ReadLimits.date_order`);
only those last two are guesses, and :func:`choose` says so.

>>> days = evidence("https://news.example/2026/12/05/talks", "YEREVAN, Dec 5 (Reuters) - Talks.", [])
>>> sorted(days), choose("2026-05-12", "2026-12-05", days, None, "mdy")
([(12, 5)], ('2026-12-05', None))
>>> choose("2026-05-12", "2026-12-05", set(), None, "mdy")
('2026-05-12', 'month first: --date-order mdy (no other date of the article tells)')
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from newsgraph.extract.read.dates import MONTHS

__all__ = ["evidence", "choose", "proven_order", "file_order"]

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|\D|$)")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?!\d)", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\b", re.IGNORECASE)
_SLASH_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/\d{4}(?!\d)")
_NAMES = {"mdy": "month first", "dmy": "day first"}


def evidence(url: str | None, opening: str, isos: Iterable[str]) -> set[tuple[int, int]]:
    """(month, day) pairs the article's other dates hold: its URL's date, a month name and day in the
    wire dateline at the start of its ``opening`` paragraph, its other (unambiguous) ISO dates.

    >>> sorted(evidence(None, "PARIS, 5 December (AFP) - Strikes.", ["2026-12-04T09:00:00"]))
    [(12, 4), (12, 5)]
    """
    days: set[tuple[int, int]] = set()
    if url and (m := _URL_DATE.search(url)):
        days.add((int(m.group(2)), int(m.group(3))))
    head = opening[:80]
    for m in _MONTH_DAY.finditer(head):
        if m.group(1)[0].isupper():
            days.add((MONTHS[m.group(1).lower()], int(m.group(2))))
    for m in _DAY_MONTH.finditer(head):
        if m.group(2)[0].isupper():
            days.add((MONTHS[m.group(2).lower()], int(m.group(1))))
    days.update((int(iso[5:7]), int(iso[8:10])) for iso in isos)
    return days


def proven_order(line: str) -> str | None:
    """The order an unambiguous numeric slash date of ``line`` proves ("dmy" for 25/12/2026).

    >>> proven_order("25/12/2026"), proven_order("12/25/2026 09:00"), proven_order("05/12/2026")
    ('dmy', 'mdy', None)
    """
    for m in _SLASH_DATE.finditer(line):
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            return "dmy"
        if b > 12 >= a:
            return "mdy"
    return None


def file_order(lines: Iterable[str]) -> str | None:
    """The order most of the unambiguous numeric dates of a file's date lines prove (None: no date
    proves one, or as many prove each)."""
    votes = Counter(o for o in map(proven_order, lines) if o)
    if votes["dmy"] == votes["mdy"]:
        return None
    return "dmy" if votes["dmy"] > votes["mdy"] else "mdy"


def choose(mdy: str, dmy: str, days: set[tuple[int, int]], in_file: str | None,
           default: str) -> tuple[str, str | None]:
    """The reading (ISO) of an ambiguous date, month first ``mdy`` or day first ``dmy``, and why it
    was a guess (None when the article's other dates, ``days``, agree with one reading only)."""
    agree = {order: (int(iso[5:7]), int(iso[8:10])) in days for order, iso in (("mdy", mdy), ("dmy", dmy))}
    if agree["mdy"] != agree["dmy"]:
        return (mdy if agree["mdy"] else dmy), None
    if in_file:
        return (mdy if in_file == "mdy" else dmy), f"{_NAMES[in_file]}, as the file's other numeric dates"
    told = "the article's other dates disagree" if agree["mdy"] else "no other date of the article tells"
    return (mdy if default == "mdy" else dmy), f"{_NAMES[default]}: --date-order {default} ({told})"
