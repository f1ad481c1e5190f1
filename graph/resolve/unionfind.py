"""Union-find whose roots are the smallest member, so clusters never depend on the order of unions.

>>> uf = UnionFind("abcd")
>>> uf.union("d", "b"); uf.union("c", "d")
>>> uf.groups()
[['a'], ['b', 'c', 'd']]
"""
from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    """Union-find whose roots are the smallest member: independent of union order."""

    def __init__(self, items: Iterable) -> None:
        self.parent = {x: x for x in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo

    def groups(self) -> list[list]:
        out: dict = {}
        for x in sorted(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return [out[r] for r in sorted(out)]
