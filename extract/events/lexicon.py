"""The event trigger lexicon (``extract/lexicon/data/events.toml``) compiled into lookup tables.

>>> lex = lexicon()
>>> lex["verbs"]["condemn"], lex["pairs"][("summon", "ambassador")], "meet" in lex["known"]
('ACCUSE', 'ACCUSE', True)
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsgraph.extract.lexicon import toml

__all__ = ["lexicon", "verb_lemma"]


@cache
def lexicon() -> dict:
    """The trigger lexicon, compiled into lookup tables (loaded once)."""
    raw = toml("events.toml")
    lex: dict = {key: {} for key in ("verbs", "actor_object", "owner_object", "prep", "pairs", "nouns",
                                     "phrases", "exclude")}
    lex["general"] = raw.get("general", {})
    for etype, block in raw.items():
        if etype == "general":
            continue
        for key in ("verbs", "actor_object", "owner_object", "nouns"):
            for lemma in block.get(key, ()):
                lex[key].setdefault(lemma, etype)
        for lemma, preps in block.get("prep", {}).items():
            lex["prep"].setdefault(lemma, []).append((etype, frozenset(preps)))
        for verb, obj in block.get("pairs", ()):
            lex["pairs"].setdefault((verb, obj), etype)
        for phrase in block.get("phrases", ()):
            lex["phrases"].setdefault(tuple(phrase.split()), etype)
        for verb, objs in block.get("exclude", {}).items():
            lex["exclude"][(etype, verb)] = frozenset(objs)
    for key in ("light", "occur", "speech", "topic_verbs", "measure", "local"):
        lex[key] = frozenset(lex["general"].get(key, ()))
    lex["phrase_ends"] = {}  # last lemma -> [(phrase, type)], in lexicon order
    for phrase, etype in lex["phrases"].items():
        lex["phrase_ends"].setdefault(phrase[-1], []).append((phrase, etype))
    lex["triggers"] = frozenset(lex["verbs"]) | set(lex["actor_object"]) | set(lex["owner_object"]) \
        | set(lex["prep"]) | {v for v, _ in lex["pairs"]}
    lex["known"] = lex["triggers"] | lex["light"] | lex["occur"]
    lex["noun_words"] = frozenset(lex["nouns"]) | set(lex["phrase_ends"])
    return lex


def verb_lemma(tok: Token, lex: dict) -> str:
    """The lemma of a verb as the lexicon spells it: the rule lemmatizer cuts a silent "e"
    off verbs it does not list ("staged" -> "stag"), so "stag" is read as "stage".

    >>> import spacy
    >>> verb_lemma(spacy.blank("en")("stag")[0], {"known": frozenset({"stage"})})
    'stage'
    """
    lemma = (tok.lemma_ or tok.lower_).lower()
    return lemma + "e" if lemma not in lex["known"] and lemma + "e" in lex["known"] else lemma
