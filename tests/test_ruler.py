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


@pytest.mark.parametrize("name,overwrite", [("ng_places", False), ("ng_bodies", True)])
def test_same_matches_and_entities_as_the_entity_ruler(nlp, name, overwrite):
    patterns = ap.place_patterns() if name == "ng_places" else ap.body_patterns()
    stock, ours = _pair(nlp, name, patterns, overwrite)
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
        nlp.remove_pipe("stock")


def test_body_ruler_skips_docs_without_its_words(nlp):
    ours = nlp.get_pipe("ng_bodies")
    assert not ours._may_match(nlp.make_doc("Nothing official happened here today."))
    assert ours._may_match(nlp.make_doc("The Foreign Ministry spoke."))
