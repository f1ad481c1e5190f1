"""Word-list and regex tests of Matcher patterns as lexeme flags.

spaCy's Matcher tests ``{"ORTH": {"IN": [...]}}``, ``NOT_IN`` and ``REGEX`` by calling a Python
predicate on the tokens it reaches; an attribute with a plain value it compares in C.  A test of
a word's own string (ORTH/TEXT, or LOWER: the word as the vocabulary lower-cases it) has one answer
per vocabulary entry, so it can be a boolean lexeme flag (:meth:`spacy.vocab.Vocab.add_flag`): set
once for every word the vocabulary holds or will make, compared in C like any attribute.
:class:`FlagMatcher` is a Matcher that turns those tests of the patterns it is given into flags: it
finds the same matches in the same order, with fewer Python calls.

A flag is a :class:`WordFlag` kept among the vocabulary's attribute getters: a test gets one bit per
vocabulary however many patterns use it (``NOT_IN`` is the bit of its ``IN`` set, cleared); when
the bits run out a test stays a predicate.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> m = FlagMatcher(nlp.vocab, validate=False)
>>> m.add("X", [[{"LOWER": {"IN": ["new"]}}, {"ORTH": {"REGEX": "^[A-Z]"}, "OP": "+"}]])
>>> doc = nlp("new York and NEW Delhi")
>>> [doc[s:e].text for _, s, e in m(doc)]
['new York', 'NEW Delhi']
>>> len(flag_bits(nlp.vocab)), m.get("X")[1][0][0]   # two flags; the patterns are kept as given
(2, {'LOWER': {'IN': ['new']}})
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import LOWER
from spacy.matcher import Matcher

__all__ = ["WordFlag", "FlagMatcher", "flag_bits", "flagged"]

#: The pattern keys that test a word's own string, and whether they read it lower-cased.
_WORD_KEYS = {"ORTH": False, "TEXT": False, "LOWER": True}
_FLAG_BITS = 64


class WordFlag:
    """Whether a word (first put through ``lower`` when given) is one of ``words``, or (``regex``)
    contains a match of the regex.  Compared by value; picklable."""

    __slots__ = ("lower", "words", "regex", "_search")

    def __init__(self, lower: Callable[[str], str] | None, *, words: frozenset[str] | None = None,
                 regex: str | None = None):
        self.lower, self.words, self.regex = lower, words, regex
        self._search = re.compile(regex).search if regex is not None else None

    def _key(self) -> tuple:
        return self.lower, self.words, self.regex

    def __eq__(self, other) -> bool:
        return isinstance(other, WordFlag) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self):
        return _word_flag, self._key()

    def __call__(self, word: str) -> bool:
        if self.lower is not None:
            word = self.lower(word)
        return word in self.words if self._search is None else self._search(word) is not None


def _word_flag(lower, words, regex) -> WordFlag:
    return WordFlag(lower, words=words, regex=regex)


def flag_bits(vocab) -> list[int]:
    """The bits of ``vocab``'s WordFlags, in the order they were added."""
    return [bit for bit, getter in vocab.lex_attr_getters.items() if isinstance(getter, WordFlag)]


def _bit(vocab, test: WordFlag) -> int | None:
    """The flag bit of ``test`` in ``vocab``, added when new; None when no bit is free."""
    for bit, getter in vocab.lex_attr_getters.items():
        if isinstance(getter, WordFlag) and getter == test and isinstance(bit, int) and bit < _FLAG_BITS:
            return bit
    try:
        return vocab.add_flag(test)
    except ValueError:  # every flag bit is taken
        return None


def _test(vocab, key, value) -> tuple[WordFlag, bool] | None:
    """(WordFlag, value it must have) of one ``key: value`` of a token pattern, when it is a word-list or
    regex test of a word's string; None otherwise (and for LOWER when the vocabulary has no lower case)."""
    lowered = _WORD_KEYS.get(key.upper()) if isinstance(key, str) else None
    lower = vocab.lex_attr_getters.get(LOWER) if lowered else None
    if lowered is None or lowered and lower is None or not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list | tuple) and all(isinstance(w, str) for w in arg):
        return WordFlag(lower, words=frozenset(arg)), op == "IN"
    if op == "REGEX" and isinstance(arg, str):
        return WordFlag(lower, regex=arg), True
    return None


def flagged(vocab, pattern: list) -> list:
    """``pattern`` with its word-list and regex tests of ORTH/TEXT/LOWER made flag tests (module doc)."""
    out = []
    for spec in pattern:
        if not isinstance(spec, dict):
            out.append(spec)
            continue
        new: dict = {}
        for key, value in spec.items():
            test = _test(vocab, key, value)
            bit = _bit(vocab, test[0]) if test is not None else None
            if bit is None or bit in new:
                new[key] = value
            else:
                new[bit] = test[1]
        out.append(new)
    return out


class FlagMatcher(Matcher):
    """A Matcher whose patterns' word-list and regex tests are lexeme flags (see module doc).

    Only with ``validate=False``: spaCy's pattern check knows no flag keys, so with ``validate=True`` it is
    spaCy's Matcher as it is.  The patterns are kept as given (:meth:`get`, and a pickled FlagMatcher
    comes back as a Matcher of the given patterns).
    """

    def add(self, key, patterns, **kwargs) -> None:
        """Add patterns as :meth:`Matcher.add` does, their word tests made flags."""
        if self.validate or not isinstance(patterns, list) or not all(isinstance(p, list) for p in patterns):
            super().add(key, patterns, **kwargs)
            return
        super().add(key, [flagged(self.vocab, p) for p in patterns], **kwargs)
        held = self._patterns[self._normalize_key(key)]
        held[len(held) - len(patterns):] = patterns

