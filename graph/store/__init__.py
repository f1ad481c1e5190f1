"""The embedded Oxigraph store ``OUT/store/``: the graph's system of record.

The store holds the quads of the mapping (:meth:`newsgraph.graph.rdf.plan.Plan.graphs`): one named
graph per article (``<base>graph/article/<key>``), ``<base>graph/resolved`` and
``<base>graph/documents``.  :func:`update_store` replaces only the named graphs
whose content changed (a hash per graph is kept in the store's own
``OUT/store.hashes.json``, and per subject of the big graphs in
``OUT/store.subjects.json``) and drops graphs that are gone, so one article's
facts are replaced alone.  :func:`open_store` gives an rdflib graph over the
store (through oxrdflib) whose default graph is the union of all graphs: the
named queries run on it unchanged.  No server and no set-up step are needed.

>>> import tempfile
>>> from newsgraph.graph.model import Model
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
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from newsgraph.graph.model import Model
from newsgraph.graph.rdf.digests import Digests, changed_subjects
from newsgraph.graph.rdf.terms import OxTerms
from newsgraph.graph.rdf.vocab import DEFAULT_BASE, PREFIXES

__all__ = ["STORE_DIR", "StoreUpdate", "StoreError", "update_store", "open_store", "open_ox", "graph_hashes",
           "to_ox", "reset_store"]

STORE_DIR = "store"
CHUNK = 50_000    # quads loaded at once


class StoreError(OSError):
    """The store cannot be opened (damaged files): one line that says to build again."""


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


def open_ox(out_dir: str | Path, *, read_only: bool = False) -> ox.Store:
    """The pyoxigraph Store of a build directory (or of a store directory itself).

    Raises :class:`StoreError` when the store's files cannot be opened (damaged or missing).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     (Path(d) / "store").mkdir()
    ...     _ = (Path(d) / "store" / "CURRENT").write_text("MANIFEST-000099")
    ...     open_ox(d, read_only=True)
    Traceback (most recent call last):
    ...
    newsgraph.graph.store.StoreError: the store ... cannot be opened (...); run `newsgraph build` ...
    """
    path = _store_path(out_dir)
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except (OSError, RuntimeError) as exc:
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise StoreError(f"the store {path} cannot be opened ({reason}); "
                         "run `newsgraph build` again to rebuild it") from None


def reset_store(out_dir: str | Path) -> None:
    """Remove the store of a build directory and its hash files: the next :func:`update_store` loads
    every graph again."""
    import shutil  # lazy: only a store being rebuilt needs it

    path = _store_path(out_dir)
    shutil.rmtree(path, ignore_errors=True)
    for kind in ("hashes", "subjects"):
        _hash_file(out_dir, kind).unlink(missing_ok=True)


def _hash_file(out_dir: str | Path, kind: str = "hashes") -> Path:
    path = _store_path(out_dir)
    return path.with_name(f"{path.name}.{kind}.json")


def _load(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def graph_hashes(out_dir: str | Path) -> dict[str, str]:
    """Content hash of every named graph of the store, as recorded by :func:`update_store` (IRI -> hash)."""
    return _load(_hash_file(out_dir))


def _save(out_dir: str | Path, hashes: dict[str, str], subjects: dict[str, dict[str, str]]) -> None:
    """Record the graph hashes (``store.hashes.json``) and the subject hashes of big graphs
    (``store.subjects.json``)."""
    from newsgraph.graph.export import write_atomic  # here: reading a store never loads the writers

    write_atomic(_hash_file(out_dir), json.dumps(hashes, sort_keys=True, indent=0).encode())
    write_atomic(_hash_file(out_dir, "subjects"), json.dumps(subjects, sort_keys=True).encode())


def _quads(iri: str, groups: Iterable, only: set[str] | None) -> Iterator[ox.Quad]:
    """The quads of graph ``iri`` (of the subjects in ``only``, when given)."""
    return OxTerms().quads((iri, x) for x in groups if only is None or x[0] in only)


def _sources(model: Model | None, base: str, plan, digests: Digests | None):
    """(IRI -> groups of that graph, the graphs' Digests) of the model or its plan."""
    from newsgraph.graph.rdf.plan import Plan  # here: reading a store never loads the mapping

    plan = plan if plan is not None else Plan(model if model is not None else Model(), base)
    source, names = (lambda iri: plan.graph(iri[len(base):])), [base + n for n in plan.graph_names()]
    if digests is None:
        digests = Digests()
        for iri in names:
            digests.add(iri, source(iri))
    return source, digests


def update_store(out_dir: str | Path, model: Model | None = None, base: str = DEFAULT_BASE, *,
                 plan=None, digests: Digests | None = None, trig: Path | None = None) -> StoreUpdate:
    """Bring ``OUT/store`` to the quads of ``model``: replace changed named graphs, drop old ones.

    In a big graph (:data:`newsgraph.graph.rdf.digests.BIG` subjects or more) only the subjects
    that changed are replaced, unless most did.  Graphs about to change are first
    forgotten in the hash files, then changed and the new quads loaded (a first
    build uses the bulk loader), then the new hashes are saved: an interrupted update is finished by the
    next one.  ``plan`` is the model's :class:`newsgraph.graph.rdf.plan.Plan` and ``digests``
    its graphs' :class:`newsgraph.graph.rdf.digests.Digests` (:func:`newsgraph.graph.export.write_plan`
    takes them) when the caller already has them.  Quads are loaded :data:`CHUNK` at a
    time, never a whole file at once: the loader's memory grows with what it loads.  ``trig`` is
    a TriG file of exactly these graphs (the build's ``graph.trig``, written from the same plan): when
    every graph is loaded whole into a store that recorded none, Oxigraph reads that file itself
    instead of being handed the quads made again in Python.
    """
    base = base if base.endswith(("/", "#")) else base + "/"
    source, digests = _sources(model, base, plan, digests)
    new, old = digests.graphs, graph_hashes(out_dir)
    stale = sorted(iri for iri in set(old) | set(new) if old.get(iri) != new.get(iri))
    if not stale and (_store_path(out_dir) / "CURRENT").exists():
        return StoreUpdate(kept=len(new))
    old_subjects = _load(_hash_file(out_dir, "subjects"))
    _save(out_dir, {k: v for k, v in old.items() if k not in stale},
          {k: v for k, v in old_subjects.items() if k not in stale and k in old})
    store = open_ox(out_dir)
    loads = []
    for iri in stale:
        only = changed_subjects(old_subjects.get(iri), digests.subjects.get(iri))
        if only is None:
            with contextlib.suppress(Exception):
                store.remove_graph(ox.NamedNode(iri))
        else:
            _remove_subjects(store, iri, only)
        if iri in new:
            loads.append((iri, only))
    if trig is not None and not old and len(loads) == len(new) and all(only is None for _, only in loads):
        store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    else:
        _load_quads(store, (q for iri, only in loads for q in _quads(iri, source(iri), only)), bulk=not old)
    store.flush()
    del store
    _save(out_dir, dict(new), digests.subjects)
    gone = sum(1 for iri in stale if iri not in new)
    return StoreUpdate(replaced=len(stale) - gone, removed=gone, kept=len(new) - len(stale) + gone)


def _load_quads(store: ox.Store, quads: Iterator[ox.Quad], *, bulk: bool = False) -> None:
    """Add quads: a few in one transaction, many (or, with ``bulk``, any: a store loaded from scratch)
    with the bulk loader, :data:`CHUNK` at a time (the loader's buffers, and RocksDB's for a
    transaction, grow with what is loaded at once).  A transaction's writes go through the store's log,
    which the closing flush then writes out again; the bulk loader writes the store's files directly."""
    chunk = list(islice(quads, CHUNK))
    if len(chunk) < CHUNK and not bulk:
        store.extend(chunk)
        return
    while chunk:
        store.bulk_extend(chunk)
        chunk = list(islice(quads, CHUNK))


def _remove_subjects(store: ox.Store, iri: str, subjects: set[str]) -> None:
    """Remove the quads of ``subjects`` in graph ``iri``."""
    g = ox.NamedNode(iri)
    for s in sorted(subjects):
        for q in list(store.quads_for_pattern(ox.NamedNode(s), None, None, g)):
            store.remove(q)


def open_store(out_dir: str | Path, *, read_only: bool = True):
    """An rdflib ``Dataset`` over ``OUT/store`` (oxrdflib), default graph = union of all graphs.

    SPARQL queries given to ``.query()`` run inside Oxigraph (``initBindings``
    become substitutions).  Call ``.close()`` when done.  Raises
    ``OSError`` when there is no store.
    """
    from oxrdflib import OxigraphStore  # here: only this rdflib view of the store needs it (~60 ms)

    path = _store_path(out_dir)
    if not (path / "CURRENT").exists():
        raise OSError(f"no Oxigraph store at {path}")
    inner = open_ox(path, read_only=read_only)
    g = Dataset(store=OxigraphStore(store=inner), default_union=True)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)
    return g
