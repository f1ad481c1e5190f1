"""The sense of a trigger verb from its arguments: the same verb names different events.

* words of attack and struggle are violence, words or nothing by their arguments
  (:mod:`newsgraph.extract.events.violence`);
* blocking a road is a protest unless a state's forces do it;
* "meet" a standard, a target or a deadline is not a meeting, and people protesting in the street are a
  protest (:mod:`newsgraph.extract.events.gatherings`);
* "liberate" a city is its capture, not a release;
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

from newsgraph.extract.events.cameo import armed
from newsgraph.extract.events.forms import infinitive, passive
from newsgraph.extract.events.gatherings import DEMONSTRATING, in_the_street, no_meeting
from newsgraph.extract.events.syntax import lemmas, objects, prep_objects, subject
from newsgraph.extract.events.violence import (
    CULPABLE,
    TERRITORIES,
    VERBAL_SETTINGS,
    WORDS,
    armed_blast,
    assault_sense,
    calamity,
    forces,
    vehicle_mishap,
    verbal_attack,
)
from newsgraph.extract.lexicon import toml

__all__ = ["refine", "market_move", "noun_sense", "IMPACT",
           "PATIENT_NOUNS", "AUTHORSHIP", "OWNING", "BLAMING", "LAYING", "CULPABLE", "CAUSING", "JUDGING",
           "INVOLVEMENT", "PHASES", "PRESENCE", "SHIELDING", "ORDERS", "USING", "WIELDING", "AIMS",
           "CASUALTY", "INTRANSITIVE_CASUALTY", "CONFRONTATIONS", "CAMPAIGNING", "CHARGES",
           "HARMED_STATES", "UNREALISED", "ATTEMPTS", "STATISTICS", "RATES", "STORMS",
           "PROSPECTS", "PROSPECT_MODIFIERS", "PROSPECT_VERBS"]

_DATA = toml("senses.toml")  # the word lists, as data: ``lexicon/data/senses.toml``
#: Verbs whose subject is the author of the happening their object names ("ordered the killing").
AUTHORSHIP = frozenset(_DATA["authorship"])
#: Verbs that take "responsibility for" a happening ("accepted responsibility for the bombings").
OWNING = frozenset(_DATA["owning"])
#: Verbs that lay a happening at someone's door ("blamed the attack on X", "accused X of the bombing").
BLAMING = frozenset(_DATA["blaming"])
#: ... of them, the verbs that lay a thing "on" someone ("blamed her loss on X").
LAYING = frozenset(_DATA["laying"])
#: Nouns of a command whose giver is the agent of the act done on it ("killed on the orders of X").
ORDERS = frozenset(_DATA["orders"])
#: Verbs of using a weapon, whose user is the killer of "the shots that killed X".
WIELDING = frozenset(_DATA["wielding"])
USING = frozenset(_DATA["using"])
#: Verbs of a hostile aim, whose object is the target of the attack done for it ("airstrikes to disrupt X").
AIMS = frozenset(_DATA["aims"])
#: Verbs of blows: "N times" counts their blows, not their events ("shot him 16 times").
BLOWS = frozenset(_DATA["blows"])
#: Verbs of bearing a punishment or charge: their subject did what they bear it "for" ("serving time for").
BEARING = frozenset(_DATA["bearing"])
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
#: Nouns of a violent encounter: its "with" side killed those killed in it ("died in a shootout with X").
CONFRONTATIONS = frozenset(_DATA["confrontations"])
_NOT_GIVEN = frozenset(_DATA["not_given"])
_PASSAGES = frozenset(_DATA["passages"])
_DIE = frozenset(_DATA["die"])
_MARKETS = frozenset(_DATA["markets"])
_AGENTIVE = frozenset(_DATA["agentive_disasters"])
_CONVERSATIONS = frozenset(_DATA["conversations"])
#: Verbs of a war waged or won over time, which as a participle or an infinitive tell a role or an aim
#: ("the coalition fighting IS", "vowed to destroy ISIS"), not one clash.
CAMPAIGNING = frozenset(_DATA["campaigning"])
#: Verbs of wanting, planning, promising, refusing and asking, whose infinitive is not done.
UNREALISED = frozenset(_DATA["unrealised"])
#: Nouns of a try, whose infinitive took place ("an attempt to storm the base").
ATTEMPTS = frozenset(_DATA["attempts"])
#: Nouns of a charge, after which a bare crime noun names the charge ("charges of murder").
CHARGES = frozenset(_DATA["charges"])
_CHARGING = frozenset(_DATA["charging"])
_DECIDING = frozenset(_DATA["deciding"])
#: Participles of harm that, set before a noun, describe its state ("a wounded girl").
HARMED_STATES = frozenset(_DATA["harmed_states"])
_FREEING = frozenset(_DATA["freeing"])
_CLEARING = frozenset(_DATA["clearing"])
#: Words of a bombing, and the explosion nouns that in a bombing's story are the attack's.
BOMBING = frozenset(_DATA["bombing"])
EXPLOSIONS = frozenset(_DATA["explosions"])
#: Storm nouns, told of a quarrel too ("a storm over the emails").
STORMS = frozenset(_DATA["storms"])
#: Nouns of the doer of an assault ("assassin", "killer"): with a named victim they tell it.
DOERS = frozenset(_DATA["doers"])
_OTHER_OCCASIONS = frozenset(_DATA["other_occasions"])
#: Nouns of a statistic ("the number of attacks"): the happenings they count are no events.
STATISTICS = frozenset(_DATA["statistics"])
RATES = frozenset(_DATA["rates"])
PROSPECTS = frozenset(_DATA["prospects"])
_ARMED_ONLY = frozenset(_DATA["armed_only"])
_OUTBREAKS = frozenset(_DATA["outbreaks"])
_STRIFE = frozenset(_DATA["strife"])
PROSPECT_MODIFIERS = frozenset(_DATA["prospect_modifiers"])
PROSPECT_VERBS = frozenset(_DATA["prospect_verbs"])
_NAMING = frozenset(_DATA["naming"])
_NAMING_ADVERBS = frozenset(_DATA["naming_adverbs"])


def _naming(v: Token, lemma: str) -> bool:
    """Whether ``v`` names a noun: "a group called X", "a man named Y", "ISIL, also called ISIS" (no
    object: not "called him a liar"; not "called for" or "called on")."""
    if lemma not in _NAMING or any(c.dep_ == "dobj" for c in v.children):
        return False
    also = any(c.lower_ in _NAMING_ADVERBS for c in v.children)
    if any(c.dep_ == "oprd" for c in v.children):
        return also or passive(v) or v.dep_ == "acl"
    asks = prep_objects(v, ("for", "on", "upon")) or any(c.dep_ == "prt" for c in v.children)
    return v.dep_ == "acl" and not asks


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
    owners = [o for s in subj for o in prep_objects(s, ("of",)) if not s.ent_type_]
    return bool(lemmas(subj + owners) & _MARKETS)


def one_happening(n: Token) -> bool:
    """Whether the trigger ``n`` names one happening as the story's own may be named: a singular noun
    ("a shooting", "the blast"), not "similar attacks", "another shooting" or a verb.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["another", "shooting", "the", "shooting"],
    ...           heads=[1, 1, 3, 3], deps=["det", "ROOT", "det", "ROOT"], tags=["DT", "NN", "DT", "NN"],
    ...           lemmas=["another", "shooting", "the", "shooting"])
    >>> one_happening(doc[1]), one_happening(doc[3])
    (False, True)
    """
    return n.tag_ == "NN" and not lemmas([c for c in n.children if c.dep_ in ("det", "amod", "predet")]) \
        & _OTHER_OCCASIONS


def noun_sense(n: Token, etype: str) -> str | None:
    """The type of the trigger noun ``n`` listed as ``etype``, read against its phrase: a call "with"
    someone or "between" two parties is a conversation (CONSULT), not a request; an attack in words
    ("a scathing attack on the senator") is an accusation."""
    if etype == "REQUEST" and n.lower_ in _CONVERSATIONS and prep_objects(n, ("with", "between")):
        return "CONSULT"
    if etype == "ASSAULT" and verbal_attack(n):
        return "ACCUSE"  # "a scathing attack on the senator", "personal attacks"
    if n.lemma_.lower() in _ARMED_ONLY and not any(armed(t) for t in _phrase_heads(n)):
        return None  # "the opposition movement" (not "the movement of the army", "troop movements")
    if n.lemma_.lower() in _OUTBREAKS and lemmas(_phrase_heads(n)) & _STRIFE:
        return None  # "the outbreak of war": the war is the event (not "the cholera outbreak")
    return etype


def _phrase_heads(n: Token) -> list[Token]:
    """The nouns of ``n``'s own phrase that may name who does it: its "of" object, compounds, owner."""
    return prep_objects(n, ("of",)) + [c for c in n.children if c.dep_ in ("compound", "poss", "amod")]


