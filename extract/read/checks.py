"""Checks of the articles a splitter found: too long to parse, a quotation mark never closed, no headline,
words that mix Latin with Cyrillic or Greek letters.

>>> a = Article(source="s", source_sha256="", index=0, start=0, end=9, headline="", body="x" * 9,
...             body_start=0)
>>> kept, problems = check_articles([a], "x" * 9, feed=False, max_chars=5)
>>> kept, [p.reason for p in problems]
([], ['article 0 (no headline) is 9 characters long, over the limit of 5 (--max-article-chars); skipped'])
"""
from __future__ import annotations

import re

from newsgraph.extract.lexicon.names import mixed_words, skeleton
from newsgraph.extract.read.limits import SPACY_MAX_LENGTH
from newsgraph.extract.records import Article, Problem

__all__ = ["check_articles", "too_long", "open_quote", "mixed_scripts"]

_QUOTE = re.compile('[\u201c\u201d"]')


def check_articles(articles: list[Article], text: str, *, feed: bool,
                   max_chars: int) -> tuple[list[Article], list[Problem]]:
    """The articles short enough to parse, and problems: too long, quote left open, no headline.

    ``feed``: the articles are records of a feed (:attr:`newsgraph.extract.read.formats.Format.feed`),
    else slices of ``text``.
    """
    kept, problems = [], []
    for a in articles:
        if (reason := too_long(a, max_chars)) is not None:
            problems.append(Problem(a.source, reason, a.line, a.index))
            continue
        kept.append(a)
        if (at := open_quote(a)) is None:
            continue
        where = a.line if feed else text.count("\n", 0, a.body_start + at) + 1
        what = "a quotation mark is never closed in the text field" if feed else \
            "quotation mark opened here is never closed"
        problems.append(Problem(a.source, f"article {a.index}: {what}", where, a.index, skipped=False))
    problems += mixed_scripts(kept, text, feed=feed)
    if not feed and len(articles) == len(kept) == 1 and not kept[0].headline:
        problems.append(Problem(kept[0].source, "no headline recognised; the whole text was read as one "
                                "article without a headline", kept[0].line, 0, skipped=False))
    return kept, problems


def mixed_scripts(articles: list[Article], text: str, *, feed: bool) -> list[Problem]:
    """One warning per word of a file that mixes Latin with Cyrillic or Greek letters (a look-alike
    letter inside a name): names are matched by their Latin look-alikes
    (:func:`newsgraph.extract.lexicon.names.skeleton`), labels keep the word as written.

    >>> a = Article(source="s", source_sha256="", index=0, start=0, end=9, headline="",
    ...             body="Pashiny\u0430n met Pashiny\u0430n.", body_start=0)
    >>> [p.reason for p in mixed_scripts([a], a.body, feed=False)]  # doctest: +NORMALIZE_WHITESPACE
    ["article 0: 'Pashinyаn' mixes Latin with Cyrillic or Greek letters (U+0430); matched as 'Pashinyan'"]
    """
    seen, problems = set(), []
    for a in articles:
        for word in mixed_words(a.headline + "\n" + a.body):
            if word in seen:
                continue
            seen.add(word)
            latin = skeleton(word)
            odd = ", ".join(sorted({f"U+{ord(c):04X}" for c, s in zip(word, latin, strict=True) if c != s}))
            at = a.body.find(word)
            line = a.line if feed or at < 0 else text.count("\n", 0, a.body_start + at) + 1
            reason = f"article {a.index}: {word!r} mixes Latin with Cyrillic or Greek letters ({odd}); " \
                f"matched as {latin!r}"
            problems.append(Problem(a.source, reason, line, a.index, skipped=False))
    return problems


def too_long(article: Article, max_chars: int) -> str | None:
    """Why ``article`` is too long to parse, or None.

    >>> a = Article(source="s", source_sha256="", index=0, start=0, end=9, headline="", body="x" * 9,
    ...             body_start=0)
    >>> too_long(a, 5)
    'article 0 (no headline) is 9 characters long, over the limit of 5 (--max-article-chars); skipped'
    """
    size = len(article.text)
    if size <= min(max_chars, SPACY_MAX_LENGTH):
        return None
    name = repr(article.headline[:50]) if article.headline else "no headline"
    limit = (f"{max_chars} (--max-article-chars)" if max_chars <= SPACY_MAX_LENGTH
             else f"{SPACY_MAX_LENGTH} (spaCy's nlp.max_length)")
    return f"article {article.index} ({name}) is {size} characters long, over the limit of {limit}; skipped"


def open_quote(article: Article) -> int | None:
    """Offset in the body of a double quotation mark that is never closed, or None.

    Straight quotes alternate open/close (and close a curly opener: mixed styles
    are common); a quote running over several paragraphs reopens each one
    (typographic rule), so only a quote still open at the end of the article counts.

    >>> a = Article(source="s", source_sha256="", index=0, start=0, end=9, headline="",
    ...             body="He said: \u201cWe go.\\n\\n\u201cNow.\u201d Then \u201cnever", body_start=0)
    >>> open_quote(a), open_quote(Article(**{**a.__dict__, "body": 'Said "yes" and \u201cno".'}))
    (30, None)
    """
    body, opened = article.body, None
    for m in _QUOTE.finditer(body):
        i, c = m.start(), m.group()
        if c == "\u201c" or (c == '"' and opened is None):
            if opened is None or body.rfind("\n\n", opened, i) >= 0:
                opened = i
        else:
            opened = None
    return opened
