"""Tests for extract/quotes.py on invented sentences (entities set by hand on the real parse)."""
from __future__ import annotations

from newsgraph.extract.attribution.marks import quote_spans
from newsgraph.extract.attribution.quotes import quotes
from tests.test_roles import make


def said(doc):
    by_id = {e.id: e.name for e in doc._.ng_entities}
    return [(by_id.get(q.speaker), q.text) for q in quotes(doc)]


def test_spans_mixed_and_broken_marks():
    t = 'A \u201cfirst one." B "second one\u201d. C said "broken\n\nD "fine" end.'
    assert [t[s:e] for s, e in quote_spans(t)] == ["first one.", "second one", "fine"]


def test_multi_paragraph_quote_runs_on():
    t = '"We will stay here,\n\n"and we will build."'
    assert [t[s:e] for s, e in quote_spans(t)] == ["We will stay here", "and we will build."]


def test_said_after_and_before(nlp):
    doc = make(nlp, '"The bridge will open in May," said Karl Ostrov.\n\n'
               'Petra Novak said: "We are ready for the visitors."',
               {"Karl Ostrov": "Person", "Petra Novak": "Person"})
    assert said(doc) == [("Karl Ostrov", "The bridge will open in May"),
                         ("Petra Novak", "We are ready for the visitors.")]


def test_tweeted_and_offsets(nlp):
    doc = make(nlp, "\u201cThe harbour stays closed tonight,\u201d Ana Vik tweeted.", {"Ana Vik": "Person"})
    q = next(iter(quotes(doc)))
    assert doc.text[q.start:q.end] == q.text == "The harbour stays closed tonight"


def test_scare_quotes_are_not_statements(nlp):
    doc = make(nlp, 'Lena Dahl visited the so-called "free zone" in the north.', {"Lena Dahl": "Person"})
    assert said(doc) == []


def test_short_quote_governed_by_speech_verb(nlp):
    doc = make(nlp, 'Lena Dahl called for "calm and patience" in the region.', {"Lena Dahl": "Person"})
    assert said(doc) == [("Lena Dahl", "calm and patience")]


def test_description_resolves_to_role_holder(nlp):
    doc = make(nlp, "Sylvania's Prime Minister Ana Vik met Karl Ostrov in Orlo.\n\n"
               '"Our doors are open to every neighbour," the prime minister repeated.',
               {"Sylvania": "State", "Ana Vik": "Person", "Karl Ostrov": "Person"})
    assert said(doc) == [("Ana Vik", "Our doors are open to every neighbour")]


def test_continuation_paragraph_keeps_speaker(nlp):
    doc = make(nlp, '"We start the repairs on Monday," said Karl Ostrov.\n\n'
               '"The work will take three weeks and the road stays open."',
               {"Karl Ostrov": "Person"})
    assert [s for s, _ in said(doc)] == ["Karl Ostrov", "Karl Ostrov"]


def test_statement_read_by_issuer(nlp):
    doc = make(nlp, "The Sylvanian Foreign Ministry said in a statement that the envoy was recalled.\n\n"
               '"We expect an apology without delay," read the statement.',
               {"Sylvanian Foreign Ministry": "Organization"})
    assert said(doc) == [("Sylvanian Foreign Ministry", "We expect an apology without delay")]


def test_report_from_organisation(nlp):
    doc = make(nlp, '"Exports doubled within a single year," a report from the Northern Trade Bank noted.',
               {"Northern Trade Bank": "Organization"})
    assert said(doc) == [("Northern Trade Bank", "Exports doubled within a single year")]


def test_unattributed_quote_is_kept_without_speaker(nlp):
    doc = make(nlp, '"A long and winding sentence opens this opinion piece." Nothing else follows.', {})
    assert said(doc) == [(None, "A long and winding sentence opens this opinion piece.")]


def test_blank_pipeline_never_raises():
    import spacy
    assert list(quotes(spacy.blank("en")('He said "odd.'))) == []
