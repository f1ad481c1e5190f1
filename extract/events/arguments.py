"""Event arguments from the dependency parse: who did it, to whom, with whom.

The phrases are mapped to entity ids by :mod:`newsgraph.extract.events.phrases`; the parse is read
with :mod:`newsgraph.extract.events.syntax`.  Symmetric types (:data:`SYMMETRIC`, declared in
``event_types.toml``) have participants; the others agents and targets.  The place is found by
:mod:`newsgraph.extract.events.places`.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Chile", "was", "attacked", "by", "Peru", "in", "Arica"],
...           heads=[2, 2, 2, 2, 3, 2, 5],
...           deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "prep", "pobj"],
...           pos=["PROPN", "AUX", "VERB", "ADP", "PROPN", "ADP", "PROPN"])
>>> ctx = Context(doc, {0: "E1", 4: "E2", 6: "E3"}, {"E1": "State", "E2": "State", "E3": "Location"},
...               (), frozenset())
>>> arguments(doc[2], None, "ASSAULT", ctx)   # a passive: Peru attacked Chile
(('E2',), ('E1',), ())
>>> arguments(doc[2], None, "CONSULT", ctx)   # a symmetric type: all parties participate
((), (), ('E2', 'E1'))
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.blame import blame_phrase, blamed, laid_on
from newsgraph.extract.events.cameo import armed, weapon
from newsgraph.extract.events.context import Context, demonym_state
from newsgraph.extract.events.forms import gerund, infinitive, mistagged_noun, mistagged_verb
from newsgraph.extract.events.lexicon import lexicon
from newsgraph.extract.events.listing import included
from newsgraph.extract.events.nominal import around_noun, died_after, opponents
from newsgraph.extract.events.owners import owner_of
from newsgraph.extract.events.phrases import actors_of, led_by
from newsgraph.extract.events.scene import clause_parties, host, scene_prep
from newsgraph.extract.events.senses import (
    AIMS,
    CASUALTY,
    INTRANSITIVE_CASUALTY,
    ORDERS,
    PATIENT_NOUNS,
    USING,
    WIELDING,
)
from newsgraph.extract.events.syntax import by_agent, clause_chain, pobjs, saying, subject
from newsgraph.extract.lexicon.event_types import SYMMETRIC

__all__ = ["SYMMETRIC", "arguments", "attributed_to"]

TARGET_PREPS = ("on", "upon", "against", "at", "to", "toward", "towards", "into")
SYM_PREPS = ("with", "between", "among", "to", "of")
_WITH = ("with", "between", "among")
LEADS = ("head", "lead", "chair", "attend")


def _leaders(tok: Token, ctx: Context) -> tuple[str, ...]:
    """Persons in "headed by A and B" inside the clause or phrase of ``tok``."""
    out: tuple[str, ...] = ()
    for t in tok.subtree:
        if t.dep_ in ("acl", "advcl", "relcl") and t.lemma_.lower() in LEADS and t.sent == tok.sent:
            out += actors_of(by_agent(t), ctx)
    return tuple(a for a in out if ctx.kinds.get(a) == "Person")


def _add(found: list[str], ids) -> None:
    """Append the ids not in ``found`` yet, in order, each once."""
    found += [i for i in dict.fromkeys(ids) if i not in found]


def _aimed_at(heads: list[Token], ctx: Context) -> list[str]:
    """The objects of a hostile aim infinitive on one of ``heads`` ("airstrikes to disrupt X")."""
    return [a for h in heads for c in h.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl")
            and c.lemma_.lower() in AIMS and infinitive(c)
            for o in c.children if o.dep_ == "dobj" for a in actors_of(o, ctx)]


def _wielder(verb: Token, ctx: Context) -> list[str]:
    """Who used what ``verb``'s subject names: "X fired the shots that killed Y", "X carried out an attack
    that killed Y"."""
    used = verb.head
    if verb.dep_ != "relcl" or used.dep_ != "dobj" or used.head.lemma_.lower() not in WIELDING:
        return []
    return list(actors_of(subject(used.head)[0], ctx))


