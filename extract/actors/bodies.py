"""Government bodies and web domains as actor mentions: "Ministry of X of Y", "Y's X Ministry",
"<Demonym> <Body>", "MFA Y", "mod.gov.az", and the country an organisation's own name gives.

>>> body("Azerbaijani Defense Ministry").name
'Ministry of Defense of Azerbaijan'
>>> domain("Mod.gov.az").name, org_country("Office of the Azerbaijani President")
('Ministry of Defense of Azerbaijan', 'AZE')
"""
from __future__ import annotations

import re

from newsgraph.extract.actors.mention import Mention
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import norm, surface

_DOMAIN = re.compile(r"^(?:www\.)?((?:[\w-]+\.)*?)([\w-]+)\.((?:gov|mil|com|org|net|co)\.)?([a-z]{2,6})$",
                     re.I)
_NEWS_TLDS = {"com", "net", "org", "info", "news", "co", "tv", "media", "eu", "io"}
_MINISTRY = re.compile(r"^(?:Ministry|Ministries|Department|Office) (?:of|for) (?:the )?(.+?)"
                       r"(?: of (?:the )?(.+))?$")
_REVERSED = re.compile(r"^(.+?) (Ministry|Department|MFA|MoD|MOD|MoFA)$")
_LEADER = r"(President|Prime Minister|Vice President|Chancellor|Premier)"
_OFFICE_OF = re.compile(r"^Office of the (\S+) " + _LEADER + "$")        # "... of the Azerbaijani President"
_OFFICE_OF_STATE = re.compile(r"^Office of the " + _LEADER + " of (.+)$")  # "... of the President of X"
_LEADERS_OFFICE = re.compile(r"^" + _LEADER + r"(?:'s|\u2019s) Office$")   # (the X) "President's Office"
_ACRONYM_MIN = {"MFA": "foreign affairs", "MOFA": "foreign affairs", "MOD": "defense",
                "MID": "foreign affairs"}


def _portfolio(text: str) -> tuple[str, str] | None:
    return gz.gov()["portfolios"].get(norm(text, keep_hyphens=True))


def owner(text: str, cities: bool = False) -> str | None:
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


def domain(text: str) -> Mention | None:
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


def body(text: str) -> Mention | None:
    """Government/armed bodies: "Ministry of X of Y", "Y's X Ministry", "<Demonym> <Body>", "MFA Y",
    "Office of the <Demonym> President".

    >>> body("Office of the Azerbaijani President").name
    'Office of the President of Azerbaijan'
    """
    m = _OFFICE_OF.match(text)
    if m and owner(m.group(1)):
        return _leaders_office(m.group(2), owner(m.group(1)), text)
    m = _OFFICE_OF_STATE.match(text)
    if m and gz.state_code(m.group(2)):
        return _leaders_office(m.group(1), gz.state_code(m.group(2)), text)
    m = _MINISTRY.match(text)
    if m and _portfolio(m.group(1)) and (not m.group(2) or gz.state_code(m.group(2))):
        state = gz.state_code(m.group(2)) if m.group(2) else None
        return ministry(norm(m.group(1), keep_hyphens=True), state, text)
    words = text.split()
    if len(words) >= 2 and words[0].upper() in _ACRONYM_MIN and gz.state_code(" ".join(words[1:])):
        return ministry(_ACRONYM_MIN[words[0].upper()], gz.state_code(" ".join(words[1:])), text)
    for i in range(len(words) - 1, 0, -1):
        state = owner(" ".join(words[:i]))
        if state:
            return _owned(" ".join(words[i:]), state, text)
    m = _REVERSED.match(text)
    if m and (_portfolio(m.group(1)) or m.group(2).upper() in _ACRONYM_MIN):
        port = norm(m.group(1), keep_hyphens=True) if _portfolio(m.group(1)) \
            else _ACRONYM_MIN[m.group(2).upper()]
        return ministry(port, None, text)
    return None


def _owned(rest: str, state: str, form: str) -> Mention | None:
    """A body ``rest`` ("Defense Ministry", "Air Force") belonging to ``state``."""
    rest = re.sub(r"^(?:'s|\u2019s)\s+", "", rest)
    m = _LEADERS_OFFICE.match(rest)
    if m:
        return _leaders_office(m.group(1), state, form)
    known = gz.organization(rest, state)
    if known:
        return Mention(known.kind, known.name, ("K", known.name), form, country=known.country or state,
                       sector=known.sector)
    m = _MINISTRY.match(rest) or _REVERSED.match(rest)
    if m and _portfolio(m.group(1)):
        return ministry(norm(m.group(1), keep_hyphens=True), state, form)
    if m and m.group(0) == rest and m.re is _REVERSED and m.group(2).upper() in _ACRONYM_MIN:
        return ministry(_ACRONYM_MIN[m.group(2).upper()], state, form)
    last = rest.split()[-1]
    if last not in gz.body_heads() and not re.search(r"peacekeep|forces", rest, re.I):
        return None
    if re.search(r"peacekeep", rest, re.I):
        name = f"{gz.state_name(state)} peacekeeping contingent"
    else:
        name = f"{rest} of {gz.state_name(state)}"
    return Mention("Organization", name, ("B", norm(name, keep_hyphens=True)), form, country=state,
                   sector=gz.sector_of(rest) or "GOV")


def _leaders_office(title: str, state: str, form: str) -> Mention:
    """The office of a state's leader: "Office of the President of Azerbaijan"."""
    name = f"Office of the {title} of {gz.state_name(state)}"
    return Mention("Organization", name, ("B", norm(name, keep_hyphens=True)), form, country=state,
                   sector="GOV")


def org_country(name: str) -> str | None:
    """Country an organisation's own name gives: "... of <State>", "<State|Demonym|known place> ..."."""
    if " of " in name:
        code = gz.state_code(name.rsplit(" of ", 1)[1])
        if code:
            return code
    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        known = gz.organization(head)
        code = owner(head) or (known.country if known else None)
        if code:
            return code
    codes = {gz.demonym_code(w) for w in words if w[:1].isupper()} - {None}
    return codes.pop() if len(codes) == 1 else None  # "Office of the Azerbaijani President"
