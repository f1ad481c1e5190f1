"""Who a role noun or a body noun stands for, whatever the parser made of the clause.

Sentences are written for these tests; they do not come from any publisher."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extract.events.context import Context


def test_a_role_noun_stands_for_the_person_named_right_after_it_however_parsed():
    from newsgraph.extract.events.anaphora import named_next
    words = ["killed", "girlfriend", "Ana", "Rojas", "and", "the", "car"]
    lemmas = ["kill", "girlfriend", "Ana", "Rojas", "and", "the", "car"]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas, ents=ents)
    ctx = Context(doc, {2: "E1", 3: "E1"}, {"E1": "Person"}, (), frozenset())
    assert named_next(doc[1], ctx) == "E1"
    assert named_next(doc[6], ctx) is None and named_next(doc[0], ctx) is None
