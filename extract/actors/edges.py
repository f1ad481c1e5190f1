"""The edges of a name span: web-page chrome, caption words and unclosed brackets.

* web-page chrome is trimmed from the edges of a span: photo credits, counters
  and interface words ("Getty 5/19 Andy Murray" -> "Andy Murray"), a shouted
  caption word before a name ("TRUMP Donald Trump" -> "Donald Trump"); spans
  that are URLs or nothing but chrome are dropped (``data/web_chrome.toml``);
* a verb's "-ing" form in front of a person's name is a word of the sentence ("Nominating
  Donald Trump would be ..." -> "Donald Trump");
* a month's name in front of an organisation is a date ("August Chicago NAPM" -> "Chicago NAPM"), and
  a demonym in front of an acronym is the nationality of its members ("British IS" -> "IS");
* an unclosed bracket ends a name ("European Seismological Center (EMSC"), a stray
  closing one in front is dropped.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon import rows, toml
from newsgraph.extract.lexicon.months import MONTHS
from newsgraph.extract.nlp.acronyms import in_capitals

_COUNTER = re.compile(r"^\d+([/.:-]\d+)*$")   # "9", "5/19", "8-7": photo counters, scores


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


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """The verb lemmas of the CAMEO dictionary (``data/cameo_verbs.tsv``, rows ``V``)."""
    return frozenset(r[1] for r in rows("cameo_verbs.tsv") if r[0] == "V" and len(r) > 1)


def _gerund(word: str) -> bool:
    """Whether ``word`` is a verb's "-ing" form ("Nominating"), not a given name ("Sterling", "Ewing").

    >>> _gerund("Nominating"), _gerund("Sterling"), _gerund("Donald")
    (True, False, False)
    """
    low = word.lower()
    stem = low[:-3]
    return low.endswith("ing") and len(stem) > 2 and bool({stem, stem + "e", stem[:-1]} & _verbs())


def _caption_word(tok, nxt) -> bool:
    """An all-caps word before a name in a caption ("STREET BEATING Donald Trump")."""
    return in_capitals(tok) and (nxt.is_upper or nxt.is_title) \
        and not (gz.state_code(tok.text) or gz.organization(tok.text) or gz.outlet(tok.text))


def _month(tok, nxt) -> bool:
    """A month's name (not "May", also a name) in front of an organisation's: a date, not its name."""
    return tok.lower_.rstrip(".") in MONTHS and tok.lower_ != "may" and nxt.is_title and nxt.lower_ != "of"


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
    lead = start + (doc[start].lower_ == "the")
    while ent.label_ == "ORG" and end - lead > 1 and _month(doc[lead], doc[lead + 1]):
        start = lead = lead + 1  # "(the) August Chicago NAPM", "Sept Brent"
    if ent.label_ == "ORG" and end - lead == 2 and in_capitals(doc[lead + 1]) \
            and gz.demonym_code(doc[lead].text):
        start = lead + 1  # the fighters' nationality, not the group's name: "British IS militants"
    if ent.label_ == "PERSON":  # a name is proper nouns: drop shouted caption words and stray words
        while end - start > 1 and _caption_word(doc[start], doc[start + 1]):
            start += 1
        while end - start > 2 and _gerund(doc[start].text):
            start += 1  # a quote's first word read into the name: "Nominating Donald Trump would be ..."
        while end - start > 1 and doc[end - 1].pos_ in _NOT_NAME:
            end -= 1
    if end <= start or (end - start == 1 and _junk_edge(doc[start])):
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_)
