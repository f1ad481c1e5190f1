"""Who a pronoun or a description in an event's argument stands for: "its" the state or body named before
it in the sentence, "he"/"she" and "the deputy minister" through :mod:`newsgraph.extract.actors.coref`,
"the prime minister" the person last given that title in the article, a role noun the person named
right after it ("girlfriend Ana Rojas"), "the two sides" the parties of the last meeting (:data:`GROUP`,
filled in by :mod:`newsgraph.extract.events.mentions`).

>>> import spacy
>>> from newsgraph.extract.events.context import context
>>> doc = spacy.blank("en")("Both sides met.")
>>> pronoun_or_group(doc[1], context(doc, frozenset())) is None   # (no parse: "both" is no child)
True
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.extract import roles
from newsgraph.extract.actors import coref
from newsgraph.extract.actors.context import person_nouns
from newsgraph.extract.actors.demonyms import BODY_NOUNS
from newsgraph.extract.attribution.quotes import quotes
from newsgraph.extract.events.lexicon import lexicon
from newsgraph.extract.events.syntax import by_agent, clause_chain, noun_phrase, saying, subject

if TYPE_CHECKING:  # (the phrases module reads names through this one)
    from newsgraph.extract.events.context import Context

__all__ = ["FIRST_PERSON", "GROUP", "pronoun_or_group", "described", "named_next", "named_body", "quoted_by",
           "quoting"]

GROUP = "<group>"   # marker: "the two sides", "the interlocutors": filled in by the mentions

#: Pronouns of the first person: in a quote, the one quoted ("'We condemn X,' the ministry said").
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})

#: Prepositions whose object is a place, not an antecedent for "its" ("in Afghanistan, during its invasion").
_LOCATIVE = frozenset({"in", "at", "near", "from", "across", "into", "to", "inside", "outside", "around"})


def _its(tok: Token, ctx: Context) -> str | None:
    """The state or organisation "its" stands for: the nearest one named before it in the sentence,
    not as a place ("Israel struck Hamas and its positions": Hamas's; "Russia, a warmonger in
    Afghanistan during its invasion": Russia's)."""
    for t in reversed(ctx.doc[tok.sent.start:tok.i]):
        eid = ctx.tok2ent.get(t.i)
        if eid is None or ctx.kinds.get(eid) not in ("State", "Organization") or t.ent_iob_ == "I":
            continue
        head = t
        while head.dep_ in ("compound", "flat", "amod") and head.head != head:
            head = head.head
        if not (head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE):
            return eid
    return None


def pronoun_or_group(tok: Token, ctx: Context) -> str | None:
    """A pronoun's antecedent; :data:`GROUP` for "the two sides", "both parties"."""
    low = tok.lower_
    if low == "its":
        return _its(tok, ctx)
    if low in coref.GROUP_WORDS and any(c.lower_ in ("two", "both", "the") for c in tok.children):
        return GROUP if tok.tag_ in ("NNS", "NNPS") or low.endswith("s") else None
    return coref.resolve(ctx.doc, tok) if low in coref.PRONOUNS else None


def described(tok: Token, ctx: Context) -> str | None:
    """The person an unnamed title phrase headed by ``tok`` describes: its antecedent nearby ("the
    deputy minister" after "Deputy Minister X"), else the person last given that title in the article
    ("the prime minister repeated" after "Prime Minister X")."""
    return coref.resolve(ctx.doc, tok) or roles.holder(ctx.doc, tok)


def named_next(tok: Token, ctx: Context) -> str | None:
    """The person a role noun stands for when their name follows it, however the parser hung the name:
    "killed cousin Marta Lopez", "arrested opposition leader Ana Rojas"."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    eid = ctx.tok2ent.get(nxt.i) if nxt is not None and nxt.ent_iob_ == "B" else None
    if eid is None or ctx.kinds.get(eid) != "Person":
        return None
    return eid if tok.lower_ in person_nouns() or tok.lemma_.lower() in person_nouns() else None


def named_body(tok: Token, ctx: Context) -> str | None:
    """The organisation a body noun stands for when its phrase names one before it: "the Islamic State
    group", "the Hamas militant group" (not a nationality: "a Syrian rebel group" names no one)."""
    if tok.lemma_.lower() not in BODY_NOUNS:
        return None
    return next((eid for t in noun_phrase(tok) if t.i < tok.i and (eid := ctx.tok2ent.get(t.i))
                 and ctx.kinds.get(eid) == "Organization"), None)


def quoted_by(tok: Token, ctx: Context) -> str | None:
    """The speaker of the quotation ``tok`` stands in, as the quote extractor attributes it (also "...,"
    read the statement" and a quote running over paragraphs), or None."""
    return next((q.speaker for q in quotes(ctx.doc) if q.start <= tok.idx < q.end), None)


def quoting(tok: Token) -> Token | None:
    """Who says the clause ``tok`` is in, when a verb of saying governs it (:func:`.syntax.saying`): the
    subject (or the "by" agent) of that verb, for a first-person pronoun in a quote ("'We condemn X,' the
    ministry said": the ministry); None outside one (a reporter's "we") or when the speaker is "I" too."""
    verb = saying(clause_chain(tok.head, None), lexicon().speech) if tok.head != tok else None
    said = (subject(verb)[0] or by_agent(verb)) if verb is not None else None
    return said if said is not None and said.lower_ not in FIRST_PERSON else None
