"""Gatherings and meetings read by their words: protesters gathering, people protesting in the street, an
election's rally (no protest), and verbs of meeting that meet no one (a standard met, an audience spoken
to, a place visited that is nobody).  The word lists are ``senses.toml``'s.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["It", "met", "the", "target"], heads=[1, 1, 3, 1],
...           deps=["nsubj", "ROOT", "det", "dobj"], lemmas=["it", "meet", "the", "target"])
>>> no_meeting(doc[1], "meet")
True
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.actors.context import person_nouns
from newsgraph.extract.events.syntax import lemmas, objects, prep_objects, subject
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon import toml

__all__ = ["CAPTIVES", "DEMONSTRATING", "campaign_rally", "in_the_street", "no_meeting", "people_noun",
           "protest_gathering", "side_noun"]

_DATA = toml("senses.toml")
#: Things one "meets" that are not parties: standards, targets, deadlines, costs.
_STANDARDS = frozenset(_DATA["standards"])
_AUDIENCES = frozenset(_DATA["audiences"])
_IDIOMS_COME = frozenset(_DATA["idioms_come"])
_ELECTORAL = frozenset(_DATA["electoral"])
_ADDRESSING = frozenset(_DATA["addressing"])
_SUPPORTERS = frozenset(_DATA["supporters"])
_CANDIDATES = frozenset(_DATA["candidates"])
_DISSENT = frozenset(_DATA["dissent"])
_GATHERING = frozenset(_DATA["gathering"])
_PROTESTERS = frozenset(_DATA["protesters"])
#: Verbs of protesting, in words or in the street ("she protested outside the tower").
DEMONSTRATING = frozenset(_DATA["demonstrating"])
#: Nouns of people held or put to death, beside the person nouns ("executed 47 prisoners").
CAPTIVES = frozenset(_DATA["captives"])
#: Nouns of the unnamed side of a meeting ("a meeting with his counterpart", "a cabinet meeting").
_MEETING_SIDES = frozenset(_DATA["meeting_sides"])


def no_meeting(v: Token, lemma: str) -> bool:
    """A verb of meeting that meets no one: a standard ("met the target"), an audience ("spoke to
    reporters"), an idiom ("came to power") or a place that is nobody ("visited a school")."""
    rel = v.head if v.dep_ == "xcomp" else v  # ("the conditions Tehran would have to meet")
    met = objects(v) or ([rel.head] if rel.dep_ == "relcl" else [])
    if lemma == "meet" and lemmas(met) & _STANDARDS:
        return True
    objs = [o for o in objects(v) if o.dep_ == "dobj"]
    if lemma == "visit" and objs and all(o.pos_ == "NOUN" and not o.ent_type_ and not people_noun(o)
                                         for o in objs):
        return True
    if lemma == "come" and lemmas(prep_objects(v, ("to", "into"))) & _IDIOMS_COME:
        return True
    return lemma in _ADDRESSING and bool(
        lemmas(objects(v) + prep_objects(v, ("to", "with", "before"))) & _AUDIENCES)


def people_noun(o: Token) -> bool:
    """Whether the noun ``o`` tells people ("the injured officers", "47 prisoners", "two suspects")."""
    return o.lemma_.lower() in person_nouns() or o.lemma_.lower() in CAPTIVES


def side_noun(t: Token) -> bool:
    """Whether ``t`` is a noun of people or of a body, the unnamed side a meeting may have ("the defence
    minister", "lawmakers", "the board")."""
    sectors = gz.agent_sectors()
    return t.pos_ == "NOUN" and (people_noun(t) or t.lemma_.lower() in _MEETING_SIDES
                                 or t.lower_ in sectors or t.lemma_.lower() in sectors)


def protest_gathering(v: Token) -> bool:
    """Whether the verb ``v`` is protesters gathering: "hundreds of protesters gathered outside the
    embassy", "demonstrators converged on the square" (not "a crowd gathered to watch the final").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Protesters", "gathered"], heads=[1, 1],
    ...           deps=["nsubj", "ROOT"], lemmas=["protester", "gather"])
    >>> protest_gathering(doc[1])
    True
    """
    if v.lemma_.lower() not in _GATHERING:
        return False
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    return bool(lemmas(subj + [o for s in subj for o in prep_objects(s, ("of",))]) & _PROTESTERS)


def campaign_rally(n: Token) -> bool:
    """Whether the rally noun ``n`` is an election's ("a campaign rally", "her primary night rally",
    "spoke to supporters at a rally", "presidential candidate X speaks at a rally"): a gathering of
    supporters, not a protest."""
    mods = [t for c in n.children if c.dep_ in ("compound", "amod", "nmod", "poss") for t in c.subtree]
    if lemmas(mods) & _ELECTORAL:
        return True
    told = lemmas(n.sent)
    if told & _CANDIDATES and not told & _DISSENT and not prep_objects(n, ("against",)):
        return True  # "presidential candidate X waves during a rally", "rallies during the campaign"
    clause = n.head.head if n.dep_ == "pobj" else n.head
    speaker = subject(clause)[0]
    return clause.lemma_.lower() in _ADDRESSING and bool(
        lemmas(objects(clause) + prep_objects(clause, ("to", "with"))) & _SUPPORTERS
        or speaker is not None and lemmas(speaker.subtree) & _CANDIDATES)


def in_the_street(v: Token) -> bool:
    """Whether protesting ``v`` is people demonstrating: no "that" clause, no object unless a crowd protests
    ("students protested the cuts"), and a subject that is no state, body or nationality ("Russia
    protested", "Chile protested the ruling", "the minister protested the decision" are words).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Students", "protested", "outside"], heads=[1, 1, 1],
    ...           deps=["nsubj", "ROOT", "prep"])
    >>> in_the_street(doc[1])
    True
    """
    subj = subject(v)[0]  # (someone protests: not "protesting without a permit is illegal")
    if subj is None or any(c.dep_ == "ccomp" for c in v.children):
        return False
    crowd = subj.pos_ == "NOUN" and (subj.tag_ in ("NNS", "NNPS") or v.dep_ in ("acl", "relcl"))
    # ("students protested the cuts", "a woman protesting the shooting was detained")
    own = subj.doc[subj.left_edge.i:subj.i + 1]  # (its own words, not a clause on it: "a woman protesting X")
    return (crowd or not any(c.dep_ == "dobj" for c in v.children)) \
        and not any(t.ent_type_ in ("GPE", "ORG", "NORP") for t in own)
