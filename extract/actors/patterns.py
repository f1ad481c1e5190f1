"""Entity-ruler patterns built from the gazetteer at load time.

Two rulers sit in front of the statistical NER:

* ``place_patterns()``: states (GPE), demonyms (NORP), cities (GPE), known
  organisations, outlets and named places, web domains, "<Name> corridor/
  region/district/airport" places (LOC);
* ``body_patterns()``: government and armed bodies built on top of those
  ("Azerbaijani Defense Ministry", "Ministry of Foreign Affairs of the Republic
  of Armenia", "Azerbaijan's Foreign Ministry", "US Department of Defense",
  "MFA Armenia", "Russian peacekeepers"); this ruler overwrites the first.

>>> pats = place_patterns()
>>> {"label": "GPE", "pattern": "Republic of Armenia", "id": "state"} in pats
True
>>> any("POS" in t for p in place_patterns(pos=False) if isinstance(p["pattern"], list) for t in p["pattern"])
False
>>> any(p["label"] == "ORG" and p["id"] == "body" for p in body_patterns())
True
"""
from __future__ import annotations

from newsgraph.extract.lexicon import gazetteer as gz

#: Cities this populous (capitals count x10) are matched by the ruler; smaller ones are left to the NER.
RULER_MIN_POPULATION = 100_000
GEO_NOUNS = ["corridor", "road", "highway", "airport", "district", "province", "region", "canton",
             "oblast", "krai", "county", "governorate", "valley", "gorge", "pass", "village", "border",
             "checkpoint", "crossing", "bridge", "mountains", "river", "lake", "sea", "strait", "square"]
DOMAIN_RE = r"^(?:www\.)?[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,6}$"
_DASHES = ["-", "\u2013", "\u2014"]
_POSS = ["'s", "\u2019s"]
_POS_OK = [True]  # set by place_patterns(pos=...): blank pipelines have no part-of-speech tags


def _phrase(label: str, text: str, pid: str) -> dict:
    return {"label": label, "pattern": text, "id": pid}


def _single_or_phrase(label: str, names: list[str], pid: str, propn: bool) -> list[dict]:
    """One token pattern for all one-word names, phrase patterns for the rest."""
    propn = propn and _POS_OK[0]
    singles = sorted({n for n in names if n.isalpha() or ("-" not in n and " " not in n and "." not in n)})
    multi = sorted(set(names) - set(singles))
    out = [_phrase(label, n, pid) for n in multi]
    if singles:
        tok: dict = {"ORTH": {"IN": singles}}
        if propn:
            tok["POS"] = "PROPN"
        out.append({"label": label, "pattern": [tok], "id": pid})
    return out


def _merged(pats: list[dict]) -> list[dict]:
    """``pats`` with the one-token ``ORTH IN`` patterns of one label, id and POS merged into one.

    The Matcher's cost grows with the number of patterns, not with the size of an ``IN`` set, and
    the entity ruler finds the same (label, id, start, end) matches either way.

    >>> a = {"label": "ORG", "id": "o", "pattern": [{"ORTH": {"IN": ["B", "A"]}, "POS": "PROPN"}]}
    >>> b = {"label": "ORG", "id": "o", "pattern": [{"ORTH": {"IN": ["C"]}, "POS": "PROPN"}]}
    >>> [p["pattern"] for p in _merged([a, _phrase("ORG", "D E", "o"), b])]
    [[{'ORTH': {'IN': ['A', 'B', 'C']}, 'POS': 'PROPN'}], 'D E']
    """
    out: list[dict] = []
    words: dict[tuple, set[str]] = {}
    for p in pats:
        pat = p["pattern"]
        if not (isinstance(pat, list) and len(pat) == 1 and set(pat[0]) <= {"ORTH", "POS"}
                and set(pat[0]["ORTH"]) == {"IN"}):
            out.append(p)
            continue
        key = (p["label"], p["id"], pat[0].get("POS"))
        if key not in words:
            words[key] = set()
            out.append({"label": p["label"], "pattern": key, "id": p["id"]})  # filled in below
        words[key] |= set(pat[0]["ORTH"]["IN"])
    for p in out:
        if isinstance(p["pattern"], tuple):
            key = p["pattern"]
            tok = {"ORTH": {"IN": sorted(words[key])}, **({"POS": key[2]} if key[2] else {})}
            p["pattern"] = [tok]
    return out


