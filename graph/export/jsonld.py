"""Compact JSON-LD written node by node, from subject groups in subject order.

The document is what rdflib's JSON-LD serializer gives for the union graph with
the project prefixes as ``@context`` (and what ``graph.jsonld`` always held):
``{"@context": {...}, "@graph": [node, ...]}``; each node has ``@id`` (compacted
when its IRI is in a prefix namespace), ``@type`` and one key per property
(``prefix:name``); one value stays a scalar, several become an array sorted by
its JSON text; integers, booleans, doubles and plain strings are JSON values,
other literals ``{"@type", "@value"}`` or ``{"@language", "@value"}``, IRIs
``{"@id"}``.  Nodes are in the order of their JSON text, i.e. of their ``@id``.
A graph of exactly one node is that node with the ``@context`` (as rdflib writes it).

Nothing but the node being written (and the few nodes with compacted ids,
vocabulary terms, which sort after the full IRIs) is held in memory.

>>> import io
>>> fh = io.BytesIO()
>>> w = JsonLdWriter(fh, {"ex": "http://example.org/"})
>>> w.add("http://example.org/a", [("http://example.org/p", "http://x.org/b")])
>>> w.close(); json.loads(fh.getvalue())["ex:p"]
{'@id': 'http://x.org/b'}
"""
from __future__ import annotations

import json
from typing import BinaryIO

from newsgraph.graph.rdf.terms import Blank, Lit

__all__ = ["JsonLdWriter"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD = "http://www.w3.org/2001/XMLSchema#"


_string = json.encoder.encode_basestring   # the C encoder of json.dumps(..., ensure_ascii=False)


def _dumps(value) -> str:
    """Compact JSON text, keys sorted (the sort key of array values)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _pretty(value, indent: str = "") -> str:
    """``json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)`` nested at ``indent``
    (the pure-Python encoder json uses for indented output is several times slower)."""
    if isinstance(value, str):
        return _string(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = ",\n".join(f"{inner}{_string(k)}: " + (_string(v) if type(v) is str else _pretty(v, inner))
                            for k, v in sorted(value.items()))
        return "{\n" + items + "\n" + indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + (_string(v) if type(v) is str else _pretty(v, inner))
                                   for v in value) + "\n" + indent + "]"
    return json.dumps(value)


def _sort_key(value) -> str:
    """:func:`_dumps` of an array value, without the encoder for the usual ones (a string, or an
    object of strings such as ``{"@id": ...}``)."""
    if type(value) is str:
        return _string(value)
    if type(value) is dict and all(type(v) is str for v in value.values()):
        return "{" + ", ".join(f"{_string(k)}: {_string(v)}" for k, v in sorted(value.items())) + "}"
    return _dumps(value)


def _item(value, indent: str) -> str:
    """:func:`_pretty` of a value inside a node (``{"@id": ...}`` objects spelled out directly)."""
    if type(value) is str:
        return _string(value)
    if type(value) is dict and len(value) == 1 and type(value.get("@id")) is str:
        return f'{{\n{indent}  "@id": {_string(value["@id"])}\n{indent}}}'
    if type(value) is list:
        inner = indent + "  "
        return "[\n" + ",\n".join(inner + _item(v, inner) for v in value) + "\n" + indent + "]"
    if type(value) is int:
        return int.__repr__(value)
    return _pretty(value, indent)


def _split(iri: str) -> tuple[str, str | None]:
    """Namespace and local name, split at the last ``#``, else ``/``, else ``:`` (as rdflib does)."""
    for delim in ("#", "/", ":"):
        at = iri.rfind(delim)
        if at > -1:
            return iri[:at + 1], iri[at + 1:]
    return iri, None


def _native(lit: Lit):
    """The JSON value of an xsd:integer, boolean, double or string literal (rdflib's conversions)."""
    kind = lit.dt[len(_XSD):]
    try:
        if kind == "integer":
            return int(lit.lex)
        if kind == "double":
            return float(lit.lex)
    except ValueError:
        return lit.lex
    if kind == "boolean":
        return lit.lex.lower() in ("1", "true")
    return lit.lex


_NATIVE = {_XSD + t for t in ("integer", "double", "boolean", "string")}
_REMEMBER = 1 << 16   # compacted IRIs kept (the cache is emptied when full)


