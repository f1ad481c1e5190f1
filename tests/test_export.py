"""Tests of newsgraph.graph.export: the RDF files, written atomically and byte-identically."""
from __future__ import annotations

import json

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from newsgraph.graph import export
from tests import oracle
from tests.fixtures import model


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    m = model()
    d = tmp_path_factory.mktemp("out")
    return d, oracle.write_outputs(oracle.to_graph(m), d, dataset=oracle.to_dataset(m))


def test_all_files_written_no_temp_left(out):
    d, written = out
    assert sorted(written) == sorted(export.FILES)
    assert sorted(p.name for p in d.iterdir()) == sorted(export.FILES)


def test_byte_identical_for_identical_input(out, tmp_path):
    d, _ = out
    again = oracle.write_outputs(oracle.to_dataset(model()), tmp_path)   # from the dataset this time
    for name, path in again.items():
        assert path.read_bytes() == (d / name).read_bytes(), name


def test_turtle_and_jsonld_reparse_isomorphic(out):
    d, _ = out
    g = oracle.to_graph(model())
    assert isomorphic(Graph().parse(d / "graph.ttl"), g)
    assert isomorphic(Graph().parse(d / "graph.jsonld", format="json-ld"), g)
    data = json.loads((d / "graph.jsonld").read_text())
    ids = [n["@id"] for n in data["@graph"]]
    assert ids == sorted(ids) and "ng" in data["@context"]


def test_trig_keeps_named_graphs(out):
    d, _ = out
    ds = Dataset()
    ds.parse(d / "graph.trig", format="trig")
    want = oracle.to_dataset(model())
    got = {str(c.identifier): c for c in ds.graphs() if len(c)}
    exp = {str(c.identifier): c for c in want.graphs() if len(c)}
    assert got.keys() == exp.keys()
    for name, graph in exp.items():
        assert isomorphic(got[name], graph), name


def test_oxigraph_round_trip(out):
    d, _ = out
    g = oracle.to_graph(model())
    store = pyoxigraph.Store()
    store.load(path=str(d / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)
    nt = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    back = Graph().parse(data=nt.decode(), format="nt")
    assert isomorphic(back, g)
    quads = pyoxigraph.Store()
    quads.load(path=str(d / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    assert len(quads) == sum(len(c) for c in oracle.to_dataset(model()).graphs())
    assert len(list(quads.named_graphs())) == 5


def test_write_atomic_replaces(tmp_path):
    p = export.write_atomic(tmp_path / "x.txt", b"one")
    export.write_atomic(p, b"two")
    assert p.read_bytes() == b"two" and [f.name for f in tmp_path.iterdir()] == ["x.txt"]
