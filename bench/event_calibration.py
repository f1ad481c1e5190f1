"""Calibration of ``ng:confidence`` on M2E2: confidence bins against the measured precision.

    python bench/event_calibration.py ../shared/datasets/m2e2 OUT/graph.ttl [--misses N] [--wrong N]

OUT is a build of the M2E2 stories (``../shared/eval/dev_all.sh`` leaves one under
``$DEV_OUT/m2e2``).  A mention of a type M2E2 scores for precision (ASSAULT, PROTEST, CONSULT,
COERCE) is right when its sentence holds a gold trigger of that type -- the rule of
``score_m2e2.py``, whose functions this script reuses from ``../shared/eval``.  Prints one row per
confidence bin: mentions, right, precision.  ``--misses N`` / ``--wrong N`` print N missed gold
events / wrong mentions with their sentence (for reading, never for copying into the project).
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _scorer():
    sys.path.insert(0, str(EVAL))
    import ngeval  # lazy: lives in ../shared, not in the project
    import score_m2e2  # lazy: lives in ../shared, not in the project
    return ngeval, score_m2e2


def _right(ev: dict, spans, golds: list[dict], mapping: dict) -> bool:
    return any(g["start"] is not None and s0 < g["end"] and g["start"] < e0
               and ev["type"] in (mapping.get(g["type"]) or ()) for g in golds for s0, e0 in spans)


def measure(gold: str, graph: str, misses: int = 0, wrong: int = 0) -> dict[float, list[int]]:
    """Confidence (rounded down to 0.05) -> [mentions, right]; prints misses and wrong mentions."""
    E, S = _scorer()
    stories = S.stories(S.load(gold))
    sysg = E.SysGraph(graph)
    amap = E.match_articles([s["item"] for s in stories], sysg)
    bins: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for s in stories:
        text = s["item"]["text"]
        aev = E.ArticleEvents(sysg, amap.get(s["item"]["id"]), text)
        for ev, spans, trig, conf in aev.items:
            if ev["type"] not in S.PREC_TYPES or not spans:
                continue
            ok = _right(ev, spans, s["events"], S.MAP)
            b = bins[int((conf or 0) * 20) / 20]
            b[0], b[1] = b[0] + 1, b[1] + ok
            if not ok and wrong > 0:
                wrong -= 1
                print(f"WRONG {ev['type']} [{trig}] {conf}: {text[spans[0][0]:spans[0][1]][:220]}")
        for g in s["events"]:
            allowed = S.MAP.get(g["type"])
            if g["in_headline"] or not allowed or misses <= 0:
                continue
            if not [e for e, _ in aev.covering(g["start"], g["end"]) if e["type"] in allowed]:
                misses -= 1
                lo, hi = text.rfind(". ", 0, g["start"]) + 1, text.find(". ", g["end"])
                got = sorted({e["type"] for e, _ in aev.covering(g["start"], g["end"])})
                print(f"MISS {g['type']} [{g['trigger']}] got={got}: {text[lo:hi][:220]}")
    return bins


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("graph")
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--wrong", type=int, default=0)
    a = ap.parse_args(argv)
    if not EVAL.is_dir():
        print(f"event_calibration: no {EVAL} (needs ../shared)", file=sys.stderr)
        return 1
    bins = measure(a.gold, a.graph, a.misses, a.wrong)
    print("confidence  mentions  right  precision")
    for c in sorted(bins):
        n, ok = bins[c]
        print(f"{c:>4.2f}-{c + 0.05:.2f}  {n:>8}  {ok:>5}  {ok / n:.2f}")
    n, ok = sum(v[0] for v in bins.values()), sum(v[1] for v in bins.values())
    print(f"all        {n:>8}  {ok:>5}  {ok / max(n, 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
