"""GraphML and GEXF text of a node/edge view, written directly (no XML tree in memory).

The files are what networkx's writers gave (``generate_graphml`` with named key
ids, re-indented by ElementTree; ``write_gexf``), byte for byte but for the GEXF
creator, the edge key networkx adds to GEXF and mixed graphs, so Gephi, igraph,
networkx and graphology read them as before:

* GraphML: key ids are the attribute names, an edge key whose name is also a
  node key gets the id ``edge<name>``; keys are listed last-declared first;
  edges come in networkx's adjacency order; no graph attributes.
* GEXF 1.2draft: ``label`` and ``weight`` of edges and the ``label``,
  ``start`` and ``end`` of nodes are XML attributes, the rest ``attvalues``
  (nothing else: no ``networkx_key``); ``mode="dynamic"`` with
  ``timeformat="date"`` when some node has dates; no write date.
* An edge attribute ``directed`` (a bool) is the edge's own direction, not data: GraphML's
  ``directed="true|false"``, GEXF's ``type="directed|undirected"`` (a mixed graph, as Gephi
  reads it); other edges follow the graph's default.

Nodes are ``(id, attrs)``; edges ``(source, target, key, attrs)`` in the order a
networkx graph iterates them (:func:`newsgraph.graph.export.gephi.view.adjacency_order`); in
GraphML an ``id`` attribute is dropped (the key is the edge id).

>>> graphml_text([("n0", {"label": "A"})], [], directed=True).splitlines()[2]
'  <key id="label" for="node" attr.name="label" attr.type="string" />'
>>> nodes = [("a", {"label": "A"}), ("b", {"label": "B"})]
>>> edges = [("a", "b", "e0", {"id": "e0", "directed": False})]
>>> [x for x in graphml_text(nodes, edges).splitlines() if "<edge" in x]
['    <edge source="a" target="b" id="e0" directed="false" />']
>>> [x for x in gexf_text(nodes, edges).splitlines() if "<edge " in x]
['      <edge source="a" target="b" id="e0" type="undirected" />']
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import BinaryIO

__all__ = ["write_graphml", "write_gexf", "graphml_text", "gexf_text"]

GRAPHML_HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n"
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"')
GEXF_HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n"
             '<gexf xmlns="http://www.gexf.net/1.2draft" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
             'version="1.2">\n  <meta>\n    <creator>newsgraph</creator>\n  </meta>\n')
_EDGE_XML = ("id", "directed")    # GraphML edge attributes that are XML attributes, not data
_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


_TEXT_SPECIAL = re.compile("[&<>]")
_ATTRIB_SPECIAL = re.compile('[&<>"\r\n\t]')


def cdata(value: str) -> str:
    """Text content escaped as ElementTree does."""
    if not _TEXT_SPECIAL.search(value):
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attrib(value: str) -> str:
    """An attribute value escaped as ElementTree does."""
    if not _ATTRIB_SPECIAL.search(value):
        return value
    return (cdata(value).replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
            .replace("\t", "&#09;"))


def _xml_type(value) -> str:
    try:
        return _TYPES[type(value)]
    except KeyError:
        raise TypeError(f"attribute value type is not allowed: {type(value)}") from None


class _Sink:
    """Text written to a binary file in UTF-8, in chunks."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh, self.parts, self.size = fh, [], 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size > 1 << 16:
            self.flush()

    def flush(self) -> None:
        self.fh.write("".join(self.parts).encode("utf-8"))
        self.parts, self.size = [], 0


def _element(out: _Sink, indent: str, open_tag: str, children: list[str], close: str) -> None:
    if not children:
        out.write(f"{indent}{open_tag} />\n")
    else:
        out.write(f"{indent}{open_tag}>\n" + "".join(children) + f"{indent}</{close}>\n")


def _graphml_keys(nodes: list, edges: list) -> dict[tuple, str]:
    """(name, xml type, domain) -> key id, in first-use order (nodes, then edges)."""
    keys: dict[tuple, str] = {}
    for scope, items in (("node", (a for _, a in nodes)), ("edge", (e[3] for e in edges))):
        seen: set[tuple] = set()     # (name, value type) already looked at
        for attrs in items:
            for k, v in attrs.items():
                if (k, type(v)) not in seen and (scope == "node" or k not in _EDGE_XML):
                    seen.add((k, type(v)))
                    keys.setdefault((str(k), _xml_type(v), scope), str(k))
    node_ids = {kid for (_, _, scope), kid in keys.items() if scope == "node"}
    return {key: ("edge" + kid if key[2] == "edge" and kid in node_ids else kid) for key, kid in keys.items()}


def write_graphml(fh: BinaryIO, nodes: list, edges: list, *, directed: bool = True,
                  multigraph: bool = True) -> None:
    """Write the GraphML of the view to ``fh`` (see the module docstring)."""
    out, keys = _Sink(fh), _graphml_keys(nodes, edges)
    key_ids: dict[tuple, str] = {}    # (scope, name, value type) -> escaped key id
    special = _TEXT_SPECIAL.search

    def data(attrs: dict, scope: str) -> list[str]:
        lines = []
        for k, v in attrs.items():
            if scope == "node" or k not in _EDGE_XML:
                kid = key_ids.get((scope, k, type(v)))
                if kid is None:
                    kid = key_ids[scope, k, type(v)] = attrib(keys[(str(k), _xml_type(v), scope)])
                text = v if type(v) is str else str(v)
                if special(text):
                    text = cdata(text)
                lines.append(f'      <data key="{kid}"' + (f">{text}</data>\n" if text else " />\n"))
        return lines

    out.write(GRAPHML_HEAD + ">\n")
    for (name, xtype, scope), kid in reversed(keys.items()):
        out.write(f'  <key id="{attrib(kid)}" for="{scope}" attr.name="{attrib(name)}" '
                  f'attr.type="{xtype}" />\n')
    graph = f'<graph edgedefault="{"directed" if directed else "undirected"}"'
    if not nodes and not edges:
        out.write(f"  {graph} />\n")
    else:
        out.write(f"  {graph}>\n")
        for n, a in nodes:
            _element(out, "    ", f'<node id="{attrib(str(n))}"', data(a, "node"), "node")
        for u, v, key, a in edges:
            eid = f' id="{attrib(str(key))}"' if multigraph else ""
            if "directed" in a:
                eid += f' directed="{"true" if a["directed"] else "false"}"'
            _element(out, "    ", f'<edge source="{attrib(str(u))}" target="{attrib(str(v))}"{eid}',
                     data(a, "edge"), "edge")
        out.write("  </graph>\n")
    out.write("</graphml>\n")
    out.flush()


