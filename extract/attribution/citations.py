"""Citations: the sources an article attributes information to (ng:cites).

* parenthetical citations: "(Trend.az, March 1)", "(see EDM, February 9; Twitter.com/x, March 14)",
  "(Agency A / Agency B - 23 March)": each part naming a source and a date;
* a source speaking: "Bloomberg published", "the EMSC reports", "the Defense Ministry said",
  "the Armenian government announced" (-> the State), "Yerevan announced" (capital -> the State),
  "a report from the EBRD noted", "a document by A, B and C ..." (documents speak for their issuers);
* "X was informed from/by Y" (Y), "according to Y", "according to the source" (the last source).

Persons speaking are statements, not citations; unnamed sources ("Azerbaijani media") are not
cited; the article's own outlet is not a citation.  Cue words are in ``extract/lexicon/data/speech.toml``.

>>> [p for _, _, p in parenthetical_sources("Talks resumed (Trend.az, March 1; see EDM, May 2).")]
['Trend.az', 'EDM']
>>> parenthetical_sources("The agency (ANC-AU) met.")
[]
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.attribution import speakers as S
from newsgraph.extract.attribution.marks import Context
from newsgraph.extract.lexicon.names import norm
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import Citation

SOURCE_KINDS = ("Organization", "State", "Outlet")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_DATE = re.compile(rf"\b{_MONTH}[a-z]*\.?\s*\d|\b\d{{1,2}}(st|nd|rd|th)?\s+{_MONTH}|\b(19|20)\d\d\b", re.I)
PASSIVE_ONLY = {"inform", "notify", "tell"}  # "X was informed by Y" cites Y; "Y informed X" does not
_LEAD = re.compile(r"^(see also|see|cf\.|e\.g\.|via|source:)\s+", re.I)


def parenthetical_sources(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each source named in a dated parenthetical citation of ``text``."""
    out = []
    for m in re.finditer(r"\(([^()\n]{2,300})\)", text):
        body, base = m.group(1), m.start(1)
        if not _DATE.search(body):
            continue
        for part in re.finditer(r"[^;]+", body):
            for piece in re.finditer(r"(?:[^/]|(?<=\S)/(?=\S))+", part.group()):
                raw = piece.group()
                name = re.split(r",|\s[-\u2013\u2014]\s", raw, maxsplit=1)[0]
                lead = _LEAD.match(name.strip())
                name = name.strip()[lead.end():] if lead else name.strip()
                if not name or _DATE.fullmatch(name) or not re.search(r"[A-Za-z]", name) or _DATE.match(name):
                    continue
                start = base + part.start() + piece.start() + raw.index(name)
                out.append((start, start + len(name), name))
    return out


def citations(doc: Doc) -> Iterator[Citation]:
    """Extractor: Citation records, one per (source, sentence), in text order."""
    ctx = Context(doc)
    own = _own_outlet(ctx)
    seen: set[tuple[str, int]] = set()
    found = sorted(_found(ctx), key=lambda x: (x[0].start_char, x[1]))
    last = None
    for sent, eid, cue in found:
        if eid == "<last>":
            eid = last
        if eid is None or eid in own or ctx.kind(eid) is None:
            continue
        last = eid
        if (eid, sent.start_char) not in seen:
            seen.add((eid, sent.start_char))
            yield Citation(source=eid, cue=cue, start=sent.start_char, end=sent.end_char)


def _own_outlet(ctx: Context) -> set[str]:
    """Ids of the publishing outlet and of every entity with one of its names."""
    meta = ctx.doc._.ng_meta or (None,)
    outlet = ctx.known.get(meta[0]) if meta and meta[0] else None
    if outlet is None:
        return set()
    names = {norm(f, keep_hyphens=True) for f in (outlet.name, *outlet.forms)}
    return {e.id for e in ctx.known.values()
            if {norm(f, keep_hyphens=True) for f in (e.name, *e.forms)} & names}


