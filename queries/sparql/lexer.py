r"""A SPARQL 1.1 lexer for checking query text before any parser sees it.

It reads the text as Oxigraph does, so a check on its tokens holds for what
Oxigraph runs: strings (short and ``'''``/``\"\"\"`` long ones, escapes inside),
IRIs ``<...>``, comments ``#...``, variables, prefixed names (with ``\#`` and
``%xx`` escapes in local names), blank node labels, numbers, language tags,
keywords and punctuation.  Whitespace and comments give no token.

``<`` is an IRI or the less-than operator depending on the grammar: inside the
parentheses of an expression, after an operand, it may be either, and the lexer
follows **both** readings (e.g. ``FILTER(?a<?b)SERVICE#>`` holds the keyword
SERVICE in one reading and hides it in an "IRI" in the other).  A check refuses
what any reading allows, so it never trusts the kinder one.  Readings merge
again as soon as they reach the same position in the same state; more than
:data:`MAX_READINGS` live at once is refused by the caller.

>>> [t.text for t in tokens('ASK { ?s <http://x/SERVICE> "SERVICE" } # SERVICE')]
['ASK', '{', '?s', '<http://x/SERVICE>', '"SERVICE"', '}']
>>> "SERVICE" in {t.text for t in tokens("ASK { FILTER(?a<?b)SERVICE#>\n<http://h/> { } }")}
True
"""
from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_READINGS = 32

_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
         "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_U = _BASE + "_"
_CHARS = _U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PREFIX = f"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_LOCAL = f"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"

#: (kind, pattern) tried in order at each position; ``None`` kinds are skipped (whitespace, comments).
_RULES = (
    (None, r"[ \t\r\n]+"),
    (None, r"#[^\r\n]*"),
    ("string", r"'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''|\"\"\"(?:(?:\"|\"\")?(?:[^\"\\]|\\.))*\"\"\""),
    ("string", r"'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\""),
    ("var", f"[?$][{_U}0-9][{_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*"),
    ("bnode", f"_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?"),
    ("pname", f"(?:{_PREFIX})?:(?:{_LOCAL})?"),
    ("number", r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?"),
    ("word", r"[^\W\d]\w*"),
    ("lang", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"),
    ("open", r"[({\[]"),
    ("close", r"[)}\]]"),
    ("op", r"&&|\|\||!=|<=|>=|\^\^|."),
)
_MASTER = re.compile("|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(_RULES)), re.DOTALL)
_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_LESS = re.compile(r"<=?")
_OPERANDS = {"var", "string", "number", "iri", "pname", "lang", "bnode"}


@dataclass(frozen=True)
class Token:
    """One token: ``kind`` (word, pname, var, iri, string, number, lang, bnode, open, close, op),
    its ``text``, the bracket ``depth`` it stands at (an opening bracket counts itself) and whether
    its innermost bracket is a group ``{`` or ``[`` (``in_group``)."""

    kind: str
    text: str
    depth: int
    in_group: bool


@dataclass(frozen=True)
class _State:
    """One reading at a position: open brackets (innermost first, ``(`` of an expression is ``e``,
    of a collection ``c``) and the kind of the previous token."""

    stack: tuple
    prev: str
    prev_text: str


class TooAmbiguous(ValueError):
    """More than :data:`MAX_READINGS` readings of ``<`` were alive at once."""


def tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text`` in every reading (a token shared by readings comes once per reading).

    >>> [t.kind for t in tokens("SELECT ?x WHERE { ?x ex:p 1.5 }")]
    ['word', 'var', 'word', 'open', 'var', 'pname', 'number', 'close']
    """
    heap, live, order = [(0, 0, _State((), "", ""))], set(), 0
    while heap:
        pos, _, state = heapq.heappop(heap)
        live.discard((pos, state))
        readings = _step(text, pos, state)
        while len(readings) == 1 and not heap:  # one reading: no queue needed
            token, pos, state = readings[0]
            if token is not None:
                yield token
            if pos >= len(text):
                break
            readings = _step(text, pos, state)
        else:
            for token, end, after in readings:
                if token is not None:
                    yield token
                if end < len(text) and (end, after) not in live:
                    live.add((end, after))
                    order += 1
                    heapq.heappush(heap, (end, order, after))
        if len(heap) > MAX_READINGS:
            raise TooAmbiguous(f"more than {MAX_READINGS} readings of '<'")


def _step(text: str, pos: int, state: _State):
    """(token or None, end, next state) for each reading of the text at ``pos``."""
    if text[pos] == "<":
        return [_token(state, kind, match.group(0), match.end()) for kind, match in _angle(text, pos, state)]
    match = _MASTER.match(text, pos)
    kind = _RULES[int(match.lastgroup[1:])][0]
    if kind is None:
        return [(None, match.end(), state)]
    return [_token(state, kind, match.group(0), match.end())]


def _angle(text: str, pos: int, state: _State):
    """The readings of ``<`` at ``pos``: an IRI, the operator, or both (in an expression after an operand)."""
    iri = _IRI.match(text, pos)
    top = state.stack[0] if state.stack else ""
    operand = state.prev in _OPERANDS or state.prev_text in (")", "]") or \
        (state.prev == "word" and state.prev_text.lower() in ("true", "false"))
    readings = []
    if iri:
        readings.append(("iri", iri))
    if iri is None or (top == "e" and operand):
        readings.append(("op", _LESS.match(text, pos)))
    return readings


def _token(state: _State, kind: str, text: str, end: int):
    stack = state.stack
    in_group = bool(stack) and stack[0] in "{["
    if kind == "open":
        stack = (_paren(state) if text == "(" else text,) + stack
    elif kind == "close" and stack:
        stack = stack[1:]
    depth = len(stack) + (kind == "close")
    return Token(kind, text, depth, in_group), end, _State(stack, kind, text)


def _paren(state: _State) -> str:
    """``e`` for the parenthesis of an expression (or any one that may be), ``c`` for a collection's."""
    top = state.stack[0] if state.stack else "e"
    if top == "e" or state.prev in ("word", "pname", "iri"):
        return "e"
    return "c"
