"""Photo captions' position marks are blanked for the parser, offsets kept (extract/nlp/captions.py)."""
from __future__ import annotations

from newsgraph.extract.nlp.captions import for_parser
from newsgraph.extract.records import Article


def test_marks_become_spaces_of_the_same_length():
    text = "Ana Rojas, far left, greets Tom Varga (R) in Lima, June 3, 2016."
    out = for_parser(text)
    assert len(out) == len(text) and ", far left," not in out and "(R)" not in out
    assert out.replace(" ", "") == text.replace(", far left,", "").replace("(R)", "").replace(" ", "")


def test_a_caption_with_marks_parses_as_one_meeting_and_keeps_its_evidence(nlp):
    from newsgraph.extract.pipeline import extract
    body = "William Ruto, right, and Anne Leclerc, left, arrive for their meeting in Nairobi, June 3, 2016."
    art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=len(body),
                  headline="Test report", body=body, body_start=0, date="2016-06-03")
    (rec,) = extract(nlp, [art])
    names = {e.id: e.name for e in rec.entities}
    (m,) = [m for m in rec.events if m.type == "CONSULT"]
    assert {names[p] for p in m.participants} == {"William Ruto", "Anne Leclerc"}
    assert m.evidence == body  # the article as written, marks and all
