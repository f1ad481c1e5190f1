"""A real build's store damaged on disk: `query`, `sparql`, `serve` and the Python API say so in one line.

The store of a real ``newsgraph build`` (the bundled examples) is copied into tmp_path and its Oxigraph
files are truncated or overwritten; the real CLI runs in a subprocess (under a memory limit, so a
damaged store can never take the machine's memory).
"""
from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from newsgraph.queries.api import StoreDamaged, open_graph, run

NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EVERYTHING = "SELECT * WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "out"
    done = subprocess.run([NEWSGRAPH, "build", str(EXAMPLES), "-o", str(out), "--no-progress"],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0 and "spaCy" in done.stderr:  # pragma: no cover - model missing
        pytest.skip(f"no spaCy model: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    return out


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSGRAPH, *map(str, args)], capture_output=True, text=True, timeout=300,
                          preexec_fn=_limited, env={"PATH": "/usr/bin:/bin", "RUST_BACKTRACE": "0"})


def damaged(built: Path, tmp_path: Path, name: str, how: str) -> Path:
    out = tmp_path / f"{how}-{name}"
    shutil.copytree(built, out)
    path = out / "store" / name
    data = bytearray(path.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    else:
        middle = len(data) // 2
        data[middle:middle + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    return out


def one_damage_line(done: subprocess.CompletedProcess, out: Path) -> bool:
    lines = done.stderr.strip().splitlines()
    return (done.returncode == 1 and len(lines) == 1 and "Traceback" not in done.stderr
            and lines[0].startswith(f"Error: the store in {out} is damaged: ")
            and lines[0].endswith(f"rerun `newsgraph build INPUTS -o {out} --rebuild`"))


def tables(built: Path) -> list[str]:
    return sorted(p.name for p in (built / "store").glob("*.sst"))


def opens(out: Path) -> bool:
    try:
        ox.Store.read_only(str(out / "store"))
    except (OSError, RuntimeError):
        return False
    return True


def deeper(built: Path, tmp_path: Path) -> Path:
    """The first store (one table overwritten in its middle) that opens but fails when read, both by
    a query over everything and by the actors query (which damage that is depends on the build's
    data: a query that never reads the damaged block answers)."""
    for name in tables(built):
        out = damaged(built, tmp_path, name, "overwritten")
        if opens(out) and all(cli(*args).returncode != 0
                              for args in (("sparql", out, EVERYTHING), ("query", "actors", out))):
            return out
    raise AssertionError("no damage that opens and fails when read")


def test_a_truncated_table_is_one_line_naming_the_store_and_the_rebuild(built, tmp_path):
    biggest = max(tables(built), key=lambda name: (built / "store" / name).stat().st_size)
    out = damaged(built, tmp_path, biggest, "truncated")
    for args in (("query", "actors", out), ("sparql", out, EVERYTHING)):
        done = cli(*args)
        assert one_damage_line(done, out), done.stderr


def test_any_overwritten_table_is_answered_or_one_line(built, tmp_path):
    """Every table in turn: the answer, or the one line; never a traceback, nor a failed allocation's
    abort (some damage makes Oxigraph's joins allocate without end: the query process is capped)."""
    for name in tables(built):
        out = damaged(built, tmp_path, name, "overwritten")
        for args in (("sparql", out, EVERYTHING), ("query", "actors", out)):
            done = cli(*args)
            assert done.returncode == 0 or one_damage_line(done, out), (name, args, done.stderr)


def test_a_store_that_opens_but_is_damaged_deeper_is_one_line_for_query_sparql_serve_and_the_api(built,
                                                                                                 tmp_path):
    out = deeper(built, tmp_path)
    for args in (("query", "actors", out), ("query", "events-of", out, "-p", "actor=Pashinyan"),
                 ("sparql", out, EVERYTHING), ("serve", out, "--port", "0")):
        done = cli(*args)
        assert one_damage_line(done, out), (args, done.stderr)
    with pytest.raises(StoreDamaged, match=r"^the store is damaged: .*; rerun `newsgraph build INPUTS"):
        run(open_graph(out), "actors")