def _numbers(used: set[str]) -> Iterator[str]:
    """Edge ids for edges without one: 0, 1, 2, ... skipping ids in use (as networkx does)."""
    n = 0
    while True:
        if str(n) not in used:
            used.add(str(n))
            yield str(n)
        n += 1


_NODE_ATTRS, _EDGE_ATTRS = ("id", "label", "start", "end"), ("id", "label", "weight", "type", "start", "end")
_EDGE_SKIP = (*_EDGE_ATTRS, "directed")     # GEXF edge attributes that are XML attributes, not attvalues


def _gexf_attrs(nodes: list, edges: list) -> tuple[dict, bool]:
    """((class, title) -> (id, type) in first-use order, whether some node or edge has dates)."""
    ids: dict[tuple[str, str], tuple[str, str]] = {}
    dynamic = False
    edge_attrs = (e[3] for e in edges)
    for cls, items, skip in (("node", (a for _, a in nodes), _NODE_ATTRS), ("edge", edge_attrs, _EDGE_SKIP)):
        seen: set = set(skip)        # names already given an id (or never given one)
        for attrs in items:
            dynamic = dynamic or "start" in attrs or "end" in attrs
            for k, v in attrs.items():
                if k in seen:
                    continue
                seen.add(k)
                title = str(k)
                if (cls, title) not in ids:
                    ids[(cls, title)] = (str(len(ids)), _xml_type(v))
    return ids, dynamic


def write_gexf(fh: BinaryIO, nodes: list, edges: list, *, directed: bool = True) -> None:
    """Write the GEXF 1.2draft of the view to ``fh`` (see the module docstring)."""
    out = _Sink(fh)
    ids, dynamic = _gexf_attrs(nodes, edges)

    special = _ATTRIB_SPECIAL.search

    def attvalues(attrs: dict, cls: str, skip: tuple) -> list[str]:
        lines = []
        for k, v in attrs.items():
            if k not in skip:
                value = v if type(v) is str else str(v).lower() if isinstance(v, bool) else str(v)
                aid = ids[(cls, str(k))][0]
                value = attrib(value) if special(value) else value
                lines.append(f'          <attvalue for="{aid}" value="{value}" />\n')
        return [f"        <attvalues>\n{''.join(lines)}        </attvalues>\n"] if lines else []

    mode = ' mode="dynamic" name="" timeformat="date"' if dynamic else ' mode="static" name=""'
    out.write(GEXF_HEAD + f'  <graph defaultedgetype="{"directed" if directed else "undirected"}"{mode}>\n')
    for cls in ("edge", "node"):
        lines = [f'      <attribute id="{aid}" title="{attrib(title)}" type="{xtype}" />\n'
                 for (c, title), (aid, xtype) in ids.items() if c == cls]
        if lines:
            out.write(f'    <attributes mode="static" class="{cls}">\n{"".join(lines)}    </attributes>\n')
    out.write("    <nodes>\n" if nodes else "    <nodes />\n")
    for n, a in nodes:
        head = f'<node id="{attrib(str(a.get("id", n)))}" label="{attrib(str(a.get("label", n)))}"'
        head += "".join(f' {w}="{attrib(str(a[w]))}"' for w in ("start", "end") if w in a)
        _element(out, "      ", head, attvalues(a, "node", _NODE_ATTRS), "node")
    out.write("    </nodes>\n" if nodes else "")
    out.write("    <edges>\n" if edges else "    <edges />\n")
    spare = _numbers({str(e[3]["id"]) for e in edges if e[3].get("id") is not None})
    for u, v, _, a in edges:
        if "directed" in a:
            a = dict(a, type="directed" if a["directed"] else "undirected")
        head = f'<edge source="{attrib(str(u))}" target="{attrib(str(v))}" ' \
               f'id="{attrib(str(next(spare) if a.get("id") is None else a["id"]))}"'
        head += "".join(f' {w}="{attrib(str(a[w]))}"' for w in _EDGE_ATTRS[1:] if w in a)
        _element(out, "      ", head, attvalues(a, "edge", _EDGE_SKIP), "edge")
    out.write("    </edges>\n" if edges else "")
    out.write("  </graph>\n</gexf>\n")
    out.flush()


def graphml_text(nodes: list, edges: list, **kw) -> str:
    """The GraphML of :func:`write_graphml` as text."""
    buf = io.BytesIO()
    write_graphml(buf, nodes, edges, **kw)
    return buf.getvalue().decode("utf-8")


def gexf_text(nodes: list, edges: list, **kw) -> str:
    """The GEXF of :func:`write_gexf` as text."""
    buf = io.BytesIO()
    write_gexf(buf, nodes, edges, **kw)
    return buf.getvalue().decode("utf-8")
