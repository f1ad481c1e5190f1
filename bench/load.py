"""Load on a real ``newsgraph serve``: many concurrent clients, small and heavy queries (run by hand).

    .venv/bin/python bench/load.py [--clients 64] [--requests 2000] [--timeout 3] [--out DIR] [--no-cache]

Builds examples/ (``newsgraph build examples/ -o OUT``, skipped when ``--out``
already holds a build), starts ``newsgraph serve OUT --port 0 --timeout T`` as a
subprocess on loopback and sends ``--requests`` requests from ``--clients``
threads, each request drawn from a fixed, seeded mix:

* small (85 %): ASK, a label look-up, a 10-row SELECT -- expected 200;
* heavy (12 %): a COUNT over the product of the graph with itself -- expected 200;
* runaway (3 %): a four-way product no timeout outlives -- expected 503 at the timeout.

The mix repeats the same few query texts, so with the server's answer cache on
(the default; ``--no-cache`` serves with ``--cache-entries 0``) most answers are
kept ones or shared with an identical query running at once: the ``X-Cache``
header of each answer is counted by kind (``hit``, ``shared``, ``miss``).

Prints the answers by kind and status, any error (an unexpected status or a
failed connection), the cache counts, latency percentiles of the small queries, and the serving
process's RSS (VmRSS) before, at its highest and after, the number of processes
under it (the query workers) and their summed RSS, the CPU seconds the server and
its workers used against the machine's busy CPU seconds meanwhile, and the
machine's load average before and after (the figures mean little on a busy machine).  Exit status 1 when a
request failed or got an unexpected status.
"""
from __future__ import annotations

import argparse
import os
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
TICKS = os.sysconf("SC_CLK_TCK")
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
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:  # gone meanwhile
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith("VmRSS:")), 0)


def descendants(pid: int) -> list[int]:
    """The processes under ``pid`` (the spawner and the query workers)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        children = [p for p, parent in parents.items() if parent == current]
        found += children
        todo += children
    return found


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) ``pid`` has used; 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def machine_busy() -> float:
    """CPU seconds all cores of the machine spent busy since boot (``/proc/stat``: not idle, not iowait)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / TICKS


def sample(pid: int, cpu: dict[int, float]) -> tuple[int, int, int]:
    """(server RSS, number of processes under it, their summed RSS), kB; ``cpu`` keeps each process's
    CPU seconds as last seen (a worker's last moments before it is killed are missed)."""
    under = descendants(pid)
    for p in [pid, *under]:
        cpu[p] = max(cpu.get(p, 0.0), cpu_seconds(p))
    return rss_kb(pid), len(under), sum(rss_kb(p) for p in under)


def ask(url: str, query: str) -> tuple[int | str, float, str, str]:
    """(status, seconds, the first line of an error's body, the X-Cache header or "-")."""
    started = time.monotonic()
    reason, cache = "", "-"
    try:
        with urllib.request.urlopen(f"{url}?query={quote(query)}", timeout=60) as resp:
            resp.read()
            status, cache = resp.status, resp.headers.get("X-Cache", "-")
    except urllib.error.HTTPError as err:
        status, reason = err.code, err.read().decode("utf-8", "replace").split("\n")[0][:80]
        cache = err.headers.get("X-Cache", "-")
    except OSError as exc:
        status = type(exc).__name__
    return status, time.monotonic() - started, reason, cache


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def run(url: str, pid: int, clients: int, requests: int) -> list[tuple[str, int | str, float, str]]:
    cpu: dict[int, float] = {}
    samples, stop = [sample(pid, cpu)], threading.Event()
    before, busy, started = sum(cpu.values()), machine_busy(), time.monotonic()

    def sampling():
        while not stop.wait(0.1):
            samples.append(sample(pid, cpu))

    sampler = threading.Thread(target=sampling, daemon=True)
    sampler.start()
    mix = workload(requests)
    with ThreadPoolExecutor(max_workers=clients) as pool:
        answers = list(pool.map(lambda item: (item[0], *ask(url, item[1])), mix))
    stop.set()
    sampler.join()
    samples.append(sample(pid, cpu))
    wall, busy = time.monotonic() - started, machine_busy() - busy
    ours = sum(cpu.values()) - before
    print(f"CPU: the server and its workers {ours:.1f} s, the whole machine {busy:.1f} s busy of "
          f"{wall * (os.cpu_count() or 1):.1f} s ({os.cpu_count()} cores x {wall:.1f} s); the rest is "
          "this client's threads and other programs")
    server, count, under = zip(*samples, strict=True)
    print(f"server RSS: {server[0] // 1024} MB before, {max(server) // 1024} MB at most, "
          f"{server[-1] // 1024} MB after ({len(samples)} samples)")
    print(f"processes under it: {count[0]} before, {max(count)} at most, {count[-1]} after; their RSS "
          f"(shared pages counted in each): {under[0] // 1024} MB, {max(under) // 1024} MB, "
          f"{under[-1] // 1024} MB")
    return answers


