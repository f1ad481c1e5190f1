"""Name normalisation helpers for matching actor names.

``norm`` is the matching key (same rules as the evaluation scorer): case
folding, NFKC, curly -> straight quotes, dash unification, no possessive
"'s", no leading "the".  ``slug`` makes an identifier-safe form.

>>> norm("The Azerbaijani Defense Ministry's")
'azerbaijani defense ministry'
>>> norm("Dr O\\u2019Brien")
'dr o brien'
>>> slug("Ministry of Defense of Azerbaijan")
'ministry-of-defense-of-azerbaijan'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'",
                         "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-"})

#: Titles and honorifics dropped in front of a person's name.
_HONORIFIC_WORDS = """
dr dr. mr mr. mrs mrs. ms ms. miss prof prof. professor sir dame lord lady rev rev. fr fr. sheikh
president vice prime minister pm deputy foreign defense defence secretary senator sen sen. rep rep.
ambassador general gen gen. major colonel col col. lieutenant lt captain capt admiral marshal
chancellor king queen prince princess emir sultan ayatollah imam chairman chairwoman speaker
mayor governor gov commander chief director minister-president premier spokesman spokeswoman
mp mep judge justice associate assistant executive acting former late
"""
HONORIFICS = frozenset(_HONORIFIC_WORDS.split())


_SPACES = re.compile(r"\s+")
_POSSESSIVE_S = re.compile(r"'s\b")
_PUNCT = re.compile(r"[^\w\s-]")
_LEADING_THE = re.compile(r"^the ")


def clean(text: str | None) -> str:
    """Unify unicode forms, quotes, dashes and spaces, keeping case.

    >>> clean("Neos  Kosmos \\u2013 The\\u00a0Hellenic")
    'Neos Kosmos - The Hellenic'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES)
    return _SPACES.sub(" ", text).strip()


def norm(text: str | None) -> str:
    """Matching key of a name (lower case, no punctuation, no possessive, no leading "the").

    >>> norm("  U.S. ")
    'u s'
    >>> norm(None)
    ''
    """
    return _norm(text) if type(text) is str else _norm_uncached(text)


def _norm_uncached(text) -> str:
    text = clean(text).casefold()
    text = _POSSESSIVE_S.sub("", text)
    text = _PUNCT.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


_norm = lru_cache(maxsize=1 << 16)(_norm_uncached)


def fold(text: str | None) -> str:
    """:func:`norm` key with diacritics removed.

    >>> fold("Gorg\u0101n"), fold("\u0130zmir")
    ('gorgan', 'izmir')
    """
    if type(text) is str:
        # ASCII has no diacritics and is left alone by NFKD: its fold key is its norm key
        return _norm(text) if text.isascii() else _fold(text)
    return _fold_uncached(text)


def _fold_uncached(text) -> str:
    decomposed = unicodedata.normalize("NFKD", clean(text).replace("\u0131", "i"))
    return _norm("".join(c for c in decomposed if not unicodedata.combining(c)))


_fold = lru_cache(maxsize=1 << 16)(_fold_uncached)


def slug(text: str | None) -> str:
    """Lower-case ASCII identifier form: words joined by "-".

    >>> slug("Nagorno-Karabakh region")
    'nagorno-karabakh-region'
    >>> slug("Dr. Melanie O\\u2019Brien")
    'dr-melanie-o-brien'
    """
    text = unicodedata.normalize("NFKD", clean(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def strip_possessive(text: str) -> str:
    """Drop a trailing possessive "'s" / "'" (curly or straight).

    >>> strip_possessive("Baku\\u2019s")
    'Baku'
    >>> strip_possessive("Reuters'")
    'Reuters'
    """
    return re.sub(r"\s*['\u2019](s|S)?$", "", text.strip())


def strip_the(text: str) -> str:
    """Drop a leading article "the".

    >>> strip_the("the United States")
    'United States'
    """
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())


def strip_honorifics(text: str) -> str:
    """Drop leading titles/honorifics from a person's name (keeps at least one word).

    >>> strip_honorifics("Associate Professor Dr Melanie O'Brien")
    "Melanie O'Brien"
    >>> strip_honorifics("Dr. O'Brien")
    "O'Brien"
    >>> strip_honorifics("President")
    'President'
    """
    words = text.split()
    while len(words) > 1 and words[0].casefold() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def surface(text: str) -> str:
    """The display form of a mention: possessive and leading "the" removed, spaces unified.

    >>> surface("the Azerbaijani Defense Ministry\\u2019s")
    'Azerbaijani Defense Ministry'
    """
    return strip_the(strip_possessive(re.sub(r"\s+", " ", text.strip())))


def person_key(text: str) -> str:
    """Key comparing person names: honorifics dropped, hyphens as spaces.

    >>> person_key("Dr. Ali Bagheri-Kani") == person_key("Ali Bagheri Kani")
    True
    """
    return norm(strip_honorifics(surface(clean(text)))).replace("-", " ")


def is_shouting(text: str) -> bool:
    """True when all letters are capitals (dateline or agency style "YEREVAN").

    >>> is_shouting("YEREVAN"), is_shouting("U.S."), is_shouting("Yerevan")
    (True, False, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 2 and all(c.isupper() for c in letters)
