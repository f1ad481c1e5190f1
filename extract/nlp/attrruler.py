"""spaCy's attribute ruler with its one-token patterns tested on attribute arrays.

The English models' attribute ruler maps tags to parts of speech and fixes lemmas and morphology: some
180 rules, nearly all of one token (``{"TAG": "NNS"}``, ``{"TAG": "VBZ", "LOWER": "has"}``,
``{"LOWER": "i", "DEP": {"IN": ["dobj", "pobj"]}}``).  spaCy's Matcher starts a state for every
pattern at every token and calls a Python predicate per token for every word-list test, so the ruler
costs about as much as the parser.  :class:`TableAttributeRuler` reads the attributes its one-token
patterns test into one array per Doc: patterns of plain values are looked up in a table per token,
those with word lists (``IN``, ``NOT_IN``) are tested on the array's columns at once, and only the
longer patterns go to a Matcher (:class:`~newsgraph.extract.nlp.lexflags.FlagMatcher`).  A token's
attribute in the array is the value the Matcher compares, and the attribute ruler sorts its matches by
rule before it applies them, so the same matches set the same attributes.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> ruler = nlp.add_pipe("ng_attribute_ruler")
>>> ruler.add([[{"ORTH": "ok"}], [{"LOWER": "fine", "IS_TITLE": True}]], {"TAG": "UH"})
>>> ruler.add([[{"LOWER": "ok"}, {"ORTH": "then"}]], {"TAG": "RB"}, index=1)
>>> ruler.add([[{"LOWER": {"NOT_IN": ["ok", "then"]}, "IS_ALPHA": True}]], {"TAG": "XX"})
>>> [t.tag_ for t in nlp("ok then Fine fine !")]   # (a later rule wins)
['UH', 'RB', 'XX', 'XX', '']
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDS, MORPH
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from newsgraph.extract.nlp.lexflags import FlagMatcher

__all__ = ["TableAttributeRuler", "table_attribute_rulers"]

#: Pattern keys left to the Matcher: their Matcher value is not the token's attribute array value.
_NOT_PLAIN = {"OP", "_", "SENT_START", "IS_SENT_START", "ENT_IOB"}

Test = tuple[int, str, object]   # (attribute id, "==" / "IN" / "NOT_IN", value or sorted uint64 array)


def _value(value, strings) -> int | None:
    """A plain pattern value as spaCy's Matcher compares it: a string by its hash, a bool as 0/1."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return strings.add(value)
    return value if isinstance(value, int) else None


def _words_test(attr: int, value: dict) -> Test | None:
    """The test of a word list, ``{"IN": [...]}`` or ``{"NOT_IN": [...]}`` of strings, else None."""
    op, words = next(iter(value.items())) if len(value) == 1 else (None, None)
    if op not in ("IN", "NOT_IN") or attr == MORPH or not isinstance(words, list) \
            or not all(isinstance(w, str) for w in words):
        return None
    return attr, op, numpy.array(sorted({get_string_id(w) for w in words}), dtype=numpy.uint64)


def _one_token(pattern, strings) -> list[Test] | None:
    """The tests of a one-token pattern of plain values and word lists (``IN``/``NOT_IN`` of strings, as
    spaCy's set predicate reads them: by hash); None for any other pattern."""
    if not (isinstance(pattern, list) and len(pattern) == 1 and isinstance(pattern[0], dict) and pattern[0]):
        return None
    tests: list[Test] = []
    for key, value in pattern[0].items():
        name = key.upper() if isinstance(key, str) else None
        name = "ORTH" if name == "TEXT" else name
        if name is None or name in _NOT_PLAIN or name not in IDS:
            return None
        test = _words_test(IDS[name], value) if isinstance(value, dict) else _value(value, strings)
        if test is None:
            return None
        tests.append(test if isinstance(test, tuple) else (IDS[name], "==", numpy.uint64(test)))
    return tests


def _member(column: numpy.ndarray, values: numpy.ndarray) -> numpy.ndarray:
    """Whether each value of ``column`` is one of the sorted ``values``."""
    if not len(values):
        return numpy.zeros(len(column), dtype=bool)
    at = numpy.searchsorted(values, column)
    return values.take(at, mode="clip") == column


