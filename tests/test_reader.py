"""Reading input files (newsgraph.extract.read: the reader, digests and JSON Lines feeds)."""
import hashlib
import json
import os
from pathlib import Path

import pytest

from newsgraph.extract.read import ReadLimits, ReadResult, decode, read_file, read_inputs

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "caucasus-digest-2023-03-23.txt"
HEADLINE = "Bridge reopens after “urgent” repairs – city says"


def reasons(result: ReadResult) -> list[str]:
    return [p.reason for p in result.problems]


def assert_slices(path: Path, result: ReadResult):
    text, _ = decode(path.read_bytes())
    for a in result.articles:
        assert text[a.body_start:a.body_start + len(a.body)] == a.body


# --- encodings --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, encoding", [
    ("enc_utf8_bom.txt", "utf-8-sig"),
    ("enc_utf16le_bom.txt", "utf-16"),
    ("enc_utf16be_bom.txt", "utf-16"),
    ("enc_cp1252.txt", "cp1252"),  # also CRLF line ends
    ("enc_latin1_fallback.txt", "cp1252"),
])
def test_encodings_read_same_article(name, encoding):
    path = DATA / name
    r = read_file(str(path))
    assert r.document.encoding == encoding
    [a] = r.articles
    assert a.headline == HEADLINE and a.date == "2023-03-03"
    assert "café" in a.body and "city’s" in a.body
    assert_slices(path, r)


def test_latin1_fallback_is_reported_not_silent():
    r = read_file(str(DATA / "enc_latin1_fallback.txt"))
    assert any("0x81" in p.reason and not p.skipped for p in r.problems)
    assert "old\x81" in r.articles[0].body


def test_utf16_without_bom(tmp_path):
    story = (DATA / "digest_single_article.txt").read_text(encoding="utf-8")
    for enc in ("utf-16-le", "utf-16-be"):
        p = tmp_path / f"x-{enc}.txt"
        p.write_bytes(story.encode(enc))
        r = read_file(str(p))
        assert r.document.encoding == enc
        assert r.articles[0].headline == "Hospital adds night clinic for children"


def test_decode_prefers_strict_utf8():
    assert decode("naïve – “x”".encode()) == ("naïve – “x”", "utf-8")
    assert decode("naïve".encode("latin-1")) == ("naïve", "cp1252")
    assert decode(b"") == ("", "utf-8")


@pytest.mark.parametrize("name, reason", [
    ("enc_binary.txt", "binary file, not text"),
    ("enc_html.txt", "HTML page"),
    ("enc_empty.txt", "empty file"),
    ("enc_whitespace.txt", "only whitespace"),
])
def test_refused_inputs(name, reason):
    r = read_file(str(DATA / name))
    assert r.document is not None and r.articles == ()
    assert len(r.problems) == 1 and reason in r.problems[0].reason and r.problems[0].skipped


def test_control_characters_blanked_and_reported():
    """Replaced one for one by spaces (offsets stay exact; XML outputs cannot hold them)."""
    path = DATA / "enc_controls.txt"
    r = read_file(str(path))
    text, _ = decode(path.read_bytes())
    a = r.articles[0]
    assert "\x07" not in a.body and "\x07" in text[a.body_start:a.body_start + len(a.body)]
    assert text[a.body_start:a.body_start + len(a.body)].replace("\x07", " ") == a.body
    assert [p.skipped for p in r.problems] == [False] and "U+0007" in r.problems[0].reason


def test_mostly_control_characters_is_binary(tmp_path):
    p = tmp_path / "ctl.txt"
    p.write_bytes(bytes(range(1, 32)) * 20 + b"some text")
    assert "binary file, not text" in read_file(str(p)).problems[0].reason


# --- file level -------------------------------------------------------------------------------

def test_document_fields():
    path = DATA / "digest_layouts.txt"
    r = read_file(str(path))
    raw = path.read_bytes()
    assert r.document.source == str(path)
    assert r.document.sha256 == hashlib.sha256(raw).hexdigest() and r.document.size == len(raw)
    assert all(a.source == str(path) and a.source_sha256 == r.document.sha256 for a in r.articles)
    assert len(r.articles) == 10


def test_missing_file_never_raises():
    r = read_file("no/such/file.txt")
    assert r.document is None and r.articles == ()
    assert r.problems[0].reason == "cannot read file: No such file or directory"
    assert r.problems[0].source == "no/such/file.txt"


def test_directory_given_to_read_file():
    r = read_file(str(DATA))
    assert r.document is None and "directory" in r.problems[0].reason


