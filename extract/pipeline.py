"""The per-article half: Article -> spaCy Doc -> ArticleRecords.

:func:`load` puts the spaCy pipeline together: any installed English pipeline plus newsgraph's
components -- paragraph-aware sentence starts, the gazetteer entity rulers in front of the
statistical NER, and the actor component that gives every actor mention a local entity id
(``span.kb_id_``) and fills ``doc._.ng_entities``.  :func:`extract` parses articles with it and
runs the :data:`EXTRACTORS` on each.

This half is a pure function of (article, pipeline): it runs in any process or
on any Dask worker, and its output is cacheable by the article's content key.

>>> from newsgraph.extract.records import Article
>>> import spacy
>>> nlp = spacy.blank("en")
>>> a = Article(source="s.txt", source_sha256="0" * 64, index=0, start=0, end=9,
...             headline="Hi", body="Hello.", body_start=4)
>>> [r.article.headline for r in extract(nlp, [a])]
['Hi']
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract import DEFAULT_MODEL, actors, events, roles
from newsgraph.extract.attribution import citations, quotes
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import Article, ArticleRecords, Problem

#: Extractors run in order on every parsed article: each is ``Doc -> Iterable[record]``.
EXTRACTORS = {
    "events": events.events,
    "roles": roles.roles,
    "quotes": quotes.quotes,
    "citations": citations.citations,
}


def load(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (any installed spaCy pipeline) with newsgraph's components.

    Raises ``OSError`` with spaCy's message when the model is not installed.
    """
    nlp = spacy.load(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("ng_paragraphs", before="parser")
    actors.add_to(nlp)
    return nlp


def records_of(doc: Doc, article: Article) -> ArticleRecords:
    """Run every extractor on a parsed article; a failing extractor is reported, not fatal."""
    doc._.ng_article = article
    with docview.frozen(doc):  # the extractors only read the Doc: its entities and sentences are read once
        return _records(doc, article)


def _records(doc: Doc, article: Article) -> ArticleRecords:
    problems: list[Problem] = []
    try:
        actors.attach_meta(doc, article)
    except Exception as exc:  # noqa: BLE001 - reported with the article, never raised
        problems.append(Problem(article.source, f"actor metadata failed: {exc!r}", article.line,
                                article.index, skipped=False))
    outlet, author, datelines = doc._.ng_meta or (None, None, ())
    found: dict[str, tuple] = {}
    for name, fn in EXTRACTORS.items():
        try:
            found[name] = tuple(fn(doc))
        except Exception as exc:  # noqa: BLE001
            found[name] = ()
            problems.append(Problem(article.source, f"{name} extraction failed on article "
                                    f"{article.index} ({article.headline[:40]!r}): {exc!r}",
                                    article.line, article.index, skipped=False))
    return ArticleRecords(article=article, entities=tuple(doc._.ng_entities), outlet=outlet,
                          author=author, datelines=tuple(datelines), problems=tuple(problems),
                          **found)


def extract(nlp: Language, articles: Iterable[Article], *, batch_size: int | None = None,
            n_process: int = 1) -> Iterator[ArticleRecords]:
    """Parse ``articles`` with ``nlp`` and yield their records, in input order.

    Articles are parsed ``batch_size`` at a time (None: all of them in one batch; a build
    extracts its articles in tasks of its own batch size); the records do not depend on it.

    An article spaCy cannot parse is reported in its records' problems and kept
    (metadata only); it never takes its batch down with it.
    """
    if n_process > 1:
        pairs = ((a.text, a) for a in articles)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield records_of(doc, article)
        return
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if batch_size is not None and len(batch) >= batch_size:
            yield from _batch(nlp, batch)
            batch = []
    yield from _batch(nlp, batch)


def _batch(nlp: Language, batch: list[Article]) -> Iterator[ArticleRecords]:
    try:
        docs = list(nlp.pipe(((a.text, a) for a in batch), as_tuples=True, batch_size=len(batch) or 1))
    except Exception:  # noqa: BLE001 - find the culprit article by article
        docs = None
    if docs is not None:
        for doc, article in docs:
            yield records_of(doc, article)
        return
    for article in batch:
        try:
            doc = nlp(article.text)
        except Exception as exc:  # noqa: BLE001 - reported with the article, never raised
            reason = f"article {article.index} ({article.headline[:40]!r}) could not be parsed: {exc!r}"
            yield ArticleRecords(article=article, problems=(
                Problem(article.source, reason, article.line, article.index, skipped=False),))
            continue
        yield records_of(doc, article)
