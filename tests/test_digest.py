"""Digest splitting (extract/digest.py, extract/metalines.py)."""
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.read import metalines as ml
from newsgraph.extract.read.digest import lines_of, split_digest

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "caucasus-digest-2023-03-23.txt"
GOLD = SHARED / "eval" / "gold" / "caucasus-digest-2023-03-23.json"
needs_shared = pytest.mark.skipif(not CORPUS.exists() or not GOLD.exists(),
                                  reason="../shared (corpus and gold) is not beside this checkout")


def split(name: str):
    text = (DATA / name).read_text(encoding="utf-8")
    return text, *split_digest(text, source=name, sha256="0" * 64)


def assert_offsets(text, articles):
    for a in articles:
        assert text[a.body_start:a.body_start + len(a.body)] == a.body
        assert a.start <= a.body_start < a.body_start + len(a.body) <= a.end <= len(text)
        if a.headline:
            assert text[a.start:a.start + len(a.headline)] == a.headline
            assert text.split("\n")[a.line - 1].strip() == a.headline
    assert [a.index for a in articles] == list(range(len(articles)))
    assert all(x.end <= y.start for x, y in zip(articles, articles[1:], strict=False))


# --- the shared real digest against the gold --------------------------------------------------

@pytest.fixture(scope="module")
def shared_split():
    text = CORPUS.read_text(encoding="utf-8")
    articles, problems = split_digest(text, source=str(CORPUS))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    return text, articles, problems, gold


@needs_shared
def test_shared_headlines_exact(shared_split):
    text, articles, problems, gold = shared_split
    assert [a.headline for a in articles] == [g["headline"] for g in gold]
    assert problems == []
    assert_offsets(text, articles)


@needs_shared
def test_shared_dates_urls_authors(shared_split):
    _, articles, _, gold = shared_split
    assert [a.date[:10] for a in articles] == [g["date"] for g in gold]
    assert [a.url for a in articles] == [g["url"] for g in gold]
    assert [a.author for a in articles] == [g["author"] for g in gold]
    assert articles[0].date == "2023-03-22T19:20:00"  # time kept when printed


@needs_shared
def test_shared_outlets_and_datelines(shared_split):
    _, articles, _, gold = shared_split
    assert [a.outlet for a in articles] == [
        "ARMENPRESS", "ARMENPRESS", "Neos Kosmos – The Hellenic Perspective", "globeecho.com",
        "eureporter", "UrduPoint News", None, "Asharq Al-Awsat", "ARMENPRESS", "ARMENPRESS"]
    for a, g in zip(articles, gold, strict=True):
        want = g["dateline"] if isinstance(g["dateline"], list) else [g["dateline"]] if g["dateline"] else []
        assert [d.casefold() for d in a.datelines] == [d.casefold() for d in want], a.headline
    assert articles[2].country_line == "Australia"
    assert "FahadShabbir" not in (articles[5].author or "")


@needs_shared
def test_shared_bodies_exclude_metadata(shared_split):
    _, articles, _, _ = shared_split
    for a in articles:
        first = a.body.split("\n", 1)[0]
        assert first not in ("Save", "Share") and not first.strip().startswith("(@")
        assert not a.body.rstrip().endswith(".html") and "https://" not in a.body.splitlines()[-1]
    assert articles[0].body.startswith("YEREVAN, MARCH 22, ARMENPRESS.")  # dateline kept in the body


@needs_shared
def test_shared_crlf_same_result(shared_split):
    text, articles, _, _ = shared_split
    crlf = text.replace("\n", "\r\n")
    got, problems = split_digest(crlf, source="crlf.txt")
    assert problems == []
    assert [(a.headline, a.date, a.outlet, a.url, a.datelines) for a in got] == \
        [(a.headline, a.date, a.outlet, a.url, a.datelines) for a in articles]
    assert_offsets(crlf, got)
    assert all("\r" not in a.headline for a in got)


# --- project-written layouts ------------------------------------------------------------------

@pytest.fixture(scope="module")
def layouts():
    return split("digest_layouts.txt")


