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

import re

from spacy.tokens import Token

from newsgraph.extract.events.syntax import subject
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon import toml
from newsgraph.extract.nlp import docview

__all__ = ["PHYSICAL", "refine", "peaceful_struggle", "market_move", "campaign_rally", "noun_sense", "IMPACT",
           "PATIENT_NOUNS", "AUTHORSHIP", "OWNING", "BLAMING", "CAUSING", "JUDGING", "INVOLVEMENT", "PHASES",
           "PRESENCE", "SHIELDING", "CASUALTY", "INTRANSITIVE_CASUALTY", "VERBAL_SETTINGS", "WORDS",
           "STANDARDS"]

_DATA = toml("senses.toml")  # the word lists, as data: ``lexicon/data/senses.toml``
#: Verbs that are violence or words, by their arguments.
ATTACK_VERBS = frozenset(_DATA["attack_verbs"])
#: Verbs that need a physical target, a weapon or a person to be violence.
PHYSICAL_VERBS = frozenset(_DATA["physical_verbs"])
#: Objects that are words: attacking them is criticism.
WORDS = frozenset(_DATA["words"])
#: Settings of words: "in a debate", "in an interview", "on Twitter".
VERBAL_SETTINGS = frozenset(_DATA["verbal_settings"])
#: Things one "meets" that are not parties: standards, targets, deadlines, costs.
STANDARDS = frozenset(_DATA["standards"])
#: Physical targets and weapons: what makes "hit" and "strike" violence.
PHYSICAL = frozenset(_DATA["physical"])
#: Verbs whose subject is the author of the happening their object names ("ordered the killing").
AUTHORSHIP = frozenset(_DATA["authorship"])
#: Verbs that take "responsibility for" a happening ("accepted responsibility for the bombings").
OWNING = frozenset(_DATA["owning"])
#: Verbs that lay a happening at someone's door ("blamed the attack on X", "accused X of the bombing").
BLAMING = frozenset(_DATA["blaming"])
#: Nouns of taking part in an event ("Pakistan's involvement in the strike").
INVOLVEMENT = frozenset(_DATA["involvement"])
#: Verbs of causing, whose plural event object is events that happened ("sparked protests").
CAUSING = frozenset(_DATA["causing"])
#: Verbs judging a happening, which took place: "condemned the attack", "mourned the killing".
JUDGING = frozenset(_DATA["judging"])
#: Nouns of a phase of an event ("the resumption of shelling").
PHASES = frozenset(_DATA["phases"])
#: Verbs of taking part in a protest ("joined the march", "took part in the rally").
PRESENCE = frozenset(_DATA["presence"])
#: Verbs of keeping someone "from" a happening, whose object is its target ("protect X from airstrikes").
SHIELDING = frozenset(_DATA["shielding"])
#: Verbs telling what a happening named as their subject did ("the airstrikes hit the town").
IMPACT = frozenset(_DATA["impact"])
#: Event nouns whose possessor is the one it happens to ("Brown's killing", "his arrest").
PATIENT_NOUNS = frozenset(_DATA["patient_nouns"])
#: Verbs of casualties, whose subject is the victim of the happening they occur in.
CASUALTY = frozenset(_DATA["casualty"])
#: ... of them, those whose active subject is the victim ("died in the attack").
INTRANSITIVE_CASUALTY = frozenset(_DATA["intransitive_casualty"])
_STRUGGLE = frozenset(_DATA["struggle"])
_SCORE = re.compile(r"\b\d{1,3} ?[-\u2013] ?\d{1,3}\b")  # a match's score: "2-0", "3 - 1"
_NOT_GIVEN = frozenset(_DATA["not_given"])
_UNDOING = frozenset(_DATA["undoing"])
_POSTS = frozenset(_DATA["posts"])
_PASSAGES = frozenset(_DATA["passages"])
_ABSTRACT = frozenset(_DATA["abstractions"])
_OPPOSING = frozenset(_DATA["opposing"])
_FOES = frozenset(_DATA["foes"]) | frozenset(toml("nationality.toml")["actor_nouns"])
_ARMED_ENTS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
#: Sectors of the field's actor codes that bear arms: rebels, armed forces, unidentified armed groups.
_ARMED_SECTORS = frozenset({"REB", "MIL", "UAF", "INS"})
_PROBLEMS = frozenset(_DATA["problems"])
_CAUSES = frozenset(_DATA["causes"])
_CONTESTS = frozenset(_DATA["contests"])
_ISSUES = frozenset(_DATA["issues"])
_AUDIENCES = frozenset(_DATA["audiences"])
_IDIOMS_COME = frozenset(_DATA["idioms_come"])
_DIE = frozenset(_DATA["die"])
_SAYING = frozenset(_DATA["saying"])
_MARKETS = frozenset(_DATA["markets"])
_ELECTORAL = frozenset(_DATA["electoral"])
_ADDRESSING = frozenset(_DATA["addressing"])
_SUPPORTERS = frozenset(_DATA["supporters"])
_AGENTIVE = frozenset(_DATA["agentive_disasters"])
_CONVERSATIONS = frozenset(_DATA["conversations"])


