"""The plain-data JSON codec of the caches (newsgraph.extract.codec): round trips, determinism, refusals."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from newsgraph.extract.codec import CodecError, decode, encode
from newsgraph.extract.read import ReadResult, read_file
from newsgraph.extract.records import (
    RECORD_TYPES,
    Article,
    ArticleRecords,
    Document,
    Problem,
)
from tests.fixtures import model

RECORDS = RECORD_TYPES


def test_records_round_trip_exactly():
    records = model().articles
    assert records and all(isinstance(r, ArticleRecords) for r in records)
    for rec in records:
        text = encode(rec)
        back = decode(text, RECORDS)
        assert back == rec and type(back.entities) is tuple and back.article.key == rec.article.key
        assert encode(back) == text


def test_read_results_round_trip(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Ministers meet\n\nMarch 3 2023\n\nTwo ministers met in a city on Monday.\n")
    result = read_file(str(path))
    assert decode(encode(result), (ReadResult, Document, Article, Problem)) == result


def test_sets_are_written_in_one_order_and_dict_keys_keep_their_type():
    a, b = frozenset(f"x{i}" for i in range(50)), frozenset(f"x{i}" for i in reversed(range(50)))
    assert encode(a) == encode(b)
    table = {("berlin", "DEU"): (52.5, 13.4), "k": [1, None, True]}
    assert decode(encode(table)) == table


@pytest.mark.parametrize("text", [
    b"\x80\x05 not json", pickle.dumps({"a": 1}), '{"plain": "object"}', '{"~c": "Article", "source": 1}',
    '{"~c": "os.system"}', '{"~f": [[1]]}', '{"~d": [[1]]}', "[" * 100_000,
    '{"~c": "Problem", "source": "f", "reason": "r", "no_such_field": 1}',
], ids=["bytes", "pickle", "untagged", "unknown-type", "dotted-name", "unhashable", "bad-pair", "deep",
        "extra-field"])
def test_anything_else_is_refused(text):
    with pytest.raises(CodecError):
        decode(text, [Problem])


def test_only_plain_data_is_written():
    class Opaque:
        pass

    with pytest.raises(TypeError):
        encode({"x": Opaque()})
    assert dataclasses.is_dataclass(decode(encode(Problem("f", "r")), [Problem]))
