"""Modality of an event mention: asserted, negated, hypothetical or future.

Read from the clause chain of the trigger (:func:`newsgraph.extract.events.syntax.clause_chain`):
negation, conditionals and modal auxiliaries on the trigger's own clause, then
the governing verb of a complement clause ("refused to attend", "plans to
visit", "urged X to stop"); the verb lists are data (``lexicon/data/senses.toml``).
:func:`aggregate` spots generic habits and counts ("has visited Moscow five times"), which are not
single events.
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.forms import infinitive
from newsgraph.extract.events.senses import BLOWS, RATES
from newsgraph.extract.events.syntax import clause_chain
from newsgraph.extract.lexicon import toml

__all__ = ["modality", "aggregate", "object_modality"]

_DATA = toml("senses.toml")  # the word lists, as data: ``lexicon/data/senses.toml``
NEG_GOVERNORS = frozenset(_DATA["negating_governors"])
FROM_NEGATORS = frozenset(_DATA["from_negators"])
FUTURE_GOVERNORS = frozenset(_DATA["future_governors"])
HYPO_GOVERNORS = frozenset(_DATA["hypothetical_governors"])
MODALS = frozenset(_DATA["modals"])
_OBJECT_MODALITY = {**dict.fromkeys(_DATA["future_objects"], "future"),
                    **dict.fromkeys(_DATA["asking_objects"], "hypothetical"),
                    **dict.fromkeys(_DATA["averting_objects"], "negated")}
_ADJECTIVE_MODALITY = {**dict.fromkeys(_DATA["hypothetical_adjectives"], "hypothetical"),
                       **dict.fromkeys(_DATA["negating_adjectives"], "negated"),
                       **dict.fromkeys(_DATA["future_adjectives"], "future")}
_FOR_MODALITY = {**dict.fromkeys(_DATA["asking_for"], "hypothetical"),
                 **dict.fromkeys(_DATA["preparing_for"], "future")}


def _own_clause(words: list[Token]) -> str | None:
    """The modality the trigger's own clause marks (negation, condition, modal), else None."""
    for t in words:
        kids = list(t.children)
        if any(c.dep_ == "neg" or c.lower_ in ("no", "never") and c.dep_ in ("det", "neg") for c in kids):
            return "negated"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return "hypothetical"
        aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if aux & {"will", "shall", "'ll"}:
            return "future"
        if aux & MODALS:
            return "hypothetical"
    return None


def modality(tok: Token, light: Token | None) -> str:
    """asserted / negated / hypothetical / future for the event triggered at ``tok``."""
    chain = clause_chain(tok, light)
    own = chain[: 2 if light is not None else 1]
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
    first_verb = [verbs[0]] if verbs else []
    if tok.dep_ == "pobj" and tok.head.lower_ == "without" or _kept_from(light or tok):
        return "negated"  # "the talks ended without a deal", "X refrained from attacking Y"
    if light is None and (governed := object_modality(tok)):
        return governed  # "demanded the arrest of X", "called for talks"
    marked = _own_clause(own + first_verb)
    if marked:
        return marked
    for below, t in zip(chain, chain[1:], strict=False):
        if t.pos_ == "ADJ" and below.dep_ == "xcomp" and t.lemma_.lower() in _ADJECTIVE_MODALITY:
            return _ADJECTIVE_MODALITY[t.lemma_.lower()]  # "is likely to attack X"
        if t.pos_ not in ("VERB", "AUX") or t in own:
            continue
        purpose = below.dep_ == "advcl" and infinitive(below)
        if below.dep_ not in ("xcomp", "ccomp") and not purpose:
            break  # adjuncts ("after talks with X", "in contact with X") keep their own modality
        lemma = t.lemma_.lower()
        if lemma == "call" and not any(c.lower_ in ("on", "upon", "for") for c in t.children):
            break  # "called X to offer help": a phone call, not a request
        if lemma in NEG_GOVERNORS:
            return "negated"
        if lemma in FUTURE_GOVERNORS:
            return "future"
        if lemma in HYPO_GOVERNORS:
            return "hypothetical"
        if not purpose:
            break
        # a purpose is as done as what it is the purpose of: "invited them to Baku to hold talks"
    if any(t.lemma_ == "look" and any(c.lower_ == "forward" for c in t.children) for t in chain):
        return "future"  # "looks forward to cooperation"
    if any(c.lower_ == "going" for c in first_verb) or tok.head.lower_ == "upcoming":
        return "future"
    return "asserted"


def object_modality(noun: Token) -> str | None:
    """The modality a verb gives the event noun that is its object ("avoided arrest", "threatened attacks",
    "called for talks", "scheduled talks"), or None.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["X", "escaped", "capture"], heads=[1, 1, 1],
    ...           deps=["nsubj", "ROOT", "dobj"], pos=["PROPN", "VERB", "NOUN"],
    ...           lemmas=["X", "escape", "capture"])
    >>> object_modality(doc[2])
    'negated'
    """
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    verb, prep = noun.head, None
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        verb, prep = noun.head.head, "for"
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle is not None:
        lemma = f"{lemma}_{particle}"
    if prep == "for":
        return _FOR_MODALITY.get(lemma)
    return _OBJECT_MODALITY.get(lemma)


def _kept_from(v: Token) -> bool:
    """A gerund after "from" on a verb of holding back: "refrained from attacking", "backed away from
    putting X in jail", "was barred from entering"."""
    if v.dep_ != "pcomp" or v.head.lower_ != "from":
        return False
    verb = v.head.head.head if v.head.head.pos_ == "ADV" else v.head.head
    return verb.lemma_.lower() in FROM_NEGATORS


def aggregate(tok: Token, light: Token | None) -> bool:
    """Generic habits and counts: "has visited Moscow five times" (not the blows of one attack: "shot him
    16 times")."""
    if light is None and tok.lemma_.lower() in BLOWS:
        return False
    if any(p.lower_ == "at" and o.lemma_.lower() in RATES for p in (light or tok).children if p.dep_ == "prep"
           for o in p.children if o.dep_ == "pobj"):
        return True  # "blacks are arrested at higher rates": a rate, no one arrest
    if tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in RATES:
        return True  # "re-arrest rates" (the tagger's verb or noun)
    for h in (tok, light):
        for t in h.subtree if h is not None else ():
            if t.lemma_.lower() == "time" and any(c.dep_ == "nummod" or c.lower_ in ("many", "several")
                                                    for c in t.children):
                return True
    return False
