"""The actor a noun phrase stands for: an article-local entity id, found through the parse.

Noun phrases map to entity ids through the actor spans of ``doc.ents`` (``span.kb_id_``): the
syntactic head's entity first, then a person inside a title phrase ("Deputy Foreign Minister of
Iran Ali Bagheri Kani"), the owner of an actor noun ("Baku's forces"), a nationality adjective
naming a state entity of the article ("Azerbaijani forces"), the group a plural subject "they" took up,
the body a reported "it" stands for ("Hamas said it fired"), and pronouns or descriptions via
:mod:`newsgraph.extract.events.anaphora`.

>>> import spacy
>>> from newsgraph.extract.events.context import context
>>> blank = spacy.blank("en")("Troops fired.")
>>> actors_of(blank[0], context(blank, frozenset())), context(blank, frozenset()).kinds
((), {})
>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Chile", "was", "attacked", "by", "Peru", "in", "Arica"],
...           heads=[2, 2, 2, 2, 3, 2, 5],
...           deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "prep", "pobj"],
...           pos=["PROPN", "AUX", "VERB", "ADP", "PROPN", "ADP", "PROPN"])
>>> ctx = Context(doc, tok2ent={0: "E1", 4: "E2"}, kinds={"E1": "State", "E2": "State"},
...               states=(("Chile", "E1"),), actor_nouns=frozenset())
>>> actor_of(doc[0], ctx), actors_of(doc[4], ctx), demonym_state("Chilean", ctx)
('E1', ('E2',), 'E1')
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.actors import coref
from newsgraph.extract.actors.demonyms import COUNT_NOUNS, MEMBER_NOUNS
from newsgraph.extract.events.anaphora import (
    FIRST_PERSON,
    described,
    named_body,
    named_next,
    pronoun_or_group,
    quoted_by,
    quoting,
)
from newsgraph.extract.events.context import Context, actor_noun, capital_state, demonym_state
from newsgraph.extract.events.syntax import noun_phrase, pobjs, subject
from newsgraph.extract.lexicon import gazetteer as gz

__all__ = ["led_by", "actor_of", "actors_of"]

def _they(tok: Token, ctx: Context) -> tuple[str, ...]:
    """The group a subject "they" stands for: the one state or organisation the last subject before it
    names, in its sentence or the one before, when that subject is a plural ("Hamas fighters crossed
    the border. They attacked a post."), or the actors that subject joins ("A and B chatted as they
    walked"); no guess when it names no such actor ("the protesters")."""
    return _group_before(tok, ctx) if tok.dep_ in ("nsubj", "nsubjpass") else ()


def _group_before(tok: Token, ctx: Context) -> tuple[str, ...]:
    """The group the last subject before ``tok`` names, in its sentence or the one before (see
    :func:`_they`): what "they" and "their" stand for ("Chilean officials said their troops ...")."""
    doc, start = ctx.doc, tok.sent.start
    start = doc[start - 1].sent.start if start > 0 else start
    for t in reversed(doc[start:tok.i]):
        if t.dep_ not in ("nsubj", "nsubjpass") or t.tag_ in ("WP", "WDT") or t.lower_ == "they":
            continue  # (a relative pronoun, or "they" again: look further back)
        ids = actors_of(t, ctx)
        if len(ids) >= 2 and t.conjuncts:
            return ids
        kind = ctx.kinds.get(ids[0]) if len(ids) == 1 else None
        plural = t.tag_ in ("NNS", "NNPS") or kind == "Organization" and t.i in ctx.tok2ent \
            and not any(k in ctx.tok2ent and ctx.tok2ent[k] != ids[0] for k in range(t.i + 1, tok.i))
        return ids if kind in ("Organization", "State") and plural else ()  # ("Russia blamed the rebels,
        # saying they attacked": a state's own name is seldom "they"; a group's is: "Hamas said they")
    return ()


def _it(tok: Token, ctx: Context) -> str | None:
    """The body a subject "it" stands for in reported speech: the one state or organisation that says,
    announces or denies ("Hamas said it fired the rockets", "the ministry denied it had detained him");
    no guess elsewhere ("it exploded")."""
    verb = tok.head   # (not through "and": "a bomb hit X and it killed ten" is the bomb)
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
        return None
    said_by = subject(verb.head)[0]
    ids = actors_of(said_by, ctx) if said_by is not None and said_by.pos_ != "PRON" else ()
    return ids[0] if len(ids) == 1 and ctx.kinds.get(ids[0]) in ("Organization", "State") else None


def _them(tok: Token, ctx: Context) -> str | None:
    """The one state or body an object "them" stands for when its verb is joined to an earlier verb whose
    object names it: "condemned the Iranian side and urged them to explain" (no guess elsewhere)."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.dep_ != "conj":
        return None
    ids = [a for c in verb.head.children if c.dep_ == "dobj" for a in actors_of(c, ctx)]
    return ids[0] if len(ids) == 1 and ctx.kinds.get(ids[0]) in ("Organization", "State") else None


def _title_holder(tok: Token, np: list[Token], ctx: Context) -> str | None:
    """The person a title phrase names, its antecedent, or the body an unnamed title heads."""
    t2e, title = ctx.tok2ent, tok.lemma_.lower() in coref.TITLES
    people = [t2e[t.i] for t in np if t.i in t2e and ctx.kinds.get(t2e[t.i]) == "Person"]
    if people and (title or tok.pos_ == "PROPN"):
        return people[-1]
    if not title:
        return None
    found = described(tok, ctx)
    if found:
        return found
    bodies = [t2e[c.i] for c in tok.children if c.dep_ in ("compound", "poss", "nmod") and c.i in t2e]
    bodies += [t2e[o.i] for _, o in pobjs(tok, ("of",)) if o.i in t2e]
    bodies += [s for c in tok.children if c.dep_ == "amod" and (s := demonym_state(c.text, ctx))]
    return bodies[0] if bodies else None  # "the CIA chief" stands for the CIA when unnamed


def _nation_of(tok: Token, np: list[Token], ctx: Context) -> str | None:
    """The owner of an actor noun ("Baku's forces"), or the state its nationality adjective names."""
    if not actor_noun(tok, ctx):
        return None
    owners = [ctx.tok2ent[t.i] for t in np if t.i in ctx.tok2ent and t.i != tok.i]
    owners = [capital_state(a, ctx) or a for a in owners]  # "Baku's forces": Azerbaijan's
    owners += [a for t in np if t.lower_ == "their" and t.dep_ == "poss" for a in _group_before(t, ctx)[:1]]
    if owners:  # the group before the state that names its members' nationality: "a British IS fighter"
        return min(owners, key=lambda a: ctx.kinds.get(a) == "State")
    for t in np:
        if t.i != tok.i and (t.ent_type_ in ("NORP", "GPE") or t.pos_ in ("ADJ", "PROPN")) \
                and _of_state(t, tok, ctx):
            hit = demonym_state(t.text, ctx)
            if hit:
                return hit
    return None


def _of_state(mod: Token, tok: Token, ctx: Context) -> bool:
    """The nationality word ``mod`` qualifies the actor noun ``tok`` or another actor noun of its phrase
    ("forces of the Armenian army"), not a people ("representatives of the Armenian community")."""
    head = mod.head
    while head.dep_ in ("compound", "amod") and head != tok and head.head != head:
        head = head.head
    return head == tok or actor_noun(head, ctx)


def led_by(mod: Token, ctx: Context) -> str | None:
    """The state a "-led" modifier names: "the U.S.-led coalition", "the Saudi-led strikes" (the one
    that leads it acts, as the field's coders read it)."""
    if mod.lower_.endswith("-led") and len(mod) > 4:
        word = mod.text[:-4]
    elif mod.lower_ == "led":
        word = next((c.text for c in mod.children if c.dep_ in ("npadvmod", "compound", "amod")), "")
    else:
        return None
    code = gz.demonym_code(word) or gz.state_code(word)
    return demonym_state(word, ctx) or next((eid for form, eid in ctx.states
                                             if code and gz.state_code(form) == code), None)


def actor_of(tok: Token, ctx: Context) -> str | None:
    """Entity id the phrase headed by ``tok`` stands for, else None."""
    t2e = ctx.tok2ent
    if tok.i in t2e:
        return t2e[tok.i]
    if tok.lower_ in FIRST_PERSON:  # in a quote, the one quoted
        said = quoting(tok)
        return quoted_by(tok, ctx) or (actor_of(said, ctx) if said is not None else None)
    if tok.lower_ in coref.PRONOUNS or tok.lower_ in coref.GROUP_WORDS and not _owned(tok, ctx) \
            or tok.lower_ == "its":
        return pronoun_or_group(tok, ctx)  # (but "the Iranian side", "Baku's side" are that state)
    if tok.lower_ == "they":
        group = _they(tok, ctx)
        return group[0] if len(group) == 1 else None
    if tok.lower_ == "it":
        return _it(tok, ctx)
    if tok.lower_ == "them":
        return _them(tok, ctx)
    for c in tok.children:
        if c.dep_ == "appos" and c.i in t2e and not _cited(c, ctx):
            return t2e[c.i]
    if tok.dep_ == "appos" and tok.head.i in t2e:
        return t2e[tok.head.i]  # "Mark Jensen, a reporter killed by ...": the reporter is Jensen
    if (named := named_next(tok, ctx) or named_body(tok, ctx)) is not None:
        return named  # "killed cousin X", whatever the parser made of X; "the Hamas militant group"
    if tok.lower_ in COUNT_NOUNS:  # "thousands of Turks", "dozens of Hamas fighters"
        return next((a for _, o in pobjs(tok, ("of",)) if (a := actor_of(o, ctx))), None)
    np = noun_phrase(tok)
    return _title_holder(tok, np, ctx) or _nation_of(tok, np, ctx) \
        or next((s for c in tok.children if c.dep_ == "amod"
                 and (s := led_by(c, ctx) or _based_in(c, tok, ctx))), None)


def _owned(tok: Token, ctx: Context) -> bool:
    """Whether a name or a nationality word qualifies ``tok`` ("the Iranian side", "Baku's side")."""
    return any(c.dep_ in ("amod", "compound", "poss") and (c.i in ctx.tok2ent or demonym_state(c.text, ctx))
               for c in tok.children)


def _cited(tok: Token, ctx: Context) -> bool:
    """An outlet in brackets, cited as the source of what the sentence says: "mediated the session
    (Trend.az, March 1)"."""
    k = tok.left_edge.i - 1
    return k >= 0 and tok.doc[k].text == "(" and ctx.kinds.get(ctx.tok2ent.get(tok.i, "")) == "Outlet"


def _based_in(mod: Token, tok: Token, ctx: Context) -> str | None:
    """The state a "-based" modifier of an actor noun names, as its nationality would: "Pakistan-based
    militants" (not a town: "Gaza-based militants" name no state; nor a firm: "a Kenya-based company")."""
    if mod.lower_ != "based" or not actor_noun(tok, ctx):
        return None
    return next((eid for c in mod.children if c.dep_ in ("npadvmod", "compound")
                 and (eid := ctx.tok2ent.get(c.i)) and ctx.kinds.get(eid) == "State"), None)


def _members_of(tok: Token, first: str | None, ctx: Context) -> list[str]:
    """The groups a member noun's "of" or "from" phrase names: "members of Hamas", "members of the U.S.
    and Afghan forces", "officials from Chile" (not "supporters of" a person)."""
    if first is not None or tok.lemma_.lower() not in MEMBER_NOUNS:
        return []
    return [a for _, o in pobjs(tok, ("of", "from")) for a in actors_of(o, ctx)
            if ctx.kinds.get(a) in ("Organization", "State")]


def _more_nations(tok: Token, ctx: Context) -> list[str]:
    """The states of the nationality adjectives coordinated with the first before an actor noun:
    "Armenian and Azerbaijani forces" are both states' forces."""
    if not actor_noun(tok, ctx):
        return []
    return [s for c in tok.children if c.dep_ in ("amod", "nmod", "compound") for m in c.conjuncts
            if (s := ctx.tok2ent.get(m.i) or demonym_state(m.text, ctx))]  # "U.S. and Cuban delegations"


def _hyphened(tok: Token, ctx: Context) -> list[str]:
    """The state joined to a state's name by a hyphen, which the parser reads as a compound: "Armenia-Iran
    hold talks", "U.S.-China talks" name both."""
    if ctx.kinds.get(ctx.tok2ent.get(tok.i, "")) != "State":
        return []
    return [e for c in tok.children if c.dep_ == "compound" and c.i + 2 == tok.i and tok.nbor(-1).text == "-"
            and ctx.kinds.get(e := ctx.tok2ent.get(c.i, "")) == "State"]


def _more_owners(tok: Token, actor: str | None, ctx: Context) -> list[str]:
    """The actors coordinated with the "of" owner a phrase stands for: "representatives of Chile and
    Peru" are both states'."""
    if tok.i in ctx.tok2ent:
        return []
    owners = [o for _, o in pobjs(tok, ("of",)) if o.i in ctx.tok2ent]
    if not owners or actor != ctx.tok2ent[owners[0].i]:
        return []
    return [a for m in owners[0].conjuncts if (a := actor_of(m, ctx))]


def _listed(tok: Token, ctx: Context) -> list[Token]:
    """The names of a list the parser hung on a name as its apposition: "A, B, C and D" read as A with
    B in apposition (and C, D coordinated with B), also after a description ("the mayor A, the colonel
    B, C and D", "A, wife of B, C and D"). A name in apposition is a list only with names coordinated
    with it ("Kobani, Ayn Arab" is one town)."""
    t2e = ctx.tok2ent
    scope = [tok, *(d for c in tok.children if c.dep_ == "appos" for d in c.subtree)]
    for d in scope:
        for c in d.children:
            if c.dep_ == "appos" and (d.i in t2e or d.dep_ == "appos") and c.i in t2e and c.conjuncts:
                return [c, *c.conjuncts]
    return []


def actors_of(tok: Token | None, ctx: Context) -> tuple[str, ...]:
    """Entity ids of ``tok``'s phrase and of the phrases coordinated with it, in text order."""
    if tok is None:
        return ()
    memo = ctx.actors  # token index -> answer: asked again and again for the same phrases
    if tok.i in memo:
        return memo[tok.i]
    if tok.lower_ == "they":  # (the group it took up, one actor or several)
        memo[tok.i] = _they(tok, ctx)
        return memo[tok.i]
    out: list[str] = []
    named = [c for c in tok.children if c.dep_ == "appos" and c.i in ctx.tok2ent  # "presidents A and B"
             and not _cited(c, ctx)]
    for t in (tok, *tok.conjuncts, *_listed(tok, ctx), *(m for c in named[:1] for m in c.conjuncts)):
        first = actor_of(t, ctx)
        for a in (*_hyphened(t, ctx), first, *_more_nations(t, ctx), *_more_owners(t, first, ctx),
                  *_members_of(t, first, ctx)):
            if a and a not in out:
                out.append(a)
    memo[tok.i] = tuple(out)
    return memo[tok.i]
