"""Which pairs of items are compared, and in which order, when clustering by shared keys.

An actor named in many mentions makes many pairs, so the pairs are counted and sorted as one
64-bit number each (numpy) rather than as Python tuples.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence

import numpy as np


def candidate_pairs(keys: Sequence[Iterable[Hashable]], dates: Sequence[object],
                    days: Sequence[int | None] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of the items that share at least one of their ``keys``, in
    the order they are tried: most shared keys first, then pairs of the same date, then (with ``days``,
    each item's day number or None) the pairs whose days are closer, then by index.

    >>> list(candidate_pairs([["a"], ["a", "b"], ["a", "b"], ["c"]], ["d1", "d2", "d1", "d1"]))
    [(1, 2), (0, 2), (0, 1)]
    >>> list(candidate_pairs([["a"], ["a"], ["a"]], [None] * 3, [1, 9, 8]))
    [(1, 2), (0, 2), (0, 1)]
    """
    by_key: dict[Hashable, list[int]] = {}
    for i, item_keys in enumerate(keys):
        for k in item_keys:
            by_key.setdefault(k, []).append(i)
    bits = max(1, (len(keys) - 1).bit_length())
    pairs = [_pair_codes(np.asarray(idx, dtype=np.int64), bits) for idx in by_key.values() if len(idx) > 1]
    if not pairs:
        return iter(())
    codes, shared = np.unique(np.concatenate(pairs), return_counts=True)
    del pairs
    first, second = codes >> bits, codes & ((1 << bits) - 1)
    ids: dict = {}
    date_ids = np.array([ids.setdefault(d, len(ids)) for d in dates], dtype=np.int64)
    differs = (date_ids[first] != date_ids[second]).astype(np.int64)
    gap = np.zeros(len(codes), dtype=np.int64)
    if days is not None:
        day = np.array([-1 if d is None else d for d in days], dtype=np.int64)
        known = (day[first] >= 0) & (day[second] >= 0)
        gap = np.where(known, np.minimum(np.abs(day[first] - day[second]), _MAX_GAP - 1), _MAX_GAP - 1)
    order = np.sort(((int(shared.max()) - shared) << (2 * bits + 5)) | (differs << (2 * bits + 4))
                    | (gap << (2 * bits)) | codes)
    return _decoded(order, bits)


#: Gaps of days in the order of the pairs count up to this many (four bits).
_MAX_GAP = 16


def _pair_codes(idx: np.ndarray, bits: int) -> np.ndarray:
    """``i << bits | j`` of every pair i < j of the increasing indices ``idx``."""
    i, j = np.triu_indices(len(idx), k=1)
    return (idx[i] << bits) | idx[j]


def _decoded(keys: np.ndarray, bits: int, chunk: int = 1 << 16) -> Iterator[tuple[int, int]]:
    mask = (1 << bits) - 1
    for start in range(0, len(keys), chunk):
        part = keys[start:start + chunk]
        yield from zip(((part >> bits) & mask).tolist(), (part & mask).tolist(), strict=True)


def anchored_pairs(keys: Sequence[Iterable[Hashable]], anchors: Sequence[bool],
                   dates: Sequence[object]) -> list[tuple[int, int]]:
    """Like :func:`candidate_pairs`, but only the pairs with at least one ``anchors`` item: a few
    items (mentions naming nobody) met with everything sharing a key, without the pairs of the many.

    >>> anchored_pairs([["p"], ["p", "s"], ["p", "s"], ["s"]], [True, False, False, False], [1, 1, 1, 1])
    [(0, 1), (0, 2)]
    """
    by_key: dict[Hashable, list[int]] = {}
    for i, item_keys in enumerate(keys):
        for k in set(item_keys):
            by_key.setdefault(k, []).append(i)
    shared: dict[tuple[int, int], int] = {}
    for idx in by_key.values():
        for i in (i for i in idx if anchors[i]):
            for j in idx:
                if j != i and not (anchors[j] and j < i):
                    pair = (min(i, j), max(i, j))
                    shared[pair] = shared.get(pair, 0) + 1
    return sorted(shared, key=lambda p: (-shared[p], dates[p[0]] != dates[p[1]], p))
