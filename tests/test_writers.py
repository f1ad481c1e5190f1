"""The export writers as a table (newsgraph.graph.export.writers): a new format is one row."""
from __future__ import annotations

import pyoxigraph
import pytest

from newsgraph.graph import export
from newsgraph.graph.export import writers
from newsgraph.graph.export.writers import BY_GRAPH, BY_SUBJECT, FILES, WRITERS, Writer
from newsgraph.graph.rdf.plan import Plan
from newsgraph.graph.rdf.terms import OxTerms
from tests.fixtures import model


class NQuadsWriter:
    """A toy format fed the by-graph stream item by item: one N-Quads line per triple."""

    def __init__(self, nq):
        self.fh, self.terms = nq(), OxTerms()

    def add(self, graph, group):
        s, pos = group
        for t in self.terms.triples([(s, pos)]):
            where = "" if graph is None else f" <{graph}>"
            self.fh.write(f"{t.subject} {t.predicate} {t.object}{where} .\n".encode())

    def close(self):
        pass


class Failing:
    """A writer that fails on the third subject."""

    def __init__(self, out):
        self.fh, self.seen = out(), 0

    def add(self, s, pos):
        self.seen += 1
        if self.seen == 3:
            raise RuntimeError("disk full")

    def close(self):
        pass


def test_files_come_from_the_table():
    assert tuple(name for w in WRITERS for name in w.files) == FILES
    assert sorted(FILES) == sorted(["graph.ttl", "graph.trig", "graph.jsonld", "graph.graphml",
                                    "actors.graphml", "graph.gexf"])
    assert export.FILES == FILES
    for stream in (BY_SUBJECT, BY_GRAPH):
        assert sum(w.drives for w in WRITERS if w.stream == stream) <= 1


def test_a_new_format_is_one_row(tmp_path, monkeypatch):
    export.write_plan(Plan(model()), tmp_path / "before")
    monkeypatch.setattr(writers, "WRITERS", (*WRITERS, Writer(("graph.nq",), BY_GRAPH, NQuadsWriter)))
    export.write_plan(Plan(model()), tmp_path / "after")
    for name in FILES:
        assert (tmp_path / "after" / name).read_bytes() == (tmp_path / "before" / name).read_bytes(), name
    trig, nq = pyoxigraph.Store(), pyoxigraph.Store()
    trig.load(path=str(tmp_path / "after" / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    nq.load(path=str(tmp_path / "after" / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    assert set(nq) == set(trig) and len(nq) > 0


def test_a_failing_writer_leaves_the_files_of_its_pass_as_they_were(tmp_path, monkeypatch):
    export.write_plan(Plan(model()), tmp_path)
    before = {name: (tmp_path / name).read_bytes() for name in FILES}
    (tmp_path / "graph.ttl").write_bytes(b"old turtle")
    monkeypatch.setattr(writers, "WRITERS", (*WRITERS, Writer(("broken.txt",), BY_SUBJECT, Failing)))
    with pytest.raises(RuntimeError, match="disk full"):
        export.write_plan(Plan(model()), tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == b"old turtle"
    assert not (tmp_path / "broken.txt").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert all((tmp_path / name).read_bytes() == before[name] for name in FILES if name != "graph.ttl")


def test_one_writer_drives_a_stream(tmp_path, monkeypatch):
    second = Writer(("again.ttl",), BY_SUBJECT, WRITERS[0].make, drives=True)
    monkeypatch.setattr(writers, "WRITERS", (*WRITERS, second))
    with pytest.raises(ValueError, match="more than one writer"):
        export.write_plan(Plan(model()), tmp_path)
