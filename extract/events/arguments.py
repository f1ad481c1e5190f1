"""Event arguments from the dependency parse: who did it, to whom, with whom.

Noun phrases map to article-local entity ids through the actor spans of
``doc.ents`` (``span.kb_id_``): the syntactic head's entity first, then a person
inside a title phrase ("Deputy Foreign Minister of Iran Ali Bagheri Kani"), the
owner of an actor noun ("Baku's forces"), a nationality adjective naming a state
entity of the article ("Azerbaijani forces"), and pronouns or descriptions via
:mod:`newsgraph.extract.actors.coref`.

>>> import spacy
>>> doc = spacy.blank("en")("Troops fired.")
>>> ctx = context(doc, frozenset())
>>> actors_of(doc[0], ctx)
()
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.actors import coref
from newsgraph.extract.nlp import docview

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Prepositions whose gerund shares the subject of the clause ("opened wounds by blaming X").
GERUND_PREPS = ("by", "after", "before", "while", "without", "upon", "since")
TARGET_PREPS = ("on", "upon", "against", "at", "to", "toward", "towards", "into")
SYM_PREPS = ("with", "between", "among", "to", "of")
GROUP = "<group>"   # marker: "the two sides", "the interlocutors": filled in by events.py
LEADS = ("head", "lead", "chair", "attend")
#: "urged X to leave": X leaves ("called X to offer": the caller offers; "called on X to": X does)
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "invite", "tell", "order", "force", "encourage",
                            "persuade", "allow", "help", "remind", "request", "press", "push", "pressure",
                            "permit", "authorize", "instruct", "warn", "advise", "compel", "appeal"})
_CLIMB = ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl", "pobj", "prep", "dobj", "nsubjpass")


def context(doc: Doc, actor_nouns: frozenset[str]) -> dict:
    """What argument finding needs about ``doc``: token -> entity id, entity records, lexicon.

    ``actor_nouns``: :func:`newsgraph.extract.lexicon.gazetteer.actor_nouns` (made once, not per doc)."""
    tok2ent: dict[int, str] = {}
    for ent in docview.ents(doc):
        if ent.kb_id_:
            for i in range(ent.start, ent.end):
                tok2ent[i] = ent.kb_id_
    ents = tuple(doc._.ng_entities) if doc.has_extension("ng_entities") else ()
    states = [(f, e.id) for e in ents if e.kind in ("State", "Location") for f in (e.name, *e.forms)]
    return {"doc": doc, "tok2ent": tok2ent, "kinds": {e.id: e.kind for e in ents}, "states": states,
            "actor_nouns": actor_nouns, "actors": {}}


def demonym_state(word: str, ctx: dict) -> str | None:
    """The article's State/Location entity a nationality adjective names, if any."""
    for form, eid in ctx["states"]:
        if coref.demonym_matches(word, form):
            return eid
    return None


def _np(tok: Token):
    """Tokens of the noun phrase of ``tok`` without clauses and coordinated phrases."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod", "appos", "prep",
                                                      "pobj", "flat", "det", "nummod")
                 and not (c.dep_ == "prep" and c.lower_ != "of")]
    return sorted(out, key=lambda t: t.i)


def actor_of(tok: Token, ctx: dict) -> str | None:
    """Entity id the phrase headed by ``tok`` stands for, else None."""
    t2e = ctx["tok2ent"]
    if tok.i in t2e:
        return t2e[tok.i]
    low = tok.lower_
    if low in coref.PRONOUNS or low in coref.GROUP_WORDS:
        if low in coref.GROUP_WORDS and any(c.lower_ in ("two", "both", "the") for c in tok.children):
            return GROUP if tok.tag_ in ("NNS", "NNPS") or low.endswith("s") else None
        return coref.resolve(ctx["doc"], tok) if low in coref.PRONOUNS else None
    for c in tok.children:
        if c.dep_ == "appos" and c.i in t2e:
            return t2e[c.i]
    np = _np(tok)
    people = [t2e[t.i] for t in np if t.i in t2e and ctx["kinds"].get(t2e[t.i]) == "Person"]
    if people and (tok.lemma_.lower() in coref.TITLES or tok.pos_ == "PROPN"):
        return people[-1]
    if tok.lemma_.lower() in coref.TITLES:
        found = coref.resolve(ctx["doc"], tok)
        if found:
            return found
        bodies = [t2e[c.i] for c in tok.children if c.dep_ in ("compound", "poss") and c.i in t2e]
        bodies += [t2e[o.i] for _, o in _pobjs(tok, ("of",)) if o.i in t2e]
        if bodies:
            return bodies[0]  # "the CIA chief" stands for the CIA when unnamed
    if {tok.lemma_.lower(), tok.lower_, tok.lower_.removesuffix("s")} & ctx["actor_nouns"]:
        owners = [t2e[t.i] for t in np if t.i in t2e and t.i != tok.i]
        if owners:
            return owners[0]
        for t in np:
            if t.i != tok.i and (t.ent_type_ in ("NORP", "GPE") or t.pos_ in ("ADJ", "PROPN")):
                hit = demonym_state(t.text, ctx)
                if hit:
                    return hit
    return None


def owner_of(tok: Token | None, ctx: dict) -> tuple[str, ...]:
    """Who a non-actor phrase belongs to: "Azerbaijan's concerns", "the narrative generated by Baku"."""
    if tok is None:
        return ()
    for rule in ("by", "poss", "of"):  # "the killing of X by Y": Y owns the killing
        for c in tok.children:
            if rule == "by" and c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and _by_agent(c) is not None:
                return actors_of(_by_agent(c), ctx)
            if rule == "poss" and c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == rule:
                pobj = c if rule == "poss" else next((o for o in c.children if o.dep_ == "pobj"), None)
                if actors_of(pobj, ctx):
                    return actors_of(pobj, ctx)
    return ()


def actors_of(tok: Token | None, ctx: dict) -> tuple[str, ...]:
    """Entity ids of ``tok``'s phrase and of the phrases coordinated with it, in text order."""
    if tok is None:
        return ()
    memo = ctx.get("actors")  # token index -> answer: asked again and again for the same phrases
    if memo is not None and tok.i in memo:
        return memo[tok.i]
    out: list[str] = []
    for t in (tok, *tok.conjuncts):
        a = actor_of(t, ctx)
        if a and a not in out:
            out.append(a)
    if memo is not None:
        memo[tok.i] = tuple(out)
    return tuple(out)


