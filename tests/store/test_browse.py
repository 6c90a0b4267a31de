"""Browsing at scale on both stores: keyset pages that are complete and stable, and the people table (migration 8)
that the people list and a person's page read instead of every quote."""

from __future__ import annotations

import dataclasses

import pytest

from reportedly.store import Store, browse
from reportedly.store import db as store_db
from reportedly.store.migrations import MIGRATIONS

COUNTED = (
    "SELECT coalesce(e.name, q.speaker) AS name, count(*) AS quotes, count(DISTINCT q.article_id) AS articles, "
    "min(a.published) AS first_published, max(a.published) AS last_published FROM quotes q "
    "JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id "
    "WHERE q.speaker IS NOT NULL AND (q.speaker_type = 'person' OR e.type = 'PERSON') "
    "GROUP BY coalesce(e.name, q.speaker) ORDER BY name"
)


def fill(store, analysed, copies: int = 2) -> None:
    """Each article `copies` times under other keys: articles that share a date, so ties need the id to order."""
    for k in range(copies):
        for n, (meta, a) in enumerate(analysed):
            store.add(a, outlet=meta["outlet"], url=meta["url"], digest=f"{k}-{n}")


def people_table(store) -> list[dict]:
    return store.rows(
        "SELECT name, quotes, articles, first_published, last_published FROM people WHERE quotes > 0 ORDER BY name"
    )


def walk(page, limit: int) -> list[int]:
    """Every id met following `next` cursors from the first page."""
    seen, after = [], None
    while True:
        got = page(limit=limit, after=after)
        assert len(got["items"]) <= limit
        seen += [r["id"] for r in got["items"]]
        after = got["next"]
        if after is None:
            return seen


def test_people_table_is_kept_by_the_store_as_quotes_arrive(store, analysed):
    fill(store, analysed)
    counted = store.rows(COUNTED)
    assert counted and people_table(store) == counted
    assert all(p["articles"] % 2 == 0 and p["articles"] <= p["quotes"] for p in counted)  # each article twice
    top = browse.people(store, None, 3, 0)["items"]
    assert [p["quotes"] for p in top] == sorted((p["quotes"] for p in counted), reverse=True)[:3]


def test_migration_8_fills_the_people_table_from_stored_quotes(db_url, analysed, monkeypatch):
    # a store before migrations 8 and 9 (10 stays: today's inserts write its column)
    monkeypatch.setattr(store_db, "MIGRATIONS", [m for m in MIGRATIONS if m.version not in (8, 9)])
    with Store(db_url) as s:
        fill(s, analysed, copies=1)
        expected = s.rows(COUNTED)
    monkeypatch.setattr(store_db, "MIGRATIONS", MIGRATIONS)
    with Store(db_url) as s:
        assert 8 in {m["version"] for m in s.migrations()}
        assert expected and people_table(s) == expected
        cited = {r["source"] for r in s.rows("SELECT source FROM attributions WHERE source_type = 'person'")}
        names = {r["name"] for r in s.rows("SELECT name FROM people")}
        assert cited <= names  # people only cited (reported speech) are found by name too


def test_article_cursors_walk_the_whole_corpus_once_in_order(store, analysed):
    fill(store, analysed)
    by_offset = browse.list_articles(store, 100, 0)["items"]
    assert len(by_offset) == 2 * len(analysed)
    dates = [r["published"] or "" for r in by_offset]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) < len(dates)  # ties on a date exist
    assert walk(lambda **kw: browse.list_articles(store, **kw), 3) == [r["id"] for r in by_offset]


def test_article_cursor_is_stable_while_articles_are_added(store, analysed):
    fill(store, analysed)
    first = browse.list_articles(store, 4, 0)
    meta, a = analysed[0]
    newest = dataclasses.replace(a, published="2099-01-01")
    assert store.add(newest, outlet=meta["outlet"], digest="newest")  # the first page by offset; not after the cursor
    rest = walk(lambda limit, after: browse.list_articles(store, limit, after=after or first["next"]), 4)
    everything = [r["id"] for r in first["items"]] + rest
    assert len(everything) == len(set(everything)) == 2 * len(analysed)


