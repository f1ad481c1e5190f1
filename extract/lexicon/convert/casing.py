"""Proper case for the upper-case names of the field's dictionaries ("REVOLUTIONARY_ARMED_FORCES").

Acronyms stay upper case: a word without vowels, the initials of another name of the same
record, a short word on its own, one with digits or dots, or an odd cluster ("CDF", "AIAI").

>>> display(["REVOLUTIONARY", "ARMED", "FORCES", "OF", "COLOMBIA"])
'Revolutionary Armed Forces of Colombia'
>>> display(["U.N.", "SECURITY", "COUNCIL"]), display(["AL-SHABAAB"]), display(["MCDONALD'S"])
('U.N. Security Council', 'Al-Shabaab', "McDonald's")
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS


def word_set(words: str) -> frozenset[str]:
    """The set of the blank-separated words of ``words``."""
    return frozenset(words.split())


#: Words kept lower-case inside a display name.
SMALL = word_set("of the and for in on at to a an by with from de la del des du le les el y et di da "
             "al ul e i bin ibn")
#: Short words that are words, not acronyms, in an upper-case dictionary.
SHORT_WORDS = word_set("red god war new oil gas aid art air sea law man men day sun one two six ten bay key "
                   "way car arm act age end far fox gap hub ice job kid lab map net pay pro run sky tea "
                   "top toy van web win old big sri abu ali umar")
def _acronym(word: str, initials: set[str], alone: bool) -> bool:
    """An upper-case dictionary word that is an acronym: one without vowels, the initials of another
    form, a short one, one with digits or dots, an odd cluster ("CDF") or two leading vowels ("AIAI")."""
    letters = re.sub(r"[^A-Z]", "", word)
    low = word.lower()
    if word.startswith("("):
        return True
    if not letters or low in SMALL or low in SHORT_WORDS:
        return False
    short = len(letters) <= 3 if alone else len(letters) <= 2 and low not in STOP_WORDS
    odd = len(letters) <= 4 and bool(re.search(r"[^AEIOUY]{3}|^[AEIOU]{2}", letters))
    return (word in initials or short or odd or bool(re.search(r"[\d.]", word))
            or not re.search(r"[AEIOUY]", letters))


def _cap(part: str) -> str:
    if part.startswith("MC") and len(part) > 3:  # "MCDONALD'S"
        return "Mc" + _cap(part[2:])
    return part[:1].upper() + part[1:].lower()


def _word(w: str, first: bool, initials: set[str], alone: bool) -> str:
    if _acronym(w, initials, alone):
        return w
    if not first and w.lower() in SMALL:
        return w.lower()
    parts = re.split(r"([-/])", w)
    return "".join(p if p in "-/" else _cap(p) if i == 0 or p.lower() not in SMALL else p.lower()
                   for i, p in enumerate(parts))


def display(words: list[str], initials: set[str] = frozenset(), acronym: bool = False) -> str:
    """Proper-case display of upper-case dictionary ``words``; acronyms stay upper.

    >>> display(["KU", "KLUX", "KLAN"]), display(["AIAI"]), display(["ZAIN"]), display(["AL", "QAEDA"])
    ('KU Klux Klan', 'AIAI', 'Zain', 'Al Qaeda')
    """
    if acronym:
        return " ".join(words)
    alone = len(words) == 1
    return " ".join(_word(w, i == 0, initials, alone) for i, w in enumerate(words))
