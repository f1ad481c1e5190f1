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


def _agents(extract, body: str, etype: str) -> set[str]:
    events, names = extract(body)
    return {names[a] for m in events if m.type == etype for a in m.agents + m.participants}


def test_the_first_person_in_a_quote_is_the_one_quoted(extract):
    assert _agents(extract, '"We strongly condemn Bolivia for this step," the Chilean Foreign Ministry said.',
                   "ACCUSE") == {"Ministry of Foreign Affairs of Chile"}
    assert "Ana Rojas" in _agents(extract, '"I met the Bolivian president on Monday," President Ana Rojas '
                                           'told reporters.', "CONSULT")


def test_the_first_person_outside_a_quote_is_nobody(extract):
    assert _agents(extract, "Bolivia is a neighbour. We visited Bolivia last week.", "CONSULT") <= {"Bolivia"}


def test_a_side_qualified_by_a_nationality_is_that_state(extract):
    events, names = extract("Bolivia denied the report. Peru condemned the Bolivian side for the step.")
    (m,) = [m for m in events if m.type == "ACCUSE" and m.trigger == "condemned"]
    assert {names[t] for t in m.targets} == {"Bolivia"}


def test_the_first_person_in_a_statement_read_out_is_its_issuer(extract):
    body = ('The Chilean Foreign Ministry said in a statement that the flight broke the rules. '
            '"We strongly condemn Bolivia for this step," read the statement.')
    assert _agents(extract, body, "ACCUSE") >= {"Ministry of Foreign Affairs of Chile"}


def test_them_after_a_joined_verb_is_that_verbs_object(extract):
    events, names = extract('Bolivia denied it. "We condemn the Bolivian side and urge them to explain," '
                            'the Chilean Foreign Ministry said.')
    (m,) = [m for m in events if m.type == "REQUEST"]
    assert {names[t] for t in m.targets} == {"Bolivia"}
