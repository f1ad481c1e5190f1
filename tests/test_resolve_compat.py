"""What reports of one happening must agree on (newsgraph.graph.resolve.compat), on values written here."""
from __future__ import annotations

from newsgraph.extract.records import EventMention
from newsgraph.graph.resolve import compat
from newsgraph.graph.resolve.compat import family, follows_up, trigger_head, types_compatible

FOLLOW_UP = compat.FOLLOW_UP
family_type = compat.family_type


def _m(typ: str, trigger: str, agents: tuple[str, ...] = ()) -> EventMention:
    return EventMention(typ, trigger, 0, 1, "x", agents=agents)


def test_only_attack_results_are_told_as_disasters():
    bombing = _m("ASSAULT", "bombing", ("E1",))
    assert family("DISASTER", "blast") == family("ASSAULT", "raid") == "ASSAULT"
    assert family("DISASTER", "flood") == "DISASTER" and family("ACCUSE", "attack") == "ACCUSE"
    assert types_compatible(bombing, _m("DISASTER", "a huge Explosion"))
    assert types_compatible(bombing, _m("DISASTER", "blast"))
    for word in ("earthquake", "flood", "crash", "derailment", "fire", "collapse"):
        assert not types_compatible(bombing, _m("DISASTER", word)), word


def test_family_members_must_not_name_a_doer():
    assert types_compatible(_m("ASSAULT", "shot", ("E1",)), _m("DISASTER", "explosion"))
    assert not types_compatible(_m("ASSAULT", "shot"), _m("DISASTER", "explosion", ("E2",)))
    assert not types_compatible(_m("ASSAULT", "shot"), _m("ACCUSE", "attacked"))
    assert types_compatible(_m("CONSULT", "met"), _m("CONSULT", "talks"))


def test_the_head_names_the_event():
    assert family_type(["DISASTER", "DISASTER", "ASSAULT"]) == "ASSAULT"
    assert family_type(["CONSULT", "CONSULT"]) == "CONSULT"


def test_trigger_head_folds_inflection_only():
    assert trigger_head("blockades") == trigger_head("Blockade") == trigger_head("imposed a blockade")
    assert trigger_head("meetings") == trigger_head("meeting")
    assert trigger_head("shooting") != trigger_head("explosion")
    assert trigger_head("") == ""


def test_follow_up_looks_back_only_and_within_the_window():
    assert follows_up("2023-03-20", None, "2023-03-20")
    assert follows_up("2023-03-20", None, f"2023-03-{20 + FOLLOW_UP}")
    assert not follows_up("2023-03-20", None, f"2023-03-{21 + FOLLOW_UP}")
    assert not follows_up("2023-03-20", None, "2023-03-19")    # no report looks forward
    assert not follows_up("2023-03", None, "2023-03-22")       # a month is no day to look back at
    assert not follows_up("2023-03-20", "2023-03-20", "2023-03-22")  # the other is dated: compare dates
    assert not follows_up("2023-03-20", None, None)
