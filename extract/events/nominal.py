"""The parties of a trigger noun found in the clause around it, not in its own phrase.

* means: "Hamas hit the convoy in a car bombing" (the subject and object are the noun's);
* the victims of a violent clause that tells a death's cause, for a verb too: "X died after a bomb
  exploded" (:func:`died_after`);
* casualties: "two soldiers died in an attack by militants", "X was killed in the bombing" (the
  victims are the noun's targets, a "by X" after the noun its agent, as is the side they fought:
  "died in clashes with X"); "the blast killed X", "an
  attack that killed X", "the airstrikes hit X" (the objects are targets);
* authors: "X ordered the killing", "X claimed responsibility for the bombing", "X confessed to the
  attack" (the subject is the agent), "X's involvement in the attack"; and whom a clause of blame lays it
  on, "X was jailed for the killing" (:mod:`newsgraph.extract.events.blame`);
* presence at a protest: "X, a student at the protest", "X was detained at the rally", "police
  arrested X during a march", "X joined the demonstration" (X took part).

The verbs come from ``lexicon/data/senses.toml``.

>>> import spacy
>>> from spacy.tokens import Doc
>>> from newsgraph.extract.events.context import Context
>>> doc = Doc(spacy.blank("en").vocab, words=["Rahimi", "died", "in", "an", "attack", "by", "Hamas"],
...           heads=[1, 1, 1, 4, 2, 4, 5], deps=["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj"],
...           pos=["PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN"],
...           lemmas=["Rahimi", "die", "in", "an", "attack", "by", "Hamas"])
>>> ctx = Context(doc, {0: "E1", 6: "E2"}, {"E1": "Person", "E2": "Organization"}, (), frozenset())
>>> around_noun(doc[4], "ASSAULT", ctx)   # the by-phrase hangs on the noun here: only the victim
((), ('E1',))
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsgraph.extract.events.blame import blamed
from newsgraph.extract.events.context import Context
from newsgraph.extract.events.lexicon import lexicon
from newsgraph.extract.events.listing import included
from newsgraph.extract.events.owners import owner_of
from newsgraph.extract.events.phrases import actors_of
from newsgraph.extract.events.senses import (
    AUTHORSHIP,
    CASUALTY,
    CONFRONTATIONS,
    IMPACT,
    INTRANSITIVE_CASUALTY,
    INVOLVEMENT,
    OWNING,
    PATIENT_NOUNS,
    PHASES,
    PRESENCE,
    SHIELDING,
)
from newsgraph.extract.events.syntax import by_agent, pobjs, subject
from newsgraph.extract.lexicon.event_types import SYMMETRIC

__all__ = ["around_noun", "died_after", "opponents"]

_CASUALTY_PREPS = ("in", "during", "after", "from")
_CAUSE_MARKS = ("after", "when", "as")

Ids = tuple[str, ...]


def around_noun(trig: Token, etype: str, ctx: Context) -> tuple[Ids, Ids]:
    """(agents, targets) of the trigger noun ``trig`` of type ``etype`` from the clause around it."""
    agents, targets = casualties(trig, ctx)
    targets += shielded(trig, ctx)
    if etype not in SYMMETRIC:
        more = wielders(trig, etype, ctx)
        agents, targets = agents + more[0], targets + more[1]
    agents += authors(trig, ctx) + blamed(trig, ctx) + involved(trig, ctx) + joined(trig, ctx) \
        + performers(trig, ctx)
    if etype == "PROTEST":
        agents += present(trig, ctx)
    if trig.lemma_.lower() in PATIENT_NOUNS:  # "the detention of dozens of protesters, including X": X
        targets += tuple(included(trig, [o for _, o in pobjs(trig, ("of",))], ctx))
    return tuple(dict.fromkeys(agents)), tuple(dict.fromkeys(targets))


def casualties(trig: Token, ctx: Context) -> tuple[Ids, Ids]:
    """(agents, targets) from the casualties the noun caused (see the module docstring)."""
    agents: Ids = ()
    targets: Ids = ()
    verb = trig.head.head
    if trig.dep_ == "pobj" and trig.head.lower_ in _CASUALTY_PREPS and verb.lemma_.lower() in CASUALTY:
        subj, passive = subject(verb)
        if passive or verb.lemma_.lower() in INTRANSITIVE_CASUALTY:
            targets += actors_of(subj, ctx)  # the victims; the side they fought "with" killed them
            agents += tuple(a for _, w in pobjs(trig, ("with",)) for a in actors_of(w, ctx))
        by = by_agent(verb)
        if by is not None and by.i > trig.i:
            agents += actors_of(by, ctx)
    killers = [trig.head] if trig.dep_ == "nsubj" else \
        [c for c in trig.children if c.dep_ == "relcl" and subject(c)[0] == trig
         or c.dep_ == "acl" and c.tag_ == "VBG"]  # "an attack targeting X", "a blast killing five"
    for v in killers:
        if v.lemma_.lower() in CASUALTY | IMPACT:
            objs = [c for c in v.children if c.dep_ == "dobj"] + [o for _, o in pobjs(v, ("at", "on"))]
            targets += tuple(a for o in objs for a in actors_of(o, ctx) or owner_of(o, ctx))
    return agents, targets


def died_after(trig: Token, ctx: Context) -> Ids:
    """The victims of the death or injury whose cause the clause of ``trig`` tells: "X died after a bomb
    exploded under his car", "X was wounded when gunmen opened fire" (X is the one it struck)."""
    verb = trig.head
    marked = trig.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _CAUSE_MARKS
                                           for c in trig.children)
    if trig.dep_ == "relcl" and trig.head.dep_ == "pobj" and trig.head.head.lower_ in _CAUSE_MARKS:
        verb, marked = trig.head.head.head, True  # the clause read as a noun's: "died after a roadside
        # IED detonated", "roadside" the object of "after"
    if not marked or verb.lemma_.lower() not in CASUALTY:
        return ()
    subj, passive = subject(verb)
    return actors_of(subj, ctx) if passive or verb.lemma_.lower() in INTRANSITIVE_CASUALTY else ()