def test_max_bytes():
    r = read_file(str(DATA / "digest_layouts.txt"), limits=ReadLimits(max_bytes=100))
    assert r.document is None and "limit of 100 bytes" in r.problems[0].reason


def test_max_article_chars():
    r = read_file(str(DATA / "digest_layouts.txt"), limits=ReadLimits(max_article_chars=200))
    kept = {a.index for a in r.articles}
    too_long = [p for p in r.problems if "over the limit" in p.reason]
    assert too_long and all(p.skipped and p.article not in kept for p in too_long)
    assert len(kept) + len(too_long) == 10


def test_known_read_is_reused_only_for_the_same_bytes(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("Ferry resumes\n\nThe ferry runs again.\n", encoding="utf-8")
    first = read_file(str(path))
    known = {(str(path), first.document.sha256): first}
    assert read_file(str(path), known=known) is first
    path.write_text("Ferry stops\n\nThe ferry stops again.\n", encoding="utf-8")
    assert read_file(str(path), known=known).articles[0].headline == "Ferry stops"


def test_read_inputs_order_and_directories(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Ferry resumes\n\nThe ferry runs again.\n")
    (tmp_path / "a.jsonl").write_text(json.dumps({"title": "T", "text": "Body."}) + "\n")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / "C.TXT").write_text("Upper case suffix\n\nIt is read too.\n")
    single = str(DATA / "digest_nodates.txt")
    got = [r.document.source for r in read_inputs([single, str(tmp_path)])]
    assert got == [single, str(tmp_path / "C.TXT"), str(tmp_path / "a.jsonl"), str(tmp_path / "b" / "z.txt")]


def test_read_inputs_empty_directory_and_missing(tmp_path):
    results = list(read_inputs([str(tmp_path), "missing.txt"], limits=ReadLimits(max_bytes=1000)))
    assert [r.document for r in results] == [None, None]
    assert "no .txt or .jsonl" in results[0].problems[0].reason


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside this checkout")
def test_shared_digest_through_reader(tmp_path):
    r = read_file(str(CORPUS))
    assert len(r.articles) == 10 and r.problems == () and r.document.encoding == "utf-8"
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(CORPUS.read_bytes().replace(b"\n", b"\r\n"))
    r2 = read_file(str(crlf))
    assert [a.headline for a in r2.articles] == [a.headline for a in r.articles]
    assert_slices(crlf, r2)


# --- JSONL ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def feed():
    return read_file(str(DATA / "feed_sample.jsonl"))


def test_feed_articles(feed):
    assert [a.line for a in feed.articles] == [1, 2, 7, 9, 10]
    assert [a.index for a in feed.articles] == list(range(5))
    a, b = feed.articles[:2]
    assert (a.headline, a.date, a.outlet, a.author, a.ext_id, a.url) == (
        "Port strike ends after pay deal", "2023-04-04T10:15:00", "harbour-news.example",
        "Ana Silva, Tom Berg", "hn-001", "https://harbour-news.example/strike-ends")
    assert a.body.startswith("Dock workers") and "\n\n" in a.body
    assert (b.date, b.outlet, b.author, b.ext_id) == ("2023-04-05", "Daily Ledger", "Maria Lopez", "42")
    assert feed.articles[4].outlet == "Wire Daily"
    assert feed.articles[4].headline == "Wire roundup: “quiet” day"


def test_feed_line_spans(feed):
    text, _ = decode((DATA / "feed_sample.jsonl").read_bytes())
    for a in feed.articles:
        assert a.body_start == a.start
        assert json.loads(text[a.start:a.end])  # the whole line
        assert text.split("\n")[a.line - 1] == text[a.start:a.end]


def test_feed_problems(feed):
    by_line = {p.line: p for p in feed.problems}
    assert sorted(by_line) == [4, 5, 6, 7, 8, 9]
    assert "not valid JSON" in by_line[4].reason and by_line[4].skipped
    assert "not an object" in by_line[5].reason and by_line[5].skipped
    assert "no text" in by_line[6].reason and by_line[6].skipped
    assert "unreadable date" in by_line[7].reason and not by_line[7].skipped
    assert "'text' is int" in by_line[8].reason and by_line[8].skipped
    assert "'title' is list" in by_line[9].reason and not by_line[9].skipped
    assert feed.articles[2].date is None and feed.articles[3].headline == ""
    assert all(str(p).startswith(str(DATA / "feed_sample.jsonl") + ":") for p in feed.problems)


def test_feed_crlf_bom_and_empty(tmp_path):
    p = tmp_path / "f.jsonl"
    lines = [json.dumps({"headline": "A", "body": "One."}), json.dumps({"headline": "B", "text": "Two."})]
    p.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    r = read_file(str(p))
    assert [a.body for a in r.articles] == ["One.", "Two."] and r.problems == ()
    text, _ = decode(p.read_bytes())
    assert [text[a.start:a.end] for a in r.articles] == lines
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n")
    assert any("no article could be recognised" in x for x in reasons(read_file(str(bad))))


def test_jsonl_saved_as_txt(tmp_path):
    p = tmp_path / "feed.txt"
    p.write_text(json.dumps({"title": "Dam opens", "text": "Water flows again."}) + "\n")
    r = read_file(str(p))
    assert [a.headline for a in r.articles] == ["Dam opens"]
    assert [p.skipped for p in r.problems] == [False]


def _digest(n: int) -> str:
    return "".join(f"Harbour talks round {i} end\n\nMarch 3 2023\n\n"
                   f"GDANSK (Reuters) - Port officials met again on day {i}.\n\n" for i in range(n))


def test_a_nul_block_inside_a_long_digest_is_blanked_not_binary(tmp_path):
    raw = _digest(5000).encode("utf-8")
    cut = raw.index(b"Port officials met again on day 2500") + 5
    path = tmp_path / "digest.txt"
    path.write_bytes(raw[:cut] + b"\x00" * 4096 + raw[cut:])
    result = read_file(str(path))
    assert len(result.articles) == 5000
    line = raw[:cut].count(b"\n") + 1
    assert [(p.line, p.reason, p.skipped) for p in result.problems] == \
        [(line, "4096 control characters (U+0000) replaced by spaces", False)]
    assert result.articles[2500].body.startswith("GDANSK (Reuters) - Port" + " " * 4096 + " officials")


def test_a_file_mostly_of_nul_bytes_is_still_binary(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(_digest(2).encode("utf-8") + b"\x00" * 4096 + b"tail")
    assert reasons(read_file(str(path))) == ["binary file, not text (NUL bytes)"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("body", ["Пашинян встретился с Алиевым в Брюсселе 5 декабря.",
                                  "Ο υπουργός συναντήθηκε με τον πρέσβη στην Αθήνα.",
                                  "Envoys met again in Vienna on Friday."])
def test_utf16_without_bom_in_any_script(tmp_path, encoding, body):
    path = tmp_path / "article.txt"
    text = "Talks in the capital\n\nMarch 3 2023\n\n" + "\n\n".join([body] * 40) + "\n"
    path.write_bytes(text.encode(encoding))
    result = read_file(str(path))
    assert result.document.encoding == encoding and reasons(result) == []
    assert result.articles[0].body.startswith(body)


def test_non_utf8_name_is_read_and_escaped(tmp_path):
    real = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(real, "wb") as fh:
        fh.write(b"Harbour fees rise\n\nMarch 3 2023\n\nThe port raised its fees.\n")
    [result] = read_inputs([str(tmp_path)])
    assert result.document.source == f"{tmp_path}/caf\\xe9.txt" and len(result.articles) == 1
    assert [r.document.source for r in read_inputs([real])] == [result.document.source]


def test_fifo_given_directly_is_skipped_without_blocking(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    [reason] = reasons(read_file(str(fifo)))
    assert reason == "cannot read file: a FIFO (named pipe), not a regular file; skipped"


def test_feed_dates_extreme_impossible_and_ambiguous(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [{"text": "Archivists found a charter.", "date": "0001-01-01"},
            {"text": "A capsule was sealed.", "date": "9999-12-31T23:59:59Z"},
            {"text": "BRUSSELS, Dec 5 (Reuters) - Talks ended.", "date": "05/12/2026"},
            {"text": "Talks ended.", "date": "05/12/2026", "url": "https://x.example/2026/12/05/talks"},
            {"text": "Talks ended.", "date": "05/12/2026"},
            {"text": "Talks ended.", "date": "2023-02-30"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = read_file(str(path), limits=ReadLimits(date_order="dmy"))
    assert [a.date for a in result.articles] == ["0001-01-01", "9999-12-31T23:59:59Z", "2026-12-05",
                                                 "2026-12-05", "2026-12-05", None]
    assert [(p.line, p.reason) for p in result.problems] == [
        (5, "ambiguous date '05/12/2026' read as 2026-12-05 (day first: --date-order dmy "
            "(no other date of the article tells))"),
        (6, "impossible date '2023-02-30': no such day; date left empty")]
