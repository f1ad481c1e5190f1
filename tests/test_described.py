"""Untagged names an apposition describes as people.

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
