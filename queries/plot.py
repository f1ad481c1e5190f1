"""A picture of the actor network (matplotlib): node size by degree, colour by actor type,
edge width by shared events, labels on the best-connected actors.

Every picture says what it shows: the drawn actors (label, type, colour), edges (labels, weight) and
labelled actors, as JSON in the file's own metadata (PNG text chunk and SVG ``Description``, PDF
``Subject``).  :func:`drawn_in` reads it back from a PNG, so a picture (the README's, say) can be
checked against a fresh build without comparing pixels across matplotlib versions.

>>> net = nx.Graph([("a", "b", {"weight": 2})])
>>> nx.set_node_attributes(net, {"a": {"label": "A", "type": "State"},
...                              "b": {"label": "B", "type": "Person"}})
>>> shown = drawn(net, ["a"])
>>> shown["nodes"], shown["edges"], shown["labelled"]
([['A', 'State', '#DD8452'], ['B', 'Person', '#4C72B0']], [['A', 'B', 2]], ['A'])
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from rdflib import Graph

from newsgraph.queries.api import actor_network, ego

__all__ = ["COLOURS", "plot_network", "drawn", "drawn_in"]

COLOURS = {"Person": "#4C72B0", "State": "#DD8452", "Organization": "#55A868", "Outlet": "#8172B3",
           "Location": "#937860"}
_GREY = "#999999"    # any other node type
_META_KEY = {".png": "Description", ".svg": "Description", ".pdf": "Subject"}
_NO_DATE = {".svg": {"Date": None}, ".pdf": {"CreationDate": None}}   # same graph, same bytes


def drawn(net: nx.Graph, labelled) -> dict:
    """What a picture of ``net`` shows, as plain sorted lists: ``nodes`` ([label, type, colour]),
    ``edges`` ([label, label, weight]) and the ``labelled`` actors' labels."""
    def label(n) -> str:
        return str(net.nodes[n].get("label", n))

    def kind(n) -> str:
        return net.nodes[n].get("type", "")

    return {"nodes": sorted([label(n), kind(n), COLOURS.get(kind(n), _GREY)] for n in net),
            "edges": sorted([*sorted((label(u), label(v))), d.get("weight", 1)]
                            for u, v, d in net.edges(data=True)),
            "labelled": sorted(label(n) for n in labelled)}


def drawn_in(picture: str | Path) -> dict:
    """What a PNG drawn by :func:`plot_network` shows (see :func:`drawn`); ValueError when it does not say."""
    from PIL import Image  # lazy: only reading a picture back needs it (matplotlib's own dependency)

    with Image.open(picture) as image:
        text = getattr(image, "text", {}).get(_META_KEY[".png"])
    if not text:
        raise ValueError(f"{picture} does not say what it shows (not drawn by newsgraph plot)")
    return json.loads(text)


def _network(g: Graph, actor, radius: int) -> nx.Graph:
    """The actors to draw: ``actor``'s neighbourhood, or every actor that shares an event."""
    if actor:
        return ego(g, actor, radius=radius)
    net = actor_network(g)
    net.remove_nodes_from([n for n in net if not net.degree(n)])   # (a subgraph view would reorder them)
    return net


def _draw(net: nx.Graph, ax, top: int) -> list:
    """Draw ``net`` on ``ax`` (seeded layout); the nodes labelled (the ``top`` best connected)."""
    nodes = sorted(net.nodes)
    degree = dict(net.degree(weight="weight"))
    pos = nx.spring_layout(net, seed=42, weight="weight")    # nodes in the network's own (IRI) order
    nx.draw_networkx_edges(net, pos, ax=ax, alpha=0.4,
                           width=[0.5 + 1.5 * d["weight"] for _, _, d in net.edges(data=True)])
    nx.draw_networkx_nodes(net, pos, nodelist=nodes, ax=ax,
                           node_size=[80 + 120 * degree[n] for n in nodes],
                           node_color=[COLOURS.get(net.nodes[n].get("type"), _GREY) for n in nodes])
    best = sorted(nodes, key=lambda n: (-degree[n], net.nodes[n].get("label", n)))[:top]
    nx.draw_networkx_labels(net, pos, labels={n: net.nodes[n].get("label", n) for n in best},
                            font_size=8, ax=ax)
    return best


def plot_network(g: Graph, output: str | Path, *, actor=None, radius: int = 1, top: int = 15) -> Path:
    """Draw the actor network of ``g`` (or ``actor``'s neighbourhood) to ``output`` (.svg/.png/.pdf).

    Layout is seeded, so the same graph gives the same picture; the file's metadata holds
    :func:`drawn` of it.  ValueError when there is nothing to draw or the file type is unknown.
    """
    import matplotlib  # optional dependency: newsgraph[plot]

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # (after choosing the Agg backend: no display needed)

    output = Path(output)
    if output.suffix.lower() not in _META_KEY:
        raise ValueError(f"unknown picture type {output.suffix!r}: use .svg, .png or .pdf")
    net = _network(g, actor, radius)
    if net.number_of_nodes() == 0:
        raise ValueError("no actors share events: nothing to draw")
    fig, ax = plt.subplots(figsize=(12, 9))
    best = _draw(net, ax, top)
    shown = {net.nodes[n].get("type") for n in net}
    for kind, colour in COLOURS.items():
        if kind in shown:        # a legend entry per actor type drawn
            ax.scatter([], [], color=colour, label=kind)
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    ax.set_axis_off()
    fig.tight_layout()
    suffix = output.suffix.lower()
    fig.savefig(output, metadata={_META_KEY[suffix]: json.dumps(drawn(net, best), ensure_ascii=True),
                                  **_NO_DATE.get(suffix, {})})
    plt.close(fig)
    return output