class _Lookup:
    """The one-token patterns of a :class:`TableAttributeRuler`, ready for a Doc: every attribute they
    test is read in one array; plain patterns are looked up per token, word-list ones tested per column."""

    def __init__(self, plain: list[tuple[list[Test], int]], lists: list[tuple[list[Test], int]]):
        self.attr_ids = sorted({a for tests, _ in plain + lists for a, _, _ in tests})
        col = {a: k for k, a in enumerate(self.attr_ids)}
        tables: dict[tuple[int, ...], dict] = {}   # columns -> values -> [rule key]
        for tests, key in plain:
            tests = sorted(tests)
            cols, values = tuple(col[a] for a, _, _ in tests), tuple(int(v) for _, _, v in tests)
            tables.setdefault(cols, {}).setdefault(values[0] if len(values) == 1 else values, []).append(key)
        self.tables = [(list(cols), numpy.array(sorted({v if len(cols) == 1 else v[0] for v in table}),
                                                dtype=numpy.uint64), table) for cols, table in tables.items()]
        self.lists = [([(col[a], op, v) for a, op, v in tests], key) for tests, key in lists]

    def hits(self, doc: Doc) -> list[tuple[int, int]]:
        """(token index, rule key) of every one-token pattern a token of ``doc`` matches."""
        values = doc.to_array(self.attr_ids).reshape((len(doc), len(self.attr_ids)))
        found: list[tuple[int, int]] = []
        for cols, firsts, table in self.tables:
            rows = numpy.flatnonzero(_member(values[:, cols[0]], firsts))
            if len(cols) == 1:  # (the table's keys are then the values themselves, not 1-tuples)
                rows_values = zip(rows.tolist(), values[rows, cols[0]].tolist(), strict=True)
            else:
                picked = values[numpy.ix_(rows, cols)].tolist()
                rows_values = zip(rows.tolist(), map(tuple, picked), strict=True)
            for i, value in rows_values:
                keys = table.get(value)
                if keys is not None:
                    found += [(i, key) for key in keys]
        for tests, key in self.lists:
            ok = numpy.ones(len(doc), dtype=bool)
            for c, op, v in tests:
                ok &= values[:, c] == v if op == "==" else _member(values[:, c], v) == (op == "IN")
            found += [(i, key) for i in numpy.flatnonzero(ok).tolist()]
        return found


class TableAttributeRuler(AttributeRuler):
    """spaCy's attribute ruler whose one-token patterns are tested on attribute arrays (module doc).

    ``self.matcher`` holds every pattern as spaCy's ruler has it (:attr:`patterns`, serialisation); the
    matches come from the arrays and from a second Matcher holding the longer patterns.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._reset()

    def _reset(self) -> None:
        self._plain: list[tuple[list[Test], int]] = []   # (tests, rule key) of plain one-token patterns
        self._lists: list[tuple[list[Test], int]] = []   # ... of one-token patterns with word lists
        self._rest = FlagMatcher(self.vocab, validate=False)
        self._rules: dict[int, int] = {}  # rule key -> rule number
        self._lookup: _Lookup | None = None

    def clear(self) -> None:
        """Reset all patterns."""
        super().clear()
        self._reset()

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        """Add patterns as spaCy's attribute ruler does (same rule numbers, same checks)."""
        key = self.vocab.strings.add(str(len(self.attrs)))
        super().add(patterns, attrs, index)
        self._rules[key], self._lookup = int(self.vocab.strings[key]), None
        rest = []
        for pattern in patterns:
            tests = _one_token(pattern, self.vocab.strings)
            if tests is None:
                rest.append(pattern)
            else:
                (self._plain if all(op == "==" for _, op, _ in tests) else self._lists).append((tests, key))
        if rest:
            self._rest.add(key, rest)

    def match(self, doc: Doc):
        """The matches spaCy's attribute ruler finds, as (rule, match id, start, end), sorted."""
        rules = self._rules
        found = {(rules[k], k, s, e) for k, s, e in self._rest(doc, allow_missing=True, as_spans=False)} \
            if len(self._rest) else set()
        if len(doc) and (self._plain or self._lists):
            if self._lookup is None:
                self._lookup = _Lookup(self._plain, self._lists)
            found.update((rules[key], key, i, i + 1) for i, key in self._lookup.hits(doc))
        return sorted(found)

    def set_annotations(self, doc: Doc, matches) -> None:
        """Set the attributes of each match's token as spaCy's attribute ruler does, without making a
        Span per match (a match whose index falls outside it raises spaCy's own error)."""
        for match in matches:
            attr_id, _, start, end = match
            index = self.indices[attr_id]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:
                super().set_annotations(doc, [match])
            set_token_attrs(doc[i], self.attrs[attr_id])


@Language.factory("ng_attribute_ruler", default_config={
    "validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_table_attribute_ruler(nlp: Language, name: str, validate: bool, scorer) -> TableAttributeRuler:
    """Factory of :class:`TableAttributeRuler` (configured like spaCy's ``attribute_ruler``)."""
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def table_attribute_rulers(nlp: Language) -> None:
    """Put a :class:`TableAttributeRuler` with the same patterns in place of each of ``nlp``'s spaCy
    attribute rulers: the same token attributes, set faster.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.add_pipe("attribute_ruler").add([[{"LOWER": {"IN": ["ok"]}}]], {"TAG": "UH"})
    >>> table_attribute_rulers(nlp)
    >>> type(nlp.get_pipe("attribute_ruler")).__name__, nlp("OK then")[0].tag_
    ('TableAttributeRuler', 'UH')
    """
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            patterns = component.patterns
            ruler = nlp.replace_pipe(name, "ng_attribute_ruler", config={"validate": component.validate})
            ruler.add_patterns(patterns)
