"""The event type of a verb, read against its arguments: CAMEO's object and preposition patterns, the
project's own verb tables (``events.toml``), and the senses that depend on the arguments
(:mod:`newsgraph.extract.events.senses`); and the verbs that describe a state, not an event.

>>> import spacy
>>> from spacy.tokens import Doc
>>> from newsgraph.extract.events.lexicon import lexicon
>>> from newsgraph.extract.events.context import context
>>> doc = Doc(spacy.blank("en").vocab, words=["Rebels", "stormed", "the", "town"], heads=[1, 1, 3, 1],
...           deps=["nsubj", "ROOT", "det", "dobj"], lemmas=["rebel", "storm", "the", "town"],
...           pos=["NOUN", "VERB", "DET", "NOUN"])
>>> verb_type(doc[1], lexicon(), context(doc, frozenset()))[0]
'ASSAULT'
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from newsgraph.extract.events.cameo import cameo
from newsgraph.extract.events.cameo import match as cameo_match
from newsgraph.extract.events.context import Context
from newsgraph.extract.events.forms import infinitive, passive
from newsgraph.extract.events.gatherings import people_noun, protest_gathering
from newsgraph.extract.events.lexicon import TriggerLexicon, lexicon, noun_lemma, verb_lemma
from newsgraph.extract.events.owners import owner_of
from newsgraph.extract.events.phrases import actors_of
from newsgraph.extract.events.senses import ATTEMPTS, CAMPAIGNING, HARMED_STATES, IMPACT, UNREALISED, refine
from newsgraph.extract.events.syntax import pobjs, subject
from newsgraph.extract.events.violence import force_posture, went_off

__all__ = ["Reading", "verb_type", "stative", "purpose", "unrealised"]


_PERSONAL = frozenset({"me", "him", "her", "us"})
_REFLEXIVE = frozenset({"myself", "himself", "herself", "itself", "ourselves", "themselves"})


class Reading(NamedTuple):
    """What an event verb is in its clause: its type, how sure the rule is, and whether the subject is the
    one it happens to (CAMEO's reversed patterns, active voice: "X faced trial", "X received an
    invitation")."""

    type: str
    strength: float
    undergoes: bool = False


def _person(o: Token) -> bool:
    """Whether the noun ``o`` is a person's ("the pilot", "two suspects", "47 prisoners")."""
    return o.pos_ == "NOUN" and people_noun(o)


def _objects(v: Token) -> list[Token]:
    return [c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr", "oprd")]


def _undergoer(v: Token, objs: list[Token], ctx: Context) -> list[Token]:
    """The subject a passive verb that needs an actor object takes from its clause, which it is done to:
    "X was convicted and executed", "X, who was executed in 2016", "X cleared by FBI" (its own subject is
    "who", none, or a headline's); not a place ("X, a town cleared by troops": its capture). Not for a
    verb of backing: "the army, backed by X" tells a state."""
    if any(o.dep_ == "nsubjpass" and o.tag_ not in ("WP", "WDT") for o in objs):
        return []
    subj, undergoes = subject(v)
    if not undergoes or subj is None or subj in objs:
        return []
    return [] if any(ctx.kinds.get(a) == "Location" for a in actors_of(subj, ctx)) else [subj]


def _paired_type(v: Token, lemma: str, objs: list[Token], actor_objs: list[Token],
                 lex: TriggerLexicon) -> tuple[str, float] | None:
    """A verb + object pair: "summoned the ambassador", "asked X" (an actor), "welcomed" a thing."""
    on_objs = [o for c in v.children if c.dep_ in ("prep", "agent")  # "spoke by phone": an agent
               and c.lower_ in ("on", "under", "in", "by", "over", "at", "to")  # ("died at the hands of X",
               # "put to death")
               for o in c.children if o.dep_ == "pobj"]
    for o in objs + on_objs:
        if (lemma, o.lemma_.lower()) in lex.pairs:
            return lex.pairs[(lemma, o.lemma_.lower())], 0.75
    for o in objs:
        if (lemma, "*actor" if o in actor_objs else "*thing") in lex.pairs:
            return lex.pairs[(lemma, "*actor" if o in actor_objs else "*thing")], 0.75
    return None


def _prep_type(v: Token, lemma: str, lex: TriggerLexicon) -> tuple[str, float] | None:
    """A verb with the particle or preposition it needs: "called for", "spoke with"."""
    if lemma not in lex.prep:
        return None
    preps = {c.lower_ for c in v.children if c.dep_ in ("prep", "prt", "agent") and c.i > v.i
             and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)}
    preps |= {m.lower_ for c in v.children if c.dep_ == "ccomp" for m in c.children if m.dep_ == "mark"}
    for etype, need in lex.prep[lemma]:
        if preps & need:
            return etype, 0.75
    return None


def _object_type(v: Token, lemma: str, objs: list[Token], actor_objs: list[Token], lex: TriggerLexicon,
                 ctx: Context) -> tuple[str, float] | None:
    """A verb that needs an actor ("received the minister") or an actor's thing ("backed Chile's bid")."""
    if lemma in lex.actor_object and actor_objs and not any(
            c.dep_ in ("oprd", "dobj") and c not in actor_objs for c in v.children) \
            and not any(o.lemma_.lower() in lex.nouns for o in objs) \
            and not _blocked(v, lemma, lex.actor_object[lemma], objs, lex):  # ("hanged him in effigy")
        return lex.actor_object[lemma], 0.7  # not "called him a sore loser", "talks with X were held"
    if lemma in lex.owner_object and (actor_objs or any(owner_of(o, ctx) for o in objs)):
        etype = lex.owner_object[lemma]
        if not {o.lemma_.lower() for o in objs} & lex.exclude.get((etype, lemma), frozenset()):
            return etype, 0.7
    return None


def _blocked(v: Token, lemma: str, etype: str, objs: list[Token], lex: TriggerLexicon) -> bool:
    """Whether the verb does not trigger ``etype`` here: its object (or complement, or "in" phrase) is
    one the lexicon excludes ("fought back tears", "march in lockstep"), or it needs an object and has
    none ("shares closed higher")."""
    if (etype, lemma) in lex.transitive and not any(o.dep_ in ("dobj", "nsubjpass") for o in objs) \
            and not passive(v):
        return True
    banned = lex.exclude.get((etype, lemma))
    if not banned:
        return False
    xcomps = [c for c in v.children if c.dep_ in ("xcomp", "acomp")]  # ("pleaded guilty")
    near = objs + xcomps + [o for x in xcomps for o in _objects(x)] + [o for _, o in pobjs(v, ("in",))]
    return any(o.lemma_.lower() in banned for o in near)


def _plain_type(v: Token, lemma: str, objs: list[Token], lex: TriggerLexicon) -> tuple[str, float] | None:
    """A verb that triggers on its own, unless the lexicon blocks it here (:func:`_blocked`)."""
    etype = lex.verbs.get(lemma)
    if etype is None or _blocked(v, lemma, etype, objs, lex):
        return None
    return etype, 0.6


def _cameo_type(v: Token, lemma: str, objs: list[Token], lex: TriggerLexicon,
                ctx: Context) -> tuple[str, float] | None:
    """The hand rules that need an object or particle, then CAMEO's patterns, the hand's plain verbs and
    last CAMEO's own code of the verb (unless the overlay skips it); ``("-", 0)`` for CAMEO's null code."""
    if lemma in lex.triggers:  # (an actor object: a named one; one held or executed may be a person told
        # by a noun, "the pilot was being held", "two prisoners were executed"; a person called is one
        # told by a pronoun, "the president called me")
        held = lex.actor_object.get(lemma) in ("COERCE", "ASSAULT")
        called = lex.actor_object.get(lemma) == "CONSULT"
        # (and never oneself: "hanged himself")
        undergoer = _undergoer(v, objs, ctx) if lemma in lex.actor_object else []
        actor_objs = [o for o in objs + undergoer if o.dep_ != "attr" and o.lower_ not in _REFLEXIVE
                      and (actors_of(o, ctx) or held and _person(o) or called and o.lower_ in _PERSONAL)]
        found = _paired_type(v, lemma, objs, actor_objs, lex) or _prep_type(v, lemma, lex) \
            or _object_type(v, lemma, objs, actor_objs, lex, ctx)
        if found:
            return found
    cm = cameo_match(v, lemma, cameo()) if (lemma in lex.cameo_verbs) else None
    if cm is not None and cm.specific and cm.strong and cm.type == "-":
        return "-", 0.0  # "struck down the law", "died of natural causes": CAMEO says no event
    found = _plain_type(v, lemma, objs, lex)
    if found or cm is None or cm.type == "-" or _blocked(v, lemma, cm.type, objs, lex):
        return found
    if cm.specific and cm.phrasal in lex.cameo_skip:
        return None  # a phrasal verb's own code the overlay skips ("found out about X" is no visit)
    if cm.specific:
        return Reading(cm.type, 0.7, cm.rev and not passive(v))
    if any(c.dep_ == "prt" for c in v.children):
        return None  # a phrasal verb CAMEO does not list: "whipped up anger" is not the code of "whip"
    own = lemma in lex.verbs or lemma in lex.actor_object or lemma in lex.owner_object or lemma in lex.prep
    return None if lemma in lex.cameo_skip or own else (cm.type, 0.5)  # (a verb the overlay lists only
    # with some objects keeps CAMEO's code for the rest: "fund war" is AID, "funded the school" CAMEO's)


def verb_type(v: Token, lex: TriggerLexicon, ctx: Context) -> Reading | None:
    """The :class:`Reading` of the event verb ``v``, or None: the first rule that applies, read against
    the verb's arguments (:func:`~newsgraph.extract.events.senses.refine`)."""
    if protest_gathering(v):
        return Reading("PROTEST", 0.6)  # "protesters gathered outside the embassy", "descended on X"
    if went_off(v):
        return Reading("ASSAULT", 0.5)  # "a car bomb went off", as "a car bomb exploded"
    lemma = verb_lemma(v, lex)
    if lemma not in lex.triggers and lemma not in lex.cameo_verbs:
        return None  # every other rule needs the lemma in one of the trigger tables
    subjects = {lex.nouns.get(t.lemma_.lower()) for c in v.children if c.dep_ == "nsubj"
                for t in (c, *(m for m in c.children if m.dep_ == "compound"))}  # "storm Washi hit"
    if "DISASTER" in subjects or "ASSAULT" in subjects and lemma in IMPACT:
        return None  # "the earthquake struck", "the airstrikes hit X": the noun is the event
    if force_posture(v):
        return Reading("MOBILIZE", 0.6)  # "fighter jets flew over the border"
    found = _cameo_type(v, lemma, _objects(v), lex, ctx)
    if found is None or found[0] == "-":
        return None
    etype = refine(v, lemma, found[0], lex.disasters)
    undergoes = isinstance(found, Reading) and found.undergoes and etype == found.type
    return Reading(etype, found[1], undergoes) if etype else None


def _waged(v: Token) -> bool:
    """Whether the verb ``v`` of a war waged or won over time tells a role or an aim: a participle
    describing a noun ("the coalition fighting IS"), an infinitive ("sent to fight IS"), a gerund after a
    preposition ("in defeating IS"), a perfect progressive ("have been fighting X since June")."""
    perfect = any(c.dep_ == "aux" and c.lower_ == "been" for c in v.children)
    return infinitive(v) or v.tag_ == "VBG" and (v.dep_ in ("acl", "pcomp") or perfect)


def purpose(v: Token) -> bool:
    """Whether ``v`` is an infinitive telling what a noun is for: "powers to arrest", "bombs to kill
    people", "an offensive to retake Mosul"."""
    return v.dep_ in ("acl", "relcl") and v.head.pos_ == "NOUN" and v.head.lemma_.lower() not in ATTEMPTS \
        and infinitive(v)  # ("an attempt to storm X": tried)


def unrealised(v: Token) -> bool:
    """Whether ``v`` is an infinitive of what someone wants, plans, vows, refuses or is asked to do ("they
    want to kill", "vowed to destroy", "urged the public to attack"): not done (but "tried to shoot",
    "used a robot to kill", "turned out to protest", "was reported to have been killed" are)."""
    return v.dep_ in ("xcomp", "advcl", "ccomp") and v.head.lemma_.lower() in UNREALISED and infinitive(v)


def _aim_of_event(v: Token) -> bool:
    """Whether ``v`` is the infinitive of an event noun's aim, of any type: "an offensive to retake Mosul",
    "a call to suspend X", "his threat to withdraw" (the offensive, the call, the threat is the event).
    (:func:`purpose` reads violent, coercive and protest verbs on any noun: "powers to arrest".)"""
    return purpose(v) and noun_lemma(v.head) in lexicon().nouns


def stative(v: Token) -> bool:
    """States and characterisations: "where peacekeepers are stationed" (present), "X is a hub that
    supports Y" (not a past happening: "X is the country that invaded Y in 1995", "it was a bomb that
    killed them", "since 2017, when X was killed"), a side's role in a war ("the coalition fighting IS"), a
    state of harm ("a wounded girl")."""
    past = v.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in v.children)
    if v.dep_ == "relcl" and not past and not any(c.lower_ == "when" for c in v.children):
        cur = v.head
        for _ in range(5):  # up the noun phrase the clause describes
            if cur.dep_ == "attr" or cur.lemma_ == "be":
                return True
            if cur.dep_ not in ("pobj", "prep", "conj", "compound", "appos") or cur.head == cur:
                break
            cur = cur.head
    if v.lemma_.lower() in CAMPAIGNING and _waged(v) or _aim_of_event(v):
        return True
    if v.dep_ == "amod" and v.lemma_.lower() in HARMED_STATES | CAMPAIGNING \
            and not any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        return True  # "a wounded girl", "the destroyed minaret", "a hard-fought election": a state (not
        # "people were injured")
    present = any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in v.children)  # not "X was shot"
    where = any(c.lower_ in ("where", "wherever") for c in v.children)
    return v.dep_ in ("relcl", "advcl") and present and where
