"""Typing of one actor mention: kind, canonical name, cluster key, country, sector.

:func:`classify` looks a mention's text up in the gazetteer, parses government
body names and web domains (:mod:`.bodies`), and falls back on the NER label with shape rules.

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
from functools import lru_cache

from newsgraph.extract.actors.bodies import body, domain, org_country, owner
from newsgraph.extract.actors.mention import Mention
from newsgraph.extract.actors.nonames import without_descriptors
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
GEO_SUFFIX = re.compile(r"\s(corridor|road|highway|airport|district|province|region|canton|oblast|krai|"
                        r"county|governorate|valley|gorge|village|checkpoint|crossing|bridge|mountains|"
                        r"river|lake|sea|strait|square|street|avenue|boulevard|national forest|"
                        r"park|desert|peninsula|islands|canal|air base|range)$"
                        r"|^(fort|mount|lake|camp)\s", re.I)


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
    """A place name strong enough to overrule the NER's PERSON: shouted, or a big city or capital, also
    spelt another way ("Kiev" for Kyiv; not by another of its names: "Damas" for Damascus is a group's).

    >>> notable_place("Kiev"), notable_place("Kyiv"), notable_place("Dole"), notable_place("Damas")
    (True, True, False, False)
    """
    hit = gz.city(form)
    return is_shouting(form) or form in _big_cities() or hit is not None and hit[0] in _big_cities() \
        and _consonants(form) == _consonants(hit[0])


def _consonants(name: str) -> str:
    """The consonants of a name, folded, doubled ones once: the same for its spellings ("Kiev", "Kyiv")."""
    letters = [c for c in fold(name) if c.isalpha() and c not in "aeiouy"]
    return "".join(c for k, c in enumerate(letters) if not k or c != letters[k - 1])


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
    if gz.demonym_code(form) and not gz.state_code(form):
        return None  # a nationality the NER read as a name ("attacks on Ukrainian cities"; not the town
        # one of whose many alternate names is "Thai")
    places = () if named and label == "PERSON" else (_geo,) if named \
        else (_place, _town) if label == "ORG" else (_place,)
    for fn in (_gazetteer, domain, body, *places):
        m = fn(form)
        if m:
            return m
    return _by_label(form, label)


def _gazetteer(form: str) -> Mention | None:
    code = gz.state_code(form)
    if code:
        return Mention("State", gz.state_name(code), ("S", code), form, code=code, country=code)
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
        owners = (owner(" ".join(words[:k]), True) for k in range(len(words), 0, -1))
        country = next((c for c in owners if c), None)
        return Mention("Location", form, ("L", fold(form, keep_hyphens=True)), form, country=country)
    return None


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
                       sector=gz.sector_of(name), country=org_country(name),
                       weak=" " not in name and not name.isupper())
    if label in ("GPE", "LOC", "FAC"):
        name = form.title() if is_shouting(form) else form
        return Mention("Location", name, ("L", fold(name, keep_hyphens=True)), form, weak=True,
                       country=gz.place_country(name))
    return None
