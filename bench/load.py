"""Load on a real ``newsgraph serve``: many concurrent clients, small and heavy queries (run by hand).

    .venv/bin/python bench/load.py [--clients 64] [--requests 2000] [--timeout 3] [--out DIR]

Builds examples/ (``newsgraph build examples/ -o OUT``, skipped when ``--out``
already holds a build), starts ``newsgraph serve OUT --port 0 --timeout T`` as a
subprocess on loopback and sends ``--requests`` requests from ``--clients``
threads, each request drawn from a fixed, seeded mix:

* small (85 %): ASK, a label look-up, a 10-row SELECT -- expected 200;
* heavy (12 %): a COUNT over the product of the graph with itself -- expected 200;
* runaway (3 %): a four-way product no timeout outlives -- expected 503 at the timeout.

Prints the answers by kind and status, any error (an unexpected status or a
failed connection), latency percentiles of the small queries, and the serving
process's RSS (VmRSS) before, at its highest and after.  Exit status 1 when a
request failed or got an unexpected status.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")
SMALL = ["ASK { ?s ?p ?o }",
         "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 10",
         "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"]
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
EXPECTED = {"small": (200,), "heavy": (200,), "runaway": (503,)}


def workload(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, query) for each request, the same list for the same arguments."""
    rng = random.Random(seed)
    mix = []
    for _ in range(count):
        draw = rng.random()
        if draw < 0.03:
            mix.append(("runaway", RUNAWAY))
        elif draw < 0.15:
            mix.append(("heavy", HEAVY))
        else:
            mix.append(("small", rng.choice(SMALL)))
    return mix


def build(out: Path) -> None:
    if (out / "store").is_dir():
        return
    subprocess.run([NEWSGRAPH, "build", str(ROOT / "examples"), "-o", str(out), "--no-progress"],
                   check=True, stdout=subprocess.DEVNULL)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def ask(url: str, query: str) -> tuple[int | str, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"{url}?query={quote(query)}", timeout=60) as resp:
            resp.read()
            status = resp.status
    except urllib.error.HTTPError as err:
        status = err.code
    except OSError as exc:
        status = type(exc).__name__
    return status, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def run(url: str, pid: int, clients: int, requests: int) -> list[tuple[str, int | str, float]]:
    samples, stop = [rss_kb(pid)], threading.Event()

    def sample():
        while not stop.wait(0.25):
            samples.append(rss_kb(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    mix = workload(requests)
    with ThreadPoolExecutor(max_workers=clients) as pool:
        answers = list(pool.map(lambda item: (item[0], *ask(url, item[1])), mix))
    stop.set()
    sampler.join()
    samples.append(rss_kb(pid))
    print(f"server RSS: {samples[0] // 1024} MB before, {max(samples) // 1024} MB at most, "
          f"{samples[-1] // 1024} MB after ({len(samples)} samples)")
    return answers


def report(answers, clients: int, wall: float) -> int:
    counts: dict[tuple[str, int | str], int] = {}
    for kind, status, _ in answers:
        counts[kind, status] = counts.get((kind, status), 0) + 1
    errors = sum(n for (kind, status), n in counts.items() if status not in EXPECTED[kind])
    print(f"{len(answers)} requests from {clients} clients in {wall:.1f} s ({len(answers) / wall:.0f}/s); "
          f"errors: {errors}")
    for (kind, status), n in sorted(counts.items(), key=str):
        print(f"  {kind:<8} {status}: {n}")
    for kind in ("small", "heavy"):
        times = [t for k, status, t in answers if k == kind and status == 200]
        print(f"{kind} latency (s): p50 {percentile(times, 0.5):.3f}  p95 {percentile(times, 0.95):.3f}  "
              f"p99 {percentile(times, 0.99):.3f}  max {max(times, default=float('nan')):.3f}")
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--timeout", type=float, default=3.0)
    parser.add_argument("--out", type=Path, default=None, help="Build directory (kept; default: temporary).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        build(out)
        proc = subprocess.Popen([NEWSGRAPH, "serve", str(out), "--port", "0", "--timeout", str(args.timeout)],
                                stderr=subprocess.PIPE, text=True)
        try:
            url = proc.stderr.readline().split(" at ", 1)[1].split(" ", 1)[0]
            for query in SMALL + [HEAVY]:  # warm up: first forks, page cache
                ask(url, query)
            started = time.monotonic()
            answers = run(url, proc.pid, args.clients, args.requests)
            status = report(answers, args.clients, time.monotonic() - started)
        finally:
            proc.terminate()
            _, log = proc.communicate(timeout=30)
        print(f"server log: {len(log.splitlines())} lines, tracebacks: {log.count('Traceback')}")
    return status


if __name__ == "__main__":
    sys.exit(main())
