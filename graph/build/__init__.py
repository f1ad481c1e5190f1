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
sha256) gave which article keys (:mod:`newsgraph.graph.build.run`); it is written last, so a killed
build simply resumes (finished articles are cached batch by batch).
"""
from __future__ import annotations

import gc
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from newsgraph.extract.read import ReadLimits
from newsgraph.extract.records import Article, ArticleRecords, Problem
from newsgraph.graph.build import storecheck
from newsgraph.graph.build.cache import DATABASE, CacheError, RecordCache, rebase, record_key
from newsgraph.graph.build.lock import BuildLock, Busy
from newsgraph.graph.build.options import BuildOptions
from newsgraph.graph.build.run import (
    MANIFEST,
    Inputs,
    Run,
    Versions,
    earlier_inputs,
    effective,
    known_reads,
    read_given,
    read_manifest,
    stored_reads,
    unchanged,
    write_manifest,
)
from newsgraph.graph.build.summary import Summary
from newsgraph.graph.build.versions import pipeline_version, reader_version
from newsgraph.graph.build.workers import Runner, batches, runner

__all__ = ["build", "BuildOptions", "ReadLimits", "Summary", "Busy", "read_manifest", "MANIFEST"]


def _records(articles: list[Article], cache: RecordCache, run: Runner, batch_size: int,
             progress: Callable[[int], None] | None) -> tuple[list[ArticleRecords], int]:
    """Records of ``articles`` (in order) from the cache, extracting and caching the misses."""
    by_key: dict[str, ArticleRecords] = {}
    for chunk in batches(articles, 512):
        by_key.update(cache.get_many(chunk))
    keys = [record_key(a) for a in articles]   # (a hash of each article's text and metadata: made once)
    done = len(set(keys) & set(by_key))
    if progress:
        progress(done)
    todo: dict[str, Article] = {}
    for key, a in zip(keys, articles, strict=True):
        if key not in by_key:
            todo.setdefault(key, a)
    with _spared():  # the pipeline, its lexicons and the inputs stay to the end
        for recs in run(batches(todo.values(), batch_size)):
            cache.put_many(recs)
            by_key.update((record_key(r.article), r) for r in recs)
            done += len(recs)
            if progress:
                progress(done)
    out = [rebase(by_key[key], a) for key, a in zip(keys, articles, strict=True) if key in by_key]
    return out, len(todo)


def _runner(options: BuildOptions, nlp) -> Runner:
    """The extraction runner of ``options``: ``nlp`` in this process unless workers are asked for."""
    workers = options.workers
    if workers is None:
        workers = 1 if nlp is not None else (os.cpu_count() or 1)
    return runner(workers, options.model, nlp, options.dask_address)


@dataclass(frozen=True)
class Job:
    """What :func:`build` was asked: inputs, output directory, options, a loaded pipeline, a progress
    callback."""

    inputs: tuple[str, ...]
    out: Path
    options: BuildOptions
    nlp: object = None
    progress: Callable[[int], None] | None = None


def build(inputs: Iterable[str], out: str | Path, options: BuildOptions | None = None, *, nlp=None,
          progress: Callable[[int], None] | None = None, **changes) -> Summary:
    """Build (or update) the graph of ``inputs`` in the directory ``out``.

    ``options`` (default: :class:`BuildOptions`) with ``changes`` (names of its fields, or of
    :class:`ReadLimits`: ``build(inputs, out, workers=2, max_article_chars=300)``) say what
    to do; they are checked first (``ValueError``, one line).  ``nlp`` is a loaded pipeline (from
    :func:`newsgraph.extract.pipeline.load`); when None, ``options.model`` is loaded only if some
    article is not cached yet.  ``progress`` is called with the number of articles done.  Nothing
    is written when no article could be read; the returned :class:`Summary` says why.

    ``out`` is locked for the whole build (:mod:`newsgraph.graph.build.lock`: a second build into it
    raises :class:`~newsgraph.graph.build.lock.Busy`).  What earlier builds left in ``out`` is checked
    before it is trusted: a damaged record cache is replaced by a new one, and a store that is not what
    the last build recorded (:mod:`newsgraph.graph.build.storecheck`) is rebuilt from the cached records;
    :attr:`Summary.notices` says so.

    >>> build(["/nonexistent/x.txt"], "/nonexistent/out", batch_size=4).lines()[0]
    'files: 0/1 read'
    """
    options = (options or BuildOptions()).with_changes(**changes).check()
    job = Job(tuple(inputs), Path(out), options, nlp, progress)
    read = None
    if not (job.out / MANIFEST).exists() and not (job.out / "cache" / DATABASE).exists():
        # a first build: nothing stored to reuse; read before creating OUT (no article: nothing written)
        read = read_given(job.inputs, options.limits)
        first = Inputs(read[0], tuple(read[1]))
        if not first.articles:
            return _nothing(first)
    with BuildLock(job.out):
        return _locked(job, read)


def _nothing(inputs: Inputs) -> Summary:
    """The Summary of a build that found no article: nothing is written."""
    return Summary(files=inputs.files, files_read=inputs.files_read, problems=tuple(inputs.problems))


def _locked(job: Job, read) -> Summary:
    """:func:`build`, the output directory locked; a damaged record cache is replaced once."""
    notices: list[str] = []
    try:
        summary = _build_once(job, read, notices)
    except CacheError as exc:
        RecordCache.remove(job.out / "cache")
        notices.append(f"{exc}: started a new one, every article is extracted again")
        summary = _build_once(job, read, notices)
    return replace(summary, notices=tuple(dict.fromkeys(notices))) if notices else summary


def _earlier(job: Job, manifest: dict, stored: dict, given: dict, notices: list[str]) -> dict:
    """The stored reads, checked against the last build's inputs: those the record cache lacks (a new
    or damaged cache) are read again from their files (unless given now, or ``sync``)."""
    lacking = [p for p in earlier_inputs(manifest) if p not in stored]
    if not lacking:
        return stored
    reread = [] if job.options.sync else [p for p in lacking if p not in given]
    again, _ = read_given(reread, job.options.limits)
    if not notices:   # (after a damaged cache was replaced, that one line says it all)
        notices.append(f"the record cache lacked {len(lacking)} input file(s) of the last build (a new or "
                       "damaged cache): nothing of it is reused")
    return {**stored, **{p: (r.document.sha256, r) for p, r in again.items()}}


def _build_once(job: Job, read, notices: list[str]) -> Summary:
    """Read, extract what the cache lacks, write: one attempt of :func:`build`.  Anything repaired
    (``notices``) means the last build's outputs are not trusted as they are."""
    options, out = job.options, job.out
    versions = Versions(pipeline_version(options.model, job.nlp), reader_version())
    manifest = read_manifest(out)
    stored = stored_reads(out, versions.records)
    if read is None:
        known = {} if options.rebuild else known_reads(stored, manifest, versions.reader, options.limits)
        read = read_given(job.inputs, options.limits, known)
    stored = _earlier(job, manifest, stored, read[0], notices)
    run = Run(options, versions, Inputs(effective(read[0], stored, options.sync), tuple(read[1])))
    if not run.inputs.articles:
        return _nothing(run.inputs)
    broken = None if options.rebuild else storecheck.check(out, manifest.get("store"))
    if broken:
        notices.append(f"{broken}: rebuilt from the cached records")
    same = None if options.rebuild or notices else unchanged(out, manifest, run.fingerprint)
    if same is not None:
        return same
    with RecordCache(out / "cache", versions.records) as cache:
        if options.rebuild:
            cache.clear()
        records, extracted = _records(run.inputs.articles, cache, _runner(options, job.nlp),
                                      options.batch_size, job.progress)
        problems = run.inputs.problems + [p for r in records for p in r.problems]
        if not records:
            return Summary(files=run.inputs.files, files_read=run.inputs.files_read, problems=tuple(problems))
        summary = _write(records, run, out, problems, extracted, fresh=options.rebuild or bool(broken))
        cache.set_inputs(run.inputs.results, drop_others=True)
    write_manifest(out, run, summary, storecheck.record(out))
    return summary