def refine(v: Token, lemma: str, etype: str, disasters: frozenset[str]) -> str | None:
    """The type of verb ``v`` (lemma ``lemma``) read as ``etype`` by the lexicon, given its
    arguments; None when in this use it is no event (``disasters``: the disaster nouns)."""
    if market_move(v) or _naming(v, lemma):
        return None  # "shares rallied", "oil prices hit a record"; "a group called X"
    if etype == "DISASTER" and lemma in _AGENTIVE and (
            any(c.dep_ == "dobj" for c in v.children) or prep_objects(v, ("by",))):
        return "ASSAULT"  # "he drowned her", "they were drowned by the smugglers"
    if etype == "PROTEST" and lemma == "rally" and (objects(v) or prep_objects(v, ("behind", "around",
                                                                                     "round"))):
        return None  # "rallied support", "rallied behind the senator": backing, not a protest
    if etype == "ASSAULT":
        etype = assault_sense(v, lemma)
        if etype is None:
            return None
    if etype == "COERCE" and lemma == "block" and lemmas(objects(v)) & _PASSAGES and not forces(v):
        return "PROTEST"  # "protesters blocked the highway": obstructing passage (CAMEO 144)
    if etype == "CONSULT" and no_meeting(v, lemma):
        return None
    if etype == "ACCUSE" and lemma in DEMONSTRATING and in_the_street(v):
        return "PROTEST"  # "she protested outside the tower", "students protested against the law"
    if etype == "CONCEDE" and lemma in _FREEING and _territory(objects(v)):
        return "COERCE"  # "liberated the city": its capture, not a release
    if etype == "CONCEDE" and lemma in _CLEARING and (_territory(objects(v)) or prep_objects(v, ("from",))):
        return "COERCE"  # "cleared the town", "cleared the fighters from the city": no exoneration
    if etype == "AID" and lemmas(objects(v)) & (WORDS | VERBAL_SETTINGS | _NOT_GIVEN):
        return None  # "gave a speech", "delivered his remarks", "granted an interview", "dealt a blow"
    if lemma in _DIE and _disastrous(v, disasters):
        return "DISASTER"
    return etype


