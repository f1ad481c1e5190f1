"""The CAMEO verb patterns (``data/cameo_verbs.tsv``, converted from PETRARCH2 by
:mod:`newsgraph.extract.lexicon.convert.cameo`) matched on the dependency parse.

The table is indexed by verb lemma (and particle): a verb looks up its synonym block, then checks
only that block's patterns against its own subject, particle, object head (with modifiers) and
prepositional phrases; the most specific pattern that holds wins, else the verb's own code.

>>> lex = cameo()
>>> lex.verbs[("kill", "")].type, lex.verbs[("strike", "down")].type
('ASSAULT', '-')
>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Rebels", "lifted", "the", "blockade"],
...           heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "det", "dobj"],
...           lemmas=["rebel", "lift", "the", "blockade"])
>>> match(doc[1], "lift", lex)
Match(type='RETREAT', rev=False, specific=True, strong=False, phrasal='')
"""
from __future__ import annotations

from functools import cache
from typing import NamedTuple

from spacy.tokens import Token

from newsgraph.extract.lexicon import rows, toml

__all__ = ["CameoLexicon", "Match", "Pattern", "VerbEntry", "armed", "cameo", "match", "weapon"]

FILE = "cameo_verbs.tsv"
OVERLAY = "events.toml"   # its type blocks' ``patterns``: [verb, object word or &set, modifier, ...]
_OBJ_DEPS = ("dobj", "nsubjpass", "attr", "oprd", "dative")
_NAMED = ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP")
#: Ways and passages, which lead or run somewhere but visit nothing (``senses.toml``).
_PASSAGES = frozenset(toml("senses.toml")["passages"])


class VerbEntry(NamedTuple):
    type: str        # event type of the verb on its own ("-": none)
    block: int       # its synonym block


class Pattern(NamedTuple):
    prt: str                                 # particle the verb needs ("" any)
    subj: str                                # subject head ("" any; "&set" a synonym set)
    obj: str                                 # object head ("" any)
    mods: frozenset[str]                     # words the object must have before it
    preps: tuple[tuple[str, str], ...]       # (preposition, object head or "*")
    type: str                                # event type ("-": not an event)
    rev: bool                                # the subject is the target ("faced trial")
    intent: bool                             # CAMEO 03, intent only ("promised to lift"): not used

    @property
    def weight(self) -> int:
        """How much the pattern asks for: the most specific matching pattern wins."""
        return bool(self.prt) + bool(self.subj) + bool(self.obj) + len(self.mods) + 2 * len(self.preps)


class Match(NamedTuple):
    type: str          # event type, "-" for CAMEO's null code
    rev: bool          # the subject is the target
    specific: bool     # a pattern matched, or a phrasal verb (False: the verb's own code)
    strong: bool = False   # ... with more than an object noun: a particle, subject or preposition
    phrasal: str = ""      # the phrasal verb ("find_out") whose own code this is, no pattern matching


class CameoLexicon(NamedTuple):
    verbs: dict[tuple[str, str], VerbEntry]          # (lemma, particle) -> entry
    blocks: dict[int, tuple[Pattern, ...]]           # block -> its patterns, most specific first
    synsets: dict[str, frozenset[str]]               # name -> head nouns
    keyed: dict[tuple, tuple[tuple[int, Pattern], ...]]   # (block, key) -> (rank, pattern) that key can match
    qualified: dict[tuple[str, str], tuple[frozenset[str], ...]] = {}   # (name, head) -> the modifiers
    #   one of which the head needs, for a head the set lists only with modifiers ("gas:tear": tear gas)


def _key_words(word: str, synsets: dict[str, frozenset[str]]) -> frozenset[str]:
    return synsets.get(word[1:], frozenset()) if word.startswith("&") else frozenset({word})


def _keys(p: Pattern, synsets: dict[str, frozenset[str]]) -> list[tuple]:
    """What a verb must have for ``p`` to be worth checking: its object word, else its first
    preposition, else its subject word, else nothing ("*")."""
    if p.obj:
        return [("o", w) for w in _key_words(p.obj, synsets)]
    if p.preps:
        return [("p", p.preps[0][0])]
    if p.subj:
        return [("s", w) for w in _key_words(p.subj, synsets)]
    return [("*",)]


def _index(blocks: dict[int, tuple[Pattern, ...]], synsets: dict[str, frozenset[str]]) -> dict:
    keyed: dict[tuple, list[tuple[int, Pattern]]] = {}
    for block, pats in blocks.items():
        for rank, p in enumerate(pats):
            for key in _keys(p, synsets):
                keyed.setdefault((block, *key), []).append((rank, p))
    return {k: tuple(v) for k, v in keyed.items()}


