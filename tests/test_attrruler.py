"""Tests for newsgraph.extract.nlp.attrruler: the table attribute ruler finds the matches spaCy's attribute
ruler finds and sets the same token attributes, with the model's own rules.

Sentences are written for these tests; they do not come from any publisher.
"""
import pytest
import spacy

from newsgraph.extract import DEFAULT_MODEL
from newsgraph.extract.nlp.attrruler import TableAttributeRuler, table_attribute_rulers

TEXTS = [
    "I don't think it's ready, y'all said; we ain't gonna do it, and there is no time.",
    "The Armenian Foreign Ministry and Russia's Defence Ministry met in Gyumri on Monday.",
    "Lemme see: she has been doing well, hasn't she?  Gotta let's c'mon, 'em all.\n\nNEW YORK --",
    "It was given to them; those who did were 3.5 km away, wasn't it?\tThat's what I'd have said.",
    "",
]


@pytest.fixture(scope="module")
def fast():
    nlp = spacy.load(DEFAULT_MODEL)
    table_attribute_rulers(nlp)
    return nlp


def _attrs(doc):
    return [(t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.is_sent_start) for t in doc]


def test_the_models_rules_move_over_unchanged(stock, fast):
    ruler = fast.get_pipe("attribute_ruler")
    assert isinstance(ruler, TableAttributeRuler) and fast.pipe_names == stock.pipe_names
    assert ruler.patterns == stock.get_pipe("attribute_ruler").patterns
    assert len(ruler._rest) < len(ruler.patterns) // 4  # most rules are looked up, not matched


def test_same_matches_and_same_attributes(stock, fast):
    names = fast.pipe_names
    before = names[:names.index("attribute_ruler")]
    with fast.select_pipes(enable=before):  # (the flags of the table ruler's Matcher live in its vocab)
        docs = list(fast.pipe(TEXTS))
    ours, theirs = fast.get_pipe("attribute_ruler"), stock.get_pipe("attribute_ruler")
    for doc in docs:
        assert ours.match(doc) == theirs.match(doc)
    assert sum(len(theirs.match(d)) for d in docs) > 50
    for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
        assert _attrs(a) == _attrs(b)


def test_rules_of_many_kinds_on_a_blank_pipeline():
    """Plain one-token rules (one or several attributes, flags, an index), predicates and longer
    patterns, against spaCy's attribute ruler with the same rules."""
    rules = [
        ([[{"ORTH": "ok"}], [{"LOWER": "fine", "IS_TITLE": True}]], {"TAG": "UH"}, 0),
        ([[{"LOWER": "ok"}, {"TEXT": "then"}]], {"TAG": "RB"}, 1),
        ([[{"LOWER": {"IN": ["so", "then"]}}]], {"LEMMA": "so"}, 0),
        ([[{"IS_PUNCT": True}], [{"IS_DIGIT": True}]], {"TAG": "SYM"}, -1),
        ([[{"LENGTH": 2, "IS_LOWER": True}]], {"NORM": "xx"}, 0),
        ([[{"ORTH": "ok", "OP": "+"}]], {"LEMMA": "okay"}, 0),
        ([[{"LOWER": {"NOT_IN": ["ok", "so"]}, "IS_ALPHA": True, "LENGTH": 4}]], {"LEMMA": "four"}, 0),
        ([[{"TAG": {"NOT_IN": [""]}}], [{"NORM": {"IN": ["then", "42"]}, "IS_ASCII": True}]],
         {"POS": "X"}, 0),
        ([[{"TEXT": {"REGEX": "^F"}}]], {"MORPH": "Case=Nom"}, 0),
        ([[{"LOWER": {"IN": []}}], [{"ORTH": {"NOT_IN": []}, "LENGTH": 1}]], {"LEMMA": "one"}, 0),
    ]
    docs = {}
    for factory in ("attribute_ruler", "ng_attribute_ruler"):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe(factory)
        for patterns, attrs, index in rules:
            ruler.add(patterns, attrs, index)
        doc = nlp("ok then Fine fine, so 42 ok ok !")
        docs[factory] = [(t.tag_, t.lemma_, t.norm_, t.pos_, str(t.morph)) for t in doc]
    assert docs["attribute_ruler"] == docs["ng_attribute_ruler"]
    assert docs["ng_attribute_ruler"][:3] == [("UH", "okay", "xx", "", ""), ("RB", "four", "then", "X", ""),
                                              ("UH", "four", "fine", "", "Case=Nom")]


def test_an_index_outside_the_match_is_spacys_error():
    messages = []
    for factory in ("attribute_ruler", "ng_attribute_ruler"):
        nlp = spacy.blank("en")
        nlp.add_pipe(factory).add([[{"ORTH": "a"}]], {"TAG": "X"}, index=1)
        with pytest.raises(ValueError) as err:
            nlp("a b")
        messages.append(str(err.value))
    assert messages[0] == messages[1] and "E1001" in messages[0]