def place_patterns(pos: bool = True) -> list[dict]:
    """Patterns of the first ruler (see module docstring); ``pos=False`` for untagged pipelines."""
    _POS_OK[0] = pos
    pats: list[dict] = []
    states = [f for f, _ in gz.state_forms() if len(f) > 2 or f.isupper()]
    pats += _single_or_phrase("GPE", states, "state", propn=False)
    pats += _single_or_phrase("GPE", [s.upper() for s in states if len(s) > 4], "state", propn=True)
    pats += _single_or_phrase("NORP", sorted(gz.demonyms()), "demonym", propn=False)
    big = [n for n, _ in gz.cities(RULER_MIN_POPULATION)]
    pats += _single_or_phrase("GPE", big, "city", propn=True)
    pats += _single_or_phrase("GPE", [n.upper() for n in big if len(n) > 3], "city", propn=True)
    for item in sorted({k.name: k for k in gz.organizations().values()}.values(), key=lambda k: k.name):
        label = {"Location": "LOC", "State": "GPE"}.get(item.kind, "ORG")
        for form in (item.name, *item.aliases):
            pats.append(_phrase(label, form, "known"))
    for form, item in gz.field_phrases():  # field names of two or more words; one-word ones only look up
        pats.append(_phrase({"Location": "LOC", "State": "GPE"}.get(item.kind, "ORG"), form, "known"))
    for item in gz.outlets():
        forms = [item.name, *item.aliases]
        pats += [_phrase("ORG", f, "outlet") for f in forms if " " in f or f.isupper() and len(f) > 2]
        titles = [f for f in forms if " " not in f and not f.isupper()]
        pats += _single_or_phrase("ORG", titles, "outlet", propn=True)
    pats = _merged(pats)
    pats.append({"label": "ORG", "id": "domain", "pattern": [{"TEXT": {"REGEX": DOMAIN_RE}}]})
    first = {"IS_TITLE": True, "IS_STOP": False}
    if pos:
        first["POS"] = {"IN": ["PROPN", "NOUN", "ADJ"]}
    pats.append({"label": "LOC", "id": "geo", "pattern": [
        first,
        {"TEXT": {"REGEX": r"^(?:[A-Z][\w'\u2019]+|[-\u2013\u2014])$"}, "OP": "*"},
        {"LOWER": {"IN": GEO_NOUNS}}]})
    return pats


def split(pats: list[dict]) -> tuple[list[dict], list[dict]]:
    """(one-word name lists, everything else) of ``pats``: weak and strong evidence.

    >>> words, phrases = split(place_patterns(pos=False))
    >>> all(len(p["pattern"]) == 1 and "IN" in p["pattern"][0]["ORTH"] for p in words)
    True
    >>> {"label": "GPE", "pattern": "Republic of Armenia", "id": "state"} in phrases
    True
    """
    words = [p for p in pats if isinstance(p["pattern"], list) and len(p["pattern"]) == 1
             and isinstance(p["pattern"][0].get("ORTH"), dict)]
    return words, [p for p in pats if p not in words]


def _owner_words() -> list[str]:
    """Capitalised words of state names and demonyms: who may own a government body."""
    words = {w for f, _ in gz.state_forms() for w in f.replace("-", " ").split() if w[:1].isupper()}
    words |= {d for d in gz.demonyms() if " " not in d}
    return sorted(words - {"The", "Republic", "Islamic", "Democratic", "People's", "United", "State"})


def body_patterns() -> list[dict]:
    """Patterns of the second ruler: government and armed bodies.

    Owners are matched by their words, not by the NER's labels, which may call a demonym a person.
    """
    tables = gz.gov()
    heads = tables["heads"]["words"]
    tail_words = tables["heads"]["tail"]
    owners = _owner_words()
    state = {"ORTH": {"IN": owners}, "OP": "+"}
    owner = {"ORTH": {"IN": owners}, "OP": "+"}
    poss = {"ORTH": {"IN": _POSS}, "OP": "?"}
    titles = {"IS_TITLE": True, "ORTH": {"NOT_IN": owners}, "ENT_TYPE": {"NOT_IN": ["PERSON"]}, "OP": "*"}
    head = {"ORTH": {"IN": heads}}
    tail = [{"LOWER": {"IN": ["of", "for", "on"]}}, {"LOWER": {"IN": tail_words}, "OP": "*"},
            {"LOWER": {"IN": [w for w in tail_words if w not in ("and", "the")]}}]
    of_state = [{"LOWER": "of"}, {"LOWER": "the", "OP": "?"},
                {"ORTH": {"IN": ["Republic", "Islamic", "Democratic", "People's", "United", "Kingdom"]},
                 "OP": "*"}, {"LOWER": "of", "OP": "?"}, state]
    pats = [
        [owner, poss, titles, head],
        [owner, poss, titles, head, *tail],
        [owner, poss, titles, head, *tail, *of_state],
        [{"ORTH": {"IN": ["Ministry", "Department", "Office"]}}, *tail],
        [{"ORTH": {"IN": ["Ministry", "Department", "Office"]}}, *tail, *of_state],
        [{"ORTH": {"IN": heads}}, *of_state],
        [{"ORTH": {"IN": ["MFA", "MoD", "MOD", "MoFA", "MID"]}}, state],
        [owner, poss, {"ORTH": {"IN": ["MFA", "MoD", "MOD", "MoFA", "MID"]}}],
        [{"ORTH": "Office"}, {"LOWER": "of"}, {"LOWER": "the"}, {"ORTH": {"IN": owners}, "OP": "*"},
         {"ORTH": {"IN": ["President", "Prime"]}}, {"ORTH": "Minister", "OP": "?"}],
        [owner, poss, {"LOWER": {"IN": ["peacekeepers", "peacekeeping"]}},
         {"LOWER": {"IN": tables["heads"]["peace"]}, "OP": "?"}],
        [owner, poss, {"LOWER": "armed"}, {"LOWER": "forces"}],
    ]
    return [{"label": "ORG", "pattern": p, "id": "body"} for p in pats]
