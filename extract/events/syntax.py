"""Where the dependency parse puts an event's parties: subjects, by-agents, prepositional objects,
noun phrases and the chain of clauses above a trigger.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Chile", "was", "attacked", "by", "Peru", "in", "Arica"],
...           heads=[2, 2, 2, 2, 3, 2, 5],
...           deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "prep", "pobj"],
...           pos=["PROPN", "AUX", "VERB", "ADP", "PROPN", "ADP", "PROPN"])
>>> subject(doc[2]), by_agent(doc[2]), pobjs(doc[2], ("by", "in"))
((Chile, True), Peru, [('by', Peru), ('in', Arica)])
>>> clause_chain(doc[4], None), noun_phrase(doc[0])
([Peru, by], [Chile])
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.actors.context import aged
from newsgraph.extract.events.forms import auxpass, bare_participle, gerund, infinitive, reduced_passive
from newsgraph.extract.lexicon import toml
from newsgraph.extract.nlp import docview

__all__ = ["GERUND_PREPS", "OBJECT_CONTROL", "ahead", "lemmas", "objects", "prep_objects",
           "noun_phrase", "pobjs", "subject", "by_agent", "clause_chain"]

#: Prepositions whose gerund shares the subject of the clause ("opened wounds by blaming X").
GERUND_PREPS = ("by", "after", "before", "while", "without", "upon", "since")
_DATA = toml("senses.toml")  # the word lists, as data: ``lexicon/data/senses.toml``
#: "urged X to leave": X leaves ("called X to offer": the caller offers; "called on X to": X does)
OBJECT_CONTROL = frozenset(_DATA["object_control"])
#: Nouns whose owner does what their infinitive says: "the IRA's decision to carry out the attacks".
SUBJECT_CONTROL_NOUNS = frozenset(_DATA["subject_control_nouns"])
#: Nouns of a message, whose participle tells what it asks or says ("a call inviting X").
MESSAGE_NOUNS = frozenset(_DATA["message_nouns"])
#: Verbs of seeing or showing whose object does what the participle says ("a video showed X shooting Y").
PERCEIVING = frozenset(_DATA["perceiving"])
_CLIMB = ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl", "pobj", "prep", "dobj", "nsubjpass",
          "attr")
_NP = ("compound", "amod", "poss", "nmod", "appos", "prep", "pobj", "flat", "det", "nummod")


def lemmas(toks) -> set[str]:
    """The lemmas and lower-case forms of ``toks``."""
    return {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}


def objects(v: Token) -> list[Token]:
    """The direct objects and passive subjects of ``v``."""
    return [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]


def prep_objects(v: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the prepositions ``preps`` (and of a "by" agent) on ``v``."""
    return [o for _, o in pobjs(v, preps) if o.dep_ == "pobj" and o.head.dep_ != "prt"]


def noun_phrase(tok: Token) -> list[Token]:
    """Tokens of the noun phrase of ``tok`` without clauses and coordinated phrases."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ in _NP and not (c.dep_ == "prep" and c.lower_ != "of")]
    return sorted(out, key=lambda t: t.i)


def pobjs(tok: Token, preps) -> list[tuple[str, Token]]:
    """(preposition, object) of the prepositions ``preps`` hanging on ``tok``."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "prt", "agent") and c.lower_ in preps:
            out += [(c.lower_, o) for o in c.children if o.dep_ in ("pobj", "pcomp")]
    return out


def ahead(prep: Token) -> bool:
    """``prep`` is the "of" of "ahead of" or the "to" of "prior to"."""
    return (prep.lower_, prep.head.lower_) in (("of", "ahead"), ("to", "prior"))


def _controller(v: Token) -> Token | None:
    """The object that controls the subject of an xcomp: "urged X to leave" -> X leaves."""
    on = pobjs(v.head, ("on", "upon"))
    ctrl = [c for c in v.head.children if c.dep_ in ("dobj", "oprd")] + [o for _, o in on]
    if v.head.lemma_.lower() == "call":
        ctrl = ctrl[len(ctrl) - len(on):]
    return ctrl[0] if ctrl else None


