"""Tests for newsgraph.extract.lexicon.names (name normalisation)."""
from newsgraph.extract.lexicon.names import (
    clean,
    fold,
    is_shouting,
    norm,
    person_key,
    slug,
    strip_honorifics,
    surface,
)


def test_norm_matches_scorer_rules():
    assert norm("The Defence Ministry\u2019s") == "defence ministry"
    assert norm("Nagorno\u2013Karabakh") == norm("Nagorno-Karabakh")
    assert norm("") == norm(None) == ""


def test_surface_and_honorifics():
    assert surface("the Kremlin's") == "Kremlin"
    assert strip_honorifics("Prof. Dr. Jane Roe") == "Jane Roe"
    assert person_key("Dr. Jane Roe-Smith") == person_key("Jane Roe Smith")


def test_misc():
    assert slug("Office of the President") == "office-of-the-president"
    assert fold("Gorg\u0101n") == "gorgan"
    assert clean("a\u00a0 b") == "a b"
    assert is_shouting("TBILISI") and not is_shouting("Tbilisi")
