"""Tests for newsgraph.extract.nlp.ruler: the word-table entity ruler gives what spaCy's entity ruler gives.

Sentences are written for these tests; they do not come from any publisher.
"""
import pytest

from newsgraph.extract.actors import patterns as ap

TEXTS = [
    "Paris Region and www.example.com in Tbilisi Georgia valley, Armenia ARMENIA Armenian Yerevan Gorge.",
    "The Lachin Corridor, Zangezur corridor and the Georgia Border Crossing near the Baku - Tbilisi Highway.",
    "Tbilisi Tbilisi river Armenia Lake Sevan ARMENIA GEORGIA Georgia armenpress.am rferl.org",
    "Azerbaijan's Foreign Ministry and the Ministry of Defense of Armenia met Russian peacekeepers.",
    "Nothing official happened here today.",
]


def _pair(nlp, name, patterns, overwrite):
    """(spaCy's entity ruler, ours) with ``patterns``, both placed where ``name`` is."""
    stock = nlp.add_pipe("entity_ruler", name="stock", config={"overwrite_ents": overwrite}, last=True)
    with nlp.select_pipes(enable=[]):
        stock.add_patterns(patterns)
    return stock, nlp.get_pipe(name)


def _patterns(name):
    words, phrases = ap.split(ap.place_patterns())
    return {"ng_places": words, "ng_known": phrases, "ng_bodies": ap.body_patterns()}[name]


@pytest.mark.parametrize("name,overwrite", [("ng_places", False), ("ng_known", True), ("ng_bodies", True)])
def test_same_matches_and_entities_as_the_entity_ruler(nlp, name, overwrite):
    stock, ours = _pair(nlp, name, _patterns(name), overwrite)
    ours.keep_longer = False  # the entity ruler's own overwrite rule, for the comparison
    try:
        before = nlp.pipe_names[:nlp.pipe_names.index(name)]
        with nlp.select_pipes(enable=before):
            docs = list(nlp.pipe(TEXTS))
        for doc in docs:  # (the body ruler's docs went through the place ruler)
            assert list(stock.matcher(doc)) == ours._token_matches(doc)
            assert stock.match(doc) == ours.match(doc)
            a, b = stock(doc.copy()), ours(doc.copy())
            assert [(e.start, e.end, e.label_, e.ent_id_) for e in a.ents] == \
                [(e.start, e.end, e.label_, e.ent_id_) for e in b.ents]
    finally:
        ours.keep_longer = overwrite
        nlp.remove_pipe("stock")


def test_a_gazetteer_phrase_never_cuts_a_longer_name(nlp):
    """The NER's "Los Angeles Lakers" stays whole; a crossing NER span gives way to the phrase."""
    from spacy.tokens import Span
    ours = nlp.get_pipe("ng_known")
    doc = nlp.make_doc("Fans of the New York Rangers met in New York City Hall.")
    doc.ents = [Span(doc, 3, 6, "ORG"), Span(doc, 8, 9, "PERSON")]
    ours.set_annotations(doc, [(nlp.vocab.strings["GPE"], 3, 5), (nlp.vocab.strings["GPE"], 8, 10)])
    assert [(e.text, e.label_) for e in doc.ents] == [("New York Rangers", "ORG"), ("New York", "GPE")]


def test_body_ruler_skips_docs_without_its_words(nlp):
    ours = nlp.get_pipe("ng_bodies")
    assert not ours._may_match(nlp.make_doc("Nothing official happened here today."))
    assert ours._may_match(nlp.make_doc("The Foreign Ministry spoke."))
