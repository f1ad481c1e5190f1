"""Whom a clause of blame lays a happening on: "blamed the attack on X", "attributed the blast to X",
"accused X of the bombing", "X was charged with the killing", "X was found guilty of the murder", "X is
serving a sentence for the murder", "accused X of abuses, including by jailing Y".

The verbs and words of guilt come from ``lexicon/data/senses.toml``.

>>> import spacy
>>> from spacy.tokens import Doc
>>> from newsgraph.extract.events.context import Context
>>> doc = Doc(spacy.blank("en").vocab, words=["They", "blamed", "attacks", "on", "Hamas"],
...           heads=[1, 1, 1, 1, 3], deps=["nsubj", "ROOT", "dobj", "prep", "pobj"],
...           lemmas=["they", "blame", "attack", "on", "Hamas"])
>>> blamed(doc[2], Context(doc, {4: "E1"}, {"E1": "Organization"}, (), frozenset()))
('E1',)
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.context import Context, actor_noun
from newsgraph.extract.events.owners import owner_of
from newsgraph.extract.events.phrases import actors_of
from newsgraph.extract.events.senses import BEARING, BLAMING, CULPABLE, LAYING
from newsgraph.extract.events.syntax import by_agent, pobjs, subject

__all__ = ["blame_phrase", "blamed", "laid_on"]

Ids = tuple[str, ...]


def blamed(trig: Token, ctx: Context) -> Ids:
    """Whom a verb of blaming lays the noun's happening on: "blamed the attack on X", "attributed the
    blast to X", "blamed X for the attack", "accused X of the bombing", "X was charged with the killing"."""
    gov = trig.head
    if trig.dep_ == "dobj" and gov.lemma_.lower() in BLAMING:
        return tuple(a for o in blame_phrase(trig) for a in actors_of(o, ctx))
    if trig.dep_ == "pcomp" and gov.lower_ == "by":  # "accused X of abuses, including by jailing Y"
        while gov.dep_ == "conj" and gov.head.lower_ == "by":  # "including by A-ing and by jailing Y"
            gov = gov.head
        listed = gov.head.lower_ == "including"  # (hung on the verb of blaming, the "of" phrase's own)
        up = gov.head.head if listed else gov.head
        if listed and up.lemma_.lower() not in BLAMING:  # (hung higher: "released a report accusing X of
            up = next((t for t in reversed(list(up.subtree)) if t.i < gov.i  # abuses, including by ...")
                       and t.lemma_.lower() in BLAMING and any(c.dep_ == "dobj" for c in t.children)), up)
        if up.tag_ == "VBG" and up.dep_ == "pcomp" or listed and up.dep_ == "pobj":
            return blamed(up, ctx)  # "accused X of violating rights by jailing Y": X jails
        return tuple(a for c in up.children if c.dep_ == "dobj" for a in actors_of(c, ctx)) \
            if listed and up.lemma_.lower() in BLAMING else ()  # (not "punished X by cutting aid")
    if trig.dep_ not in ("pobj", "pcomp") or gov.lower_ not in ("for", "of", "with"):
        return ()  # (a gerund too: "X was jailed for attacking Y")
    verb = _guilt(gov.head)
    if verb.lemma_.lower() in CULPABLE:
        return actors_of(_culprit(verb), ctx)
    borne = verb.head if verb.dep_ == "dobj" else verb  # ("faces trial for the bombing": "for" on "trial")
    if borne.lemma_.lower() in BEARING and gov.lower_ == "for":  # "X is serving a sentence for the murder"
        return actors_of(subject(borne)[0], ctx)
    if verb.dep_ == "dobj" and verb.head.lemma_.lower() in BLAMING:
        return actors_of(verb, ctx)  # ("accused X of the bombing" with "of" hung on X)
    if verb.lemma_.lower() not in BLAMING:
        return ()
    subj, passive = subject(verb)
    if passive:
        return actors_of(subj, ctx)
    return tuple(a for c in verb.children if c.dep_ == "dobj" for a in actors_of(c, ctx))


def blame_phrase(trig: Token) -> list[Token]:
    """The "on/to X" a verb of blaming lays its object's happening on: on the verb, else on the noun when
    the parser hangs it there ("blamed the attack on militants"), not a target of the happening.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["They", "blamed", "attacks", "on", "rebels"],
    ...           heads=[1, 1, 1, 2, 3], deps=["nsubj", "ROOT", "dobj", "prep", "pobj"],
    ...           lemmas=["they", "blame", "attack", "on", "rebel"])
    >>> [t.text for t in blame_phrase(doc[2])]
    ['rebels']
    """
    gov = trig.head
    if trig.dep_ != "dobj" or gov.lemma_.lower() not in BLAMING:
        return []
    return [o for _, o in pobjs(gov, ("on", "to")) or pobjs(trig, ("on", "to"))]


def laid_on(verb: Token, ctx: Context) -> Ids | None:
    """Whom "blame" or "attribute" lays something that is no actor on, when the parser's phrases mislead:
    the "on X" wherever it hangs ("blamed her loss to Y on X": not Y, whom she lost to), else the "by X"
    of what is blamed "for" a happening ("blamed two letters by X for her defeat"); None otherwise."""
    if verb.lemma_.lower() not in LAYING:
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in ctx.tok2ent
            and not actor_noun(c, ctx)]  # a thing: "her loss", "two letters"
    ons = [o for t in verb.subtree if t.i >= verb.i for _, o in pobjs(t, ("on",))] if objs else []
    if ons:
        return tuple(dict.fromkeys(a for o in ons for a in actors_of(o, ctx) or owner_of(o, ctx)))
    if objs and pobjs(verb, ("for",)):
        return actors_of(by_agent(verb), ctx) or owner_of(objs[0], ctx)
    return None


def _guilt(head: Token) -> Token:
    """The word of guilt a "for/of/with" phrase hangs on, if any, else ``head``: "found guilty of homicide
    for killing Y" ("for" on "homicide" or on "found")."""
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.head.lemma_.lower() in CULPABLE:
        return head.head.head
    return next((c for c in head.children if c.dep_ in ("oprd", "acomp", "ccomp")
                 and c.lemma_.lower() in CULPABLE), head)


def _culprit(adj: Token) -> Token | None:
    """Who a word of guilt is said of: "X is responsible", "X was found guilty", "found X guilty",
    "the group responsible"."""
    held = next((c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if held is not None:
        return held
    return adj.head if adj.dep_ == "amod" else subject(adj.head)[0]
