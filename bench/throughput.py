"""Build throughput against bare spaCy, measured in the same run (run by hand).

    .venv/bin/python bench/throughput.py [INPUT ...] [--repeat N] [--model NAME]

Reads the inputs once (default: the bundled examples and, when present,
../shared/corpus), repeats the article list N times (each copy with a distinct
headline so nothing is deduplicated), then times

1. bare ``nlp.pipe`` of the plain model over the article texts, and
2. the whole ``newsgraph build`` (our components, every extractor, resolution,
   RDF mapping and all exports) over the same articles,

and prints articles/s, words/s and the ratio build / bare.  The ratio of the CPU times (of every
thread of this process) is printed too: on a machine shared with other work, the wall-clock ratio
moves with the load of the moment, the CPU ratio much less.
"""
from __future__ import annotations

import argparse
import dataclasses
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()
    paths = args.inputs or [str(ROOT / "examples")] + [
        str(p) for p in (ROOT.parent / "shared" / "corpus").glob("*.txt")]
    arts = articles(paths, args.repeat)
    words = sum(len(a.text.split()) for a in arts)

    bare = spacy.load(args.model)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in bare.pipe((a.text for a in arts), batch_size=BuildOptions().batch_size):  # as build parses
        pass
    t_bare, c_bare = time.perf_counter() - t0, time.process_time() - c0

    nlp = pipeline.load(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        write_jsonl(arts, feed)
        t0, c0 = time.perf_counter(), time.process_time()
        summary = build([str(feed)], Path(tmp) / "out", nlp=nlp)
        t_build, c_build = time.perf_counter() - t0, time.process_time() - c0

    n = len(arts)
    print(f"articles: {n}  words: {words}  (built {summary.articles}, {summary.triples} triples)")
    print(f"bare nlp.pipe : {t_bare:7.2f} s  {n / t_bare:7.1f} articles/s  {words / t_bare:9.0f} words/s")
    print(f"newsgraph build: {t_build:7.2f} s  {n / t_build:7.1f} articles/s  {words / t_build:9.0f} words/s")
    print(f"ratio build/bare throughput: {t_bare / t_build:.2f} (goal >= 0.75)")
    print(f"cpu time: bare {c_bare:.2f} s, build {c_build:.2f} s, ratio {c_bare / c_build:.2f}")


if __name__ == "__main__":
    main()
