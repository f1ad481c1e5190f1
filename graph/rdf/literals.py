"""Literal and IRI-segment helpers for :mod:`newsgraph.graph.rdf`: typed dates, hashes, numbers.

The rdflib literals (:func:`date_literal`, :func:`_decimal`, :func:`_int`) define the lexical
forms; the mapping uses them as compact :class:`~newsgraph.graph.rdf.terms.Lit` terms (``_date``, ``_dec``,
``_num``, ``_str``), computed once per distinct value.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache

from rdflib import Literal

from newsgraph.graph.rdf.terms import Lit, from_rdflib
from newsgraph.graph.rdf.vocab import XSD, xsd

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def date_literal(value: str | None) -> Literal | None:
    """A typed literal for an ISO date: xsd:date, xsd:dateTime, xsd:gYearMonth or xsd:gYear.

    Invalid values give None (they are left out of the graph).

    >>> date_literal("2023-03-22T19:20").n3()
    '"2023-03-22T19:20:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    >>> date_literal("2023-02-30") is None
    True
    """
    value = (value or "").strip()
    m = _DATETIME.match(value)
    if m:
        if date_literal(m.group(1)) is None or int(m.group(2)[:2]) > 23 or int(m.group(2)[3:]) > 59:
            return None
        return Literal(f"{m.group(1)}T{m.group(2)}{m.group(3) or ':00'}{m.group(4) or ''}",
                       datatype=XSD.dateTime)
    m = _DATE.match(value)
    if not m:
        return None
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    dtype = XSD.date if day else XSD.gYearMonth if month else XSD.gYear
    return Literal(value, datatype=dtype)


def _day(value: str | None) -> Literal | None:
    """The date part of an ISO date or date-time, as xsd:date (or a partial date)."""
    return date_literal((value or "").split("T")[0])


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


def _decimal(x: float) -> Literal:
    """A canonical xsd:decimal in 0..1 with at most 3 decimals."""
    try:
        x = min(max(float(x), 0.0), 1.0)
    except (TypeError, ValueError):
        x = 0.0
    text = f"{x:.3f}".rstrip("0")
    return Literal(text + "0" if text.endswith(".") else text, datatype=XSD.decimal)


def _int(n: int) -> Literal:
    return Literal(int(n), datatype=XSD.integer)


@lru_cache(maxsize=65536)
def _date(value: str | None) -> Lit | None:
    """:func:`date_literal` as a compact term (rdflib's lexical normalisation kept)."""
    lit = date_literal(value)
    return None if lit is None else Lit(str(lit), str(lit.datatype))


def _day_lit(value: str | None) -> Lit | None:
    """:func:`_day` as a compact term."""
    return _date((value or "").split("T")[0])


@lru_cache(maxsize=4096)
def _dec(x) -> Lit:
    """:func:`_decimal` as a compact term."""
    return Lit(str(_decimal(x)), xsd.decimal)


def _num(n) -> Lit:
    """:func:`_int` as a compact term."""
    return Lit(str(int(n)), xsd.integer)


def _str(value) -> Lit:
    """A plain literal (what ``Literal(value)`` gives, for any value)."""
    return Lit(value) if type(value) is str else from_rdflib(Literal(value))
