"""Peak memory of ``newsgraph build`` on one huge article (run by hand).

    .venv/bin/python bench/huge_article.py [--chars 1000000] [--workers 1] [--keep DIR]

Writes one article of ``--chars`` characters (headline plus body) of short sentences in
paragraphs of five, runs the real ``newsgraph build`` on it under ``/usr/bin/time -v`` and prints
the build's exit status, its last output lines, the wall time and the peak RSS ("Maximum resident
set size") against the goal of 2 GB.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

EXE = str(Path(sys.executable).parent / "newsgraph")
GOAL_MB = 2048
_SUBJECTS = ("The envoy", "The minister", "Officials", "The mayor", "Farmers", "The council", "Police",
             "The spokesman", "Negotiators", "The court", "Residents", "The delegation")
_VERBS = ("met", "visited", "praised", "criticised", "thanked", "warned", "called", "left", "joined")
_OBJECTS = ("the talks", "the committee", "Vienna", "the ministry", "the villagers", "Geneva", "the press",
            "the border guards", "the new plan", "Marta Kowalczyk", "the court", "Lisbon")


def huge_article(chars: int) -> str:
    """One article of exactly ``chars`` characters: a headline, a date line and paragraphs of five
    short sentences (deterministic)."""
    head = "Envoys hold a very long meeting\n\nMarch 3 2023\n\n"
    parts, size, i = [head], len(head), 0
    while size < chars:
        s = f"{_SUBJECTS[i % 12]} {_VERBS[i % 9]} {_OBJECTS[i % 11]} on day {i % 28 + 1}."
        s += "\n\n" if i % 5 == 4 else " "
        parts.append(s)
        size += len(s)
        i += 1
    text = "".join(parts)[:chars].rstrip() + "."
    return text[:chars]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="build in this folder (kept) instead of a temporary one")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        top = args.keep or Path(tmp)
        top.mkdir(parents=True, exist_ok=True)
        src = top / "huge.txt"
        src.write_text(huge_article(args.chars), encoding="utf-8")
        cmd = ["/usr/bin/time", "-v", EXE, "build", str(src), "-o", str(top / "out"), "--no-progress",
               "--workers", str(args.workers)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", proc.stderr)
        peak = int(rss.group(1)) / 1024 if rss else float("nan")
        errors = [ln for ln in proc.stderr.splitlines() if not ln.startswith(("\t", "Command being"))]
        print(f"input: {args.chars:,} characters, {src.stat().st_size:,} bytes; workers {args.workers}")
        print(f"exit status: {proc.returncode}")
        for line in proc.stdout.strip().splitlines()[-6:] + errors[-3:]:
            print(f"  {line}")
        print(f"wall: {wall.group(1) if wall else '?'}")
        print(f"peak RSS: {peak:,.0f} MB (goal: under {GOAL_MB:,} MB) -> "
              f"{'ok' if peak < GOAL_MB else 'OVER'}")


if __name__ == "__main__":
    main()
