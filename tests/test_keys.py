"""Keys: slugs, actor and event keys, collision-free minting."""
from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.lexicon.names import slug
from newsgraph.extract.records import Article, ArticleRecords, Entity
from newsgraph.graph.resolve.actors import resolve_actors
from newsgraph.graph.resolve.keys import actor_key, digest, event_key, unique_keys

SEGMENT = re.compile(r"[A-Za-z0-9-]+")
KEY = re.compile(r"actor/(person|state|org|outlet|location|other)/[A-Za-z0-9-]+")


def test_slug_folds_and_joins():
    assert slug("Ali Bagheri-Kani") == "ali-bagheri-kani"
    assert slug("Zürich  Ürümqi") == "zurich-urumqi"
    assert slug("O'Brien") == slug("O’Brien") == "obrien"


def test_slug_fallback_is_hash_for_unsluggable_text():
    for text in ("", "🙂🙂", "طهران", "Москва", "!!!", "   "):
        s = slug(text)
        assert s.startswith("h-") and SEGMENT.fullmatch(s)
    assert slug("طهران") != slug("Москва")
    assert slug("🙂🙂") == "h-" + digest("🙂🙂", 10)  # names.slug's fallback is keys.digest


def test_slug_is_cut_at_a_word_boundary():
    s = slug("International Association of Scholars of Very Long Organisation Names Worldwide")
    assert len(s) <= 60 and not s.endswith("-")
    assert slug("x" * 200) == "x" * 60


def test_actor_keys():
    assert actor_key("State", "Iran", "irn") == "actor/state/IRN"
    assert actor_key("State", "Artsakh", None) == "actor/state/artsakh"
    assert actor_key("Person", "Vahan Kostanyan") == "actor/person/vahan-kostanyan"
    assert actor_key("Location", "Yerevan") == "actor/location/yerevan"
    assert actor_key("Outlet", "Neos Kosmos") == "actor/outlet/neos-kosmos"


def test_event_key_is_order_free_and_short():
    parts = [("b" * 16, 10, 20, "CONSULT"), ("a" * 16, 0, 5, "CONSULT")]
    k = event_key(parts)
    assert k == event_key(reversed(parts))
    assert re.fullmatch(r"event/[0-9a-f]{16}", k)
    assert k != event_key(parts[:1])


def test_unique_keys_keeps_singletons_and_is_deterministic():
    items = [(1, "actor/location/paris", ["FRA"]), (2, "actor/location/paris", ["USA"]),
             (3, "actor/person/x", ["x"])]
    out = unique_keys(items)
    assert out[3] == "actor/person/x"
    assert len(set(out.values())) == 3
    for _ in range(5):
        random.shuffle(items)
        assert unique_keys(items) == out


def test_unique_keys_avoids_existing_base_keys():
    sig = ["b"]
    clash = "actor/org/a-" + digest(sig, 64)[:8]
    out = unique_keys([(1, "actor/org/a", ["a"]), (2, "actor/org/a", sig), (3, clash, ["c"])])
    assert len(set(out.values())) == 3


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["actor/org/x", "actor/org/x-1", "actor/person/y"]),
                          st.lists(st.text(max_size=3), max_size=2)), max_size=12))
def test_unique_keys_never_collide(rows):
    items = [(i, base, sig) for i, (base, sig) in enumerate(rows)]
    out = unique_keys(items)
    assert len(set(out.values())) == len(items)
    assert unique_keys(list(reversed(items))) == out


def _records(names: list[tuple[str, str]]) -> list[ArticleRecords]:
    out = []
    for i, (kind, name) in enumerate(names):
        a = Article(source="p.txt", source_sha256="0", index=i, start=0, end=1, headline=f"h{i}",
                    body=f"b{i}", body_start=0)
        out.append(ArticleRecords(article=a, entities=(Entity("E0", kind, name, (name,)),)))
    return out


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Person", "Organization", "Location", "Outlet"]),
                          st.text(alphabet="aAbü -'’🙂ط.", max_size=8)), min_size=1, max_size=10))
def test_resolved_actor_keys_are_valid_and_distinct(names):
    actors, emap = resolve_actors(_records(names))
    keys = [a.key for a in actors]
    assert len(keys) == len(set(keys))
    assert all(KEY.fullmatch(k) for k in keys)
    assert set(emap.values()) <= set(keys)
    actors2, emap2 = resolve_actors(list(reversed(_records(names))))
    assert actors2 == actors and emap2 == emap
