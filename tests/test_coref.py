"""Pronouns and descriptions resolved to the actor they stand for, conservatively."""
from __future__ import annotations

import pytest

from newsgraph.extract.actors.coref import demonym_matches, paragraph_of, resolve
from newsgraph.extract.records import Article


def parse(nlp, body: str):
    from newsgraph.extract.pipeline import records_of
    art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=len(body),
                  headline="Test report", body=body, body_start=0, date="2023-03-23")
    doc = nlp(art.text)
    rec = records_of(doc, art)
    return doc, {e.id: e.name for e in rec.entities}


def token(doc, text: str, nth: int = 0):
    return [t for t in doc if t.text == text][nth]


@pytest.mark.parametrize("adj, name, ok", [
    ("Iranian", "Iran", True), ("Armenian", "Armenia", True), ("Azerbaijani", "Azerbaijan", True),
    ("Azeri", "Azerbaijan", True), ("American", "United States", True), ("Russian", "Russia", True),
    ("Armenian", "Iran", False), ("Iranian", "Iraq", False), ("", "Iran", False),
])
def test_demonyms(adj, name, ok):
    assert demonym_matches(adj, name) is ok


def test_pronoun_to_the_only_person_before(nlp):
    doc, names = parse(nlp, "Prime Minister Jonas Berg arrived in Oslo. He met the press.")
    assert names.get(resolve(doc, token(doc, "He"))) == "Jonas Berg"


def test_description_agrees_in_title(nlp):
    body = ("Deputy Foreign Minister Omar Haddad of Jordan met Defense Minister Lena Vogt of Austria. "
            "The Deputy Minister praised the talks.")
    doc, names = parse(nlp, body)
    head = token(doc, "Minister", 2)
    assert names.get(resolve(doc, head)) == "Omar Haddad"


def test_description_agrees_in_nationality(nlp):
    body = "Jordan's envoy Omar Haddad met Austria's envoy Lena Vogt. The Jordanian official left early."
    doc, names = parse(nlp, body)
    assert names.get(resolve(doc, token(doc, "official"))) == "Omar Haddad"


def test_counterpart_without_a_named_candidate_is_none(nlp):
    doc, _ = parse(nlp, "Omar Haddad of Jordan held talks with his Austrian counterpart.")
    assert resolve(doc, token(doc, "counterpart")) is None


def test_no_guess_across_paragraphs(nlp):
    body = "Jonas Berg arrived in Oslo.\n\nThe weather was cold.\n\nRain fell.\n\nHe left."
    doc, _ = parse(nlp, body)
    assert paragraph_of(doc, token(doc, "He").idx) - paragraph_of(doc, token(doc, "Jonas").idx) == 3
    assert resolve(doc, token(doc, "He")) is None


def test_bad_input_is_none(nlp):
    doc, _ = parse(nlp, "Rain fell.")
    assert resolve(doc, None) is None
    assert resolve(doc, token(doc, "Rain")) is None


def _hand_doc(words, ents, tags=None):
    """A blank-pipeline Doc with sentence starts after '.', actor spans as (start, end, label, kb_id)."""
    import spacy
    from spacy.tokens import Doc, Span
    nlp = spacy.blank("en")
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts, tags=tags)
    doc.ents = [Span(doc, a, b, label=lab, kb_id=kb) for a, b, lab, kb in ents]
    return doc


def test_unrecognised_name_in_between_blocks_the_guess():
    words = ["Jonas", "Berg", "met", "reporters", ".", "Then", "Vardan", "arrived", ".",
             "Officials", "refused", "to", "meet", "him", "."]
    tags = ["NNP" if w[0].isupper() else "NN" for w in words]
    doc = _hand_doc(words, [(0, 2, "PERSON", "E0"), (6, 7, "NORP", "")], tags)
    assert resolve(doc, doc[13]) is None
    doc = _hand_doc(words, [(0, 2, "PERSON", "E0")], tags)
    assert resolve(doc, doc[13]) == "E0"
