"""The one declaration of the event types (extract/lexicon/data/event_types.toml) and who reads it."""
from __future__ import annotations

import pytest

from newsgraph.extract.lexicon.event_types import (
    NAMES,
    SYMMETRIC,
    EventType,
    UnknownEventType,
    event_type,
    event_types,
)
from newsgraph.graph.rdf.vocab import EVENT_TYPES, NG

GOOD = {"label": "Picnic", "comment": "Eating outdoors together.", "cameo": ["04"], "symmetric": True}


def test_names_in_declaration_order_are_the_vocabulary():
    assert NAMES == tuple(t.name for t in event_types()) == EVENT_TYPES
    assert NAMES[0] == "AGREE" and NAMES[-1] == "DISASTER" and len(set(NAMES)) == 17
    assert str(NG.DISASTER) == "https://w3id.org/newsgraph/ontology#DISASTER"


def test_symmetric_types_are_the_meetings_agreements_and_cooperation():
    assert sorted(SYMMETRIC) == ["AGREE", "CONSULT", "COOPERATE"]
    assert event_type("CONSULT").symmetric and not event_type("ASSAULT").symmetric


def test_a_type_is_a_frozen_record_of_plain_values():
    accuse = event_type("ACCUSE")
    assert accuse == EventType("ACCUSE", "Accuse", accuse.comment, ("09", "11"), False)
    with pytest.raises(AttributeError):
        accuse.label = "Blame"  # type: ignore[misc]


def test_an_unknown_name_is_an_error_that_names_it():
    with pytest.raises(UnknownEventType, match="'PICNIC'"):
        event_type("PICNIC")
    with pytest.raises(ValueError):
        event_type("consult")  # names are upper case; the vocabulary's event_type() folds case


def test_a_table_is_read_into_a_type():
    assert EventType.from_toml("PICNIC", GOOD) == EventType("PICNIC", "Picnic", "Eating outdoors together.",
                                                          ("04",), True)


@pytest.mark.parametrize("name, table, complaint", [
    ("PICNIC", {k: v for k, v in GOOD.items() if k != "comment"}, "needs exactly"),
    ("PICNIC", {**GOOD, "colour": "green"}, "needs exactly"),
    ("PICNIC", {**GOOD, "symmetric": "yes"}, "wrong symmetric"),
    ("PICNIC", {**GOOD, "cameo": ["4"]}, "two-digit"),
    ("PICNIC", {**GOOD, "cameo": "04"}, "wrong cameo"),
    ("picnic", GOOD, "upper case"),
])
def test_a_malformed_table_is_an_error(name, table, complaint):
    with pytest.raises(ValueError, match=complaint):
        EventType.from_toml(name, table)


_REF = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared" / "reference"


def test_the_cameo_table_codes_only_declared_types():
    from newsgraph.extract.lexicon import rows
    found = {r[3] for r in rows("cameo_verbs.tsv") if r[0] == "V"} | \
        {r[7] for r in rows("cameo_verbs.tsv") if r[0] == "P"}
    assert found - {"-"} <= set(NAMES) and {"ASSAULT", "COERCE", "CONSULT", "PROTEST"} <= found


@pytest.mark.skipif(not (_REF / "petrarch2" / "CAMEO.2.0.txt").exists(),
                    reason="../shared/reference (the PETRARCH2 and PLOVER dictionaries) is not here")
def test_the_cameo_table_is_what_the_conversion_script_makes():
    from newsgraph.extract.lexicon import rows
    from newsgraph.extract.lexicon.convert.cameo import convert
    made = convert(_REF / "petrarch2" / "CAMEO.2.0.txt", _REF / "plover" / "CAMEO2PLOVER-2021.txt")
    assert made == ["\t".join(r) for r in rows("cameo_verbs.tsv")]