def test_layouts_split(layouts):
    text, articles, problems = layouts
    assert problems == []
    assert len(articles) == 10
    assert_offsets(text, articles)
    assert articles[1].headline == "Coastal towns brace for “record” spring floods"
    assert articles[4].headline == "Ministry Receives Ten Buses From Donor – Tbilisi"


def test_agency_comma_dateline(layouts):
    a = layouts[1][0]
    assert (a.date, a.outlet, a.datelines) == ("2023-04-04T10:15:00", "GEOPRESS", ("TBILISI",))
    assert a.body.startswith("TBILISI, APRIL 4, GEOPRESS.")


def test_outlet_then_country_line(layouts):
    a = layouts[1][1]
    assert (a.outlet, a.country_line, a.datelines, a.date) == (
        "Harbour Gazette – The Coastal Voice", "Canada", (), "2023-04-04")
    assert a.body.startswith("Emergency crews")


def test_url_closes_article_and_gives_domain(layouts):
    a = layouts[1][2]
    assert a.url == "https://www.example-news.com/politics/energy-bill-debate/"
    assert a.outlet == "example-news.com"
    assert "https://" not in a.body


def test_lone_outlet_line_and_writes_byline(layouts):
    a = layouts[1][3]
    assert (a.outlet, a.author, a.date) == ("dailyledger", "Maria Lopez", "2023-04-05")


def test_handle_dropped_and_paren_agency(layouts):
    a = layouts[1][4]
    assert (a.outlet, a.datelines, a.author) == ("Ukrinform", ("KYIV",), None)
    assert a.body.startswith("KYIV (Ukrinform")
    assert "@SomeHandle" not in a.body


def test_place_outlet_line_and_subheads(layouts):
    a = layouts[1][5]
    assert (a.outlet, a.datelines, a.date) == ("Gulf Courier", ("Ankara", "Tbilisi", "Baku"),
                                               "2023-04-05T08:30:00")
    assert "– Talks planned" in a.body and a.body.endswith("declined to comment.")


@pytest.mark.parametrize("i, outlet, dateline, author, date", [
    (6, "Reuters", "LONDON", "Jane Doe", "2023-04-06"),
    (7, "AFP", "PARIS", None, "2023-04-06"),
    (8, "TASS", "MOSCOW", None, "2023-04-07"),
])
def test_wire_datelines(layouts, i, outlet, dateline, author, date):
    a = layouts[1][i]
    assert (a.outlet, a.datelines, a.author, a.date) == (outlet, (dateline,), author, date)


def test_headline_without_date_after_url(layouts):
    a = layouts[1][9]
    assert a.headline == "Storm knocks out power to thousands"
    assert a.date is None and a.body.startswith("A spring storm")
    assert layouts[1][8].url == "https://tass.example.com/culture/123"


def test_digest_without_dates():
    text, articles, problems = split("digest_nodates.txt")
    assert problems == []
    assert [a.headline for a in articles] == [
        "River ferry service resumes after repairs", "New library opens in old post office",
        "Volunteers plant trees along the highway"]
    assert_offsets(text, articles)


def test_single_article_files():
    text, [a], problems = split("digest_single_article.txt")
    assert (a.headline, a.line, problems) == ("Hospital adds night clinic for children", 1, [])
    assert_offsets(text, [a])
    text, [b], problems = split("digest_single_noheadline.txt")
    assert b.headline == "" and b.body == text.strip() and b.line == 1 and problems == []
    assert_offsets(text, [b])


def test_no_article_is_one_problem():
    articles, problems = split_digest("Save\n\nShare\n\nhttps://example.com/x\n", source="chrome.txt")
    assert articles == [] and len(problems) == 1 and "chrome.txt" in problems[0].reason


def test_text_before_first_headline_is_reported():
    text = ("Weekly digest\nIssue 12\n\nBridge talks resume\n\nMarch 3 2023\n\n"
            "Envoys met again in the capital on Friday.\n")
    articles, problems = split_digest(text, source="d.txt")
    assert [a.headline for a in articles] == ["Bridge talks resume"]
    assert len(problems) == 1 and problems[0].line == 1 and problems[0].skipped


