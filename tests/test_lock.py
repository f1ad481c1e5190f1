"""One build at a time per OUT (newsgraph.graph.build.lock): real concurrent ``newsgraph build`` processes."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.graph.build import Busy, build, read_manifest
from newsgraph.graph.build.lock import LOCK_FILE, BuildLock

ROOT = Path(__file__).resolve().parents[1]
A = str(ROOT / "examples" / "sample-digest.txt")
B = str(ROOT / "examples" / "sample-feed.jsonl")
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")


def _build(out: Path, *inputs: str) -> subprocess.Popen:
    cmd = [NEWSGRAPH, "build", *inputs, "-o", str(out), "-j", "1", "--no-progress"]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _held(out: Path, deadline: float) -> bool:
    """Wait until a build has taken the lock of ``out`` (its pid is written once it holds it)."""
    lock = out / LOCK_FILE
    while time.monotonic() < deadline:
        if lock.exists() and lock.read_text().strip().isdigit():
            return True
        time.sleep(0.05)
    return False


def test_a_second_build_into_the_same_out_exits_with_one_line(tmp_path):
    out = tmp_path / "out"
    first = _build(out, A)
    try:
        assert _held(out, time.monotonic() + 120), "the first build never took the lock"
        second = _build(out, B)
        _, err = second.communicate(timeout=300)
        assert first.poll() is None, "the first build ended before the second one started: nothing was tested"
    finally:
        stdout, stderr = first.communicate(timeout=600)
    assert second.returncode == 1
    assert err.strip().splitlines() == [err.strip()] and "Traceback" not in err
    assert f"pid {first.pid}" in err and "another build is writing to this output directory" in err
    assert first.returncode == 0, stderr
    assert [i["path"] for i in read_manifest(out)["inputs"]] == [A]   # the first build's, whole
    third = _build(out, B)   # the lock is free again: the refused build can simply be run again
    assert third.wait(timeout=600) == 0, third.stderr.read()
    assert [i["path"] for i in read_manifest(out)["inputs"]] == [A, B]


def test_a_lock_left_by_a_killed_process_does_not_block(nlp, tmp_path):
    out = tmp_path / "out"
    code = ("import sys, time\nfrom newsgraph.graph.build.lock import BuildLock\n"
            "with BuildLock(sys.argv[1]):\n    print('held', flush=True); time.sleep(600)\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(out)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(Busy, match=f"pid {holder.pid}"):
            build([A], out, nlp=nlp)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert build([A], out, nlp=nlp).articles == 5   # the kernel released the dead process's lock


def test_the_lock_is_released_when_the_build_fails(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(RuntimeError), BuildLock(out):
        raise RuntimeError("a build that fails")
    with BuildLock(out):
        pass
