"""Statements of alliance: "Russia is our closest ally", "Peru is a strategic partner of Chile" said of a
state or a body by someone (PLOVER SUPPORT, CAMEO 051 praise or endorse). The one called an ally is the
target; the agent is who says so, the speaker of the clause. Told by the reporter alone, the sentence
is background ("China is North Korea's main ally"), no event.

The nouns come from ``allies`` in ``lexicon/data/senses.toml``; a business partner "at" a firm and a
person called a friend are no alliance.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Peru", "is", "an", "ally", "of", "Chile"],
...           heads=[1, 1, 3, 1, 3, 4], deps=["nsubj", "ROOT", "det", "attr", "prep", "pobj"],
...           lemmas=["Peru", "be", "an", "ally", "of", "Chile"])
>>> ctx = Context(doc, {0: "E1", 5: "E2"}, {"E1": "State", "E2": "State"}, (), frozenset())
>>> ally_noun(doc[3], ctx), ally_noun(doc[0], ctx)
(True, False)
>>> alliance(doc[3], ctx, frozenset()) is None   # nobody says so
True
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.arguments import attributed_to
from newsgraph.extract.events.context import Context
from newsgraph.extract.events.phrases import actors_of
from newsgraph.extract.events.syntax import pobjs, subject
from newsgraph.extract.lexicon import toml

__all__ = ["ally_noun", "alliance"]

_ALLIES = frozenset(toml("senses.toml")["allies"])
_BODIES = ("State", "Organization")


def _called(n: Token, ctx: Context) -> tuple[str, ...]:
    """The states and bodies the copula whose complement is ``n`` says it of."""
    return tuple(a for a in actors_of(subject(n.head)[0], ctx) if ctx.kinds.get(a) in _BODIES)


def ally_noun(n: Token, ctx: Context) -> bool:
    """Whether ``n`` calls a state or a body an ally: an ally noun complementing "be" said of one, not
    a partner "at" or "in" a firm."""
    return n.lemma_.lower() in _ALLIES and n.dep_ == "attr" and n.head.lemma_.lower() == "be" \
        and not pobjs(n, ("at", "in")) and bool(_called(n, ctx))


def alliance(n: Token, ctx: Context, speech: frozenset[str]) -> tuple[tuple[str, ...], ...] | None:
    """(agents, targets, participants) of the statement whose ally noun is ``n`` (``speech``: the verbs
    of saying), or None when no one is told to say it."""
    targets = _called(n, ctx)
    speaker = attributed_to(n, n.head, ctx, speech)
    return ((speaker,), targets, ()) if speaker and speaker not in targets else None