def _pattern(cols: list[str]) -> tuple[int, Pattern]:
    _, block, prt, subj, obj, mods, preps, etype, _code, rev = cols
    pairs = tuple(tuple(p.split(":")[:2]) for p in preps.split())
    return int(block), Pattern(prt, subj, obj, frozenset(mods.split()), pairs, etype, rev == "1",
                               _code.startswith("03"))


@cache
def cameo() -> CameoLexicon:
    """The converted CAMEO table, indexed (read once)."""
    verbs, blocks, synsets, qualified = {}, {}, {}, {}
    for cols in rows(FILE):
        if cols[0] == "S":
            synsets[cols[1]] = frozenset(h.split(":")[0] for h in cols[2].split())
            qualified.update(_qualified(cols[1], cols[2].split()))
        elif cols[0] == "V":
            verbs.setdefault((cols[1], cols[2]), VerbEntry(cols[3], int(cols[5])))
        else:
            block, pat = _pattern(cols)
            blocks.setdefault(block, []).append(pat)
    for block, obj in _dropped(verbs):
        blocks[block] = [p for p in blocks.get(block, ()) if p.obj != obj or p.mods or p.preps or p.subj]
    for block, pat in _overlay(verbs):
        blocks.setdefault(block, []).append(pat)
    ordered = {b: tuple(sorted(p, key=lambda x: (-x.weight, x.intent))) for b, p in blocks.items()}
    return CameoLexicon(verbs, ordered, synsets, _index(ordered, synsets), qualified)


def _qualified(name: str, entries: list[str]) -> dict[tuple[str, str], tuple[frozenset[str], ...]]:
    """The heads of synonym set ``name`` that it lists only with modifiers, with those modifiers: a
    "tear gas" is a weapon, a gas is not; a "Predator drone" is one, a drone an aircraft.

    >>> found = _qualified("weapon", ["gun", "gas:tear", "drone:predator", "drone:reaper", "gun:machine"])
    >>> sorted(found), found[("weapon", "gas")]
    ([('weapon', 'drone'), ('weapon', 'gas')], (frozenset({'tear'}),))
    """
    bare = {e for e in entries if ":" not in e}
    out: dict[tuple[str, str], tuple[frozenset[str], ...]] = {}
    for head, *mods in (e.split(":") for e in entries if ":" in e):
        if head not in bare:
            out[(name, head)] = (*out.get((name, head), ()), frozenset(mods))
    return out


def _overlay(verbs: dict[tuple[str, str], VerbEntry]) -> list[tuple[int, Pattern]]:
    """The project's own object patterns for CAMEO's verbs, from the type blocks of ``events.toml``
    (``patterns``): each joins the synonym block of its verb ("find" + "no" + a crime word: CONCEDE)."""
    out = []
    for etype, block in sorted(toml(OVERLAY).items()):
        for verb, obj, *mods in block.get("patterns", ()) if etype != "general" else ():
            entry = verbs.get((verb, ""))
            if entry is None:
                raise ValueError(f"{OVERLAY}: [{etype}] patterns: {verb!r} is no verb of the CAMEO table")
            out.append((entry.block, Pattern("", "", obj, frozenset(mods), (), etype, False, False)))
    return out


def _dropped(verbs: dict[tuple[str, str], VerbEntry]) -> list[tuple[int, str]]:
    """(block, object) of the table's bare object patterns that the overlay says are no event
    (``[general] cameo_dropped``: "use" + an aircraft)."""
    out = []
    for verb, obj in toml(OVERLAY)["general"].get("cameo_dropped", ()):
        entry = verbs.get((verb, ""))
        if entry is None:
            raise ValueError(f"{OVERLAY}: [general] cameo_dropped: {verb!r} is no verb of the CAMEO table")
        out.append((entry.block, obj))
    return out


def weapon(tok: Token) -> bool:
    """Whether ``tok`` is a weapon or a warplane by CAMEO's synonym sets ("drones", "rifle", "missile").

    >>> import spacy
    >>> doc = spacy.blank("en")("the drone and the talks")
    >>> weapon(doc[1]), weapon(doc[4])
    (True, False)
    """
    lex = cameo()
    return _word_ok("&weapon", tok, lex) or _word_ok("&aircraft", tok, lex)


def armed(tok: Token) -> bool:
    """Whether ``tok`` is an armed force or a military craft by CAMEO's synonym sets ("troops", "fighter
    jets", "warships").

    >>> import spacy
    >>> doc = spacy.blank("en")("the troops and the warplane and the farmers")   # (no lemmas here)
    >>> armed(doc[1]), armed(doc[4]), armed(doc[7])
    (True, True, False)
    """
    return weapon(tok) or _word_ok("&military", tok, cameo())


