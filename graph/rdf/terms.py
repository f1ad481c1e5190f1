"""Compact RDF terms for the streaming mapping and writers.

The mapping (:mod:`newsgraph.graph.rdf`) and the writers (:mod:`newsgraph.graph.export`,
:mod:`newsgraph.graph.export.jsonld`, :mod:`newsgraph.graph.export.gephi.view`) pass triples as plain Python
values, cheaper to make, sort and hash than rdflib terms:

* an IRI is a ``str`` (always absolute);
* a literal is a :class:`Lit` ``(lex, dt, lang)`` (``dt`` None for a plain string);
* a blank node is a :class:`Blank` (a ``str`` subclass; only graphs read through rdflib have them).

One subject's triples travel together as a *group*: ``(subject, [(p, o), ...])``.

>>> from rdflib import Literal, URIRef
>>> from newsgraph.graph.rdf.vocab import XSD
>>> from_rdflib(Literal(5, datatype=XSD.integer))
Lit(lex='5', dt='http://www.w3.org/2001/XMLSchema#integer', lang=None)
>>> to_rdflib(from_rdflib(URIRef("http://example.org/a"))) == URIRef("http://example.org/a")
True
>>> sorted([("p", Lit("b")), ("p", "http://x/a")], key=triple_key)[0]
('p', 'http://x/a')
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

__all__ = ["Lit", "Blank", "okey", "triple_key", "sorted_pairs", "text", "from_rdflib", "to_rdflib",
           "from_ox", "OxTerms", "groups_of", "groups_of_ox"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class Lit(NamedTuple):
    """An RDF literal: lexical form, datatype IRI (None: plain string), language tag."""

    lex: str
    dt: str | None = None
    lang: str | None = None


class Blank(str):
    """A blank node, by its id."""

    __slots__ = ()
    made = False     # whether any was made: until then, no sort has to look for one

    def __new__(cls, value: str = ""):
        Blank.made = True
        return super().__new__(cls, value)


def okey(o) -> tuple:
    """Sort key of an object term: IRIs, then blank nodes, then literals (by form, datatype, language)."""
    if isinstance(o, Lit):
        return 2, o.lex, o.dt or "", o.lang or ""
    return (1 if isinstance(o, Blank) else 0), o, "", ""


def triple_key(po: tuple) -> tuple:
    """Sort key of a ``(p, o)`` pair of one subject: predicate, then object as :func:`okey`."""
    o = po[1]
    if type(o) is str:
        return po[0], 0, o, "", ""
    if type(o) is Lit:
        return po[0], 2, o.lex, o.dt or "", o.lang or ""
    return (po[0], *okey(o))


def sorted_pairs(pairs: Iterable[tuple]) -> list[tuple]:
    """``sorted(pairs, key=triple_key)`` of distinct ``(p, o)`` pairs, by plain tuple comparison when
    that gives the same order (no blank node, no literals telling a missing datatype or language
    from a present one: those comparisons raise, and the key is used instead).

    >>> [o for _, o in sorted_pairs([("p", Lit("b")), ("p", Lit("a", "http://x/d")), ("o", "http://x/a")])]
    ['http://x/a', Lit(lex='a', dt='http://x/d', lang=None), Lit(lex='b', dt=None, lang=None)]
    >>> sorted_pairs([("p", Lit("a")), ("p", "http://x/a"), ("p", Blank("b0"))])[1:]
    [('p', 'b0'), ('p', Lit(lex='a', dt=None, lang=None))]
    """
    try:
        out = sorted(pairs)
    except TypeError:      # an IRI and a literal, or None and a string, compared
        return sorted(pairs, key=triple_key)
    if Blank.made and len(out) > 1 and any(type(o) is Blank for _, o in out):
        out.sort(key=triple_key)
    return out


def text(o) -> str:
    """What ``str()`` of the rdflib term gives: the IRI, blank node id or lexical form."""
    return o.lex if isinstance(o, Lit) else str.__str__(o)


def from_rdflib(term: Node):
    """The compact term of an rdflib term."""
    if isinstance(term, Literal):
        return Lit(str(term), str(term.datatype) if term.datatype else None, term.language or None)
    if isinstance(term, BNode):
        return Blank(str(term))
    if isinstance(term, URIRef):
        return str(term)
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term):
    """The compact term of a pyoxigraph term (an ``xsd:string`` literal plain, as rdflib reads it).

    >>> from_ox(ox.Literal("x")), from_ox(ox.Literal("x", language="en")), from_ox(ox.NamedNode("http://x/a"))
    (Lit(lex='x', dt=None, lang=None), Lit(lex='x', dt=None, lang='en'), 'http://x/a')
    """
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        if term.language:
            return Lit(term.value, None, term.language)
        dt = term.datatype.value
        return Lit(term.value, None if dt == _XSD_STRING else dt)
    if isinstance(term, ox.BlankNode):
        return Blank(term.value)
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(o) -> Node:
    """The rdflib term of a compact term."""
    if isinstance(o, Lit):
        if o.lang:
            return Literal(o.lex, lang=o.lang)
        return Literal(o.lex, datatype=URIRef(o.dt) if o.dt else None)
    return BNode(o) if isinstance(o, Blank) else URIRef(o)


class OxTerms:
    """Makes pyoxigraph terms of compact terms, reusing the nodes of predicates, types and datatypes."""

    def __init__(self) -> None:
        self.nodes: dict[str, ox.NamedNode] = {}

    def named(self, iri: str) -> ox.NamedNode:
        """A cached NamedNode (for the few IRIs used again and again)."""
        node = self.nodes.get(iri)
        if node is None:
            node = self.nodes[iri] = ox.NamedNode(iri)
        return node

    def subject(self, s: str):
        """The pyoxigraph subject term of ``s``."""
        return ox.BlankNode(s) if isinstance(s, Blank) else ox.NamedNode(s)

    def object(self, o):
        """The pyoxigraph term of an object."""
        if isinstance(o, Lit):
            if o.lang:
                return ox.Literal(o.lex, language=o.lang)
            return ox.Literal(o.lex, datatype=self.named(o.dt)) if o.dt else ox.Literal(o.lex)
        return ox.BlankNode(o) if isinstance(o, Blank) else ox.NamedNode(o)

    def triples(self, groups: Iterable[tuple[str, list]]) -> Iterator[ox.Triple]:
        """pyoxigraph Triples of subject groups, in order."""
        named, obj, iri, triple = self.named, self.object, ox.NamedNode, ox.Triple
        for s, pos in groups:
            subject = self.subject(s)
            for p, o in pos:
                yield triple(subject, named(p), iri(o) if type(o) is str else obj(o))

    def quads(self, items: Iterable[tuple[str | None, tuple[str, list]]]) -> Iterator[ox.Quad]:
        """pyoxigraph Quads of (graph IRI or ``None`` for the default graph, subject group) pairs."""
        named, obj, iri, quad = self.named, self.object, ox.NamedNode, ox.Quad
        name, g = object(), None
        for graph, (subject, pos) in items:
            if graph != name:
                name, g = graph, ox.DefaultGraph() if graph is None else self.subject(graph)
            s = self.subject(subject)
            for p, o in pos:
                yield quad(s, named(p), iri(o) if type(o) is str else obj(o), g)


def groups_of(triples: Iterable[tuple[Node, Node, Node]]) -> list[tuple[str, list]]:
    """Subject groups of rdflib triples, sorted by subject and within each subject, duplicates dropped."""
    by_subject: dict = {}
    for s, p, o in triples:
        by_subject.setdefault(from_rdflib(s), set()).add((str(p), from_rdflib(o)))
    return _sorted_groups(by_subject)


def groups_of_ox(quads: Iterable[ox.Quad]) -> list[tuple[str, list]]:
    """Subject groups of pyoxigraph quads or triples (graph names dropped), as :func:`groups_of`."""
    by_subject: dict = {}
    for q in quads:
        by_subject.setdefault(from_ox(q.subject), set()).add((q.predicate.value, from_ox(q.object)))
    return _sorted_groups(by_subject)


def _sorted_groups(by_subject: dict) -> list[tuple[str, list]]:
    return [(s, sorted(pos, key=triple_key))
            for s, pos in sorted(by_subject.items(), key=lambda x: okey(x[0]))]
