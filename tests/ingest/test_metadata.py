"""Metadata beyond the text: sidecar files beside plain text, outlet names from hosts, labels for views."""

from __future__ import annotations

import json

import pytest

from reportedly.analyze import prepare
from reportedly.ingest.metadata import (
    host,
    is_dateline,
    labelled,
    outlet_for_url,
    outlet_label,
    outlets,
    read_sidecar,
    title_label,
)
from reportedly.ingest.readers import Failure, Item, read_paths
from reportedly.rules import load

from ..plain_corpus import write_plain_folder

DATE_WORDS = frozenset(load("en").months) | frozenset(load("en").weekdays)


@pytest.mark.parametrize(
    "url, outlet",
    [
        ("https://www.bbc.co.uk/news/uk-1", "BBC"),
        ("https://news.bbc.co.uk/1/hi/uk/1.stm", "BBC"),  # a subdomain takes its domain's outlet
        ("https://apnews.com/article/x", "Associated Press"),
        ("apnews.com/article/x", "Associated Press"),  # no scheme
        ("https://g1.globo.com/x", "g1"),  # the longest listed domain wins over globo.com
        ("https://www.dailyrecord.co.uk/news/x", "dailyrecord.co.uk"),  # not listed: the host, as it is
        ("https://WWW.Reuters.com/world/", "Reuters"),
        ("", None),
        (None, None),
        ("https://localhost/x", None),
        ("not a url", None),
    ],
)
def test_outlet_for_url(url, outlet):
    assert outlet_for_url(url) == outlet


def test_outlets_table_is_domains_to_names():
    table = outlets()
    assert len(table) > 300
    for domain, name in table.items():
        assert domain == domain.lower() and "." in domain and not domain.startswith("www.") and " " not in domain
        assert name, domain


def test_host_drops_www_and_port():
    assert host("http://www.example.org:8080/a?b=1") == "example.org"
    assert host("https://[::1/") is None


@pytest.mark.parametrize(
    "line, dateline",
    [
        ("LONDON (Reuters) -", True),
        ("WASHINGTON —", True),
        ("PARIS, March 3 –", True),
        ("May 4, 2022", True),
        ("Tuesday 3 May 2022", True),
        ("2022-05-04", True),
        ("Elm Street bridge to be rebuilt", False),
        ("Oil prices fall 3% after OPEC deal", False),
        ("May Day marchers fill the square", False),
    ],
)
def test_is_dateline(line, dateline):
    assert is_dateline(line, DATE_WORDS) is dateline


def test_first_line_title_but_not_a_dateline():
    body = "The council voted on Monday to rebuild the bridge, which collapsed in the storm. " * 3
    assert prepare("Elm Street bridge to be rebuilt\n\n" + body).title == "Elm Street bridge to be rebuilt"
    assert prepare("May 4, 2022\n\n" + body).title is None
    assert prepare("The council met.\n\n" + body).title is None  # a sentence, not a headline


def test_read_sidecar(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("x", encoding="utf-8")
    assert read_sidecar(text) == ({}, None)
    (tmp_path / "a.json").write_text(json.dumps({"url": " https://x.org/a ", "title": "", "other": 1}), "utf-8")
    assert read_sidecar(text) == ({"url": "https://x.org/a"}, None)
    (tmp_path / "a.json").write_text("[1, 2]", encoding="utf-8")
    assert read_sidecar(text) == ({}, "sidecar a.json ignored: it must hold one JSON object")
    (tmp_path / "a.json").write_text('{"title": ', encoding="utf-8")
    meta, note = read_sidecar(text)
    assert meta == {} and note.startswith("sidecar a.json ignored: ") and "\n" not in note


def test_read_paths_takes_sidecars(tmp_path):
    folder = write_plain_folder(tmp_path / "plain")
    items = {i.ref.rsplit("/", 1)[-1]: i for i in read_paths([folder])}
    assert all(isinstance(i, Item) for i in items.values())
    assert sorted(items) == ["01_wire.txt", "02_copy.txt", "03_rewrite.txt", "04_own.txt"]  # sidecars are not articles
    wire = items["01_wire.txt"]
    assert (wire.title, wire.outlet, wire.published, wire.note) == (
        "Council votes to rebuild bridge",
        "Riverside Wire",
        "2022-05-02",
        None,
    )
    assert items["02_copy.txt"].url == "https://www.theguardian.com/uk-news/2022/may/03/bridge"
    assert items["02_copy.txt"].published == "2022-05-03"
    assert items["03_rewrite.txt"].title is None and items["03_rewrite.txt"].note.startswith("sidecar 03_rewrite.json")
    assert items["04_own.txt"] == Item(items["04_own.txt"].ref, items["04_own.txt"].data)


def test_sidecar_of_a_file_named_on_the_command_line(tmp_path):
    folder = write_plain_folder(tmp_path / "plain")
    (item,) = read_paths([folder / "01_wire.txt"])
    assert not isinstance(item, Failure) and item.outlet == "Riverside Wire"


def test_html_files_ignore_sidecars(tmp_path):
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"outlet": "Sidecar"}), encoding="utf-8")
    (item,) = read_paths([tmp_path / "a.html"])
    assert item.outlet is None


@pytest.mark.parametrize(
    "row, outlet, title",
    [
        ({"id": 1, "outlet": "Wire", "title": "T", "source": "/c/a.txt"}, "Wire", "T"),
        ({"id": 2, "url": "https://www.bbc.co.uk/n", "source": "/c/a.txt"}, "BBC", "a.txt"),
        ({"id": 3, "url": "https://www.dailyrecord.co.uk/n"}, "dailyrecord.co.uk", "dailyrecord.co.uk"),
        ({"article_id": 4, "source": "/c/dump.jsonl:7"}, "dump.jsonl:7", "dump.jsonl:7"),
        ({"id": 5}, "article 5", "article 5"),
        ({"id": 6, "outlet_label": "b.txt", "title_label": "b.txt"}, "b.txt", "b.txt"),  # labels already worked out
    ],
)
def test_labels_fall_back_to_host_file_name_and_id(row, outlet, title):
    assert (outlet_label(row), title_label(row)) == (outlet, title)


def test_labelled_keeps_stored_fields_and_drops_the_server_path():
    (row,) = labelled([{"id": 1, "outlet": None, "title": None, "source": "/srv/corpus/a.txt"}])
    assert row == {"id": 1, "outlet": None, "title": None, "outlet_label": "a.txt", "title_label": "a.txt"}


def test_dateline_dates_are_read_only_with_their_year_and_only_at_the_top():
    from reportedly.ingest.metadata import dateline_date
    from reportedly.rules import load

    rules = load("en")
    words = frozenset(rules.months) | frozenset(rules.weekdays)
    assert dateline_date("May 4, 2022\n\nThe council voted.", rules.months, words) == "2022-05-04"
    assert (
        dateline_date("Headline\n\nLONDON, 20 October 2022 (Reuters) - Truss quit.", rules.months, words)
        == "2022-10-20"
    )
    assert dateline_date("WASHINGTON, Dec. 21, 2021 — The", rules.months, words) == "2021-12-21"
    assert dateline_date("ISTANBUL, June 11 (Reuters) - City won.", rules.months, words) is None  # no year
    assert dateline_date("The council voted on May 4, 2022 to rebuild it.", rules.months, words) is None  # body
    assert dateline_date("BALTIMORE, February 30, 2024 (AP) — No such day.", rules.months, words) is None
