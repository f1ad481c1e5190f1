"""Who stands for whom in reports of one happening: a person and the organisation they hold office in.

One report says "Clinton blamed Comey", another "Clinton blamed the FBI": the FBI's director and the
FBI are not two different parties that keep the reports apart.  The links come from the articles'
office records (:class:`~newsgraph.extract.records.Role`), with organisations only: a State is never
a specific party (see :mod:`newsgraph.graph.resolve.events`).

>>> from newsgraph.extract.records import Article, ArticleRecords, Entity, Role
>>> a = Article(source="d", source_sha256="0", index=0, start=0, end=1, headline="", body="x", body_start=0)
>>> r = ArticleRecords(article=a, roles=(Role("P", "director", "O", 0, 1),))
>>> people = [Actor("p", "Person", "Jo Doe", ()), Actor("o", "Organization", "Bureau", ())]
>>> links = offices([r], people, {(a.key, "P"): "p", (a.key, "O"): "o"})
>>> sorted(links["p"]), sorted(links["o"])
(['o'], ['p'])
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsgraph.extract.records import ArticleRecords
from newsgraph.graph.model import Actor

__all__ = ["offices", "covered"]

_ORGS = ("Organization", "Outlet")


def offices(records: Iterable[ArticleRecords], actors: Sequence[Actor],
            emap: dict[tuple[str, str], str]) -> dict[str, frozenset[str]]:
    """Actor key -> the keys it stands with: a person's organisations, an organisation's office holders."""
    kind = {a.key: a.kind for a in actors}
    links: dict[str, set[str]] = {}
    for r in records:
        art = r.article.key
        for role in r.roles:
            person, org = emap.get((art, role.person)), emap.get((art, role.organization))
            if person and org and kind.get(person) == "Person" and kind.get(org) in _ORGS:
                links.setdefault(person, set()).add(org)
                links.setdefault(org, set()).add(person)
    return {k: frozenset(v) for k, v in sorted(links.items())}


def covered(keys: Iterable[str], links: dict[str, frozenset[str]]) -> frozenset[str]:
    """``keys`` and whoever they stand with.

    >>> sorted(covered(["p", "x"], {"p": frozenset({"o"})}))
    ['o', 'p', 'x']
    """
    keys = set(keys)
    return frozenset(keys.union(*(links.get(k, frozenset()) for k in keys)))
