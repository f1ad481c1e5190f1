"""Named officials of the field's country dictionary (``officials.tsv``, PETRARCH2, MIT): a full
name -> the person's country and dated sector spans.

Only full names are looked up (two words or more once titles are dropped): a surname alone names
too many people.  A name several countries' officials share gives nothing.  The spans end at the
latest on the dictionary's latest date (2015-02-17): an article of a later day gets no sector.

>>> o = official("Vladimir Putin")
>>> o.country, o.sector_on("2005-06-01"), o.sector_on("1990-01-01"), o.sector_on(None)
('RUS', 'GOV', 'ELI', None)
>>> official("President Vladimir V. Putin").name, official("Putin"), official("Vladimir")
('Vladimir Putin', None, None)
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.extract.lexicon import rows
from newsgraph.extract.lexicon.names import norm, person_key

FILE = "officials.tsv"


@dataclass(frozen=True)
class Official:
    """One listed official: display name, ISO3 country, (sector, start, end) spans (ISO dates, ""
    for an open start)."""

    name: str
    country: str
    spans: tuple[tuple[str, str, str], ...]

    def sector_on(self, day: str | None) -> str | None:
        """The sector of the span that holds ``day`` (an ISO date or date-time), None for no day, no
        span or two sectors at once; an office outranks the elite span (ELI) it overlaps.

        >>> Official("Jane Roe", "XYZ", (("ELI", "", "2001-12-31"), ("GOV", "2001-06-01", "2003-05-31"),
        ...          ("LEG", "2003-05-31", "2004-01-01"))).sector_on("2001-07-01T10:00:00")
        'GOV'
        >>> Official("Jane Roe", "XYZ", (("GOV", "2001-06-01", "2003-05-31"),
        ...          ("LEG", "2003-05-31", "2004-01-01"))).sector_on("2003-05-31") is None
        True
        """
        if not day:
            return None
        day = day[:10]
        found = {s for s, start, end in self.spans if start <= day <= end}
        found = found - {"ELI"} or found
        return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Person key of every listed full name (display name and other forms) -> the (name, country,
    spans) rows of the officials so named, spans as written (read when a name is looked up)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for name, forms, country, spans in rows(FILE):
        row = (name, country, spans)
        for key in {key_of_listed(f) for f in (name, *forms.split("|")) if f}:
            out.setdefault(key, []).append(row)
    return {k: tuple(v) for k, v in out.items()}


def _official(row: tuple[str, str, str]) -> Official:
    name, country, spans = row
    return Official(name, country, tuple(tuple(s.split(" ")) for s in spans.split(";") if s))


def key_of_listed(form: str) -> str:
    """:func:`~newsgraph.extract.lexicon.names.person_key` of a listed form, which the converter
    wrote without titles, possessive or quotes: its cheaper half (the table loads with the pipeline).

    >>> key_of_listed("Jean-Pierre A. Quill") == person_key("Jean-Pierre A. Quill") == "jean pierre a quill"
    True
    """
    return norm(form, keep_hyphens=True).replace("-", " ")


@lru_cache(maxsize=1 << 14)
def official(name: str) -> Official | None:
    """The official a full name (titles allowed in front) names; None for a partial name, an unlisted
    one or one officials of several countries share (one country's records of a name are merged)."""
    key = person_key(name)
    found = [_official(r) for r in table().get(key, ())] if " " in key else ()
    if not found or len({o.country for o in found}) > 1:
        return None
    if len(found) == 1:
        return found[0]
    spans = tuple(sorted({s for o in found for s in o.spans}, key=lambda s: (s[1], s[2], s[0])))
    return Official(found[0].name, found[0].country, spans)


def official_of(forms: Iterable[str]) -> Official | None:
    """The official the first listed full name among ``forms`` names (an entity's name and forms).

    >>> official_of(["Putin", "Vladimir V. Putin"]).name, official_of(["Putin", "Mr Putin"])
    ('Vladimir Putin', None)
    """
    return next((o for o in map(official, forms) if o is not None), None)
