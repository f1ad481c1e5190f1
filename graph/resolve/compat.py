"""What two reports must agree on to tell one happening: its kind, its date, when they were written.

* Types: the same type, or two types of one family.  A family is a happening told with and without
  the one who did it: a bombing (ASSAULT, by someone) is also "an explosion" (DISASTER, by no one),
  though not "an earthquake".  A family's head (ASSAULT) names the merged event.
* Dates: equal, one missing, or the coarser contains the finer ("2023-03" contains "2023-03-22").
* Report times: reports of one happening are published close together, or a later report refers
  back to a dated happening: an undated mention published up to ``FOLLOW_UP`` days after the day
  another report gives ("the crash" in a report three days after "the derailment on 9 November").

>>> date_compatible("2023-03", "2023-03-22"), date_compatible("2023-03-21", "2023-03-22")
(True, False)
>>> family("DISASTER", "blast") == family("ASSAULT", "attack"), family("DISASTER", "flood")
(True, 'DISASTER')
"""
from __future__ import annotations

import datetime as dt
import re

from newsgraph.extract.records import EventMention

__all__ = ["FAMILIES", "FOLLOW_UP", "family", "family_type", "trigger_head", "types_compatible",
           "mention_date", "date_compatible", "season_apart", "day_number", "close", "follows_up",
           "done_to_the_doer"]

#: Family head -> member type -> the member's trigger words that may report the head's happening
#: without its doer: an explosion or a blast may be the bombing someone did; a fire, an
#: earthquake, a crash or a derailment is not (compared lower-cased, on the trigger's last word).
FAMILIES: dict[str, dict[str, frozenset[str]]] = {"ASSAULT": {"DISASTER": frozenset({
    "explosion", "explosions", "blast", "blasts", "explode", "exploded", "explodes", "detonation",
    "detonations", "gunfire"})}}
_HEAD = {member: head for head, members in FAMILIES.items() for member in members}
#: A later report refers back to a dated happening within this many days of its date.
FOLLOW_UP = 7
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def family(event_type: str, trigger: str = "") -> str:
    """The family of a mention of ``event_type`` told by ``trigger``: the head of the family when
    the trigger says a word of the head's kind, else the type itself.  An explosion is compared
    with the attacks, not with the accidents and the storms.

    >>> family("DISASTER", "Explosion"), family("DISASTER", "earthquake"), family("ASSAULT", "shot")
    ('ASSAULT', 'DISASTER', 'ASSAULT')
    """
    words = (trigger or "").lower().split()
    head = _HEAD.get(event_type)
    if head and words and words[-1] in FAMILIES[head][event_type]:
        return head
    return event_type


