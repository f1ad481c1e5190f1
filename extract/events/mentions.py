"""The event mentions of one sentence: its triggers with their parties, place, date and modality.

>>> import spacy
>>> from newsgraph.extract.events.lexicon import lexicon
>>> from newsgraph.extract.events.context import context
>>> from newsgraph.extract.records import Article
>>> doc = spacy.blank("en")("Quiet day.")
>>> art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=10, headline="",
...               body="Quiet day.", body_start=0)
>>> list(sentence_mentions(doc[:], lexicon(), context(doc, frozenset()), ArticleState(art)))
[]
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from newsgraph.extract.actors.edges import chrome_words
from newsgraph.extract.events.anaphora import GROUP
from newsgraph.extract.events.arguments import SYMMETRIC, arguments, attributed_to
from newsgraph.extract.events.context import Context
from newsgraph.extract.events.doers import doers
from newsgraph.extract.events.gatherings import side_noun
from newsgraph.extract.events.lexicon import TriggerLexicon
from newsgraph.extract.events.modality import aggregate as is_aggregate
from newsgraph.extract.events.modality import modality
from newsgraph.extract.events.phrases import actors_of
from newsgraph.extract.events.places import place_of, site_of, struck_state
from newsgraph.extract.events.praise import alliance, ally_noun
from newsgraph.extract.events.scene import scene_prep
from newsgraph.extract.events.senses import BOMBING, EXPLOSIONS, charge_dropped, one_happening
from newsgraph.extract.events.state import ArticleState
from newsgraph.extract.events.syntax import clause_chain, subject
from newsgraph.extract.events.temporal import after_publication, date_of, spans_days
from newsgraph.extract.events.triggers import Trigger, noun_event, triggers
from newsgraph.extract.events.verbs import verb_type
from newsgraph.extract.records import EventMention

__all__ = ["sentence_mentions"]

Parties = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]   # (agents, targets, participants)

#: ``ng:confidence`` by the rule that found the trigger (its strength in :mod:`.triggers`): the share of
#: such mentions measured right on the M2E2 development set (``bench/event_calibration.py``; ACE leaves
#: many clear events unmarked, so these are lower bounds).  Named parties did not raise the measured
#: precision, so they do not raise the confidence.
CALIBRATED = {0.4: 0.4,     # a happening noun on its own ("the protests spread")
              0.5: 0.35,    # a CAMEO verb on its own code, or a trigger noun anchored by a party
              0.6: 0.5,     # a verb of the hand lexicon on its own, or a noun after a light verb
              0.7: 0.3,     # a CAMEO pattern, a verb needing an actor object, a multiword noun
              0.75: 0.4}    # a verb + object pair or a verb + particle ("called for")


@cache
def _caption() -> re.Pattern:
    """A photo credit and a gallery counter before a capitalised caption ("Getty Images 6 Trump met
    ...", "Steve Parsons/PA 2/8 Police ..."): page furniture glued into the text, whose captions
    retell other stories; the credit words come from ``data/web_chrome.toml``."""
    words = "|".join(re.escape(w) for w in sorted(chrome_words()["credits"], key=lambda w: (-len(w), w)))
    return re.compile(r"(?i:\b(?:" + words + r"))\s+(?:\d{1,2}/\d{1,2}|\d{1,2})\s+(?=[A-Z])")


def _parties(trig: Trigger, lex: TriggerLexicon, ctx: Context, state: ArticleState) -> Parties | None:
    """(agents, targets, participants), or None when the mention is too vague to keep."""
    tok, light, etype = trig.token, trig.light, trig.type
    if etype == "SUPPORT" and ally_noun(tok, ctx):
        return alliance(tok, ctx, lex.speech)  # "X is our ally", said by someone
    agents, targets, parts = arguments(tok, light, etype, ctx)
    for c in tok.conjuncts if light is None else ():  # "shot and killed X": one event
        if c.i > tok.i and c.pos_ == "VERB" and (vt := verb_type(c, lex, ctx)) is not None \
                and vt[:2] == (etype, trig.strength):
            more = arguments(c, None, etype, ctx)
            agents, targets, parts = (tuple(dict.fromkeys(a + b)) for a, b in
                                      zip((agents, targets, parts), more, strict=True))
    if trig.undergoes and etype not in SYMMETRIC:
        agents, targets = _undergone(tok, agents, targets, ctx)
    if GROUP in agents and etype not in SYMMETRIC:
        return None  # "both sides commended ...": too vague for a directed event
    targets = tuple(t for t in targets if t != GROUP)  # "called on both sides to ...": unnamed
    if GROUP in parts:  # "the two sides": the parties of the last meeting nearby, else the two states
        sides = state.parties_nearby() or _two_states_before(tok, ctx)  # the text just named
        parts = tuple(dict.fromkeys(p for p in parts + sides if p != GROUP))
    if tok.lemma_.lower() in lex.joint_nouns and not ((light is not None or _shared(tok)) and len(parts) > 1):
        return None  # "X held a news conference": one speaker ("X and Y held a news conference": two)
    if etype in SYMMETRIC and light is None and (tok.pos_ == "NOUN" or tok.lemma_.lower() in lex.joint) \
            and len(parts) < 2 and not _body_convenes(trig, parts, ctx) and not _other_side(trig, parts, ctx):
        return None  # a meeting needs two parties, or a body that meets: not "a meeting", nor "X decided"
    if not (agents or targets or parts) and etype not in lex.happenings:
        return None  # a directed event without any actor says nothing about who did what
    return agents, targets, parts


def _two_states_before(tok: Token, ctx: Context) -> tuple[str, ...]:
    """The two states the sentence before ``tok`` and its own sentence up to it name as actors, if
    exactly two: "Azerbaijani units detected supplies from Armenia. Fighting erupted between the parties"."""
    doc, start = ctx.doc, tok.sent.start
    start = doc[start - 1].sent.start if start > 0 else start
    found = dict.fromkeys(a for t in doc[start:tok.i] if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
                          for a in actors_of(t, ctx) if ctx.kinds.get(a) == "State")
    return tuple(found) if len(found) == 2 else ()


def _undergone(verb: Token, agents: tuple[str, ...], targets: tuple[str, ...],
               ctx: Context) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(agents, targets) with the subject's actors moved to the targets ("X faced trial": X is tried)."""
    subj = set(actors_of(subject(verb)[0], ctx)) & set(agents)
    return tuple(a for a in agents if a not in subj), tuple(dict.fromkeys([a for a in agents if a in subj]
                                                                         + list(targets)))


def _shared(noun: Token) -> bool:
    """Whether a meeting noun of one speaker is told as shared: "a joint news conference", "a briefing
    with X", "their news conference"."""
    return any(c.lemma_.lower() == "joint" or c.dep_ == "prep" and c.lower_ == "with"
               or c.dep_ == "poss" and c.lower_ == "their" for c in noun.children)


def _body_convenes(trig: Trigger, parts: tuple[str, ...], ctx: Context) -> bool:
    """Whether the one party of a meeting noun is the body that meets: an organisation named in the
    noun's own phrase ("a Security Council meeting", "a meeting of the board of Acme Corp")."""
    if len(parts) != 1 or ctx.kinds.get(parts[0]) != "Organization" or trig.token.pos_ != "NOUN":
        return False
    own = [c for c in trig.token.children if c.dep_ in ("compound", "poss")]
    own += [o for c in trig.token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.subtree]
    return any(ctx.tok2ent.get(t.i) == parts[0] for c in own for t in c.subtree)


_SIDE_PREPS = ("with", "between", "among", "of")


def _other_side(trig: Trigger, parts: tuple[str, ...], ctx: Context) -> bool:
    """Whether a meeting noun with one named party tells its other side by a noun ("his meeting with the
    prime minister", "X met in a closed-door meeting with lawmakers", "a cabinet meeting"; not when the
    named party is in that phrase too: "talks between X and the community" name only one side), or is
    the scene of what a named person did ("X spoke during a meeting")."""
    noun = trig.token
    if len(parts) != 1 or noun.pos_ != "NOUN":
        return False
    if trig.type == "CONSULT" and scene_prep(noun) and ctx.kinds.get(parts[0]) == "Person":
        return True  # "X reads papers during a meeting in the Kremlin": X was in one
    phrases = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _SIDE_PREPS]
    if any(ctx.tok2ent.get(t.i) == parts[0] for p in phrases for t in p.subtree):
        return False
    sides = [o for p in phrases for o in p.children if o.dep_ == "pobj"]
    sides += [c for c in noun.children if c.dep_ == "compound"]
    return any(side_noun(s) and not actors_of(s, ctx) for o in sides for s in (o, *o.conjuncts))


