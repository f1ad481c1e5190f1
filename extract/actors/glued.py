"""Names the NER glued together or cut short, mended by the words around them (applied by
:func:`~newsgraph.extract.actors.spans.repair`).

* two people glued are split where one of them stands alone elsewhere ("Hillary Clinton Donald Trump");
* a name begun one word late gets it back: a person's first word opening the sentence ("Anna Sandhu
  Ray said ..."), a person's given names when an age follows ("Tomasz Wiktor Kaczmar, 61, of ..."),
  a body's modifier before its bare head word ("National Congress");
* an acronym in brackets right after an organisation ("... Scholars (IAGS)") is an organisation;
* a company name ends at its legal suffix when a place, "of", a dash or a figure follows it
  ("Meridian Textiles Inc of Leeds", "Meridian Textiles Inc Q2");
* a place glued in front of a broadcaster or a shouted title is split off ("VALLETTA Radio Marina
  Network", "Lagos AL-FAJR", a source line's "Oslo Kanal-4 Television");
* two bodies joined by "and" are split when the right one is one name word ("the Ministry of the
  Economy and AzerMines");
* a lower-case verb inside a name ends it ("Skadden, Arps said Popeyes" -> "Skadden, Arps" +
  "Popeyes"), a place's possessive starts a body of it ("Giessen's Sparkasse" -> "Giessen" +
  "Sparkasse"), and one institution "of" another is two ("Queens College of the City University
  of New York");
* a press review heads what each newspaper wrote with its name in capitals on a line of its own
  ("KOMPAS"): that line is an organisation;
* a wire's source line names its outlet in capitals after a place ("Valletta MARINA HERALD in
  English 1200 GMT"): that run of capitals is an organisation.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from newsgraph.extract.actors.context import aged, person_nouns
from newsgraph.extract.actors.missed import TITLES, bracketed_after
from newsgraph.extract.actors.types import notable_place
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import HONORIFICS, is_shouting

_DIGIT = re.compile(r"\d")


def bracketed_acronyms(ents: list[Span]) -> list[Span]:
    """An acronym in brackets right after an organisation is an organisation ("... Scholars (IAGS)")."""
    out: list[Span] = []
    for e in ents:
        doc, prev = e.doc, out[-1] if out else None
        if len(e) == 1 and e.label_ != "ORG" and prev is not None and prev.label_ == "ORG" \
                and bracketed_after(prev, e.start):
            e = Span(doc, e.start, e.end, label="ORG")
        out.append(e)
    return out


def two_people(ents: list[Span]) -> list[Span]:
    """A person's span that is two people glued ("... ally Hillary Clinton Donald Trump in numbers", a web
    page's teaser run on), split where one half is a person the text names on their own and the other a
    name of two words or more."""
    alone = {e.text for e in ents if e.label_ == "PERSON"}
    out: list[Span] = []
    for e in ents:
        names = e.label_ == "PERSON" and len(e) >= 4 and all(t.is_title for t in e)
        cut = next((k for k in range(2, len(e) - 1) if e[:k].text in alone or e[k:].text in alone),
                   None) if names else None
        out += [e] if cut is None else [Span(e.doc, e.start, e.start + cut, label="PERSON"),
                                        Span(e.doc, e.start + cut, e.end, label="PERSON")]
    return out


def late_starts(ents: list[Span]) -> list[Span]:
    """Names the NER began one word late: a person's whose first word opens the sentence ("Anna Sandhu
    Ray said ..." tagged "Sandhu Ray"; a capitalised proper noun no table knows and no title), a person's
    whose age follows in commas ("Tomasz Wiktor Kaczmar, 61, ..." tagged "Kaczmar"), and a body's bare
    head word after its capitalised modifier ("National Congress" tagged "Congress")."""
    taken = {t.i for e in ents for t in e}
    out = []
    for e in ents:
        first = e.doc[e.start - 1] if e.start else None
        if first is None or first.i in taken or not first.is_title or not first.is_alpha or first.is_stop:
            pass
        elif e.label_ == "PERSON" and first.is_sent_start and first.pos_ == "PROPN" and len(first) > 2 \
                and _unknown_word(first.text):
            e = Span(e.doc, e.start - 1, e.end, label="PERSON")
        elif e.label_ in ("PERSON", "GPE", "LOC", "ORG") and aged(e):
            start = e.start
            first = e.sent.start if e.doc.has_annotation("SENT_START") else 0
            while start > first and e.start - start < 3 and start - 1 not in taken \
                    and _given_name(e.doc[start - 1]):
                start -= 1
            e = Span(e.doc, start, e.end, label="PERSON")
        elif e.label_ == "ORG" and len(e) == 1 and e[0].text in gz.body_heads() \
                and first.pos_ in ("ADJ", "PROPN") and not gz.demonym_code(first.text) \
                and not gz.state_code(first.text) and first.lower_ not in _titles():
            e = Span(e.doc, e.start - 1, e.end, label="ORG")
        out.append(e)
    return out


def _given_name(tok) -> bool:  # the tagger often misreads a name's first word at a sentence start
    return (tok.pos_ == "PROPN" or tok.is_sent_start) and not tok.is_stop and tok.is_title \
        and tok.is_alpha and len(tok) > 2 and _unknown_word(tok.text)


def _unknown_word(word: str) -> bool:
    low = word.lower()
    return not (gz.state_code(word) or gz.demonym_code(word) or notable_place(word) or gz.organization(word)
                or low in _titles())


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Words for a person or a title, never a name's first word ("Minister", "Actress", "Mr")."""
    return person_nouns() | HONORIFICS | TITLES


def company_end(ent: Span) -> Span:
    """A company name ends at its legal suffix when a place, "of", a dash or a figure follows it."""
    if ent.label_ != "ORG" or len(ent) < 3:
        return ent
    for tok in ent[1:-1]:
        nxt = ent.doc[tok.i + 1]
        if tok.text.rstrip(".").lower() in gz.company_suffixes() and tok.is_title and (
                nxt.lower_ == "of" or nxt.text in ("-", "\u2013", "\u2014") or _DIGIT.search(nxt.text)
                or gz.state_code(nxt.text) or gz.city(nxt.text)):
            return Span(ent.doc, ent.start, tok.i + 1, label="ORG")
    return ent


@lru_cache(maxsize=1)
def _media_words() -> frozenset[str]:
    return frozenset(gz.gov()["media"]["words"])


def place_before_outlet(ent: Span) -> list[Span]:
    """``ent`` split into a place and a broadcaster or shouted title glued after it (see module docstring)."""
    if ent.label_ not in ("ORG", "PERSON") or len(ent) < 2:
        return [ent]
    doc = ent.doc
    for k in (2, 1):
        place, rest = doc[ent.start:ent.start + k], doc[ent.start + k:ent.end]
        if not rest or not (gz.city(place.text) or gz.state_code(place.text)) or gz.outlet(ent.text) \
                or gz.organization(ent.text):
            continue
        media = _media_words()
        line_start = doc[ent.start].is_sent_start  # a source line: "Oslo Kanal-4 Television in ..."
        if len(rest) > 1 and (rest[0].lower_ in media or line_start and rest[-1].lower_ in media) \
                or is_shouting(rest.text) and rest[0].is_alpha and not is_shouting(place.text):
            return [Span(doc, place.start, place.end, label="GPE"),
                    Span(doc, rest.start, rest.end, label="ORG")]
    return [ent]


def bodies_joined(ent: Span) -> list[Span]:
    """A body and a one-word name joined by "and" are two organisations ("the Ministry of the
    Economy and AzerMines"); "the Ministry of Ecology and Natural Resources" stays one."""
    doc = ent.doc
    if ent.label_ != "ORG" or len(ent) < 4 or ent[-2].lower_ != "and":
        return [ent]
    first = ent[1] if ent[0].lower_ == "the" else ent[0]
    last = ent[-1]
    if first.text not in gz.body_heads() or last.lower_ in gz.gov()["heads"]["tail"] \
            or not last.is_alpha or last.is_lower:
        return [ent]
    return [Span(doc, ent.start, ent.end - 2, label="ORG"), Span(doc, ent.end - 1, ent.end, label="ORG")]


def _shouted(tok) -> bool:
    return tok.is_upper and any(c.isalpha() for c in tok.text) and not any(c.isdigit() for c in tok.text)


def shouted_sources(doc, ents: list[Span]) -> list[Span]:
    """Organisation spans for a source line's outlet: one to four words in capitals right after a place
    written in title case, then "in <language>" or the end of the sentence (see module docstring)."""
    found: list[Span] = []
    if not doc.has_annotation("SENT_START"):
        return found
    for e in ents:
        if e.label_ != "GPE" or not e[0].is_title or e.end >= len(doc):
            continue
        k, end = e.end, min(e.end + 5, e.sent.end)
        while k < end and _shouted(doc[k]):
            k += 1
        if not 1 <= k - e.end <= 4 or k - e.end == 1 and len(doc[e.end]) < 3:
            continue
        language = k + 1 < len(doc) and doc[k].lower_ == "in" and doc[k + 1].ent_type_ in ("LANGUAGE", "NORP")
        if k == e.sent.end or language:
            found.append(Span(doc, e.end, k, label="ORG"))
    return found


