"""Happenings told by the name of their doer: "X's assassin, Y", "Y, the killer of X"."""
from __future__ import annotations

import pytest

from tests.test_arguments import assaults as _assaults


def assaults(extract, body: str) -> list[tuple[set[str], set[str]]]:
    """(agents, targets) of each ASSAULT mention of ``body``, as names."""
    return [(agents, targets) for _, agents, targets in _assaults(extract, body)]


@pytest.mark.parametrize(("body", "victim"), [
    ("Police said Carlos Mendez, the killer of journalist Ana Rojas, had fled to Bolivia.", "Ana Rojas"),
    ("Police in Lima questioned Paul Okafor's killer, Carlos Mendez, on Monday.", "Paul Okafor"),
    ("The film tells how Ana Rojas's assassin Carlos Mendez escaped from Lima.", "Ana Rojas"),
    ("Carlos Mendez was the murderer of Ana Rojas, the court in Lima found.", "Ana Rojas"),
    ("Jack Brown, who killed Ana Rojas assassin Carlos Mendez, died in 1967.", "Ana Rojas"),  # (parsed apart)
])
def test_a_doer_noun_with_a_named_victim_is_an_assault_by_the_person_it_describes(extract, body, victim):
    assert ({"Carlos Mendez"}, {victim}) in assaults(extract, body)


def test_a_doer_noun_without_a_named_victim_tells_nothing(extract):
    assert assaults(extract, "Carlos Mendez, a convicted killer, was released from jail in Lima.") == []