def opponents(verb: Token, ctx: Context) -> Ids:
    """The side a casualty verb's victims met in a violent encounter: "X was killed during a confrontation
    with officer Y", "two guards died in a shootout with the gang" (Y, the gang killed them)."""
    return tuple(a for _, o in pobjs(verb, ("in", "during")) if o.lemma_.lower() in CONFRONTATIONS
                 for _, w in pobjs(o, ("with",)) for a in actors_of(w, ctx))


def wielders(trig: Token, etype: str, ctx: Context) -> tuple[Ids, Ids]:
    """(agents, targets) of an attack noun that is the means of an active verb of harm: its subject and
    object ("Hamas hit the convoy in a car bombing", "the army struck X with airstrikes"); the agent of
    a deed told after a comma as what the clause's subject achieved ("X claimed a breakthrough, with
    the capture of Y")."""
    verb, prep = trig.head.head, trig.head
    if verb.dep_ == "dobj" and verb.pos_ in ("NOUN", "PROPN"):
        verb = verb.head  # the parser hung the phrase on the object: "targeted the commander in a bombing"
    if trig.dep_ != "pobj" or prep.lower_ not in ("in", "with") or verb.pos_ != "VERB":
        return (), ()
    subj, passive = subject(verb)
    harm = etype == "ASSAULT" and verb.lemma_.lower() in CASUALTY | IMPACT \
        and verb.lemma_.lower() not in INTRANSITIVE_CASUALTY
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if passive or not (harm and objs or prep.lower_ == "with" and prep.nbor(-1).text == ","):
        return (), ()
    return actors_of(subj, ctx), tuple(a for o in objs if harm for a in actors_of(o, ctx) or owner_of(o, ctx))


def performers(trig: Token, ctx: Context) -> Ids:
    """The "by" agent of a light verb the noun is the raised subject of: "the attack is believed to have
    been carried out by X"."""
    if trig.dep_ not in ("nsubj", "nsubjpass"):
        return ()
    v: Token | None = trig.head
    for _ in range(3):
        if v is None:
            break
        by = by_agent(v) if v.lemma_.lower() in _performing() else None
        if by is not None:
            return actors_of(by, ctx)
        v = next((c for c in v.children if c.dep_ == "xcomp"), None)
    return ()


