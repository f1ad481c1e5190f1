"""Shared fixtures: the real English pipeline with newsgraph's components, loaded once per session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """``pipeline.load()``: the default model with the gazetteer rulers and actor component."""
    from newsgraph.extract.pipeline import load

    try:
        return load()
    except OSError as exc:  # pragma: no cover - model missing
        pytest.skip(f"spaCy model not installed: {exc}")


@pytest.fixture(scope="session")
def petrarch():
    """``../shared/reference/petrarch2``, the dictionaries the converters read; skips without it."""
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "shared" / "reference" / "petrarch2"
    if not folder.is_dir():
        pytest.skip("needs ../shared/reference/petrarch2 (PETRARCH2 dictionaries)")
    return folder


@pytest.fixture(scope="session")
def stock():
    """The plain model, as spaCy loads it (no newsgraph component): what our stand-ins must match."""
    import spacy

    from newsgraph.extract import DEFAULT_MODEL
    try:
        return spacy.load(DEFAULT_MODEL)
    except OSError as exc:  # pragma: no cover - model missing
        pytest.skip(f"spaCy model {DEFAULT_MODEL} is not installed: {exc}")


@pytest.fixture(scope="session")
def mini_store(tmp_path_factory):
    """A build directory whose Oxigraph store holds tests/data/mini.ttl in a named graph (open with
    ``open_graph``): the store path of the named queries on the same data as the rdflib tests."""
    from pathlib import Path

    import pyoxigraph as ox

    out = tmp_path_factory.mktemp("mini-store")
    store = ox.Store(str(out / "store"))
    store.load(path=str(Path(__file__).parent / "data" / "mini.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/newsgraph/id/graph/article/mini"))
    store.flush()
    del store
    return out


@pytest.fixture(scope="session")
def extract(nlp):
    """A function of a one-article body: its event mentions and its entities' names by id."""
    from newsgraph.extract.pipeline import records_of
    from newsgraph.extract.records import Article

    def run(body: str, date: str = "2024-05-02"):
        art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=len(body),
                      headline="Test report", body=body, body_start=0, date=date)
        rec = records_of(nlp(art.text), art)
        return rec.events, {e.id: e.name for e in rec.entities}
    return run