def _write(records, run: Run, out: Path, problems: list[Problem], extracted: int, *, fresh: bool) -> Summary:
    """Resolve, write the export files and update the store; the build's Summary."""
    # here, not at the top: a build with nothing to do never imports rdflib, networkx or the writers
    from newsgraph.graph import export
    from newsgraph.graph.resolve import resolve

    chosen = run.inputs.results
    model_ = resolve(records, [r.document for r in chosen.values()])
    triples = _write_outputs(model_, out, run.options.base_iri, fresh)
    written = {name: out / name for name in export.FILES}
    kinds = Counter(a.kind for a in model_.actors)
    cited = {model_.actor(r.article.key, c.source) for r in model_.articles for c in r.citations}
    outlets = {a.key for a in model_.actors if a.kind == "Outlet"}
    return Summary(files=run.inputs.files, files_read=run.inputs.files_read, articles=len(model_.articles),
                   actors=tuple(sorted(kinds.items())), sources=len((cited - {None}) | outlets),
                   events=len(model_.events), triples=triples, problems=tuple(problems),
                   outputs=tuple(str(p) for p in sorted(written.values())),
                   extracted=extracted, cached=len(records) - extracted)


def _write_outputs(model_, out: Path, base: str, fresh: bool) -> int:
    """Write the export files and update the store (``fresh``: load it from scratch); the union graph's
    triple count.

    The model's triples are streamed (:class:`newsgraph.graph.rdf.plan.Plan`), never all held at once: by
    subject for Turtle, JSON-LD, GraphML and GEXF, by named graph for TriG and the store (whose
    graphs' hashes are taken while the TriG is written).
    """
    # here, not at the top: a build with nothing to do never imports rdflib, networkx or the writers
    from newsgraph.graph import export
    from newsgraph.graph.rdf.digests import Digests
    from newsgraph.graph.rdf.plan import Plan
    from newsgraph.graph.store import reset_store, update_store

    plan, digests = Plan(model_, base), Digests()
    with _spared():   # the records and the model stay to the end
        _, triples = export.write_plan(plan, out, digests=digests)
        if fresh:
            reset_store(out)
        update_store(out, model_, base, plan=plan, digests=digests, trig=out / "graph.trig")
        return triples


@contextmanager
def _spared() -> Iterator[None]:
    """Spare the garbage collector scanning what is alive now (:func:`gc.freeze`) until the block ends:
    a long-lived heap (a loaded pipeline, every record) makes each full collection slow, and nothing in
    it becomes garbage meanwhile."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
