"""Inputs that used to stop a build or lose data, through the real ``newsgraph build`` (a subprocess).

One build of a folder holding a file whose name is not UTF-8, a FIFO named like an input, a digest
with a look-alike Cyrillic letter inside a name, an impossible date line and ambiguous numeric date
lines, and a feed with the extreme ISO dates; a FIFO and a character device are given directly too.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef

EXE = str(Path(sys.executable).parent / "newsgraph")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
CYRILLIC_A = "\u0430"
GOOD = ("Harbour fees to rise in Gdansk\n\nMarch 3 2023\n\n"
        "GDANSK (Reuters) - The port authority said on Friday that harbour fees will rise in May.\n")
TALKS = ("Leaders meet in Brussels\n\n05/12/2026\n\n"
         "BRUSSELS, Dec 5 (Reuters) - Armenian Prime Minister Nikol Pashinyan met Azerbaijani President "
         "Ilham Aliyev in Brussels on Friday.\n\n"
         f"Later Pashiny{CYRILLIC_A}n criticised the delay of the peace treaty.\n\n"
         "https://news.example/2026/12/05/leaders-meet\n\n"
         "Ministers sign a water deal\n\n31 February 2023\n\nMarch 3 2023\n\n"
         "VIENNA (Reuters) - The two ministers signed a water deal in Vienna.\n")
GUESS = ("Council opens a new library\n\n04/06/2026\n\n"
         "The city council opened a new library in the old town on Monday.\n")
BY_FILE = ("Bridge reopens after repairs\n\n25/06/2026\n\n"
           "The river bridge reopened to traffic after two months of repairs.\n\n"
           "Market moves to the square\n\n03/07/2026\n\n"
           "The weekly farmers market moved to the main square.\n")
FEED = ('{"title": "Old charter found", "text": "Archivists in Krakow found an old charter.", '
        '"date": "0001-01-01"}\n'
        '{"title": "Time capsule sealed", "text": "The mayor of Lyon sealed a time capsule.", '
        '"date": "9999-12-31"}\n')


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(OUT, stdout lines, input folder) of one build; a FIFO would hang it: the timeout says so."""
    top = tmp_path_factory.mktemp("cases")
    folder = top / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as fh:
        fh.write(GOOD.encode("utf-8"))
    os.mkfifo(folder / "x.txt")
    os.mkfifo(top / "given.txt")
    (folder / "talks.txt").write_text(TALKS, encoding="utf-8")
    (folder / "guess.txt").write_text(GUESS, encoding="utf-8")
    (folder / "by_file.txt").write_text(BY_FILE, encoding="utf-8")
    (folder / "feed.jsonl").write_text(FEED, encoding="utf-8")
    out = top / "out"
    proc = subprocess.run([EXE, "build", str(folder), str(top / "given.txt"), "/dev/null", "-o", str(out),
                           "-j", "1", "--no-progress", "--date-order", "dmy"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return out, proc.stdout.splitlines(), folder


def warnings_of(lines: list[str], source: str) -> list[str]:
    return [ln.strip() for ln in lines if ln.strip().startswith(("warning: " + source, "skipped: " + source))]


def test_a_file_name_that_is_not_utf8_is_read_and_recorded_escaped(built):
    out, lines, folder = built
    name = f"{folder}/caf\\xe9.txt"
    g = Graph().parse(out / "graph.ttl")
    assert Literal(name) in set(g.objects(None, PROV.atLocation))
    assert Literal("Harbour fees to rise in Gdansk") in set(g.objects(None, SCHEMA.headline))
    assert json.dumps(name)[1:-1] in (out / "graph.jsonld").read_text(encoding="utf-8")
    assert "files: 5/8 read" in lines  # the folder's five files; the FIFO and /dev/null skipped


def test_special_files_are_skipped_with_a_reason(built):
    _, lines, folder = built
    [fifo] = warnings_of(lines, f"{folder}/x.txt")
    assert fifo.endswith("a FIFO (named pipe), not a regular file; skipped")
    [given] = [ln for ln in lines if "given.txt" in ln]
    assert "a FIFO (named pipe), not a regular file" in given
    [device] = warnings_of(lines, "/dev/null")
    assert "a character device, not a regular file" in device


def test_a_lookalike_letter_inside_a_name_joins_the_person_and_warns_once(built):
    out, lines, folder = built
    [warning] = [w for w in warnings_of(lines, f"{folder}/talks.txt") if "mixes" in w]
    assert f"'Pashiny{CYRILLIC_A}n' mixes Latin with Cyrillic or Greek letters (U+0430)" in warning
    assert warning.startswith(f"warning: {folder}/talks.txt:7:")
    persons = subprocess.run([EXE, "query", "actors", str(out), "--format", "csv"], capture_output=True,
                             text=True, check=True).stdout
    assert [row.split(",")[1] for row in persons.splitlines() if ",Person," in row] == \
        ["Ilham Aliyev", "Nikol Pashinyan"]
    events = subprocess.run([EXE, "query", "events-of", str(out), "-p", "actor=Pashinyan", "--format", "csv"],
                            capture_output=True, text=True, check=True).stdout
    assert "ACCUSE" in events and "CONSULT" in events


def test_any_valid_iso_date_is_kept_and_written(built):
    out, lines, folder = built
    assert warnings_of(lines, f"{folder}/feed.jsonl") == []
    g = Graph().parse(out / "graph.ttl")
    dates = {str(d) for d in g.objects(None, SCHEMA.datePublished)}
    assert {"0001-01-01", "9999-12-31"} <= dates
    assert Literal("9999-12-31", datatype=XSD_DATE) in set(g.objects(None, SCHEMA.datePublished))


def test_an_impossible_date_line_warns_with_its_line(built):
    _, lines, folder = built
    assert f"warning: {folder}/talks.txt:13: impossible date '31 February 2023': no such day; " \
        "the line was ignored" in [ln.strip() for ln in lines]


def published(out: Path) -> dict[str, str]:
    g = Graph().parse(out / "graph.ttl")
    return {str(h): str(g.value(a, SCHEMA.datePublished)) for a, h in g.subject_objects(SCHEMA.headline)}


def test_day_month_order_follows_the_article_then_the_file_then_the_option(built):
    out, lines, folder = built
    dates = published(out)
    assert dates["Leaders meet in Brussels"] == "2026-12-05"  # dateline "Dec 5" and URL /2026/12/05/
    assert not [w for w in warnings_of(lines, f"{folder}/talks.txt") if "ambiguous" in w]
    assert dates["Market moves to the square"] == "2026-07-03"  # like the file's 25/06/2026
    [by_file] = warnings_of(lines, f"{folder}/by_file.txt")
    assert "ambiguous date '03/07/2026' read as 2026-07-03 (day first, as the file's other numeric dates)" \
        in by_file
    assert dates["Council opens a new library"] == "2026-06-04"  # --date-order dmy
    [guess] = warnings_of(lines, f"{folder}/guess.txt")
    assert guess == (f"warning: {folder}/guess.txt:3: ambiguous date '04/06/2026' read as 2026-06-04 "
                     "(day first: --date-order dmy (no other date of the article tells))")


def test_date_order_option_is_checked(tmp_path):
    proc = subprocess.run([EXE, "build", str(tmp_path), "-o", str(tmp_path / "out"), "--date-order", "ymd"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "'ymd' is not one of 'mdy', 'dmy'" in proc.stderr
    assert "Traceback" not in proc.stderr
