"""The event trigger lexicon (``extract/lexicon/data/events.toml``) compiled into lookup tables.

Each block of the data file is named after an event type declared in ``event_types.toml``
(:mod:`newsgraph.extract.lexicon.event_types`), besides ``[general]``; a block of any other name is an
error when the lexicon is loaded.

>>> lex = lexicon()
>>> lex.verbs["condemn"], lex.pairs[("summon", "ambassador")], "meet" in lex.known
('ACCUSE', 'ACCUSE', True)
>>> sorted(etype for etype, preps in lex.prep["call"] if "for" in preps)
['REQUEST']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsgraph.extract.events.cameo import cameo
from newsgraph.extract.lexicon import toml
from newsgraph.extract.lexicon.event_types import NAMES

__all__ = ["TriggerLexicon", "compile_lexicon", "lexicon", "noun_lemma", "verb_lemma"]

FILE = "events.toml"
_BY_LEMMA = ("verbs", "actor_object", "owner_object", "nouns", "joint")      # word -> type tables
_WORD_SETS = ("light", "occur", "speech", "topic_verbs", "measure", "local", "happenings", "anchored_only",
              "joint_nouns", "cameo_skip")   # [general] lists


@dataclass(frozen=True, eq=False)
class TriggerLexicon:
    """The trigger tables (see the header of ``events.toml``); where a word is listed under several
    types, the first block wins.  Built once by :func:`lexicon`; callers must not change the tables."""

    verbs: dict[str, str]                      # verb lemma -> type: triggers on its own
    actor_object: dict[str, str]               # verb lemma -> type: with an actor as object
    owner_object: dict[str, str]               # verb lemma -> type: with an actor or an actor's thing
    nouns: dict[str, str]                      # nominalisation -> type: triggers when anchored
    joint: dict[str, str]                      # verb lemma -> type: triggers with two parties or more
    prep: dict[str, tuple[tuple[str, frozenset[str]], ...]]   # verb lemma -> ((type, particles), ...)
    pairs: dict[tuple[str, str], str]          # (verb, object lemma | "*actor" | "*thing") -> type
    phrases: dict[tuple[str, ...], str]        # multiword noun (lemmas) -> type
    exclude: dict[tuple[str, str], frozenset[str]]   # (type, verb) -> objects that do not trigger it
    transitive: frozenset[tuple[str, str]]     # (type, verb): triggers only with an object
    light: frozenset[str]                      # light verbs: "held talks"
    occur: frozenset[str]                      # verbs whose trigger-noun subject is an event
    speech: frozenset[str]                     # verbs of saying: attribution
    topic_verbs: frozenset[str]                # verbs whose object is a topic, not an event
    measure: frozenset[str]                    # "a round of": nouns measuring out an event noun
    local: frozenset[str]                      # types that take the story's place
    happenings: frozenset[str]                 # types that stand without a named actor ("were arrested")
    anchored_only: frozenset[str]              # happening nouns that need a party or a light verb
    joint_nouns: frozenset[str]                # meeting nouns of one speaker unless "joint", "with X"
    cameo_skip: frozenset[str]                 # CAMEO verbs whose own code is not used (patterns are)
    cameo_verbs: frozenset[str]                # every verb lemma of the CAMEO table
    disasters: frozenset[str]                  # the DISASTER nouns
    phrase_ends: dict[str, tuple[tuple[tuple[str, ...], str], ...]]   # last lemma -> ((phrase, type), ...)
    triggers: frozenset[str]                   # every verb lemma of a trigger table
    known: frozenset[str]                      # triggers, light verbs and occurrence verbs
    noun_words: frozenset[str]                 # every noun of a trigger table


def _type_tables(blocks: dict) -> dict:
    """The word, pair, phrase and exclusion tables of the type blocks, in block order."""
    out: dict = {key: {} for key in (*_BY_LEMMA, "prep", "pairs", "phrases", "exclude")}
    out["transitive"] = frozenset((etype, verb) for etype, block in blocks.items()
                                  for verb in block.get("transitive", ()))
    for etype, block in blocks.items():
        for key in _BY_LEMMA:
            for lemma in block.get(key, ()):
                out[key].setdefault(lemma, etype)
        for lemma, preps in block.get("prep", {}).items():
            out["prep"][lemma] = (*out["prep"].get(lemma, ()), (etype, frozenset(preps)))
        for verb, obj in block.get("pairs", ()):
            out["pairs"].setdefault((verb, obj), etype)
        for phrase in block.get("phrases", ()):
            out["phrases"].setdefault(tuple(phrase.split()), etype)
        for verb, objs in block.get("exclude", {}).items():
            out["exclude"][(etype, verb)] = frozenset(objs)
    return out


def compile_lexicon(raw: dict) -> TriggerLexicon:
    """The lexicon of the parsed data file ``raw``; a ``ValueError`` naming any block that is neither
    ``[general]`` nor a declared event type.

    >>> compile_lexicon({"ASSAULT": {"verbs": ["punch"]}}).verbs
    {'punch': 'ASSAULT'}
    >>> compile_lexicon({"PICNIC": {"verbs": ["picnic"]}})
    Traceback (most recent call last):
    ...
    ValueError: events.toml: [PICNIC] is not an event type (they are declared in event_types.toml)
    """
    blocks = {name: block for name, block in raw.items() if name != "general"}
    for name in blocks:
        if name not in NAMES:
            raise ValueError(f"{FILE}: [{name}] is not an event type (they are declared in event_types.toml)")
    general, tables = raw.get("general", {}), _type_tables(blocks)
    for lemma, etype in tables["joint"].items():  # a joint verb is a verb of its type (with two parties)
        tables["verbs"].setdefault(lemma, etype)
    words = {key: frozenset(general.get(key, ())) for key in _WORD_SETS}
    ends: dict[str, tuple] = {}   # last lemma -> ((phrase, type), ...), in lexicon order
    for phrase, etype in tables["phrases"].items():
        ends[phrase[-1]] = (*ends.get(phrase[-1], ()), (phrase, etype))
    triggers = frozenset(tables["verbs"]) | set(tables["actor_object"]) | set(tables["owner_object"]) \
        | set(tables["prep"]) | {v for v, _ in tables["pairs"]}
    cameo_verbs = frozenset(lemma for lemma, _ in cameo().verbs)
    return TriggerLexicon(**tables, **words, phrase_ends=ends, triggers=triggers, cameo_verbs=cameo_verbs,
                          disasters=frozenset(k for k, v in tables["nouns"].items() if v == "DISASTER"),
                          known=triggers | words["light"] | words["occur"] | cameo_verbs,
                          noun_words=frozenset(tables["nouns"]) | set(ends))


@cache
def lexicon() -> TriggerLexicon:
    """The trigger lexicon of ``events.toml``, compiled once."""
    return compile_lexicon(toml(FILE))


def verb_lemma(tok: Token, lex: TriggerLexicon) -> str:
    """The lemma of a verb as the lexicon spells it: the rule lemmatizer cuts a silent "e"
    off verbs it does not list ("staged" -> "stag"), so "stag" is read as "stage"; a past tense
    tagged as a present keeps its form ("retook"), so an unknown "-ook" is read as "-ake".

    >>> import spacy
    >>> blank = spacy.blank("en")
    >>> verb_lemma(blank("stag")[0], lexicon()), verb_lemma(blank("retook")[0], lexicon())
    ('stage', 'retake')
    >>> verb_lemma(blank("teargasse")[0], lexicon())
    'teargas'
    """
    lemma = (tok.lemma_ or tok.lower_).lower()
    if lemma in lex.known:
        return lemma
    if lemma + "e" in lex.known:
        return lemma + "e"
    if lemma.endswith("sse") and lemma[:-2] in lex.known:
        return lemma[:-2]  # a doubled "s" given an "e": "teargassed" -> "teargasse" -> "teargas"
    # a past tense the tagger read as a present keeps its form: "retook", "overtook" (-ook from -ake)
    return lemma[:-3] + "ake" if lemma.endswith("ook") and lemma[:-3] + "ake" in lex.known else lemma


def noun_lemma(n: Token) -> str:
    """The lemma of a noun; a plural the tagger took for a name, first in its sentence, loses its "s"
    ("Airstrikes hit the port": a plural noun, not a name).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Airstrikes", "hit"], tags=["NNPS", "VBD"],
    ...           lemmas=["Airstrikes", "hit"], sent_starts=[True, False])
    >>> noun_lemma(doc[0])
    'airstrike'
    """
    lemma = n.lemma_.lower()
    if n.tag_ == "NNPS" and lemma == n.lower_ and n.is_sent_start and lemma.endswith("s"):
        return lemma[:-1]
    return lemma


def word_type(tok: Token, lex: TriggerLexicon) -> str | None:
    """The event type a word triggers on its own, read without its arguments: a listed noun ("shooting",
    "protests"), a listed verb, else the own code of a CAMEO verb -- what a headline's words are about.

    >>> import spacy
    >>> [word_type(t, lexicon()) for t in spacy.blank("en")("Riot in Lima")]
    ['PROTEST', None, None]
    """
    for word in dict.fromkeys((tok.lower_, tok.lemma_.lower() or tok.lower_)):
        etype = lex.nouns.get(word) or lex.verbs.get(word)
        if etype:
            return etype
    entry = cameo().verbs.get((tok.lemma_.lower(), "")) if tok.lemma_ else None
    return entry.type if entry is not None and entry.type != "-" else None