def test_outlet_filter_pages_by_cursor_too(store, analysed):
    fill(store, analysed)
    outlet = analysed[0][0]["outlet"]
    ids = walk(lambda **kw: browse.list_articles(store, outlet=outlet.upper(), **kw), 1)
    assert ids == [r["id"] for r in browse.list_articles(store, 100, 0, outlet=outlet)["items"]] and ids


def test_quote_cursors_walk_every_quote_once_in_order(store, analysed):
    fill(store, analysed)
    by_offset = [q["id"] for q in browse.list_quotes(store, limit=1000)["items"]]
    assert len(by_offset) == store.counts()["quotes"]
    assert walk(lambda **kw: browse.list_quotes(store, **kw), 4) == by_offset
    speaker = store.rows("SELECT speaker FROM quotes WHERE speaker IS NOT NULL LIMIT 1")[0]["speaker"]
    theirs = [q["id"] for q in browse.list_quotes(store, speaker=speaker, limit=1000)["items"]]
    assert walk(lambda **kw: browse.list_quotes(store, speaker=speaker, **kw), 1) == theirs and theirs


@pytest.mark.parametrize("after", [10**9, 2**62])
def test_a_cursor_past_the_end_is_an_empty_page(store, analysed, after):
    fill(store, analysed, copies=1)
    assert browse.list_articles(store, 5, after=after) == {
        "items": [],
        "limit": 5,
        "offset": 0,
        "next_offset": None,
        "next": None,
    }
    assert browse.list_quotes(store, limit=5, after=after)["items"] == []


def test_cursor_pages_seek_the_index_on_sqlite(tmp_path, analysed):
    """A deep page costs what the first does: SQLite seeks the newest-first index instead of scanning to the cursor."""
    store = Store(str(tmp_path / "c.db"))
    fill(store, analysed, copies=1)
    asked = []
    rows = store.rows
    store.rows = lambda sql, params=(): asked.append((sql, params)) or rows(sql, params)
    last_quote = store.rows("SELECT max(id) AS n FROM quotes")[0]["n"]
    browse.list_articles(store, 2, after=3)
    browse.list_quotes(store, limit=2, after=last_quote)
    plans = [
        " | ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        for sql, params in asked
        if "<= ?" in sql
    ]
    store.close()
    assert len(plans) == 2
    assert all("SEARCH a USING INDEX articles_newest (<expr><?)" in p for p in plans), plans
    assert "SCAN q" not in plans[1]  # quotes are read article by article, not all of them sorted


SPELLINGS = [
    "Tamir Heyman",
    "Tamir Hayman",
    "Tamir Heymanovitch",
    "Rishi Sunak",
    "Liz Sunak",
    "Svante Pääbo",
    "Paul Éluard",
    "Paul Eluard",
    "Madonna",
    "Gen. Mark A. Milley",
] + [f"Person{k} Surname{k}" for k in range(200)]


def test_a_persons_spellings_come_from_the_surname_index_and_miss_none(store):
    """Migration 9: a person's page looks spellings up by the initial and length of the surname (indexed) and finds
    every name the old full comparison found."""
    with store.transaction():
        for n in SPELLINGS:
            store.execute("INSERT INTO people(name, quotes) VALUES (?, 1)", (n,))
    for name in SPELLINGS[:10] + ["Tamir Hayman", "paul eluard", "Svante Paabo", "Milley"]:
        every = sorted(n for n in SPELLINGS if n.lower() == name.lower() or browse._variant(n, name))
        found = browse.person(store, name)
        assert (found["variants"] if found else []) == every, name
    assert browse.person(store, "Tamir Heyman")["variants"] == ["Tamir Hayman", "Tamir Heyman"]
    assert browse.person(store, "Paul Eluard")["variants"] == ["Paul Eluard", "Paul Éluard"]
    assert browse.person(store, "Svante Paabo")["variants"] == ["Svante Pääbo"]
    assert browse.person(store, "Nobody Known") is None
    if store.dialect == "sqlite":
        plan = store.rows(
            "EXPLAIN QUERY PLAN SELECT name FROM people WHERE "
            f"{browse.SURNAME_INITIAL} IN ('h') AND {browse.SURNAME_LENGTH} BETWEEN 3 AND 9"
        )
        assert any("people_surname" in r["detail"] for r in plan)
