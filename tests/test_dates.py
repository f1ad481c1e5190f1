"""Date lines and ISO dates (extract/dates.py)."""
import pytest

from newsgraph.extract.read.dateorder import choose, evidence, file_order
from newsgraph.extract.read.dates import impossible_date, parse_date, parse_iso


@pytest.mark.parametrize("line, iso", [
    ("March 23 2023", "2023-03-23"),
    ("March 23, 2023", "2023-03-23"),
    (" 19:20, 22 March 2023", "2023-03-22T19:20:00"),
    ("Thursday, 23 March, 2023 – 09:00", "2023-03-23T09:00:00"),
    ("23.03.2023", "2023-03-23"),
    ("2023-03-23", "2023-03-23"),
    ("Mar. 23, 2023", "2023-03-23"),
    ("23rd March, 2023", "2023-03-23"),
    ("Sept 4 2022", "2022-09-04"),
    ("Published: Monday, 3 April 2023, 9:15 pm GMT", "2023-04-03T21:15:00"),
    ("Updated 10:05 a.m. EST, March 3, 2023", "2023-03-03T10:05:00"),
    ("Posted on March 3, 2023 at 12:30 am", "2023-03-03T00:30:00"),
    ("13/04/2023", "2023-04-13"),
    ("04/13/2023", "2023-04-13"),
    ("2023/04/05", "2023-04-05"),
    ("2023-03-23T09:00:00", "2023-03-23T09:00:00"),
    ("  March 23 2023  ", "2023-03-23"),
])
def test_date_lines(line, iso):
    assert parse_date(line) == iso


@pytest.mark.parametrize("line", [
    "", "   ", "2023", "March 2023", "12:22", "Save", "YEREVAN, MARCH 22",
    "Australia – March 23 2023",  # a country-date line: handled by the digest splitter
    "The talks ended on March 23 2023.", "On 2 March 2023", "31 February 2023", "32.01.2023",
    "March 23 1850", "25:61, 3 March 2023", "Room 12.30 booked", "1 of 2",
])
def test_not_date_lines(line):
    assert parse_date(line) is None


def test_non_string_is_none():
    assert parse_date(None) is None  # type: ignore[arg-type]
    assert parse_iso(20230323) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("value, iso", [
    ("2023-03-23", "2023-03-23"),
    ("2023-03-23 09:00:00", "2023-03-23T09:00:00"),
    ("2023-03-23T09:00", "2023-03-23T09:00:00"),
    ("2023-03-23T09:00:00.250Z", "2023-03-23T09:00:00Z"),
    ("2023-03-23T09:00:00+0400", "2023-03-23T09:00:00+04:00"),
    ("2023-03-23T09:00:00-05:00", "2023-03-23T09:00:00-05:00"),
    ("2023-13-01", None), ("yesterday", None), ("", None),
])
def test_parse_iso(value, iso):
    assert parse_iso(value) == iso


def test_a_date_line_needs_four_digits_in_a_row():
    assert parse_date("March 23") is None and parse_date("3/4/23") is None
    assert parse_date("23.03.2023") == parse_date(" 23.03.2023 |") == "2023-03-23"  # cached alike


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1600-02-29", "2400-02-29T23:59:59Z"])
def test_any_valid_iso_date_is_read(value):
    assert parse_iso(value) == value


@pytest.mark.parametrize("value", ["0000-01-01", "1900-02-29", "2023-13-01", "2023-02-30"])
def test_impossible_iso_dates_are_not(value):
    assert parse_iso(value) is None


def test_impossible_date_lines_are_told_apart_from_other_lines():
    assert impossible_date("31 February 2023") and impossible_date("Published: April 31, 2023, 9:15")
    assert not impossible_date("28 February 2023") and not impossible_date("The talks ended in 2023.")
    assert parse_date("31 February 2023") is None


def test_numeric_date_order():
    assert parse_date("05/12/2026") == "2026-05-12" and parse_date("05/12/2026", "dmy") == "2026-12-05"
    assert parse_date("25/12/2026", "mdy") == parse_date("25/12/2026", "dmy") == "2026-12-25"
    assert parse_date("12/25/2026", "dmy") == "2026-12-25"
    assert parse_date("05.12.2026", "mdy") == "2026-12-05"  # a dot date is day first


def test_date_order_evidence():
    days = evidence("https://x.example/news/2026/12/05/talks", "BRUSSELS, Dec 5 (Reuters) - Talks.", [])
    assert choose("2026-05-12", "2026-12-05", days, "mdy", "mdy") == ("2026-12-05", None)
    assert choose("2026-05-12", "2026-12-05", set(), "dmy", "mdy")[0] == "2026-12-05"
    iso, why = choose("2026-05-12", "2026-12-05", {(5, 12), (12, 5)}, None, "mdy")
    assert iso == "2026-05-12" and "the article's other dates disagree" in why
    assert file_order(["25/12/2026", "03/04/2026", "14/01/2026", "1/13/2026"]) == "dmy"
    assert file_order(["25/12/2026", "1/13/2026"]) is None
