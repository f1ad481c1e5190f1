"""What the event extractor knows of the article it reads, and remembers from sentence to sentence.

>>> from newsgraph.extract.records import Article
>>> art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=9, headline="",
...               body="Hello.", body_start=0)
>>> s = ArticleState(art)
>>> s.last is None, s.sym, s.seen_disaster("quake", 3), s.seen_disaster("quake", 7)
(True, (), False, True)
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import coref
from newsgraph.extract.events.senses import BOMBING
from newsgraph.extract.events.syntax import lemmas
from newsgraph.extract.events.temporal import resolve_date
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import Article

__all__ = ["ArticleState", "story_places"]

Date = tuple[str, str]   # (ISO date, precision)
_WIRE = re.compile(r"^[A-Z][A-Z .'-]+,\s+([A-Z]+\.? \d{1,2})\b")


@dataclass
class ArticleState:
    """One article being read: what its head says, where the reading is, what it has seen so far."""

    article: Article
    wire: Date | None = None              # date of a wire dateline: "YEREVAN, MARCH 20, ARMENPRESS."
    dateline: str | None = None           # entity id of the article's first dateline place
    story_place: str | None = None        # entity id of the place the headline (else the lead) names
    story_types: frozenset[str] = frozenset()   # the types a headline naming a place says (its words')
    bombing: bool = False                 # the story tells a bombing (headline, or an attack told so far)
    lede_end: int = -1                    # body offset near the end of the wire lede (-1: no wire)
    para: int = 0                         # paragraph of the sentence being read
    lead: bool = False                    # ... it is in the lead paragraph
    lede: bool = False                    # ... it is the lede of a wire story
    disaster_words: set[str] = field(default_factory=set)   # lemmas of the disasters reported so far
    disaster_sents: set[int] = field(default_factory=set)   # sentences (first token) that reported one
    dates: dict[str, Date] = field(default_factory=dict)    # type -> date of its last dated mention
    last: Date | None = None              # the last day-precise date of an asserted mention
    sym: tuple[str, ...] = ()             # the sides of the last meeting, clash or state-on-state act
    sym_para: int = -9                    # ... and its paragraph
    sym_type: str = ""                    # ... its type
    sym_place: str | None = None          # ... and its place

    @classmethod
    def of(cls, doc: Doc, kinds: dict[str, str], types: Callable[[Token], str | None] = lambda t: None,
           ) -> ArticleState:
        """The state before the first sentence of ``doc``'s article (``kinds``: entity id -> kind;
        ``types``: the event type a word triggers on its own, if any)."""
        article = doc._.ng_article
        meta = doc._.ng_meta or (None, None, ())
        wire = _WIRE.match(article.body)
        head = doc.char_span(0, article.body_offset, alignment_mode="expand") if article.body_offset else None
        headline_place, lead_place = story_places(doc, kinds)
        return cls(article, wire=resolve_date(wire.group(1), article.date) if wire else None,
                   dateline=meta[2][0] if meta[2] else None,
                   story_place=headline_place or lead_place,
                   story_types=frozenset(filter(None, map(types, head or () if headline_place else ()))),
                   bombing=bool(lemmas(head or ()) & BOMBING),
                   lede_end=article.body.find(". ", wire.end()) + 2 if wire else -1)

    def at(self, sent: Span) -> None:
        """Move on to sentence ``sent``: its paragraph, and whether it is the lead or the lede."""
        doc, offset = sent.doc, self.article.body_offset
        self.para = coref.paragraph_of(doc, sent.start_char)
        self.lead = self.para == coref.paragraph_of(doc, offset)
        self.lede = self.lede_end > 0 and sent.start_char - offset <= self.lede_end

    def seen_disaster(self, lemma: str, sent_start: int) -> bool:
        """Whether a disaster called ``lemma``, or one in this sentence, was reported already ("the
        earthquake" again: the same event); if not, remember this one."""
        if lemma in self.disaster_words or sent_start in self.disaster_sents:
            return True
        self.disaster_words.add(lemma)
        self.disaster_sents.add(sent_start)
        return False

    def parties_nearby(self) -> tuple[str, ...]:
        """The sides of the last meeting, clash or act of one state on another in this paragraph or the one
        before ("the two sides")."""
        return self.sym if self.sym_para >= self.para - 1 else ()

    def place_told(self, etype: str, parties: tuple[str, ...]) -> str | None:
        """The place of the last meeting or clash nearby when a mention of its type has its sides
        (and no place of its own): "They met at the base in X. The two sides discussed ..." is in X."""
        same = etype == self.sym_type and set(parties) == set(self.parties_nearby()) and parties
        return self.sym_place if same else None


def story_places(doc: Doc, kinds: dict[str, str]) -> tuple[str | None, str | None]:
    """(the first town, region or country the headline names, the same of the lead sentence): the story's
    place is the first of them.

    >>> import spacy
    >>> story_places(spacy.blank("en")("Quiet day."), {})
    (None, None)
    """
    article = doc._.ng_article if Doc.has_extension("ng_article") else None
    offset = article.body_offset if article is not None else 0
    text = docview.text(doc)
    first = next((s for s in docview.sents(doc) if s.start_char >= offset
                  and text[s.start_char:s.end_char].strip()), None) \
        if doc.has_annotation("SENT_START") else None
    head = doc.char_span(0, offset, alignment_mode="expand") if offset else None
    return tuple(next((ent.kb_id_ for ent in docview.span_ents(doc, part)
                       if kinds.get(ent.kb_id_) in ("Location", "State")), None) if part is not None else None
                 for part in (head, first))
