"""Untagged names the words around describe as people: an apposition, "and" joining a person.

Sentences are written for these tests; they do not come from any publisher."""
from __future__ import annotations

import pytest


def people(nlp, text: str) -> set[str]:
    return {e.name for e in nlp(text)._.ng_entities if e.kind == "Person"}


@pytest.mark.parametrize(("text", "name"), [
    ("Varga, a professor of chemistry at Dunmore College, retired on Friday.", "Varga"),
    ("Sentence 12\n\nOkafor, an assistant product manager, said the line would grow.", "Okafor"),
    ("Police Major Anan Boonmee, the commander of the border unit, spoke.", "Anan Boonmee"),  # no rank
])
def test_a_name_before_a_person_apposition_is_a_person(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text", [
    "Dunmore, a Dutch retailer, said sales fell.",            # a firm noun, no person noun
    "Meanwhile, a spokesman said the plan had failed.",       # no name before the comma
])
def test_no_person_without_a_name_and_a_person_noun(nlp, text):
    assert not people(nlp, text)


@pytest.mark.parametrize(("text", "name"), [
    ("Ana Rojas and Tom Hale discussed the border on Monday.", "Ana Rojas"),
    ("Tom Hale and Ana Rojas met in Lima on Monday.", "Ana Rojas"),
    ("Deputy Ana Rojas and Tom Hale met in Lima on Monday.", "Ana Rojas"),   # (the rank left out)
])
def test_an_untagged_name_joined_by_and_to_a_person_is_a_person(nlp, text, name):
    assert name in people(nlp, text)


def test_a_name_after_or_may_be_the_same_persons_other_name_and_is_left_alone(nlp):
    assert "Mama Lis" not in people(nlp, "Take, for instance, Lisbeth Rojas, or \u201cMama Lis.\u201d")


def test_a_known_place_or_body_joined_to_a_person_stays_what_it_is(nlp):
    found = people(nlp, "Tom Hale and the Andean Water Rights Council met in Lima and Arica.")
    assert "Andean Water Rights Council" not in found and "Arica" not in found
