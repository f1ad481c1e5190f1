"""The sense of a trigger verb from its arguments: the same verb names different events.

* "attack", "hit", "strike", "slam", "blast", "assail" are violence with a physical target, an
  accusation when the object is someone's words or the setting is verbal ("attacked his rival
  in the debate");
* "hit", "strike", "beat" need a physical target or weapon ("the ruling hit exporters" is none);
* "fire" a person is a dismissal, "fire at" / "fire shells" is violence;
* "meet" a standard, a target or a deadline is not a meeting;
* "kill" / "die" with a disaster ("died in the floods") is the disaster's, not an assault.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["She", "attacked", "his", "remarks"], heads=[1, 1, 3, 1],
...           deps=["nsubj", "ROOT", "poss", "dobj"], lemmas=["she", "attack", "his", "remark"])
>>> refine(doc[1], "attack", "ASSAULT", frozenset())
'ACCUSE'
>>> doc = Doc(spacy.blank("en").vocab, words=["It", "met", "the", "target"], heads=[1, 1, 3, 1],
...           deps=["nsubj", "ROOT", "det", "dobj"], lemmas=["it", "meet", "the", "target"])
>>> refine(doc[1], "meet", "CONSULT", frozenset()) is None
True
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["refine", "VERBAL_SETTINGS", "WORDS", "STANDARDS"]

#: Verbs that are violence or words, by their arguments.
ATTACK_VERBS = frozenset({"attack", "assail", "slam", "blast", "hit", "strike", "lash", "savage", "target"})
#: Verbs that need a physical target, a weapon or a person to be violence.
PHYSICAL_VERBS = frozenset({"hit", "strike", "beat", "pound", "hammer", "blast"})
#: Objects that are words: attacking them is criticism.
WORDS = frozenset({"remark", "remarks", "comment", "statement", "speech", "policy", "policies", "plan",
                   "proposal", "decision", "idea", "record", "view", "position", "stance", "claim", "law",
                   "bill", "move", "approach", "handling", "leadership", "rhetoric", "report", "ruling",
                   "budget", "strategy", "agenda", "critic", "critics", "media", "press", "opponent",
                   "opponents", "rival", "rivals", "character", "integrity", "credibility"})
#: Settings of words: "in a debate", "in an interview", "on Twitter".
VERBAL_SETTINGS = frozenset({"debate", "interview", "speech", "statement", "tweet", "post", "article",
                             "op-ed", "editorial", "column", "letter", "address", "remarks", "campaign",
                             "conference", "broadcast", "twitter", "television", "radio", "podcast",
                             "hearing", "parliament", "senate", "session", "book", "video", "message"})
#: Things one "meets" that are not parties: standards, targets, deadlines, costs.
STANDARDS = frozenset({"standard", "standards", "target", "targets", "demand", "demands", "deadline",
                       "requirement", "requirements", "criterion", "criteria", "goal", "goals", "need",
                       "needs", "expectation", "expectations", "obligation", "obligations", "condition",
                       "conditions", "challenge", "challenges", "cost", "costs", "threshold", "quota",
                       "benchmark", "norm", "norms", "payment", "payments", "commitment", "commitments",
                       "request", "requests", "criticism", "resistance", "opposition", "fate", "end",
                       "death", "approval", "definition", "test", "rule", "rules", "term", "terms"})
#: Physical targets and weapons: what makes "hit" and "strike" violence.
PHYSICAL = frozenset({"missile", "rocket", "bomb", "shell", "drone", "airstrike", "strike", "mortar",
                      "artillery", "bullet", "gunfire", "grenade", "explosive", "shrapnel", "projectile",
                      "building", "house", "home", "hospital", "school", "market", "village", "town", "city",
                      "base", "position", "positions", "convoy", "vehicle", "car", "bus", "tank", "ship",
                      "plane", "aircraft", "helicopter", "target", "targets", "camp", "checkpoint", "post",
                      "station", "facility", "plant", "depot", "bridge", "port", "airport", "compound",
                      "headquarters", "embassy", "office", "mosque", "church", "police", "soldier",
                      "soldiers", "troops", "civilian", "civilians", "people", "man", "woman", "child",
                      "children", "protester", "protesters", "demonstrator", "demonstrators", "militant",
                      "militants", "rebel", "rebels", "fighter", "fighters", "officer", "officers", "guard",
                      "guards", "student", "students", "journalist", "journalists", "worker", "workers",
                      "prisoner", "prisoners", "inmate", "inmates", "victim", "boy", "girl", "men", "women",
                      "shot", "shots", "round", "rounds", "volley", "salvo", "gas", "weapon", "gun",
                      "cannon"})
_DIE = frozenset({"die", "kill", "perish", "drown"})


def _lemmas(toks) -> set[str]:
    return {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}


def _objects(v: Token) -> list[Token]:
    return [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]


def _pobjs(v: Token, preps: tuple[str, ...]) -> list[Token]:
    return [o for c in v.children if c.dep_ in ("prep", "agent") and c.lower_ in preps
            for o in c.children if o.dep_ == "pobj"]


def _verbal(v: Token) -> bool:
    """Whether ``v`` is set in words: "in the debate", "on Twitter", "for saying", "calling X a liar"."""
    settings = _pobjs(v, ("in", "on", "during", "at", "via", "through"))
    if _lemmas(settings) & VERBAL_SETTINGS:
        return True
    return any(c.dep_ in ("advcl", "xcomp", "pcomp", "ccomp") and c.lemma_.lower() in _SAYING
               for c in v.subtree if v in (c.head, c.head.head))


_SAYING = frozenset({"say", "call", "describe", "accuse", "claim"})


def _physical(v: Token, people: frozenset[str]) -> bool:
    """Whether ``v`` has a physical target, a weapon subject or instrument, or a person as object."""
    objs = _objects(v) + _pobjs(v, ("at", "on", "against", "with", "by", "in", "into"))
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    if _lemmas(objs + subj) & PHYSICAL:
        return True
    return any(o.ent_type_ in ("FAC", "GPE", "LOC") or o.ent_type_ == "PERSON" or o.lower_ in people
               for o in _objects(v))


def refine(v: Token, lemma: str, etype: str, disasters: frozenset[str]) -> str | None:
    """The type of verb ``v`` (lemma ``lemma``) read as ``etype`` by the lexicon, given its
    arguments; None when in this use it is no event (``disasters``: the disaster nouns)."""
    if etype == "ASSAULT" and lemma in ATTACK_VERBS | PHYSICAL_VERBS:
        objs = _objects(v)
        if lemma in ATTACK_VERBS and (_lemmas(objs) & WORDS or _verbal(v)):
            return "ACCUSE"
        if lemma in PHYSICAL_VERBS and not _physical(v, frozenset()):
            return None
    if etype == "ASSAULT" and lemma == "fire":
        objs = _objects(v)
        if objs and not _lemmas(objs) & PHYSICAL and not _pobjs(v, ("at", "on", "upon", "into", "toward")):
            return None  # "fired the minister", "she was fired": a dismissal
    if etype == "CONSULT" and lemma == "meet" and _lemmas(_objects(v)) & STANDARDS:
        return None
    if lemma in _DIE and _lemmas(_pobjs(v, ("in", "from", "during", "after", "by")) +
                                 [c for c in v.children if c.dep_ == "nsubj"]) & disasters:
        return "DISASTER"
    return etype
