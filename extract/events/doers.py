"""Happenings told by the name of their doer: "Kennedy's assassin, Lee Oswald", "X, the killer of Y",
"McKinley assassin Leon Czolgosz".  A doer noun (:data:`DOERS`, data in ``senses.toml``) with a named
victim -- its owner, its "of" phrase or a name compounded before it -- is an assault on that victim;
the person it describes (an apposition, the name it stands before, or "X was the killer of Y") did it.

>>> import spacy
>>> from spacy.tokens import Doc
>>> from newsgraph.extract.events.context import Context
>>> doc = Doc(spacy.blank("en").vocab, words=["Ray", ",", "the", "killer", "of", "King"],
...           heads=[0, 0, 3, 0, 3, 4], deps=["ROOT", "punct", "det", "appos", "prep", "pobj"],
...           pos=["PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN"],
...           lemmas=["Ray", ",", "the", "killer", "of", "King"])
>>> ctx = Context(doc, {0: "E1", 5: "E2"}, {"E1": "Person", "E2": "Person"}, (), frozenset())
>>> [(n.text, agents, targets) for n, agents, targets in doers(doc[:], ctx)]
[('killer', ('E1',), ('E2',))]
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsgraph.extract.events.context import Context
from newsgraph.extract.events.phrases import actors_of
from newsgraph.extract.events.senses import DOERS
from newsgraph.extract.events.syntax import pobjs, subject

__all__ = ["doers"]

Ids = tuple[str, ...]


def doers(sent: Span, ctx: Context) -> Iterator[tuple[Token, Ids, Ids]]:
    """(doer noun, agents, targets) of each doer noun of ``sent`` that names its victim."""
    for n in sent:
        if n.pos_ not in ("NOUN", "PROPN") or n.lemma_.lower() not in DOERS:
            continue
        agents = _described(n, ctx)
        targets = tuple(v for v in _victims(n, ctx) if v not in agents)
        if targets:
            yield n, agents, targets


def _victims(n: Token, ctx: Context) -> Ids:
    """Whom the doer noun ``n`` did it to: "Kennedy's assassin", "the killer of Y", "King assassin"."""
    owners = [c for c in n.children if c.dep_ == "poss"]  # ("McKinley's assassin Leon C.": on the name)
    owners += [c for c in n.head.children if c.dep_ == "poss"] if n.dep_ == "compound" else []
    out = [a for c in owners for a in actors_of(c, ctx)]
    out += [a for _, o in pobjs(n, ("of",)) for a in actors_of(o, ctx)]
    out += [e for c in n.children if c.dep_ == "compound" and (e := ctx.tok2ent.get(c.i))
            and ctx.kinds.get(e) == "Person"]
    before = ctx.tok2ent.get(n.i - 1) if n.i > n.sent.start else None  # a name right before it, however
    out += [before] if before is not None and ctx.kinds.get(before) == "Person" else []  # it is parsed
    return tuple(dict.fromkeys(out))


def _described(n: Token, ctx: Context) -> Ids:
    """The person the doer noun ``n`` describes: "X, the killer of Y" (an apposition either way), "assassin
    Leon C." (the name it stands before, or right after it, a comma between), "X was the killer of Y"."""
    if n.dep_ == "appos" or n.dep_ == "compound" and n.head.i in ctx.tok2ent:
        return _people(n.head, ctx)
    found = [a for c in n.children if c.dep_ == "appos" for a in _people(c, ctx)]
    if n.dep_ == "attr":
        found += _people(subject(n.head)[0], ctx)
    doc = n.doc
    after = n.i + 2 if n.i + 2 < len(doc) and doc[n.i + 1].text == "," else n.i + 1
    if not found and after < len(doc) and (e := ctx.tok2ent.get(after)) and ctx.kinds.get(e) == "Person":
        found.append(e)
    return tuple(dict.fromkeys(found))


def _people(tok: Token | None, ctx: Context) -> Ids:
    return tuple(a for a in actors_of(tok, ctx) if ctx.kinds.get(a) == "Person")
