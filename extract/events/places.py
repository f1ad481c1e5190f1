"""Where an event happened: the place phrases of its trigger, its clause, or the clause around it.

>>> import spacy
>>> from spacy.tokens import Doc
>>> from newsgraph.extract.events.context import Context
>>> doc = Doc(spacy.blank("en").vocab, words=["Chile", "was", "attacked", "in", "the", "city", "of", "Arica"],
...           heads=[2, 2, 2, 2, 5, 3, 5, 6],
...           deps=["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "prep", "pobj"],
...           pos=["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN"])
>>> ctx = Context(doc, {0: "E1", 7: "E3"}, {"E1": "State", "E3": "Location"}, (), frozenset())
>>> place_of(doc[2], None, ctx)   # "in the city of Arica"
'E3'
>>> struck_state(doc[2], None, "E3", ctx) is None   # (no site attacked there, no state named)
True
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.context import Context, is_capital
from newsgraph.extract.events.forms import infinitive
from newsgraph.extract.events.lexicon import lexicon
from newsgraph.extract.events.syntax import pobjs
from newsgraph.extract.events.triggers import noun_event
from newsgraph.extract.events.violence import TERRITORIES
from newsgraph.extract.lexicon import toml

__all__ = ["place_of", "site_of", "struck_state"]

_SENSES = toml("senses.toml")
#: Words of answering an earlier happening ("in retaliation for", "to avenge"), from ``senses.toml``.
_REPRISALS = frozenset(_SENSES["reprisals"])
#: Sites whose state an attack on them strikes ("the hospital in X"), with the territories.
_SITES = frozenset(_SENSES["struck_sites"]) | TERRITORIES
#: Public places gone out into: "took to the streets of X" happened in X.
_PUBLIC = frozenset(_SENSES["public_places"])

#: Prepositions by which a happening noun is where or by what a clause happened: "killed in the shelling",
#: "arrested during the protests", "shattered by an explosion" (not a time before or after it, as in
#: :data:`.scene.SCENE_PREPS`: "after the attack" took place elsewhere as often as not).
_WHERE_OR_BY = frozenset({"amid", "amidst", "by", "during", "in"})
_PLACE_PREPS = ("in", "near", "at", "outside", "across", "throughout", "inside", "off")  # "off the coast"
_CLAUSE_EDGES = ("ccomp", "advcl", "relcl", "acl", "parataxis", "conj", "xcomp", "csubj")
_TOPIC_PREPS = ("about", "on", "upon", "over")


def _reprisal(h: Token) -> Token | None:
    """The phrase on ``h`` or its object naming the earlier happening its event answers: "in retaliation
    for X", "carried out the attack in response to X", "to avenge X" (its first word)."""
    for c in (*h.children, *(g for o in h.children if o.dep_ in ("dobj", "attr") for g in o.children)):
        if c.dep_ == "prep" and any(o.dep_ == "pobj" and o.lemma_.lower() in _REPRISALS for o in c.children) \
                or c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _REPRISALS:
            return c
    return None


def _answered_by(tok: Token) -> Token | None:
    """The verb whose reprisal phrase names the happening ``tok`` ("attacked X in retaliation for the
    airstrikes": the airstrikes are answered by "attacked")."""
    for verb in tok.ancestors:
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in _REPRISALS:
            cut = _reprisal(verb)
            return verb if cut is not None and tok in cut.subtree else None
    return None


def _place_in(h: Token, ctx: Context, kinds: tuple[str, ...] = ("Location", "State"),
              after: int | None = None) -> str | None:
    """The entity of one of ``kinds`` in an "in/near/at X" phrase hanging on ``h``, or named inside a
    place noun there: "in the city of Adana", "at an Orlando nightclub", "in Kabul's old town",
    "outside the U.S. embassy in London" (a town or region before a state).  A phrase told after a
    reprisal phrase of ``h`` is the answered happening's (the parser hangs it on ``h``): it counts only
    with ``after``, the index of that happening's word."""
    cut = _reprisal(h)
    phrases = pobjs(h, _PLACE_PREPS) + [(p, o) for p, o in pobjs(h, ("to", "into", "onto"))
                                          if o.lemma_.lower() in _PUBLIC]  # "took to the streets of X"
    for _prep, o in phrases:
        if after is not None and o.head.i < after or after is None and cut is not None and o.head.i > cut.i:
            continue
        inner = [x for _, x in pobjs(o, ("in", "of"))] + \
            [c for c in o.children if c.dep_ in ("compound", "poss", "appos")] if o.pos_ == "NOUN" else []
        words = [o, *inner]  # ("in the capital, X": its apposition)
        words += [c for t in words if t.pos_ == "PROPN" for c in t.children
                  if c.dep_ == "compound" and c.pos_ == "PROPN"]  # a name cut in parts: "Mazar-i-Sharif"
        found = [eid for t in words if (eid := ctx.tok2ent.get(t.i)) and ctx.kinds.get(eid) in kinds]
        if found:  # a town before a state: "outside the U.S. embassy in London" is in London
            return next((e for e in found if ctx.kinds.get(e) == "Location"), found[0])
    return None


