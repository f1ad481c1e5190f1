"""Read-once views of a parsed Doc while the extractors run on it.

spaCy rebuilds ``doc.ents`` (a scan of every token), ``doc.sents`` and
``doc.text`` on every access.  Inside :func:`frozen` (the pipeline runs the
extractors of one article in it, and nothing changes the Doc meanwhile) the
helpers here build them once; outside it they read the Doc every time, so a
caller that changes ``doc.ents`` never sees a stale answer.

>>> import spacy
>>> from spacy.tokens import Span
>>> doc = spacy.blank("en")("Ann met Bob in Paris.")
>>> doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 2, 3, "PERSON", kb_id="E1")]
>>> with frozen(doc):
...     first = ents(doc)
...     same = ents(doc) is first
>>> [e.text for e in first], same, [e.text for e in span_ents(doc, doc[1:4])]
(['Ann', 'Bob'], True, ['Bob'])
>>> [e.text for e in ents(doc)]  # outside frozen(): read from the Doc again
['Ann', 'Bob']
"""
from __future__ import annotations

import bisect
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from spacy.tokens import Doc, Span

_local = threading.local()
T = TypeVar("T")


class _View:
    __slots__ = ("doc", "memo")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.memo: dict = {}


def _view(doc: Doc) -> _View | None:
    view = getattr(_local, "view", None)
    return view if view is not None and view.doc is doc else None


@contextmanager
def frozen(doc: Doc) -> Iterator[None]:
    """Cache ``doc``'s entities, sentences and text until the block ends (the Doc must not change)."""
    if _view(doc) is not None:
        yield
        return
    prev = getattr(_local, "view", None)
    _local.view = _View(doc)
    try:
        yield
    finally:
        _local.view = prev


def memo(doc: Doc) -> dict | None:
    """A scratch dict living as long as ``doc`` is frozen (None when it is not) for per-Doc caches."""
    view = _view(doc)
    return view.memo if view is not None else None


def cached(doc: Doc, key: Hashable, build: Callable[[], T]) -> T:
    """``build()``, computed once per frozen ``doc`` under ``key`` (every time when ``doc`` is not frozen)."""
    view = _view(doc)
    if view is None:
        return build()
    if key not in view.memo:
        view.memo[key] = build()
    return view.memo[key]


def ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``."""
    return cached(doc, "ents", lambda: tuple(doc.ents))


def sents(doc: Doc) -> tuple[Span, ...]:
    """``tuple(doc.sents)``."""
    return cached(doc, "sents", lambda: tuple(doc.sents))


def words(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, read from the string store without making Token objects.

    >>> import spacy
    >>> words(spacy.blank("en")("Hi there!"))
    ['Hi', 'there', '!']
    """
    def build() -> list[str]:
        strings = doc.vocab.strings
        return [strings[o] for o in doc.to_array("ORTH").tolist()] if len(doc) else []
    return cached(doc, "words", build)


def text(doc: Doc) -> str:
    """``doc.text``."""
    def build() -> str:
        spaces = doc.to_array("SPACY").tolist() if len(doc) else []
        return "".join([w + " " if sp else w for w, sp in zip(words(doc), spaces, strict=True)])
    return cached(doc, "text", build)


def column(doc: Doc, attr: str) -> list[int]:
    """``doc.to_array(attr)`` as a list (one value per token).

    >>> import spacy
    >>> column(spacy.blank("en")("a b"), "LENGTH")
    [1, 1]
    """
    return cached(doc, "column." + attr, lambda: doc.to_array(attr).tolist() if len(doc) else [])


def sent_starts(doc: Doc) -> list[int]:
    """Token index of the start of every sentence (``doc.sents``)."""
    return cached(doc, "sent_starts", lambda: [s.start for s in sents(doc)])


def n_sents(doc: Doc, start: int, end: int) -> int:
    """``len({t.sent.start for t in doc[start:end]})``: the sentences tokens ``start:end`` touch."""
    if end <= start:
        return 0
    starts = sent_starts(doc)
    return bisect.bisect_right(starts, end - 1) - bisect.bisect_right(starts, start) + 1


def span_ents(doc: Doc, span: Span) -> list[Span]:
    """``span.ents``: the entities inside ``span`` (as spaCy finds them: up to the first crossing one)."""
    out = []
    for ent in ents(doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out
