"""Span repairs applied to ``doc.ents`` after the NER, before typing and clustering.

* the edges of each span are cleaned (:mod:`newsgraph.extract.actors.edges`) and
  names the NER missed or glued are mended (:mod:`newsgraph.extract.actors.missed`,
  :mod:`newsgraph.extract.actors.described`);
* organisations take a following "of <State>" ("... Committee of Australia"),
  an abbreviation suffix ("ANC-AU") and following capitalised words that make
  an organisation name ("Iran Air Cargo", "Safiran Airport Services");
* organisation spans are cut before a person title ("National Security Council
  Coordinator ..."), a place directly in front joins them ("White House National
  Security Council");
* junk is dropped: spans with no capital letter, bare portfolio words
  ("State" in "Secretary of State"), titles without a name ("Minister of
  Foreign Affairs"), groups of people ("Pontic Greeks"), happenings ("the Gulf
  War") and descriptions ("Afghan City").

>>> import spacy
>>> from spacy.tokens import Span
>>> nlp = spacy.blank("en")
>>> doc = nlp("He met Ali Bagheri Kani today.")
>>> doc.ents = [Span(doc, 2, 4, "PERSON"), Span(doc, 4, 5, "GPE")]
>>> [(e.text, e.label_) for e in repair(doc.ents)]
[('Ali Bagheri Kani', 'PERSON')]
"""
from __future__ import annotations

from spacy.tokens import Span

from newsgraph.extract.actors import context, glued, nonames
from newsgraph.extract.actors.described import apposed_names, joined_names, speaking_names
from newsgraph.extract.actors.edges import trim
from newsgraph.extract.actors.missed import (
    TITLES,
    agency_marks,
    bound_names,
    defined_acronyms,
    merge_people,
    surnames_as_people,
    titled_names,
    unglue,
    untagged_surnames,
)
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import norm
from newsgraph.extract.nlp.acronyms import untagged_acronyms


def _trim_org(ent: Span) -> Span | None:
    """Cut an organisation before a person title; None when it is only a title or portfolio."""
    if ent.label_ != "ORG":
        return ent
    if ent[0].lower_ == "the" and len(ent) > 1:
        ent = Span(ent.doc, ent.start + 1, ent.end, label="ORG")
    words = [t.lower_ for t in ent]
    key = norm(ent.text, keep_hyphens=True)
    if key in gz.gov()["portfolios"] or key in ("state", "media"):
        return None
    if words[0] in TITLES and not any(w in gz.gov()["bodies"] for w in words):
        rest = [t for t in ent[1:] if t.is_title]
        if rest and len(rest) == len(ent) - 1:
            return Span(ent.doc, ent.start, ent.end, label="PERSON")
        return None
    # no cut after "Office of": the title names the office ("Office of the Press Secretary")
    office = next((i for i in range(len(words) - 1) if words[i:i + 2] == ["office", "of"]), len(words))
    for k, w in enumerate(words[1:], 1):
        if w in TITLES and ent[k].is_title and words[k - 1] not in ("of", "the") and k < office \
                and not gz.demonym_code(ent[k - 1].text):
            return Span(ent.doc, ent.start, ent.start + k, label="ORG")
    return ent


def _extend_org(ent: Span, taken) -> Span:
    """Grow an organisation span to the right (see module docstring)."""
    doc, end = ent.doc, ent.end
    if ent.label_ not in ("ORG", "LOC"):
        return ent
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and doc[end + 1].is_upper:
        return Span(doc, ent.start, end + 2, label="ORG")
    if ent.label_ == "ORG" and end + 1 < len(doc) and doc[end].lower_ == "of":
        k = end + 1 + (doc[end + 1].lower_ == "the")
        nxt = [e for e in doc.ents if e.start == k and e.label_ == "GPE" and gz.state_code(e.text)]
        if nxt and len(ent) > 1:
            return Span(doc, ent.start, nxt[0].end, label="ORG")
    if "Office of" in ent.text and end < len(doc) and doc[end].is_title and doc[end].lower_ in TITLES:
        return Span(doc, ent.start, end + 1, label="ORG")  # the office's title: "... of the Press Secretary"
    k = end
    while k < len(doc) and doc[k].is_title and k not in taken and doc[k].lower_ not in TITLES \
            and not doc[k].is_sent_start:
        k += 1
    if k > end and gz.sector_of(doc[end:k].text) in ("BUS", "GOV", "NGO"):
        return Span(doc, ent.start, k, label="ORG")
    return ent


