"""Where two reports of one happening may be: the same place, a place and its country, or two towns
close enough to be one scene named at two scales (a suburb and its city: "Croydon", "London").

>>> s = Sites({"actor/location/croydon": "actor/state/GBR"}, {"actor/location/croydon": (51.38, -0.10),
...           "actor/location/london": (51.51, -0.13)})
>>> s.same_site("actor/location/croydon", "actor/state/GBR"), s.same_site("actor/location/croydon",
...                                                                         "actor/location/london")
(True, True)
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.graph.model import Actor
from newsgraph.graph.resolve.geo import city_point

#: Two towns this close may be one happening's scene named at two scales (a suburb and its city).
SITE_KM = 50


@dataclass(frozen=True)
class Sites:
    """What place comparisons need: each place's country key and, for towns, coordinates."""

    country: dict[str, str | None]
    point: dict[str, tuple[float, float]]
    within: dict[str, str] = field(default_factory=dict)  # a place named as part of another -> that one

    @classmethod
    def of(cls, actors: Sequence[Actor]) -> Sites:
        code = {a.key: a.code for a in actors if a.kind == "State"}
        places = [a for a in actors if a.kind == "Location"]
        towns = ((a.key, city_point(a.label, code.get(a.country or ""))) for a in places)
        sites = [a for a in actors if a.kind in ("Location", "Organization")]  # (a building may be a body's)
        return cls({a.key: a.country for a in actors}, {k: p for k, p in towns if p}, _parts(sites))

    def same_site(self, a: str, b: str) -> bool:
        """Two places that may be one happening's scene: equal, one is the other's country, a country
        and a town whose country no gazetteer knows (a village may be in it), or two towns within
        ``SITE_KM`` of each other (a suburb and its city: "Croydon", "London").

        >>> Sites({"state/ARM": "state/ARM", "location/yeraskh": None}, {}).same_site(
        ...     "state/ARM", "location/yeraskh")
        True
        """
        if a == b or self.country.get(a) == b or self.country.get(b) == a:
            return True
        if self.within.get(a) == b or self.within.get(b) == a:
            return True  # "the Oval Office of the White House" and "the White House"
        if any(self.country.get(x) == x and self.country.get(y) is None for x, y in ((a, b), (b, a))):
            return True
        p, q = self.point.get(a), self.point.get(b)
        return p is not None and q is not None and km(p, q) <= SITE_KM


def _parts(places: Sequence[Actor]) -> dict[str, str]:
    """Place key -> the place its name says it is part of: "Oval Office of the White House" -> the White
    House, "Old City of Jerusalem" -> Jerusalem (when the text names that place too).

    >>> a = Actor("location/oval", "Location", "Oval Office of the White House", ())
    >>> _parts([a, Actor("location/wh", "Location", "White House", ())])
    {'location/oval': 'location/wh'}
    """
    by_name = {a.label.lower(): a.key for a in places}
    out = {}
    for a in places:
        name = a.label.lower()
        for sep in (" of the ", " of ", " in "):
            whole = by_name.get(name.rsplit(sep, 1)[1]) if sep in name else None
            if whole is not None and whole != a.key:
                out[a.key] = whole
                break
    return out


def km(p: tuple[float, float], q: tuple[float, float]) -> float:
    """Great-circle distance in km.

    >>> round(km((51.38, -0.10), (51.51, -0.13)))
    15
    """
    la1, lo1, la2, lo2 = map(math.radians, (*p, *q))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))
