"""Input formats found by suffix in one table (newsgraph.extract.read.formats)."""
from __future__ import annotations

import json

from newsgraph.extract.read import read_file, read_inputs
from newsgraph.extract.read.formats import FORMATS, JSONL, TEXT, Format, format_of, suffixes_named
from newsgraph.extract.records import Article, Problem

FEED_LINE = json.dumps({"title": "Ferry resumes", "text": "The ferry runs again."}) + "\n"


def _tab_split(text: str, *, source: str = "", sha256: str = "") -> tuple[list[Article], list[Problem]]:
    """A toy format: one article per line, headline TAB body."""
    articles, pos = [], 0
    for no, line in enumerate(text.split("\n"), 1):
        if "\t" in line:
            head, body = line.split("\t", 1)
            articles.append(Article(source=source, source_sha256=sha256, index=len(articles), start=pos,
                                    end=pos + len(line), headline=head, body=body, body_start=pos, line=no))
        pos += len(line) + 1
    return articles, []


def test_every_suffix_of_the_table_is_read_and_walked(tmp_path):
    for i, suffix in enumerate(FORMATS):
        (tmp_path / f"f{i}{suffix.upper()}").write_text(FEED_LINE if FORMATS[suffix] is JSONL
                                                       else "Ferry resumes\n\nThe ferry runs again.\n")
    (tmp_path / "notes.md").write_text("Ferry resumes\n\nThe ferry runs again.\n")
    results = list(read_inputs([str(tmp_path)]))
    assert [r.document.source for r in results] == [str(tmp_path / f"f{i}{s.upper()}")
                                                  for i, s in enumerate(FORMATS)]
    assert all(r.articles[0].headline == "Ferry resumes" for r in results)


def test_feed_content_in_a_text_file_is_read_as_a_feed(tmp_path):
    for name in ("feed.txt", "feed.md"):
        (tmp_path / name).write_text(FEED_LINE)
        r = read_file(str(tmp_path / name))
        assert r.articles[0].line == 1 and r.articles[0].headline == "Ferry resumes"
        assert [p.reason for p in r.problems] == ["JSON Lines content in a text file; read as JSONL"]
    (tmp_path / "feed.jsonl").write_text(FEED_LINE)
    assert read_file(str(tmp_path / "feed.jsonl")).problems == ()
    assert format_of("x.ndjson", "not json") == (JSONL, None)
    assert format_of("x.txt", "Talks resume\n\nEnvoys met.\n") == (TEXT, None)


def test_a_new_format_is_one_row(tmp_path, monkeypatch):
    monkeypatch.setitem(FORMATS, ".tsv", Format("TSV", _tab_split, feed=True))
    (tmp_path / "a.tsv").write_text("Ferry resumes\tThe ferry runs again.\nBridge shut\tIt is shut.\n")
    (tmp_path / "b.txt").write_text("Ferry resumes\n\nThe ferry runs again.\n")
    results = list(read_inputs([str(tmp_path)]))
    assert [len(r.articles) for r in results] == [2, 1]
    assert [a.headline for a in results[0].articles] == ["Ferry resumes", "Bridge shut"]
    assert suffixes_named() == ".txt, .jsonl or .tsv"
    empty = tmp_path / "empty"
    empty.mkdir()
    [r] = read_inputs([str(empty)])
    assert r.problems[0].reason == "directory holds no .txt, .jsonl or .tsv files"
