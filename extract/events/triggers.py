"""Event triggers of a sentence: the verbs, nominalisations and light verb + noun pairs of the trigger
lexicon (:mod:`newsgraph.extract.events.lexicon`), kept where the parse says they name an event.

>>> import spacy
>>> from newsgraph.extract.events.context import context
>>> doc = spacy.blank("en")("Quiet day.")
>>> triggers(doc[:], lexicon(), context(doc, frozenset()))
[]
>>> noun_event(doc[1]), noun_event(spacy.blank("en")("earthquake")[0])
(None, 'DISASTER')
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Span, Token

from newsgraph.extract.events.arguments import SYMMETRIC
from newsgraph.extract.events.context import Context
from newsgraph.extract.events.forms import mistagged_noun, mistagged_verb
from newsgraph.extract.events.gatherings import campaign_rally
from newsgraph.extract.events.lexicon import TriggerLexicon, lexicon, noun_lemma, verb_lemma
from newsgraph.extract.events.phrases import actors_of
from newsgraph.extract.events.praise import ally_noun
from newsgraph.extract.events.scene import clause_parties, scene_prep
from newsgraph.extract.events.senses import (
    ATTEMPTS,
    BLAMING,
    CAUSING,
    CHARGES,
    CULPABLE,
    EXPLOSIONS,
    JUDGING,
    PHASES,
    PROSPECT_MODIFIERS,
    PROSPECT_VERBS,
    PROSPECTS,
    RATES,
    STATISTICS,
    STORMS,
    noun_sense,
)
from newsgraph.extract.events.syntax import pobjs
from newsgraph.extract.events.verbs import purpose, stative, unrealised, verb_type
from newsgraph.extract.events.violence import armed_blast, peaceful_struggle
from newsgraph.extract.nlp import docview

__all__ = ["Trigger", "triggers", "noun_event"]

_VERB, _NOMINAL = POS_IDS["VERB"], (POS_IDS["NOUN"], POS_IDS["PROPN"])
_ANCHOR_PREPS = ("with", "between", "by", "of", "against", "on", "at", "to", "from")


class Trigger(NamedTuple):
    """One trigger: the word, its event type, the light verb of a trigger noun, how sure the rule is."""

    token: Token              # the trigger word ("exchange" of "exchange of fire")
    type: str
    light: Token | None       # "held" of "held talks"; None for a verb, or a noun without one
    strength: float
    undergoes: bool = False   # the verb's subject is the one it happens to ("X faced trial")


def noun_event(tok: Token) -> str | None:
    """Event type of a trigger noun, looked up without context."""
    nouns = lexicon().nouns
    return nouns.get(tok.lower_) or nouns.get(tok.lemma_.lower())


def _noun_anchor(n: Token, lex: TriggerLexicon, ctx: Context) -> tuple[bool, Token | None]:
    """(is anchored, light verb) for a trigger noun."""
    h = n.head
    if n.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and verb_lemma(h, lex) in lex.light:
        return True, h
    if n.dep_ in ("nsubj", "nsubjpass") and verb_lemma(h, lex) in lex.occur | lex.light:
        return True, h
    if n.dep_ == "pobj" and h.lower_ in ("on", "under", "without") and h.head.pos_ in ("VERB", "AUX"):
        return True, h.head  # "agreed on a ceasefire", "ended without a deal" (negated)
    if n.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in lex.measure and h.head != n:
        return _noun_anchor(h.head, lex, ctx)  # "began a new round of negotiations"
    for c in n.children:
        owner = c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.i in ctx.tok2ent)  # "Russian raids"
        if owner and (actors_of(c, ctx) or c.lower_ == "their" and len(clause_parties(n, ctx)) >= 2):
            return True, None
        if c.dep_ == "prep" and c.lower_ in _ANCHOR_PREPS \
                and any(actors_of(o, ctx) for o in c.children if o.dep_ == "pobj"):
            return True, None
    return False, None


def _happening(n: Token, etype: str, lex: TriggerLexicon, ctx: Context) -> bool:
    """Whether the noun ``n`` of a happening type stands for one event in its sentence: the subject or
    object of a verb or the object of a preposition, not a modifier and not a topic ("fear of attacks")."""
    if n.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "conj", "appos", "attr"):
        return False
    if _named(n):
        return True  # "the Women's March": one happening by its name
    if n.pos_ == "PROPN" and n.i != n.sent.start or n.ent_type_ in ("DATE", "TIME"):
        return False  # "March 5"
    if n.lemma_.lower() in lex.anchored_only or n.lower_ in lex.anchored_only:
        if any(c.dep_ == "relcl" and verb_lemma(c, lex) in lex.occur for c in n.children):
            return True  # "the fighting that erupted last week": one outbreak
        if n.dep_ == "dobj" and n.head.lemma_.lower() in JUDGING \
                and any(c.lower_ == "the" for c in n.children):
            return True  # "condemned the detention of X": one that took place
        return n.dep_ == "pobj" and n.head.lower_ in ("after", "following", "during", "amid") \
            and not any(c.lower_ in ("the", "this", "these") for c in n.children)
        # "the fighting", "an offensive": a war, not one event, unless anchored ("after heavy fighting")
    phase = n.dep_ == "pobj" and n.head.lower_ in ("in", "of") and n.head.head.lemma_.lower() in PHASES
    scene = n.dep_ == "pobj" and n.head.lower_ in ("during", "amid", "in", "after", "following") \
        and n.tag_ in ("NNS", "NNPS")  # "amid protests", "days after bombings in X": ones that took place
    caused = n.dep_ == "dobj" and n.head.lemma_.lower() in CAUSING  # "the ruling sparked protests"
    measured = n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in lex.measure
    aimed = etype == "ASSAULT" and any(t.i in ctx.tok2ent for _, o in pobjs(n, ("on", "against"))
                                       for t in o.subtree)  # "airstrikes on Aleppo": those that struck it
    there = n.dep_ == "attr" and any(c.dep_ == "expl" for c in n.head.children)  # "there were protests"
    caption = mistagged_verb(n)  # a caption's verb read as a plural: "a woman protests against X"
    if (n.tag_ in ("NNS", "NNPS") or mistagged_noun(n)) and n.dep_ not in ("nsubj", "nsubjpass") and not any(
            c.dep_ in ("det", "nummod", "poss") and c.lower_ not in ("all", "any", "such", "no")
            or c.dep_ == "amod" and c.lower_ in ("several", "numerous", "multiple")  # "several protests"
            for c in n.children) and not (phase or scene or caused or measured or aimed or there or caption):
        return False  # "to ban protests", "organizing illegal protests": protests in general
        # (not "a wave of attacks", "a series of bombings")
    bare = not any(c.dep_ == "det" for c in n.children)
    if n.dep_ == "pobj" and n.head.lower_ == "in" and bare and not (phase or scene):
        return False  # "marched in protest", "held in custody": a manner or a state (not "a rise in clashes")
    about = n.dep_ == "pobj" and n.head.lower_ == "about" and n.head.head.pos_ == "NOUN"  # "articles about
    return not (_topic(n, etype, lex) or about or _crime_name(n)) \
        and n.head.lemma_.lower() not in _TOPIC_NOUNS  # the murders"


def _prospect(n: Token) -> bool:
    """Whether ``n`` is a happening that may come or did not: "the possibility of an attack", "fears of a
    crackdown", "any future attack", "police foiled a bombing"."""
    of = n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in PROSPECTS
    told = n.dep_ in ("dobj", "nsubjpass") and n.head.lemma_.lower() in PROSPECT_VERBS
    return of or told or any(c.dep_ in ("amod", "det") and c.lower_ in PROSPECT_MODIFIERS for c in n.children)


