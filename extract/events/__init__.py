"""Events: PLOVER-typed event mentions with arguments, date, place and modality.

Triggers come from the lexicon ``extract/lexicon/data/events.toml`` (verbs, nominalisations,
light-verb + noun pairs, particle requirements) matched on lemmas and the parse;
arguments from :mod:`newsgraph.extract.events.arguments`; dates from :mod:`newsgraph.extract.events.temporal`.

>>> lexicon().verbs["condemn"], lexicon().pairs[("summon", "ambassador")]
('ACCUSE', 'ACCUSE')
>>> sorted(etype for etype, preps in lexicon().prep["call"] if "for" in preps)
['REQUEST']
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors.spans import chrome_words
from newsgraph.extract.events import arguments as args
from newsgraph.extract.events.lexicon import TriggerLexicon, lexicon, verb_lemma
from newsgraph.extract.events.modality import aggregate as _aggregate
from newsgraph.extract.events.modality import modality
from newsgraph.extract.events.phrases import GROUP, Context, actors_of, context, owner_of
from newsgraph.extract.events.state import ArticleState
from newsgraph.extract.events.syntax import clause_chain
from newsgraph.extract.events.temporal import date_of, share_dates
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import EventMention

_VERB, _NOMINAL = POS_IDS["VERB"], (POS_IDS["NOUN"], POS_IDS["PROPN"])


def _objects(v: Token) -> list[Token]:
    return [c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr", "oprd")]


def _verb_type(v: Token, lex: TriggerLexicon, ctx: Context) -> tuple[str, float] | None:
    lemma = verb_lemma(v, lex)
    if lemma not in lex.triggers:
        return None  # every rule below needs the lemma in one of the trigger tables
    objs = _objects(v)
    if any(c.dep_ == "nsubj" and lex.nouns.get(c.lemma_.lower()) == "DISASTER" for c in v.children):
        return None  # "the earthquake struck": the noun is the event
    actor_objs = [o for o in objs if o.dep_ != "attr" and actors_of(o, ctx)]
    on_objs = [o for c in v.children if c.dep_ == "prep" and c.lower_ in ("on", "under", "in")
               for o in c.children if o.dep_ == "pobj"]
    for o in objs + on_objs:
        if (lemma, o.lemma_.lower()) in lex.pairs:
            return lex.pairs[(lemma, o.lemma_.lower())], 0.75
    for o in objs:
        if (lemma, "*actor" if o in actor_objs else "*thing") in lex.pairs:
            return lex.pairs[(lemma, "*actor" if o in actor_objs else "*thing")], 0.75
    preps = {c.lower_ for c in v.children if c.dep_ in ("prep", "prt", "agent") and c.i > v.i
             and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)}
    preps |= {m.lower_ for c in v.children if c.dep_ == "ccomp" for m in c.children if m.dep_ == "mark"}
    for etype, need in lex.prep.get(lemma, ()):
        if preps & need:
            return etype, 0.75
    if lemma in lex.actor_object and actor_objs and not any(
            c.dep_ in ("oprd", "dobj") and c not in actor_objs for c in v.children):
        return lex.actor_object[lemma], 0.7  # not "called him a sore loser"
    if lemma in lex.owner_object and (actor_objs or any(owner_of(o, ctx) for o in objs)):
        etype = lex.owner_object[lemma]
        if not {o.lemma_.lower() for o in objs} & lex.exclude.get((etype, lemma), frozenset()):
            return etype, 0.7
    etype = lex.verbs.get(lemma)
    if etype is None:
        return None
    banned = lex.exclude.get((etype, lemma), frozenset())
    xcomps = [c for c in v.children if c.dep_ == "xcomp"]
    if any(o.lemma_.lower() in banned for o in objs + xcomps + [o for x in xcomps for o in _objects(x)]):
        return None
    return etype, 0.6


def _noun_event(tok: Token) -> str | None:
    """Event type of a trigger noun, looked up without context."""
    nouns = lexicon().nouns
    return nouns.get(tok.lower_) or nouns.get(tok.lemma_.lower())


def _stative(v: Token) -> bool:
    """States and characterisations: "where peacekeepers are stationed", "X is a hub that supports Y"."""
    if v.dep_ == "relcl":
        cur = v.head
        for _ in range(5):  # up the noun phrase the clause describes
            if cur.dep_ == "attr" or cur.lemma_ == "be":
                return True
            if cur.dep_ not in ("pobj", "prep", "conj", "compound", "appos") or cur.head is cur:
                break
            cur = cur.head
    return v.dep_ in ("relcl", "advcl") and any(c.dep_ == "auxpass" for c in v.children) \
        and any(c.lower_ in ("where", "wherever") for c in v.children)


def _noun_anchor(n: Token, lex: TriggerLexicon, ctx: Context) -> tuple[bool, Token | None]:
    """(is anchored, light verb) for a trigger noun."""
    h = n.head
    if n.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and verb_lemma(h, lex) in lex.light:
        return True, h
    if n.dep_ in ("nsubj", "nsubjpass") and verb_lemma(h, lex) in lex.occur | lex.light:
        return True, h
    if n.dep_ == "pobj" and h.lower_ in ("on", "under") and h.head.pos_ in ("VERB", "AUX"):
        return True, h.head
    if n.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in lex.measure \
            and h.head is not n:
        return _noun_anchor(h.head, lex, ctx)  # "began a new round of negotiations"
    for c in n.children:
        owner = c.dep_ == "poss" or (c.dep_ == "compound" and c.i in ctx.tok2ent)
        if owner and actors_of(c, ctx):
            return True, None
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "by", "of", "against", "on", "at", "to") \
                and any(actors_of(o, ctx) for o in c.children if o.dep_ == "pobj"):
            return True, None
    return False, None


def _noun_type(n: Token, lex: TriggerLexicon, ctx: Context) -> tuple | None:
    """(type, light verb, strength[, trigger token]) of a trigger noun, or None."""
    if n.lower_ not in lex.noun_words and n.lemma_.lower() not in lex.noun_words:
        return None  # every rule below needs the word in a trigger table
    if n.dep_ == "compound" and n.head.pos_ in ("NOUN", "PROPN"):
        return None
    candidates = lex.phrase_ends.get(n.lemma_.lower(), ())
    lemmas = [t.lemma_.lower() for t in n.doc[max(n.sent.start, n.i - 3):n.i + 1]] if candidates else []
    for phrase, etype in candidates:
        if tuple(lemmas[-len(phrase):]) == phrase:
            head = n.doc[n.i - len(phrase) + 1]  # "exchange of fire with X": X hangs on "exchange"
            if head.pos_ == "NOUN" and head.dep_ != "compound" and head.i not in ctx.tok2ent:
                n = head
            return etype, _noun_anchor(n, lex, ctx)[1], 0.7, n
    if n.lower_ == "fire" and any(c.lower_ == "of" for c in n.head.children if n.head.lower_ == "of"):
        return None
    plural = n.tag_ in ("NNS", "NNPS") and n.lower_ != n.lemma_.lower()
    etype = lex.nouns.get(n.lower_) if plural else lex.nouns.get(n.lemma_.lower())
    if etype is None:
        return None  # plural "visits", "meetings": aggregates unless the plural is the event noun
    gov = n.head.head if n.dep_ == "pobj" else n.head
    if gov.lemma_.lower() in lex.topic_verbs and n.head.lemma_.lower() not in lex.light:
        return None
    if etype == "DISASTER":
        return etype, _noun_anchor(n, lex, ctx)[1], 0.7
    ok, light = _noun_anchor(n, lex, ctx)
    temporal = n.dep_ == "pobj" and n.head.lower_ in ("after", "following", "during", "in") \
        and etype in args.SYMMETRIC and not any(c.lower_ in ("the", "these", "this") for c in n.children)
    if not ok and not temporal:
        return None
    return etype, light, 0.6 if light is not None else 0.5


def _triggers(sent: Span, lex: TriggerLexicon, ctx: Context) -> list[tuple[Token, str, Token | None, float]]:
    found = []
    doc, pos = sent.doc, docview.column(sent.doc, "POS")
    for i in range(sent.start, sent.end):  # (part of speech from the array: no Token for the others)
        if pos[i] == _VERB and not _stative(t := doc[i]):
            vt = _verb_type(t, lex, ctx)
            if vt:
                found.append((t, vt[0], None, vt[1]))
        elif pos[i] in _NOMINAL and i not in ctx.tok2ent:
            t = doc[i]
            nt = _noun_type(t, lex, ctx)
            if nt:
                found.append((nt[3] if len(nt) > 3 else t, nt[0], nt[1], nt[2]))
    nouns_on = {(light.i, et) for _, et, light, _ in found if light is not None}
    verbs = {(t.i, et) for t, et, light, _ in found if light is None}
    paired = {t.i: et for t, et, light, strength in found if light is None and strength >= 0.75}
    return [f for f in found if not (f[2] is None and (f[0].i, f[1]) in nouns_on)
            and not (f[0].dep_ == "conj" and (f[0].head.i, f[1]) in verbs)
            and not (f[0].dep_ == "dobj" and paired.get(f[0].head.i, f[1]) != f[1])]


def _arguments(tok: Token, light: Token | None, etype: str, strength: float, lex: TriggerLexicon,
               ctx: Context, state: ArticleState) -> tuple[tuple[str, ...], ...] | None:
    """(agents, targets, participants), or None when the mention is too vague to keep."""
    agents, targets, parts = args.arguments(tok, light, etype, ctx)
    for c in tok.conjuncts if light is None else ():  # "shot and killed X": one event
        if c.i > tok.i and c.pos_ == "VERB" and _verb_type(c, lex, ctx) == (etype, strength):
            more = args.arguments(c, None, etype, ctx)
            agents, targets, parts = (tuple(dict.fromkeys(a + b)) for a, b in
                                      zip((agents, targets, parts), more, strict=True))
    if GROUP in agents and etype not in args.SYMMETRIC:
        return None  # "both sides commended ...": too vague for a directed event
    targets = tuple(t for t in targets if t != GROUP)  # "called on both sides to ...": unnamed
    if GROUP in parts:  # "the two sides": the parties of the last meeting nearby
        parts = tuple(dict.fromkeys(p for p in parts + state.parties_nearby() if p != GROUP))
    if etype in args.SYMMETRIC and light is None and tok.pos_ == "NOUN" and len(parts) < 2:
        return None  # a meeting needs two parties: "the Cabinet meeting" is not one
    if not (agents or targets or parts) and etype != "DISASTER":
        return None  # an event without any actor says nothing about who did what
    return agents, targets, parts


@cache
def _caption() -> re.Pattern:
    """A photo credit and a gallery counter before a capitalised caption ("Getty Images 6 Trump met
    ...", "Steve Parsons/PA 2/8 Police ..."): page furniture glued into the text, whose captions
    retell other stories; the credit words come from ``data/web_chrome.toml``."""
    words = "|".join(re.escape(w) for w in sorted(chrome_words()["credits"], key=lambda w: (-len(w), w)))
    return re.compile(r"(?i:\b(?:" + words + r"))\s+(?:\d{1,2}/\d{1,2}|\d{1,2})\s+(?=[A-Z])")


def _sentence_mentions(sent: Span, article, lex: TriggerLexicon, ctx: Context,
                       state: ArticleState) -> Iterator[EventMention]:
    off = article.body_offset
    raw = article.body[sent.start_char - off:sent.end_char - off]
    start = sent.start_char - off + (len(raw) - len(raw.lstrip()))
    end = sent.end_char - off - (len(raw) - len(raw.rstrip()))
    if _caption().search(raw):
        return  # a photo gallery's captions: not this article's events
    for tok, etype, light, strength in _triggers(sent, lex, ctx):
        if etype == "DISASTER" and state.seen_disaster(tok.lemma_, sent.start):
            continue  # "the earthquake" again: the same event
        if _aggregate(tok, light):
            continue
        found = _arguments(tok, light, etype, strength, lex, ctx, state)
        if found is None:
            continue
        agents, targets, parts = found
        place = args.place_of(tok, light, ctx)
        if etype == "DISASTER":  # a disaster has no actors: the place it struck is its place
            hit = [a for a in agents + targets + parts if ctx.kinds.get(a) in ("State", "Location")]
            place, agents, targets, parts = place or (hit[0] if hit else None), (), (), ()
        date = date_of(clause_chain(tok, light), sent, article.date, state, _noun_event)
        mod = modality(tok, light)
        if date and date[1] == "day" and mod == "asserted":
            state.last = state.dates[etype] = date
        if place is None and etype == "CONSULT" and state.lead and state.dateline:
            place = state.dateline
        if place is None and etype in lex.local and not (date and date[0] != article.date):
            place = _local_place(state.story_place, agents + targets + parts, ctx)
        if etype in args.SYMMETRIC and len(parts) >= 2 and mod == "asserted":
            state.sym, state.sym_para = parts, state.para
        n_args = bool(agents) + bool(targets) + bool(parts)
        trigger = f"{light.text} {tok.text}" if light is not None and light.i < tok.i \
            and light.pos_ == "VERB" else tok.text
        yield EventMention(type=etype, trigger=trigger, start=start, end=end,
                           evidence=article.body[start:end], agents=agents, targets=targets,
                           participants=parts, place=place, date=date[0] if date else None,
                           date_precision=date[1] if date else "unknown", modality=mod,
                           confidence=round(min(0.95, strength + 0.1 * min(n_args, 2)), 2),
                           attributed_to=args.attributed_to(tok, light, ctx, lex.speech))


def _local_place(place: str | None, parties: tuple[str, ...], ctx: Context) -> str | None:
    """The story's place for a local happening without a place of its own ("the tram derailed"):
    a town or region, or a country when the happening names no party (a country named as the
    story's place is more often a party's home than the scene: "Azerbaijani forces shot ...")."""
    kind = ctx.kinds.get(place or "")
    return place if kind == "Location" or kind == "State" and not parties else None


def events(doc: Doc) -> Iterator[EventMention]:
    """Extractor: the article's event mentions, in text order (headline sentences skipped)."""
    article = doc._.ng_article
    if article is None or not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return  # no parse, no arguments: nothing reliable to say
    lex = lexicon()
    ctx = context(doc, gz.actor_nouns())
    state = ArticleState.of(doc, ctx.kinds)
    found: list[EventMention] = []
    text = docview.text(doc)
    for sent in docview.sents(doc):
        if sent.start_char < article.body_offset or not text[sent.start_char:sent.end_char].strip():
            continue
        state.at(sent)
        found += _sentence_mentions(sent, article, lex, ctx, state)
    yield from share_dates(found)
