"""In-text date expressions resolved against the article date.

``resolve_date("on Tuesday", "2023-03-23")`` gives the most recent Tuesday on or
before the article date; day-and-month without a year gives the most recent such
day on or before it; "last October" / "in September" the most recent such month
before it.  Results are ``(iso, precision)`` with precision ``day``, ``month`` or
``year``; anything not understood (or pointing to the future) gives ``None``.

>>> resolve_date("on Tuesday", "2023-03-23")
('2023-03-21', 'day')
>>> resolve_date("On 2 November", "2023-03-23")
('2022-11-02', 'day')
>>> resolve_date("since December 2022", None)
('2022-12', 'month')
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsgraph.extract.lexicon.months import MONTHS
from newsgraph.extract.nlp import docview

if TYPE_CHECKING:   # (the state module imports this one)
    from newsgraph.extract.events.state import ArticleState

WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday"))}
#: The first of a season's three months (the meteorological seasons of the north; a winter spans two years,
#: so it dates only its year).
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}
_SEASON_WORDS = (*SEASONS, "winter")

_M = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_THIS_YEAR = r"(?P<this>(?:of\s+)?this\s+year)"
PATTERNS = (
    re.compile(r"\b(?P<iso>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)\b"),
    re.compile(rf"\b{_M}\s+{_DAY}\b(?:,?\s*{_YEAR})?(?:\s*,?\s*{_THIS_YEAR})?"),
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_M}(?:,?\s*{_YEAR})?(?:\s*,?\s*{_THIS_YEAR})?"),
    re.compile(rf"\b(?P<season>{'|'.join(_SEASON_WORDS)})(?:\s+of)?\s+(?:{_YEAR}|{_THIS_YEAR})"),
    re.compile(rf"\b{_M}(?:\s+of)?,?\s+(?:{_YEAR}|{_THIS_YEAR})"),
    re.compile(rf"\b(?P<last>last|this|next)\s+{_M}"),
    re.compile(r"\b(?P<rel>today|yesterday|tonight|tomorrow|last night)\b"),
    re.compile(r"\b(?P<wmod>last|next|this)?\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday"
               r"|sunday)\b"),
    re.compile(rf"\b(?:in|during|since|throughout|early|late|mid-?)\s+{_M}\b"),
    re.compile(rf"\b(?:in|since|during|early|late|of)\s+{_YEAR}\b"),
    re.compile(rf"^\s*{_YEAR}\s*$"),
)


_OFFSET = re.compile(r"\b(?:after|before|ago|later|earlier|weeks?|months?|days|decades?)\b")


def _anchor(article_date: str | None) -> date | None:
    try:
        return date.fromisoformat(article_date[:10]) if article_date else None
    except ValueError:
        return None


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _relative_day(g: dict, now: date | None) -> tuple[str, str] | None:
    """"yesterday", "today", "on Tuesday", "last Thursday": a day counted back from ``now``."""
    if not now or g.get("rel") == "tomorrow" or g.get("wmod") == "next":
        return None
    if g.get("rel"):
        d = now - timedelta(days=1) if g["rel"] in ("yesterday", "last night") else now
        return d.isoformat(), "day"
    back = (now.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
    if g.get("wmod") == "last" and back == 0:
        back = 7
    return (now - timedelta(days=back)).isoformat(), "day"


def _month_day(mon: int, day: int, year: int | None, now: date | None) -> tuple[str, str] | None:
    """"On 2 November": without a year, the most recent such day on or before ``now``."""
    if year is None:
        if not now:
            return None
        year = now.year
        d = _day(year, mon, day)
        if d and d > now:
            year -= 1
    d = _day(year, mon, day)
    return (d.isoformat(), "day") if d else None


def _month(g: dict, mon: int, year: int | None, now: date | None) -> tuple[str, str] | None:
    """"last October", "in September": without a year, the most recent such month."""
    if g.get("mon") == "may" and g.get("last") == "this":
        return None  # "this may ..." is a modal verb
    if year is None:
        if not now or g.get("last") == "next":
            return None
        this_year = mon < now.month if g.get("last") == "last" else mon <= now.month
        year = now.year if this_year else now.year - 1
    return f"{year:04d}-{mon:02d}", "month"


def _resolve(m: re.Match, now: date | None) -> tuple[str, str] | None:
    g = m.groupdict()
    if g.get("iso"):
        d = _day(int(g["iso"]), int(g["im"]), int(g["id"]))
        return (d.isoformat(), "day") if d else None
    if g.get("rel") or g.get("wd"):   # (their patterns have no year, season or month)
        return _relative_day(g, now)
    if g.get("this") and not now:
        return None
    year = now.year if g.get("this") else int(g["year"]) if g.get("year") else None
    if g.get("season"):
        first = SEASONS.get(g["season"])
        return None if not year else (f"{year:04d}-{first:02d}", "season") if first else (str(year), "year")
    mon = MONTHS.get((g.get("mon") or "").lower())
    if mon and g.get("day"):
        return _month_day(mon, int(g["day"]), year, now)
    if mon:
        return _month(g, mon, year, now)
    return (str(year), "year") if year else None


def resolve_date(text: str, article_date: str | None) -> tuple[str, str] | None:
    """``(iso, precision)`` for the first date expression in ``text``, or ``None``.

    >>> resolve_date("yesterday", "2023-03-01")
    ('2023-02-28', 'day')
    >>> resolve_date("last October", "2023-03-23")
    ('2022-10', 'month')
    >>> resolve_date("in February of this year", "2023-03-23")
    ('2023-02', 'month')
    >>> resolve_date("in the summer of 2022", "2023-03-23"), resolve_date("winter 2022", "2023-03-23")
    (('2022-06', 'season'), ('2022', 'year'))
    >>> resolve_date("next week", "2023-03-23") is None
    True
    >>> resolve_date("two weeks after March 1", "2023-03-23") is None
    True
    """
    if not isinstance(text, str) or not text.strip():
        return None
    now = _anchor(article_date)
    low = text.lower()
    if _OFFSET.search(low):
        return None  # "two weeks after March 1": an offset we do not compute
    for pat in PATTERNS:
        m = pat.search(low)
        res = _resolve(m, now) if m else None
        if res is not None:
            return res
    return None


#: Parts of a day a date may name without dating a thing: "Wednesday evening", "last night".
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def _seasons(sent) -> tuple[Span, ...]:
    """DATE spans for a season and its year the NER left untagged ("in the summer of 2022", "in summer
    2022"), read once per sentence of a frozen Doc (every mention of the sentence asks).

    >>> import spacy
    >>> [s.text for s in _seasons(spacy.blank("en")("He spoke in the summer of 2022 and in fall 2021.")[:])]
    ['summer of 2022', 'fall 2021']
    """
    return docview.cached(sent.doc, ("seasons", sent.start), lambda: tuple(_season_spans(sent)))


def _season_spans(sent) -> list[Span]:
    doc, found = sent.doc, []
    for t in sent:
        if t.lower_ in _SEASON_WORDS and not t.ent_type_:
            year = t.i + 2 if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of" else t.i + 1
            if year < len(doc) and re.fullmatch(_YEAR, doc[year].text):
                found.append(Span(doc, t.i, year + 1, label="DATE"))
    return found


def _anchored_at(ent, chain: list) -> int | None:
    """Index in ``chain`` of the clause head a DATE entity attaches to, else None."""
    cur = ent.root
    for _ in range(8):
        if cur in chain or cur.pos_ in ("VERB", "AUX") or cur.head == cur:
            break
        if cur.dep_ in ("poss", "compound", "nmod") and cur.head.pos_ in ("NOUN", "PROPN") \
                and cur.head not in chain and cur.head.lemma_.lower() not in _DAY_PARTS:
            return None  # "Tuesday's election", "the October 28 letter": it dates that thing
        cur = cur.head
    return chain.index(cur) if cur in chain else None


def _back_reference(tok, article_date: str | None, state: ArticleState, noun_event):
    """"yesterday", "on the same day", "following the talks" attached to ``tok``, else None."""
    for c in tok.children:
        if c.lower_ in ("yesterday", "today"):
            return resolve_date(c.text, article_date)
        if c.lemma_.lower() == "night" and any(m.lower_ == "last" for m in c.children):
            return resolve_date("last night", article_date)
        if c.dep_ != "prep":
            continue
        for o in c.children:
            if o.lemma_ == "day" and any(m.lower_ == "same" for m in o.children):
                return state.last
            etype = noun_event(o) if c.lower_ in ("after", "following") else None
            if etype and any(d.lower_ == "the" for d in o.children) and state.dates.get(etype):
                return state.dates[etype]
    return None


def date_of(chain: list, sent, article_date: str | None, state: ArticleState, noun_event=lambda tok: None):
    """``(iso, precision)`` for the event whose clause heads are ``chain`` (trigger first), else None.

    The nearest DATE entity (or TIME entity naming a day: "on Wednesday night", "last night") attached
    to the chain wins; then back-references ("on the same day",
    "following the talks", resolved with ``state.last``/``state.dates[type]`` of the
    :class:`~newsgraph.extract.events.state.ArticleState`); then, in the lede sentence of a wire story
    (``state.lede``), the dateline date ``state.wire``.
    """
    best: tuple[int, tuple[str, str]] | None = None
    for ent in [*docview.span_ents(sent.doc, sent), *_seasons(sent)]:
        at = _anchored_at(ent, chain) if ent.label_ in ("DATE", "TIME") else None  # ("Wednesday night")
        if at is None or best is not None and at >= best[0]:
            continue
        found = state.last if "same day" in ent.text.lower() else resolve_date(ent.text, article_date)
        if found:
            best = (at, found)
    for tok in chain[: best[0] if best else len(chain)]:
        found = _back_reference(tok, article_date, state, noun_event)
        if found:
            return found
    if best:
        return best[1]
    return state.wire if state.lede else None


def after_publication(when: tuple[str, str], article_date: str | None) -> bool:
    """Whether the date ``when`` (iso, precision) lies after the article's publication (a day's grace
    for time zones): a report cannot tell as done what happens after it -- such a date is a web page's
    (a teaser's, a gallery's), not the event's.

    >>> after_publication(("2016-11-30", "day"), "2016-11-10")
    True
    >>> after_publication(("2016-11-11", "day"), "2016-11-10")
    False
    >>> after_publication(("2016-12", "month"), "2016-11-10"), after_publication(("2016", "year"), None)
    (True, False)
    """
    now = _anchor(article_date)
    if now is None:
        return False
    iso = when[0]
    if len(iso) == 10:
        return iso > (now + timedelta(days=1)).isoformat()
    return iso > now.isoformat()[:len(iso)]


_SPANS = ("day", "week", "month")


def spans_days(tok) -> bool:
    """Whether the trigger noun ``tok`` is told as a happening of several days ("four days of
    talks", "two weeks of protests"): its date is the day it began or ended, not the day it was.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["four", "days", "of", "talks"], heads=[1, 1, 1, 2],
    ...           deps=["nummod", "ROOT", "prep", "pobj"], lemmas=["four", "day", "of", "talk"])
    >>> spans_days(doc[3]), spans_days(doc[1])
    (True, False)
    """
    measure = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return measure is not None and measure.lemma_.lower() in _SPANS and measure.tag_ != "NN" \
        and any(c.dep_ in ("nummod", "amod") for c in measure.children)


def share_dates(mentions: list) -> list:
    """An undated mention takes the date of the article's dated mentions of the same type and agents
    ("Kirby called for calm" ... "On March 22, Kirby called for calm"), when they agree on one date.

    >>> share_dates([])
    []
    """
    dated: dict[tuple, set] = {}
    for m in mentions:
        if m.date and m.agents and m.modality == "asserted":
            dated.setdefault((m.type, m.agents), set()).add((m.date, m.date_precision))
    out = []
    for m in mentions:
        same = dated.get((m.type, m.agents), set())
        if not m.date and m.agents and m.modality == "asserted" and len(same) == 1:
            date, precision = next(iter(same))
            m = dataclasses.replace(m, date=date, date_precision=precision)
        out.append(m)
    return out
