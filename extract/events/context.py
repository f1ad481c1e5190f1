"""What the event extractors know of one document: its actor tokens and entities (:class:`Context`),
and the two word tests every phrase reading makes, an actor noun and a nationality adjective.

>>> import spacy
>>> doc = spacy.blank("en")("Chilean forces crossed.")
>>> ctx = Context(doc, tok2ent={}, kinds={"E1": "State"}, states=(("Chile", "E1"),),
...               actor_nouns=frozenset({"forces"}))
>>> actor_noun(doc[1], ctx), demonym_state("Chilean", ctx)
(True, 'E1')
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.extract.actors import coref
from newsgraph.extract.lexicon.names import norm
from newsgraph.extract.lexicon.places import capital
from newsgraph.extract.nlp import docview

__all__ = ["Context", "context", "actor_noun", "demonym_state", "capital_state", "is_capital"]


@dataclass(frozen=True, eq=False)
class Context:
    """What argument finding needs about one document (made by :func:`context`)."""

    doc: Doc
    tok2ent: dict[int, str]                    # token index -> entity id of its actor span
    kinds: dict[str, str]                      # entity id -> kind (Person, State, Location, ...)
    states: tuple[tuple[str, str], ...]        # (name or form, entity id) of State/Location entities
    actor_nouns: frozenset[str]                # "forces", "side": a demonym before them names a state
    actors: dict[int, tuple[str, ...]] = field(default_factory=dict)   # memo of actors_of, by token index
    countries: dict[str, str] = field(default_factory=dict)   # entity id -> ISO code of its state


def context(doc: Doc, actor_nouns: frozenset[str]) -> Context:
    """What argument finding needs about ``doc``: token -> entity id, entity records, lexicon.

    ``actor_nouns``: :func:`newsgraph.extract.lexicon.gazetteer.actor_nouns` (made once, not per doc)."""
    tok2ent: dict[int, str] = {}
    for ent in docview.ents(doc):
        if ent.kb_id_:
            for i in range(ent.start, ent.end):
                tok2ent[i] = ent.kb_id_
    ents = tuple(doc._.ng_entities) if doc.has_extension("ng_entities") else ()
    states = tuple((f, e.id) for e in ents if e.kind in ("State", "Location") for f in (e.name, *e.forms))
    countries = {e.id: c for e in ents if (c := e.code if e.kind == "State" else e.country)}
    return Context(doc, tok2ent, {e.id: e.kind for e in ents}, states, actor_nouns, countries=countries)


def actor_noun(tok: Token, ctx: Context) -> bool:
    """Whether ``tok`` is a noun naming an actor by its kind ("forces", "the side", "militants")."""
    return bool({tok.lemma_.lower(), tok.lower_, tok.lower_.removesuffix("s")} & ctx.actor_nouns)


def demonym_state(word: str, ctx: Context) -> str | None:
    """The article's State/Location entity a nationality adjective names, if any."""
    for form, eid in ctx.states:
        if coref.demonym_matches(word, form):
            return eid
    return None


def is_capital(eid: str, ctx: Context) -> bool:
    """Whether the Location ``eid`` is its country's capital by one of its names ("Baku")."""
    seat = capital(ctx.countries.get(eid))
    return ctx.kinds.get(eid) == "Location" and bool(seat) and any(
        e == eid and norm(form) == seat for form, e in ctx.states)


def capital_state(eid: str, ctx: Context) -> str | None:
    """The article's State whose capital the Location ``eid`` is ("Baku's forces" are Azerbaijan's), if
    the article names that State."""
    if not is_capital(eid, ctx):
        return None
    code = ctx.countries[eid]
    return next((e for e, c in ctx.countries.items() if c == code and ctx.kinds.get(e) == "State"), None)
