"""Who is speaking: the actor a speech or citation verb's subject stands for.

Shared by :mod:`~newsgraph.extract.attribution.quotes` (who said the quoted words) and
:mod:`~newsgraph.extract.attribution.citations` (which source the article cites): the subject of a
verb of saying, a person named in it, a government ("the Armenian government" -> the State), a
document's issuer ("the statement said" -> who issued it), a role holder ("the prime minister"),
a pronoun or description through :mod:`newsgraph.extract.actors.coref`.  The verbs and nouns are
``extract/lexicon/data/speech.toml``.

>>> sorted(vocab())[:3]
['anaphors', 'cite', 'documents']
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsgraph.extract import roles as R
from newsgraph.extract.actors import coref
from newsgraph.extract.attribution.marks import Context
from newsgraph.extract.lexicon import toml
from newsgraph.extract.nlp import docview
from newsgraph.extract.roles import titles as T

_SUBJ = ("nsubj",)
_CLIMB = ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl", "pcomp")
PRONOUNS = {"he", "she", "him", "her"}


@cache
def vocab() -> dict[str, frozenset[str]]:
    """Speech verbs, citation verbs, document, government and anaphor nouns (lemmas)."""
    data = toml("speech.toml")
    return {"speech": frozenset(data["speech"]["verbs"]), "cite": frozenset(data["cite"]["verbs"]),
            **{k: frozenset(v) for k, v in data["nouns"].items()}}


def subject(verb: Token) -> Token | None:
    """The active subject of ``verb`` or of the verb it hangs from ("..., adding that" -> stated)."""
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in _SUBJ]
        if subj:
            return subj[0]
        if v.lemma_ == "read":  # '"...," read the statement'
            obj = [c for c in v.children if c.dep_ in ("dobj", "attr")]
            if obj:
                return obj[0]
        if v.dep_ not in _CLIMB or v.head.i == v.i:
            return None
        v = v.head
    return None


def actor_of(ctx: Context, subj: Token, kinds=("Person", "Organization", "State", "Outlet")) -> str | None:
    """Entity id a subject phrase stands for; descriptions and pronouns through coref."""
    v = vocab()
    if "Person" in kinds:
        people = [e for e in (ctx.entity_of(t) for t in subj.subtree if not ctx.in_quote(t))
                  if ctx.kind(e) == "Person"]
        if people:
            return people[-1]  # "Putin's spokesman Dmitry Peskov": the name closing the phrase
    titled = subj.lower_ in office_words()
    found = [e for e in ctx.actors_in(subj) if ctx.kind(e) in kinds]
    if found and not (titled and "Person" in kinds):  # "the speaker of Parliament X": X, not Parliament
        return found[0]
    lemma = subj.lemma_.lower()
    if lemma in v["governments"]:
        return government(ctx, subj)
    if lemma in v["documents"]:
        return _issuer(ctx, subj)
    eid = R.holder(ctx.doc, subj) if subj.pos_ in ("NOUN", "PROPN") else None
    eid = eid or coref.resolve(ctx.doc, subj)
    if eid is None and subj.lower_ in PRONOUNS:
        eid = _recent_person(ctx, subj)
    return eid if ctx.kind(eid) in kinds else None


@cache
def office_words() -> frozenset[str]:
    """The head word of every office title ("minister", "spokesperson"), for subjects that name an
    office rather than an actor (not :func:`newsgraph.extract.lexicon.names.title_words`, a word list
    of ``titles.toml`` by name)."""
    return frozenset(w for t in T.lexicon()["all"] for w in t.split()[-1:]) | {"official", "spokesman"}


def government(ctx: Context, tok: Token) -> str | None:
    """ "the Armenian government", "Iran's authorities" -> the State."""
    for c in tok.children:
        if c.dep_ == "amod" or (c.dep_ == "compound" and c.ent_type_ == "NORP"):
            st = T.demonym_state(ctx.doc, c.text)
            if st:
                return st.id
        if c.dep_ in ("poss", "compound"):
            eid = ctx.entity_of(c)
            if eid and ctx.kind(eid) == "State":
                return eid
    return None


def _issuer(ctx: Context, tok: Token) -> str | None:
    """Who issued the statement: the latest organisation or State that spoke before it."""
    sents = [s for s in docview.sents(ctx.doc) if s.end <= tok.sent.start][-3:]
    for sent in reversed(sents):
        for t in sent:
            if t.pos_ == "VERB" and t.lemma_ in vocab()["cite"] | vocab()["speech"] and not ctx.in_quote(t):
                s = subject(t)
                eid = actor_of(ctx, s, ("Organization", "State", "Outlet")) if s is not None else None
                if eid:
                    return eid
    return None


def _recent_person(ctx: Context, tok: Token) -> str | None:
    """The latest Person mentioned (outside quotes) in this or the previous sentence."""
    start = tok.sent.start
    prev = [s for s in docview.sents(ctx.doc) if s.end <= start]
    lo = prev[-1].start if prev else start
    for i in range(tok.i - 1, lo - 1, -1):
        m = ctx.ments.get(i)
        if m is not None and ctx.kind(m.kb_id_) == "Person" and not ctx.in_quote(ctx.doc[i]):
            return m.kb_id_
    return None
