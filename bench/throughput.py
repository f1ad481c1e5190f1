"""Build throughput against bare spaCy, measured in the same run (run by hand).

    .venv/bin/python bench/throughput.py [INPUT ...] [--repeat N] [--rounds R] [--model NAME]

Reads the inputs once (default: the bundled examples and, when present,
../shared/corpus), repeats the article list N times (each copy with a distinct
headline so nothing is deduplicated), then times

1. bare ``nlp.pipe`` of the plain model over the article texts, and
2. the whole ``newsgraph build`` (our components, every extractor, resolution,
   RDF mapping and all exports) over the same articles,

and prints articles/s, words/s and the ratio build / bare.  The ratio of the CPU times (of every
thread of this process) is printed too: on a machine shared with other work, the wall-clock ratio
moves with the load of the moment, the CPU ratio much less; and what the build spends beyond
parsing, per article: (build CPU - bare CPU) / articles.

``--rounds R`` times the pair R times, alternating (a fresh output directory each time, so nothing
comes from a cache), and prints every round and the medians.  The first round's build also pays what
a process pays once (importing the writers, loading the place tables); later rounds show what a long
build sees per article.  Each timing starts after a garbage collection, so neither pays for a full
collection of what loading the pipelines left behind.
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.extract import DEFAULT_MODEL, pipeline  # noqa: E402
from newsgraph.extract.read import read_inputs  # noqa: E402
from newsgraph.graph.build import BuildOptions, build  # noqa: E402


def articles(paths, repeat):
    base = [a for r in read_inputs(paths) for a in r.articles]
    return [dataclasses.replace(a, headline=f"{a.headline} [{i}]") for i in range(repeat) for a in base]


def write_jsonl(arts, path: Path) -> None:
    import json
    with path.open("w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"headline": a.headline, "text": a.body, "date": a.date,
                                "outlet": a.outlet, "url": a.url}) + "\n")


def _bare(nlp, arts) -> tuple[float, float]:
    """(wall, CPU) seconds of bare ``nlp.pipe`` over the articles' texts."""
    gc.collect()  # (both timings start with nothing left for the collector by what came before)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((a.text for a in arts), batch_size=BuildOptions().batch_size):  # as build parses
        pass
    return time.perf_counter() - t0, time.process_time() - c0


def _build(nlp, arts):
    """(wall, CPU, Summary) of a whole build of the articles into a new directory."""
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        write_jsonl(arts, feed)
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        summary = build([str(feed)], Path(tmp) / "out", nlp=nlp)
        return time.perf_counter() - t0, time.process_time() - c0, summary


def _report(arts, words: int, bare: tuple[float, float], built: tuple[float, float]) -> None:
    (t_bare, c_bare), (t_build, c_build), n = bare, built, len(arts)
    print(f"bare nlp.pipe : {t_bare:7.2f} s  {n / t_bare:7.1f} articles/s  {words / t_bare:9.0f} words/s")
    print(f"newsgraph build: {t_build:7.2f} s  {n / t_build:7.1f} articles/s  {words / t_build:9.0f} words/s")
    print(f"ratio build/bare throughput: {t_bare / t_build:.2f} (goal >= 0.75)")
    print(f"cpu time: bare {c_bare:.2f} s, build {c_build:.2f} s, ratio {c_bare / c_build:.2f}")
    print(f"build beyond parsing: {1000 * (c_build - c_bare) / n:.1f} ms cpu per article "
          f"(bare parsing {1000 * c_bare / n:.1f} ms)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=1, help="bare/build pairs, alternating (medians printed)")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()
    paths = args.inputs or [str(ROOT / "examples")] + [
        str(p) for p in (ROOT.parent / "shared" / "corpus").glob("*.txt")]
    arts = articles(paths, args.repeat)
    words = sum(len(a.text.split()) for a in arts)
    bare, nlp = spacy.load(args.model), pipeline.load(args.model)
    rounds = []
    for k in range(max(1, args.rounds)):
        b = _bare(bare, arts)
        *w, summary = _build(nlp, arts)
        rounds.append((b, tuple(w)))
        if k == 0:
            print(f"articles: {len(arts)}  words: {words}  "
                  f"(built {summary.articles}, {summary.triples} triples)")
        if args.rounds > 1:
            print(f"-- round {k + 1}")
        _report(arts, words, b, tuple(w))
    if len(rounds) > 1:
        med = statistics.median
        print(f"-- median of {len(rounds)} rounds: wall ratio {med(b[0] / w[0] for b, w in rounds):.2f}, "
              f"cpu ratio {med(b[1] / w[1] for b, w in rounds):.2f}, build beyond parsing "
              f"{med(1000 * (w[1] - b[1]) / len(arts) for b, w in rounds):.1f} ms cpu per article")

if __name__ == "__main__":
    main()