def subject(v: Token) -> tuple[Token | None, bool]:
    """(subject token, is passive) of verb ``v``, inherited through xcomp/conj chains; a participle
    coordinated with a passive verb is passive too ("X escaped, but was found and killed")."""
    passive_conj = False
    raised: bool | None = None  # through "to", the infinitive's own voice: "X is said to have shelled Y"
    for _ in range(4):
        c = _own_subject(v)
        if (relative := _relative_subject(v, c)) is not None:
            return relative
        if c is not None:
            if _message(c, v):  # "X made a call inviting Y", read as "a call" inviting: X invites
                return subject(v.head)[0], False
            voice = c.dep_ == "nsubjpass" or passive_conj if raised is None else raised
            return c, voice or reduced_passive(v)
        passive_conj = v.dep_ == "conj" and v.tag_ == "VBN" and (
            passive_conj or auxpass(v) or auxpass(v.head))
        ctrl = _controller(v) if v.dep_ == "xcomp" and v.head.lemma_.lower() in OBJECT_CONTROL else None
        if ctrl is not None:
            return ctrl, False
        if v.dep_ in ("xcomp", "conj", "advcl", "acomp") and v.head != v:
            if v.dep_ == "xcomp" and raised is None:  # "X was forced to flee": X flees; "X is expected to be
                raised = auxpass(v) or v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children)
                # freed", "X was found shot dead": X is
            elif v.dep_ == "advcl" and raised is None and (passive_conj or auxpass(v)
                                                           or bare_participle(v)):
                raised = True  # "X escaped, to be found and killed by Y": X is; "if convicted, X faces": X is
            v = v.head  # "troops got ready to storm X": the troops storm
        elif v.dep_ == "pcomp" and (gerund(v) or auxpass(v)) \
                and (clause := _gerund_clause(v.head)) is not None:
            # the clause's subject in the gerund's own voice: "X opened old wounds by blaming Y" (X blames),
            # "X was arrested after attacking Y" (X attacks), "X, who died after being beaten" (X is beaten)
            return subject(clause)[0], bool(raised) or passive_conj or auxpass(v)
        elif v.dep_ == "acl" and (v.tag_ == "VBN" or reduced_passive(v)):  # "a man killed by police":
            return v.head, not any(c.dep_ == "dobj" for c in v.children)  # the man is; with an object, a
            # past tense misread
        elif v.dep_ == "acl" and v.tag_ == "VBD" and v.head.dep_ == "ROOT" and v.head.pos_ != "VERB":
            return v.head, False  # a finite verb hung on the sentence's noun: "The head of X, Dr. Y, called"
        elif v.dep_ == "acl" and (owner := _perceived(v) or _controlling_owner(v)) is not None:
            # ("a video showed officer X shooting Y": X shoots)
            return owner, auxpass(v)
        elif v.dep_ in ("acl", "relcl") and v.head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
            if v.dep_ == "relcl":  # "X, who was shot by police": X is shot
                return v.head, any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
            return subject(v.head.head)[0], False
        else:
            break
    return None, False


def _relative_subject(v: Token, c: Token | None) -> tuple[Token, bool] | None:
    """(subject, is passive) of a relative clause ``v`` with its own subject ``c``: "X, who was shot": X; "X
    is the one that invaded Y": X; or of a participle after a comma and a name, a reduced relative the
    parser hung on the verb or on a noun before the name: "carried the coffin of X, killed in ...": X."""
    if c is not None and v.dep_ == "relcl" and c.tag_ in ("WP", "WDT"):
        held = _own_subject(v.head.head) if v.head.dep_ == "attr" else None
        named = _named_before(c) if c.lower_ == "who" else None
        named = held if named is None else named
        named = _apposed_name(v.head) if named is None else named
        return v.head if named is None else named, c.dep_ == "nsubjpass"
    if c is None and v.dep_ in ("advcl", "acl") and v.i > v.head.i and bare_participle(v) \
            and (named := _named_before(v, comma=True)) is not None:
        return named, True
    return None


def _named_before(tok: Token, comma: bool = False) -> Token | None:
    """The person named right before ``tok`` (a relative "who" or a participle, after a comma if ``comma``,
    or after the person's age in commas), wherever the parser hung its clause ("rallied in support of X who
    was jailed": X, not the support; "among them is X, 28, who was attacked": X, not "them")."""
    doc, k = tok.doc, tok.i - 1
    if k < 0 or comma and doc[k].text != ",":
        return None
    k -= doc[k].text == ","
    named = next((e for e in docview.ents(doc) if e.label_ == "PERSON"
                  and (e.end - 1 == k or e.end + 1 == k and aged(e))), None)
    return named[-1] if named is not None else None


def _apposed_name(noun: Token) -> Token | None:
    """The name a common noun in apposition follows after a comma, wherever the parser hung the noun: "the
    Youth Front (PYF), the group that organized the rallies": the Youth Front."""
    doc, k = noun.doc, noun.left_edge.i - 1
    if noun.dep_ != "appos" or noun.ent_type_ or k < 1 or doc[k].text != ",":
        return None
    ends = (k, k - 1) if doc[k - 1].text == ")" else (k,)  # (its short form in brackets: "the Front (PYF),")
    named = next((e for e in docview.ents(doc) if e.end in ends and e.label_ in _NAMED), None)
    return named[-1] if named is not None else None


