"""Roles: "person holds title at organisation/state" (org:Membership) from titles and any phrasing.

Constructions (the office vocabulary is ``extract/lexicon/data/titles.toml``):

* TITLE + NAME: "Prime Minister Nikol Pashinyan", "Ambassador-at-Large Edmon Marukyan";
* ORG TITLE NAME / ORG's TITLE NAME / Demonym TITLE NAME: "EU Special Representative ... Toivo Klaar",
  "Iran's Deputy Foreign Minister ...", "Azerbaijani President Ilham Aliyev";
* TITLE of ORG NAME: "Deputy Foreign Minister of the Republic of Armenia Vahan Kostanyan";
* NAME, TITLE of ORG / NAME, a Demonym TITLE: "Michael K., executive director of the ANC".

National offices (president, minister, ambassador, MP, military ranks) are held at the State; a
title with no organisation in reach falls back to the person's or the dateline's country.
The office vocabulary lookup (:func:`title_at`) and the entity helpers live in
:mod:`newsgraph.extract.roles.titles`; roles stated in any other phrasing ("X, a spokesman for Y",
"Y's chief negotiator X", "X, who heads Y", "She is a professor at Y") are read from the dependency
parse by :mod:`newsgraph.extract.roles.phrasing`. A person and organisation found by both keep the
printed title.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import coref
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import COURTESY, norm
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import Entity, Role
from newsgraph.extract.roles import phrasing
from newsgraph.extract.roles.titles import (
    as_state,
    demonym_state,
    entities,
    lexicon,
    mentions,
    state_entity,
    title_at,
)

ORG_KINDS = ("Organization", "State", "Outlet")
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_FILLERS = {",", "a", "an", "the"}
MARKED = Entity(id="", kind="State", name="", forms=())


# ---------------------------------------------------------------- roles

def roles(doc: Doc) -> Iterator[Role]:
    """Extractor: Role records for titled persons (one per person, title, organisation).

    Never raises on odd input; offsets are the sentence's span in ``Article.body``.
    """
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return
    article = doc._.ng_article
    offset = article.body_offset if article is not None else 0
    seen: set[tuple[str, str, str]] = set()
    for person, title, org, start, end in _titles_of(doc):
        if org is None or start < offset or (person, title, org) in seen:
            continue
        seen.add((person, title, org))
        yield Role(person=person, title=title, organization=org, start=start - offset, end=end - offset)
    pairs = {(p, o) for p, _, o in seen}
    for person, title, org, start, end in _stated_of(doc):
        if start < offset or (person, org) in pairs:
            continue
        pairs.add((person, org))
        yield Role(person=person, title=title, organization=org, start=start - offset, end=end - offset)


def titled(doc: Doc) -> list[tuple[str, str, str | None, int]]:
    """Every titled person, organisation or not: (person id, title, organisation id, char offset).

    Titles in front of names and roles stated in any phrasing, in text order. Used to resolve
    descriptions ("the prime minister said", "the spokeswoman added") to the person given that title.
    """
    found = sorted([*_titles_of(doc), *_stated_of(doc)], key=lambda r: r[3])
    return [(p, t, o, start) for p, t, o, start, _ in found]


def holder(doc: Doc, tok: Token) -> str | None:
    """The person a title phrase headed by ``tok`` describes ("the prime minister"): the latest person
    given that title before it in the article, else None.

    >>> import spacy
    >>> doc = spacy.blank("en")("The chef said.")
    >>> holder(doc, doc[1]) is None
    True
    """
    if tok.lower_ not in lexicon()["words"]:  # (a word of no office)
        return None
    words = {t.lower_ for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"}
    bodies = {e.kb_id_ for e in coref.bodies_of(tok)}
    best = None
    for person, title, org, start in titled(doc):  # ("the director of the FBI": of that body)
        if start < tok.idx and words <= set(title.lower().split()) and (not bodies or org in bodies):
            best = person
    return best


def _stated_of(doc: Doc) -> list[tuple[str, str, str, int, int]]:
    """:func:`phrasing.stated` with sentence offsets, computed once per Doc."""
    cached = doc.user_data.get("ng_stated")
    if cached is None:
        cached = [(f.person, f.title, f.organization, f.sentence.start_char, f.sentence.end_char)
                  for f in phrasing.stated(doc)]
        doc.user_data["ng_stated"] = cached
    return cached


def _titles_of(doc: Doc) -> list[tuple[str, str, str | None, int, int]]:
    """:func:`_titled` with sentence offsets, computed once per Doc (roles and quotes both ask)."""
    cached = doc.user_data.get("ng_titled")
    if cached is None:
        cached = [(p, t, o, s.start_char, s.end_char) for p, t, o, s in _titled(doc)]
        doc.user_data["ng_titled"] = cached
    return cached


def _titled(doc: Doc) -> Iterator[tuple[str, str, str | None, Span]]:
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return
    ments, known = mentions(doc), entities(doc)
    words = docview.words(doc)
    lex = lexicon()
    prefixes, abbreviations = lex["prefixes"], lex["abbreviations"]
    i = 0
    while i < len(doc):
        w = words[i]
        if w.isascii() and w.lower() not in prefixes and w not in abbreviations:
            i += 1  # no office starts with this word (the test title_at starts with)
            continue
        found = title_at(words, i)
        if not found or (i in ments and known[ments[i].kb_id_].kind in ORG_KINDS
                         and ments[i].end > found[1]):
            i += 1
            continue
        hit = _role(doc, ments, known, found)
        i = found[1]
        if hit:
            yield hit


def _role(doc: Doc, ments, known, found) -> tuple[str, str, str | None, Span] | None:
    s, e, national = found
    sent = doc[s].sent
    if doc[e - 1].sent.start != sent.start:  # "Brig. | Gen. X": the title's period read as a sentence end
        sent = doc[sent.start:doc[e - 1].sent.end]
    if s > sent.start and doc[s - 1].lower_ in lexicon()["blockers"]:
        return None
    e, org = _right(doc, ments, known, e, sent.end)
    line = s  # the parser may cut "Senate | speaker Maria Holm": look back on the same line
    while line > 0 and s - line < 8 and "\n" not in doc[line - 1].text_with_ws:
        line -= 1
    left, lorg = _left(doc, ments, known, s, min(sent.start, line), national)
    org = org or lorg
    person = _person_after(doc, ments, known, _after_org(ments, e, org), sent.end)
    if person is None:
        person = _person_before(doc, ments, known, left, sent.start)
        if person is None:
            return None
    if org is None and national:
        org = _fallback_state(doc, known, person)
    if org is not None and (org is MARKED or org.id == person.id):
        org = None
    title = doc[s:e].text.strip()
    title = lexicon()["abbreviations"].get(title, title)
    return person.id, title, (org.id if org else None), sent


def _right(doc: Doc, ments, known, e: int, limit: int) -> tuple[int, Entity | None]:
    """Extend the title over "of/for" qualifiers; an organisation after "of" ends it."""
    while e + 1 < limit and doc[e].lower_ in ("of", "for"):
        k = e + 1 + (doc[e + 1].lower_ == "the" and e + 2 < limit)
        m = ments.get(k)
        if m is not None and doc[e].lower_ == "of" and known[m.kb_id_].kind in ORG_KINDS:
            return e, known[m.kb_id_]
        q = k
        while q < limit and (doc[q].is_alpha or doc[q].text == "-") and doc[q].lower_ not in (
                "of", "for", "and", "in", "on", "at", "to", "with") and not _is_person(ments, known, q):
            if q in ments and known[ments[q].kb_id_].kind in ORG_KINDS and doc[e].lower_ == "of":
                break
            q += 1
        if q == k:
            break
        e = q
    return e, None


def _after_org(ments, e: int, org: Entity | None) -> int:
    """Where a name may start: after "of ORG" when the organisation closes the title."""
    if org is None:
        return e
    for k in (e + 1, e + 2):
        m = ments.get(k)
        if m is not None and m.kb_id_ == org.id:
            return m.end
    return e


def _left(doc: Doc, ments, known, s: int, limit: int, national: bool) -> tuple[int, Entity | None]:
    """Organisation or State right before the title: ORG TITLE, ORG's TITLE, Demonym TITLE."""
    t = s - 1
    if t < limit:
        return s, None
    if doc[t].text in POSSESSIVE and t - 1 >= limit and t - 1 in ments:
        m = ments[t - 1]
        ent = known[m.kb_id_]
        return m.start, (ent if ent.kind in ORG_KINDS else as_state(doc, ent))
    if t in ments and ments[t].end == s:
        m = ments[t]
        ent = known[m.kb_id_]
        return m.start, (ent if ent.kind in ORG_KINDS else None)
    if national and doc[t].text[:1].isupper():
        st = demonym_state(doc, doc[t].text)
        if st is not None:
            return t, st
        word = doc[t].text
        demonym = word.lower() in gz.demonym_keys() or re.search(r"(ian|ese|ish|i)$", word)
        if doc[t].ent_type_ == "NORP" or demonym:
            return t, MARKED  # a nationality is printed but its State is not an entity here
    return s, None