def _lemmas(toks) -> set[str]:
    return {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}


def _said(objs: list[Token]) -> bool:
    """Whether an object is someone's words; a word that is also a physical target is words only
    with a topic ("attacked her position on taxes", not "struck rebel positions")."""
    return any(_lemmas([o]) & WORDS and (not _lemmas([o]) & PHYSICAL or _pobjs(o, ("on", "about")))
               for o in objs)


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


def _physical(v: Token, people: frozenset[str]) -> bool:
    """Whether ``v`` has a physical target, a weapon subject or instrument, or a person as object."""
    objs = _objects(v) + _pobjs(v, ("at", "on", "against", "with", "by", "in", "into"))
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    if _lemmas(objs + subj) & PHYSICAL:
        return True
    return any(o.ent_type_ in ("FAC", "GPE", "LOC") or o.ent_type_ == "PERSON" or o.lower_ in people
               or _armed(o) for o in _objects(v))


def _armed(tok: Token) -> bool:
    """Whether ``tok`` names an armed group or force ("struck Hamas", "hit the Free Syrian Army")."""
    if tok.ent_type_ != "ORG":
        return False
    name = next((e.text for e in docview.ents(tok.doc) if e.start <= tok.i < e.end), tok.text)
    known = gz.organization(name)
    return (known.sector if known is not None else gz.sector_of(name)) in _ARMED_SECTORS


def _heads_of(toks) -> list[Token]:
    """The phrases and the "of X" inside them: "the spread of the virus" -> spread, virus."""
    return [*toks, *(o for t in toks for o in _pobjs(t, ("of",)))]


def peaceful_struggle(t: Token) -> bool:
    """Whether the struggle verb or noun ``t`` ("fight", "combat", "defeat", "battle") is against a
    problem, for a cause or in a contest: no violence.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["They", "fight", "poverty"], heads=[1, 1, 1],
    ...           deps=["nsubj", "ROOT", "dobj"], lemmas=["they", "fight", "poverty"])
    >>> peaceful_struggle(doc[1])
    True
    """
    if t.lemma_.lower() not in _STRUGGLE:
        return False
    objs = _heads_of(_objects(t) + _pobjs(t, ("against", "on")))
    if _lemmas(objs) & _PROBLEMS:
        return True
    fought = [c for c in t.children if c.dep_ == "dobj"]
    if t.pos_ == "VERB" and t.lemma_.lower() in _OPPOSING and fought and not any(map(_foe, fought)):
        return True  # "fighting the construction of the pipeline", "combat illegal logging"
    if not _objects(t) and _lemmas(_heads_of(_pobjs(t, ("for",)))) & _CAUSES:
        return True
    if _lemmas(_pobjs(t, ("over",))) & (_CAUSES | _PROBLEMS | _ISSUES):
        return True  # "the battle over gay marriage", "a fight over voting rights"
    if _lemmas([c for c in t.children if c.dep_ in ("compound", "amod")]) & _CONTESTS:
        return True  # "the nomination battle", "a legal fight"
    if any(o.lemma_.lower() in _STRUGGLE and peaceful_struggle(o) for o in _objects(t) if o != t):
        return True  # "fought a legal battle"
    settings = _pobjs(t, ("in", "at", "during", "for"))
    contest = _lemmas(t.sent) if t.lemma_.lower() in ("defeat", "beat") else _lemmas(settings)
    return bool(contest & _CONTESTS) or _rivals(t)


