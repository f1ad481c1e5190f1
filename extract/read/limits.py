"""How much the reader reads, and how: the largest file, the longest article, the order of an
ambiguous numeric date (:class:`ReadLimits`).

>>> ReadLimits()
ReadLimits(max_bytes=50000000, max_article_chars=1000000, date_order='mdy')
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ReadLimits", "SPACY_MAX_LENGTH", "DATE_ORDERS"]

#: The orders an ambiguous numeric date can be read in: month first, day first.
DATE_ORDERS = ("mdy", "dmy")

#: spaCy's default ``nlp.max_length``: longer texts make ``nlp()`` raise, so they are never passed on.
SPACY_MAX_LENGTH = 1_000_000


@dataclass(frozen=True)
class ReadLimits:
    """Files over ``max_bytes`` and articles whose headline plus body is over ``max_article_chars``
    characters (or over :data:`SPACY_MAX_LENGTH`, whichever is smaller) are skipped with a Problem.

    ``date_order`` ("mdy", month first, or "dmy") reads a numeric date line such as ``05/12/2026``
    when neither the article's other dates nor the file's other numeric dates tell the order
    (:mod:`newsgraph.extract.read.dateorder`); the reader then warns that it guessed.

    The defaults here are the only copy (``newsgraph build --max-file-size/--max-article-chars/
    --date-order`` show them): 100,000 words of news (~600k characters) fit in one article.
    """

    max_bytes: int = 50_000_000
    max_article_chars: int = SPACY_MAX_LENGTH
    date_order: str = "mdy"
