"""OUT/store is checked against what the last build recorded and rebuilt from the cached records; a damaged
store is one line for query, sparql and push (newsgraph.graph.build.storecheck, newsgraph.graph.store)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from newsgraph.graph.build import build, read_manifest
from newsgraph.graph.build.storecheck import STORE
from newsgraph.graph.store import STORE_DIR, StoreError, open_ox

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = str(ROOT / "examples")
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")


@pytest.fixture(scope="module")
def built(nlp, tmp_path_factory):
    out = tmp_path_factory.mktemp("checked") / "out"
    build([EXAMPLES], out, nlp=nlp)
    return out


@pytest.fixture()
def copy(built, tmp_path):
    """A copy of the built directory to break."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    return out


def _quads(out: Path) -> set[str]:
    store = open_ox(out, read_only=True)
    return {str(q) for q in store}


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSGRAPH, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def _damage(out: Path) -> None:
    for sst in (out / "store").glob("*.sst"):
        with sst.open("r+b") as f:
            f.write(b"damaged" * 40)


def test_the_store_folder_name_is_the_stores():
    assert STORE == STORE_DIR


def test_the_manifest_records_the_store(built):
    kept = read_manifest(built)["store"]
    assert kept["graphs"] == len(list(open_ox(built, read_only=True).named_graphs())) > 2
    assert kept["quads"] == len(_quads(built))


def test_a_lost_store_is_rebuilt_by_the_cli(built, copy):
    shutil.rmtree(copy / "store")
    first = _cli("build", EXAMPLES, "-o", str(copy), "--no-progress")
    assert first.returncode == 0, first.stderr
    repaired = [line for line in first.stdout.splitlines() if line.startswith("repaired:")]
    assert len(repaired) == 1 and "is missing" in repaired[0] and "rebuilt" in repaired[0], first.stdout
    assert "extracted: 0 (cache hits: 6)" in first.stdout   # from the cached records
    assert _quads(copy) == _quads(built)
    again = _cli("build", EXAMPLES, "-o", str(copy), "--no-progress")
    assert "nothing changed" in again.stdout and "repaired" not in again.stdout
    rows = _cli("query", "actors", str(copy), "--format", "csv")
    assert rows.returncode == 0 and "Armenia" in rows.stdout


def test_a_removed_named_graph_is_restored(built, copy):
    store = ox.Store(str(copy / "store"))
    gone = sorted(g.value for g in store.named_graphs())[0]
    store.remove_graph(ox.NamedNode(gone))
    store.flush()
    del store
    summary = build([EXAMPLES], copy)
    assert len(summary.notices) == 1 and "does not hold what the last build recorded" in summary.notices[0]
    assert summary.extracted == 0 and not summary.unchanged
    assert _quads(copy) == _quads(built)
    assert build([EXAMPLES], copy).unchanged


def test_damaged_store_files_are_rebuilt(built, copy):
    _damage(copy)
    summary = build([EXAMPLES], copy)
    assert len(summary.notices) == 1 and "cannot be read" in summary.notices[0]
    assert _quads(copy) == _quads(built)


@pytest.mark.parametrize("command", [["query", "actors", "OUT"],
                                     ["sparql", "OUT", "SELECT * { ?s ?p ?o } LIMIT 1"],
                                     ["push", "OUT", "--endpoint", "http://127.0.0.1:9/store"]],
                         ids=["query", "sparql", "push"])
def test_a_damaged_store_is_one_line_that_says_to_build_again(copy, command):
    _damage(copy)
    result = _cli(*(str(copy) if arg == "OUT" else arg for arg in command))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "newsgraph build" in result.stderr


def test_open_ox_raises_a_store_error(copy):
    _damage(copy)
    with pytest.raises(StoreError, match="run `newsgraph build` again"):
        open_ox(copy, read_only=True)


def test_rebuild_extracts_everything_again_and_reloads_the_store(nlp, built, copy):
    summary = build([EXAMPLES], copy, nlp=nlp, rebuild=True)
    assert (summary.extracted, summary.cached, summary.notices) == (6, 0, ())
    assert _quads(copy) == _quads(built)
    for name in ("graph.ttl", "graph.trig"):
        assert (copy / name).read_bytes() == (built / name).read_bytes()