def _counted(n: Token) -> bool:
    """Whether the plural ``n`` is what a statistic counts: "the number of attacks is doubling" (not "a
    number of attacks", some attacks), or what a rate measures: "the rate of arrests" ("arrest rates" is
    read for every trigger by :func:`.modality.aggregate`)."""
    head = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "of" else None
    if head is not None and head.lemma_.lower() in RATES:
        return True
    return head is not None and n.tag_ in ("NNS", "NNPS") and head.lemma_.lower() in STATISTICS \
        and any(c.lower_ == "the" for c in head.children)


def _crime_name(n: Token) -> bool:
    """Whether ``n`` names the crime of a charge, a verdict or a punishment: bare, after "with", "of" or
    "for" on a verb or adjective of blame or a noun of a charge ("charged with murder", "charges of
    premeditated murder", "guilty of murder", "arrested for murder"; not "the murder of X")."""
    gov = n.head.head if n.dep_ == "pobj" and n.head.lower_ in ("with", "of", "for") else None
    owned = any(c.dep_ in ("det", "poss") or c.lower_ == "of" for c in n.children)
    if gov is None or n.tag_ != "NN" or owned:
        return False
    return gov.lemma_.lower() in BLAMING | CULPABLE | CHARGES


def _topic(n: Token, etype: str | None, lex: TriggerLexicon) -> bool:
    """Whether the event noun ``n`` is the topic of a verb of talk ("discussed the attacks"), not its
    subject ("the attack raised concerns") nor a happening it judges ("condemned the attack")."""
    gov = n.head.head if n.dep_ == "pobj" else n.head
    verb = gov.lemma_.lower()
    judged = verb in JUDGING and etype in lex.happenings
    return verb in lex.topic_verbs and n.dep_ != "nsubj" and n.head.lemma_.lower() not in lex.light \
        and not judged