def _instigators(verb: Token, ctx: Context) -> list[str]:
    """The agents of the attack a casualty happened in: "civilians were killed in Russian airstrikes",
    "two guards died during an attack by the rebels", "X was killed in a shootout with Y"."""
    attacks = lexicon().nouns
    return [a for _, o in pobjs(verb, ("in", "during")) if attacks.get(o.lemma_.lower()) == "ASSAULT"
            for a in arguments(o, None, "ASSAULT", ctx)[0]] + list(opponents(verb, ctx))


class _Parties:
    """The parties of one event as the rules of :func:`arguments` find them, one rule after another."""

    def __init__(self, trig: Token, light: Token | None, etype: str, ctx: Context):
        self.trig, self.light, self.etype, self.ctx = trig, light, etype, ctx
        self.verbal = (trig.pos_ in ("VERB", "AUX") or mistagged_verb(trig)) and light is None \
            and not mistagged_noun(trig) and trig.dep_ not in ("amod", "compound")
        # ("the shooting death of X": a modifier, no clause; "Police arrest X": a caption's verb)
        self.clause = trig if self.verbal else light
        self.symmetric = etype in SYMMETRIC
        lemma, lex = trig.lemma_.lower(), lexicon()  # "discussed Syria": a topic, not a party
        self.topic = self.verbal and lemma in lex.topic_verbs and lemma not in lex.actor_object
        self.agents: list[str] = []
        self.targets: list[str] = []
        self.parts: list[str] = []

    def from_clause(self) -> None:
        """The clause's subject (the agent; the target of a passive verb) and its objects (targets)."""
        clause, ctx, light = self.clause, self.ctx, self.light
        subj, passive = subject(clause)
        if self.trig.dep_ == "pobj" and self.trig.head.lower_ == "under":  # "X is under sanctions": X is
            subj, passive = None, False                                     # the target
            _add(self.targets, actors_of(subject(clause)[0], ctx))
        by = by_agent(clause)
        if self.verbal and clause.lemma_.lower() in INTRANSITIVE_CASUALTY:
            subj, passive = None, False  # "two guards died": the victims
            _add(self.targets, actors_of(subject(clause)[0], ctx))
        if self.verbal and passive:
            _add(self.agents, actors_of(by, ctx) or (included(by, [by], ctx) if by is not None else ()))
            _add(self.targets, actors_of(subj, ctx))
        elif self.verbal and subj is None and gerund(clause) and clause.dep_ == "pcomp":
            _add(self.agents, [a for _, o in pobjs(clause, ("by",)) for a in actors_of(o, ctx)])
            _add(self.agents, blamed(clause, ctx))  # "X was jailed for attacking Y": X attacked
            # a gerund read as a noun: "the resumption of shelling by X"
        elif not (light is not None and subj == self.trig):
            _add(self.agents, actors_of(subj, ctx) or next(  # a mis-parse may give a clause two subjects
                (actors_of(c, ctx) for c in clause.children if c.dep_ == "nsubj" and subj is not None
                 and actors_of(c, ctx)), ()))
        if self.verbal and not self.agents and gerund(clause) and clause.dep_ == "pcomp":
            _add(self.agents, blamed(clause, ctx))  # "accused X of abuses by jailing Y": X
        if light is not None and passive:  # "airstrikes were carried out by X"
            _add(self.agents, actors_of(by, ctx))
        self._object_targets(clause)
        if not self.targets and clause.dep_ == "xcomp":
            _add(self.targets, [a for c in clause.head.children if c.dep_ in ("dobj", "oprd")
                                for a in actors_of(c, ctx)])
        if self.verbal and not self.agents and self.etype == "ASSAULT" \
                and self.trig.lemma_.lower() in CASUALTY:
            _add(self.agents, _instigators(self.trig, ctx))
        if self.verbal and not self.agents and self.etype == "ASSAULT":
            _add(self.agents, _wielder(self.trig, ctx))
        if self.verbal and not self.targets:  # "arrested dozens of activists, including X": X
            patients = [subj] if passive else [c for c in clause.children if c.dep_ == "dobj"]
            patients = [p for p in patients if p is not None and p.lemma_.lower() not in lexicon().nouns]
            _add(self.targets, included(clause, patients, ctx))  # (not "condemned the arrests, including")
        if self.verbal and not self.agents and not passive and subj is not None:  # "protesters including X
            _add(self.agents, included(subj, [], ctx))                          # marched": X

    def _object_targets(self, clause: Token) -> None:
        """The clause's objects as targets, or their owners ("shelled Hezbollah positions"); not the
        weapon a verb of using has for object ("used Iranian drones", "fired his gun": not Iran, not him)."""
        ctx = self.ctx
        for c in clause.children:
            if c.dep_ not in ("dobj", "dative", "oprd") or c == self.trig or self.topic and self.symmetric \
                    or clause.lemma_.lower() in USING and c.i not in ctx.tok2ent and weapon(c):
                continue
            _add(self.targets, actors_of(c, ctx) or (owner_of(c, ctx) if not self.symmetric else ()))

    def from_noun(self) -> None:
        """A trigger noun's owner, its nationality or body ("Russian airstrikes", "the army's assault",
        "government shelling") and "by" phrase (agents); a meeting's hosts ("at talks with X")."""
        trig, ctx = self.trig, self.ctx
        mods = [(c.dep_, m) for c in trig.children for m in ((c, *c.conjuncts) if c.dep_ == "amod" else (c,))]
        for dep, c in mods:  # ("Russian and Syrian airstrikes": both nationalities)
            place = ctx.kinds.get(ctx.tok2ent.get(c.i, "")) == "Location"  # "the Kabul attack": a place
            if dep == "poss" and trig.lemma_.lower() in PATIENT_NOUNS:
                _add(self.targets, actors_of(c, ctx))  # "Brown's killing", "his arrest"
            elif dep == "poss" or dep in ("compound", "amod") and not place:
                nation = demonym_state(c.text, ctx) if c.text[:1].isupper() else led_by(c, ctx)
                _add(self.agents, actors_of(c, ctx) or ((nation,) if nation else ()))
        _add(self.agents, [a for _, o in pobjs(trig, ("by",)) for a in actors_of(o, ctx)])
        _add(self.agents, [a for c in trig.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"
                           for a in actors_of(by_agent(c), ctx)])  # "airstrikes carried out by X"
        if trig.dep_ == "pobj" and trig.head.head.pos_ in ("VERB", "AUX") and self.symmetric:
            subj = subject(trig.head.head)[0]  # "the talks between A and B ended without a deal": A, B
            _add(self.parts, actors_of(subj, ctx) or [a for _, o in pobjs(subj, SYM_PREPS[:3])
                                                      for a in actors_of(o, ctx)] if subj is not None else ())
        their = any(c.dep_ == "poss" and c.lower_ == "their" for c in trig.children)
        if self.symmetric and (scene_prep(trig) or their):  # "A greets B before a meeting", "A shakes
            _add(self.parts, clause_parties(trig, ctx))        # hands with B at their meeting"
        if self.etype == "CONSULT":  # "A attended a meeting with B"
            _add(self.parts, host(trig, ctx))
        if trig.dep_ == "amod" and trig.tag_ == "VBN" and self.etype in ("ASSAULT", "COERCE"):
            _add(self.targets, actors_of(trig.head, ctx))  # "jailed opposition leader X", "the slain
            # journalist", "one of the detained men, X" (not "Iranian-backed rebels": a standing tie)
        if trig.dep_ in ("amod", "compound") and trig.head.lemma_.lower() in PATIENT_NOUNS:
            _add(self.targets, [a for c in trig.head.children if c.dep_ == "poss" for a in actors_of(c, ctx)]
                 + [a for _, o in pobjs(trig.head, ("of",)) for a in actors_of(o, ctx)])
            # "the shooting death of X": the one it happened to
        agents, targets = around_noun(trig, self.etype, ctx)
        _add(self.agents, agents)
        _add(self.targets, targets)

    def _heads(self) -> list[Token]:
        """The words whose prepositional phrases name parties: trigger, light verb, and some objects."""
        trig, ctx = self.trig, self.ctx
        heads = [t for t in (trig, self.light) if t is not None]
        if self.verbal and self.symmetric:  # "struck a deal with X", "spoke on the phone with X"
            heads += [c for c in trig.children if c.dep_ == "dobj" and not actors_of(c, ctx)]
            heads += [o for _, o in pobjs(trig, ("on", "by", "over"))
                      if (trig.lemma_.lower(), o.lemma_.lower()) in lexicon().pairs]
        if self.verbal and self.etype == "AID":  # "offered help to X"
            heads += [c for c in trig.children if c.dep_ == "dobj" and not actors_of(c, ctx)
                      and any(p.lower_ == "to" for p in c.children)]
        if self.verbal and self.etype == "ACCUSE":  # "blamed her defeat in the election on X"
            heads += [t for c in trig.children if c.dep_ == "dobj" and not actors_of(c, ctx)
                      for t in c.subtree if t.pos_ == "NOUN" and any(p.lower_ == "on" for p in t.children)]
        if not self.verbal:  # a time told between the noun and its "of": "the assassination in 1914 of X"
            heads += [o for _, o in pobjs(trig, ("in", "on")) if o.ent_type_ in ("DATE", "TIME")
                      or o.like_num]
        return heads

    def from_prepositions(self) -> None:
        """Targets ("against X"), participants ("with X", "between A and B"), givers ("aid from X")."""
        ctx, etype = self.ctx, self.etype
        blamed_on = blame_phrase(self.trig)  # "blamed the attack on X": X did it, was not hit
        for h in self._heads():
            for prep, o in pobjs(h, TARGET_PREPS + SYM_PREPS + ("from",)):
                if o in blamed_on or self.topic and h not in (self.trig, self.light) and prep not in _WITH:
                    continue  # ("discussed the return of refugees to X": X is in the topic)
                ids = actors_of(o, ctx) or (owner_of(o, ctx) if prep in TARGET_PREPS else ())
                if prep in ("to", "into", "toward", "towards") and etype != "AID" or prep == "on" \
                        and etype == "PROTEST":  # a destination ("marched on Washington")
                    ids = tuple(i for i in ids if ctx.kinds.get(i) != "Location")
                if self.symmetric:
                    _add(self.parts, ids if prep in SYM_PREPS else ())  # "met at the White House": a place
                elif prep == "from" and etype == "AID":
                    if h.lemma_ in ("receive", "get", "obtain", "accept"):
                        self.targets, self.agents = self.agents, []
                    _add(self.agents, ids)
                elif prep == "from" and etype == "ASSAULT" and h == self.trig and (
                        not self.verbal or h.lemma_.lower() in WIELDING and not self.agents):
                    _add(self.agents, ids)  # "airstrikes from Russian warplanes", "missiles fired from Iran"
                elif prep in ("on", "at", "upon") and o.lemma_.lower() in ORDERS:
                    _add(self.agents, ids if etype in ("ASSAULT", "COERCE") else ())  # "on the orders of X"
                elif prep == "of" and etype == "MOBILIZE" and not self.verbal and armed(o):
                    _add(self.agents, ids)  # "the deployment of Russian troops": theirs
                elif prep in TARGET_PREPS or prep == "with" or prep == "of" and not self.verbal:
                    _add(self.targets, ids)
                elif prep in ("between", "among"):
                    _add(self.parts, ids)

    def from_conjuncts(self) -> None:
        """Arguments shared by coordinated verbs: "arrested and charged X" (X the target of both),
        "was arrested and charged by police" (the police the agent of both)."""
        trig, ctx = self.trig, self.ctx
        later = [c for c in trig.conjuncts if c.i > trig.i and c.pos_ == "VERB"]
        passive = subject(trig)[1]
        if not (self.targets or self.parts or passive) and not any(c.dep_ == "dobj" for c in trig.children):
            _add(self.targets, [a for v in later[:1] for c in v.children if c.dep_ == "dobj"
                                for a in actors_of(c, ctx)])
        if passive and not self.agents:
            _add(self.agents, [a for v in later[:1] for a in actors_of(by_agent(v), ctx)])

    def from_complements(self) -> None:
        """Targets inside a complement, for a request or a refusal that names none of its own."""
        trig, ctx = self.trig, self.ctx
        if self.etype == "REQUEST" and not self.targets:  # "demanded that Baku withdraw" -> Baku
            for x in (c for c in trig.children if c.dep_ == "ccomp"):
                _add(self.targets, actors_of(next((c for c in x.children if c.dep_ == "nsubj"), None), ctx))
        if self.etype == "REQUEST" and not self.targets:  # "called for an end to fighting between A and B"
            for _, o in pobjs(trig, ("for",)):
                for t in (x for n in (o, *o.conjuncts) for x in n.subtree):
                    if t.dep_ == "prep" and t.lower_ == "between":
                        _add(self.targets, [a for c in t.children if c.dep_ == "pobj"
                                            for a in actors_of(c, ctx)])
        if self.etype == "REJECT" and not self.targets:  # "refused to hold talks with him" -> him
            for x in (c for c in trig.children if c.dep_ == "xcomp"):
                for h in (x, *(c for c in x.children if c.dep_ == "dobj")):
                    _add(self.targets, [a for _, o in pobjs(h, ("with", "to")) for a in actors_of(o, ctx)])
                    # "refused to approve Sweden's bid" -> Sweden
                    _add(self.targets, owner_of(h, ctx) if h != x else ())

    def result(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(agents, targets, participants): a symmetric event's parties all participants, led by the
        persons that head it ("talks headed by A and B")."""
        agents, targets, parts = self.agents, self.targets, self.parts
        leaders = _leaders(self.clause if self.clause is not None else self.trig, self.ctx) \
            if self.symmetric else ()
        if leaders:
            parts = list(leaders) + [p for p in agents + targets + parts if self.ctx.kinds.get(p) == "Person"]
            agents, targets = [], []
        if self.symmetric:
            parts = list(dict.fromkeys(agents + targets + parts))
            agents, targets = [], []
        targets = [t for t in targets if t not in agents]
        return tuple(agents), tuple(targets), tuple(parts)


def arguments(trig: Token, light: Token | None, etype: str, ctx: Context):
    """(agents, targets, participants) of the event whose trigger is ``trig`` (light verb ``light``)."""
    found = _Parties(trig, light, etype, ctx)
    if found.clause is not None:
        found.from_clause()
    if not found.verbal:
        found.from_noun()
    found.from_prepositions()
    if etype == "ASSAULT" and found.verbal:
        _add(found.targets, died_after(trig, ctx))  # "X died after a bomb exploded": X
    if etype == "ASSAULT" and not found.targets:  # "continued airstrikes to disrupt X": X
        _add(found.targets, _aimed_at([t for t in (trig, light) if t is not None], ctx))
    if found.verbal:
        found.from_conjuncts()
        found.from_complements()
    if found.verbal and etype == "ACCUSE" and (laid := laid_on(trig, ctx)) is not None:
        found.targets = list(laid)  # "blamed her loss to Y on X": X
    return found.result()


def attributed_to(tok: Token, light: Token | None, ctx: Context, speech) -> str | None:
    """Who reports the event: the subject of a verb of saying governing its clause."""
    said = saying(clause_chain(tok, light), speech)
    ids = (actors_of(subject(said)[0], ctx) or actors_of(by_agent(said), ctx)) if said is not None else ()
    return ids[0] if ids else None
