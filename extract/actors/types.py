"""Typing of one actor mention: kind, canonical name, cluster key, country, sector.

:func:`classify` looks a mention's text up in the gazetteer, parses government
body names and web domains, and falls back on the NER label with shape rules.

>>> classify("YEREVAN", "PERSON").kind, classify("YEREVAN", "PERSON").name
('Location', 'Yerevan')
>>> m = classify("the Azerbaijani Defense Ministry", "ORG")
>>> m.name, m.country, m.sector
('Ministry of Defense of Azerbaijan', 'AZE', 'MIL')
>>> classify("Mod.gov.az", "ORG").name
'Ministry of Defense of Azerbaijan'
>>> m = classify("Trend.az", "ORG"); (m.kind, m.country, m.sector)
('Outlet', 'AZE', 'MED')
>>> classify("Dr O\\u2019Brien", "ORG").kind
'Person'
>>> classify("Azerbaijani", "NORP") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.extract.actors.context import without_descriptors
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import (
    COURTESY,
    clean,
    fold,
    is_shouting,
    norm,
    strip_honorifics,
    surface,
)
from newsgraph.extract.lexicon.officials import official

_FIRST_WORD = re.compile(r"(\S+)\s")  # a first word that more words follow
_DOMAIN = re.compile(r"^(?:www\.)?((?:[\w-]+\.)*?)([\w-]+)\.((?:gov|mil|com|org|net|co)\.)?([a-z]{2,6})$",
                     re.I)
_NEWS_TLDS = {"com", "net", "org", "info", "news", "co", "tv", "media", "eu", "io"}
_MINISTRY = re.compile(r"^(?:Ministry|Ministries|Department|Office) (?:of|for) (?:the )?(.+?)"
                       r"(?: of (?:the )?(.+))?$")
_REVERSED = re.compile(r"^(.+?) (Ministry|Department|MFA|MoD|MOD|MoFA)$")
_ACRONYM_MIN = {"MFA": "foreign affairs", "MOFA": "foreign affairs", "MOD": "defense",
                "MID": "foreign affairs"}
GEO_SUFFIX = re.compile(r"\s(corridor|road|highway|airport|district|province|region|canton|oblast|krai|"
                        r"county|governorate|valley|gorge|village|checkpoint|crossing|bridge|mountains|"
                        r"river|lake|sea|strait|square|street|avenue|boulevard|national forest|"
                        r"park|desert|peninsula|islands|canal|air base|range)$"
                        r"|^(fort|mount|lake|camp)\s", re.I)


@dataclass(frozen=True)
class Mention:
    """What one entity span is: the clustering and typing decision for it."""

    kind: str                  # one of records.ACTOR_KINDS
    name: str                  # canonical or cleaned name
    key: tuple                 # clustering key within the article
    form: str                  # the surface form (possessive/"the" stripped)
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    weak: bool = False         # typed by shape only (may yield to a person's surname)


def _portfolio(text: str) -> tuple[str, str] | None:
    return gz.gov()["portfolios"].get(norm(text, keep_hyphens=True))


def _owner(text: str, cities: bool = False) -> str | None:
    """ISO3 of a state named by a state name, a demonym or (with ``cities``) a city."""
    text = surface(text)
    code = gz.state_code(text) or gz.demonym_code(text)
    if code or not cities:
        return code
    return gz.place_country(text)


def ministry(portfolio_key: str, country: str | None, form: str) -> Mention:
    """The government ministry for a portfolio key ("defense") of ``country``.

    >>> ministry("defence", "ARM", "x").name
    'Ministry of Defense of Armenia'
    """
    subject, sector = gz.gov()["portfolios"].get(portfolio_key, (portfolio_key.title(), "GOV"))
    name = f"Ministry of {subject}" + (f" of {gz.state_name(country)}" if country else "")
    key = ("B", norm(name, keep_hyphens=True)) if country \
        else ("b", "ministry", norm(subject, keep_hyphens=True))
    return Mention("Organization", name, key, form, country=country, sector=sector)


def _domain(text: str) -> Mention | None:
    m = _DOMAIN.match(text)
    if not m or "/" in text:
        return None
    label, second, tld = m.group(2).lower(), (m.group(3) or "").lower(), m.group(4).lower()
    country = gz.cctld(tld)
    if second in ("gov.", "mil.") or (country and label in gz.gov()["domains"] and not m.group(1)):
        port = gz.gov()["domains"].get(label)
        if port:
            return ministry(port, country, text)
        return Mention("Organization", text, ("G", norm(text, keep_hyphens=True)), text, country=country,
                       sector="GOV")
    known = gz.outlet(text)
    if known:
        return Mention("Outlet", known.name, ("O", known.name), text, country=known.country, sector="MED")
    if country or tld in _NEWS_TLDS:
        return Mention("Outlet", text, ("O", norm(text, keep_hyphens=True)), text, country=country,
                       sector="MED")
    return None


def _body(text: str) -> Mention | None:
    """Government/armed bodies: "Ministry of X of Y", "Y's X Ministry", "<Demonym> <Body>", "MFA Y"."""
    m = _MINISTRY.match(text)
    if m and _portfolio(m.group(1)) and (not m.group(2) or gz.state_code(m.group(2))):
        state = gz.state_code(m.group(2)) if m.group(2) else None
        return ministry(norm(m.group(1), keep_hyphens=True), state, text)
    words = text.split()
    if len(words) >= 2 and words[0].upper() in _ACRONYM_MIN and gz.state_code(" ".join(words[1:])):
        return ministry(_ACRONYM_MIN[words[0].upper()], gz.state_code(" ".join(words[1:])), text)
    for i in range(len(words) - 1, 0, -1):
        owner = _owner(" ".join(words[:i]))
        if owner:
            return _owned(" ".join(words[i:]), owner, text)
    m = _REVERSED.match(text)
    if m and (_portfolio(m.group(1)) or m.group(2).upper() in _ACRONYM_MIN):
        port = norm(m.group(1), keep_hyphens=True) if _portfolio(m.group(1)) \
            else _ACRONYM_MIN[m.group(2).upper()]
        return ministry(port, None, text)
    return None


def _owned(rest: str, owner: str, form: str) -> Mention | None:
    """A body ``rest`` ("Defense Ministry", "Air Force") belonging to state ``owner``."""
    rest = re.sub(r"^(?:'s|\u2019s)\s+", "", rest)
    known = gz.organization(rest, owner)
    if known:
        return Mention(known.kind, known.name, ("K", known.name), form, country=known.country or owner,
                       sector=known.sector)
    m = _MINISTRY.match(rest) or _REVERSED.match(rest)
    if m and _portfolio(m.group(1)):
        return ministry(norm(m.group(1), keep_hyphens=True), owner, form)
    if m and m.group(0) == rest and m.re is _REVERSED and m.group(2).upper() in _ACRONYM_MIN:
        return ministry(_ACRONYM_MIN[m.group(2).upper()], owner, form)
    last = rest.split()[-1]
    if last not in gz.gov()["heads"]["words"] and not re.search(r"peacekeep|forces", rest, re.I):
        return None
    if re.search(r"peacekeep", rest, re.I):
        name = f"{gz.state_name(owner)} peacekeeping contingent"
    else:
        name = f"{rest} of {gz.state_name(owner)}"
    return Mention("Organization", name, ("B", norm(name, keep_hyphens=True)), form, country=owner,
                   sector=gz.sector_of(rest) or "GOV")


#: People in a city (capitals weigh x10) for its name to overrule the NER's PERSON ...
BIG_CITY = 1_000_000
#: ... and its ORG (which the NER gives a city in a list or a headline more often than a person).
ORG_CITY = 200_000


def classify(text: str, label: str, surnames: frozenset[str] = frozenset(),
             placed: bool = False) -> Mention | None:
    """Type one entity span (its text and spaCy label); None when it is not an actor.

    The NER's PERSON stands against a place of the same name ("Kennedy", "Dole", "Perry")
    unless the span is ``placed`` (after "in", "near" ...), shouted like a dateline, or a city
    of a million people or a capital; a PERSON span that is one of ``surnames`` (lower-cased
    surnames of people the text names in full) stays a person unless it is ``placed``.  The NER's
    ORG likewise stands against a town of the same name ("Delta", "GAO") unless the span is
    ``placed`` or a city of ORG_CITY people or a capital.

    >>> classify("Clinton", "PERSON", frozenset({"clinton"})).kind, classify("Dole", "PERSON").kind
    ('Person', 'Person')
    >>> classify("Dole", "PERSON", placed=True).kind, classify("Baku", "PERSON").kind
    ('Location', 'Location')
    >>> classify("Gao", "ORG").kind, classify("Gao", "ORG", placed=True).kind, classify("Baku", "ORG").kind
    ('Organization', 'Location', 'Location')
    """
    form = _form(text)
    if not form or not any(c.isalpha() for c in form):
        return None
    if label != "PERSON" and _listed_official(form, label, placed):
        return _classify(form, "PERSON", True)
    person = label == "PERSON" and not placed and (form.lower() in surnames or not notable_place(form))
    body = label == "ORG" and not placed and _surface_title(form) not in _big_cities(ORG_CITY)
    return _classify(form, label, person or body)


def _listed_official(form: str, label: str, placed: bool) -> bool:
    """``form`` is the full name of a listed official (the field's dictionary), not also a place the
    NER's place label or the text may mean ("Gustavo Diaz Ordaz" is a town too): a person whatever
    the NER said."""
    return official(form) is not None and not ((placed or label in ("GPE", "LOC", "FAC"))
                                               and gz.place_country(form))


def _surface_title(form: str) -> str:
    return form.title() if is_shouting(form) else form


def notable_place(form: str) -> bool:
    """A place name strong enough to overrule the NER's PERSON: shouted, or a big city or capital."""
    return is_shouting(form) or form in _big_cities()


@lru_cache(maxsize=2)
def _big_cities(population: int = BIG_CITY) -> frozenset[str]:
    return frozenset(n for n, _ in gz.cities(population))


@lru_cache(maxsize=1 << 16)
def _form(text: str) -> str:
    return surface(clean(text)).strip(" ,;:()[]\"'")


@lru_cache(maxsize=1 << 16)
def _classify(form: str, label: str, named: bool) -> Mention | None:
    """:func:`classify` of a cleaned form: a pure function of the gazetteer tables, so kept.
    ``named``: the NER's label stands against a place of the same name."""
    places = () if named and label == "PERSON" else (_geo,) if named \
        else (_place, _town) if label == "ORG" else (_place,)
    for fn in (_gazetteer, _domain, _body, *places):
        m = fn(form)
        if m:
            return m
    return _by_label(form, label)


def _gazetteer(form: str) -> Mention | None:
    code = gz.state_code(form)
    if code:
        return Mention("State", gz.state_name(code), ("S", code), form, code=code, country=code)
    if gz.demonym_code(form):
        return None
    known = gz.organization(form)
    if known:
        code = known.code if known.kind == "State" else None
        key = ("S", code) if code else ("K", known.name)
        return Mention(known.kind, known.name, key, form, code=code, country=known.country or code,
                       sector=known.sector)
    out = gz.outlet(form)
    if out:
        return Mention("Outlet", out.name, ("O", out.name), form, country=out.country, sector="MED")
    return None


def _place(form: str) -> Mention | None:
    hit = gz.city(form)
    if hit:
        name = form.title() if is_shouting(form) else form
        return Mention("Location", name, ("L", fold(hit[0], keep_hyphens=True)), form, country=hit[1])
    return _geo(form)


def _town(form: str) -> Mention | None:
    """A town too small for the city table, for a name the text uses as a place ("in Didsbury")."""
    country = gz.place_country(form)
    if country and not gz.organization(form) and not gz.outlet(form):
        return Mention("Location", form, ("L", fold(form, keep_hyphens=True)), form, country=country)
    return None


def _geo(form: str) -> Mention | None:
    """A place by its last word ("Lachin corridor", "Zvartnots airport")."""
    if GEO_SUFFIX.search(form) and form[0].isupper():
        words = GEO_SUFFIX.sub("", form).split()
        owners = (_owner(" ".join(words[:k]), True) for k in range(len(words), 0, -1))
        country = next((c for c in owners if c), None)
        return Mention("Location", form, ("L", fold(form, keep_hyphens=True)), form, country=country)
    return None


def _org_country(name: str) -> str | None:
    """Country an organisation's own name gives: "... of <State>", "<State|Demonym|known place> ..."."""
    if " of " in name:
        code = gz.state_code(name.rsplit(" of ", 1)[1])
        if code:
            return code
    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        known = gz.organization(head)
        code = _owner(head) or (known.country if known else None)
        if code:
            return code
    codes = {gz.demonym_code(w) for w in words if w[:1].isupper()} - {None}
    return codes.pop() if len(codes) == 1 else None  # "Office of the Azerbaijani President"


def _courtesy_first(form: str) -> bool:
    """``form`` starts with a courtesy title and goes on ("Dr. Jane Roe")."""
    first = _FIRST_WORD.match(form)
    return bool(first) and first.group(1).casefold() in COURTESY


def _company(form: str) -> bool:
    """``form`` ends in a company's legal suffix ("Pirelli SpA", "Acme Holdings Ltd.").

    >>> _company("Pirelli SpA"), _company("Acme Co."), _company("Ana Lopez")
    (True, True, False)
    """
    words = form.replace(",", " ").split()
    return len(words) > 1 and words[-1].strip(".").lower() in gz.company_suffixes()


def _by_label(form: str, label: str) -> Mention | None:
    if label in ("PERSON", "GPE", "LOC", "FAC") and _company(form):
        label = "ORG"
    if label in ("PERSON", "ORG", "GPE") and _courtesy_first(form) or label == "PERSON":
        name = strip_honorifics(without_descriptors(form))
        if gz.demonym_code(name) or not any(c.isupper() for c in name):
            return None
        name = name.title() if is_shouting(name) else name
        return Mention("Person", name, ("P", norm(name, keep_hyphens=True)), form)
    if label == "ORG" or label == "FAC" and " " in form and gz.sector_of(form):  # "Airport Services"
        name = form.title() if is_shouting(form) and " " in form else form
        return Mention("Organization", name, ("G", norm(name, keep_hyphens=True)), form,
                       sector=gz.sector_of(name), country=_org_country(name),
                       weak=" " not in name and not name.isupper())
    if label in ("GPE", "LOC", "FAC"):
        name = form.title() if is_shouting(form) else form
        return Mention("Location", name, ("L", fold(name, keep_hyphens=True)), form, weak=True,
                       country=gz.place_country(name))
    return None
