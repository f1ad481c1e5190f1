"""Relative and absolute date expressions resolved against the article date."""
from __future__ import annotations

import pytest

from newsgraph.extract.events.temporal import resolve_date

THU = "2023-03-23"  # a Thursday


@pytest.mark.parametrize("text, expected", [
    ("on Tuesday", ("2023-03-21", "day")),
    ("On Thursday", ("2023-03-23", "day")),          # the article's own weekday: the same day
    ("last Thursday", ("2023-03-16", "day")),
    ("yesterday", ("2023-03-22", "day")),
    ("today", ("2023-03-23", "day")),
    ("on March 5", ("2023-03-05", "day")),
    ("on 2 March", ("2023-03-02", "day")),
    ("On 11 July", ("2022-07-11", "day")),            # no year, later in the year: last year's
    ("November 10, 2020", ("2020-11-10", "day")),
    ("2 February this year", ("2023-02-02", "day")),
    ("last October", ("2022-10", "month")),
    ("in September", ("2022-09", "month")),
    ("in early March", ("2023-03", "month")),
    ("in February of this year", ("2023-02", "month")),
    ("since December 2022", ("2022-12", "month")),
    ("in the summer of 2022", ("2022-06", "season")),
    ("in the winter of 2022", ("2022", "year")),   # (a winter spans two years)
    ("in 2018", ("2018", "year")),
    ("2021-06-30", ("2021-06-30", "day")),
])
def test_resolves(text, expected):
    assert resolve_date(text, THU) == expected


@pytest.mark.parametrize("text", ["next week", "tomorrow", "next Monday", "this may be wrong", "", "soon"])
def test_future_or_unknown_gives_none(text):
    assert resolve_date(text, THU) is None


def test_relative_dates_need_an_article_date():
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("on 5 March 2021", None) == ("2021-03-05", "day")


def test_bad_input_never_raises():
    assert resolve_date(None, THU) is None  # type: ignore[arg-type]
    assert resolve_date("on Tuesday", "not a date") is None
    assert resolve_date("February 30, 2023", THU) is None


@pytest.mark.parametrize("text, expected", [
    ("last May", ("2022-05", "month")),               # a month after the article's: last year's
    ("this March", ("2023-03", "month")),
    ("tonight", ("2023-03-23", "day")),
    ("last night", ("2023-03-22", "day")),
    ("last Sunday", ("2023-03-19", "day")),
    ("on March 24", ("2022-03-24", "day")),           # the day after the article's, no year: last year's
    ("on March 23", ("2023-03-23", "day")),
    ("in the spring of this year", ("2023-03", "season")),
    ("March 2 this year", ("2023-03-02", "day")),
])
def test_days_months_and_seasons_counted_back(text, expected):
    assert resolve_date(text, THU) == expected


@pytest.mark.parametrize("text", ["next March", "on 30 February", "last May", "tonight", "this year"])
def test_nothing_to_count_back_from_without_an_article_date(text):
    assert resolve_date(text, None) is None
