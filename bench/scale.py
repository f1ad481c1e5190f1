"""Scale benchmarks of ``newsgraph build`` and the store, in one run on this machine (run by hand).

    .venv/bin/python bench/scale.py [--n 1000] [--big 3000] [--copies 7] [--skip PART ...]
    .venv/bin/python bench/scale.py --from OUT [--copies 11] [--store-only]   (the query part only)

Parts (each prints one line per figure, with its goal):

* ``cold``: bare ``nlp.pipe`` of the plain model over the texts of N synthetic
  articles (:mod:`bench.corpus`), then a cold ``newsgraph build --workers 1``
  (a subprocess: wall time and peak RSS), then ``--workers 2`` (also against bare
  ``nlp.pipe(n_process=2)``: the ratio at equal parallelism);
* ``rerun``: the same build again (nothing changed), then one article changed (also shown
  without the time to load the spaCy pipeline, which parsing the changed article needs);
* ``rss``: a cold ``--workers 1`` build of ``--big`` articles, peak RSS against N's;
* ``query``: three named queries on an Oxigraph store of >= 1M triples (the
  N-article store replicated ``--copies`` times with fresh article/event IRIs,
  actors shared) against an in-memory rdflib Graph of the same triples.

``--from OUT`` runs the ``query`` part alone on the store of an existing build
OUT (read only, never modified), without building anything.  ``--store-only``
times the store alone, skipping the (slow) in-memory rdflib comparison.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import digest  # noqa: E402

EXE = str(Path(sys.executable).parent / "newsgraph")


def run_build(corpus: Path, out: Path, workers: int) -> tuple[float, float, str]:
    """(seconds, peak RSS of the build process in MB, stdout) of one ``newsgraph build``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([EXE, "build", str(corpus), "-o", str(out), "--workers", str(workers),
                             "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stdout = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    took = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"build failed: {proc.stderr.read()[-2000:]}")
    return took, usage.ru_maxrss / 1024, stdout


def model_load() -> float:
    """Seconds to import and load the build's pipeline (``newsgraph.extract.pipeline.load``) in a fresh
    process."""
    code = ("import time; t = time.perf_counter(); from newsgraph.extract import pipeline; pipeline.load(); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def bare(texts: list[str], n_process: int = 1) -> float:
    """Seconds of bare ``nlp.pipe`` (the plain model, loaded beforehand) over ``texts``."""
    import spacy

    from newsgraph.graph.build import BuildOptions

    options = BuildOptions()
    nlp = spacy.load(options.model)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=options.batch_size, n_process=n_process):
        pass
    return time.perf_counter() - t0


def cold_and_rerun(n: int, tmp: Path, parts: set[str]) -> dict:
    from newsgraph.extract.read import read_file

    corpus = tmp / f"corpus-{n}.txt"
    corpus.write_text(digest(n, seed=11), encoding="utf-8")
    arts = read_file(str(corpus)).articles
    words = sum(len(a.text.split()) for a in arts)
    res = {}
    t_bare = bare([a.text for a in arts])
    t1, rss1, _ = run_build(corpus, tmp / "out1", 1)
    res["rss"] = rss1
    print(f"[{n} articles, {words} words]")
    print(f"bare nlp.pipe       : {t_bare:7.1f} s {n / t_bare:6.1f} art/s {words / t_bare:8.0f} words/s")
    print(f"cold build, 1 worker: {t1:7.1f} s {n / t1:6.1f} art/s {words / t1:8.0f} words/s  "
          f"ratio {t_bare / t1:.2f} (goal >= 0.7)  peak RSS {rss1:.0f} MB")
    if "workers" not in parts:
        t2, _, _ = run_build(corpus, tmp / "out2", 2)
        t_bare2 = bare([a.text for a in arts], n_process=2)
        print(f"cold build, 2 worker: {t2:7.1f} s  speed-up {t1 / t2:.2f}x (goal >= 1.6x)")
        print(f"  bare nlp.pipe(n_process=2) {t_bare2:.1f} s: ratio at 2 processes {t_bare2 / t2:.2f}")
    if "rerun" not in parts:
        tr, _, out = run_build(corpus, tmp / "out1", 1)
        print(f"re-run, no change   : {tr:7.2f} s  {t1 / tr:.0f}x faster than cold (goal >= 20x)")
        text = corpus.read_text(encoding="utf-8")
        old = f"number {n // 2} in this series"
        corpus.write_text(text.replace(old, old.replace("this", "this long")),
                          encoding="utf-8")
        tc, _, out = run_build(corpus, tmp / "out1", 1)
        line = next((ln for ln in out.splitlines() if ln.startswith("extracted")), "")
        tm = model_load()
        print(f"one changed article : {tc:7.2f} s  {100 * tc / t1:.1f}% of cold  [{line}]")
        print(f"  without loading the model ({tm:.1f} s): {tc - tm:5.2f} s  "
              f"{100 * (tc - tm) / t1:.1f}% of cold (goal < 5%)")
    res["out"] = tmp / "out1"
    return res


def replicate(out: Path, copies: int, target: Path):
    """A store of ``copies`` copies of the build's quads: article-level IRIs renamed per copy."""
    import pyoxigraph as ox

    from newsgraph.graph.rdf.vocab import DEFAULT_BASE
    from newsgraph.graph.store import open_ox

    shared = tuple(DEFAULT_BASE + p for p in ("actor/", "role/", "graph/resolved", "graph/documents"))
    src = list(open_ox(out, read_only=True))

    def rename(term, k):
        if isinstance(term, ox.NamedNode) and term.value.startswith(DEFAULT_BASE) \
                and not term.value.startswith(shared):
            return ox.NamedNode(f"{term.value}-c{k}")
        return term

    store = ox.Store(str(target))
    for k in range(copies):
        store.bulk_extend(ox.Quad(rename(q.subject, k), q.predicate, rename(q.object, k),
                                  rename(q.graph_name, k)) for q in src)
    store.flush()
    return store


def latency(graph, name: str, params: dict, repeat: int = 5) -> tuple[float, float]:
    """Median (wall, CPU) ms of the named query, fully consumed: CPU time is the steadier figure
    on a machine shared with other jobs."""
    from newsgraph.queries.named import execute

    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        list(execute(graph, name, dict(params)))
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(times) * 1000, statistics.median(cpu) * 1000


NAMED = (("officials", {}), ("corroborated", {}), ("actors", {}))


def on_store(g) -> dict[str, str]:
    """Median latency of each of NAMED on the store, formatted (or the error)."""
    times = {}
    for name, params in NAMED:
        try:
            wall, cpu = latency(g, name, params)
            times[name] = f"{wall:8.1f} ms (cpu {cpu:6.1f} ms)"
        except Exception as exc:  # noqa: BLE001 - report, keep measuring
            times[name] = f"error ({str(exc)[:60]})"
    return times


def queries(out: Path, copies: int, tmp: Path, store_only: bool = False) -> None:
    """The store of ``copies`` copies of build ``out`` against an in-memory rdflib Graph of it.

    The store is timed first: the in-memory graph's millions of Python objects
    would slow every garbage collection of this process, which a CLI or server
    reading the store never holds.
    """
    import rdflib

    from newsgraph.graph.store import open_store

    t0 = time.perf_counter()
    store = replicate(out, copies, tmp / "big-store")
    n = len(store)
    del store
    print(f"[query] synthetic store: {n} quads ({copies} copies of the {out.name} build) "
          f"in {time.perf_counter() - t0:.0f} s")
    g = open_store(tmp / "big-store")
    print(f"[query] union triples: {len(g)}")
    store_times = on_store(g)
    if store_only:
        for name, _ in NAMED:
            print(f"[query] {name:12} store {store_times[name]}  (goal <= 100 ms on the store)")
        return
    mem = rdflib.Graph()
    t0 = time.perf_counter()
    for t in g.triples((None, None, None)):
        mem.add(t)
    print(f"[query] in-memory rdflib graph loaded in {time.perf_counter() - t0:.0f} s")
    for name, params in NAMED:
        on_mem, _ = latency(mem, name, params, repeat=3)
        print(f"[query] {name:12} store {store_times[name]}  rdflib {on_mem:8.1f} ms  "
              "(goal <= 100 ms on the store)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--big", type=int, default=3000)
    ap.add_argument("--copies", type=int, default=7)
    ap.add_argument("--skip", nargs="*", default=[], choices=["workers", "rerun", "rss", "query"])
    ap.add_argument("--from", dest="source", type=Path, default=None, metavar="OUT",
                    help="Run only the query part, on the store of this existing build (not modified).")
    ap.add_argument("--store-only", action="store_true",
                    help="In the query part, time the store only (no in-memory rdflib comparison).")
    args = ap.parse_args()
    parts = set(args.skip)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if args.source is not None:
            if not (args.source / "store" / "CURRENT").is_file():
                raise SystemExit(f"no build with a store at {args.source}")
            return queries(args.source, args.copies, tmp, args.store_only)
        res = cold_and_rerun(args.n, tmp, parts)
        if "rss" not in parts:
            big = tmp / "big.txt"
            big.write_text(digest(args.big, seed=12), encoding="utf-8")
            tb, rss, _ = run_build(big, tmp / "big-out", 1)
            print(f"[{args.big} articles] cold build {tb:.0f} s, peak RSS {rss:.0f} MB: "
                  f"{rss / res['rss']:.2f}x the {args.n}-article build (goal <= 1.5x)")
        if "query" not in parts:
            queries(res["out"], args.copies, tmp, args.store_only)


if __name__ == "__main__":
    main()
