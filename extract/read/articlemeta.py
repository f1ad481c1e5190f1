"""What a digest article says about itself: date, outlet, country line, datelines, author, URL.

:meth:`Meta.of_zone` reads the metadata lines between headline and body (their
:func:`newsgraph.extract.read.metalines.classify` kind and payload); :meth:`Meta.add_body` the
wire dateline and "– writes Jane Doe" byline of the first paragraphs.  What is found first wins
(an outlet line > the agency in the dateline > the URL's domain, :func:`domain`).

>>> m = Meta.of_zone([("date", "2023-03-03"), ("byline", "Jane Doe")])
>>> m.add_body(["LONDON (Reuters) - Prices rose."])
>>> m
Meta(date='2023-03-03', outlet='Reuters', url=None, author='Jane Doe', datelines=('LONDON',), country=None)
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsgraph.extract.read import metalines as ml

__all__ = ["Meta", "domain"]


@dataclass
class Meta:
    """The metadata of one article, filled while its lines are read (None: not found)."""

    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    datelines: tuple[str, ...] | None = None
    country: str | None = None

    @classmethod
    def of_zone(cls, zone: Iterable[tuple[str, object]]) -> Meta:
        """Date, outlet, country line, datelines, author and URL from the metadata lines (kind, payload)."""
        meta = cls()
        for kind, p in zone:
            if kind in ("date", "xdate"):
                meta.set_date(p if kind == "date" else p[1])
            if kind == "xdate":
                meta._place_or_outlet(p[0])
            elif kind == "place_outlet":
                meta.datelines = p[0] if meta.datelines is None else meta.datelines
                meta.outlet = p[1] if meta.outlet is None else meta.outlet
            elif kind == "byline":
                meta.author = p if meta.author is None else meta.author
            elif kind == "url":
                meta.url = p if meta.url is None else meta.url
            elif kind in ("name", "outlet") and meta.outlet is None:
                meta._outlet_line(p)
        return meta

    def _place_or_outlet(self, prefix: str) -> None:
        """What stands beside the date of a date line: a country, dateline places or an outlet."""
        if ml.is_country(prefix):
            self.country = prefix if self.country is None else self.country
        elif all(ml.is_place(x) for x in prefix.split(",")):
            if self.datelines is None:
                self.datelines = tuple(x.strip() for x in prefix.split(","))
        elif self.outlet is None:
            self.outlet = prefix

    def _outlet_line(self, text: str) -> None:
        """An outlet line, "Outlet" or "Outlet, Country"."""
        name, _, country = text.rpartition(",")
        if name.strip() and ml.is_country(country):
            self.outlet = name.strip()
            self.country = country.strip() if self.country is None else self.country
        else:
            self.outlet = text

    def set_date(self, iso: str) -> None:
        """First date wins; a later line of the same day that adds the time refines it."""
        old = self.date
        if old is None or (len(old) == 10 and iso.startswith(old) and len(iso) > 10):
            self.date = iso

    def add_body(self, first_pars: list[str]) -> None:
        """Wire dateline and "– writes Jane Doe" byline in the first paragraphs."""
        if first_pars and (dl := ml.agency_dateline(first_pars[0])):
            places, agency, iso = dl
            self.datelines = places if self.datelines is None else self.datelines
            if agency and self.outlet is None:
                self.outlet = agency
            if iso and not self.date:
                self.date = iso
        for par in first_pars:
            if (who := ml.writes_byline(par)) and not self.author:
                self.author = who


def domain(url: str) -> str | None:
    """Host of a URL without "www.".

    >>> domain("https://www.example-news.com/a/b"), domain("globeecho.com/x")
    ('example-news.com', 'globeecho.com')
    """
    host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    return host.removeprefix("www.") or None
