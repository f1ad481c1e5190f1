"""Roles stated in any phrasing, read from the dependency parse (the ``[roles]`` table of titles.toml).

Where :mod:`newsgraph.extract.roles` reads a title printed in front of a name, this module reads the
position a sentence states of a person however it is put:

* apposition: "X, the commander of Y", "X, a spokesman for Y", "X, a researcher at Y",
  "X, an FDA economist", "the chief negotiator of Y, X";
* possessive: "Y's chief negotiator X", "X, Y's foreign minister";
* predicate and relative clause: "X is a member of Y", "X, who is an analyst with Y";
* verbs: "X heads Y", "X, who leads Y", "X joined Y as an engineer", "X works for Y";
* "X of Y", "X at Y" with an organisation;
* a pronoun subject resolved to its person ("He is a professor at Y") by
  :func:`newsgraph.extract.actors.coref.resolve`; a surname is a mention of its person already.

A role needs an organisation the sentence names (a State only through a possessive, "of" or a
national office); words such as "former" or "retired" in front of the role noun block it.

>>> role_noun("spokeswoman"), role_noun("minister"), role_noun("weather")
(True, True, False)
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors.coref import PRONOUNS, resolve
from newsgraph.extract.lexicon.names import titles
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import Entity
from newsgraph.extract.roles.titles import demonym_state, entities, lexicon, mentions

ORG_ONLY = ("Organization", "Outlet")
WITH_STATE = ("Organization", "Outlet", "State")
_SUBJECTS = ("nsubj", "nsubjpass")
_COPULAS = {"be", "become", "remain"}
_NAMING = {"appoint", "name", "elect", "promote", "nominate", "hire", "make"}
_DEPTH = 3


@dataclass(frozen=True)
class Found:
    """One stated role: person and organisation entity ids, the printed title, its sentence."""

    person: str
    title: str
    organization: str
    sentence: Span


@dataclass(frozen=True)
class _Ctx:
    ments: dict[int, Span]
    known: dict[str, Entity]


@cache
def _table() -> dict:
    data = titles()["roles"]
    heads = {_head_word(t) for t in lexicon()["all"]}
    return {"nouns": heads | {n.lower() for n in data["nouns"]},
            "preps": frozenset(data["prepositions"]) | {"of"},
            "blockers": lexicon()["blockers"] | {w.lower() for w in data["blockers"]},
            "object": dict(data["object_verbs"]), "prep_verbs": dict(data["preposition_verbs"])}


def _head_word(office: str) -> str:
    """The noun an office is about: "foreign minister" -> minister, "secretary of state" -> secretary."""
    words = office.replace("-", " ").split()
    for cut in ("of", "at", "in", "for"):
        if cut in words:
            words = words[:words.index(cut)]
    return words[-1]


def role_noun(word: str) -> bool:
    """True when ``word`` (a lemma, any case) names a position held at an organisation."""
    return word.lower() in _table()["nouns"]


def stated(doc: Doc) -> Iterator[Found]:
    """Every role the parse states of a person, with the sentence it came from."""
    if not doc.has_annotation("DEP"):
        return
    ctx = _Ctx(mentions(doc), entities(doc))
    for token, person in _people(doc, ctx):
        for title, org in _roles_of(token, ctx):
            if org.id != person.id:
                yield Found(person.id, title, org.id, token.sent)


def _people(doc: Doc, ctx: _Ctx) -> Iterator[tuple[Token, Entity]]:
    """The root token of every person mention, and every pronoun subject resolved to a person."""
    for ent in docview.ents(doc):
        person = ctx.known.get(ent.kb_id_)
        if person is not None and person.kind == "Person":
            for t in ent:  # a parse may hang a name on two heads ("Tomas | Berg, a spokesman ...")
                if t.head.i == t.i or not ent.start <= t.head.i < ent.end:
                    yield t, person
    pronouns, subjects = {get_string_id(w) for w in PRONOUNS}, {get_string_id(d) for d in _SUBJECTS}
    deps = docview.column(doc, "DEP")  # (read from the arrays: no Token for the other words)
    for i, lower in enumerate(docview.column(doc, "LOWER")):
        if lower in pronouns and deps[i] in subjects:
            tok = doc[i]
            person = ctx.known.get(resolve(doc, tok) or "")
            if person is not None and person.kind == "Person":
                yield tok, person


def _roles_of(p: Token, ctx: _Ctx) -> Iterator[tuple[str, Entity]]:
    for n in _nouns_of(p, ctx):
        found = _noun_role(n, p, ctx)
        if found:
            yield found
    yield from _verb_roles(p, ctx)
    for prep in p.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "at"):  # "X of Y", "X of the law firm of Y"
            org = _org_below(prep, ctx, ORG_ONLY, 2)
            if org is not None and (_named_body(org) or any(o.pos_ == "NOUN" for o in prep.children)):
                yield "member", org  # a bare name must look like a body; "the Y party" says so itself
    for c in (*p.children, p.head):  # "Y's X", "X's Y party"
        org = _entity(c, ctx) if c.dep_ == "poss" or c.i == p.head.i and p.dep_ == "poss" else None
        if org is not None and org.kind == "Organization" and _named_body(org):
            yield "member", org


def _named_body(org: Entity) -> bool:
    """An organisation by its name's form: an outlet, an acronym, several words or a known sector.

    A bare capitalised word after "of" is as often a home town the NER took for an organisation.
    """
    name = org.name.removeprefix("the ")
    return org.kind == "Outlet" or bool(org.sector) or " " in name or name.isupper()


# ---------------------------------------------------------------- role nouns

def _nouns_of(p: Token, ctx: _Ctx) -> list[Token]:
    """Role nouns said of ``p``: its appositions, its title compound, the predicate of its clause."""
    found = [c for c in p.children if c.dep_ == "appos" or c.dep_ == "compound" and c.i < p.i
             and c.i not in ctx.ments]
    if p.dep_ == "appos" and not _bracketed(p):  # "(ABC)" after a title is an alias, not its holder
        found.append(p.head)
    for verb in _clauses(p):
        if verb.lemma_ in _COPULAS or verb.lemma_ in _NAMING:
            found += [c for c in verb.children if c.dep_ in ("attr", "oprd", "xcomp", "acomp")]
        found += [pobj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
                  for pobj in prep.children if pobj.dep_ == "pobj"]
    out = []
    for n in found:  # "editor and columnist for Y", "vice and columnist"; never across a name
        if n.i in ctx.ments or n.pos_ not in ("NOUN", "ADJ"):
            out.append(n)
            continue
        out += [n, *(c for c in _conjuncts(n) if role_noun(n.lemma_)
                     or not any(k in ctx.ments for k in range(n.i, c.i)))]
        out += [c for d in n.subtree if d.i in ctx.ments for c in _conjuncts(d) if c.pos_ == "NOUN"
                and not any(k.dep_ in ("det", "appos") for k in c.children)]
        # ("a professor at A and honorary president of B": the parser joins the second title to A; not
        # "his wife, X, and the deputy secretary of B, Y": another person)
    return [n for n in out if n.pos_ in ("NOUN", "PROPN") and role_noun(n.lemma_)]


def _bracketed(t: Token) -> bool:
    left = t.left_edge.i
    return left > 0 and t.doc[left - 1].text in ("(", "[")


def _clauses(p: Token) -> list[Token]:
    """Verbs whose subject is ``p``: its own clause, a relative clause on it, and their conjuncts."""
    verbs = [p.head] if p.dep_ in _SUBJECTS and p.head.i != p.i else []
    verbs += [c for c in p.children if c.dep_ == "relcl"]
    verbs += [c for a in p.children if a.dep_ == "appos" for c in a.children if c.dep_ == "relcl"]
    if p.dep_ == "dobj" and p.head.lemma_ in _NAMING:  # "Y named X its chief economist"
        verbs.append(p.head)
    verbs += [c for c in p.children if c.dep_ == "acl"]  # "X, believed to be a leader of Y"
    verbs += [x for v in verbs for x in v.children if x.dep_ == "xcomp" and x.lemma_ in _COPULAS]
    out = []
    for v in verbs:
        out += [v, *(c for c in _conjuncts(v) if not any(k.dep_ in _SUBJECTS for k in c.children))]
    blockers = _table()["blockers"]  # "X previously served as ...", "X, formerly a director of Y"
    return [v for v in out if not any(c.dep_ == "advmod" and c.lower_ in blockers for c in v.children)]


def _conjuncts(t: Token) -> list[Token]:
    out, todo = [], [t]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj":
                out.append(c)
                todo.append(c)
    return out


def _noun_role(n: Token, p: Token, ctx: _Ctx) -> tuple[str, Entity] | None:
    """(title, organisation) of role noun ``n``, or None when it has no organisation or is blocked."""
    mods = _modifiers(n, ctx)
    if any(m.lower_ in _table()["blockers"] for m in (*mods, *n.children)):
        return None
    title = _title(n, mods, ctx)
    national = _head_word(title.lower()) in lexicon()["national"] or title.lower() in lexicon()["national"]
    org = _org_near(n, ctx, national)
    if org is not None and org.kind == "State" and any(m.pos_ == "PROPN" for m in mods):
        return None  # "New Jersey Lottery spokeswoman": a body of the State the text names but no entity
    bare = not mods and not any(c.dep_ == "prep" for c in n.children)
    for other in (n.head, *n.children) if org is None and bare else ():  # "founder and chairman of Y"
        if other.dep_ == "conj" and other.head.i == n.i or n.dep_ == "conj" and other.i == n.head.i:
            org = _org_near(other, ctx, national)
            if org is not None:
                break
    if org is None and n.dep_ == "compound" and n.head.i == p.i:  # "Y spokesman X": Y modifies the name
        org = _org_among([c for c in p.children if c.i < n.i], ctx, WITH_STATE)
    return (title, org) if org is not None else None


def _title(n: Token, mods: list[Token], ctx: _Ctx) -> str:
    """The printed title: "chief negotiator", "counter-terrorism prosecutor"; "Kabul-based" is no part."""
    start = mods[0].i if mods else n.i
    if start >= 2 and n.doc[start - 1].text == "-":
        start = start + 1 if start - 2 in ctx.ments else start - 2
    return n.doc[min(start, n.i):n.i + 1].text


def _modifiers(n: Token, ctx: _Ctx) -> list[Token]:
    """The words of the title in front of the noun ("chief" negotiator), stopping at an entity."""
    out: list[Token] = []
    for c in sorted((c for c in n.children if c.i < n.i), key=lambda c: -c.i):
        if c.dep_ not in ("amod", "compound", "nmod") or c.i in ctx.ments or c.ent_type_ \
                or c.i + 1 + len(out) != n.i:
            break
        out.insert(0, c)
    return out


def _org_near(n: Token, ctx: _Ctx, national: bool) -> Entity | None:
    """The organisation a role noun names: possessive, compound, demonym, or below a preposition."""
    org = _org_among(_left_modifiers(n), ctx, WITH_STATE)
    if org is not None:
        return org
    for prep in n.children:
        if prep.dep_ == "prep" and prep.lower_ in _table()["preps"]:
            kinds = WITH_STATE if prep.lower_ == "of" or national else ORG_ONLY
            org = _org_below(prep, ctx, kinds, _DEPTH)
            if org is not None:
                return org
    if national:
        for c in n.children:
            if c.dep_ in ("amod", "compound") and c.text[:1].isupper():
                found = demonym_state(n.doc, c.text)
                if found is not None:
                    return found
    return None


def _left_modifiers(n: Token) -> list[Token]:
    """The words in front of a noun that modify it, nearest first, down chains of compounds."""
    out, todo = [], [n]
    while todo:
        for c in todo.pop().children:
            if c.i < n.i and c.dep_ in ("poss", "compound", "nmod", "amod"):
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: -t.i)


def _org_among(tokens: list[Token], ctx: _Ctx, kinds: tuple[str, ...]) -> Entity | None:
    for t in tokens:
        e = _entity(t, ctx)
        if e is not None and e.kind in kinds:
            return e
    return None


def _entity(t: Token, ctx: _Ctx) -> Entity | None:
    m = ctx.ments.get(t.i)
    return ctx.known.get(m.kb_id_) if m is not None else None


def _org_below(prep: Token, ctx: _Ctx, kinds: tuple[str, ...], depth: int) -> Entity | None:
    """The first organisation down a chain of prepositional objects ("president for sales at Y")."""
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        for t in (obj, *_conjuncts(obj)):
            mods = [c for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod", "appos")]
            e = _entity(t, ctx) or _org_among(mods, ctx, kinds)
            if e is not None:
                return e if e.kind in kinds else None
        if depth > 1:
            for sub in obj.children:
                if sub.dep_ == "prep" and sub.lower_ in _table()["preps"]:
                    e = _org_below(sub, ctx, kinds, depth - 1)
                    if e is not None:
                        return e
    return None


# ---------------------------------------------------------------- verbs

def _verb_roles(p: Token, ctx: _Ctx) -> Iterator[tuple[str, Entity]]:
    """ "X heads Y", "X, who leads Y", "X joined Y (as ...)", "X works for Y"."""
    table = _table()
    for verb in _clauses(p):
        lemma = " ".join([verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.dep_ == "prt")])
        if lemma in table["object"]:
            for obj in verb.children:
                org = _entity(obj, ctx) if obj.dep_ == "dobj" else None
                if org is not None and org.kind in ORG_ONLY:
                    yield _as_title(verb) or table["object"][lemma], org
        elif lemma in table["prep_verbs"]:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in table["preps"] and prep.lower_ != "of":
                    for org in _joined_orgs(prep, ctx) or filter(None, [_org_below(prep, ctx, ORG_ONLY, 2)]):
                        yield _as_title(verb) or table["prep_verbs"][lemma], org


def _joined_orgs(prep: Token, ctx: _Ctx) -> list[Entity]:
    """The organisations a preposition's object joins with "and", when more than one ("X taught at Y and
    Z": both)."""
    found = [e for o in prep.children if o.dep_ == "pobj" for t in (o, *_conjuncts(o))
             if (e := _entity(t, ctx)) is not None and e.kind in ORG_ONLY]
    return found if len(found) > 1 else []


def _as_title(verb: Token) -> str | None:
    """ "joined Y as chief engineer" -> "chief engineer" (a role noun after "as")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for n in prep.children:
                if n.dep_ == "pobj" and role_noun(n.lemma_):
                    return " ".join(t.text for t in n.subtree if t.i <= n.i and t.dep_ != "det")
    return None
