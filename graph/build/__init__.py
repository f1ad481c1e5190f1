"""``newsgraph build``: input files -> articles -> records -> resolved model -> store and files.

The per-article half (:func:`newsgraph.extract.pipeline.extract`) and the global half
(:func:`newsgraph.graph.resolve.resolve`) are kept apart: the first is a pure function of
one article, cached in ``OUT/cache/`` (:mod:`newsgraph.graph.build.cache`) and run in this
process, a process pool or on Dask (:mod:`newsgraph.graph.build.workers`); the second sees
all records at once, is order-independent and is recomputed on every build.  So
a build on an existing ``OUT/`` extracts only new or changed articles and gives
exactly what a from-scratch build of the same inputs gives.

What a build is asked to do is one :class:`BuildOptions` (model, base IRI, workers, batch
size, read limits ...).  Inputs of earlier builds stay part of the graph unless ``sync=True``
(then only the inputs given now count).  ``OUT/manifest.json`` records which inputs (path,
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
from functools import cached_property
from pathlib import Path

from newsgraph.extract import read as reader
from newsgraph.extract.read import ReadLimits, ReadResult
from newsgraph.extract.records import Article, ArticleRecords, Problem
from newsgraph.graph.build.cache import RecordCache, rebase, record_key
from newsgraph.graph.build.options import BuildOptions
from newsgraph.graph.build.summary import Summary
from newsgraph.graph.build.versions import graph_version, pipeline_version, reader_version
from newsgraph.graph.build.workers import Runner, batches, runner

__all__ = ["build", "BuildOptions", "ReadLimits", "Summary", "read_manifest", "MANIFEST"]

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Inputs:
    """The inputs of a build: the ReadResults it uses, by path, and the problems of the given files
    that could not be read."""

    results: dict[str, ReadResult]
    lost: tuple[Problem, ...]

    @property
    def files(self) -> int:
        """Input files: used, and given but unreadable."""
        return len(self.results) + len(self.lost)

    @property
    def files_read(self) -> int:
        """How many input files gave at least one article."""
        return sum(1 for r in self.results.values() if r.articles)

    @property
    def articles(self) -> list[Article]:
        """Every article of the inputs, file by file."""
        return [a for r in self.results.values() for a in r.articles]

    @property
    def problems(self) -> list[Problem]:
        """The problems of reading the inputs."""
        return list(self.lost) + [p for r in self.results.values() for p in r.problems]


@dataclass(frozen=True)
class Versions:
    """The versions of what a build caches (:mod:`newsgraph.graph.build.versions`)."""

    records: str   # the record cache's: extractors, lexicons, model
    reader: str    # the stored reads': the reader's code


@dataclass(frozen=True)
class Run:
    """One build: its options, the versions of its cached parts and its inputs."""

    options: BuildOptions
    versions: Versions
    inputs: Inputs

    @cached_property
    def fingerprint(self) -> str:
        """A hash of everything the outputs depend on (the code of every part, the inputs, the base
        IRI, the limits): "nothing changed" when it is the last build's."""
        rows = sorted((p, r.document.sha256) for p, r in self.inputs.results.items())
        text = json.dumps([self.versions.records, self.versions.reader, graph_version(),
                           self.options.base_iri, rows, [str(p) for p in self.inputs.lost],
                           _limits_key(self.options.limits)])
        return hashlib.sha256(text.encode()).hexdigest()


def _read_given(inputs: Iterable[str], limits: ReadLimits,
                known: dict[tuple[str, str], ReadResult] | None = None
                ) -> tuple[dict[str, ReadResult], list[Problem]]:
    """ReadResults of the readable given files by path, and the problems of unreadable ones.

    ``known`` maps (path, sha256) to what an earlier build read there with the same
    reader and limits: such a file is not split again.
    """
    given: dict[str, ReadResult] = {}
    lost: list[Problem] = []
    for result in reader.read_inputs(list(inputs), limits=limits, known=known):
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
                 limits: ReadLimits) -> dict[tuple[str, str], ReadResult]:
    """The stored reads by (path, sha256) when the last build read with this reader ``version``
    and these limits; {} otherwise."""
    if manifest.get("reader") != version or manifest.get("limits") != _limits_key(limits):
        return {}
    return {(path, sha): result for path, (sha, result) in stored.items() if sha}


def _limits_key(limits: ReadLimits) -> list:
    return sorted([k, v] for k, v in asdict(limits).items())


def _effective(given: dict[str, ReadResult], stored: dict, sync: bool) -> dict[str, ReadResult]:
    """Inputs of this build: the given ones, then (without ``sync``) earlier ones, by path."""
    out = dict(given)
    if not sync:
        for path, (_, result) in sorted(stored.items()):
            out.setdefault(path, result)
    return out


