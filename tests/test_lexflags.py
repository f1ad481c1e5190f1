"""Tests for newsgraph.extract.nlp.lexflags: a Matcher whose word tests are lexeme flags finds what spaCy's
Matcher finds.

Sentences are written for these tests; they do not come from any publisher.
"""
import pickle

import spacy
from spacy.matcher import Matcher

from newsgraph.extract.nlp.lexflags import FlagMatcher, flag_bits

TEXTS = [
    "The Armenian Foreign Ministry and Russia's Defence Ministry met in Gyumri on Monday.",
    "I don't think it's ready, y'all said; we ain't gonna do it, and there is no time.",
    "NEW YORK -- Officials at example.org said the New Delhi office had been doing well.",
    "gotta let's c'mon   spaces\n\nand tabs\there; it was the Lake Sevan region's border.",
]

PATTERNS = [
    [{"ORTH": {"IN": ["Armenian", "Russia"]}, "OP": "+"}, {"ORTH": {"IN": ["'s"]}, "OP": "?"},
     {"IS_TITLE": True, "ORTH": {"NOT_IN": ["Armenian", "Russia"]}, "OP": "*"},
     {"LOWER": {"IN": ["ministry", "office"]}}],
    [{"TEXT": {"REGEX": r"^\w+\.(org|com)$"}}],
    [{"LOWER": {"IN": ["new"]}}, {"ORTH": {"REGEX": "^[A-Z]"}, "OP": "+"}],
    [{"LOWER": {"NOT_IN": ["the", "and"]}, "IS_TITLE": True}, {"LOWER": {"IN": ["region", "office"]}}],
    [{"LOWER": "lake"}, {"TEXT": {"REGEX": "^S"}}],
]


def test_same_matches_in_the_same_order_as_spacys_matcher(stock):
    plain, flags = Matcher(stock.vocab, validate=False), FlagMatcher(stock.vocab, validate=False)
    for k, pattern in enumerate(PATTERNS):
        plain.add(f"P{k}", [pattern])
        flags.add(f"P{k}", [pattern])
    docs = [stock.make_doc(t) for t in TEXTS]
    assert [plain(d) for d in docs] == [flags(d) for d in docs]
    assert sum(len(flags(d)) for d in docs) >= 6
    assert flags.get("P0") == plain.get("P0")  # kept as given


def test_one_flag_per_test_and_none_for_other_attributes(stock):
    nlp = spacy.blank("en")
    m = FlagMatcher(nlp.vocab, validate=False)
    m.add("A", [[{"ORTH": {"IN": ["x", "y"]}}, {"ORTH": {"NOT_IN": ["y", "x"]}}]])
    m.add("B", [[{"ORTH": {"IN": ["y", "x"]}, "POS": {"IN": ["NOUN"]}}, {"LENGTH": {">=": 2}}]])
    assert len(flag_bits(nlp.vocab)) == 1  # one set, whatever its order or its use
    words = nlp("x ab y x")
    assert m(words) == _plain(nlp, m)(words) and [(s, e) for _, s, e in m(words)] == [(0, 2)]


def _plain(nlp, flagged: FlagMatcher) -> Matcher:
    plain = Matcher(nlp.vocab, validate=False)
    for key in ("A", "B"):
        plain.add(key, flagged.get(key)[1])
    return plain


def test_validating_matcher_is_left_as_spacy_has_it():
    nlp = spacy.blank("en")
    m = FlagMatcher(nlp.vocab)  # validate=True: the patterns are checked, no flag is made
    m.add("A", [[{"LOWER": {"IN": ["a"]}}]])
    assert flag_bits(nlp.vocab) == [] and len(m(nlp("A b"))) == 1


def test_a_pickled_flag_matcher_matches_the_same(stock):
    nlp = spacy.blank("en")
    m = FlagMatcher(nlp.vocab, validate=False)
    m.add("A", PATTERNS[:2])
    doc = nlp(TEXTS[0] + " " + TEXTS[2])
    again = pickle.loads(pickle.dumps(m))
    assert again(doc) == m(doc) and len(m(doc)) >= 2

