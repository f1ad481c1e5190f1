"""An event's fields from the reports merged into it (:mod:`newsgraph.graph.resolve.events` makes the
groups): each party in the role most reports give it, the most precise date, the place most reports
name."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.graph.resolve import compat

if TYPE_CHECKING:  # (the groups are made there)
    from newsgraph.graph.resolve.events import Report

__all__ = ["event_fields"]

_PRECISION = {10: "day", 7: "month", 4: "year"}


def _most(values: list) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def event_fields(group: Sequence[Report], country: dict[str, str]) -> dict:
    """The fields of the :class:`~newsgraph.graph.model.Event` the mentions of ``group`` report (in their
    canonical order): each party in the role most of them give it, a State left out of a role one of its
    people or bodies holds (``country``: actor key -> its State's), the most precise date most give, the
    place most give, the first mention's modality."""
    votes: dict[str, Counter] = {}
    for x in group:
        for r, keys in enumerate(x.roles):
            for k in keys:
                votes.setdefault(k, Counter())[r] += 1
    roles: list[list[str]] = [[], [], []]
    for k in sorted(votes):
        roles[min(votes[k], key=lambda r: (-votes[k][r], r))].append(k)
    roles = [_specific(keys, country) for keys in roles]
    dates = [x.date for x in group if x.date]
    date = min(dates, key=lambda d: (-len(d), -dates.count(d), d)) if dates else None
    first = group[0].mention
    return {"type": compat.family_type([x.mention.type for x in group]), "agents": tuple(roles[0]),
            "targets": tuple(roles[1]),
            "participants": tuple(roles[2]), "place": _most([x.place for x in group]), "date": date,
            "date_precision": _PRECISION.get(len(date or ""), "unknown"), "modality": first.modality,
            "mentions": tuple((x.article, x.mention) for x in group),
            "source_count": len({x.source for x in group})}


def _specific(keys: list[str], country: dict[str, str]) -> list[str]:
    """The parties of one role, a State left out when one of its people or bodies is named in the role
    too: the headline's "Armenia-Iran hold talks" and the body's deputy ministers are one meeting of the
    two ministers.

    >>> _specific(["person/x", "state/ARM", "state/IRN"], {"person/x": "state/ARM"})
    ['person/x', 'state/IRN']
    """
    theirs = {country[k] for k in keys if k in country}
    return [k for k in keys if k not in theirs]