def report(answers, clients: int, wall: float) -> int:
    counts: dict[tuple[str, int | str], int] = {}
    reasons: dict[str, int] = {}
    for kind, status, _, reason, _ in answers:
        counts[kind, status] = counts.get((kind, status), 0) + 1
        if status not in EXPECTED[kind]:
            reasons[f"{kind} {status} {reason}"] = reasons.get(f"{kind} {status} {reason}", 0) + 1
    errors = sum(reasons.values())
    print(f"{len(answers)} requests from {clients} clients in {wall:.1f} s ({len(answers) / wall:.0f}/s); "
          f"errors: {errors}")
    for (kind, status), n in sorted(counts.items(), key=str):
        print(f"  {kind:<8} {status}: {n}")
    for reason, n in sorted(reasons.items()):
        print(f"  error x{n}: {reason}")
    caches: dict[tuple[str, str], int] = {}
    for kind, _, _, _, cache in answers:
        caches[kind, cache] = caches.get((kind, cache), 0) + 1
    print("X-Cache (hit: a kept answer, shared: an identical query's run, miss: ran, -: no header): " +
          ", ".join(f"{kind} {cache} {n}" for (kind, cache), n in sorted(caches.items())))
    for kind in ("small", "heavy"):
        times = [t for k, status, t, _, _ in answers if k == kind and status == 200]
        print(f"{kind} latency (s): p50 {percentile(times, 0.5):.3f}  p95 {percentile(times, 0.95):.3f}  "
              f"p99 {percentile(times, 0.99):.3f}  max {max(times, default=float('nan')):.3f}")
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--timeout", type=float, default=3.0)
    parser.add_argument("--out", type=Path, default=None, help="Build directory (kept; default: temporary).")
    parser.add_argument("--no-cache", action="store_true", help="Serve without the answer cache.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        build(out)
        cache = ["--cache-entries", "0"] if args.no_cache else []
        proc = subprocess.Popen([NEWSGRAPH, "serve", str(out), "--port", "0", "--timeout", str(args.timeout),
                                 *cache], stderr=subprocess.PIPE, text=True)
        try:
            url = proc.stderr.readline().split(" at ", 1)[1].split(" ", 1)[0]
            for query in SMALL + [HEAVY]:  # warm up (first forks, page cache), not the answer cache: the
                ask(url, f"{query}\n# warm-up")  # text differs, so the run starts with no answer kept
            print("load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
            started = time.monotonic()
            answers = run(url, proc.pid, args.clients, args.requests)
            status = report(answers, args.clients, time.monotonic() - started)
            print("load average (1, 5, 15 min) after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        finally:
            proc.terminate()
            _, log = proc.communicate(timeout=30)
        print(f"server log: {len(log.splitlines())} lines, tracebacks: {log.count('Traceback')}")
    return status


if __name__ == "__main__":
    sys.exit(main())