def _word_ok(want: str, tok: Token | None, lex: CameoLexicon) -> bool:
    """Whether ``tok`` (a phrase head) is the word or synonym set ``want``."""
    if tok is None:
        return False
    forms = (tok.lower_, tok.lemma_.lower())
    if not want.startswith("&"):
        return want in forms
    heads = lex.synsets.get(want[1:], frozenset())
    needs = [lex.qualified.get((want[1:], f)) for f in forms if f in heads]
    if not needs or None in needs:
        return bool(needs)
    mods = {w for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
            for w in (c.lower_, c.lemma_.lower())}
    return any(need <= mods for each in needs for need in each)


class _Deps(NamedTuple):
    subj: Token | None                       # the verb's subject
    doer: Token | None                       # ... or, for a participle, the noun it describes
    pre: list[Token]                         # the words it has before it ("test-fired", "ethnically")
    objs: list[Token]                        # its objects
    prts: set[str]                           # its particles
    preps: list[tuple[str, Token | None]]    # its (preposition, object)


def _holds(p: Pattern, d: _Deps, lex: CameoLexicon) -> bool:
    """Whether pattern ``p`` holds for a verb with the dependents ``d``."""
    subj, doer, pre, objs, prts, preps = d
    if p.prt and p.prt not in prts or p.subj and not any(_word_ok(p.subj, t, lex) for t in (subj, *pre)):
        return False
    if p.obj:
        hit = next((o for o in objs if _word_ok(p.obj, o, lex)), None)
        if hit is None or p.mods and not p.mods <= {c.lower_ for c in hit.children} | \
                {c.lemma_.lower() for c in hit.children}:
            return False
    for prep, head in p.preps:
        if not any(pp == prep and (_any_ok(p, o, doer) if head == "*" else _word_ok(head, o, lex))
                   for pp, o in preps):
            return False
    return True


def _any_ok(p: Pattern, tok: Token | None, doer: Token | None) -> bool:
    """Whether ``tok`` fills a pattern's open phrase ("went to *"): for a visit, a named place or party, as
    the field's coder needs one there ("went to Moscow", not "went in for a check", "led it for years"),
    and a doer that is no way or passage ("a road leading to Iraq")."""
    return p.type != "CONSULT" or tok is not None and (tok.pos_ == "PROPN" or tok.ent_type_ in _NAMED) \
        and not (doer is not None and doer.lemma_.lower() in _PASSAGES)


def _dependents(v: Token) -> _Deps:
    """The subject, objects, particles and prepositional phrases of verb ``v``."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    doer = subj if subj is not None or v.dep_ != "acl" else v.head
    pre = [c for c in v.children if c.i < v.i and c.dep_ in ("npadvmod", "advmod", "compound", "amod")]
    objs = [c for c in v.children if c.dep_ in _OBJ_DEPS]
    prts = {c.lower_ for c in v.children if c.dep_ == "prt"}
    preps = [(c.lower_, next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None))
             for c in v.children if c.dep_ in ("prep", "agent", "prt")]
    return _Deps(subj, doer, pre, objs, prts, preps)


def _candidates(block: int, d: _Deps, lex: CameoLexicon) -> list[Pattern]:
    """The patterns of ``block`` that the verb's dependents could match, most specific first."""
    keys = [("*",)] + [("p", p) for p, _ in d.preps]
    keys += [("o", w) for o in d.objs for w in (o.lower_, o.lemma_.lower())]
    keys += [("s", t.lower_) for t in (d.subj, *d.pre) if t is not None]
    keys += [("s", t.lemma_.lower()) for t in (d.subj, *d.pre) if t is not None]
    found = {rp for k in keys for rp in lex.keyed.get((block, *k), ())}
    return [p for _, p in sorted(found, key=lambda rp: rp[0])]


def match(v: Token, lemma: str, lex: CameoLexicon) -> Match | None:
    """The CAMEO reading of verb ``v`` (lemma ``lemma``): the most specific pattern of its block that
    holds, else the verb's own code; None for a verb CAMEO does not list."""
    deps = _dependents(v)
    prts = deps.prts
    prt = next((p for p in sorted(prts) if (lemma, p) in lex.verbs), None)
    phrasal = lex.verbs[(lemma, prt)] if prt is not None else None
    entry = phrasal or lex.verbs.get((lemma, ""))
    if entry is None:
        return None
    for p in _candidates(entry.block, deps, lex):
        if not p.intent and _holds(p, deps, lex):
            return Match(p.type, p.rev, True, bool(p.prt or p.subj or p.preps))
    return Match(entry.type, False, phrasal is not None, phrasal is not None, f"{lemma}_{prt}" if prt else "")
