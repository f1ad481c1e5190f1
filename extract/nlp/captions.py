"""Photo captions' position marks, blanked for the parser: "Tom Varga, right, and Ana Rojas arrive for
their meeting", "Ali Khan (R) shakes hands with Ana Rojas".

Wire captions put the place of each person in the picture between commas or in brackets after the
name; the statistical parser reads ", right," as a clause of its own and loses the sentence's subject
and verb.  :func:`for_parser` replaces each mark by spaces of the same length, so every offset of the
text stays the same (records point into the article as written).

>>> for_parser("Tom Varga, right, and Ana Rojas arrive.")
'Tom Varga         and Ana Rojas arrive.'
>>> for_parser("Khan (R) greets Rojas (2nd L).")
'Khan     greets Rojas        .'
>>> for_parser("He turned, left, and ran.")   # a lower-case word before the mark: prose
'He turned, left, and ran.'
"""
from __future__ import annotations

import re

__all__ = ["for_parser"]

_PLACE = r"(?:(?:far|second|third|front|back|top|bottom|standing|seated)[ -])?(?:left|right|center|centre)" \
         r"(?:[ -](?:front|back|rear|top|bottom|row))?"
_AFTER_NAME = re.compile(r"\b([A-Z][\w.'\u2019-]*)(, " + _PLACE + r",)")          # "Varga, right, and"
_BRACKETED = re.compile(r"(?<=[\w.])( \((?:L|R|C|(?:2nd|3rd|far) [LR]|left|right|center|centre)\))")  # "(R)"


def for_parser(text: str) -> str:
    """``text`` with the position marks of photo captions replaced by spaces (see the module)."""
    text = _AFTER_NAME.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    return _BRACKETED.sub(lambda m: " " * len(m.group(1)), text)
