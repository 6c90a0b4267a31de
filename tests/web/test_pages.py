"""The server-rendered pages over both stores: what each shows, and that article text is only ever text."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import HOSTILE_URL

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_every_page_answers(client, ids):
    for path in [
        "/",
        "/articles",
        "/people",
        "/stories",
        "/search",
        "/analyse",
        f"/articles/{ids['Wire']}",
        "/people/Tamir%20Heyman",
        f"/stories/{ids['story']}",
        f"/diff?source={ids['Wire']}&copy={ids['Rewrite']}",
        "/search?q=bridge",
    ]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in r.headers["content-security-policy"]


def test_article_page_marks_quotes_by_speaker(client, ids):
    html = client.get(f"/articles/{ids['The Times of Israel']}").text
    marks = re.findall(r'<mark class="q (sp\d)" data-q="(\d+)"', html)
    assert len({q for _, q in marks}) >= 7
    assert 'id="q-info-0"' in html and "Tamir Heyman" in html
    assert '<span class="hedge"' in html  # "appears to be"
    assert "Removed scrape debris" in html and "Exit mobile version" in html
    assert "2021-10" in html  # "until October", normalised


def test_person_page_lists_what_they_said(client):
    html = client.get("/people/Tamir%20Heyman").text
    assert "The Times of Israel" in html and html.count('<span class="form form-quote">') >= 5


def test_story_page_draws_graph_timeline_and_diff_links(client, ids):
    html = client.get(f"/stories/{ids['story']}").text
    assert '<svg id="graph"' in html and html.count('class="node rel-') == 4
    assert '<svg id="timeline"' in html and html.count('class="dot rel-') == 3  # one article is undated
    assert f"/diff?source={ids['Wire']}&amp;copy={ids['Copy']}" in html


def test_diff_page_marks_the_changes(client, ids):
    html = client.get(f"/diff?source={ids['Wire']}&copy={ids['Rewrite']}").text
    assert "Meaning changes" in html and '<mark class="chg chg-' in html


def test_missing_things_are_html_404s(client):
    r = client.get("/articles/99999")
    assert r.status_code == 404 and "no article 99999" in r.text and r.headers["content-type"].startswith("text/html")
    r = client.get("/articles/abc")
    assert r.status_code == 422 and "<h1>422</h1>" in r.text


def test_hostile_article_text_is_escaped(client, ids, corpus_url):
    from reportedly.store import Store

    with Store(corpus_url) as store:
        stored = " ".join(
            r["text"]
            for r in store.rows("SELECT text FROM articles WHERE outlet IN (?, ?)", ("Courier <b>", "Harbour News"))
        )
    assert "<script>" in stored and "onerror=" in stored and 'href="javascript:' in stored  # stored as text
    html = client.get(f"/articles/{ids['Courier <b>']}").text + client.get(f"/articles/{ids['Harbour News']}").text
    assert "&lt;script&gt;window.__pwned" in html  # shown as text …
    assert "<script>window" not in html and "<img src=x" not in html  # … never as markup
    assert "&lt;a href=&#34;" in html and "&lt;img src=x onerror=" in html
    assert not re.search(r"<a [^>]*href=\"javascript:", html, re.I)
    assert HOSTILE_URL not in re.findall(r'href="([^"]*)"', html)  # a javascript: url is never a link
    assert "Courier &lt;b&gt;" in html
    assert all(src == "/static/app.js" for src in re.findall(r"<script[^>]*src=\"([^\"]+)\"", html))


def test_analyse_form_takes_text_and_html(client):
    text = (FIXTURES.parent / "golden" / "heyman-soleimani.txt").read_text(encoding="utf-8")
    r = client.post("/analyse", data={"text": text, "published": "2021-12-21"})
    assert r.status_code == 200 and "not stored" in r.text and 'data-q="0"' in r.text
    page = (FIXTURES / "messy-page.html").read_text(encoding="utf-8")
    r = client.post("/analyse", data={"text": page})
    assert r.status_code == 200 and "<article" in r.text and "<nav class" not in r.text.split("<article")[1]


def test_analyse_form_explains_a_refusal(client):
    r = client.post("/analyse", data={"text": (FIXTURES / "german-article.txt").read_text(encoding="utf-8")})
    assert r.status_code == 422 and 'role="alert"' in r.text and "E105" in r.text
    assert "Wohnungsbau" in r.text  # the pasted text is kept in the box


def test_trace_page_and_the_story_line_of_an_article(client, ids):
    html = client.get("/trace", params={"claim": "voted on Monday to rebuild the Elm Street bridge"}).text
    assert "First seen: <strong>Wire</strong> 2022-05-02" in html and "Travelled:" in html
    r = client.get("/trace", params={"claim": "bridge"})
    assert r.status_code == 422 and 'role="alert"' in r.text
    html = client.get(f"/articles/{ids['Copy']}").text
    assert f'href="/stories/{ids["story"]}"' in html and f"/diff?source={ids['Wire']}&amp;copy={ids['Copy']}" in html
    long_query = client.get("/search", params={"q": "voted on Monday"}).text
    assert "/trace?claim=voted%20on%20Monday" in long_query and "<h2>Articles</h2>" in long_query