def _rivals(t: Token) -> bool:
    """A person defeating a person, or beating one, is a contest ("Trump defeated Clinton"), and so is a
    win by a score ("beat Peru 2-0"), unlike forces defeating forces or police beating a protester."""
    lemma = t.lemma_.lower()
    if lemma not in ("defeat", "beat"):
        return False
    if _SCORE.search(t.sent.text):
        return True  # "Chile beat Peru 2-0": a match

    def person(dep: str) -> bool:
        return any(c.dep_ == dep and c.ent_type_ == "PERSON" for c in t.children)

    return person("dobj") and (lemma == "defeat" or person("nsubj"))


def _foe(o: Token) -> bool:
    """Whether the object of a verb of struggle can be fought with arms: a named actor or place, a pronoun,
    a physical target, an armed body or an enemy ("fight IS", "combat the insurgents", "fight them")."""
    named = [o, *(c for c in o.children if c.dep_ in ("compound", "poss", "amod"))]
    return any(t.ent_type_ in _ARMED_ENTS or t.pos_ == "PRON" for t in named) \
        or bool(_lemmas([o]) & (PHYSICAL | _FOES))


def _no_meeting(v: Token, lemma: str) -> bool:
    """A verb of meeting that meets no one: a standard ("met the target"), an audience ("spoke to
    reporters") or an idiom ("came to power")."""
    if lemma == "meet" and _lemmas(_objects(v)) & STANDARDS:
        return True
    if lemma == "come" and _lemmas(_pobjs(v, ("to", "into"))) & _IDIOMS_COME:
        return True
    return lemma in _ADDRESSING and bool(
        _lemmas(_objects(v) + _pobjs(v, ("to", "with", "before"))) & _AUDIENCES)


def market_move(v: Token) -> bool:
    """Whether the verb ``v`` tells what a market did: "shares of X rallied", "the dollar hit a high".

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Stocks", "rallied"], heads=[1, 1], deps=["nsubj", "ROOT"],
    ...           lemmas=["stock", "rally"])
    >>> market_move(doc[1])
    True
    """
    subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(_lemmas(subj + [o for s in subj for o in _pobjs(s, ("of",)) if not s.ent_type_]) & _MARKETS)


def campaign_rally(n: Token) -> bool:
    """Whether the rally noun ``n`` is an election's ("a campaign rally", "her primary night rally",
    "spoke to supporters at a rally"): a gathering of supporters, not a protest."""
    mods = [t for c in n.children if c.dep_ in ("compound", "amod", "nmod", "poss") for t in c.subtree]
    if _lemmas(mods) & _ELECTORAL:
        return True
    clause = n.head.head if n.dep_ == "pobj" else n.head
    return clause.lemma_.lower() in _ADDRESSING and bool(
        _lemmas(_objects(clause) + _pobjs(clause, ("to", "with"))) & _SUPPORTERS)


def noun_sense(n: Token, etype: str) -> str:
    """The type of the trigger noun ``n`` listed as ``etype``, read against its phrase: a call "with"
    someone or "between" two parties is a conversation (CONSULT), not a request."""
    if etype == "REQUEST" and n.lower_ in _CONVERSATIONS and _pobjs(n, ("with", "between")):
        return "CONSULT"
    return etype


