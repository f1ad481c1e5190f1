"""Who an "including X" or "such as X" list names: the actors of a list told as examples of a group
("dozens of activists were arrested, including A, B and C", "critics such as A and B", "a group that
included A").

The parser often hangs a long list on one of its own members ("including A, wife of the poet B, C and
D" read as B's apposition), so "including" lists are read on the surface too: every person, body or
state in the list's words, by comma or "and" segment, except one named inside an "of" phrase of its
segment ("wife of the poet B": B is not listed).

>>> import spacy
>>> from spacy.tokens import Doc
>>> from newsgraph.extract.events.context import Context
>>> words = ["arrested", "including", "Rojas", ",", "wife", "of", "Varga", ",", "and", "Khan"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 1, 2, 2, 4, 5, 6, 6, 6],
...           deps=["ROOT", "prep", "pobj", "punct", "appos", "prep", "pobj", "punct", "cc", "conj"])
>>> people = {e: "Person" for e in ("E1", "E2", "E3")}
>>> ctx = Context(doc, {2: "E1", 6: "E2", 9: "E3"}, people, (), frozenset())
>>> included(doc[0], [], ctx)
['E1', 'E3']
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.context import Context
from newsgraph.extract.events.phrases import actors_of
from newsgraph.extract.events.syntax import pobjs

__all__ = ["included"]

_LISTED_KINDS = ("Person", "Organization", "State")
_SEPARATORS = (",", ";", "and", "or")


def included(verb: Token, phrases: list[Token], ctx: Context) -> list[str]:
    """The actors of an "including X" or "such as X" phrase on ``verb`` or on one of ``phrases``
    ("dozens of activists, including X", "critics such as A and B"), and of a group "that included X"."""
    heads = list(dict.fromkeys([verb, *phrases, *(o for p in phrases for _, o in pobjs(p, ("of",)))]))
    listed = [o for h in heads for prep, o in pobjs(h, ("including", "as"))
              if prep == "including" or _such(o.head)]
    listed += [o for h in heads if h.pos_ == "NOUN" for c in h.children if c.dep_ == "relcl"
               and c.lemma_.lower() == "include" for o in c.children if o.dep_ == "dobj"]
    found = [a for o in listed for a in actors_of(o, ctx)]
    found += [a for o in listed if o.head.lower_ == "including" for a in _surface(o, ctx)]
    return list(dict.fromkeys(found))


def _surface(o: Token, ctx: Context) -> list[str]:
    """The actors an "including" list names in its words, segment by segment, but not one inside an
    "of" phrase of its segment."""
    out: list[str] = []
    of_seen = False
    for t in ctx.doc[o.i:max(t.i for t in o.subtree) + 1]:
        if t.lower_ in _SEPARATORS:
            of_seen = False
        elif t.lower_ == "of":
            of_seen = True
        elif (eid := ctx.tok2ent.get(t.i)) and ctx.kinds.get(eid) in _LISTED_KINDS and not of_seen:
            out.append(eid)
    return list(dict.fromkeys(out))


def _such(prep: Token) -> bool:
    """``prep`` is the "as" of "such as"."""
    return any(c.lower_ == "such" for c in prep.children) or prep.i > 0 and prep.nbor(-1).lower_ == "such"
