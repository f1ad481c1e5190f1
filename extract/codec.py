"""Plain data to JSON and back: the one codec of everything newsgraph keeps on disk between runs.

Records are frozen dataclasses of plain values (:mod:`newsgraph.extract.records`); the caches
(the record cache in ``OUT/cache/``, the gazetteer tables of
:mod:`newsgraph.extract.lexicon.tablecache`) store them as JSON text made here, never as pickles:
reading a file someone else wrote can build plain values and the dataclasses the reader names, nothing
else, so a crafted file never runs code.

JSON's own values (str, int, float, bool, None, lists) are written as they are; everything else is a
tagged object: ``{"~t": [...]}`` a tuple, ``{"~f": [...]}`` a frozenset (elements sorted by their
JSON text, so the same set is always the same bytes), ``{"~d": [[key, value], ...]}`` a dict
(any plain keys, insertion order kept), ``{"~c": "Name", field: value, ...}`` a dataclass (fields
in declaration order).  :func:`decode` refuses any other object, and dataclass names not among the
``types`` it is given (:class:`CodecError`, a ``ValueError``).

>>> from newsgraph.extract.records import Problem
>>> text = encode({"a": (1, "x"), ("k", 2): frozenset({"b", "a"}), "p": Problem("f.txt", "bad")})
>>> text[:60]
'{"~d":[["a",{"~t":[1,"x"]}],[{"~t":["k",2]},{"~f":["a","b"]}'
>>> sorted(decode(text, [Problem])[("k", 2)]), decode(text, [Problem])["p"].reason
(['a', 'b'], 'bad')
>>> decode(text)
Traceback (most recent call last):
...
newsgraph.extract.codec.CodecError: unknown record type 'Problem'
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable

__all__ = ["CodecError", "encode", "decode"]

_TUPLE, _FROZENSET, _DICT, _CLASS = "~t", "~f", "~d", "~c"


class CodecError(ValueError):
    """Text that is not a value this codec wrote (or names a dataclass the reader did not allow)."""


#: Types written as they are, matched exactly (subclasses take the general way, :func:`_other`).
_ATOMS = frozenset({str, bool, int, float, type(None)})
#: The init fields of every dataclass written so far, in declaration order.
_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value):
    """``value`` as JSON-ready lists and tagged dicts."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is tuple:
        return {_TUPLE: [_plain(x) for x in value]}
    names = _FIELDS.get(kind)
    if names is None:
        return _other(value)
    out = {_CLASS: kind.__name__}
    out.update((name, _plain(getattr(value, name))) for name in names)
    return out


def _other(value):
    """:func:`_plain` of a value not of the types it knows by sight (a dataclass seen for the first time)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[type(value)] = tuple(f.name for f in dataclasses.fields(value) if f.init)
        out = {_CLASS: type(value).__name__}
        out.update((name, _plain(getattr(value, name))) for name in names)
        return out
    if isinstance(value, tuple):
        return {_TUPLE: [_plain(x) for x in value]}
    if isinstance(value, list):
        return [_plain(x) for x in value]
    if isinstance(value, (set, frozenset)):
        items = [_plain(x) for x in value]
        return {_FROZENSET: sorted(items, key=lambda x: json.dumps(x, sort_keys=True))}
    if isinstance(value, dict):
        return {_DICT: [[_plain(k), _plain(v)] for k, v in value.items()]}
    raise TypeError(f"not plain data: {type(value).__name__}")


def encode(value) -> str:
    """``value`` (plain values, tuples, lists, sets, dicts, dataclasses of those) as compact JSON text.

    >>> encode(("a", [1, 2.5], None))
    '{"~t":["a",[1,2.5],null]}'
    """
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def decode(text: str | bytes, types: Iterable[type] = ()):
    """The value :func:`encode` gave ``text``; dataclasses only of ``types`` (matched by class name).

    Raises :class:`CodecError` on anything else (not JSON, an untagged object, an unknown class,
    fields the class does not take).

    >>> decode('{"~t":["a",{"~f":[1]}]}')
    ('a', frozenset({1}))
    >>> decode('{"__reduce__": 1}')
    Traceback (most recent call last):
    ...
    newsgraph.extract.codec.CodecError: not a value of this codec: an untagged object
    """
    classes = {t.__name__: t for t in types}

    def hook(obj: dict):
        if len(obj) == 1 and _TUPLE in obj:
            return tuple(obj[_TUPLE])
        if len(obj) == 1 and _FROZENSET in obj:
            return frozenset(obj[_FROZENSET])   # a list inside: TypeError, refused below
        if len(obj) == 1 and _DICT in obj:
            return dict(obj[_DICT])
        if _CLASS in obj:
            return _instance(classes, obj)
        raise CodecError("not a value of this codec: an untagged object")

    try:
        return json.loads(text, object_hook=hook)
    except CodecError:
        raise
    except (ValueError, TypeError, RecursionError) as exc:
        raise CodecError(f"not a value of this codec: {exc}") from None


def _instance(classes: dict[str, type], obj: dict):
    """The dataclass ``obj`` names, from its fields."""
    name = obj.pop(_CLASS)
    cls = classes.get(name) if isinstance(name, str) else None
    if cls is None:
        raise CodecError(f"unknown record type {name!r}")
    try:
        return cls(**obj)
    except TypeError as exc:
        raise CodecError(f"bad {name} record: {exc}") from None
