"""A picture of the actor network (matplotlib): node size by degree, colour by actor type,
edge width by shared events, labels on the best-connected actors."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph

from newsgraph.queries.api import actor_network, ego

COLOURS = {"Person": "#4C72B0", "State": "#DD8452", "Organization": "#55A868", "Outlet": "#8172B3",
           "Location": "#937860"}


def plot_network(g: Graph, output: str | Path, *, actor=None, radius: int = 1, top: int = 15) -> Path:
    """Draw the actor network of ``g`` (or ``actor``'s neighbourhood) to ``output`` (.svg/.png/.pdf).

    Layout is seeded, so the same graph gives the same picture.  ValueError when
    there is nothing to draw or the file type is unknown.
    """
    import matplotlib  # optional dependency: newsgraph[plot]

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # (after choosing the Agg backend: no display needed)

    output = Path(output)
    if output.suffix.lower() not in (".svg", ".png", ".pdf"):
        raise ValueError(f"unknown picture type {output.suffix!r}: use .svg, .png or .pdf")
    net = ego(g, actor, radius=radius) if actor else actor_network(g)
    if net.number_of_nodes() == 0:
        raise ValueError("no actors share events: nothing to draw")
    nodes = sorted(net.nodes)
    degree = dict(net.degree(weight="weight"))
    pos = nx.spring_layout(net.subgraph(nodes), seed=42, weight="weight")
    fig, ax = plt.subplots(figsize=(12, 9))
    nx.draw_networkx_edges(net, pos, ax=ax, alpha=0.4,
                           width=[0.5 + 1.5 * d["weight"] for _, _, d in net.edges(data=True)])
    nx.draw_networkx_nodes(net, pos, nodelist=nodes, ax=ax,
                           node_size=[80 + 120 * degree[n] for n in nodes],
                           node_color=[COLOURS.get(net.nodes[n].get("type"), "#999999") for n in nodes])
    best = sorted(nodes, key=lambda n: (-degree[n], net.nodes[n].get("label", n)))[:top]
    nx.draw_networkx_labels(net, pos, labels={n: net.nodes[n].get("label", n) for n in best},
                            font_size=8, ax=ax)
    for kind, colour in COLOURS.items():
        ax.scatter([], [], color=colour, label=kind)
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    ax.set_axis_off()
    fig.tight_layout()
    fig.savefig(output, metadata={"Date": None} if output.suffix.lower() == ".svg" else None)
    plt.close(fig)
    return output
