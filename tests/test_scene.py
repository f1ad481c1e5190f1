"""The parties of a meeting told as the scene of a clause: a photo caption's people listed with "and",
whatever the parser made of the clause.

Sentences are written for these tests; they do not come from any publisher."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extract.events.context import Context
from newsgraph.extract.events.scene import joined_people


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


def test_a_captions_verb_of_meeting_read_as_a_noun_still_gives_the_meeting_its_people(extract):
    # ("greets" after a name is tagged a plural noun by the small model: the caption has no verb)
    events, names = extract("President Ana Rojas greets Tom Varga before their meeting in Lima, "
                            "June 3, 2016.")
    assert [{names[p] for p in m.participants} for m in events if m.type == "CONSULT"] == [
        {"Ana Rojas", "Tom Varga"}]
