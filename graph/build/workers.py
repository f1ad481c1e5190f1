"""Running the per-article half: in this process, in a process pool, or on a Dask cluster.

Every runner maps an iterable of article batches to their records, batch by
batch and *in input order*, keeping only a few batches in flight (memory stays
bounded however long the input is).  Workers load the spaCy pipeline once
(:func:`extract_batch` keeps one per process), so the output is the same for
any runner and any number of workers.

>>> import spacy
>>> from newsgraph.extract.records import Article
>>> a = Article(source="s.txt", source_sha256="0" * 64, index=0, start=0, end=9,
...             headline="Hi", body="Hello.", body_start=4)
>>> run = local_runner(nlp=spacy.blank("en"))
>>> [[r.article.headline for r in batch] for batch in run([[a], [a]])]
[['Hi'], ['Hi']]
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from newsgraph.extract import DEFAULT_MODEL
from newsgraph.extract.records import Article, ArticleRecords

__all__ = ["extract_batch", "batches", "local_runner", "pool_runner", "dask_runner", "runner", "Runner"]

Batch = list[Article]
Runner = Callable[[Iterable[Batch]], Iterator[list[ArticleRecords]]]
_PIPELINES: dict[str | None, object] = {}


def _pipeline(model: str | None):
    """The pipeline ``model`` of this process, loaded on first use."""
    if model not in _PIPELINES:
        from newsgraph.extract import pipeline  # here: spaCy loads only where articles are parsed

        _PIPELINES[model] = pipeline.load(model or DEFAULT_MODEL)
    return _PIPELINES[model]


def extract_batch(model: str | None, articles: Batch, nlp=None) -> list[ArticleRecords]:
    """Records of ``articles`` (in order), parsed as one batch by ``nlp`` or this process's pipeline
    ``model`` (None: the default one)."""
    from newsgraph.extract.pipeline import extract  # here: spaCy loads only where articles are parsed

    return list(extract(nlp if nlp is not None else _pipeline(model), articles))


def batches(articles: Iterable[Article], size: int) -> Iterator[Batch]:
    """``articles`` in lists of ``size`` (the last one shorter).

    >>> [len(b) for b in batches(range(5), 2)]
    [2, 2, 1]
    """
    it = iter(articles)
    while chunk := list(islice(it, max(1, size))):
        yield chunk


def local_runner(model: str | None = None, nlp=None) -> Runner:
    """Extraction in this process (``nlp`` or ``model`` loaded once)."""
    def run(items: Iterable[Batch]) -> Iterator[list[ArticleRecords]]:
        for batch in items:
            yield extract_batch(model, batch, nlp)
    return run


def _ordered(submit: Callable[[Batch], object], result: Callable[[object], list], items: Iterable[Batch],
             window: int) -> Iterator[list[ArticleRecords]]:
    """Submit batches with at most ``window`` in flight; yield results in submission order."""
    pending: deque = deque()
    for batch in items:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _warm(model: str | None) -> int:
    _pipeline(model)
    return os.getpid()


def pool_runner(workers: int, model: str | None = None) -> Runner:
    """Extraction in ``workers`` processes (spawned; each loads the pipeline once)."""
    def run(items: Iterable[Batch]) -> Iterator[list[ArticleRecords]]:
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                 initializer=_warm, initargs=(model,)) as pool:
            yield from _ordered(lambda b: pool.submit(extract_batch, model, b), lambda f: f.result(),
                                items, 2 * workers)
    return run


def dask_runner(address: str, model: str | None = None, window: int | None = None) -> Runner:
    """Extraction on the Dask cluster at ``address`` (needs ``pip install "newsgraph[dask]"``).

    Batches are shipped to the workers and records shipped back; each worker
    process loads the pipeline once.  ``window`` batches are in flight
    (default: twice the cluster's threads).
    """
    def run(items: Iterable[Batch]) -> Iterator[list[ArticleRecords]]:
        from distributed import Client  # optional dependency: newsgraph[dask]

        with Client(address, set_as_default=False) as client:
            n = window or 2 * max(1, sum(client.nthreads().values()))
            yield from _ordered(lambda b: client.submit(extract_batch, model, b, pure=False),
                                lambda f: f.result(), items, n)
    return run


def runner(workers: int = 1, model: str | None = None, nlp=None, dask: str | None = None) -> Runner:
    """The runner for these options: Dask when ``dask`` is an address, a pool when ``workers > 1``.

    A pool is only started when there is more than one batch to extract; a
    single batch runs in this process.
    """
    if dask:
        return dask_runner(dask, model)
    local = local_runner(model, nlp)
    if workers <= 1:
        return local

    def run(items: Iterable[Batch]) -> Iterator[list[ArticleRecords]]:
        it = iter(items)
        head = list(islice(it, 2))
        if len(head) < 2:
            yield from local(head)
            return
        yield from pool_runner(workers, model)(_chain(head, it))
    return run


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest
