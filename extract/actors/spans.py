"""Span repairs applied to ``doc.ents`` after the NER, before typing and clustering.

* a person's name part that is also a city ("Ali Bagheri Kani", "Vladimir
  Vladimirovich") is merged back into the person;
* organisations take a following "of <State>" ("... Committee of Australia"),
  an abbreviation suffix ("ANC-AU") and following capitalised words that make
  an organisation name ("Iran Air Cargo", "Safiran Airport Services");
* organisation spans are cut before a person title ("National Security Council
  Coordinator ..."), a place directly in front joins them ("White House National
  Security Council");
* an untagged run of proper nouns right after a title ("deputy speaker of
  Armenian Parliament Arshakyan", "Minister of Foreign Affairs of Armenia Ararat
  Mirzoyan") is a person, and so is a "nationality" the NER saw in a word of a
  person's name ("Mirzoyan" tagged NORP);
* web-page chrome is trimmed from the edges of a span: photo credits, counters
  and interface words ("Getty 5/19 Andy Murray" -> "Andy Murray"), a shouted
  caption word before a name ("TRUMP Donald Trump" -> "Donald Trump"); spans
  that are URLs or nothing but chrome are dropped (``data/web_chrome.toml``);
* junk is dropped: spans with no capital letter, bare portfolio words
  ("State" in "Secretary of State"), titles without a name ("Minister of
  Foreign Affairs"), groups of people ("Pontic Greeks").

>>> import spacy
>>> from spacy.tokens import Span
>>> nlp = spacy.blank("en")
>>> doc = nlp("He met Ali Bagheri Kani today.")
>>> doc.ents = [Span(doc, 2, 4, "PERSON"), Span(doc, 4, 5, "GPE")]
>>> [(e.text, e.label_) for e in repair(doc.ents)]
[('Ali Bagheri Kani', 'PERSON')]
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Span

from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon import toml
from newsgraph.extract.lexicon.names import COURTESY, norm, title_words

#: Person titles: an organisation span stops before one ("... Council Coordinator for ...").
TITLES = title_words("org_stops")
_PROPN = POS_IDS["PROPN"]
_COUNTER = re.compile(r"^\d+([/.:-]\d+)*$")   # "9", "5/19", "8-7": photo counters, scores
_DASHES = {"-", "\u2013", "\u2014"}


def _glued(a: Span, b: Span) -> bool:
    """``b`` follows ``a`` directly (a space, or a hyphen without spaces)."""
    doc = a.doc
    if b.start == a.end:
        return True
    if b.start != a.end + 1:
        return False
    gap = doc[a.end]  # one token between them
    return gap.text in _DASHES and not doc[a.end - 1].whitespace_ and not gap.whitespace_


def _is_city(span: Span) -> bool:
    return (len(span) == 1 and span.label_ == "GPE" and not gz.state_code(span.text)
            and bool(gz.city(span.text)))


def _merge_people(ents: list[Span]) -> list[Span]:
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and _glued(prev, ent) and (
                prev.label_ == "PERSON" and _is_city(ent) or _is_city(prev) and ent.label_ == "PERSON"
                and len(ent) == 1):  # "Vladimir Vladimirovich", never "Virginia Donald Trump"
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


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
    for k, w in enumerate(words[1:], 1):
        if w in TITLES and ent[k].is_title and words[k - 1] not in ("of", "the") \
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
    k = end
    while k < len(doc) and doc[k].is_title and k not in taken and doc[k].lower_ not in TITLES \
            and not doc[k].is_sent_start:
        k += 1
    if k > end and gz.sector_of(doc[end:k].text) in ("BUS", "GOV", "NGO"):
        return Span(doc, ent.start, k, label="ORG")
    return ent


@lru_cache(maxsize=1)
def _happening_heads() -> frozenset[str]:
    return frozenset(toml("non_actors.toml")["heads"])


def _keep(ent: Span) -> bool:
    text = ent.text
    if not any(c.isupper() for c in text) and "." not in text:
        return False
    if len(ent) > 1 and ent[-1].lower_ in _happening_heads():
        return False  # "the Armenian Genocide", "the Gulf War"
    if len(ent) == 2 and ent[1].lower_ in _PLACE_WORDS and gz.demonym_code(ent[0].text):
        return False  # a description, not a name: "the Afghan City of Kunduz" (headline case)
    last = text.split()[-1] if text.split() else ""
    people = len(text.split()) > 1 and ent.label_ != "NORP" and gz.demonym_code(last) and last.endswith("s")
    return not people


@lru_cache(maxsize=1)
def chrome_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/web_chrome.toml``: photo credits, page interface, trailing words."""
    return {k: frozenset(v) for k, v in toml("web_chrome.toml").items()}


def _junk_edge(tok, nxt=None) -> bool:
    """A token that cannot start (``nxt`` given) or end a name in web text."""
    chrome = chrome_words()
    low = tok.lower_
    if _COUNTER.match(tok.text) or low in chrome["credits"] or low in chrome["interface"]:
        return True
    if tok.text in ("/", "|", "-", "\u2013", ":") or (nxt is None and low in chrome["trailing"]):
        return True
    # a caption's shouted keyword repeating the name that follows: "TRUMP Donald Trump"
    return tok.is_upper and len(tok) > 2 and nxt is not None and any(
        t.lower_ == low for t in tok.doc[nxt.i:nxt.i + 4] if not t.is_upper)


_NOT_NAME = frozenset({"ADV", "VERB", "AUX", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART", "NUM"})


def _caption_word(tok, nxt) -> bool:
    """An all-caps word before a name in a caption ("STREET BEATING Donald Trump")."""
    return tok.is_upper and tok.is_alpha and len(tok) > 1 and (nxt.is_upper or nxt.is_title) \
        and not (gz.state_code(tok.text) or gz.organization(tok.text) or gz.outlet(tok.text))


def _balanced(ent: Span) -> tuple[int, int]:
    """(start, end) of ``ent`` without an unclosed bracket and what follows it, or a stray closing
    one in front ("European Seismological Center (EMSC" -> "European Seismological Center")."""
    start, end, depth = ent.start, ent.end, 0
    for t in ent:
        if t.text in ("(", "["):
            if depth == 0:
                cut = t.i
            depth += 1
        elif t.text in (")", "]"):
            depth -= 1
            if depth < 0 and t.i == start:
                start, depth = start + 1, 0
    return (start, cut) if depth > 0 and cut > start else (start, end)


def trim(ent: Span) -> Span | None:
    """``ent`` without web chrome at its edges; None when nothing is left or it is a URL.

    >>> import spacy
    >>> doc = spacy.blank("en")("Getty 5/19 Andy Murray Click here")
    >>> trim(Span(doc, 0, 5, "PERSON")).text
    'Andy Murray'
    """
    text = ent.text
    if "://" in text or text.lower().startswith(("www.", "pic.twitter.com")):
        return None
    start, end = _balanced(ent)
    doc = ent.doc
    while start < end - 1 and _junk_edge(doc[start], doc[start + 1]):
        start += 1
    while end > start and _junk_edge(doc[end - 1]):
        end -= 1
    if ent.label_ == "PERSON":  # a name is proper nouns: drop shouted caption words and stray words
        while end - start > 1 and _caption_word(doc[start], doc[start + 1]):
            start += 1
        while end - start > 1 and doc[end - 1].pos_ in _NOT_NAME:
            end -= 1
    if end <= start or (end - start == 1 and _junk_edge(doc[start])):
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_)


def _after_title(doc, i: int, owner: dict[int, Span]) -> bool:
    """Token ``i`` follows a title, directly or through "of <entity>" ("Minister of ... of Armenia")."""
    prev = doc[i - 1] if i > 0 else None
    if prev is None:
        return False
    if prev.lower_ in TITLES and prev.lower_ not in COURTESY:
        return True
    ent = owner.get(prev.i)
    if ent is None or ent.start < 2:
        return False
    of = ent.start - 1 - (doc[ent.start - 1].lower_ == "the")  # "... of (the) Republic of Armenia"
    if doc[of].lower_ != "of":
        return False
    window = doc[max(ent.sent.start, of - 8):of]
    return any(t.lower_ in TITLES for t in window)


def _titled_names(doc, ents: list[Span]) -> list[Span]:
    """Person spans for untagged proper-noun runs that follow a title (see module docstring)."""
    # a NORP span that is no demonym is the NER's mistake for a name ("Mirzoyan")
    owner = {t.i: e for e in ents for t in e if e.label_ != "NORP" or gz.demonym_code(e.text)}
    found, i, n = [], 0, len(doc)
    names = [p == _PROPN and bool(t) for p, t in doc.to_array(["POS", "IS_TITLE"]).tolist()] if n else []
    while i < n:
        j = i
        while j < n and j not in owner and names[j] and j - i < 4:  # title-case proper nouns
            j += 1
        if j > i and _after_title(doc, i, owner) and not gz.state_code(doc[i:j].text) \
                and not gz.city(doc[i:j].text) and not gz.organization(doc[i:j].text):
            found.append(Span(doc, i, j, label="PERSON"))
        i = max(j, i + 1)
    return found


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(toml("speech.toml")["speech"]["verbs"])


def _speaking_names(doc, ents: list[Span]) -> list[Span]:
    """Person spans for untagged runs of two to four proper nouns that are the subject of a verb of
    saying ("Adaeze Chukwu Obi said ..."): the NER often misses a name it has never seen."""
    taken = {t.i for e in ents for t in e}
    found = []
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.i in taken \
                or tok.head.lemma_.lower() not in _speech_verbs():
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and doc[start - 1].i not in taken and doc[start - 1].head == tok:
            start -= 1
        span = doc[start:tok.i + 1]
        if 2 <= len(span) <= 4 and all(t.is_title and t.lower_ not in TITLES for t in span) \
                and not _gazetteer_label(span.text):
            found.append(Span(doc, start, tok.i + 1, label="PERSON"))
    return found


def _surnames_as_people(ents: list[Span]) -> list[Span]:
    """A name that stands for a person named in the text is that person.

    A NORP span that is no demonym but a word of a person's name, and a one-word
    place that is no country but the surname of a person named in full ("Hillary
    Clinton" ... "Clinton said"; Clinton is also a town), are PERSON spans.
    """
    names = {t.lower_ for e in ents if e.label_ == "PERSON" for t in e if t.is_title}
    surnames = {e[-1].lower_ for e in ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title}
    return [Span(e.doc, e.start, e.end, label="PERSON") if _stands_for_person(e, names, surnames)
            else e for e in ents]


def _stands_for_person(e: Span, names: set[str], surnames: set[str]) -> bool:
    if e.label_ == "NORP":
        return not gz.demonym_code(e.text) and all(t.lower_ in names for t in e)
    return e.label_ in ("GPE", "LOC") and len(e) == 1 and e[0].lower_ in surnames \
        and not gz.state_code(e.text) and not gz.demonym_code(e.text)


class _TakenAfter:
    """The tokens of the entities that start after ``start`` (``k in taken``)."""

    def __init__(self, cover: dict[int, int], start: int):
        self.cover, self.start = cover, start

    def __contains__(self, k: int) -> bool:
        return self.cover.get(k, -1) > self.start


_JOINS = frozenset({"and", "/", "|"})
#: Generic place words that a demonym in front of does not make a name ("Afghan City").
_PLACE_WORDS = frozenset({"city", "town", "village", "capital", "province", "region", "port", "border"})


def _gazetteer_label(text: str) -> str | None:
    """The label the gazetteer gives a name on its own (a state, city, organisation or outlet)."""
    if gz.state_code(text) or gz.city(text):
        return "GPE"
    known = gz.organization(text)
    if known:
        return {"Location": "LOC", "State": "GPE"}.get(known.kind, "ORG")
    return "ORG" if gz.outlet(text) else None


def _unglue(ent: Span) -> list[Span]:
    """``ent`` split where the NER glued two names together.

    Two names joined by "and" or "/" of which one is a name the gazetteer knows ("Kyiv and
    Vyshgorod", "UrduPoint News / Sputnik"), unless the whole is a known name ("Trinidad and
    Tobago"); a state or city right after "of" in front of a person's name ("the Foreign
    Minister of Armenia Ararat Mirzoyan"), and a name after a body's head word ("the deputy
    speaker of Armenian Parliament Arshakyan").

    >>> import spacy
    >>> doc = spacy.blank("en")("Talks in Kyiv and Vyshgorod ended.")
    >>> [(e.text, e.label_) for e in _unglue(Span(doc, 2, 5, "ORG"))]
    [('Kyiv', 'GPE'), ('Vyshgorod', 'GPE')]
    """
    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG", "GPE", "FAC") or _gazetteer_label(ent.text):
        return [ent]
    for t in ent[1:-1]:
        if t.lower_ in _JOINS:
            left, right = doc[ent.start:t.i], doc[t.i + 1:ent.end]
            labels = (_gazetteer_label(left.text), _gazetteer_label(right.text))
            if any(labels):
                return [Span(doc, s.start, s.end, label=lab or next(x for x in labels if x))
                        for s, lab in zip((left, right), labels, strict=True)]
    if len(ent) == 2 and ent[1].text == ent[0].text.upper() and ent[0].text != ent[1].text \
            and _gazetteer_label(ent[0].text):  # "Yerevan YEREVAN": a dateline glued to its place
        return [Span(doc, ent.start, ent.start + 1, label=_gazetteer_label(ent[0].text))]
    if ent.label_ == "ORG" and ent.start and doc[ent.start - 1].lower_ == "of":
        heads = gz.gov()["heads"]["words"]
        k = max((t.i for t in ent[:-1] if t.text in heads), default=None)
        rest = doc[k + 1:ent.end] if k is not None else ()
        if rest and all(t.pos_ == "PROPN" and t.is_title and t.text not in heads for t in rest):
            return [Span(doc, ent.start, k + 1, label="ORG"), Span(doc, k + 1, ent.end, label="PERSON")]
    if ent.label_ == "PERSON" and len(ent) >= 3 and ent.start and doc[ent.start - 1].lower_ == "of" \
            and (gz.state_code(ent[0].text) or gz.city(ent[0].text)):
        return [Span(doc, ent.start, ent.start + 1, label="GPE"),
                Span(doc, ent.start + 1, ent.end, label="PERSON")]
    return [ent]


def repair(ents, doc=None) -> list[Span]:
    """The repaired, non-overlapping entity spans of ``doc`` (see module docstring)."""
    ents = [t for t in (trim(e) if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC") else e
                        for e in ents) if t is not None]
    ents = [part for e in ents for part in _unglue(e)]
    doc = ents[0].doc if ents else doc
    if doc is not None:
        ents += _titled_names(doc, ents)
        ents += _speaking_names(doc, ents)
        ents = _surnames_as_people(ents)
    ents = _merge_people(sorted(ents, key=lambda e: e.start))
    cover: dict[int, int] = {}  # token -> the latest start of an entity over it (not a set per entity)
    for e in ents:
        for k in range(e.start, e.end):
            cover[k] = max(cover.get(k, -1), e.start)
    out: list[Span] = []
    for ent in ents:
        start = ent.start
        ent = _trim_org(ent)
        if ent is None or not _keep(ent):
            continue
        ent = _extend_org(ent, _TakenAfter(cover, start))
        if out and out[-1].end > ent.start:
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "LOC" and ent.label_ == "ORG" and prev.end == ent.start \
                and gz.organization(prev.text):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out
