"""Whether words of attack and struggle name violence here: the same verb is an attack, an accusation,
a dismissal, a contest or nothing, by its arguments.

* "attack", "slam", "blast", "assail" are violence with a physical target, an accusation when the object
  is someone's words or the setting is verbal ("attacked his rival in the debate");
* "hit", "strike", "beat", "target" need a physical target, a weapon or an armed group ("the ruling hit
  exporters" is none; "struck Hamas" is one);
* "fire" a person, or "from their jobs", is a dismissal; "fired back, saying" an accusation; "fire at" /
  "fire shells" violence; a "test-fired" missile a show of force;
* "fight poverty", "defeated her rival in the election", "killed the bill" are no violence.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["She", "attacked", "his", "remarks"], heads=[1, 1, 3, 1],
...           deps=["nsubj", "ROOT", "poss", "dobj"], lemmas=["she", "attack", "his", "remark"])
>>> assault_sense(doc[1], "attack")
'ACCUSE'
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.extract.events.cameo import armed
from newsgraph.extract.events.forms import infinitive
from newsgraph.extract.events.syntax import lemmas, objects, prep_objects, subject
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon import toml
from newsgraph.extract.nlp import docview

__all__ = ["CULPABLE", "PHYSICAL", "TERRITORIES", "WORDS", "VERBAL_SETTINGS", "armed_blast", "assault_sense",
           "calamity", "force_posture", "forces", "peaceful_struggle", "vehicle_mishap", "verbal_attack",
           "went_off"]

_DATA = toml("senses.toml")  # the word lists, as data: ``lexicon/data/senses.toml``
#: Verbs that are violence or words, by their arguments.
ATTACK_VERBS = frozenset(_DATA["attack_verbs"])
#: Verbs that need a physical target, a weapon or a person to be violence.
PHYSICAL_VERBS = frozenset(_DATA["physical_verbs"])
#: Objects that are words: attacking them is criticism.
WORDS = frozenset(_DATA["words"])
#: Settings of words: "in a debate", "in an interview", "on Twitter".
VERBAL_SETTINGS = frozenset(_DATA["verbal_settings"])
#: Physical targets and weapons: what makes "hit" and "strike" violence.
PHYSICAL = frozenset(_DATA["physical"])
_STRUGGLE = frozenset(_DATA["struggle"])
_SCORE = re.compile(r"\b\d{1,3} ?[-\u2013] ?\d{1,3}\b")  # a match's score: "2-0", "3 - 1"
_UNDOING = frozenset(_DATA["undoing"])
_POSTS = frozenset(_DATA["posts"])
_ABSTRACT = frozenset(_DATA["abstractions"])
_OPPOSING = frozenset(_DATA["opposing"])
_FOES = frozenset(_DATA["foes"]) | frozenset(toml("nationality.toml")["actor_nouns"])
_ARMED_ENTS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
#: Sectors of the field's actor codes that bear arms: rebels, armed forces, unidentified armed groups.
_ARMED_SECTORS = frozenset({"REB", "MIL", "UAF", "INS"})
_PROBLEMS = frozenset(_DATA["problems"])
_CAUSES = frozenset(_DATA["causes"])
_CONTESTS = frozenset(_DATA["contests"])
_CONTEST_AIMS = frozenset(_DATA["contest_aims"])
_ISSUES = frozenset(_DATA["issues"])
_SAYING = frozenset(_DATA["saying"])
_MANNERS = frozenset(_DATA["verbal_manners"])
_ATTACK_NOUNS = frozenset(_DATA["attack_nouns"])
_WEAPONS = frozenset(_DATA["weapons"])
_VEHICLES = frozenset(_DATA["vehicles"])
_MOVING = frozenset(_DATA["moving"])
_BORDERS = frozenset(_DATA["borders"])
#: Adjectives laying a happening at their holder's door ("X was found guilty of the killing").
CULPABLE = frozenset(_DATA["culpable"])
#: ... and nouns of it: an explosion someone is responsible for, or claims, is an attack.
_OWNED = CULPABLE | frozenset(_DATA["responsibility"])
_CALAMITIES = frozenset(_DATA["calamities"])
#: Territory nouns: ground that is taken, fought for or struck ("the town", "the eastern half").
TERRITORIES = frozenset(_DATA["territories"])
_GROUND = TERRITORIES | frozenset(_DATA["fought_over"])
_SPANS = frozenset(_DATA["durations"])
_CALAMITY_SITES = _VEHICLES | frozenset(_DATA["calamity_sites"])


def _said(objs: list[Token]) -> bool:
    """Whether an object is someone's words; a word that is also a physical target is words only
    with a topic ("attacked her position on taxes", not "struck rebel positions")."""
    return any(lemmas([o]) & WORDS and (not lemmas([o]) & PHYSICAL or prep_objects(o, ("on", "about")))
               for o in objs)


def _verbal(v: Token) -> bool:
    """Whether ``v`` is set in words: "in the debate", "on Twitter", "for saying", "calling X a liar",
    "verbally attacked", "attacked X over his tax plan"."""
    settings = prep_objects(v, ("in", "on", "during", "at", "via", "through"))
    if lemmas(settings) & VERBAL_SETTINGS or _in_words(v):
        return True
    return any(c.dep_ in ("advcl", "xcomp", "pcomp", "ccomp") and c.lemma_.lower() in _SAYING
               for c in v.subtree if v in (c.head, c.head.head))


def _in_words(t: Token) -> bool:
    """Whether the attack ``t`` has a manner of words ("verbally", "scathing") or a reason that is someone's
    words or a policy ("over his remarks", "over the tax plan")."""
    manners = [c for c in t.children if c.dep_ in ("advmod", "amod")]
    over = prep_objects(t, ("over",))
    return bool(lemmas(manners) & _MANNERS) or _said(over) or bool(lemmas(over) & _ISSUES)


def verbal_attack(n: Token) -> bool:
    """Whether the attack noun ``n`` is words: in a verbal manner ("a scathing attack", "personal
    attacks"), on someone's words ("an attack on her record"), over a policy or in a setting of words
    ("his attack on the senator in the debate").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["a", "withering", "attack"], heads=[2, 2, 2],
    ...           deps=["det", "amod", "ROOT"], lemmas=["a", "withering", "attack"])
    >>> verbal_attack(doc[2])
    True
    """
    if n.lemma_.lower() not in _ATTACK_NOUNS:
        return False
    settings = prep_objects(n, ("in", "during", "via"))
    return _in_words(n) or _said(prep_objects(n, ("on", "against"))) \
        or bool(lemmas(settings) & VERBAL_SETTINGS)


def _physical(v: Token) -> bool:
    """Whether ``v`` has a physical target, a weapon subject or instrument, or a person as object."""
    objs = objects(v) + prep_objects(v, ("at", "on", "against", "with", "by", "in", "into"))
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    if lemmas(objs + subj) & PHYSICAL:
        return True
    return any(o.ent_type_ in ("FAC", "GPE", "LOC", "PERSON") or _armed(o) for o in objects(v))


def _armed(tok: Token) -> bool:
    """Whether ``tok`` names an armed group or force ("struck Hamas", "hit the Free Syrian Army")."""
    if tok.ent_type_ != "ORG":
        return False
    name = next((e.text for e in docview.ents(tok.doc) if e.start <= tok.i < e.end), tok.text)
    known = gz.organization(name)
    return (known.sector if known is not None else gz.sector_of(name)) in _ARMED_SECTORS


def _heads_of(toks) -> list[Token]:
    """The phrases and the "of X" inside them: "the spread of the virus" -> spread, virus."""
    return [*toks, *(o for t in toks for o in prep_objects(t, ("of",)))]


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
    objs = _heads_of(objects(t) + prep_objects(t, ("against", "on")))
    if lemmas(objs) & _PROBLEMS:
        return True
    fought = [c for c in t.children if c.dep_ == "dobj"]
    if t.pos_ == "VERB" and t.lemma_.lower() in _OPPOSING and fought and not any(map(_foe, fought)):
        return True  # "fighting the construction of the pipeline", "combat illegal logging"
    fought_for = [o for o in prep_objects(t, ("for",)) if o.ent_type_ not in ("DATE", "TIME")
                  and o.lemma_.lower() not in _SPANS]  # "for their rights" (not "for weeks")
    if not objects(t) and fought_for and (lemmas(_heads_of(fought_for)) & _CAUSES
                                          or not any(map(_contested, fought_for))):
        return True
    if lemmas(prep_objects(t, ("over",))) & (_CAUSES | _PROBLEMS | _ISSUES):
        return True  # "the battle over gay marriage", "a fight over voting rights"
    if lemmas([c for c in t.children if c.dep_ in ("compound", "amod")]) & _CONTESTS:
        return True  # "the nomination battle", "a legal fight"
    if any(o.lemma_.lower() in _STRUGGLE and peaceful_struggle(o) for o in objects(t) if o != t):
        return True  # "fought a legal battle"
    aims = [o for c in t.children if c.dep_ in ("xcomp", "advcl") and infinitive(c) for o in objects(c)]
    if not objects(t) and lemmas(aims) & (_ABSTRACT | _CAUSES | _ISSUES | _PROBLEMS):
        return True  # "officials fought to reverse the ruling", "fighting to change course"
    settings = prep_objects(t, ("in", "at", "during", "for"))
    contest = lemmas(t.sent) if t.lemma_.lower() in ("defeat", "beat") else lemmas(settings)
    return bool(contest & _CONTESTS) or _rivals(t)


def _rivals(t: Token) -> bool:
    """A person defeating a person, or beating one, is a contest ("Trump defeated Clinton"), and so is a
    win by a score ("beat Peru 2-0"), unlike forces defeating forces or police beating a protester."""
    lemma = t.lemma_.lower()
    if lemma not in ("defeat", "beat"):
        return False
    if _SCORE.search(t.sent.text):
        return True  # "Chile beat Peru 2-0": a match
    if any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _CONTEST_AIMS for c in t.children):
        return True  # "likely to beat X to become president", "beat X to win the title"

    def person(dep: str) -> bool:
        return any(c.dep_ == dep and c.ent_type_ == "PERSON" for c in t.children)

    if t.dep_ == "amod" and t.tag_ == "VBN" and t.head.ent_type_ == "PERSON":
        return True  # "the defeated candidate Ana Ruiz"
    return person("dobj") and (lemma == "defeat" or person("nsubj"))


def _contested(o: Token) -> bool:
    """Whether what a side fights "for" is fought over with arms: a foe (:func:`_foe`, "fighting for the
    rebels"), ground ("the battle for the town") or its control ("fighting for control of X")."""
    return _foe(o) or o.lemma_.lower() in _GROUND


def _foe(o: Token) -> bool:
    """Whether the object of a verb of struggle can be fought with arms: a named actor or place, a pronoun,
    a physical target, an armed body or an enemy ("fight IS", "combat the insurgents", "fight them")."""
    named = [o, *(c for c in o.children if c.dep_ in ("compound", "poss", "amod"))]
    return any(t.ent_type_ in _ARMED_ENTS or t.pos_ == "PRON" for t in named) \
        or bool(lemmas([o]) & (PHYSICAL | _FOES))


def forces(v: Token) -> bool:
    """Whether the subject of ``v`` is a state's forces or authorities ("police", "troops", "the army")."""
    subj = [s for s in (subject(v)[0],) if s is not None]  # "the army ... and blocked roads"
    return bool(lemmas(subj) & _FOES) or any(_armed(s) for s in subj)  # (_FOES holds the actor nouns)


def force_posture(v: Token) -> bool:
    """Whether ``v`` tells an armed force or military craft moving to, over or along a border, a show of
    force ("Iranian jets flew over the border", "troops moved to the frontier with X")."""
    if v.lemma_.lower() not in _MOVING or not armed(subject(v)[0] or v):
        return False
    preps = ("over", "to", "toward", "towards", "along", "near", "across", "at")
    near = prep_objects(v, preps)
    if any(c.dep_ == "prt" and c.lower_ in preps for c in v.children):
        near += objects(v)  # (the preposition read as a particle: "flew over the border")
    return bool(lemmas(near) & _BORDERS)


def assault_sense(v: Token, lemma: str) -> str | None:
    """What a verb the lexicon reads as ASSAULT is in this use: an accusation in words ("attacked his
    remarks", "fired back, saying"), a show of force ("test-fired a missile", CAMEO's "TEST *", 150),
    a dismissal ("fired the minister", "fired from their jobs") or nothing ("the ruling hit exporters",
    "killed the bill", "fight poverty")."""
    objs = objects(v)
    if lemma in ATTACK_VERBS and (_said(objs) or _verbal(v)):
        return "ACCUSE"
    if lemma in PHYSICAL_VERBS and (not _physical(v)
                                    or lemmas(prep_objects(v, ("by",))) & _VEHICLES or vehicle_mishap(v)):
        return None  # "the ruling hit exporters", "hit by a car", "a bus hit her" (a road accident)
    if lemma in _UNDOING and objs and all(lemmas([o]) & _ABSTRACT for o in objs):
        return None
    if peaceful_struggle(v):
        return None
    if any(c.lower_ == "test" for c in v.children if c.i < v.i):
        return "MOBILIZE"
    if lemma != "fire":
        return "ASSAULT"
    if _verbal(v) and not lemmas(objs) & PHYSICAL:
        return "ACCUSE"
    if lemmas(prep_objects(v, ("from",))) & _POSTS:
        return None
    if objs and not lemmas(objs) & PHYSICAL and not prep_objects(v, ("at", "on", "upon", "into", "toward")):
        return None
    return "ASSAULT"


def armed_blast(n: Token) -> bool:
    """Whether the explosion noun ``n`` is a weapon's ("a car bomb explosion", "the blast of a roadside
    mine"), aimed at someone ("an explosion targeting a convoy") or someone's doing ("responsible for
    the blast", "claimed responsibility for the explosion"): an attack, not an accident."""
    mods = [t for c in n.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
    mods += [t for o in prep_objects(n, ("of",)) for t in o.subtree]
    aimed = any(c.dep_ == "acl" and c.lemma_.lower() in ("target", "aim") for c in n.children)
    owned = n.dep_ == "pobj" and n.head.lower_ == "for" and n.head.head.lemma_.lower() in _OWNED
    return aimed or owned or bool(lemmas(mods) & _WEAPONS)  # ("the man responsible for the blast")


def went_off(v: Token) -> bool:
    """Whether ``v`` is a weapon going off: "a car bomb went off outside the station", "21 bombs had gone
    off" (not "the alarm went off").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["A", "bomb", "went", "off"], heads=[1, 2, 2, 2],
    ...           deps=["det", "nsubj", "ROOT", "prt"], lemmas=["a", "bomb", "go", "off"])
    >>> went_off(doc[2])
    True
    """
    if v.lemma_.lower() != "go" or not any(c.dep_ == "prt" and c.lower_ == "off" for c in v.children):
        return False
    subj = subject(v)[0]
    return subj is not None and bool(lemmas([subj, *(c for c in subj.children if c.dep_ == "compound")])
                                     & _WEAPONS)


def vehicle_mishap(v: Token) -> bool:
    """Whether the clause of verb ``v`` tells a vehicle's mishap: a vehicle its subject, no weapon in it ("the
    tram left the track", "the bus plunged into a ravine"; not "their truck hit a roadside bomb")."""
    subj = subject(v)[0]
    return subj is not None and bool(lemmas([subj]) & _VEHICLES) \
        and not lemmas([t for t in v.subtree if t.i > v.i]) & _WEAPONS


def calamity(n: Token, disasters: frozenset[str]) -> bool:
    """Whether the noun ``n`` is a calamity a vehicle, a site or a disaster names: "the tram disaster",
    "the Arica ferry tragedy", "the mine disaster", "the flood catastrophe"."""
    return n.lemma_.lower() in _CALAMITIES and bool(
        lemmas([c for c in n.children if c.dep_ in ("compound", "amod")]) & (_CALAMITY_SITES | disasters))
