"""The per-article half: Article -> spaCy Doc -> ArticleRecords.

:func:`load` puts the spaCy pipeline together: any installed English pipeline plus newsgraph's
components -- paragraph-aware sentence starts, the gazetteer entity rulers in front of the
statistical NER, and the actor component that gives every actor mention a local entity id
(``span.kb_id_``) and fills ``doc._.ng_entities``.  :func:`extract` parses articles with it and
runs the :data:`EXTRACTORS` on each.

This half is a pure function of (article, pipeline): it runs in any process or
on any Dask worker, and its output is cacheable by the article's content key.

A long article is parsed in blocks of paragraphs (:func:`parse`): the statistical components'
memory grows with the text they see at once, the article's Doc is then put together and the actor
component runs on all of it.

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
from newsgraph.extract.events.lexicon import lexicon as trigger_lexicon
from newsgraph.extract.lexicon import places
from newsgraph.extract.nlp import (
    acronyms,  # noqa: F401 - registers the ng_acronyms component
    attrruler,
    docview,
)
from newsgraph.extract.nlp.captions import for_parser
from newsgraph.extract.records import Article, ArticleRecords, Problem

#: Extractors run in order on every parsed article: each is ``Doc -> Iterable[record]``.
EXTRACTORS = {
    "events": events.events,
    "roles": roles.roles,
    "quotes": quotes.quotes,
    "citations": citations.citations,
}


#: Articles longer than this many characters are parsed in blocks of whole paragraphs of at most this size.
CHUNK_CHARS = 50_000
#: The components that need the whole article (they cluster its mentions): run after the blocks are joined.
WHOLE_ARTICLE = ("ng_actors",)


def load(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (any installed spaCy pipeline) with newsgraph's components.

    Raises ``OSError`` with spaCy's message when the model is not installed.
    """
    nlp = spacy.load(model)
    attrruler.table_attribute_rulers(nlp)  # the model's attribute ruler: the same attributes, set faster
    nlp.add_pipe("ng_acronyms", first=True)  # ("IS" read as a name by the models that follow)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("ng_paragraphs", before="parser")
    actors.add_to(nlp)
    places.load_tables()  # the lookup tables come with the pipeline, not with the first article
    trigger_lexicon()
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
        pairs = ((for_parser(a.text), a) for a in articles)
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
    """Records of ``batch``, in order: runs of articles parsed together, long ones (:func:`parse`) alone."""
    run: list[Article] = []
    for article in batch:
        if len(article.text) <= CHUNK_CHARS:
            run.append(article)
            continue
        yield from _together(nlp, run)
        run = []
        try:
            doc = parse(nlp, for_parser(article.text))
        except Exception as exc:  # noqa: BLE001 - reported with the article, never raised
            yield _unparsed(article, exc)
            continue
        yield records_of(doc, article)
    yield from _together(nlp, run)


def parse(nlp: Language, text: str, chunk_chars: int = CHUNK_CHARS) -> Doc:
    """``nlp(text)``, a long text parsed in blocks of whole paragraphs of at most ``chunk_chars``
    characters (a longer paragraph is cut at a line end or a space): the statistical components see
    one block at a time, the components of :data:`WHOLE_ARTICLE` the joined Doc.

    >>> nlp = spacy.blank("en")
    >>> doc = parse(nlp, "One two.\\n\\nThree four five.\\n\\nSix.", chunk_chars=12)
    >>> doc.text == "One two.\\n\\nThree four five.\\n\\nSix.", [t.text for t in doc][:4]
    (True, ['One', 'two', '.', '\\n\\n'])
    """
    if len(text) <= chunk_chars:
        return nlp(text)
    whole = [name for name in nlp.pipe_names if name in WHOLE_ARTICLE]
    with nlp.select_pipes(disable=whole):
        doc = Doc.from_docs(list(nlp.pipe(blocks(text, chunk_chars), batch_size=1)), ensure_whitespace=False)
    for name in whole:
        doc = nlp.get_pipe(name)(doc)
    return doc


def blocks(text: str, size: int) -> Iterator[str]:
    """``text`` cut into pieces of at most ``size`` characters after a blank line, else after a line
    end, else after a space (else at ``size``); the pieces joined are ``text``.

    >>> list(blocks("Aa bb.\\n\\nCc dd.\\nEe.", 9))
    ['Aa bb.\\n\\n', 'Cc dd.\\n', 'Ee.']
    """
    start = 0
    while len(text) - start > size:
        end = start + size
        for sep in ("\n\n", "\n", " "):
            if (cut := text.rfind(sep, start + 1, end)) > start:
                end = cut + len(sep)
                break
        yield text[start:end]
        start = end
    yield text[start:]


def _unparsed(article: Article, exc: Exception) -> ArticleRecords:
    reason = f"article {article.index} ({article.headline[:40]!r}) could not be parsed: {exc!r}"
    return ArticleRecords(article=article, problems=(
        Problem(article.source, reason, article.line, article.index, skipped=False),))


def _together(nlp: Language, batch: list[Article]) -> Iterator[ArticleRecords]:
    if not batch:
        return
    try:
        docs = list(nlp.pipe(((for_parser(a.text), a) for a in batch), as_tuples=True,
                             batch_size=len(batch) or 1))
    except Exception:  # noqa: BLE001 - find the culprit article by article
        docs = None
    if docs is not None:
        for doc, article in docs:
            yield records_of(doc, article)
        return
    for article in batch:
        try:
            doc = nlp(for_parser(article.text))
        except Exception as exc:  # noqa: BLE001 - reported with the article, never raised
            yield _unparsed(article, exc)
            continue
        yield records_of(doc, article)