@cache
def _performing() -> frozenset[str]:
    """The light verbs and verbs of authorship, made once."""
    return lexicon().light | AUTHORSHIP


def shielded(trig: Token, ctx: Context) -> Ids:
    """Those kept from the noun's happening: "to protect Syrians from the regime's bombing"."""
    gov = trig.head.head
    if trig.dep_ != "pobj" or trig.head.lower_ != "from" or gov.lemma_.lower() not in SHIELDING:
        return ()
    return tuple(a for c in gov.children if c.dep_ == "dobj" for a in actors_of(c, ctx))


def joined(trig: Token, ctx: Context) -> Ids:
    """Both sides of "A joined B in the noun's happening": "ten states joined the US in airstrikes"."""
    gov = trig.head.head
    if trig.dep_ != "pobj" or trig.head.lower_ != "in" or gov.pos_ != "VERB" or gov.lemma_.lower() != "join":
        return ()
    return actors_of(subject(gov)[0], ctx) + tuple(a for c in gov.children if c.dep_ == "dobj"
                                                   for a in actors_of(c, ctx))


def authors(trig: Token, ctx: Context) -> Ids:
    """The subject of a verb of authorship whose object (or "for/to" phrase) is the noun."""
    gov, verbs = trig.head, AUTHORSHIP
    if trig.dep_ == "pobj" and gov.lower_ in ("for", "to"):
        if gov.head.lemma_.lower() == "responsibility":  # "accepted responsibility for"
            verbs = AUTHORSHIP | OWNING
        gov = gov.head.head if gov.head.dep_ == "dobj" else gov.head  # "claimed responsibility for"
    if trig.dep_ not in ("dobj", "pobj") or gov.pos_ != "VERB" or gov.lemma_.lower() not in verbs:
        return ()
    subj, passive = subject(gov)
    return actors_of(by_agent(gov) if passive else subj, ctx)


def involved(trig: Token, ctx: Context) -> Ids:
    """Who takes part in the noun's happening: "Pakistan's involvement in the strike", "the role of X in
    the attack"; and the "by" phrase of a phase of it ("the resumption of shelling by X")."""
    gov = trig.head.head
    if trig.dep_ != "pobj" or gov.pos_ not in ("NOUN", "PROPN"):
        return ()
    if trig.head.lower_ == "in" and gov.lemma_.lower() in INVOLVEMENT:
        return tuple(a for c in gov.children if c.dep_ == "poss" for a in actors_of(c, ctx)) \
            + tuple(a for _, o in pobjs(gov, ("of",)) for a in actors_of(o, ctx))
    if trig.head.lower_ == "of" and gov.lemma_.lower() in PHASES:
        return tuple(a for _, o in pobjs(gov, ("by",)) for a in actors_of(o, ctx))
    return ()


def present(trig: Token, ctx: Context) -> Ids:
    """Who was at the protest ``trig`` names, or joined it."""
    if trig.dep_ == "dobj" and trig.head.lemma_.lower() in PRESENCE:
        return actors_of(subject(trig.head)[0], ctx)
    if trig.dep_ != "pobj" or trig.head.lower_ not in ("at", "during", "in"):
        return ()
    gov = trig.head.head
    if gov.dep_ == "amod" and gov.head.pos_ in ("NOUN", "PROPN"):
        gov = gov.head  # "X, a high school senior at the protest" (the parser's "senior" an adjective)
    if gov.pos_ in ("NOUN", "PROPN"):
        return actors_of(gov, ctx)
    if gov.pos_ != "VERB":
        return ()
    subj, passive = subject(gov)
    if passive or gov.lemma_.lower() in PRESENCE:
        return actors_of(subj, ctx)
    return tuple(a for c in gov.children if c.dep_ == "dobj" for a in actors_of(c, ctx))
