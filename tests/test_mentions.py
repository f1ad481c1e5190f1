"""Which trigger mentions are kept: a meeting noun needs two parties, or the body that meets."""
from __future__ import annotations

from newsgraph.extract.records import Article


def consults(nlp, body: str) -> list[set[str]]:
    from newsgraph.extract.pipeline import records_of
    art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=len(body),
                  headline="Test report", body=body, body_start=0, date="2024-05-02")
    rec = records_of(nlp(art.text), art)
    names = {e.id: e.name for e in rec.entities}
    return [{names[p] for p in m.participants} for m in rec.events if m.type == "CONSULT"]


def test_a_body_named_in_its_meeting_is_the_party_that_meets(nlp):
    assert consults(nlp, "The ambassador spoke after a Security Council meeting on the crisis.") \
        == [{"Security Council"}]
    assert consults(nlp, "A meeting of the Arab League opened in Cairo on Sunday.") == [{"Arab League"}]


def test_a_body_that_acts_at_a_meeting_does_not_make_the_meeting_an_event(nlp):
    assert not consults(nlp, "The Arab League criticised the plan at a meeting on Sunday.")
