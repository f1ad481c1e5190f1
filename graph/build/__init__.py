"""``newsgraph build``: input files -> articles -> records -> resolved model -> store and files.

The per-article half (:func:`newsgraph.extract.pipeline.extract`) and the global half
(:func:`newsgraph.graph.resolve.resolve`) are kept apart: the first is a pure function of
one article, cached in ``OUT/cache/`` (:mod:`newsgraph.graph.build.cache`) and run in this
process, a process pool or on Dask (:mod:`newsgraph.graph.build.workers`); the second sees
all records at once, is order-independent and is recomputed on every build.  So
a build on an existing ``OUT/`` extracts only new or changed articles and gives
exactly what a from-scratch build of the same inputs gives.

Inputs of earlier builds stay part of the graph unless ``sync=True`` (then only
the inputs given now count).  ``OUT/manifest.json`` records which inputs (path,
sha256) gave which article keys; it is written last, so a killed build simply
resumes (finished articles are cached batch by batch).
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from newsgraph.extract import read as reader
from newsgraph.extract.read import ReadResult
from newsgraph.extract.records import Article, ArticleRecords, Problem
from newsgraph.graph import DEFAULT_BASE
from newsgraph.graph.build.cache import RecordCache, graph_version, pipeline_version, rebase, record_key
from newsgraph.graph.build.workers import batches, runner


@dataclass(frozen=True)
class Summary:
    """What a build did: counts for the closing summary, and every problem met."""

    files: int = 0
    files_read: int = 0
    articles: int = 0
    actors: tuple[tuple[str, int], ...] = ()   # (kind, count), sorted by kind
    sources: int = 0                           # outlets and cited sources
    events: int = 0
    triples: int = 0
    problems: tuple[Problem, ...] = ()
    outputs: tuple[str, ...] = ()
    extracted: int = 0                         # articles parsed in this build
    cached: int = 0                            # articles whose records came from the cache
    unchanged: bool = False                    # nothing changed since the last build: nothing written

    @property
    def skipped(self) -> tuple[Problem, ...]:
        """Problems that kept something out of the graph."""
        return tuple(p for p in self.problems if p.skipped)

    def lines(self) -> list[str]:
        """The closing summary as printable lines."""
        kinds = ", ".join(f"{n} {k}" for k, n in self.actors) or "none"
        dropped = sum(1 for p in self.skipped if p.line is not None or p.article is not None)
        out = [f"files: {self.files_read}/{self.files} read",
               f"articles: {self.articles} built, {dropped} skipped",
               f"actors: {sum(n for _, n in self.actors)} ({kinds})",
               f"sources: {self.sources}",
               f"events: {self.events}",
               f"triples: {self.triples}",
               f"extracted: {self.extracted} (cache hits: {self.cached}"
               + (", nothing changed)" if self.unchanged else ")"),
               f"warnings: {len(self.problems)} ({len(self.skipped)} skipped)"]
        out += [f"  {'skipped' if p.skipped else 'warning'}: {p}" for p in self.problems]
        return out


MANIFEST = "manifest.json"


def _read_given(inputs: Iterable[str], limits: dict,
                known: dict[tuple[str, str], ReadResult] | None = None
                ) -> tuple[dict[str, ReadResult], list[Problem]]:
    """ReadResults of the readable given files by path, and the problems of unreadable ones.

    ``known`` maps (path, sha256) to what an earlier build read there with the same
    reader and limits: such a file is not split again.
    """
    given: dict[str, ReadResult] = {}
    lost: list[Problem] = []
    for result in reader.read_inputs(list(inputs), known=known, **limits):
        if result.document is None:
            lost.extend(result.problems)
        else:
            given[result.document.source] = result
    return given, lost


def _stored(out: Path, version: str) -> dict[str, tuple[str | None, ReadResult]]:
    """What the last build into ``out`` read, by path: (sha256, ReadResult); {} for a first build."""
    if not (out / MANIFEST).exists() or not (out / "cache").is_dir():
        return {}
    with RecordCache(out / "cache", version) as cache:
        return cache.inputs()


def _known_reads(stored: dict, manifest: dict, version: str,
                 limits: dict) -> dict[tuple[str, str], ReadResult]:
    """The stored reads by (path, sha256) when the last build read with this pipeline version
    (which covers the reader's code) and these limits; {} otherwise."""
    if manifest.get("pipeline") != version or manifest.get("limits") != _limits_key(limits):
        return {}
    return {(path, sha): result for path, (sha, result) in stored.items() if sha}


def _limits_key(limits: dict) -> list:
    return sorted([k, v] for k, v in limits.items())


def _effective(given: dict[str, ReadResult], stored: dict, sync: bool) -> dict[str, ReadResult]:
    """Inputs of this build: the given ones, then (without ``sync``) earlier ones, by path."""
    out = dict(given)
    if not sync:
        for path, (_, result) in sorted(stored.items()):
            out.setdefault(path, result)
    return out


def _fingerprint(version: str, base: str, inputs: dict[str, ReadResult], lost: list[Problem],
                 limits: dict) -> str:
    rows = sorted((p, r.document.sha256) for p, r in inputs.items())
    text = json.dumps([version, graph_version(), base, rows, [str(p) for p in lost], _limits_key(limits)])
    return hashlib.sha256(text.encode()).hexdigest()


def read_manifest(out: str | Path) -> dict:
    """``OUT/manifest.json`` as a dict ({} when absent or unreadable)."""
    try:
        data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _summary_from(data: dict) -> Summary | None:
    try:
        fields = dict(data)
        fields["actors"] = tuple(tuple(x) for x in fields["actors"])
        fields["problems"] = tuple(Problem(**p) for p in fields["problems"])
        fields["outputs"] = tuple(fields["outputs"])
        return Summary(**fields)
    except (KeyError, TypeError, ValueError):
        return None


def _unchanged(out: Path, data: dict, fingerprint: str) -> Summary | None:
    """The last build's summary (from its manifest ``data``) when it was of exactly these inputs
    and its files are all there."""
    if data.get("fingerprint") != fingerprint or not (out / "store" / "CURRENT").exists():
        return None
    summary = _summary_from(data.get("summary") or {})
    if summary is None or not all(Path(p).exists() for p in summary.outputs):
        return None
    return Summary(**{**asdict(summary), "actors": summary.actors, "problems": summary.problems,
                      "extracted": 0, "cached": summary.articles, "unchanged": True})


def _records(articles: list[Article], cache: RecordCache, run, batch_size: int,
             progress: Callable[[int], None] | None) -> tuple[list[ArticleRecords], int]:
    """Records of ``articles`` (in order) from the cache, extracting and caching the misses."""
    by_key: dict[str, ArticleRecords] = {}
    for chunk in batches(articles, 512):
        by_key.update(cache.get_many(chunk))
    hits = len({record_key(a) for a in articles} & set(by_key))
    done = hits
    if progress:
        progress(done)
    todo: dict[str, Article] = {}
    for a in articles:
        todo.setdefault(record_key(a), a) if record_key(a) not in by_key else None
    for recs in run(batches(todo.values(), batch_size)):
        cache.put_many(recs)
        by_key.update((record_key(r.article), r) for r in recs)
        done += len(recs)
        if progress:
            progress(done)
    out = [rebase(by_key[record_key(a)], a) for a in articles if record_key(a) in by_key]
    return out, len(todo)


def build(inputs: Iterable[str], out: str | Path, *, model: str | None = None, nlp=None,
          base: str | None = None, progress: Callable[[int], None] | None = None,
          workers: int | None = None, dask: str | None = None, sync: bool = False,
          batch_size: int = 16, **limits) -> Summary:
    """Build (or update) the graph of ``inputs`` in the directory ``out``.

    ``nlp`` is a loaded pipeline (from :func:`newsgraph.extract.nlp.load`); when None,
    ``model`` (default: the bundled English pipeline) is loaded only if some
    article is not cached yet.  ``base`` is the base IRI of minted IRIs (default:
    :data:`graph.DEFAULT_BASE`).  ``workers`` processes extract (default: one per
    core; 1 when ``nlp`` is given), or the Dask cluster at ``dask``.  Inputs of
    earlier builds into ``out`` stay in the graph unless ``sync``.  ``progress``
    is called with the number of articles done.  Nothing is written when no
    article could be read; the returned :class:`Summary` says why.
    """
    out, base = Path(out), base or DEFAULT_BASE
    limits = {"max_bytes": reader.MAX_FILE_BYTES, "max_article_chars": reader.MAX_ARTICLE_CHARS, **limits}
    version, manifest = pipeline_version(model, nlp), read_manifest(out)
    stored = _stored(out, version)
    given, lost = _read_given(inputs, limits, _known_reads(stored, manifest, version, limits))
    if not given and not (out / "cache").exists():
        return Summary(files=len(lost), problems=tuple(lost))
    with RecordCache(out / "cache", version) as cache:
        chosen = _effective(given, stored, sync)
        fingerprint = _fingerprint(version, base, chosen, lost, limits)
        same = _unchanged(out, manifest, fingerprint)
        if same is not None:
            return same
        articles = [a for r in chosen.values() for a in r.articles]
        problems = lost + [p for r in chosen.values() for p in r.problems]
        if workers is None:
            workers = 1 if nlp is not None else (os.cpu_count() or 1)
        run = runner(workers, model, nlp, dask)
        records, extracted = _records(articles, cache, run, batch_size, progress)
        problems += [p for r in records for p in r.problems]
        if not records:
            return Summary(files=len(chosen) + len(lost), files_read=_with_articles(chosen),
                           problems=tuple(problems))
        summary = _write(records, chosen, out, base, problems, extracted, len(lost))
        cache.set_inputs(chosen, drop_others=True)
    _write_manifest(out, version, base, fingerprint, chosen, summary, _limits_key(limits))
    return summary


def _with_articles(chosen: dict[str, ReadResult]) -> int:
    """How many input files gave at least one article."""
    return sum(1 for r in chosen.values() if r.articles)


def _write(records, chosen: dict[str, ReadResult], out: Path, base: str, problems: list[Problem],
           extracted: int, lost: int) -> Summary:
    """Resolve, write the export files and update the store; the build's Summary."""
    from newsgraph.graph import export
    from newsgraph.graph.resolve import resolve

    model_ = resolve(records, [r.document for r in chosen.values()])
    triples = _write_outputs(model_, out, base)
    written = {name: out / name for name in export.FILES}
    kinds = Counter(a.kind for a in model_.actors)
    cited = {model_.actor(r.article.key, c.source) for r in model_.articles for c in r.citations}
    outlets = {a.key for a in model_.actors if a.kind == "Outlet"}
    return Summary(files=len(chosen) + lost, files_read=_with_articles(chosen), articles=len(model_.articles),
                   actors=tuple(sorted(kinds.items())), sources=len((cited - {None}) | outlets),
                   events=len(model_.events), triples=triples, problems=tuple(problems),
                   outputs=tuple(str(p) for p in sorted(written.values())),
                   extracted=extracted, cached=len(records) - extracted)


def _write_outputs(model_, out: Path, base: str) -> int:
    """Write the export files and update the store; the union graph's triple count.

    The model's triples are streamed (:class:`newsgraph.graph.rdf.plan.Plan`), never all held at once: by
    subject for Turtle, JSON-LD, GraphML and GEXF, by named graph for TriG and the store (whose
    graphs' hashes are taken while the TriG is written).
    """
    from newsgraph.graph import export
    from newsgraph.graph.rdf.digests import Digests
    from newsgraph.graph.rdf.plan import Plan
    from newsgraph.graph.store import update_store

    plan, digests = Plan(model_, base), Digests()
    gc.freeze()   # the records and the model stay to the end: spare the collector scanning them
    try:
        _, triples = export.write_plan(plan, out, digests=digests)
        update_store(out, model_, base, plan=plan, digests=digests)
        return triples
    finally:
        gc.unfreeze()


def _write_manifest(out: Path, version: str, base: str, fingerprint: str, chosen: dict[str, ReadResult],
                    summary: Summary, limits: list) -> None:
    from newsgraph.graph.export import write_atomic

    inputs = [{"path": p, "sha256": r.document.sha256,
               "articles": sorted({a.key for a in r.articles})} for p, r in sorted(chosen.items())]
    data = {"format": 1, "pipeline": version, "base": base, "fingerprint": fingerprint, "inputs": inputs,
            "limits": limits,
            "summary": {**asdict(summary), "extracted": 0, "cached": 0}}
    write_atomic(out / MANIFEST, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())
