"""Bad inputs through the real ``newsgraph build`` command (click's CliRunner, in process).

Every file of ``tests/data/bad/`` (project-written) is built beside a good
article: the build never shows a traceback, says what is wrong with the file in
one line (file, line, reason), still builds every good article, counts built and
skipped articles in its closing summary, and ``--strict`` exits 1 exactly when a
problem was reported.  Very large inputs are generated at test time.
The spaCy pipeline is loaded once (the runner keeps it per process).
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef

from newsgraph.queries.cli import main

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"
GOOD = DATA / "digest_single_article.txt"
GOOD_HEADLINE = "Hospital adds night clinic for children"
NG = Namespace("https://w3id.org/newsgraph/ontology#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
MESSAGE = re.compile(r"^  (skipped|warning): (.+?)(?::(\d+))?: (.*)$")
WORDS = ("the", "council", "said", "on", "monday", "that", "talks", "with", "union", "over", "wages", "would",
         "resume", "next", "week", "in", "capital", "after", "a", "long", "dispute", "about", "pensions")


def run_build(out: Path, *inputs, strict: bool = True, options: tuple = ()):
    """(exit code, output lines) of ``newsgraph build``; asserts that no exception escaped."""
    args = ["build", *map(str, inputs), "-o", str(out), "-j", "1", "--no-progress", *options]
    result = CliRunner().invoke(main, args + (["--strict"] if strict else []))
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output.splitlines()


def messages(lines: list[str], source: Path) -> list[tuple[str, int | None, str]]:
    """(skipped|warning, line, reason) of every summary message about ``source``."""
    found = []
    for line in lines:
        m = MESSAGE.match(line)
        if m and m.group(2) == str(source):
            found.append((m.group(1), int(m.group(3)) if m.group(3) else None, m.group(4)))
    return found


def headlines(out: Path) -> list[str]:
    """Headlines of the articles in OUT/graph.ttl, sorted ('' for an article without one)."""
    g = Graph().parse(out / "graph.ttl")
    return sorted(str(g.value(a, SCHEMA.headline) or "") for a in g.subjects(RDF_TYPE, NG.Article))


def summary_counts(lines: list[str]) -> tuple[int, int, int]:
    """(articles built, problems, skipped) from the closing summary."""
    articles = next(int(ln.split()[1]) for ln in lines if ln.startswith("articles: "))
    m = next(re.match(r"warnings: (\d+) \((\d+) skipped\)", ln) for ln in lines if ln.startswith("warnings:"))
    return articles, int(m.group(1)), int(m.group(2))


CASES = {
    "empty.txt": ([], [("skipped", None, "empty file")]),
    "whitespace.txt": ([], [("skipped", None, "file holds only whitespace")]),
    "image.txt": ([], [("skipped", None, "binary file, not text (PNG)")]),
    "utf16_bom.txt": (["Ferry line to island reopens"], []),
    "cp1252.txt": (["Caf\u00e9 owners protest new rent rules"],
                   [("warning", None, "not UTF-8; read as cp1252")]),
    "mixed_newlines.txt": (["Rail strike called off in Porto"], []),
    "no_headline.txt": ([""], [("warning", 1, "no headline recognised")]),
    "page.txt": ([], [("skipped", None, "HTML page saved as text")]),
    "open_quote.txt": (["Mayor promises new library"],
                       [("warning", 5, "article 0: quotation mark opened here is never closed")]),
    "controls.txt": (["Storm closes schools in Bilbao"], [("warning", 5, "4 control characters")]),
    "feed.jsonl": (["", "Bridge vote delayed in Ghent", "Museum opens new wing"], [
        ("skipped", 2, "line is not valid JSON (Unterminated string starting, column 34)"),
        ("skipped", 3, "line has no text"),
        ("warning", 4, "unreadable date 'sometime last spring, probably'"),
        ("warning", 5, "field 'date' is int, not text"), ("warning", 5, "field 'title' is list, not text"),
        ("warning", 5, "field 'author' is dict, not text"), ("warning", 5, "field 'id' is float, not text"),
        ("skipped", 6, "field 'text' is int, not text; line skipped")]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_beside_a_good_one(name, tmp_path):
    built, expected = CASES[name]
    code, lines = run_build(tmp_path / "out", BAD / name, GOOD)
    got = messages(lines, BAD / name)
    assert len(got) == len(expected), lines
    for (kind, line, reason), (want_kind, want_line, want) in zip(sorted(got), sorted(expected), strict=True):
        assert (kind, line) == (want_kind, want_line) and reason.startswith(want), lines
    assert headlines(tmp_path / "out") == sorted(built + [GOOD_HEADLINE])
    skipped = sum(kind == "skipped" for kind, _, _ in expected)
    assert summary_counts(lines) == (len(built) + 1, len(expected), skipped)
    assert code == (1 if expected else 0), lines


def test_same_article_in_two_files_is_one_article(tmp_path):
    one, two = BAD / "dup_one.txt", BAD / "dup_two.txt"
    story = one.read_text(encoding="utf-8")
    assert story in two.read_text(encoding="utf-8") and story != two.read_text(encoding="utf-8")
    code, lines = run_build(tmp_path / "single", two)  # the same articles, found once
    single = Graph().parse(tmp_path / "single" / "graph.ttl")
    code, lines = run_build(tmp_path / "both", one, two)
    assert code == 0 and summary_counts(lines) == (2, 0, 0), lines
    g = Graph().parse(tmp_path / "both" / "graph.ttl")
    [article] = g.subjects(SCHEMA.headline, Literal("Wind farm approved off the coast"))
    docs = set(g.objects(article, PROV.wasDerivedFrom))
    assert sorted(str(g.value(d, PROV.atLocation)) for d in docs) == [str(one), str(two)]
    spans = sorted((int(g.value(d, NG.articleIndex)), int(g.value(d, NG.sourceStart)))
                   for d in g.objects(article, PROV.qualifiedDerivation))
    assert spans == [(0, 0), (1, len(two.read_text(encoding="utf-8")) - len(story))]
    assert len(set(g.subjects(RDF_TYPE, NG.Event))) == len(set(single.subjects(RDF_TYPE, NG.Event)))
    events = [e for e in g.subjects(RDF_TYPE, NG.Event)]
    assert len({tuple(sorted(map(str, g.predicate_objects(e)))) for e in events}) == len(events)


def test_ten_megabyte_single_line(tmp_path):
    rng = random.Random(7)
    line = " ".join(rng.choice(WORDS) for _ in range(2_000_000))[:10_000_000]
    big = tmp_path / "one_line.txt"
    big.write_text(line, encoding="utf-8")
    code, lines = run_build(tmp_path / "out", big, GOOD)
    [(kind, no, reason)] = messages(lines, big)
    assert kind == "skipped" and no == 1
    assert re.match(r"article 0 \(no headline\) is 99999\d\d characters long, over the limit of \d+", reason)
    assert headlines(tmp_path / "out") == [GOOD_HEADLINE] and code == 1
    code, lines = run_build(tmp_path / "out2", big, GOOD, options=("--max-file-size", "1000000"))
    assert messages(lines, big) == [("skipped", None, "file is larger than the limit of 1000000 bytes; "
                                     "skipped")]


def test_article_over_spacy_max_length_is_skipped_not_a_crash(tmp_path):
    text = "Very long report\n\nMarch 20 2023\n\n" + ("The council met. " * 70_000) + "\n"
    big = tmp_path / "long.txt"
    big.write_text(text, encoding="utf-8")
    code, lines = run_build(tmp_path / "out", big, GOOD, options=("--max-article-chars", "5000000"))
    [(kind, no, reason)] = messages(lines, big)
    assert kind == "skipped" and no == 1 and "over the limit of 1000000 (spaCy's nlp.max_length)" in reason
    assert headlines(tmp_path / "out") == [GOOD_HEADLINE] and code == 1


def test_hundred_thousand_word_article_builds_under_default_limit(tmp_path):
    rng = random.Random(3)
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(100)).capitalize() + "." for _ in range(1000)]
    big = tmp_path / "long_article.txt"
    big.write_text("Council debates a very long report\n\nMarch 20 2023\n\n" + "\n\n".join(paragraphs) + "\n",
                   encoding="utf-8")
    assert sum(len(p.split()) for p in paragraphs) == 100_000
    code, lines = run_build(tmp_path / "out", big)
    assert code == 0 and messages(lines, big) == [], lines
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    [article] = g.subjects(SCHEMA.headline, Literal("Council debates a very long report"))
    assert len(str(g.value(article, SCHEMA.articleBody))) > 500_000


def test_whole_folder_of_bad_files(tmp_path):
    """One build over every bad file: nothing dies, every good article is built, every problem said."""
    code, lines = run_build(tmp_path / "out", BAD, GOOD)
    expected = [(name, m) for name, (_, ms) in sorted(CASES.items()) for m in ms]
    for name, (kind, line, reason) in expected:
        got = messages(lines, BAD / name)
        assert any(k == kind and n == line and r.startswith(reason) for k, n, r in got), (name, got)
    built = sorted([h for b, _ in CASES.values() for h in b]
                   + [GOOD_HEADLINE, "Wind farm approved off the coast", "Harbour fees to rise in Gdansk"])
    assert headlines(tmp_path / "out") == built
    skipped = sum(kind == "skipped" for _, (kind, _, _) in expected)
    assert summary_counts(lines) == (len(built), len(expected), skipped)
    assert code == 1