def _local_place(place: str | None, parties: tuple[str, ...], ctx: Context) -> str | None:
    """The story's place for a local happening without a place of its own ("the tram derailed"):
    a town or region, or a country when the happening names no party (a country named as the
    story's place is more often a party's home than the scene: "Azerbaijani forces shot ...")."""
    kind = ctx.kinds.get(place or "")
    return place if kind == "Location" or kind == "State" and not parties else None


def _fallback_place(etype: str, parties: Parties, date, lex: TriggerLexicon, ctx: Context,
                    state: ArticleState) -> str | None:
    """The place of a mention without an "in X" of its own: a meeting in the lead takes the dateline;
    a local happening of the article's own day takes the story's place."""
    if etype == "CONSULT" and state.lead and state.dateline:
        return state.dateline
    if etype in lex.local and not _other_day(date, state):
        return _local_place(state.story_place, parties[0] + parties[1] + parties[2], ctx)
    return None


def _other_day(date, state: ArticleState) -> bool:
    """Whether the mention is dated to another day than the article's."""
    return bool(date) and date[0] != state.article.date


def _disaster_place(place: str | None, parties: Parties, ctx: Context) -> str | None:
    """A disaster has no actors: the place it struck ("in X", else a place named as its party)."""
    hit = [a for a in parties[0] + parties[1] + parties[2] if ctx.kinds.get(a) in ("State", "Location")]
    return place or (hit[0] if hit else None)


