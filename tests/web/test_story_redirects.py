"""A bookmarked story link outlives a merge: the page redirects for good, the API answers with the surviving story."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from reportedly.store import Store
from reportedly.store.stories import BuiltStory, StoryArticle, replace_stories
from reportedly.web.app import create_app

from ..pg import new_pg_database


def _built(*article_ids: int) -> BuiltStory:
    articles = tuple(StoryArticle(a, "origin" if k == 0 else "independent") for k, a in enumerate(article_ids))
    return BuiltStory(len(articles), article_ids[0], f"story of {article_ids[0]}", articles)


@pytest.fixture(params=["sqlite", "postgresql"])
def merged(request, tmp_path, analysed_corpus):
    """A corpus where story `old` merged into story `new`, and the app over it."""
    if request.param == "sqlite":
        url = str(tmp_path / "corpus.db")
    else:
        url = new_pg_database(request.getfixturevalue("pg_server"))
    with Store(url) as s:
        a = [s.add(x, outlet=meta["outlet"], url=meta["url"]) for meta, x in analysed_corpus[:4]]
        first, second = replace_stories(s, [_built(a[0], a[1]), _built(a[2], a[3])])
        assert replace_stories(s, [_built(*a)]) == [first]  # two articles from each: the older id survives
    with TestClient(create_app(url)) as client:
        yield client, second, first


def test_the_page_of_a_merged_story_redirects_to_the_story_it_joined(merged):
    client, old, new = merged
    r = client.get(f"/stories/{old}", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == f"/stories/{new}"
    followed = client.get(f"/stories/{old}")
    assert followed.status_code == 200 and str(followed.url).endswith(f"/stories/{new}")
    assert client.get(f"/stories/{new}", follow_redirects=False).status_code == 200
    assert client.get("/stories/424242", follow_redirects=False).status_code == 404


def test_the_api_answers_a_merged_id_with_the_surviving_story(merged):
    client, old, new = merged
    body = client.get(f"/api/stories/{old}").json()
    assert (body["id"], body["redirected_from"], body["size"]) == (new, old, 4)
    assert client.get(f"/api/stories/{new}").json()["redirected_from"] is None
    doc = client.get("/openapi.json").json()
    assert "redirected_from" in doc["paths"]["/api/stories/{story_id}"]["get"]["description"]