def refine(v: Token, lemma: str, etype: str, disasters: frozenset[str]) -> str | None:
    """The type of verb ``v`` (lemma ``lemma``) read as ``etype`` by the lexicon, given its
    arguments; None when in this use it is no event (``disasters``: the disaster nouns)."""
    if market_move(v):
        return None  # "shares rallied", "oil prices hit a record"
    if etype == "DISASTER" and lemma in _AGENTIVE and (
            any(c.dep_ == "dobj" for c in v.children) or _pobjs(v, ("by",))):
        return "ASSAULT"  # "he drowned her", "they were drowned by the smugglers"
    if etype == "PROTEST" and lemma == "rally" and (_objects(v) or _pobjs(v, ("behind", "around", "round"))):
        return None  # "rallied support", "rallied behind the senator": backing, not a protest
    if etype == "ASSAULT":
        etype = _assault_sense(v, lemma)
        if etype is None:
            return None
    if etype == "COERCE" and lemma == "block" and _lemmas(_objects(v)) & _PASSAGES and not _forces(v):
        return "PROTEST"  # "protesters blocked the highway": obstructing passage (CAMEO 144)
    if etype == "CONSULT" and _no_meeting(v, lemma):
        return None
    if etype == "AID" and _lemmas(_objects(v)) & (WORDS | VERBAL_SETTINGS | _NOT_GIVEN):
        return None  # "gave a speech", "delivered his remarks", "granted an interview", "dealt a blow"
    if v.dep_ == "acl" and v.tag_ == "VBN" and lemma in ("call", "name", "dub"):
        return None  # "a man called X": naming
    if lemma in _DIE and _disastrous(v, disasters):
        return "DISASTER"
    return etype


def _forces(v: Token) -> bool:
    """Whether the subject of ``v`` is a state's forces or authorities ("police", "troops", "the army")."""
    subj = [s for s in (subject(v)[0],) if s is not None]  # "the army ... and blocked roads"
    return bool(_lemmas(subj) & (gz.actor_nouns() | _FOES)) or any(_armed(s) for s in subj)


def _assault_sense(v: Token, lemma: str) -> str | None:
    """What a verb the lexicon reads as ASSAULT is in this use: an accusation in words ("attacked his
    remarks", "fired back, saying"), a show of force ("test-fired a missile", CAMEO's "TEST *", 150),
    a dismissal ("fired the minister", "fired from their jobs") or nothing ("the ruling hit exporters",
    "killed the bill", "fight poverty")."""
    objs = _objects(v)
    if lemma in ATTACK_VERBS and (_said(objs) or _verbal(v)):
        return "ACCUSE"
    if lemma in PHYSICAL_VERBS and not _physical(v, frozenset()):
        return None
    if lemma in _UNDOING and objs and all(_lemmas([o]) & _ABSTRACT for o in objs):
        return None
    if peaceful_struggle(v):
        return None
    if any(c.lower_ == "test" for c in v.children if c.i < v.i):
        return "MOBILIZE"
    if lemma != "fire":
        return "ASSAULT"
    if _verbal(v) and not _lemmas(objs) & PHYSICAL:
        return "ACCUSE"
    if _lemmas(_pobjs(v, ("from",))) & _POSTS:
        return None
    if objs and not _lemmas(objs) & PHYSICAL and not _pobjs(v, ("at", "on", "upon", "into", "toward")):
        return None
    return "ASSAULT"


def _disastrous(v: Token, disasters: frozenset[str]) -> bool:
    """Whether the dying or killing ``v`` is a disaster's: "died in the floods", "the quake killed",
    "the tram crashed, killing seven" (a participle of a disaster verb or of a disaster's clause)."""
    scene = _pobjs(v, ("in", "from", "during", "after", "by")) + [c for c in v.children if c.dep_ == "nsubj"]
    scene += [v.head] if v.dep_ == "relcl" else []  # "the famine that killed millions"
    if _lemmas(scene) & disasters:
        return True
    head = v.head  # (a verb with an object is no disaster's: "stormed the hotel, killing seven")
    intransitive = [head] if not _objects(head) else []
    return v.dep_ in ("advcl", "conj", "xcomp") and v.tag_ == "VBG" and head != v and bool(
        _lemmas(intransitive + [c for c in head.children if c.dep_ == "nsubj"]) & disasters)