def _perceived(v: Token) -> Token | None:
    """The object of a verb of seeing or showing that the participle ``v`` follows, wherever the parser hung
    the participle: "showed officer X shooting Y" (X)."""
    before = v.doc[v.i - 1] if v.i > v.sent.start else None
    if v.tag_ != "VBG" or before is None or before.dep_ != "dobj":
        return None
    return before if before.head.lemma_.lower() in PERCEIVING else None


def _own_subject(v: Token) -> Token | None:
    """The subject among ``v``'s children; a named auxiliary is one the parser misread ("IS targeted
    the commander": the group's name read as "is"), and so is a person's name before a headline's verb
    read as a plural noun ("Donald Trump lands in Washington to meet ...")."""
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None:
        subj = next((c for c in v.children if c.dep_ in ("aux", "auxpass") and c.ent_type_), None)
    if subj is None and v.dep_ == "ROOT" and v.tag_ == "NNS":
        subj = next((c for c in reversed(list(v.lefts)) if c.dep_ == "compound" and c.ent_type_ == "PERSON"),
                    None)
    return subj


_NAMED = ("PERSON", "ORG", "GPE", "NORP")


def _gerund_clause(prep: Token) -> Token | None:
    """The verb whose subject a gerund after ``prep`` shares: "X spoke after meeting Y", "X said so in
    remarks ahead of meeting Y" (the verb above "ahead of" and "prior to"), "X erred in naming Y"."""
    if prep.lower_ in GERUND_PREPS and prep.head.pos_ in ("VERB", "AUX"):
        h = prep.head  # (a participle that has its "by" agent already hands a "by Ving" to its clause:
        if prep.lower_ == "by" and h.dep_ == "acl" and any(c.dep_ == "agent" for c in h.children) \
                and h.head.head.pos_ in ("VERB", "AUX"):  # "X opened the wounds incurred by her by
            return h.head.head                             # blaming Y": X blames)
        return h
    if prep.lower_ == "in" and prep.head.pos_ == "VERB" and not auxpass(prep.head):
        return prep.head  # "X acted alone in killing Y" (not "X was involved in beating Y")
    verb = prep.head.head if prep.head.pos_ == "ADV" else prep.head  # "backed away from Ving"
    if prep.lower_ == "from" and verb.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in verb.children):
        return verb  # "X refrained from attacking Y" (not "X stopped Z from attacking Y")
    if not ahead(prep):
        return None
    head = prep.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX"):
            return head
        head = head.head
    return None


def _message(subj: Token, v: Token) -> bool:
    """``subj`` is a message noun the parser made the subject of the participle that tells what it
    says ("made a public call inviting X"): the message's author is the one who acts."""
    return subj.lemma_.lower() in MESSAGE_NOUNS and v.tag_ == "VBG" and v.dep_ in ("ccomp", "xcomp") \
        and v.head.pos_ in ("VERB", "AUX")


def _controlling_owner(v: Token) -> Token | None:
    """The owner of the noun an infinitive completes, who does what it says ("Hamas's attempt to storm")."""
    noun = v.head
    if noun.lemma_.lower() not in SUBJECT_CONTROL_NOUNS or not infinitive(v):
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def by_agent(v: Token) -> Token | None:
    """The object of the "by" phrase of ``v`` ("was attacked by X"), or of one the parser hung on the noun
    of ``v``'s place or time phrase ("was shot in the courtyard of his building by X")."""
    own = next((o for _, o in pobjs(v, ("by",))), None)
    if own is not None or not any(c.dep_ == "auxpass" for c in v.children):
        return own
    nouns = [o for _, o in pobjs(v, ("in", "at", "on", "near", "outside", "inside"))]
    nouns += [x for o in nouns for _, x in pobjs(o, ("of",))]
    return next((b for o in nouns for _, b in pobjs(o, ("by",)) if b.ent_type_ in ("PERSON", "ORG")), None)


def saying(chain: list[Token], speech: frozenset[str]) -> Token | None:
    """The verb of saying (a lemma of ``speech``) whose complement the clauses of ``chain``
    (:func:`clause_chain`) report, if any: "said" in "X said Y attacked Z"."""
    return next((b for a, b in zip(chain, chain[1:], strict=False)
                 if a.dep_ == "ccomp" and b.lemma_.lower() in speech), None)


def clause_chain(tok: Token, light: Token | None) -> list[Token]:
    """The trigger, its light verb and the governing clause heads up to the sentence root."""
    out = [tok] + ([light] if light is not None else [])
    cur = out[-1]
    for _ in range(6):
        if cur.dep_ not in _CLIMB or cur.head == cur:
            break
        cur = cur.head
        out.append(cur)
    return out
