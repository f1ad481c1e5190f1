"""Atomic outputs: SIGKILL during a build's export leaves every output file whole and readable.

A first build is made with the real command (a subprocess of ``newsgraph``); a
second, larger build into a copy of that output directory is killed with
SIGKILL at several moments while it writes (when the Nth temporary file
``.<name>.*.tmp`` appears).  Every output file must then parse and be byte-equal
to the first build's file or to the complete second build's file.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from newsgraph.graph.export import FILES

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).parent / "newsgraph"
FIRST = [str(ROOT / "tests" / "data" / "digest_single_article.txt")]
SECOND = [str(ROOT / "examples"), str(ROOT / "tests" / "data" / "bad")]
pytestmark = pytest.mark.skipif(not CLI.exists(), reason=f"{CLI} not installed")


def run(inputs, out: Path) -> subprocess.Popen:
    return subprocess.Popen([str(CLI), "build", *inputs, "-o", str(out), "-j", "1", "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


def parses(path: Path) -> None:
    if path.suffix == ".ttl":
        Graph().parse(path, format="turtle")
    elif path.suffix == ".trig":
        Dataset().parse(path, format="trig")
    elif path.suffix == ".jsonld":
        json.loads(path.read_text(encoding="utf-8"))
    else:
        ET.parse(path)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("atomic")
    assert run(FIRST, base / "first").wait(300) == 0
    shutil.copytree(base / "first", base / "full")
    assert run(SECOND, base / "full").wait(300) == 0
    return base, outputs(base / "first"), outputs(base / "full")


@pytest.mark.parametrize("nth", [1, 3, 5])
def test_sigkill_during_export_leaves_whole_files(builds, nth, tmp_path):
    base, first, full = builds
    out = tmp_path / "out"
    shutil.copytree(base / "first", out)
    proc = run(SECOND, out)
    seen: set[str] = set()
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        seen.update(n for n in os.listdir(out) if n.startswith(".") and n.endswith(".tmp"))
        if len(seen) >= nth:
            os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.001)
    proc.wait(30)
    killed = proc.returncode == -signal.SIGKILL
    print(f"\nkilled={killed} after {len(seen)} temporary file(s)")
    for name in FILES:
        parses(out / name)
        assert (out / name).read_bytes() in (first[name], full[name]), name
    assert killed or outputs(out) == full