def _found(ctx: Context) -> Iterator[tuple[Span, str | None, str]]:
    doc = ctx.doc
    for s, e, name in parenthetical_sources(ctx.text):
        eid = _entity_in(ctx, s, e, name)
        if eid:
            yield _sent_at(ctx, s), eid, "parenthetical"
    if not doc.has_annotation("DEP"):
        return
    v = S.vocab()
    for tok in _candidates(doc):
        if ctx.in_quote(tok):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            for obj in (c for c in doc[tok.i + 1].children if c.dep_ == "pobj"):
                yield from _sources(ctx, obj, "according to")
        elif tok.pos_ == "VERB" and tok.lemma_ in v["cite"]:
            yield from _verb_sources(ctx, tok)
        elif tok.pos_ == "VERB":
            subj = S.subject(tok)
            if subj is not None and subj.lemma_.lower() in v["documents"] and subj.i < tok.i:
                for eid in ctx.actors_in(subj):
                    if ctx.kind(eid) in SOURCE_KINDS:
                        yield tok.sent, eid, subj.lemma_.lower()


def _candidates(doc: Doc) -> Iterator[Token]:
    """The tokens :func:`_found` looks at: verbs and "according", found on the arrays."""
    according, verb = doc.vocab.strings["according"], POS_IDS["VERB"]
    for i, (low, pos) in enumerate(doc.to_array(["LOWER", "POS"]).tolist()):
        if low == according or pos == verb:
            yield doc[i]


def _verb_sources(ctx: Context, verb: Token) -> Iterator[tuple[Span, str | None, str]]:
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive:  # "ARMENPRESS was informed from MFA Armenia"
        for prep in (c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                yield from _sources(ctx, obj, verb.lemma_)
        return
    subj = S.subject(verb)
    if subj is None or verb.lemma_ in PASSIVE_ONLY or _personal(ctx, subj):
        return
    if subj.lemma_.lower() in S.vocab()["documents"]:
        for eid in ctx.actors_in(subj):
            if ctx.kind(eid) in SOURCE_KINDS:
                yield verb.sent, eid, verb.lemma_
        return
    eid = S.actor_of(ctx, subj, SOURCE_KINDS)
    if eid:
        yield verb.sent, eid, verb.lemma_


def _personal(ctx: Context, subj: Token) -> bool:
    """A person speaks ("X, director of Y, said"): a statement, not a citation of Y."""
    if subj.lower_ in S.office_words() or subj.lower_ in S.PRONOUNS:
        return True
    return any(ctx.kind(ctx.entity_of(t)) == "Person" for t in subj.subtree)


def _sources(ctx: Context, obj: Token, cue: str) -> Iterator[tuple[Span, str | None, str]]:
    v = S.vocab()
    found = [e for e in ctx.actors_in(obj) if ctx.kind(e) in SOURCE_KINDS]
    if not found and obj.lemma_.lower() in v["governments"]:
        found = [e for e in [S.government(ctx, obj)] if e]
    for eid in found:
        yield obj.sent, eid, cue
    if not found and obj.lemma_.lower() in v["anaphors"] and any(c.lower_ == "the" for c in obj.children):
        yield obj.sent, "<last>", cue  # "according to the source"


def _entity_in(ctx: Context, s: int, e: int, name: str) -> str | None:
    """The entity a parenthetical source names: a mention inside it, else a matching name."""
    doc = ctx.doc
    for ent in docview.ents(doc):
        if ent.kb_id_ in ctx.known and ent.start_char >= s and ent.end_char <= e:
            return ent.kb_id_
    key = norm(name, keep_hyphens=True)
    for x in ctx.known.values():
        if key in {norm(f, keep_hyphens=True) for f in (x.name, *x.forms)}:
            return x.id
    return None


def _sent_at(ctx: Context, char: int) -> Span:
    doc, tok = ctx.doc, ctx.token_at(char)
    if tok is not None and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return tok.sent
    return doc[:]