#: Nouns an event noun is told under as a topic: the nouns of prospect, and these ("the report", "the law").
_TOPIC_NOUNS = PROSPECTS | frozenset({"wave", "rumor", "rumour", "report", "history", "law", "film"})


def _phrase_trigger(n: Token, lex: TriggerLexicon, ctx: Context) -> Trigger | None:
    """A multiword trigger ending in ``n`` ("phone call", "exchange of fire")."""
    candidates = lex.phrase_ends.get(n.lemma_.lower(), ())
    lemmas = [t.lemma_.lower() for t in n.doc[max(n.sent.start, n.i - 3):n.i + 1]] if candidates else []
    for phrase, etype in candidates:
        if tuple(lemmas[-len(phrase):]) == phrase:
            head = n.doc[n.i - len(phrase) + 1]  # "exchange of fire with X": X hangs on "exchange"
            if head.pos_ == "NOUN" and head.dep_ != "compound" and head.i not in ctx.tok2ent:
                n = head
            return Trigger(n, etype, _noun_anchor(n, lex, ctx)[1], 0.7)
    return None


def _named(n: Token) -> bool:
    """Whether the capitalised noun ``n`` names one happening by its owner's name ("the Women's March",
    "the People's Rally"), not a month: a month has no possessive."""
    return n.text[:1].isupper() and any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") for c in n.children)


def _noun_trigger(n: Token, lex: TriggerLexicon, ctx: Context) -> Trigger | None:
    """The trigger of a noun, or None."""
    lemma = noun_lemma(n)
    if n.lower_ not in lex.noun_words and lemma not in lex.noun_words \
            or n.ent_type_ in ("DATE", "TIME") and not _named(n):
        return None  # every rule below needs the word in a trigger table; "March 1" is a date
    if n.dep_ == "compound" and n.head.pos_ in ("NOUN", "PROPN"):
        return _attempt(n, lemma, lex, ctx)
    found = _phrase_trigger(n, lex, ctx)
    if found is not None:
        return found
    if n.lower_ == "fire" and any(c.lower_ == "of" for c in n.head.children if n.head.lower_ == "of"):
        return None
    plural = n.tag_ in ("NNS", "NNPS") and n.lower_ != lemma
    etype = lex.nouns.get(n.lower_) if plural else lex.nouns.get(lemma)
    if etype is None and plural and lex.nouns.get(lemma) in lex.happenings:
        etype = lex.nouns[lemma]  # "the attacks", "airstrikes": each one an event
    etype = noun_sense(n, etype) if etype else etype
    if etype is None or etype == "ASSAULT" and peaceful_struggle(n) \
            or etype == "PROTEST" and campaign_rally(n):
        return None  # plural "visits", "meetings": aggregates unless the plural is the event noun;
        # "the fight against corruption", "the battle for votes": no violence; "a campaign rally"
    if _topic(n, etype, lex) or _counted(n) or _prospect(n):
        return None  # ("discussed the attacks", "the number of attacks", "the possibility of an attack")
    if etype == "DISASTER" and n.lemma_.lower() in EXPLOSIONS and any(
            c.dep_ == "poss" and c.lower_ in ("his", "her", "my", "your") for c in n.children):
        return None  # a person's "blast": a shot or a tirade, not an explosion
    if etype == "DISASTER" and n.lemma_.lower() in STORMS and _quarrel(n):
        return None  # "a storm over the emails", "the emails storm": a row, not the weather
    if etype == "DISASTER" and armed_blast(n):
        etype = "ASSAULT"  # "a car bomb explosion", "an explosion targeting a convoy"
    if etype == "DISASTER":
        return Trigger(n, etype, _noun_anchor(n, lex, ctx)[1], 0.7)
    ok, light = _noun_anchor(n, lex, ctx)
    if not ok and etype in lex.happenings and _happening(n, etype, lex, ctx):
        return Trigger(n, etype, None, 0.4)  # "the protests spread", "a blast tore through", "after the raid"
    temporal = scene_prep(n) is not None and etype in SYMMETRIC \
        and not any(c.lower_ in ("the", "these", "this") for c in n.children)
    if not ok and not temporal:
        return None
    return Trigger(n, etype, light, 0.6 if light is not None else 0.5)


