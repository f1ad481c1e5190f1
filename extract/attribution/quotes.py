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
The quote-mark scanner (:func:`quote_spans`) and the per-document lookups live in
:mod:`newsgraph.extract.roles.titles`.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.extract import roles as R
from newsgraph.extract.attribution.marks import _Ctx
from newsgraph.extract.attribution.marks import (
    quote_spans as quote_spans,  # re-exported: tests import it from here
)
from newsgraph.extract.lexicon import toml
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import Quote
from newsgraph.extract.roles import titles as T

PRONOUNS = {"he", "she", "him", "her"}
_SUBJ = ("nsubj",)
_CLIMB = ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl", "pcomp")


@cache
def vocab() -> dict[str, frozenset[str]]:
    """Speech verbs, citation verbs, document, government and anaphor nouns (lemmas)."""
    data = toml("speech.toml")
    return {"speech": frozenset(data["speech"]["verbs"]), "cite": frozenset(data["cite"]["verbs"]),
            **{k: frozenset(v) for k, v in data["nouns"].items()}}


def subject(verb: Token) -> Token | None:
    """The active subject of ``verb`` or of the verb it hangs from ("..., adding that" -> stated)."""
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in _SUBJ]
        if subj:
            return subj[0]
        if v.lemma_ == "read":  # '"...," read the statement'
            obj = [c for c in v.children if c.dep_ in ("dobj", "attr")]
            if obj:
                return obj[0]
        if v.dep_ not in _CLIMB or v.head.i == v.i:
            return None
        v = v.head
    return None


def actor_of(ctx: _Ctx, subj: Token, kinds=("Person", "Organization", "State", "Outlet")) -> str | None:
    """Entity id a subject phrase stands for; descriptions and pronouns through coref."""
    v = vocab()
    if "Person" in kinds:
        people = [e for e in (ctx.entity_of(t) for t in subj.subtree if not ctx.in_quote(t))
                  if ctx.kind(e) == "Person"]
        if people:
            return people[-1]  # "Putin's spokesman Dmitry Peskov": the name closing the phrase
    titled = subj.lower_ in _title_words()
    found = [e for e in ctx.actors_in(subj) if ctx.kind(e) in kinds]
    if found and not (titled and "Person" in kinds):  # "the speaker of Parliament X": X, not Parliament
        return found[0]
    lemma = subj.lemma_.lower()
    if lemma in v["governments"]:
        return _government(ctx, subj)
    if lemma in v["documents"]:
        return _issuer(ctx, subj)
    eid = _role_holder(ctx, subj) if subj.pos_ in ("NOUN", "PROPN") else None
    eid = eid or _coref(ctx.doc, subj)
    if eid is None and subj.lower_ in PRONOUNS:
        eid = _recent_person(ctx, subj)
    return eid if ctx.kind(eid) in kinds else None


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for t in T.lexicon()["all"] for w in t.split()[-1:]) | {"official", "spokesman"}


def _government(ctx: _Ctx, tok: Token) -> str | None:
    """ "the Armenian government", "Iran's authorities" -> the State."""
    for c in tok.children:
        if c.dep_ == "amod" or (c.dep_ == "compound" and c.ent_type_ == "NORP"):
            st = T.demonym_state(ctx.doc, c.text)
            if st:
                return st.id
        if c.dep_ in ("poss", "compound"):
            eid = ctx.entity_of(c)
            if eid and ctx.kind(eid) == "State":
                return eid
    return None


def _issuer(ctx: _Ctx, tok: Token) -> str | None:
    """Who issued the statement: the latest organisation or State that spoke before it."""
    sents = [s for s in docview.sents(ctx.doc) if s.end <= tok.sent.start][-3:]
    for sent in reversed(sents):
        for t in sent:
            if t.pos_ == "VERB" and t.lemma_ in vocab()["cite"] | vocab()["speech"] and not ctx.in_quote(t):
                s = subject(t)
                eid = actor_of(ctx, s, ("Organization", "State", "Outlet")) if s is not None else None
                if eid:
                    return eid
    return None


def _coref(doc: Doc, tok: Token) -> str | None:
    try:
        from newsgraph.extract.actors import coref
        return coref.resolve(doc, tok)
    except Exception:  # noqa: BLE001 - coref is optional; absent or failing means no answer
        return None


def _recent_person(ctx: _Ctx, tok: Token) -> str | None:
    """The latest Person mentioned (outside quotes) in this or the previous sentence."""
    start = tok.sent.start
    prev = [s for s in docview.sents(ctx.doc) if s.end <= start]
    lo = prev[-1].start if prev else start
    for i in range(tok.i - 1, lo - 1, -1):
        m = ctx.ments.get(i)
        if m is not None and ctx.kind(m.kb_id_) == "Person" and not ctx.in_quote(ctx.doc[i]):
            return m.kb_id_
    return None


def _role_holder(ctx: _Ctx, tok: Token) -> str | None:
    """ "the prime minister" -> the latest person given that title earlier in the article."""
    words = {t.lower_ for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"}
    if tok.lower_ not in T.lexicon()["all"] and not any(tok.lower_ in t.split() for t in T.lexicon()["all"]):
        return None
    best = None
    for person, title, _org, start in R.titled(ctx.doc):
        if start < tok.idx and words <= set(title.lower().split()):
            best = person
    return best


def _speech_verbs(ctx: _Ctx, sents) -> list[Token]:
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
    """Extractor: Quote records in text order (speaker = local entity id or None).

    >>> import spacy
    >>> from newsgraph.extract import nlp as _nlp  # noqa: F401  (registers the Doc extensions)
    >>> list(quotes(spacy.blank("en")("No quotes here.")))
    []
    """
    ctx = _Ctx(doc)
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


def _attribute(ctx: _Ctx, toks: list[Token], s: int, e: int) -> tuple[str | None, str | bool]:
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


def _previous_speaker(ctx: _Ctx, paras: list[int], para: int, last: dict[int, str]) -> str | None:
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