def test_headline_followed_directly_by_date_and_byline():
    text = ("Rail strike called off\nMarch 5, 2023\nBy John Smith\n\n"
            "Unions cancelled the strike late on Sunday.\n")
    [a], problems = split_digest(text)
    assert (a.headline, a.date, a.author, a.body) == (
        "Rail strike called off", "2023-03-05", "John Smith", "Unions cancelled the strike late on Sunday.")


def test_nbsp_and_curly_quotes_kept():
    text = "Leaders meet in “frank” talks\n\nMarch 5 2023\n\nThe two\u00a0leaders met on Sunday.\n"
    [a], _ = split_digest(text)
    assert a.headline == "Leaders meet in “frank” talks" and "\u00a0" in a.body


def test_lines_of_offsets_crlf():
    text = "A b\r\n\r\nC d\n"
    assert [(ln.start, ln.end) for ln in lines_of(text)] == [(0, 3), (5, 5), (7, 10), (11, 11)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "Talks resume in Vienna", "", "", "Share", "March 3 2023", " 10:15, 4 April 2023",
    "VIENNA (Reuters) - Envoys met again on Friday.", "A second paragraph follows here.",
    "https://www.example.com/a", "(@Handle)", "By Jane Doe", "Canada – April 4 2023", "\r", "–  x",
    "Baku, Tbilisi – Gulf Courier", "x\x07y", "“Quoted line without period”", "   "]), max_size=30))
def test_never_raises_and_offsets_hold(parts):
    text = "\n".join(parts)
    articles, problems = split_digest(text, source="h.txt")
    assert articles or problems
    for a in articles:
        assert text[a.body_start:a.body_start + len(a.body)] == a.body
        assert a.body.strip()


def test_variants():
    text, articles, problems = split("digest_variants.txt")
    assert_offsets(text, articles)
    assert [p.line for p in problems] == [1]  # the digest's own title lines are reported
    a, b, c, d = articles
    assert a.headline == "1. Azerbaijan and Georgia sign water deal"
    assert (a.outlet, a.author, a.datelines, a.date) == ("Reuters", "Lena Ortiz", ("BAKU",), "2023-03-24")
    assert "Background" in a.body  # a subhead stays in its article
    assert (b.outlet, b.country_line) == ("Tert.am", "Armenia")
    assert (c.outlet, c.date, c.datelines) == ("Asbarez.com", "2023-03-25", ())
    assert "* * *" not in c.body and not text[c.start:c.end].endswith("* * *")
    assert (d.outlet, d.date) == ("Harbour Gazette", "2023-03-26")


@pytest.mark.parametrize("text", ["Hello world\n", "", "\n\n  \n", "Share\n", "https://example.com/a\n"])
def test_nothing_to_read_gives_one_problem(text):
    articles, problems = split_digest(text, source="tiny.txt")
    assert articles == [] and len(problems) == 1 and "tiny.txt" in problems[0].reason


def test_headline_without_body_between_articles():
    text = ("Talks resume\n\nMarch 3 2023\n\nEnvoys met on Friday.\n\n"
            "Empty story here\n\nMarch 4 2023\n\nShare\n\n"
            "Markets rally\n\nMarch 5 2023\n\nShares rose on Monday.\n")
    articles, problems = split_digest(text, source="d.txt")
    assert [a.headline for a in articles] == ["Talks resume", "Markets rally"]
    assert [(p.line, p.reason) for p in problems] == [(7, "headline 'Empty story here' has no article text")]
    assert_offsets(text, articles)


def test_lines_carry_kind_payload_and_headline_shape():
    text = "Talks resume in Vienna\n\nShare\n\nMarch 3 2023\n\nThe envoys met.\n\nShare\n"
    lines = [ln for ln in lines_of(text) if ln.kind != "blank"]
    assert [ln.headline for ln in lines] == [True, False, False, False, False]
    for ln in lines:
        assert (ln.kind, ln.payload) == ml.classify(ln.text)
        assert ln.headline == ml.headline_like(ln.text)
