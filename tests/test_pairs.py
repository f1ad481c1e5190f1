"""Candidate pairs (newsgraph.graph.resolve.pairs): the numpy ordering equals the plain one."""
from __future__ import annotations

import random
from collections import Counter

from newsgraph.graph.resolve.pairs import anchored_pairs, candidate_pairs


def _reference(keys, dates):
    """The candidate pairs as first written: a Counter of index pairs, sorted."""
    by_key: dict = {}
    for i, item_keys in enumerate(keys):
        for k in item_keys:
            by_key.setdefault(k, []).append(i)
    shared: Counter = Counter()
    for idx in by_key.values():
        for n, i in enumerate(idx):
            for j in idx[n + 1:]:
                shared[(i, j)] += 1
    return sorted(shared, key=lambda p: (-shared[p], dates[p[0]] != dates[p[1]], p))


def test_candidate_pairs_keep_their_order():
    rnd = random.Random(5)
    for n in (0, 1, 2, 40, 300):
        keys = [rnd.sample(["a", "b", "c", "d", "e", ("place", "p"), ("place", "q")], rnd.randint(0, 3))
                for _ in range(n)]
        dates = [rnd.choice([None, "2023-03-01", "2023-03-02", "2023-03"]) for _ in range(n)]
        assert list(candidate_pairs(keys, dates)) == _reference(keys, dates)


def test_anchored_pairs_are_the_candidate_pairs_with_an_anchor():
    rnd = random.Random(11)
    for n in (0, 1, 2, 40, 200):
        keys = [rnd.sample(["a", "b", "c", ("place", "p"), ("place", "q")], rnd.randint(0, 3))
                for _ in range(n)]
        anchors = [rnd.random() < 0.2 for _ in range(n)]
        dates = [rnd.choice([None, "2023-03-01", "2023-03-02"]) for _ in range(n)]
        want = [p for p in _reference(keys, dates) if anchors[p[0]] or anchors[p[1]]]
        assert anchored_pairs(keys, anchors, dates) == want
