"""Stable keys for actors and events: the path part of every instance IRI.

A key depends only on what the thing *is* (its canonical label, kind, ISO code,
or the mentions of an event), never on input order, so separately built graphs
merge by plain union.  Every key is a valid IRI path made of ``[A-Za-z0-9/-]``.

>>> actor_key("State", "Armenia", "arm")
'actor/state/ARM'
>>> actor_key("Organization", "Ministry of Defense")
'actor/org/ministry-of-defense'
>>> actor_key("Person", "🙂").startswith("actor/person/h-")
True
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Hashable, Iterable

from newsgraph.extract.lexicon.names import slug

KIND_PATH = {"Person": "person", "State": "state", "Organization": "org", "Outlet": "outlet",
             "Location": "location"}
_ISO3 = re.compile(r"[A-Z]{3}")


def digest(value: object, n: int = 16) -> str:
    """First ``n`` hex digits of the SHA-256 of a JSON-serialisable value.

    >>> digest(["a", 1], 8)
    '135f17a4'
    """
    raw = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def actor_key(kind: str, label: str | None, code: str | None = None) -> str:
    """Base key of a canonical actor (before collision handling, see :func:`unique_keys`).

    States with a valid ISO alpha-3 code get ``actor/state/<ISO3>``; everything
    else ``actor/<kind>/<slug of label>`` (:func:`newsgraph.extract.lexicon.names.slug`).

    >>> actor_key("Outlet", "ARMENPRESS")
    'actor/outlet/armenpress'
    >>> actor_key("State", "Republic of Artsakh")
    'actor/state/republic-of-artsakh'
    >>> actor_key("Thing", "x")
    'actor/other/x'
    """
    path = KIND_PATH.get(kind, "other")
    if kind == "State" and code and _ISO3.fullmatch(code.strip().upper()):
        return f"actor/state/{code.strip().upper()}"
    return f"actor/{path}/{slug(label)}"


def event_key(parts: Iterable[tuple[str, int, int, str]]) -> str:
    """Key of an event from its mentions' (article key, start, end, type).

    >>> k = event_key([("b", 5, 9, "CONSULT"), ("a", 0, 4, "CONSULT")])
    >>> k == event_key([("a", 0, 4, "CONSULT"), ("b", 5, 9, "CONSULT")]), k[:6], len(k)
    (True, 'event/', 22)
    """
    return "event/" + digest(sorted([str(a), int(s), int(e), str(t)] for a, s, e, t in parts))


def unique_keys(items: Iterable[tuple[Hashable, str, object]]) -> dict[Hashable, str]:
    """Give every item a distinct key, deterministically.

    ``items`` are ``(item id, base key, signature)``; the signature is a
    JSON-serialisable description of what the item is (sorted forms, country...).
    Items alone on their base key keep it.  Among items sharing a base key, the
    one with the smallest signature keeps it and the others get
    ``-<8 hex of their signature>`` appended (longer if that still collides).

    >>> unique_keys([(1, "actor/location/paris", ["paris", "FRA"]),
    ...              (2, "actor/location/paris", ["paris", "USA"])])
    {1: 'actor/location/paris', 2: 'actor/location/paris-...'}
    """
    groups: dict[str, list[tuple[str, str, Hashable]]] = {}
    for item, base, sig in items:
        groups.setdefault(base, []).append((digest(sig, 64), repr(item), item))
    taken = set(groups)
    out: dict[Hashable, str] = {}
    for base in sorted(groups):
        members = sorted(groups[base], key=lambda m: (m[0], m[1]))
        out[members[0][2]] = base
        for sig_hash, _, item in members[1:]:
            key = next(k for k in _candidates(base, sig_hash) if k not in taken)
            taken.add(key)
            out[item] = key
    return out


def _candidates(base: str, sig_hash: str):
    """Suffixed keys to try, in order: 8, 16, 32, 64 hex digits, then a counter."""
    for width in (8, 16, 32, 64):
        yield f"{base}-{sig_hash[:width]}"
    n = 1
    while True:
        yield f"{base}-{sig_hash[:8]}-{n}"
        n += 1