def _mention(trig: Trigger, parties: Parties, sent: Span, lex: TriggerLexicon, ctx: Context,
             state: ArticleState) -> EventMention:
    """The mention of one trigger with its parties; remembers its date and a meeting's parties."""
    tok, light, etype, article = trig.token, trig.light, trig.type, state.article
    # a happening without parties merges with other reports on its place alone: no country from afar
    place = place_of(tok, light, ctx, towns_only=not any(parties) and etype != "DISASTER")
    if etype == "DISASTER":
        place, parties = _disaster_place(place, parties, ctx), ((), (), ())
    date = date_of(clause_chain(tok, light), sent, article.date, state, noun_event) \
        if sent.start_char >= article.body_offset else None  # (a headline's present tense is no day)
    if date and date[1] == "day" and spans_days(tok):
        date = (date[0], "month")  # "four days of talks ended on Thursday": not one day's happening
    mod = modality(tok, light)
    deciders = actors_of(charge_dropped(tok), ctx) if mod == "negated" else ()
    if deciders:  # "decided not to charge X": the charge dropped, X cleared
        etype, mod, parties = "CONCEDE", "asserted", (deciders, parties[1], parties[2])
    if date and mod == "asserted" and after_publication(date, article.date):
        date = None  # a date after the report's: a web page's (a teaser's), not the event's
    if date and date[1] == "day" and mod == "asserted":
        state.last = state.dates[etype] = date
    agents, targets, parts = parties
    struck = struck_state(tok, light, place, ctx) if etype == "ASSAULT" and agents and not targets else None
    targets = (struck,) if struck is not None and struck not in agents else targets
    site = state.place_told(etype, parts) or site_of(targets + parts, ctx)
    if place is None and site is not None:
        place = site  # a town struck or met in is where it happened ("warplanes pummeled Idlib")
    elif place is None and (agents or targets or parts or etype == "DISASTER"):
        # (a happening told without its parties, "dozens were killed", keeps only a place of its own:
        # the story's place would tie it to other stories' events)
        place = _fallback_place(etype, parties, date, lex, ctx, state)
    elif place is None and etype in lex.local and etype in state.story_types and one_happening(tok) \
            and not _other_day(date, state):
        town = state.story_place  # the headline's happening: the town the headline names
        place = town if ctx.kinds.get(town or "") == "Location" else None
    sides = _sides(agents, targets, parts, ctx)
    if sides and mod == "asserted":
        state.sym, state.sym_para, state.sym_type, state.sym_place = sides, state.para, etype, place
    start, end = _bounds(sent, article)
    trigger = f"{light.text} {tok.text}" if light is not None and light.i < tok.i \
        and light.pos_ == "VERB" else tok.text
    evidence = article.text[start + article.body_offset:end + article.body_offset]
    return EventMention(type=etype, trigger=trigger, start=start, end=end, evidence=evidence,
                        agents=agents, targets=targets, participants=parts, place=place,
                        date=date[0] if date else None, date_precision=date[1] if date else "unknown",
                        modality=mod, confidence=CALIBRATED.get(trig.strength, 0.3),
                        attributed_to=attributed_to(tok, light, ctx, lex.speech))