def _pobjs(tok: Token, preps) -> list[tuple[str, Token]]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "prt", "agent") and c.lower_ in preps:
            out += [(c.lower_, o) for o in c.children if o.dep_ in ("pobj", "pcomp")]
    return out


def _subject(v: Token) -> tuple[Token | None, bool]:
    """(subject token, is passive) of verb ``v``, inherited through xcomp/conj chains."""
    for _ in range(4):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return c, c.dep_ == "nsubjpass"
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in OBJECT_CONTROL:
            ctrl = [c for c in v.head.children if c.dep_ in ("dobj", "oprd")] + \
                [o for p, o in _pobjs(v.head, ("on", "upon"))]
            if v.head.lemma_.lower() == "call":
                ctrl = ctrl[len(ctrl) - len(_pobjs(v.head, ("on", "upon"))):]
            if ctrl:
                return ctrl[0], False  # object control: "urged X to leave" -> X leaves
        if v.dep_ in ("xcomp", "conj", "advcl") and v.head is not v:
            v = v.head
        elif v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ in GERUND_PREPS \
                and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "X opened old wounds by blaming Y": X blames
        elif v.dep_ in ("acl", "relcl") and v.head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
            if v.dep_ == "relcl":
                return v.head, False
            return _subject(v.head.head)[0], False
        else:
            break
    return None, False


def _by_agent(v: Token) -> Token | None:
    return next((o for p, o in _pobjs(v, ("by",))), None)


def _leaders(tok: Token, ctx: dict) -> tuple[str, ...]:
    """Persons in "headed by A and B" inside the clause or phrase of ``tok``."""
    out: tuple[str, ...] = ()
    for t in tok.subtree:
        if t.dep_ in ("acl", "advcl", "relcl") and t.lemma_.lower() in LEADS and t.sent == tok.sent:
            out += actors_of(_by_agent(t), ctx)
    return tuple(a for a in out if ctx["kinds"].get(a) == "Person")