def read_manifest(out: str | Path) -> dict:
    """``OUT/manifest.json`` as a dict ({} when absent or unreadable)."""
    try:
        data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _unchanged(out: Path, data: dict, fingerprint: str) -> Summary | None:
    """The last build's summary (from its manifest ``data``) when it was of exactly these inputs
    and its files are all there."""
    if data.get("fingerprint") != fingerprint or not (out / "store" / "CURRENT").exists():
        return None
    summary = Summary.from_dict(data.get("summary") or {})
    if summary is None or not all(Path(p).exists() for p in summary.outputs):
        return None
    return Summary(**{**asdict(summary), "actors": summary.actors, "problems": summary.problems,
                      "extracted": 0, "cached": summary.articles, "unchanged": True})


def _records(articles: list[Article], cache: RecordCache, run: Runner, batch_size: int,
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


def _runner(options: BuildOptions, nlp) -> Runner:
    """The extraction runner of ``options``: ``nlp`` in this process unless workers are asked for."""
    workers = options.workers
    if workers is None:
        workers = 1 if nlp is not None else (os.cpu_count() or 1)
    return runner(workers, options.model, nlp, options.dask_address)


def build(inputs: Iterable[str], out: str | Path, options: BuildOptions | None = None, *, nlp=None,
          progress: Callable[[int], None] | None = None, **changes) -> Summary:
    """Build (or update) the graph of ``inputs`` in the directory ``out``.

    ``options`` (default: :class:`BuildOptions`) with ``changes`` (names of its fields, or of
    :class:`ReadLimits`: ``build(inputs, out, workers=2, max_article_chars=300)``) say what
    to do.  ``nlp`` is a loaded pipeline (from :func:`newsgraph.extract.pipeline.load`); when None,
    ``options.model`` is loaded only if some article is not cached yet.  ``progress`` is called
    with the number of articles done.  Nothing is written when no article could be read; the
    returned :class:`Summary` says why.

    >>> build(["/nonexistent/x.txt"], "/nonexistent/out", batch_size=4).lines()[0]
    'files: 0/1 read'
    """
    options, out = (options or BuildOptions()).with_changes(**changes), Path(out)
    versions, manifest = Versions(pipeline_version(options.model, nlp), reader_version()), read_manifest(out)
    stored = _stored(out, versions.records)
    known = _known_reads(stored, manifest, versions.reader, options.limits)
    given, lost = _read_given(inputs, options.limits, known)
    if not given and not (out / "cache").exists():
        return Summary(files=len(lost), problems=tuple(lost))
    with RecordCache(out / "cache", versions.records) as cache:
        run = Run(options, versions, Inputs(_effective(given, stored, options.sync), tuple(lost)))
        same = _unchanged(out, manifest, run.fingerprint)
        if same is not None:
            return same
        records, extracted = _records(run.inputs.articles, cache, _runner(options, nlp), options.batch_size,
                                      progress)
        problems = run.inputs.problems + [p for r in records for p in r.problems]
        if not records:
            return Summary(files=run.inputs.files, files_read=run.inputs.files_read, problems=tuple(problems))
        summary = _write(records, run, out, problems, extracted)
        cache.set_inputs(run.inputs.results, drop_others=True)
    _write_manifest(out, run, summary)
    return summary


def _write(records, run: Run, out: Path, problems: list[Problem], extracted: int) -> Summary:
    """Resolve, write the export files and update the store; the build's Summary."""
    # here, not at the top: a build with nothing to do never imports rdflib, networkx or the writers
    from newsgraph.graph import export
    from newsgraph.graph.resolve import resolve

    chosen = run.inputs.results
    model_ = resolve(records, [r.document for r in chosen.values()])
    triples = _write_outputs(model_, out, run.options.base_iri)
    written = {name: out / name for name in export.FILES}
    kinds = Counter(a.kind for a in model_.actors)
    cited = {model_.actor(r.article.key, c.source) for r in model_.articles for c in r.citations}
    outlets = {a.key for a in model_.actors if a.kind == "Outlet"}
    return Summary(files=run.inputs.files, files_read=run.inputs.files_read, articles=len(model_.articles),
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
    # here, not at the top: a build with nothing to do never imports rdflib, networkx or the writers
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


def _write_manifest(out: Path, run: Run, summary: Summary) -> None:
    # here, not at the top: a build with nothing to do never imports rdflib, networkx or the writers
    from newsgraph.graph.export import write_atomic

    inputs = [{"path": p, "sha256": r.document.sha256, "articles": sorted({a.key for a in r.articles})}
              for p, r in sorted(run.inputs.results.items())]
    data = {"format": 1, "pipeline": run.versions.records, "reader": run.versions.reader,
            "base": run.options.base_iri,
            "fingerprint": run.fingerprint, "inputs": inputs, "limits": _limits_key(run.options.limits),
            "summary": {**asdict(summary), "extracted": 0, "cached": 0}}
    write_atomic(out / MANIFEST, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())
