"""Parties of a meeting noun told as the scene of its clause ("A greeted B before a meeting")."""
from __future__ import annotations

import pytest

from newsgraph.extract.records import Article


def meetings(nlp, body: str) -> list[set[str]]:
    """The participants (names) of each CONSULT mention of ``body``."""
    from newsgraph.extract.pipeline import records_of
    art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=len(body),
                  headline="Test report", body=body, body_start=0, date="2024-05-02")
    rec = records_of(nlp(art.text), art)
    names = {e.id: e.name for e in rec.entities}
    return [{names[p] for p in m.participants} for m in rec.events if m.type == "CONSULT"]


@pytest.mark.parametrize("body", [
    "William Ruto shakes hands with Anne Leclerc after their meeting in Nairobi.",
    "William Ruto spoke to reporters after a meeting with Anne Leclerc in Nairobi.",
    "William Ruto and Anne Leclerc arrive for their meeting at the State House in Nairobi.",
])
def test_the_clause_around_a_meeting_names_its_parties(nlp, body):
    assert {"William Ruto", "Anne Leclerc"} in meetings(nlp, body)


def test_a_meeting_with_one_person_is_not_a_meeting(nlp):
    assert not meetings(nlp, "William Ruto waits for the start of a cabinet meeting in Nairobi.")
