"""An ad-hoc query from outside (endpoint, ``newsgraph sparql``): checked, run, every failure one line.

The text is checked on its tokens (:func:`newsgraph.queries.sparql.guard.check`)
and then parsed once, by the engine that runs it: Oxigraph on a build's store,
rdflib on any other graph.  No parse happens in a shared process under a lock;
:func:`run_checked` raises :class:`~newsgraph.queries.sparql.guard.Refused` with
the HTTP status and a one-line reason for a refused, malformed or too deeply
recursive query, ``QueryFailed`` when evaluation fails, and
:class:`~newsgraph.queries.sparql.damage.StoreDamaged` when the store cannot be read.

>>> from rdflib import Graph
>>> run_checked(Graph(), "ASK { }").askAnswer
True
>>> run_checked(Graph(), "SELECT ?x WHERE { ?x ?y }")
Traceback (most recent call last):
...
newsgraph.queries.sparql.guard.Refused: malformed query: Expected SelectQuery, found ... (line:1, col:19)
"""
from __future__ import annotations

import re

from pyparsing import ParseException
from rdflib import Graph
from rdflib.query import Result

from newsgraph.queries.sparql.damage import StoreDamaged, reason
from newsgraph.queries.sparql.guard import QueryLimits, Refused, check
from newsgraph.queries.sparql.native import run

_OX_POSITION = re.compile(r"^error at (\d+):(\d+):")


class QueryFailed(Exception):
    """A checked query that parsed but failed while it ran (message: one line)."""


def check_query(text: str, limits: QueryLimits | None = None) -> str:
    """``text`` when it is an acceptable read-only query inside ``limits``; Refused otherwise.

    >>> check_query("DROP ALL")
    Traceback (most recent call last):
    ...
    newsgraph.queries.sparql.guard.Refused: read-only endpoint: SPARQL Update (Drop) is refused
    """
    check(text, limits)
    return text


def run_checked(g: Graph, text: str, limits: QueryLimits | None = None) -> Result:
    """The result of the ad-hoc query ``text`` on ``g``, after :func:`check_query`."""
    check(text, limits)
    try:
        return run(g, text)
    except (SyntaxError, ParseException) as exc:
        raise Refused(400, f"malformed query: {_one_line(_position(str(exc)))}") from None
    except RecursionError:
        raise Refused(400, "query too complex for the parser (nesting or number of patterns); "
                      "simplify it") from None
    except Exception as exc:  # rdflib and Oxigraph raise many types while evaluating
        if reason(exc) is not None:
            raise StoreDamaged(reason(exc)) from None
        raise QueryFailed(f"query failed: {_one_line(str(exc))}") from None


def _position(message: str) -> str:
    """Oxigraph's ``error at 1:26:`` as ``error at line 1, col 26:``."""
    return _OX_POSITION.sub(r"error at line \1, col \2:", message)


def _one_line(message: str) -> str:
    return " ".join(message.split())[:500]