def _is_person(ments, known, i: int) -> bool:
    return i in ments and known[ments[i].kb_id_].kind == "Person"


def _person_after(doc: Doc, ments, known, p: int, limit: int) -> Entity | None:
    if p - 1 >= 0 and _is_person(ments, known, p - 1) and ments[p - 1].end > p:
        return known[ments[p - 1].kb_id_]  # the name's span swallowed the title's last word
    while p < limit and (doc[p].text == "," or doc[p].lower_ in COURTESY):
        p += 1
    if p < limit and _is_person(ments, known, p):
        return known[ments[p].kb_id_]
    return _name_at(doc, known, p, limit) if p < limit and p not in ments else None


def _name_at(doc: Doc, known, p: int, limit: int) -> Entity | None:
    """A person's known name repeated where the NER missed it ("... Minister Vahan Kostanyan")."""
    for e in known.values():
        if e.kind != "Person":
            continue
        for form in sorted({e.name, *e.forms}, key=len, reverse=True):
            n = len(form.split())
            if n >= 2 and p + n <= limit \
                    and norm(doc[p:p + n].text, keep_hyphens=True) == norm(form, keep_hyphens=True):
                return e
    return None


def _person_before(doc: Doc, ments, known, left: int, limit: int) -> Entity | None:
    p = left - 1
    gap = 0
    while p >= limit and doc[p].lower_ in _FILLERS:
        p, gap = p - 1, gap + 1
    if gap and p >= limit and _is_person(ments, known, p):
        return known[ments[p].kb_id_]
    return None


def _fallback_state(doc: Doc, known, person: Entity) -> Entity | None:
    """A national office with no State in reach: the person's, else the dateline's country."""
    found = state_entity(doc, person.country)
    if found:
        return found
    meta = doc._.ng_meta or (None, None, ())
    for eid in meta[2] if len(meta) > 2 else ():
        found = as_state(doc, known.get(eid))
        if found:
            return found
    return None
