"""Which trigger mentions are kept: a meeting noun needs two parties, the body that meets, or a named party
and another side told by a noun."""
from __future__ import annotations

import pytest

from tests.test_arguments import only


def consults(extract, body: str) -> list[set[str]]:
    """The participants (names) of each CONSULT mention of ``body``."""
    events, names = extract(body)
    return [{names[p] for p in m.participants} for m in events if m.type == "CONSULT"]


def test_a_body_named_in_its_meeting_is_the_party_that_meets(extract):
    assert consults(extract, "The ambassador spoke after a Security Council meeting on the crisis.") \
        == [{"Security Council"}]
    assert consults(extract, "A meeting of the Arab League opened in Cairo on Sunday.") == [{"Arab League"}]


def test_a_bodys_title_holders_stand_for_the_body_whatever_the_parser_made_of_it(extract):
    # ("EU" read as a nominal modifier of "ministers", not a compound)
    assert consults(extract, "A meeting of EU foreign ministers opened in Brussels on Monday.") \
        == [{"European Union"}]


def test_a_body_that_acts_at_a_meeting_does_not_make_the_meeting_an_event(extract):
    assert not consults(extract, "The Arab League criticised the plan at a meeting on Sunday.")


@pytest.mark.parametrize(("body", "party"), [
    ("The plan was approved by Governor Maria Lopez in a closed meeting with local mayors.", "Maria Lopez"),
    ("Senator Tom Hale postponed his meeting with the defence minister until Friday.", "Tom Hale"),
    ("Prime Minister Omar Farah spoke after a cabinet meeting in Nairobi.", "Omar Farah"),
    ("President Lena Marsh read a statement during a meeting in Riga.", "Lena Marsh"),
    ("Lena Marsh spoke to reporters on the sidelines of a meeting of Baltic ministers.", "Lena Marsh"),
    ("Lena Marsh took questions at the end of a meeting in Riga on Monday.", "Lena Marsh"),
])
def test_a_meeting_with_one_named_party_is_kept_when_its_other_side_is_told(extract, body, party):
    assert consults(extract, body) == [{party}]


@pytest.mark.parametrize("body", [
    "Chancellor Lena Marsh took questions as part of a meeting with Prime Minister Omar Farah.",
    "President Lena Marsh described the call with Prime Minister Omar Farah as warm.",
    "Lena Marsh said a phone conversation she had with Omar Farah went well.",
])
def test_who_holds_a_meeting_with_a_named_party_is_the_subject_of_its_clause(extract, body):
    assert consults(extract, body) == [{"Lena Marsh", "Omar Farah"}]


@pytest.mark.parametrize("body", [
    "Senator Lena Marsh condemned the talks with Omar Farah.",   # judged, not held
    "The call with Omar Farah angered Senator Lena Marsh.",      # the subject is the meeting itself
    "Senator Lena Marsh requested a meeting with Omar Farah.",   # asked for: her request is the event
])
def test_a_meeting_is_not_given_a_subject_that_judges_or_asks_for_it(extract, body):
    assert all("Lena Marsh" not in p for p in consults(extract, body))


@pytest.mark.parametrize("body", [
    "President Lena Marsh addressed a meeting in Riga on Monday.",
    "President Lena Marsh told a meeting of Baltic ministers in Riga that the plan had failed.",
])
def test_who_addresses_or_tells_a_meeting_takes_part_in_it(extract, body):
    assert consults(extract, body) == [{"Lena Marsh"}]


@pytest.mark.parametrize("body", [
    "Chile rejects any role for third parties in talks between Chile and the farmers' council.",
    "Peru called for a meeting with officials.",
    "Chile opposes a summit with the leader of Peru.",
])
def test_a_meeting_that_names_one_side_only_is_not_kept(extract, body):
    assert all(len(p) >= 2 for p in consults(extract, body))


def test_working_in_cooperation_is_a_manner_not_a_meeting(extract):
    events, _ = extract("President Lena Marsh said he and the Iranian leader directed their teams to "
                        "continue working in cooperation with the group.")
    assert not [m for m in events if m.type in ("CONSULT", "COOPERATE")]


def roles(extract, body: str, trigger: str) -> tuple[set[str], set[str]]:
    """(agents, targets) of the one mention of ``body`` with ``trigger``, as names."""
    m, names = only(extract, body, trigger=trigger)
    return {names[a] for a in m.agents}, {names[t] for t in m.targets}


@pytest.mark.parametrize(("body", "trigger", "agents", "targets"), [
    ("Jorge Salas appeared before a court in Lima on Monday.", "appeared", set(), {"Jorge Salas"}),
    ("Colonel Carlos Mendez stood trial in Quito for the coup.", "stood", set(), {"Carlos Mendez"}),
    ("Chile received an invitation to the summit.", "received", set(), {"Chile"}),
    ("Peru received a loan from the World Bank.", "received", {"World Bank"}, {"Peru"}),  # (said once)
])
def test_a_subject_that_undergoes_what_the_cameo_pattern_says_is_its_target(extract, body, trigger, agents,
                                                                              targets):
    assert roles(extract, body, trigger) == (agents, targets)


def test_shaking_hands_with_someone_is_meeting_them(extract):
    assert consults(extract, "President Lena Marsh shook hands with Omar Farah in Riga on Monday.") \
        == [{"Lena Marsh", "Omar Farah"}]


def test_the_first_word_after_the_headline_stays_in_its_sentence(extract):
    # (the parser split "Armenia | and Russia held talks ..." after the blank line)
    assert consults(extract, "Armenia and Russia held talks in Yerevan on Monday.") == [{"Armenia", "Russia"}]