def _sides(agents: tuple[str, ...], targets: tuple[str, ...], parts: tuple[str, ...],
           ctx: Context) -> tuple[str, ...]:
    """The two or more sides a later "the two sides" may stand for: the parties of a meeting or of a clash
    ("talks between X and Y", "fighting between X and Y"), or one state or body acting on another
    ("X shelled Y")."""
    if len(parts) >= 2:
        return parts
    pair = agents + targets
    if len(agents) == 1 and len(targets) == 1 and agents != targets \
            and all(ctx.kinds.get(a) in ("State", "Organization") for a in pair):
        return pair
    return ()


def _bounds(sent: Span, article) -> tuple[int, int]:
    """Start and end of ``sent`` in the article body (negative in the headline), surrounding space left
    out."""
    off = article.body_offset
    raw = article.text[sent.start_char:sent.end_char]
    start = sent.start_char - off + (len(raw) - len(raw.lstrip()))
    return start, sent.end_char - off - (len(raw) - len(raw.rstrip()))


def sentence_mentions(sent: Span, lex: TriggerLexicon, ctx: Context,
                      state: ArticleState) -> Iterator[EventMention]:
    """The event mentions of sentence ``sent`` of the article ``state`` reads, in trigger order."""
    if _caption().search(state.article.text[sent.start_char:sent.end_char]):
        return  # a photo gallery's captions: not this article's events
    found = triggers(sent, lex, ctx)
    violent = any(t.type in ("ASSAULT", "DISASTER") for t in found)
    words = {t.lemma_.lower() for t in sent} if violent else set()  # (read only where it may matter)
    state.bombing = state.bombing or any(t.type == "ASSAULT" for t in found) and bool(words & BOMBING) \
        or any(t.type == "ASSAULT" and t.token.lemma_.lower() in EXPLOSIONS for t in found)  # "claimed
    # responsibility for the explosion", "a car bomb blast": an explosion told as an attack
    for trig in found:
        if trig.type == "DISASTER" and state.bombing and (trig.token.lemma_.lower() in EXPLOSIONS or (
                trig.token.pos_ == "VERB" and words & EXPLOSIONS)):
            trig = trig._replace(type="ASSAULT")  # a bombing's explosion: "the blast shattered windows",
            # and its casualties: "the blast injured five"
        if trig.type == "DISASTER" and state.seen_disaster(trig.token.lemma_, sent.start):
            continue  # "the earthquake" again: the same event
        if is_aggregate(trig.token, trig.light):
            continue
        parties = _parties(trig, lex, ctx, state)
        if parties is not None:
            yield _mention(trig, parties, sent, lex, ctx, state)
    for noun, agents, targets in doers(sent, ctx):  # "Kennedy's assassin, Lee Oswald"
        yield _mention(Trigger(noun, "ASSAULT", None, 0.6), (agents, targets, ()), sent, lex, ctx, state)