def review_headings(doc, ents: list[Span]) -> list[Span]:
    """Organisation spans for the newspapers a press review quotes: in an article whose first sentence
    speaks of newspapers, a line that is one to four words in capitals and nothing else ("KOMPAS")."""
    if not len(doc) or not doc.has_annotation("SENT_START") \
            or not {t.lower_ for t in next(doc.sents)} & frozenset(gz.gov()["media"]["reviews"]):
        return []
    found, k = [], 0
    while k < len(doc):
        j = k
        while j < len(doc) and _shouted(doc[j]):
            j += 1
        if 1 <= j - k <= 4 and _own_line(doc, k, j):
            found.append(Span(doc, k, j, label="ORG"))
        k = j + 1
    return found


def _own_line(doc, start: int, end: int) -> bool:
    before = start == 0 or doc[start - 1].is_space and "\n" in doc[start - 1].text
    return before and (end == len(doc) or doc[end].is_space and "\n" in doc[end].text)


_GLUE = frozenset({"of", "and", "the", "for", "de", "del", "da", "di", "du", "la", "le", "von", "van", "al",
                   "bin"})


def verb_inside(ent: Span) -> list[Span]:
    """``ent`` cut around a lower-case verb inside it ("Skadden, Arps said Popeyes")."""
    if ent.label_ not in ("ORG", "PERSON", "GPE") or len(ent) < 3:
        return [ent]
    for tok in ent[1:-1]:
        if tok.is_lower and tok.pos_ in ("VERB", "AUX") and tok.lower_ not in _GLUE:
            left, right = ent.doc[ent.start:tok.i], ent.doc[tok.i + 1:ent.end]
            while len(left) and not any(c.isalnum() for c in left[-1].text):
                left = left.doc[left.start:left.end - 1]
            return [Span(ent.doc, s.start, s.end, label=ent.label_) for s in (left, right) if len(s)]
    return [ent]


def possessive_place(ent: Span) -> list[Span]:
    """A place's possessive in front of a body is its owner: "Giessen's Sparkasse" -> place + body."""
    if ent.label_ != "ORG" or len(ent) < 3:
        return [ent]
    for tok in ent[1:-1]:
        if tok.text in ("'s", "\u2019s"):
            place, rest = ent.doc[ent.start:tok.i], ent.doc[tok.i + 1:ent.end]
            generic = len(rest) == 1 and (rest[0].lower_ in gz.agent_sectors() or rest[0].is_lower)
            if gz.city(place.text) and not gz.state_code(place.text) and not gz.organization(ent.text) \
                    and not generic:  # "St George's Hospital" is one name
                return [Span(ent.doc, place.start, place.end, label="GPE"),
                        Span(ent.doc, tok.i + 1, ent.end, label="ORG")]
            break
    return [ent]


def two_institutions(ent: Span) -> list[Span]:
    """One institution "of" another is two ("Lakeview College of the State University of Ohio")."""
    if ent.label_ != "ORG" or len(ent) < 5:
        return [ent]
    heads = _institutions()
    for tok in ent[1:-2]:
        if tok.lower_ != "of" or ent.doc[tok.i - 1].lower_ not in heads:
            continue
        k = tok.i + 1 + (ent.doc[tok.i + 1].lower_ == "the")
        right = ent.doc[k:ent.end]
        if len(right) >= 2 and any(t.lower_ in heads for t in right) and right[0].is_title:
            return [Span(ent.doc, ent.start, tok.i, label="ORG"), Span(ent.doc, k, ent.end, label="ORG")]
    return [ent]


@lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    return frozenset(gz.gov()["institutions"]["words"])


def split(ent: Span) -> list[Span]:
    """``ent`` split where two names are glued (place before a broadcaster or a body, a verb inside,
    two bodies joined by "and", two institutions joined by "of")."""
    parts = [ent]
    for rule in (verb_inside, place_before_outlet, possessive_place, bodies_joined, two_institutions):
        parts = [p for e in parts for p in rule(e)]
    return parts
