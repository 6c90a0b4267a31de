"""Pages over a corpus of plain-text files without outlets or titles: nodes and lists are labelled by file name,
host or outlet, never "?" or "(untitled)"."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from reportedly.web.app import create_app

from ..plain_corpus import plain_store


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """The app over the plain folder in SQLite, and the id of its story."""
    url, story_id = plain_store(tmp_path_factory.mktemp("plain"))
    with TestClient(create_app(url)) as c:
        yield c, story_id


def _no_placeholders(html: str) -> None:
    assert "(untitled" not in html
    assert not re.search(r">\s*\?\s*<", html)  # a node, link or cell that says only "?"
    assert not re.search(r"<title>\?[ <]", html)  # an SVG tooltip starting with "?"


def test_story_page_labels_every_node(plain):
    client, story_id = plain
    html = client.get(f"/stories/{story_id}").text
    _no_placeholders(html)
    nodes = re.findall(
        r'<g class="node[^"]*"[^>]*><title>[^<]*</title>\s*<circle[^>]*/><text[^>]*>([^<]*)</text>', html
    )
    assert len(nodes) == 4, html
    assert {"Riverside Wire", "The Guardian", "03_rewrite.txt", "04_own.txt"} == set(nodes)


def test_article_lists_have_titles(plain):
    client, _ = plain
    for path in ("/articles", "/", "/stories", "/search?q=bridge"):
        html = client.get(path).text
        _no_placeholders(html)
    articles = client.get("/articles").text
    assert "04_own.txt" in articles and "Elm Street bridge to be rebuilt" in articles


def test_api_rows_carry_labels_not_server_paths(plain):
    client, _ = plain
    items = client.get("/api/articles").json()["items"]
    assert {i["title_label"] for i in items} >= {"04_own.txt", "Council votes to rebuild bridge"}
    assert all("source" not in i for i in items)