def _clause_words(head: Token, skip: Token | None = None, trigger: bool = False) -> list[Token]:
    """The words of ``head``'s own clause (not of clauses inside it), nearest to ``head`` first; with
    ``skip`` (the trigger), not the phrases of another happening noun than it; when ``head`` is the
    trigger and a verb of discussing, not its topic ("discussed the situation in X" was not in X)."""
    out, todo = [], [head]
    topic = head if trigger and head.pos_ == "VERB" and head.lemma_.lower() in lexicon().topic_verbs else None
    while todo:
        t = todo.pop()
        out.append(t)
        cut = _reprisal(t)
        todo += [c for c in t.children if c.dep_ not in _CLAUSE_EDGES and c != cut
                 and not (skip is not None and c != skip and c.pos_ == "NOUN" and noun_event(c))
                 and not (t == topic and (c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS))]
    return sorted(out, key=lambda t: abs(t.i - head.i))


def place_of(tok: Token, light: Token | None, ctx: Context, towns_only: bool = False) -> str | None:
    """The place of an event: an "in/near/at X" phrase on the trigger or its light verb, else anywhere in
    the trigger's clause ("captured by militants in Syria"), else on the verb that governs a trigger noun
    or an infinitive ("were killed in the shelling in Homs", "went to Aleppo to meet"); past the trigger's
    own phrases only a town or region with ``towns_only``."""
    kinds = ("Location",) if towns_only else ("Location", "State")
    verbs = [c for c in tok.conjuncts if c.pos_ == "VERB"] if light is None and tok.pos_ == "VERB" else []
    for h in (tok, light, *verbs):  # "attacked and killed two soldiers near X": X for both
        found = _place_in(h, ctx) if h is not None else None
        if found:
            return found
    found = next((ctx.tok2ent[c.i] for c in tok.children if c.dep_ == "compound" and c.i in ctx.tok2ent
                  and ctx.kinds.get(ctx.tok2ent[c.i]) == "Location"), None)
    if found and tok.pos_ == "NOUN":
        return found  # "the Kabul attack"
    found = next(filter(None, (_place_in(o, ctx) for _, o in pobjs(tok, ("of",)))), None) \
        if tok.pos_ == "NOUN" and light is None else None
    if found:
        return found  # "the execution of a cleric in X", where the one it was done to was
    clause = light if light is not None else tok
    governor = clause.head.head if clause.dep_ == "pobj" else clause.head
    skip = None
    if clause.pos_ not in ("VERB", "AUX") and clause.head.pos_ in ("VERB", "AUX"):
        clause = governor  # (the object of a verb, or of a preposition read as one: "following X")
    elif clause.dep_ == "pobj" and clause.head.lower_ in _WHERE_OR_BY and governor.pos_ in ("VERB", "AUX"):
        # a happening as the scene or the doer of its governor's clause: the noun's own phrases first,
        # then that clause, not the phrases of another happening there (and not through a means: "threatened
        # peace in X with its seizure of Y" is no seizure in X)
        found = next(filter(None, (_place_in(h, ctx, kinds) for h in _clause_words(clause))), None)
        if found:
            return found
        clause, skip = governor, tok
    for h in _clause_words(clause, skip=skip, trigger=clause == tok):
        found = _place_in(h, ctx, kinds)
        if found:
            return found
    if (clause.dep_ in ("xcomp", "conj") or clause == tok and clause.dep_ == "advcl" and infinitive(clause)) \
            and clause.head != clause:
        return _place_in(clause.head, ctx, kinds)  # ("is in London to meet X"; not the place of what a
        # protest there is against: "rallied in X to protest the killings")
    for rel in (c for c in tok.children if c.dep_ in ("relcl", "acl")) if tok.pos_ == "NOUN" else ():
        found = next(filter(None, (_place_in(h, ctx, kinds) for h in _clause_words(rel))), None)
        if found:
            return found  # "an ambush that left five dead in Dallas"
    answering = _answered_by(tok) if tok.pos_ == "NOUN" else None
    return _place_in(answering, ctx, kinds, after=tok.i) if answering is not None else None


def struck_state(tok: Token, light: Token | None, place: str | None, ctx: Context) -> str | None:
    """The state an attack on a site in a town strikes, when the article names it: "Peru fired missiles
    at the hospital in Arica" strikes Chile, as the field's coders read it (the site is no actor; the
    town is a place, not a party)."""
    if place is None or ctx.kinds.get(place) != "Location":
        return None
    h = light if light is not None else tok
    sites = [c for c in h.children if c.dep_ == "dobj"] + [o for _, o in pobjs(h, ("at", "on", "against"))]
    if not any(o.lemma_.lower() in _SITES for o in sites):
        return None
    country = ctx.countries.get(place)
    return next((eid for eid, code in ctx.countries.items() if code == country
                 and ctx.kinds.get(eid) == "State"), None) if country else None


def site_of(parties: tuple[str, ...], ctx: Context) -> str | None:
    """The first town or site among an event's ``parties`` ("warplanes pummeled Idlib"): where it happened,
    unless it is its country's capital, which names the government ("demanded that Baku ...")."""
    return next((eid for eid in parties if ctx.kinds.get(eid) == "Location" and not is_capital(eid, ctx)),
                None)
