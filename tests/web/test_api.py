"""The JSON API over both stores: pages, limits, clear 4xx errors, and input that cannot reach the SQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportedly.web.app import MAX_BODY

GERMAN = (Path(__file__).parent.parent / "fixtures" / "german-article.txt").read_text(encoding="utf-8")


def test_articles_page_through_the_whole_corpus(client):
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/articles", params={"limit": 2, "offset": offset}).json()
        assert len(page["items"]) <= 2 and page["limit"] == 2
        seen += [a["id"] for a in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == 7


def _walk(client, path: str, **params) -> list[int]:
    seen, after = [], None
    while True:
        page = client.get(path, params={**params, "limit": 2, **({"after": after} if after else {})}).json()
        assert len(page["items"]) <= 2
        seen += [x["id"] for x in page["items"]]
        after = page["next"]
        if after is None:
            return seen


def test_article_and_quote_cursors_give_every_item_once_in_order(client):
    articles = client.get("/api/articles", params={"limit": 100}).json()["items"]
    assert _walk(client, "/api/articles") == [a["id"] for a in articles] and len(articles) == 7
    quotes = client.get("/api/quotes", params={"limit": 100}).json()
    assert quotes["next"] is None and len(quotes["items"]) == sum(a["quotes"] for a in articles)
    assert _walk(client, "/api/quotes") == [q["id"] for q in quotes["items"]]


def test_quotes_by_speaker_and_since(client):
    heyman = client.get("/api/quotes", params={"speaker": "heyman", "limit": 100}).json()["items"]
    assert heyman and all("Heyman" in q["speaker"] for q in heyman)
    later = client.get("/api/quotes", params={"since": "2022-01-01", "limit": 100}).json()["items"]
    assert later and all(q["published"] >= "2022-01-01" for q in later)
    assert client.get("/api/quotes", params={"since": "May 2022"}).status_code == 422


@pytest.mark.parametrize("day", ["2022-02-30", "9999-99-99", "2022-13-01"])
def test_since_must_be_a_calendar_day(client, day):
    # before: 200 with no items, as if nothing had been said since a day that does not exist
    r = client.get("/api/quotes", params={"since": day})
    assert r.status_code == 422 and r.json()["detail"] == [f"since: {day} is not a calendar day (YYYY-MM-DD)"]


@pytest.mark.parametrize(
    "query",
    [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "ten"}, {"outlet": "a" * 201}],
)
def test_page_limits_are_4xx(client, query):
    r = client.get("/api/articles", params=query)
    assert r.status_code == 422 and isinstance(r.json()["detail"], list)


def test_article_record_and_missing_ones(client, ids):
    r = client.get(f"/api/articles/{ids['The Times of Israel']}")
    assert r.status_code == 200
    body = r.json()
    assert body["outlet"] == "The Times of Israel"
    speakers = {q["speaker"] for q in body["analysis"]["quotes"]}
    assert "Tamir Heyman" in speakers and body["analysis"]["hedges"] and body["analysis"]["boilerplate"]
    assert client.get("/api/articles/999999").status_code == 404
    assert client.get("/api/articles/0").status_code == 422
    assert client.get(f"/api/articles/{2**70}").status_code == 422  # past BIGINT: refused, not a database error


def test_people_and_a_person(client):
    people = client.get("/api/people", params={"q": "heyman"}).json()["items"]
    assert [p["name"] for p in people] == ["Tamir Heyman"] and people[0]["quotes"] >= 5
    person = client.get("/api/people/Tamir Heyman").json()
    assert person["name"] == "Tamir Heyman" and "Heyman" in person["mentions"]
    assert {r["form"] for r in person["said"]["items"]} == {"quote", "reported"}
    assert all(r["outlet"] == "The Times of Israel" for r in person["said"]["items"])
    missing = client.get("/api/people/Nobody Atall")
    assert missing.status_code == 404 and "Nobody Atall" in missing.json()["detail"]


def test_stories_story_and_diff(client, ids):
    stories = client.get("/api/stories").json()["items"]
    assert stories and stories[0]["size"] == 4 and stories[0]["origin_id"] == ids["Wire"]
    story = client.get(f"/api/stories/{ids['story']}").json()
    relations = {m["outlet"]: m["relation"] for m in story["articles"]}
    assert relations == {"Wire": "origin", "Copy": "wire-copy", "Rewrite": "paraphrase", "Own": "independent"}
    d = client.get("/api/diff", params={"source": ids["Wire"], "copy": ids["Copy"]}).json()
    assert d["aligned"] >= 4 and "kinds" in d
    assert client.get("/api/stories/424242").status_code == 404
    assert client.get("/api/diff", params={"source": ids["Wire"], "copy": 424242}).status_code == 404


def test_search_pages(client):
    r = client.get("/api/search", params={"q": "bridge council", "limit": 2})
    assert r.status_code == 200
    assert r.json()["items"] and all("bridge" in (a["snippet"] or "").lower() for a in r.json()["items"])
    assert client.get("/api/search").status_code == 422  # q is required


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/search", {"q": "zzqx' OR '1'='1' --"}),
        ("/api/search", {"q": 'zzqx") OR 1=1; DROP TABLE articles; --'}),
        ("/api/people", {"q": "zzqx%' OR '1'='1"}),
        ("/api/articles", {"outlet": "zzqx' OR '1'='1' --"}),
        ("/api/articles", {"outlet": "x'); DELETE FROM articles; --"}),
    ],
)
def test_search_parameters_cannot_inject_sql(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 200 and r.json()["items"] == []  # had the quote escaped, every row would match
    assert len(client.get("/api/articles", params={"limit": 100}).json()["items"]) == 7  # nothing deleted


def test_injection_in_a_name_is_just_a_name(client):
    r = client.get("/api/people/Robert'); DROP TABLE quotes; --")
    assert r.status_code == 404
    assert client.get("/api/people", params={"q": "heyman"}).json()["items"]


def test_nul_is_refused_at_the_edge(client):
    assert client.get("/api/search", params={"q": "a\x00b"}).status_code == 422
    assert client.get("/api/people", params={"q": "\x00"}).status_code == 422


def test_analyse_returns_the_record(client):
    text = Path(__file__).parent.parent.joinpath("golden", "heyman-soleimani.txt").read_text(encoding="utf-8")
    r = client.post("/api/analyse", json={"text": text, "published": "2021-12-21"})
    assert r.status_code == 200
    assert any(t["value"] == "2021" for t in r.json()["timexes"])
    assert len(client.get("/api/articles", params={"limit": 100}).json()["items"]) == 7  # nothing stored


@pytest.mark.parametrize(
    "body, says",
    [
        ({"text": GERMAN}, "E105"),
        ({"text": "   "}, "paste the text"),
        ({"text": "\x00\x01\x02 binary"}, "E10"),
        ({"text": '"We will not back down," said Jane Smith\x00 on Tuesday in London.'}, "E102"),  # was analysed
        ({"text": "a fine text", "published": "21/12/2021"}, "published"),
        ({"published": "2021-12-21"}, "text"),
    ],
)
def test_analyse_refuses_what_is_not_an_article(client, body, says):
    r = client.post("/api/analyse", json=body)
    assert r.status_code == 422 and says in str(r.json()["detail"])


def test_request_bodies_are_capped(client):
    big = {"text": "word " * (MAX_BODY // 5 + 10)}
    r = client.post("/api/analyse", json=big)
    assert r.status_code == 413 and "bytes" in r.json()["detail"]

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(MAX_BODY // 100_000 + 2):
            yield b"x" * 100_000

    r = client.post("/api/analyse", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_openapi_document_lists_the_api(client):
    doc = client.get("/openapi.json").json()
    assert {
        "/api/articles",
        "/api/quotes",
        "/api/articles/{article_id}",
        "/api/people/{name}",
        "/api/stories/{story_id}",
        "/api/diff",
        "/api/search",
        "/api/analyse",
    } <= set(doc["paths"])
    assert not any(p.startswith(("/articles", "/stories/")) for p in doc["paths"])  # pages are not API
    for path, ops in doc["paths"].items():  # every answer has its model: the fuzz test checks responses against them
        for op in ops.values():
            ok = op["responses"]["200"]["content"]["application/json"]["schema"]
            assert ok.get("$ref", "").startswith("#/components/schemas/"), path
            assert op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/Problem")


def test_trace_a_claim_oldest_first(client, ids):
    r = client.get("/api/trace", params={"claim": "the new bridge will cost 42 million dollars"})
    assert r.status_code == 200
    body = r.json()
    outlets = [row["outlet"] for row in body["items"]]
    assert outlets[0] == "Wire" and {"Copy", "Rewrite"} <= set(outlets)
    assert body["first"]["article_id"] == ids["Wire"]
    forms = {row["outlet"]: row["form"] for row in body["items"]}
    assert forms["Wire"] == "attribution" and forms["Rewrite"] == "attribution"  # "officials said", "according to"
    assert "attribution" in body["travelled"]
    short = client.get("/api/trace", params={"claim": "bridge"})
    assert short.status_code == 422 and "three words" in short.json()["detail"]


def test_article_says_where_it_stands_in_its_story(client, ids):
    place = client.get(f"/api/articles/{ids['Copy']}").json()["story"]
    assert place["relation"] == "wire-copy" and place["parent_article_id"] == ids["Wire"] and place["size"] == 4
    assert client.get(f"/api/articles/{ids['The Times of Israel']}").json()["story"] is None  # a story of its own


def test_story_lists_dated_articles_first_on_every_store(client, ids):
    dates = [m["published"] for m in client.get(f"/api/stories/{ids['story']}").json()["articles"]]
    assert dates == ["2022-05-02", "2022-05-03", "2022-05-04", None]


def test_a_fetched_article_shows_its_evidence_but_not_the_server_folders(tmp_path, analysed_corpus):
    from fastapi.testclient import TestClient

    from reportedly.ingest.readers import Capture
    from reportedly.store import Store
    from reportedly.web.app import create_app

    meta, a = analysed_corpus[0]
    capture = Capture(
        "/srv/corpus-warc/run.warc.gz", "<urn:uuid:42>", "https://example.org/final", "2026-01-02T03:04:05Z"
    )
    with Store(str(tmp_path / "c.db")) as store:
        article_id = store.add(a, outlet=meta["outlet"], url=meta["url"], capture=capture)
    with TestClient(create_app(str(tmp_path / "c.db"))) as c:
        body = c.get(f"/api/articles/{article_id}").json()
    assert body["warc_file"] == "run.warc.gz" and "/srv" not in str(body)
    assert body["warc_record_id"] == "<urn:uuid:42>" and body["final_url"] == "https://example.org/final"
    assert body["fetched_at"] == "2026-01-02T03:04:05Z"
