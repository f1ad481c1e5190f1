"""Acronyms spelled like an English word are read as names by the models, in prose only."""
from __future__ import annotations

import pytest


def test_the_islamic_states_acronym_is_a_name_not_the_verb(nlp):
    doc = nlp("The Islamic State (IS) holds the valley. Last week IS seized two villages near the river.")
    acronym = [t for t in doc if t.text == "IS"][-1]
    assert acronym.pos_ == "PROPN" and acronym.dep_ == "nsubj" and acronym.text == "IS"
    assert doc.text.endswith("Last week IS seized two villages near the river.")   # the text as written


@pytest.mark.parametrize("text", ["WHAT IS NEXT FOR THE VALLEY?", "Whatever the valley is, it is calm."])
def test_the_verb_in_capitals_or_lower_case_stays_the_verb(nlp, text):
    assert all(t.norm_ == "is" for t in nlp(text) if t.lower_ == "is")


def test_an_acronyms_members_are_of_the_group_not_of_their_nationality(extract):
    events, names = extract("The Islamic State (IS) holds the valley. A Chilean IS fighter accused Peru's "
                            "government of torture.")
    (m,) = [m for m in events if m.type == "ACCUSE"]
    assert ({names[a] for a in m.agents}, {names[t] for t in m.targets}) == ({"Islamic State"}, {"Peru"})


def test_the_world_health_organizations_acronym_is_a_name_not_the_pronoun(nlp):
    doc = nlp("Officials from WHO met the minister in Lima on Monday.")
    acronym = next(t for t in doc if t.text == "WHO")
    assert acronym.tag_ == "NNP" and acronym.dep_ == "pobj"


@pytest.mark.parametrize("text", ["IS fighters seized two villages near the river.",
                                  "On Monday IS gunmen seized two villages near the river."])
def test_an_acronym_the_ner_left_untagged_is_the_organisation(nlp, text):
    assert "Islamic State" in {e.name for e in nlp(text)._.ng_entities}


def test_the_verb_in_capitals_is_no_organisation(nlp):
    assert not [e for e in nlp("WHAT IS NEXT FOR THE VALLEY?")._.ng_entities if e.kind == "Organization"]
