"""The package installs under one import name, ``newsgraph``, and carries all of its code and data."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOPS = ("extract", "graph", "queries")
DATA = (".py", ".toml", ".tsv", ".jsonl", ".ttl", ".rq")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """The wheel ``pip wheel`` builds from a copy of the sources (the checkout stays clean)."""
    src, dist = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("dist")
    for top in TOPS:
        shutil.copytree(ROOT / top, src / top, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist),
           str(src)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0 and "No module named 'setuptools" in done.stderr:
        pytest.skip("setuptools is not installed in this environment (pip install -e '.[test]')")
    assert done.returncode == 0, done.stderr[-2000:]
    [path] = dist.glob("newsgraph-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_has_one_top_level_name(wheel):
    tops = {n.split("/")[0] for n in wheel.namelist() if ".dist-info/" not in n}
    assert tops == {"newsgraph"}
    [top_level] = [n for n in wheel.namelist() if n.endswith(".dist-info/top_level.txt")]
    assert wheel.read(top_level).decode().split() == ["newsgraph"]


def test_wheel_carries_every_module_and_data_file(wheel):
    names = set(wheel.namelist())
    wanted = {f"newsgraph/{p.relative_to(ROOT).as_posix()}" for top in TOPS for p in (ROOT / top).rglob("*")
              if p.suffix in DATA and "__pycache__" not in p.parts}
    assert wanted - names == set()


def test_no_module_imports_a_bare_top_level_name(tmp_path):
    """Imported from outside the checkout, no newsgraph module reaches for ``extract``, ``graph`` or
    ``queries`` (they are not installed: such an import would fail, or find another package)."""
    code = ("import importlib, pkgutil, sys\n"
            "for top in ('extract', 'graph', 'queries'):\n"
            "    p = importlib.import_module('newsgraph.' + top)\n"
            "    for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
            "        importlib.import_module(m.name)\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] in ('extract', 'graph', 'queries')))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def test_version_option():
    exe = Path(sys.executable).with_name("newsgraph")
    done = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("newsgraph, version ")
