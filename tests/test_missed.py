"""Names the statistical NER missed: here the short forms a known organisation has only beside its name."""
from __future__ import annotations

import pytest


def orgs(nlp, text: str) -> list[tuple[str, str]]:
    """(mention text, canonical name) of the organisation mentions of ``text``."""
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.ng_entities}
    return [(e.text, names[e.kb_id_]) for e in doc.ents if e.kb_id_ in names and e.label_ == "ORG"]


def test_a_bound_short_form_names_the_organisation_the_text_names_otherwise(nlp):
    found = orgs(nlp, "Islamic State fighters attacked Kobani on Monday. The town was bombed by IS again.")
    assert ("IS", "Islamic State") in found


@pytest.mark.parametrize("text", [
    "The town was bombed again on Monday, and nobody knows who IS behind it.",   # never named otherwise
    "ISIS CLAIMS KOBANI ATTACK. WHAT IS NEXT FOR THE TOWN?",                      # written in capitals
])
def test_a_bound_short_form_alone_or_shouted_is_no_organisation(nlp, text):
    assert ("IS", "Islamic State") not in orgs(nlp, text)
