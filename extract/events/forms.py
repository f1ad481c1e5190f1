"""The form of a verb: "to" infinitive, gerund, past participle heading a clause of its own, passive
voice; and the tagger's misreadings of form (a plural noun read as a verb, a caption's verb read as a
noun).

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["X", "was", "seized"], heads=[2, 2, 2],
...           deps=["nsubjpass", "auxpass", "ROOT"], tags=["NNP", "VBD", "VBN"])
>>> passive(doc[2]), auxpass(doc[2]), infinitive(doc[2])
(True, True, False)
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["auxpass", "bare_participle", "gerund", "infinitive", "mistagged_noun", "mistagged_verb",
           "passive", "reduced_passive"]


def infinitive(v: Token) -> bool:
    """Whether the verb ``v`` is a "to" infinitive ("vowed to destroy", "powers to arrest").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["to", "arrest"], heads=[1, 1], deps=["aux", "ROOT"])
    >>> infinitive(doc[1]), infinitive(doc[0])
    (True, False)
    """
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def gerund(v: Token) -> bool:
    """Whether the verb ``v`` is a gerund, a perfect one too ("of having killed Y").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["having", "killed"], heads=[1, 1], deps=["aux", "ROOT"],
    ...           tags=["VBG", "VBN"])
    >>> gerund(doc[1])
    True
    """
    return v.tag_ == "VBG" or v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "having"
                                                     for c in v.children)


def reduced_passive(v: Token) -> bool:
    """A participle with no auxiliary read by the parser as a finite verb: with a by-agent ("a drone shot
    down by a jet was found": the drone was shot), or without an object, set off by a comma or heading a
    headline ("Two officers, killed in an attack, were buried"; "Five soldiers killed in ambush")."""
    if v.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return False
    if any(c.dep_ == "agent" for c in v.children):
        return True
    return v.tag_ == "VBN" and not any(c.dep_ in ("dobj", "dative", "ccomp") for c in v.children) \
        and (v.i > 0 and v.nbor(-1).text == "," or v.dep_ == "ROOT")


def bare_participle(v: Token) -> bool:
    """A past participle heading a clause of its own with no auxiliary and no subject: "if convicted",
    "once released", "asked about it" (the main clause's subject is the one it happens to)."""
    return v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj")
                                       for c in v.children)


def auxpass(v: Token) -> bool:
    """Whether ``v`` has a passive auxiliary ("was seized")."""
    return any(c.dep_ == "auxpass" for c in v.children)


def passive(v: Token) -> bool:
    """A passive verb or participle, its object elsewhere ("after being captured", "a man seized by")."""
    return auxpass(v) or any(c.dep_ == "agent" for c in v.children) or v.dep_ == "acl" and v.tag_ == "VBN"


_NOUN_DEPS = ("pobj", "dobj", "nsubj", "nsubjpass")


def mistagged_noun(tok: Token) -> bool:
    """A finite verb in a place only a noun fills: a plural noun the tagger read as a verb ("killed in
    government airstrikes"); participles there stay verbs ("the injured")."""
    return tok.dep_ in _NOUN_DEPS and tok.tag_ in ("VBZ", "VBP", "VBD", "VB")


def mistagged_verb(tok: Token) -> bool:
    """A noun the parser gave a subject and an object, or a subject as the sentence's head, as it does a
    verb: the present tense of a photo caption tagged as a noun ("Police arrest X during a protest", "A
    woman protests against child marriage in Lagos")."""
    deps = {c.dep_ for c in tok.children}
    return tok.pos_ in ("NOUN", "PROPN") and "nsubj" in deps and ("dobj" in deps or tok.dep_ == "ROOT")
