"""Quotes: direct quotations and who said them (ng:Statement).

Quote marks: curly and straight, mixed ("..." or "..."), a quotation running over several
paragraphs (no closing mark, next paragraph opens one); a stray unbalanced mark drops only its
own quote.  Speakers: the subject of the nearest speech verb (``extract/lexicon/data/speech.toml``) in the
quote's sentence(s): "..., said X", "X said: ...", "... X tweeted"; pronouns and descriptions
("the prime minister repeated") through :mod:`newsgraph.extract.actors.coref` when present, else a role
holder or
the latest person; "read the statement" -> the statement's issuer; an unattributed quote paragraph
continues the previous speaker.  Scare quotes (one to three words, no speech verb governing them)
are not statements.  A real quotation with no identifiable speaker is kept with ``speaker=None``.
The quote-mark scanner and the per-document context are in :mod:`~newsgraph.extract.attribution.marks`,
who a subject stands for in :mod:`~newsgraph.extract.attribution.speakers`.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsgraph.extract.attribution.marks import Context
from newsgraph.extract.attribution.speakers import actor_of, subject, vocab
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import Quote


def _speech_verbs(ctx: Context, sents) -> list[Token]:
    return [t for s in sents for t in s if t.lemma_ in vocab()["speech"] and t.pos_ in ("VERB", "AUX")
            and not ctx.in_quote(t) and not any(c.dep_ == "auxpass" for c in t.children)]


def _governs(verb: Token, toks: list[Token]) -> bool:
    """A short quote is said when it hangs from the speech verb, at most through prepositions."""
    inside = {t.i for t in toks}
    for tok in toks:
        h = tok
        for _ in range(6):
            if h.i == verb.i:
                return True
            if h.head.i == h.i or (h.i not in inside and h.pos_ in ("VERB", "AUX", "NOUN", "PROPN")):
                break
            h = h.head
    return False


def quotes(doc: Doc) -> Iterator[Quote]:
    """Extractor: Quote records in text order (speaker = local entity id or None); read once per article
    while the extractors run (the event extractor asks who says a quote's "we").

    >>> import spacy
    >>> list(quotes(spacy.blank("en")("No quotes here.")))
    []
    """
    return iter(docview.cached(doc, "quotes", lambda: tuple(_quotes(doc))))


def _quotes(doc: Doc) -> Iterator[Quote]:
    ctx = Context(doc)
    if not ctx.spans or not doc.has_annotation("DEP"):
        return
    last: dict[int, str] = {}  # paragraph start -> latest speaker in it
    paras = [m.start() for m in re.finditer(r"(?:^|\n\s*\n)\s*\S", ctx.text)]
    for s, e in ctx.spans:
        toks = ctx.tokens_in(s, e)
        if not toks:
            continue
        para = paras[bisect.bisect_right(paras, s) - 1] if paras else 0
        speaker, keep = _attribute(ctx, toks, s, e)
        if not keep:
            continue
        if speaker is None and keep == "alone":
            speaker = last.get(para) or _previous_speaker(ctx, paras, para, last)
        if speaker is not None:
            last[para] = speaker
        yield Quote(speaker=speaker, text=ctx.text[s:e], start=s, end=e)


def _attribute(ctx: Context, toks: list[Token], s: int, e: int) -> tuple[str | None, str | bool]:
    """(speaker, keep): keep is False for scare quotes, "alone" for unattributed quote sentences."""
    doc = ctx.doc
    sents = [toks[0].sent] + ([toks[-1].sent] if toks[-1].sent != toks[0].sent else [])
    last = sents[-1]
    if last.end < len(doc) and doc[last.end].idx - e <= 3 and "\n" not in ctx.text[e:doc[last.end].idx]:
        sents.append(doc[last.end].sent)  # '"... end." O'Brien said.' parsed as its own sentence
    verbs = _speech_verbs(ctx, sents)
    n_words = len(re.findall(r"\w+(?:[-'\u2019]\w+)*", ctx.text[s:e]))
    if verbs:
        verb = min(verbs, key=lambda v: min(abs(v.idx - s), abs(v.idx - e)))
        if n_words <= 3 and not _governs(verb, toks):
            return None, False
        subj = subject(verb)
        return (actor_of(ctx, subj) if subj is not None else None), True
    if n_words <= 3:
        return None, False
    outside = [t for sent in sents for t in sent if not ctx.in_quote(t) and not t.is_punct and not t.is_space]
    if not outside:
        return None, "alone"
    root = toks[0].sent.root
    subj = subject(root) if not ctx.in_quote(root) else None
    return (actor_of(ctx, subj, ("Organization", "State", "Outlet", "Person")) if subj is not None
            else None), True


def _previous_speaker(ctx: Context, paras: list[int], para: int, last: dict[int, str]) -> str | None:
    """Speaker carried over from the previous paragraph: its quote speaker, or who speaks in it."""
    k = paras.index(para) if para in paras else -1
    if k <= 0:
        return None
    prev = paras[k - 1]
    if prev in last:
        return last[prev]
    sents = [s for s in docview.sents(ctx.doc) if prev <= s.start_char < para]
    for t in reversed(_speech_verbs(ctx, sents)):
        subj = subject(t)
        eid = actor_of(ctx, subj, ("Person",)) if subj is not None else None
        if eid:
            return eid
    for sent in reversed(sents):
        for t in sent:
            if t.dep_ == "nsubj" and t.head == sent.root:
                eid = ctx.entity_of(t)
                if eid and ctx.kind(eid) == "Person":
                    return eid
    return None
