"""A meeting told as the scene of a clause ("before a meeting", "on the sidelines of talks",
:func:`scene_prep`), and who took part in it: the clause's subject, a passive's agent,
its objects and whom they are "with" ("A greets B before a meeting", "A is shown the way by B after
their meeting"), and, where the parser read no clause, the people a photo caption lists with "and"
("President A, right, and President B arrive for their meeting").

>>> import spacy
>>> from spacy.tokens import Doc
>>> from newsgraph.extract.events.context import Context
>>> words = ["Tom", "Varga", "and", "Ana", "Rojas", "arrive", "for", "their", "meeting"]
>>> pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "NOUN", "ADP", "PRON", "NOUN"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, sent_starts=[True] + [False] * 8)
>>> people = {"E1": "Person", "E2": "Person"}
>>> ctx = Context(doc, {0: "E1", 1: "E1", 3: "E2", 4: "E2"}, people, (), frozenset())
>>> clause_parties(doc[8], ctx)
['E1', 'E2']
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.context import Context
from newsgraph.extract.events.lexicon import lexicon
from newsgraph.extract.events.modality import object_modality
from newsgraph.extract.events.phrases import actors_of
from newsgraph.extract.events.syntax import ahead, pobjs, subject

__all__ = ["SCENE_PREPS", "clause_parties", "host", "joined_people", "scene_prep"]

#: Prepositions that set an event noun as the scene of its clause ("greeted X before a meeting").
SCENE_PREPS = ("after", "before", "during", "following", "in")
#: Nouns of a part of an event's time, read as the preposition they amount to ("on the sidelines of a
#: meeting": during it; "on the eve of the talks": before them), and the prepositions that take them.
_SCENE_PARTS = {"sideline": "during", "margin": "during", "start": "during", "beginning": "during",
                "opening": "during", "outset": "during", "end": "after", "close": "after",
                "conclusion": "after", "eve": "before"}
_PART_PREPS = frozenset({"on", "at", "in", "during", "after", "before", "following"})


def scene_prep(n: Token) -> str | None:
    """The preposition of the scene phrase whose object is ``n``, "ahead of" and "prior to" read as
    "before"; None when ``n`` is not the object of one.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["left", "ahead", "of", "talks"], heads=[0, 0, 1, 2],
    ...           deps=["ROOT", "advmod", "prep", "pobj"])
    >>> scene_prep(doc[3])
    'before'
    >>> doc = Doc(doc.vocab, words=["spoke", "on", "the", "sidelines", "of", "talks"],
    ...           heads=[0, 0, 3, 1, 3, 4], deps=["ROOT", "prep", "det", "pobj", "prep", "pobj"],
    ...           lemmas=["", "", "", "sideline", "", ""])
    >>> scene_prep(doc[5])
    'during'
    """
    if n.dep_ != "pobj":
        return None
    if ahead(n.head):
        return "before"
    part = n.head.head
    if n.head.lower_ == "of" and part.dep_ == "pobj" and part.head.lower_ in _PART_PREPS \
            and part.lemma_.lower() in _SCENE_PARTS:
        return _SCENE_PARTS[part.lemma_.lower()]
    return n.head.lower_ if n.head.lower_ in SCENE_PREPS else None


def clause_parties(n: Token, ctx: Context) -> list[str]:
    """The parties of the clause a noun phrase sits in, up its prepositions: the subject, a passive's
    agent, the objects and whom they are "with" ("A greets B before a meeting", "A walks with B upon her
    arrival to their meeting", "A shakes hands with B at their talks", "A is shown the way by B after
    their meeting")."""
    verb = _clause_head(n)
    if verb.pos_ not in ("VERB", "AUX"):  # (a caption the parser reads as one noun phrase)
        return joined_people(n, ctx) or (_people_before(n, ctx) if _meeting_word(verb) else [])
    subj, passive = subject(verb)
    found = list(actors_of(subj, ctx))
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    found += [a for o in objs for a in actors_of(o, ctx)]
    preps = ("with", "by") if passive else ("with",)  # ("A is shown the way by B", the "by" on "way")
    found += [a for h in (verb, *objs) for _, o in pobjs(h, preps) for a in actors_of(o, ctx)]
    if len(found) < 2:
        found += joined_people(n, ctx)  # (a caption whose verb the parser did not read)
    return list(dict.fromkeys(found))


#: How a meeting noun may hang below the verb whose subject took part in it: as its object, or inside
#: the phrases of the clause ("attended a meeting with X", "came as part of a meeting with X").
_BELOW = frozenset({"dobj", "pobj", "prep", "attr", "oprd", "dative"})
#: Types of a verb by which the subject judges a meeting rather than holds it ("condemned the talks with X").
_JUDGING = frozenset({"ACCUSE", "REJECT", "PROTEST", "THREATEN"})


def host(n: Token, ctx: Context) -> list[str]:
    """Who held a meeting noun with the party its "with" phrase names: the subject of the clause the
    noun is an object in ("A attended a meeting with B", "A described the call with B", "A spoke as part
    of a meeting with B"), or of a clause on the noun ("a conversation A had with B").  Nobody when the
    noun is its clause's subject ("the call with B angered C"), has a named owner ("C's talks with B")
    or the verb judges it ("A condemned the talks with B")."""
    for c in n.children:  # "a phone conversation he had with Obama"
        if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX") and pobjs(c, ("with",)):
            withs = [a for _, o in pobjs(c, ("with",)) for a in actors_of(o, ctx)]
            return [*actors_of(subject(c)[0], ctx), *withs]
    if not any(actors_of(o, ctx) for _, o in pobjs(n, ("with",))) \
            or any(c.dep_ == "poss" and c.pos_ != "PRON" for c in n.children):
        return []
    verb = _clause_head(n, through=_BELOW)
    if verb.pos_ not in ("VERB", "AUX") or lexicon().verbs.get(verb.lemma_.lower()) in _JUDGING \
            or object_modality(n) is not None:
        return []  # ("requested a meeting with B": no meeting yet, and A's request is its own event)
    return list(actors_of(subject(verb)[0], ctx))


def _clause_head(n: Token, through: frozenset[str] | None = None) -> Token:
    """The verb above ``n``, up at most five heads (only through the relations ``through``, when given);
    else the last word reached."""
    t = n
    for _ in range(5):
        if t.pos_ in ("VERB", "AUX") or t.head == t or through is not None and t.dep_ not in through:
            break
        t = t.head
    return t


def _meeting_word(t: Token) -> bool:
    """Whether ``t``, which the parser read as a noun, is a verb of meeting in a caption's present tense
    ("A greets B before a meeting": "greets" tagged as a plural noun)."""
    lex = lexicon()
    lemma = t.lower_.removesuffix("s") if t.tag_ == "NNS" else t.lemma_.lower()
    return "CONSULT" in (lex.verbs.get(lemma), lex.actor_object.get(lemma))


def _people_before(n: Token, ctx: Context) -> list[str]:
    """The persons a sentence names before ``n``."""
    return list(dict.fromkeys(e for t in ctx.doc[n.sent.start:n.i] if (e := ctx.tok2ent.get(t.i))
                              and ctx.kinds.get(e) == "Person"))


#: Words that may stand between "and" and the next person of a caption's list ("and Syrian President").
_TITLE_POS = frozenset({"PROPN", "ADJ", "NOUN", "DET", "PUNCT"})


def joined_people(n: Token, ctx: Context) -> list[str]:
    """The people a sentence lists with "and" before ``n``, whatever the parse makes of the clause: a
    photo caption "President A, right, and President B arrive for their meeting" (the parser often
    reads no verb there).  Nobody unless the last two are joined by "and" with only titles after it."""
    people: list[tuple[str, int]] = []
    for t in ctx.doc[n.sent.start:n.i]:
        eid = ctx.tok2ent.get(t.i)
        if eid and ctx.kinds.get(eid) == "Person" and (not people or people[-1][0] != eid):
            people.append((eid, t.i))
    if len(people) < 2:
        return []
    ands = [t for t in ctx.doc[people[-2][1]:people[-1][1]] if t.lower_ == "and"]
    if not ands or any(t.pos_ not in _TITLE_POS for t in ctx.doc[ands[-1].i + 1:people[-1][1]]) \
            or any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[people[0][1]:people[-1][1]]):
        return []
    return list(dict.fromkeys(eid for eid, _ in people))
