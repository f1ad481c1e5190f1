"""Which trigger mentions are kept: a meeting noun needs two parties, or the body that meets."""
from __future__ import annotations


def consults(extract, body: str) -> list[set[str]]:
    """The participants (names) of each CONSULT mention of ``body``."""
    events, names = extract(body)
    return [{names[p] for p in m.participants} for m in events if m.type == "CONSULT"]


def test_a_body_named_in_its_meeting_is_the_party_that_meets(extract):
    assert consults(extract, "The ambassador spoke after a Security Council meeting on the crisis.") \
        == [{"Security Council"}]
    assert consults(extract, "A meeting of the Arab League opened in Cairo on Sunday.") == [{"Arab League"}]


def test_a_body_that_acts_at_a_meeting_does_not_make_the_meeting_an_event(extract):
    assert not consults(extract, "The Arab League criticised the plan at a meeting on Sunday.")
