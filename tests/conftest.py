"""Shared fixtures: the real English pipeline with newsgraph's components, loaded once per session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """``extract.nlp.load()``: the default model with the gazetteer rulers and actor component."""
    from extract.nlp import load

    try:
        return load()
    except OSError as exc:  # pragma: no cover - model missing
        pytest.skip(f"spaCy model not installed: {exc}")