def arguments(trig: Token, light: Token | None, etype: str, ctx: dict):
    """(agents, targets, participants) of the event whose trigger is ``trig`` (light verb ``light``)."""
    verbal = trig.pos_ in ("VERB", "AUX") and light is None
    clause = trig if verbal else light
    agents: list[str] = []
    targets: list[str] = []
    parts: list[str] = []

    def add(lst, ids):
        lst += [i for i in ids if i not in lst]

    if clause is not None:
        subj, passive = _subject(clause)
        if trig.dep_ == "pobj" and trig.head.lower_ == "under":  # "X is under sanctions": X is the target
            subj, passive = None, False
            add(targets, actors_of(_subject(clause)[0], ctx))
        by = _by_agent(clause)
        if verbal and passive:
            add(agents, actors_of(by, ctx))
            add(targets, actors_of(subj, ctx))
        elif not (light is not None and subj is trig):
            add(agents, actors_of(subj, ctx) or next(  # a mis-parse may give a clause two subjects
                (actors_of(c, ctx) for c in clause.children if c.dep_ == "nsubj" and subj is not None
                 and actors_of(c, ctx)), ()))
            if light is not None and passive:
                add(agents, actors_of(by, ctx))
        for c in clause.children:
            if c.dep_ in ("dobj", "dative", "oprd") and c is not trig:
                add(targets, actors_of(c, ctx) or (owner_of(c, ctx) if etype not in SYMMETRIC else ()))
        if not targets and clause.dep_ == "xcomp":
            add(targets, [a for c in clause.head.children if c.dep_ in ("dobj", "oprd")
                          for a in actors_of(c, ctx)])
    if not verbal:
        for c in trig.children:
            if c.dep_ == "poss" or c.dep_ == "compound" and c.i in ctx["tok2ent"]:
                add(agents, actors_of(c, ctx))
        add(agents, [a for _, o in _pobjs(trig, ("by",)) for a in actors_of(o, ctx)])
        if trig.dep_ == "pobj" and trig.head.head.pos_ in ("VERB", "AUX") and etype in SYMMETRIC:
            add(parts, actors_of(_subject(trig.head.head)[0], ctx))
    heads = [t for t in (trig, light) if t is not None]
    if verbal and etype == "AID":
        heads += [c for c in trig.children if c.dep_ == "dobj" and not actors_of(c, ctx)
                  and any(p.lower_ == "to" for p in c.children)]  # "offered help to X"
    if verbal and etype == "ACCUSE":  # "blamed her defeat in the election on X"
        heads += [t for c in trig.children if c.dep_ == "dobj" and not actors_of(c, ctx)
                  for t in c.subtree if t.pos_ == "NOUN" and any(p.lower_ == "on" for p in t.children)]
    for h in heads:
        for prep, o in _pobjs(h, TARGET_PREPS + SYM_PREPS + ("from",)):
            ids = actors_of(o, ctx) or (owner_of(o, ctx) if prep in TARGET_PREPS else ())
            if prep in ("to", "into", "toward", "towards") and etype != "AID":
                ids = tuple(i for i in ids if ctx["kinds"].get(i) != "Location")  # a destination
            if etype in SYMMETRIC:
                add(parts, ids if prep in SYM_PREPS else ())  # "met at the White House": a place
            elif prep == "from" and etype in ("AID",):
                if h.lemma_ in ("receive", "get", "obtain", "accept"):
                    targets, agents = agents, []
                add(agents, ids)
            elif prep in TARGET_PREPS or prep == "with" and etype not in SYMMETRIC \
                    or prep == "of" and not verbal:
                add(targets, ids)
            elif prep in ("between", "among"):
                add(parts, ids)
    if etype == "REQUEST" and not targets and verbal:  # "demanded that Baku withdraw" -> Baku
        for x in (c for c in trig.children if c.dep_ == "ccomp"):
            add(targets, actors_of(next((c for c in x.children if c.dep_ == "nsubj"), None), ctx))
    if etype == "REQUEST" and not targets and verbal:  # "called for an end to fighting between A and B"
        for _, o in _pobjs(trig, ("for",)):
            for t in (x for n in (o, *o.conjuncts) for x in n.subtree):
                if t.dep_ == "prep" and t.lower_ == "between":
                    add(targets, [a for c in t.children if c.dep_ == "pobj" for a in actors_of(c, ctx)])
    if etype == "REJECT" and not targets and verbal:  # "refused to hold talks with him" -> him
        for x in (c for c in trig.children if c.dep_ == "xcomp"):
            for h in (x, *(c for c in x.children if c.dep_ == "dobj")):
                add(targets, [a for _, o in _pobjs(h, ("with", "to")) for a in actors_of(o, ctx)])
                add(targets, owner_of(h, ctx) if h is not x else ())  # "refused to approve Sweden's bid"
    leaders = _leaders(clause if clause is not None else trig, ctx)
    if etype in SYMMETRIC and leaders:
        parts = list(leaders) + [p for p in agents + targets + parts if ctx["kinds"].get(p) == "Person"]
        agents, targets = [], []
    if etype in SYMMETRIC:
        parts = list(dict.fromkeys(agents + targets + parts))
        agents, targets = [], []
    targets = [t for t in targets if t not in agents]
    return tuple(agents), tuple(targets), tuple(parts)


def clause_chain(tok: Token, light: Token | None) -> list[Token]:
    """The trigger, its light verb and the governing clause heads up to the sentence root."""
    out = [tok] + ([light] if light is not None else [])
    cur = out[-1]
    for _ in range(6):
        if cur.dep_ not in _CLIMB or cur.head is cur:
            break
        cur = cur.head
        out.append(cur)
    return out


def attributed_to(tok: Token, light: Token | None, ctx: dict, speech) -> str | None:
    """Who reports the event: the subject of a verb of saying governing its clause."""
    chain = clause_chain(tok, light)
    for a, b in zip(chain, chain[1:], strict=False):
        if a.dep_ == "ccomp" and b.lemma_.lower() in speech:
            subj = _subject(b)[0]
            ids = actors_of(subj, ctx) or actors_of(_by_agent(b), ctx)
            return ids[0] if ids else None
    return None


def place_of(tok: Token, light: Token | None, ctx: dict) -> str | None:
    """The Location/State entity of an "in/near/at X" phrase on the trigger or its light verb."""
    for h in (tok, light):
        for _prep, o in _pobjs(h, ("in", "near", "at")) if h is not None else ():
            eid = ctx["tok2ent"].get(o.i)
            if eid and ctx["kinds"].get(eid) in ("Location", "State"):
                return eid
    return None
