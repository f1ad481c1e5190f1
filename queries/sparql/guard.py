r"""What a read-only endpoint refuses, decided on the query text's own tokens before any parser runs.

The decision reads the text as Oxigraph does (:mod:`newsgraph.queries.sparql.lexer`:
strings, IRIs and comments are not code), never a second parser's algebra,
which may drop what Oxigraph runs.  When the text holds ``\uXXXX`` escapes it
is also read after expanding them, as rdflib does before it parses.  Refused:

* ``SERVICE`` (403) wherever it stands -- inside FILTER EXISTS, MINUS, OPTIONAL,
  sub-queries, UNION, GRAPH -- and glued to another word (``SERVICESILENT``,
  Oxigraph needs no space after a keyword);
* SPARQL Update (403): a word starting LOAD, CLEAR, DROP, INSERT, DELETE, CREATE, ADD, MOVE, COPY;
* ``FROM`` / ``FROM NAMED`` (400): the endpoint queries its own graph;
* anything over :class:`QueryLimits` (400): bytes, tokens, bracket nesting and
  triple patterns (counted as the ``.``, ``;`` and ``,`` inside groups plus one
  per group), so no parser recurses past Python's stack or keeps a process busy.

A keyword counts as a bare word or the prefix of a prefixed name (``SERVICEex:x``
is SERVICE then ``ex:x`` to Oxigraph); variables (``?service``), prefixed names'
local parts (``ex:service``), strings, IRIs and comments never count.

>>> check("ASK { ?s ?p 'SERVICE' } # SERVICE")
>>> check("ASK { FILTER(EXISTS { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }) }")
Traceback (most recent call last):
...
newsgraph.queries.sparql.guard.Refused: read-only endpoint: SERVICE (federated query) is refused
>>> check("ASK " + "{ " * 40 + "}" * 40)
Traceback (most recent call last):
...
newsgraph.queries.sparql.guard.Refused: query nests brackets more than 32 deep (the limit)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.queries.sparql.lexer import TooAmbiguous, tokens

UPDATES = ("LOAD", "CLEAR", "DROP", "INSERT", "DELETE", "CREATE", "ADD", "MOVE", "COPY")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})")


@dataclass(frozen=True)
class QueryLimits:
    """The largest query accepted: bytes of UTF-8, tokens, bracket nesting depth, triple patterns.

    The defaults keep rdflib's recursive parser and Oxigraph's join planner well inside their
    limits (rdflib fails at about 40 nested groups or 90 triple patterns).
    """

    max_bytes: int = 1_000_000
    max_tokens: int = 50_000
    max_depth: int = 32
    max_patterns: int = 64


class Refused(Exception):
    """A request the endpoint will not run: ``status`` is the HTTP code to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class _Tally:
    tokens: int = 0
    depth: int = 0
    patterns: int = 0


def check(text: str, limits: QueryLimits | None = None) -> None:
    """Nothing when ``text`` is a read-only query inside ``limits``; :class:`Refused` otherwise."""
    limits = limits or QueryLimits()
    if not text or not text.strip():
        raise Refused(400, "missing query")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_bytes:
        raise Refused(400, f"query of {size} bytes; the limit is {limits.max_bytes}")
    _check_reading(text, limits)
    expanded = _UNICODE_ESCAPE.sub(_expand, text)
    if expanded != text:
        _check_reading(expanded, limits)


def _expand(match: re.Match) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code <= 0x10FFFF else match.group(0)


def _check_reading(text: str, limits: QueryLimits) -> None:
    tally = _Tally()
    try:
        for token in tokens(text):
            _count(token, tally, limits)
            if token.kind == "word":
                _keyword(token.text.upper(), word=True)
            elif token.kind == "pname":
                _keyword(token.text.split(":")[0].upper(), word=False)
    except TooAmbiguous as exc:
        raise Refused(400, f"query cannot be checked: {exc}") from None


def _count(token, tally: _Tally, limits: QueryLimits) -> None:
    tally.tokens += 1
    if tally.tokens > limits.max_tokens:
        raise Refused(400, f"query of more than {limits.max_tokens} tokens (the limit)")
    if token.depth > limits.max_depth:
        raise Refused(400, f"query nests brackets more than {limits.max_depth} deep (the limit)")
    if token.text == "{" or (token.in_group and token.text in (".", ";", ",")):
        tally.patterns += 1
        if tally.patterns > limits.max_patterns:
            raise Refused(400, f"query of more than {limits.max_patterns} triple patterns (the limit)")


def _keyword(name: str, word: bool) -> None:
    """Refused when ``name`` (a bare word, or a prefix of a prefixed name) holds a refused keyword.

    Updates only matter as bare words starting with the keyword (a query parser cannot run them:
    the check is for a clear answer); SERVICE and FROM anywhere inside, glued or not.
    """
    if "SERVICE" in name:
        raise Refused(403, "read-only endpoint: SERVICE (federated query) is refused")
    update = next((kw for kw in UPDATES if name.startswith(kw)), None) if word else None
    if update:
        raise Refused(403, f"read-only endpoint: SPARQL Update ({update.title()}) is refused")
    if "FROM" in name:
        raise Refused(400, "FROM / FROM NAMED are not supported: the endpoint queries its own graph")