_NAMES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART"})


def _keep(ent: Span) -> bool:
    text = ent.text
    if not any(c.isupper() for c in text) and "." not in text:
        return False
    if len(ent) > 1 and ent[-1].lower_ in gz.non_actor_words("heads") and ent.label_ in _NAMES:
        return False  # "the Armenian Genocide", "the Gulf War"
    if len(ent) == 2 and ent[1].lower_ in gz.non_actor_words("place_words") and gz.demonym_code(ent[0].text):
        return False  # a description, not a name: "the Afghan City of Kunduz" (headline case)
    last = text.split()[-1] if text.split() else ""
    people = len(text.split()) > 1 and ent.label_ != "NORP" and gz.demonym_code(last) and last.endswith("s")
    return not people


def _convener(ent: Span) -> Span:
    """The organisation a happening's name starts with, for the happening's name: "the NATO Summit" is
    NATO's ("the Gulf War", naming none, is dropped by :func:`_keep`)."""
    if len(ent) < 2 or ent[-1].lower_ not in gz.non_actor_words("heads") or ent.label_ not in _NAMES:
        return ent
    start = ent.start + (ent[0].lower_ == "the")
    known = gz.organization(ent.doc[start:ent.end - 1].text) if start < ent.end - 1 else None
    return Span(ent.doc, start, ent.end - 1, label="ORG") if known and known.kind == "Organization" else ent


class _TakenAfter:
    """The tokens of the entities that start after ``start`` (``k in taken``)."""

    def __init__(self, cover: dict[int, int], start: int):
        self.cover, self.start = cover, start

    def __contains__(self, k: int) -> bool:
        return self.cover.get(k, -1) > self.start




def repair(ents, doc=None) -> list[Span]:
    """The repaired, non-overlapping entity spans of ``doc`` (see module docstring)."""
    ents = [t for t in (trim(e) if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC") else e
                        for e in ents) if t is not None]
    ents = [t for t in map(nonames.headline_verbs, ents) if t is not None and not nonames.no_name(t)]
    ents = [t for t in map(nonames.title_alone, ents) if t is not None]
    ents = glued.late_starts([part for e in ents for whole in unglue(e) for part in glued.split(whole)])
    ents = glued.two_people(ents)
    doc = ents[0].doc if ents else doc
    if doc is not None:
        ents += titled_names(doc, ents)
        ents += speaking_names(doc, ents)
        ents += apposed_names(doc, ents)
        ents += untagged_acronyms(doc, ents)
        ents += agency_marks(doc, ents)
        ents += bound_names(doc, ents)
        ents += defined_acronyms(doc, ents)
        sources = glued.shouted_sources(doc, ents) + glued.review_headings(doc, ents)
        ents = [e for e in ents if not any(s.start < e.end and e.start < s.end for s in sources)] + sources
        ents = context.people_by_context(ents)  # (a person the NER called a place names its surname too:
        ents += joined_names(doc, ents)
        ents += untagged_surnames(doc, ents)     # "girlfriend Reeva X" ... "killing X")
        ents = surnames_as_people(ents)
    ents = merge_people(sorted(ents, key=lambda e: e.start))
    ents = glued.bracketed_acronyms(ents)
    cover: dict[int, int] = {}  # token -> the latest start of an entity over it (not a set per entity)
    for e in ents:
        for k in range(e.start, e.end):
            cover[k] = max(cover.get(k, -1), e.start)
    out: list[Span] = []
    for ent in ents:
        start = ent.start
        ent = _trim_org(ent)
        ent = _convener(ent) if ent is not None else None
        if ent is None or not _keep(ent):
            continue
        ent = glued.company_end(_extend_org(ent, _TakenAfter(cover, start)))
        if out and out[-1].end > ent.start:
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "LOC" and ent.label_ == "ORG" and prev.end == ent.start \
                and gz.organization(prev.text):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out
