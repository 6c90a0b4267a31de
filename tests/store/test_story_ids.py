"""Story ids are stable: kept across rebuilds and new articles, never reused; a merged story's id redirects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportedly import analyze
from reportedly.cli import main
from reportedly.errors import BadOptionError
from reportedly.provenance.corpus import build_stories, story
from reportedly.store import Store
from reportedly.store.stories import BuiltStory, StoryArticle, continue_ids, replace_stories

STORY = Path(__file__).parent.parent / "fixtures" / "stories" / "bridge-2022"
MATCH = (
    "The national football team lost its qualifying match three to one after a late penalty on Tuesday, and the "
    "coach said the players had run out of energy in the second half. Fans booed as the team left the pitch, and "
    "the captain apologised to supporters who had travelled to the away game."
)
MATCH_COPY = "LONDON (Reuters) - " + MATCH + " The team plays its next qualifier in March."
MUSEUM = (
    "A new exhibition of Dutch landscape paintings opens at the city museum this week, with works lent by "
    "collectors in Amsterdam and Leiden. Curators spent two years restoring the largest canvas in the show."
)


def F(*ids: int) -> frozenset[int]:
    return frozenset(ids)


# ------------------------------------------------------------------------------------------ continue_ids


def test_the_same_clusters_keep_their_ids():
    plan = continue_ids({7: F(1, 2), 9: F(3, 4, 5)}, [F(3, 4, 5), F(1, 2)])
    assert plan.ids == (9, 7) and plan.merged == {}


def test_a_new_cluster_gets_no_old_id_and_a_story_sharing_nothing_is_gone():
    plan = continue_ids({7: F(1, 2), 8: F(10, 11)}, [F(1, 2, 3), F(20, 21)])
    assert plan.ids == (7, None) and plan.merged == {}


def test_a_split_keeps_the_id_on_the_part_holding_most_of_the_story():
    plan = continue_ids({7: F(1, 2, 3, 4, 5)}, [F(4, 5, 6), F(1, 2, 3)])
    assert plan.ids == (None, 7) and plan.merged == {}


def test_a_merge_keeps_the_id_sharing_most_and_redirects_the_other():
    plan = continue_ids({7: F(1, 2), 9: F(3, 4, 5)}, [F(1, 2, 3, 4, 5, 6)])
    assert plan.ids == (9,) and plan.merged == {7: 0}


def test_a_tie_goes_to_the_older_id_whatever_the_cluster_order():
    old = {7: F(1, 2), 9: F(3, 4)}
    assert continue_ids(old, [F(1, 2, 3, 4)]) == continue_ids(old, [F(4, 3, 2, 1)])
    assert continue_ids(old, [F(1, 2, 3, 4)]).ids == (7,)
    split = {7: F(1, 2, 3, 4)}
    forward, backward = continue_ids(split, [F(1, 2), F(3, 4)]), continue_ids(split, [F(3, 4), F(1, 2)])
    assert forward.ids == (7, None) and backward.ids == (None, 7)  # the part with article 1, in either order


def test_a_cluster_takes_its_next_best_id_when_its_best_is_taken():
    plan = continue_ids({7: F(1, 2, 3, 4, 5, 6, 7), 9: F(8, 9)}, [F(1, 2, 3, 8, 9), F(4, 5, 6, 7)])
    assert plan.ids == (9, 7) and plan.merged == {}


# ---------------------------------------------------------------------------------- build_stories, stored


@pytest.fixture(scope="module")
def analysed_texts():
    """The bridge story's four versions, a match report with its wire copy, and an unrelated article, analysed once."""
    meta = json.loads((STORY / "index.json").read_text())
    bridge = [
        (
            m["outlet"],
            analyze((STORY / m["file"]).read_text(encoding="utf-8"), published=m["published"] or "2022-05-03"),
        )
        for m in meta
    ]
    more = [
        ("Sports Desk", analyze(MATCH, published="2022-05-04")),
        ("Reuters", analyze(MATCH_COPY, published="2022-05-04")),
        ("Museum News", analyze(MUSEUM, published="2022-05-04")),
    ]
    return bridge, more


def _add(s: Store, pairs) -> list[int]:
    return [s.add(a, outlet=outlet) for outlet, a in pairs]


def test_story_ids_survive_a_rebuild(db_url, analysed_texts):
    bridge, _ = analysed_texts
    with Store(db_url) as s:
        _add(s, bridge)
        first = build_stories(s)
        again = build_stories(s)
        assert [b["id"] for b in again] == [b["id"] for b in first] and len(first) == 1
        st = story(s, first[0]["id"])
        assert st["id"] == first[0]["id"] and st["size"] == 4 and st["redirected_from"] is None


def test_story_ids_survive_more_articles_and_a_new_story_gets_a_new_id(db_url, analysed_texts):
    bridge, more = analysed_texts
    with Store(db_url) as s:
        bridge_ids = set(_add(s, bridge))
        (first,) = build_stories(s)
        match_ids = set(_add(s, more)[:2])
        rebuilt = {frozenset(a["article_id"] for a in story(s, b["id"])["articles"]): b["id"] for b in build_stories(s)}
        assert rebuilt[frozenset(bridge_ids)] == first["id"]
        assert rebuilt[frozenset(match_ids)] > first["id"]
        assert len(rebuilt) == 2


def _built(*article_ids: int) -> BuiltStory:
    articles = tuple(StoryArticle(a, "origin" if k == 0 else "independent") for k, a in enumerate(article_ids))
    return BuiltStory(len(articles), article_ids[0], f"story of {article_ids[0]}", articles)


def test_a_merged_story_redirects_to_the_story_it_merged_into(db_url, analysed, capsys):
    with Store(db_url) as s:
        a = [s.add(x) for _, x in analysed]
        x, y = replace_stories(s, [_built(a[0], a[1]), _built(a[2], a[3], a[4])])
        assert replace_stories(s, [_built(a[0], a[1], a[2], a[3], a[4])]) == [y]
        merged = story(s, x)
        assert (merged["id"], merged["redirected_from"], merged["size"]) == (y, x, 5)
        assert story(s, y)["redirected_from"] is None
        assert s.rows("SELECT id FROM stories") == [{"id": y}]
    assert main(["story", str(x), "--db", db_url]) == 0
    assert capsys.readouterr().out.startswith(f"story {y} (story {x} was merged into it): story of {a[0]}")


def test_redirects_follow_a_second_merge_and_go_with_a_story_that_is_gone(db_url, analysed):
    with Store(db_url) as s:
        a = [s.add(x) for _, x in analysed]
        x, y, z = replace_stories(s, [_built(a[0], a[1]), _built(a[2], a[3]), _built(a[4], a[5])])
        assert replace_stories(s, [_built(a[0], a[1], a[2], a[3]), _built(a[4], a[5])]) == [x, z]  # tie: older id
        assert replace_stories(s, [_built(a[1], a[4], a[5])]) == [z]  # x merges into z, and y with it
        assert (story(s, y)["id"], story(s, x)["id"]) == (z, z)
        assert replace_stories(s, []) == []
        for gone in (x, y, z):
            with pytest.raises(BadOptionError, match=f"no story {gone}"):
                story(s, gone)
        (new,) = replace_stories(s, [_built(a[0], a[1])])
        assert new > z  # a removed id is never given to another story