def _attempt(n: Token, lemma: str, lex: TriggerLexicon, ctx: Context) -> Trigger | None:
    """The happening a noun of a try names by its modifier ("the assassination attempt on X", "a kidnap
    bid"): tried, so it took place; the try is the trigger (other modifiers of a noun are none)."""
    head, etype = n.head, lex.nouns.get(lemma)
    if head.lemma_.lower() not in ATTEMPTS or etype not in lex.happenings:
        return None
    ok, light = _noun_anchor(head, lex, ctx)
    return Trigger(head, etype, light, 0.5) if ok or _happening(head, etype, lex, ctx) else None


def _candidates(sent: Span, lex: TriggerLexicon, ctx: Context) -> list[Trigger]:
    """Every verb and noun of ``sent`` that triggers by itself, in text order."""
    found = []
    doc, pos = sent.doc, docview.column(sent.doc, "POS")
    for i in range(sent.start, sent.end):  # (part of speech from the array: no Token for the others)
        verb = pos[i] == _VERB and not mistagged_noun(doc[i])  # ("killed in government airstrikes":
        if verb and not stative(t := doc[i]):                 # a noun tagged as a verb in a noun's place)
            vt = verb_type(t, lex, ctx)
            if vt and not (vt.type in lex.happenings and (purpose(t) or unrealised(t))):  # ("powers to
                # arrest", "vowed to kill")
                found.append(Trigger(t, vt.type, None, vt.strength, vt.undergoes))
        elif not verb and (pos[i] in _NOMINAL or pos[i] == _VERB) and i not in ctx.tok2ent:
            nt = _noun_trigger(doc[i], lex, ctx) or (  # "Russia is our closest ally"
                Trigger(doc[i], "SUPPORT", doc[i].head, 0.6) if ally_noun(doc[i], ctx) else None)
            if nt:
                found.append(nt)
    return found


def _quarrel(n: Token) -> bool:
    """Whether the storm noun ``n`` tells a row: "over" what, or a plural noun right before it ("the
    emails storm", however the parser hung it; "a dust storm" is weather)."""
    return bool(pobjs(n, ("over",))) or n.i > 0 and n.nbor(-1).tag_ == "NNS"


def triggers(sent: Span, lex: TriggerLexicon, ctx: Context) -> list[Trigger]:
    """The triggers of ``sent``, one per event: not a light verb of a trigger noun of the same type
    ("held talks"), a verb coordinated with one of the same type, or the object of a paired verb."""
    found = _candidates(sent, lex, ctx)
    nouns_on = {(f.light.i, f.type) for f in found if f.light is not None}
    verbs = {(f.token.i, f.type) for f in found if f.light is None and f.token.pos_ in ("VERB", "AUX")}
    # (coordinated nouns are events each: "the invasion of Iraq and the invasion of Afghanistan")
    paired = {f.token.i: f.type for f in found if f.light is None and f.strength >= 0.75
              and f.token.lemma_.lower() not in JUDGING}  # ("condemned the attack": two events)
    return [f for f in found if not (f.light is None and (f.token.i, f.type) in nouns_on)
            and not (f.token.dep_ == "conj" and (f.token.head.i, f.type) in verbs)
            and not (f.token.dep_ == "dobj" and paired.get(f.token.head.i, f.type) != f.type)]
