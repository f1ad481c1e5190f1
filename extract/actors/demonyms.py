"""A demonym that stands for its state: before a government title or a state's organ ("Iranian Deputy
Foreign Minister", "Azerbaijani forces"), before a state's act ("Russian airstrikes", "the Saudi-led
coalition"), or as the subject or object of a verb ("the Palestinian stabbed", "police detained two
Syrians"), as the field's coders read them.  Other demonyms stay nationalities ("Peruvian farmers").

>>> import spacy
>>> from spacy.tokens import Span
>>> doc = spacy.blank("en")("Iranian forces and Peruvian farmers")
>>> [state_by_demonym(Span(doc, i, i + 1, "NORP")) is not None for i in (0, 3)]
[True, False]
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from newsgraph.extract.actors.mention import Mention
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon import toml
from newsgraph.extract.lexicon.names import title_words

__all__ = ["BODY_NOUNS", "COUNT_NOUNS", "MEMBER_NOUNS", "state_by_demonym"]

#: Words after a demonym that make it stand for its state.
GOV_TITLES = title_words("state_titles")


@cache
def _organs() -> frozenset[str]:
    """Titles and organs of a state: after a demonym, they make it stand for its state."""
    return GOV_TITLES | gz.actor_nouns()


def state_by_demonym(ent: Span) -> Mention | None:
    """A demonym before a government title or a state's organ stands for its state
    ("Iranian Deputy Foreign Minister", "Azerbaijani forces", "Iranian air bases")."""
    code = gz.demonym_code(ent.text)
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    nouns = _organs()

    def organ(tok) -> bool:
        return tok.lower_ in nouns or tok.lemma_.lower() in nouns or _acts(tok)

    if nxt is not None and nxt.pos_ in ("ADJ", "NOUN", "PROPN") and not organ(nxt) \
            and ent.end + 1 < len(ent.doc):
        nxt = ent.doc[ent.end + 1]  # "Iranian air bases", "Azeri sniper fire"
    if not code or not gz.state_name(code) or not (nxt is not None and organ(nxt) or _nationals(ent)):
        return None
    return Mention("State", gz.state_name(code), ("S", code), ent.text, code=code, country=code)


def _acts(tok: Token) -> bool:
    """``tok`` (after a demonym) is a state's act: an event noun ("Russian airstrikes", "the Soviet
    invasion") or the "led" of "-led" ("the Saudi-led coalition"): the state is the one that acts."""
    from newsgraph.extract.events.lexicon import lexicon  # events build on actors: read at call time

    if tok.lower_ in ("-", "\u2013") and tok.i + 1 < len(tok.doc):
        tok = tok.doc[tok.i + 1]
    return tok.lower_ == "led" or tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon().nouns


#: Nouns of the people who make up a group: "members of Hamas" stand for Hamas.
MEMBER_NOUNS = frozenset(toml("nationality.toml")["member_nouns"])
#: Nouns of a body the organisation named before them is: "the Hamas militant group" is Hamas.
BODY_NOUNS = frozenset(toml("nationality.toml")["body_nouns"])
#: Nouns of a number of people: "dozens of Syrians" are Syrians.
COUNT_NOUNS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
                         "millions", "score", "scores", "tens", "number", "handful", "group"})


def _nationals(ent: Span) -> bool:
    """A demonym that is itself the subject or object of a verb, or a number of them is ("thousands of
    Turks were detained"), stands for people of its state, as the field's coders read it ("the
    Palestinian stabbed two officers", "police detained two Syrians")."""
    root = ent.root
    if len(ent) != 1:
        return False
    phrase = root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in COUNT_NOUNS:
        phrase = root.head.head
    return phrase.dep_ in ("nsubj", "nsubjpass", "dobj") and phrase.head.pos_ == "VERB" \
        and (phrase is not root or root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NNS", "NNPS")
             or any(c.dep_ in ("det", "nummod") for c in root.children))  # (a number of them: whatever
    # the tag, people)
