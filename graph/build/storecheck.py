"""Is ``OUT/store`` what the last build put there?  A record of the store, kept in the manifest.

After updating the store a build records how many quads each named graph holds (:func:`record`: the
number of graphs, of quads, and a hash of the (graph, quads) pairs).  The next build compares the store
with that record (:func:`check`) before trusting it: a store that was removed, lost a named graph,
holds other quads or cannot be read is rebuilt from the cached records.  Counting reads every quad
once, so a damaged block is found too.

Only pyoxigraph is imported here (a build with nothing to do imports neither rdflib nor the writers).

>>> import tempfile, pyoxigraph as ox
>>> with tempfile.TemporaryDirectory() as d:
...     s = ox.Store(str(Path(d) / STORE))
...     s.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("o"),
...                   ox.NamedNode("http://e/g")))
...     s.flush(); del s
...     kept = record(d)
...     (kept["graphs"], kept["quads"]), check(d, kept), check(d, {**kept, "quads": 2}).endswith(
...         "does not hold what the last build recorded (1 named graphs, 2 quads; found 1, 1)")
((1, 1), None, True)
"""
from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["STORE", "StoreUnreadable", "record", "check"]

#: The store's folder in a build directory: :data:`newsgraph.graph.store.STORE_DIR` (not imported here:
#: that module loads rdflib); ``tests/test_store_check.py`` checks they agree.
STORE = "store"
_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


class StoreUnreadable(OSError):
    """The store cannot be opened or read (one line)."""


def _counts(out: str | Path) -> dict[str, int]:
    """Quads per named graph of the store of ``out``."""
    import pyoxigraph as ox  # lazy: only a build that finds a store to check needs it

    path = Path(out) / STORE
    if not (path / "CURRENT").is_file():
        raise StoreUnreadable(f"the store {path} is missing")
    try:
        store = ox.Store.read_only(str(path))
        rows = {row["g"].value: int(row["n"].value) for row in store.query(_COUNTS)}
        rows.update((g.value, 0) for g in store.named_graphs() if g.value not in rows)
    except (OSError, RuntimeError, ValueError) as exc:
        raise StoreUnreadable(f"the store {path} cannot be read ({str(exc).splitlines()[0][:160]})") from None
    return rows


def _summary(counts: dict[str, int]) -> dict:
    text = "\n".join(f"{g} {n}" for g, n in sorted(counts.items()))
    return {"graphs": len(counts), "quads": sum(counts.values()),
            "sha256": hashlib.sha256(text.encode()).hexdigest()}


def record(out: str | Path) -> dict:
    """What the store of ``out`` holds now: ``{"graphs", "quads", "sha256"}`` (for the manifest)."""
    return _summary(_counts(out))


def check(out: str | Path, recorded: dict | None) -> str | None:
    """Why the store of ``out`` is not what ``recorded`` (:func:`record` of the last build) says, as one
    line; None when it is, or when nothing was recorded."""
    if not isinstance(recorded, dict):
        return None
    try:
        found = record(out)
    except StoreUnreadable as exc:
        return str(exc)
    if found == recorded:
        return None
    return (f"the store {Path(out) / STORE} does not hold what the last build recorded "
            f"({recorded.get('graphs')} named graphs, {recorded.get('quads')} quads; "
            f"found {found['graphs']}, {found['quads']})")
