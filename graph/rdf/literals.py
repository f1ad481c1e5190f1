"""The literals of the mapping, as compact :class:`~newsgraph.graph.rdf.terms.Lit` terms: typed dates,
decimals, integers, strings; and the short hashes some IRI segments carry.

:func:`date_literal` (an rdflib Literal) defines the lexical form of dates; the compact terms keep
rdflib's normalisation and are computed once per distinct value.
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


def date(value: str | None) -> Lit | None:
    """:func:`date_literal` as a compact term (rdflib's lexical normalisation kept).

    >>> date("2023-03"), date("March")
    (Lit(lex='2023-03', dt='http://www.w3.org/2001/XMLSchema#gYearMonth', lang=None), None)
    """
    return _date(value)


@lru_cache(maxsize=65536)
def _date(value: str | None) -> Lit | None:
    lit = date_literal(value)
    return None if lit is None else Lit(str(lit), str(lit.datatype))


def day(value: str | None) -> Lit | None:
    """The date part of an ISO date or date-time as a compact term (xsd:date, or a partial date).

    >>> day("2023-03-22T19:20").lex
    '2023-03-22'
    """
    return _date((value or "").split("T")[0])


@lru_cache(maxsize=4096)
def decimal(x) -> Lit:
    """A canonical xsd:decimal in 0..1 with at most 3 decimals (anything else: 0.0).

    >>> decimal(0.8).lex, decimal(1.5).lex, decimal("x").lex
    ('0.8', '1.0', '0.0')
    """
    try:
        x = min(max(float(x), 0.0), 1.0)
    except (TypeError, ValueError):
        x = 0.0
    text = f"{x:.3f}".rstrip("0")
    return Lit(str(Literal(text + "0" if text.endswith(".") else text, datatype=XSD.decimal)), xsd.decimal)


def integer(n) -> Lit:
    """An xsd:integer.

    >>> integer(7).lex
    '7'
    """
    return Lit(str(int(n)), xsd.integer)


def boolean(value: bool) -> Lit:
    """An xsd:boolean.

    >>> boolean(True).lex
    'true'
    """
    return Lit("true" if value else "false", xsd.boolean)


def string(value) -> Lit:
    """A plain literal (what ``Literal(value)`` gives, for any value).

    >>> string("Vienna").lex
    'Vienna'
    """
    return Lit(value) if type(value) is str else from_rdflib(Literal(value))


def short_hash(*parts: object) -> str:
    """Twelve hex digits of the SHA-1 of ``parts``, for IRI segments that must tell things apart.

    >>> len(short_hash("a", 1))
    12
    """
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]