def _territory(objs: list[Token]) -> bool:
    """Whether one of ``objs`` is a territory: a place name or a territory noun ("the eastern half")."""
    return bool(lemmas(objs) & TERRITORIES) or any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs)


def _disastrous(v: Token, disasters: frozenset[str]) -> bool:
    """Whether the dying or killing ``v`` is a disaster's: "died in the floods", "the quake killed",
    "the tram crashed, killing seven" (a participle of a disaster verb or of a disaster's clause)."""
    if any(c.dep_ == "advcl" and vehicle_mishap(c) for c in v.children):
        return True  # "50 were injured when the tram left the track"
    scene = prep_objects(v, ("in", "from", "during", "after", "by"))
    scene += [c for c in v.children if c.dep_ == "nsubj"]
    scene += [v.head] if v.dep_ == "relcl" else []  # "the famine that killed millions"
    if any(lemmas([t]) & disasters and not armed_blast(t) or calamity(t, disasters) for t in scene):
        return True
    head = v.head  # (a verb with an object is no disaster's: "stormed the hotel, killing seven")
    intransitive = [head] if not objects(head) else []
    return v.dep_ in ("advcl", "conj", "xcomp") and v.tag_ == "VBG" and head != v and bool(
        lemmas(intransitive + [c for c in head.children if c.dep_ == "nsubj"]) & disasters)


def charge_dropped(v: Token) -> Token | None:
    """Who decided not to bring the charge the verb ``v`` tells, which clears the one charged: "prosecutors
    decided not to charge X", "the bureau stands by its decision not to prosecute X" (the decision's owner,
    else its clause's subject); None for any other use."""
    if v.lemma_.lower() not in _CHARGING or not infinitive(v) or not any(c.dep_ == "neg" for c in v.children):
        return None
    head = v.head
    if head.lemma_.lower() not in _DECIDING:
        return None
    if head.pos_ in ("VERB", "AUX"):
        return subject(head)[0]
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    clause = head.head.head if head.dep_ == "pobj" else head.head
    return owner if owner is not None else subject(clause)[0] if clause.pos_ in ("VERB", "AUX") else None
