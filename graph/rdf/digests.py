"""Content hashes of named graphs, taken while their triples stream past (for :mod:`newsgraph.graph.store`).

A graph's hash is the SHA-256 of its subject groups (:mod:`newsgraph.graph.rdf.plan`) in
order; a graph of many subjects (the resolved layer, the documents) also gets
one short hash per subject, so the store can replace only the subjects that
changed.  The same graph always gives the same hashes.

>>> d = Digests()
>>> groups = [("http://e/%d" % i, [("http://e/p", "http://e/o")]) for i in range(BIG)]
>>> n = sum(1 for _ in d.tap("http://e/g", groups))
>>> n, len(d.graphs["http://e/g"]), len(d.subjects["http://e/g"])
(64, 64, 64)
>>> sorted(changed_subjects({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "9", "c": "3", "d": "4"}))
['b', 'd']
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from newsgraph.graph.rdf.terms import Blank

__all__ = ["Digests", "BIG", "changed_subjects"]

BIG = 64   # graphs with at least this many subjects get one hash per subject


def _short(text: bytes) -> str:
    """The short hash of one subject's text."""
    return hashlib.blake2b(text, digest_size=8).hexdigest()


class Digests:
    """Hashes of the graphs (IRI -> hash) and of the subjects of big graphs (IRI -> subject -> hash)."""

    def __init__(self) -> None:
        self.graphs: dict[str, str] = {}
        self.subjects: dict[str, dict[str, str]] = {}

    def tap(self, iri: str, groups: Iterable[tuple[str, list]]) -> Iterator[tuple[str, list]]:
        """The groups of graph ``iri``, passed through; their hashes are recorded when they are exhausted."""
        h, subjects, blank = hashlib.sha256(), {}, False
        early: list[tuple[str, bytes]] = []    # the first subjects' texts: hashed once the graph is big
        for group in groups:
            text = repr(group).encode()
            h.update(text)
            if early is None:
                subjects[group[0]] = _short(text)
            else:
                early.append((group[0], text))
                if len(early) == BIG:
                    subjects.update((s, _short(t)) for s, t in early)
                    early = None
            blank = blank or isinstance(group[0], Blank)
            yield group
        self.graphs[iri] = h.hexdigest()
        if early is None and not blank:
            self.subjects[iri] = subjects

    def add(self, iri: str, groups: Iterable[tuple[str, list]]) -> None:
        """Hash a graph without using its groups."""
        for _ in self.tap(iri, groups):
            pass


def changed_subjects(old: dict[str, str] | None, new: dict[str, str] | None) -> set[str] | None:
    """Subjects whose triples differ between two subject-hash tables; None when there is no
    table to compare or when more than half changed (replacing the whole graph is then cheaper)."""
    if not old or not new:
        return None
    changed = {s for s in old.keys() | new.keys() if old.get(s) != new.get(s)}
    return changed if 2 * len(changed) <= len(new) else None
