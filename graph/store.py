"""The embedded Oxigraph store ``OUT/store/``: the graph's system of record.

The store holds the quads of :func:`graph.rdf.quads`: one named graph per
article (``<base>graph/article/<key>``), ``<base>graph/resolved`` and
``<base>graph/documents``.  :func:`update_store` replaces only the named graphs
whose content changed (a hash per graph is kept in the store's own
``OUT/store.hashes.json``) and drops graphs that are gone, so one article's
facts are replaced alone.  :func:`open_store` gives an rdflib graph over the
store (through oxrdflib) whose default graph is the union of all graphs: the
named queries run on it unchanged.  No server and no set-up step are needed.

>>> import tempfile
>>> from graph.model import Model
>>> with tempfile.TemporaryDirectory() as d:
...     first = update_store(d, Model())
...     again = update_store(d, Model())
...     g = open_store(d)
...     n = len(g)
...     g.close()
>>> first.replaced > 0, again.replaced, n > 0
(True, 0, True)
"""
from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from graph.model import Model
from graph.rdf import quads as model_quads
from graph.vocab import DEFAULT_BASE

__all__ = ["STORE_DIR", "StoreUpdate", "update_store", "open_store", "open_ox", "graph_hashes", "to_ox"]

STORE_DIR = "store"


@dataclass(frozen=True)
class StoreUpdate:
    """What :func:`update_store` did: named graphs replaced, removed and kept."""

    replaced: int = 0
    removed: int = 0
    kept: int = 0


def _store_path(out_dir: str | Path) -> Path:
    out_dir = Path(out_dir)
    return out_dir if out_dir.name == STORE_DIR or (out_dir / "CURRENT").exists() else out_dir / STORE_DIR


def to_ox(term: Node):
    """The pyoxigraph term for an rdflib term.

    >>> to_ox(Literal("x", lang="en"))
    <Literal value=x language=en>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _digest(rows: Iterable[tuple]) -> str:
    h = hashlib.sha256()
    for _, s, p, o in rows:
        h.update(f"{s.n3()} {p.n3()} {o.n3()}\n".encode())
    return h.hexdigest()


def open_ox(out_dir: str | Path, *, read_only: bool = False) -> ox.Store:
    """The pyoxigraph Store of a build directory (or of a store directory itself)."""
    path = _store_path(out_dir)
    if read_only:
        return ox.Store.read_only(str(path))
    path.mkdir(parents=True, exist_ok=True)
    return ox.Store(str(path))


def _hash_file(out_dir: str | Path) -> Path:
    path = _store_path(out_dir)
    return path.with_name(path.name + ".hashes.json")


def graph_hashes(out_dir: str | Path) -> dict[str, str]:
    """Content hash of every named graph of the store, as recorded by :func:`update_store` (IRI -> hash)."""
    try:
        data = json.loads(_hash_file(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_hashes(out_dir: str | Path, hashes: dict[str, str]) -> None:
    from graph.export import write_atomic

    write_atomic(_hash_file(out_dir), json.dumps(hashes, sort_keys=True, indent=0).encode())


def _grouped(model: Model, base: str, rows: list | None) -> Iterator[tuple[str, list]]:
    for name, group in groupby(rows if rows is not None else model_quads(model, base), key=lambda q: q[0]):
        yield base + name, list(group)


def update_store(out_dir: str | Path, model: Model, base: str = DEFAULT_BASE, *,
                 rows: list | None = None) -> StoreUpdate:
    """Bring ``OUT/store`` to the quads of ``model``: replace changed named graphs, drop old ones.

    Graphs about to change are first forgotten in the hash file, then each is
    replaced in one transaction, then the new hashes are saved: an interrupted
    update is finished by the next one.  ``rows`` are the model's
    :func:`graph.rdf.quads` when the caller already has them.
    """
    base = base if base.endswith(("/", "#")) else base + "/"
    old = graph_hashes(out_dir)
    new = {iri: (_digest(group), group) for iri, group in _grouped(model, base, rows)}
    stale = sorted(iri for iri in set(old) | set(new) if old.get(iri) != new.get(iri, (None,))[0])
    if not stale and (_store_path(out_dir) / "CURRENT").exists():
        return StoreUpdate(kept=len(new))
    _save_hashes(out_dir, {k: v for k, v in old.items() if k not in stale})
    store = open_ox(out_dir)
    for iri in stale:
        g = ox.NamedNode(iri)
        with contextlib.suppress(Exception):
            store.remove_graph(g)
        if iri in new:
            store.extend([ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for _, s, p, o in new[iri][1]])
    store.flush()
    del store
    _save_hashes(out_dir, {iri: digest for iri, (digest, _) in new.items()})
    gone = sum(1 for iri in stale if iri not in new)
    return StoreUpdate(replaced=len(stale) - gone, removed=gone, kept=len(new) - len(stale) + gone)


def open_store(out_dir: str | Path, *, read_only: bool = True):
    """An rdflib ``Dataset`` over ``OUT/store`` (oxrdflib), default graph = union of all graphs.

    SPARQL queries given to ``.query()`` run inside Oxigraph (``initBindings``
    become substitutions).  Call ``.close()`` when done.  Raises
    ``OSError`` when there is no store.
    """
    from oxrdflib import OxigraphStore
    from rdflib import Dataset

    path = _store_path(out_dir)
    if not (path / "CURRENT").exists():
        raise OSError(f"no Oxigraph store at {path}")
    inner = open_ox(path, read_only=read_only)
    g = Dataset(store=OxigraphStore(store=inner), default_union=True)
    from graph.vocab import PREFIXES

    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)
    return g
