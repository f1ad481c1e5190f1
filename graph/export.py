"""Writing the graph: Turtle, TriG, JSON-LD, GraphML and GEXF, atomically and deterministically.

Every file is written to a temporary file in the output directory and moved into
place with :func:`os.replace`, so a reader never sees a half-written file.  The
same model always gives byte-identical files: triples are added in sorted order,
JSON-LD nodes and values are sorted, and the GEXF carries no write date.

>>> import tempfile
>>> from rdflib import Graph
>>> with tempfile.TemporaryDirectory() as d:
...     sorted(write_outputs(Graph(), Path(d)))
['actors.graphml', 'graph.gexf', 'graph.graphml', 'graph.jsonld', 'graph.trig', 'graph.ttl']
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph import gephi
from graph.vocab import PREFIXES

FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.graphml", "actors.graphml", "graph.gexf")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same directory and os.replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def union(ds: Dataset) -> Graph:
    """All triples of every graph of ``ds`` in one Graph (prefixes bound, sorted insertion)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)
    for t in sorted({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))},
                    key=lambda t: tuple(x.n3() for x in t)):
        g.add(t)
    return g


def _as_dataset(g: Graph) -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, replace=True)
    for t in sorted(g, key=lambda t: tuple(x.n3() for x in t)):
        ds.add(t)
    return ds


def _sort_json(value):
    """Sort JSON-LD node lists by @id and value arrays by their JSON text (no @list is used)."""
    if isinstance(value, dict):
        return {k: _sort_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sort_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def turtle_bytes(g: Graph) -> bytes:
    """Turtle serialisation of ``g``."""
    return g.serialize(format="turtle", encoding="utf-8")


def trig_bytes(ds: Dataset) -> bytes:
    """TriG serialisation of ``ds``: prefixes, default-graph triples, then named graphs in IRI order.

    (rdflib's TriG writer orders graphs by a hash-seeded set, so graphs are written one by one.)
    """
    out = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())] + [""]
    graphs = sorted((g for g in ds.graphs() if len(g)), key=lambda g: str(g.identifier))
    for g in graphs:
        copy = Graph()
        for prefix, ns in PREFIXES.items():
            copy.bind(prefix, ns, replace=True)
        for t in sorted(g, key=lambda t: tuple(x.n3() for x in t)):
            copy.add(t)
        body = [ln for ln in copy.serialize(format="turtle").splitlines() if not ln.startswith("@prefix")]
        body = "\n".join(body).strip("\n")  # not indented: long literals must stay as they are
        if g.identifier == DATASET_DEFAULT_GRAPH_ID:
            out.insert(len(PREFIXES) + 1, body + "\n")
        else:
            out += [f"{g.identifier.n3()} {{", body, "}", ""]
    return "\n".join(out).encode("utf-8")


def jsonld_bytes(g: Graph) -> bytes:
    """Compact JSON-LD of ``g`` with the project prefixes as context, canonically ordered."""
    context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
    data = json.loads(g.serialize(format="json-ld", context=context, auto_compact=False))
    if isinstance(data, dict):
        data = {k: _sort_json(v) if k != "@context" else v for k, v in data.items()}
    else:
        data = {"@context": context, "@graph": _sort_json(data)}
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def write_outputs(graph_or_dataset: Graph | Dataset, out_dir: Path, *,
                  dataset: Dataset | None = None) -> dict[str, Path]:
    """Write every output file into ``out_dir``; returns file name -> path.

    ``graph_or_dataset`` is the union graph (:func:`graph.rdf.to_graph`) or the
    dataset (:func:`graph.rdf.to_dataset`); pass ``dataset`` too to get the named
    graphs in ``graph.trig`` when the first argument is the union graph (else the
    TriG holds the union in its default graph).
    """
    if isinstance(graph_or_dataset, Dataset):
        ds, g = graph_or_dataset, union(graph_or_dataset)
    else:
        g, ds = graph_or_dataset, dataset if dataset is not None else _as_dataset(graph_or_dataset)
    out_dir = Path(out_dir)
    for name in FILES:  # temporary files a killed earlier build left behind
        for stale in out_dir.glob(f".{name}.*.tmp"):
            stale.unlink(missing_ok=True)
    full = gephi.to_networkx(g)
    payloads = {"graph.ttl": turtle_bytes(g), "graph.trig": trig_bytes(ds), "graph.jsonld": jsonld_bytes(g),
                "graph.graphml": gephi.graphml_bytes(full),
                "actors.graphml": gephi.graphml_bytes(gephi.actor_network(g)),
                "graph.gexf": gephi.gexf_bytes(full)}
    return {name: write_atomic(out_dir / name, payloads[name]) for name in FILES}
