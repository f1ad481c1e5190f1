"""Who "their" and a caption's list of people stand for, whatever the parser made of the clause.

Sentences are written for these tests; they do not come from any publisher."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extract.events.anaphora import joined_people
from newsgraph.extract.events.phrases import Context


def _caption(words: list[str], pos: list[str], people: dict[int, str]) -> tuple[Doc, Context]:
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))
    return doc, Context(doc, people, {e: "Person" for e in people.values()}, (), frozenset())


def test_people_a_caption_lists_with_and_whatever_the_verb_was_read_as():
    words = ["President", "Tom", "Varga", "and", "Premier", "Ana", "Rojas", "arrive", "for", "their",
             "meeting"]
    pos = ["PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "NOUN", "ADP", "PRON", "NOUN"]
    doc, ctx = _caption(words, pos, {1: "E1", 2: "E1", 5: "E2", 6: "E2"})
    assert joined_people(doc[10], ctx) == ["E1", "E2"]


def test_no_list_when_a_verb_stands_between_the_people_or_no_and_joins_them():
    words = ["Tom", "Varga", "left", "and", "Ana", "Rojas", "came", "for", "a", "meeting"]
    pos = ["PROPN", "PROPN", "VERB", "CCONJ", "PROPN", "PROPN", "VERB", "ADP", "DET", "NOUN"]
    doc, ctx = _caption(words, pos, {0: "E1", 1: "E1", 4: "E2", 5: "E2"})
    assert joined_people(doc[9], ctx) == []
    words = ["Tom", "Varga", "thanked", "Ana", "Rojas", "before", "a", "meeting"]
    pos = ["PROPN", "PROPN", "NOUN", "PROPN", "PROPN", "ADP", "DET", "NOUN"]
    doc, ctx = _caption(words, pos, {0: "E1", 1: "E1", 3: "E2", 4: "E2"})
    assert joined_people(doc[7], ctx) == []


def test_a_role_noun_stands_for_the_person_named_right_after_it_however_parsed():
    from newsgraph.extract.events.anaphora import named_next
    words = ["killed", "girlfriend", "Ana", "Rojas", "and", "the", "car"]
    lemmas = ["kill", "girlfriend", "Ana", "Rojas", "and", "the", "car"]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas, ents=ents)
    ctx = Context(doc, {2: "E1", 3: "E1"}, {"E1": "Person"}, (), frozenset())
    assert named_next(doc[1], ctx) == "E1"
    assert named_next(doc[6], ctx) is None and named_next(doc[0], ctx) is None