class JsonLdWriter:
    """Writes the JSON-LD document to ``fh`` as groups arrive (:meth:`add`), then :meth:`close`."""

    def __init__(self, fh: BinaryIO, prefixes: dict[str, str]):
        self.fh = fh
        self.context = {p: str(ns) for p, ns in sorted(prefixes.items())}
        self.by_ns = {ns: p for p, ns in self.context.items()}
        self.symbols: dict[str, str] = {}
        self.compacted: dict[str, str] = {}
        self.first: dict | None = None
        self.count = 0
        self.waiting: list[tuple[str, dict]] = []

    def compact(self, iri: str) -> str:
        """``prefix:name`` when the IRI's namespace is a prefix's, else the IRI."""
        out = self.compacted.get(iri)
        if out is None:
            ns, name = _split(iri)
            prefix = self.by_ns.get(ns)
            out = f"{prefix}:{name}" if prefix else iri
            if len(self.compacted) >= _REMEMBER:
                self.compacted.clear()
            self.compacted[iri] = out
        return out

    def symbol(self, iri: str) -> str:
        """:meth:`compact` of a predicate, class or datatype (few, so remembered)."""
        out = self.symbols.get(iri)
        if out is None:
            out = self.symbols[iri] = self.compact(iri)
        return out

    def value(self, o):
        """The JSON-LD value of an object term."""
        if type(o) is str:
            return {"@id": self.compact(o)}
        if isinstance(o, Lit):
            if o.lang:
                return {"@language": o.lang, "@value": o.lex}
            if o.dt is None:
                return o.lex
            return _native(o) if o.dt in _NATIVE else {"@type": self.symbol(o.dt), "@value": o.lex}
        return {"@id": "_:" + o if isinstance(o, Blank) else self.compact(o)}

    def _type(self, o):
        """The ``@type`` value of an ``rdf:type`` object."""
        return self.symbol(o) if isinstance(o, str) and not isinstance(o, Blank) else self.value(o)

    def node(self, s: str, pos: list) -> dict:
        """The node object of one subject."""
        node: dict = {"@id": "_:" + s if isinstance(s, Blank) else self.compact(s)}
        symbol, value = self.symbol, self.value
        for p, o in pos:
            if p == _RDF_TYPE:
                key, v = "@type", self._type(o)
            else:
                key, v = symbol(p), value(o)
            old = node.get(key)
            if old is None:
                node[key] = v
            elif type(old) is list:
                old.append(v)
            else:
                node[key] = [old, v]
        for v in node.values():
            if type(v) is list:
                v.sort(key=_sort_key)
        return node

    def add(self, s: str, pos: list) -> None:
        """Write the node of subject ``s`` (groups come in subject order)."""
        node = self.node(s, pos)
        key = node["@id"] + '"'            # the order of the nodes' JSON text
        if node["@id"] != s:               # a compacted id sorts by its compact form: place it later
            self.waiting.append((key, node))
            self.waiting.sort(key=lambda x: x[0])
            return
        while self.waiting and self.waiting[0][0] < key:
            self._write(self.waiting.pop(0)[1])
        self._write(node)

    def _write(self, node: dict) -> None:
        self.count += 1
        if self.count == 1:
            self.first = node
            return
        if self.count == 2:
            head = _pretty({"@context": self.context, "@graph": []})[:-len("[]\n}")]
            self.fh.write((head + "[\n" + self._text(self.first)).encode("utf-8"))
            self.first = None
        self.fh.write((",\n" + self._text(node)).encode("utf-8"))

    @staticmethod
    def _text(node: dict) -> str:
        """``"    " + _pretty(node, "    ")``, a node's text in the ``@graph`` array."""
        return "    {\n" + ",\n".join(f"      {_string(k)}: {_item(v, '      ')}"
                                       for k, v in sorted(node.items())) + "\n    }"

    def close(self) -> None:
        """Write what is left and the end of the document."""
        for _, node in self.waiting:
            self._write(node)
        self.waiting = []
        if self.count == 0:
            self.fh.write((_pretty({"@context": self.context, "@graph": []}) + "\n").encode("utf-8"))
        elif self.count == 1:
            self.fh.write((_pretty({"@context": self.context, **self.first}) + "\n").encode("utf-8"))
        else:
            self.fh.write(b"\n  ]\n}\n")