def trigger_head(trigger: str) -> str:
    """The trigger's last word, lower-cased, without its inflection: one word told two ways
    ("blockade", "blockades"; "meeting", "meetings") compares equal.

    >>> trigger_head("the Blockades"), trigger_head("blockade"), trigger_head("held talks")
    ('blockad', 'blockad', 'talk')
    """
    words = (trigger or "").lower().split()
    word = words[-1] if words else ""
    for suffix in ("ings", "ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def types_compatible(a: EventMention, b: EventMention) -> bool:
    """Same type; or one family, where the member's report names no doer and says a word of the
    head's kind ("an explosion" and "the Taliban's bombing"; not "an earthquake").

    >>> bomb = EventMention("ASSAULT", "bombing", 0, 1, "x", agents=("E1",))
    >>> types_compatible(bomb, EventMention("DISASTER", "explosion", 0, 1, "x"))
    True
    >>> types_compatible(bomb, EventMention("DISASTER", "earthquake", 0, 1, "x"))
    False
    """
    if a.type == b.type:
        return True
    head = family(a.type, a.trigger)
    if head != family(b.type, b.trigger):
        return False
    return not any(m.agents and m.type != head for m in (a, b))


def family_type(types: list[str]) -> str:
    """The type of an event told by mentions of these types: the family head when one mention has
    it (someone did it), else the most frequent (ties: alphabetical).

    >>> family_type(["DISASTER", "ASSAULT", "DISASTER"]), family_type(["DISASTER"])
    ('ASSAULT', 'DISASTER')
    """
    heads = [t for t in types if t in FAMILIES]
    pool = heads or types
    return min(set(pool), key=lambda t: (-pool.count(t), t))


def mention_date(m: EventMention) -> str | None:
    """The mention's date cut to its precision ("2023-03" for a month), or None.

    >>> mention_date(EventMention("CONSULT", "met", 0, 1, "x", date="2023-03-22", date_precision="month"))
    '2023-03'
    """
    d = (m.date or "").strip()[:10]
    if not _DATE.fullmatch(d):
        return None
    return d[:7] if m.date_precision == "month" else d[:4] if m.date_precision in ("year", "season") else d


def season_apart(a: EventMention, b: EventMention) -> bool:
    """Whether one mention is dated to a season ("in the summer of 2022": its date's three months) and
    the other to a month or a day outside it: two happenings, though both fall in that year.

    >>> summer = EventMention("SUPPORT", "said", 0, 1, "x", date="2022-06", date_precision="season")
    >>> sept = EventMention("SUPPORT", "said", 0, 1, "x", date="2022-09-07", date_precision="day")
    >>> july = EventMention("SUPPORT", "said", 0, 1, "x", date="2022-07", date_precision="month")
    >>> season_apart(summer, sept), season_apart(july, summer), season_apart(summer, summer)
    (True, False, False)
    """
    for s, o in ((a, b), (b, a)):
        if s.date_precision == "season" and o.date_precision in ("day", "month") and s.date and o.date:
            first, month = _month_number(s.date), _month_number(o.date)
            if first is not None and month is not None and not first <= month < first + 3:
                return True
    return False


def _month_number(iso: str) -> int | None:
    """Months since year 0 of an ISO date's month ("2022-06" and "2022-06-30" alike)."""
    try:
        return int(iso[:4]) * 12 + int(iso[5:7]) - 1
    except ValueError:
        return None


def date_compatible(a: str | None, b: str | None) -> bool:
    """Equal, one missing, or one contains the other.

    >>> date_compatible(None, "2023-03-22"), date_compatible("2023", "2023-03-22")
    (True, True)
    """
    return not a or not b or a == b or a.startswith(b + "-") or b.startswith(a + "-")


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return None


def day_number(value: str | None) -> int | None:
    """The day of an ISO date as a number (days since year 1), None when it is no day.

    >>> day_number("2023-03-22") - day_number("2023-03-20"), day_number("2023-03")
    (2, None)
    """
    day = _day(value)
    return None if day is None else day.toordinal()


def close(a: str | None, b: str | None, days: int) -> bool:
    """Two days (ISO) at most ``days`` apart, both known.

    >>> close("2023-03-20", "2023-03-22", 2), close("2023-03-20", None, 2)
    (True, False)
    """
    p, q = _day(a), _day(b)
    return p is not None and q is not None and abs((p - q).days) <= days


def follows_up(date: str | None, other_date: str | None, other_published: str | None) -> bool:
    """Does an undated mention (``other_date`` None) in a report published on ``other_published`` look
    back at a happening of the day ``date``: published that day or up to ``FOLLOW_UP`` days later?

    >>> follows_up("2016-11-09", None, "2016-11-12"), follows_up("2016-11-09", None, "2016-11-08")
    (True, False)
    >>> follows_up("2016-11", None, "2016-11-12"), follows_up("2016-11-09", "2016-11-09", "2016-11-12")
    (False, False)
    """
    day, seen = _day(date), _day(other_published)
    if other_date or day is None or seen is None:
        return False
    return 0 <= (seen - day).days <= FOLLOW_UP


_DONE_TO = ("ASSAULT", "COERCE")


def done_to_the_doer(type_a: str, roles_a: tuple, type_b: str, roles_b: tuple, specific: frozenset) -> bool:
    """Whether two reports of violence or coercion, with their (agents, targets, participants), share a
    ``specific`` actor (a person, a body) only as the doer in one and the one it was done to in the other
    ("X killed Y" and "X was hanged"; a state's forces fire both ways in one exchange of fire, but a
    person does not kill and get killed in one act).

    >>> done_to_the_doer("ASSAULT", (("X",), ("Y",), ()), "ASSAULT", ((), ("X",), ()), frozenset({"X"}))
    True
    >>> done_to_the_doer("ASSAULT", (("X",), ("Y",), ()), "ASSAULT", (("X",), (), ()), frozenset({"X"}))
    False
    """
    if type_a not in _DONE_TO or type_b not in _DONE_TO:
        return False
    cross = set(roles_a[0]) & set(roles_b[1]) | set(roles_a[1]) & set(roles_b[0])
    same = any(set(roles_a[r]) & set(roles_b[r]) for r in range(3))
    return bool(cross & specific) and not same
