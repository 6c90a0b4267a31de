"""The store on SQLite and on a real PostgreSQL server: the same cases, the same answers."""

from __future__ import annotations

import csv
import json

import pytest

from reportedly.store import Store
from reportedly.store.export import export
from reportedly.store.migrations import MIGRATIONS


def fill(store, analysed):
    for meta, a in analysed:
        assert store.add(a, outlet=meta["outlet"], url=meta["url"]) is not None
    return analysed


def test_migrations_are_recorded_once(db_url):
    versions = [m.version for m in MIGRATIONS]
    assert versions[:6] == [1, 2, 3, 4, 5, 6] and versions == sorted(set(versions))
    s = Store(db_url)
    assert [m["version"] for m in s.migrations()] == versions and 7 in versions
    s.close()
    s = Store(db_url)
    assert s.migrate() == [] and len(s.migrations()) == len(versions)
    s.close()


def test_an_article_is_stored_once(store, analysed):
    meta, a = analysed[0]
    first = store.add(a, outlet=meta["outlet"])
    assert first is not None and store.add(a, outlet="elsewhere") is None
    counts = store.counts()
    assert counts["articles"] == 1 and counts["quotes"] == len(a.quotes) and counts["timexes"] == len(a.timexes)


def test_entities_merge_across_articles(store, analysed):
    fill(store, analysed)
    speakers = [m["speakers"][0] for m, _ in analysed]
    rows = store.rows("SELECT name, count(*) AS n FROM entities GROUP BY name HAVING count(*) > 1")
    assert rows == []
    repeated = max(set(speakers), key=speakers.count)
    refs = store.rows(
        "SELECT count(DISTINCT ae.article_id) AS n FROM article_entities ae "
        "JOIN entities e ON e.id = ae.entity_id WHERE e.name = ?",
        (repeated,),
    )
    assert refs[0]["n"] >= speakers.count(repeated)


def test_quotes_by_speaker_outlet_and_date(store, analysed):
    fill(store, analysed)
    meta, a = analysed[0]
    who = meta["speakers"][0]
    got = store.quotes(speaker=who.split()[-1].upper())
    assert got and all(who == q["speaker"] for q in got)
    assert all(q["outlet"] == meta["outlet"] for q in store.quotes(speaker=who, outlet=meta["outlet"].lower()))
    later = store.quotes(since="2022-04-01")
    assert later and all(q["published"] >= "2022-04-01" for q in later)


def test_sources_table(store, analysed):
    fill(store, analysed)
    rows = store.sources()
    by = {(r["source"], r["source_type"]): r for r in rows}
    meta, _ = analysed[0]
    assert by[(meta["speakers"][0], "person")]["quotes"] >= 1
    assert any(t["source_type"] == "document" for t in store.source_types())


def test_full_text_search(store, analysed):
    fill(store, analysed)
    hits = store.search("council debated")
    assert len(hits) == len(analysed) and all("[" in h["snippet"] for h in hits)
    assert store.search("zzzunknownword") == []


def test_search_ranks_only_the_newest_matches(store, monkeypatch):
    """A common word matches most of a large corpus: search ranks the newest SEARCH_RANKED matches only, best first
    among them, and an older article however relevant is left out."""
    from reportedly.store import db as store_db

    texts = ["The council met. Budget budget budget budget budget."] + [
        f"Article {k}: the budget was discussed among other things at length today." for k in range(9)
    ]
    with store.transaction():
        for k, text in enumerate(texts):
            store.execute(
                "INSERT INTO articles(content_hash, title, text, ingested_at) VALUES (?,?,?,?)",
                (f"h{k}", f"t{k}", text, "2024-01-01"),
            )
    ids = [r["id"] for r in store.rows("SELECT id FROM articles ORDER BY id")]
    assert [h["id"] for h in store.search("budget", 20)][0] == ids[0]  # the oldest says it five times: best
    monkeypatch.setattr(store_db, "SEARCH_RANKED", 4)
    got = [h["id"] for h in store.search("budget", 20)]
    assert sorted(got) == ids[-4:]
    assert [h["id"] for h in store.search("budget", 2, offset=2)] == got[2:4]
    assert [h["id"] for h in store.search("council budget", 20)] == [ids[0]]  # few matches: all of them ranked


@pytest.mark.parametrize("evil", ["'; DROP TABLE articles; --", '" OR 1=1 --', "%' OR '1'='1", "NEAR(", "a*) OR (b"])
def test_parameters_cannot_inject_sql(store, analysed, evil):
    fill(store, analysed)
    assert store.search(evil) == [] or all("id" in h for h in store.search(evil))
    assert store.quotes(speaker=evil) == []
    assert store.quotes(outlet=evil) == []
    assert store.counts()["articles"] == len(analysed)


def test_export_formats(store, analysed, tmp_path):
    fill(store, analysed)
    n_quotes = store.counts()["quotes"]
    assert export(store, "jsonl", str(tmp_path / "a.jsonl")) == len(analysed)
    rows = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert rows[0]["quotes"] and rows[0]["attributions"] and rows[0]["text"]
    assert export(store, "csv", str(tmp_path / "q.csv")) == n_quotes
    with open(tmp_path / "q.csv", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == n_quotes
    import pyarrow.parquet as pq

    assert export(store, "parquet", str(tmp_path / "q.parquet")) == n_quotes
    assert pq.read_table(tmp_path / "q.parquet").num_rows == n_quotes


def test_sqlite_uses_wal(tmp_path):
    s = Store(str(tmp_path / "x.db"))
    assert s.rows("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    s.close()


def test_each_attribution_keeps_its_cue_kind_and_migration_10_fills_stored_rows(db_url, analysed):
    expected = sorted((at.cue_span[0], at.cue_kind) for _, a in analysed for at in a.attributions)
    assert {k for _, k in expected} >= {"speech", "sourcing"}

    def stored(s):
        return sorted((r["cue_start"], r["cue_kind"]) for r in s.rows("SELECT cue_start, cue_kind FROM attributions"))

    with Store(db_url) as s:
        fill(s, analysed)
        assert stored(s) == expected
        s.execute("ALTER TABLE attributions DROP COLUMN cue_kind")  # as a store written before migration 10
        s.execute("DELETE FROM schema_migrations WHERE version = 10")
    with Store(db_url) as s:
        assert stored(s) == expected  # copied from each article's analysis record


def test_the_whole_analysis_comes_back(store, analysed):
    meta, a = analysed[0]
    article_id = store.add(a, outlet=meta["outlet"], url=meta["url"])
    assert store.analysis(article_id) == a
    assert store.analysis(article_id + 1000) is None


def test_rows_stored_before_the_record_was_kept_wait_for_reanalyse(store, analysed):
    from reportedly.errors import StoreError
    from reportedly.pipeline.reanalyse import reanalyse

    meta, a = analysed[1]
    article_id = store.add(a, outlet=meta["outlet"], url=meta["url"])
    store.execute("UPDATE articles SET analysis = NULL WHERE id = ?", (article_id,))
    with pytest.raises(StoreError, match="reportedly reanalyse"):  # the store runs no NLP on a read
        store.analysis(article_id)
    seen = []
    assert reanalyse(store, lambda done, total: seen.append((done, total))) == 1 and seen == [(1, 1)]
    again = store.analysis(article_id)
    assert [q.text for q in again.quotes] == [q.text for q in a.quotes] and store.count_unanalysed() == 0


def test_a_failed_add_leaves_no_entity_ids_behind(store, analysed, monkeypatch):
    (_, first), (_, second) = analysed[0], analysed[1]
    name = first.entities[0].name

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_children", boom)
    with pytest.raises(RuntimeError):
        store.add(first)  # entities inserted, then the transaction rolls back
    monkeypatch.undo()
    assert store.rows("SELECT COUNT(*) AS n FROM entities")[0]["n"] == 0
    aid = store.add(first)  # the same article again: no FOREIGN KEY error from a stale cached id
    linked = store.rows(
        "SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ?", (aid,)
    )
    assert name in {r["name"] for r in linked}
    assert store.add(second) is not None


def test_migration_11_drops_signatures_without_marks_and_the_next_update_signs_them_again(db_url, analysed):
    from reportedly.pipeline.stories import sign, update_stories
    from reportedly.store import signatures

    with Store(db_url) as s:
        ids = [s.add(a, outlet=meta["outlet"], signature=sign(a.text)[0], keys=sign(a.text)[1]) for meta, a in analysed]
        first = signatures.load(s, ids)
        assert any(sig.marks for sig in first.values())
        s.execute("ALTER TABLE article_signatures DROP COLUMN marks")  # as a store written before migration 11
        s.execute("DELETE FROM schema_migrations WHERE version = 11")
    with Store(db_url) as s:
        assert signatures.count_signed(s) == 0 and s.rows("SELECT count(*) AS n FROM band_keys")[0]["n"] == 0
        update_stories(s)
        assert signatures.load(s, ids) == first and signatures.count_pending(s) == 0


def test_migration_12_drops_signatures_signed_before_long_figures_and_the_next_update_signs_them_again(
    db_url, analysed
):
    from reportedly.pipeline.stories import sign, update_stories
    from reportedly.store import signatures

    with Store(db_url) as s:
        ids = [s.add(a, outlet=meta["outlet"], signature=sign(a.text)[0], keys=sign(a.text)[1]) for meta, a in analysed]
        first = signatures.load(s, ids)
        s.execute("DELETE FROM schema_migrations WHERE version = 12")  # as a store written before migration 12
    with Store(db_url) as s:
        assert signatures.count_signed(s) == 0 and s.rows("SELECT count(*) AS n FROM band_keys")[0]["n"] == 0
        update_stories(s)
        assert signatures.load(s, ids) == first and signatures.count_pending(s) == 0


def test_migration_13_keeps_the_store_and_the_next_update_attaches_small_components(db_url):
    """A store written before migration 13 (no `attached` column) keeps its articles, signatures, band keys and
    stories; every article waits for the next update, which joins the short version in another language to its story
    (cluster.attach_small) under the story's id."""
    from dataclasses import replace

    from reportedly.models import Analysis, Signature
    from reportedly.pipeline.stories import update_stories
    from reportedly.provenance.cluster import band_numbers
    from reportedly.provenance.settings import fitted
    from reportedly.store import signatures
    from reportedly.store import stories as stored

    on, off = replace(fitted(), attach_share=0.4), replace(fitted(), attach_share=1.01)
    story = Signature(tuple(range(1, 65)), (), tuple(range(101, 165)), "en")
    short = Signature(tuple(range(501, 565)), (), (101, 102) + tuple(range(603, 665)), "fr")
    text = "Zorvak blemish quintar {} the harbour gate stayed shut while the lantern crew counted {} barrels of tar."
    with Store(db_url) as s:
        ids = [
            s.add(
                Analysis(text=text.format(k, 10 + k), published="2023-03-01"), signature=sig, keys=band_numbers(sig, on)
            )
            for k, sig in enumerate([story] * 4 + [short])
        ]
        update_stories(s, settings=off)
        ((sid, members),) = stored.memberships(s).items()
        assert members == frozenset(ids[:4])
        keys = s.rows("SELECT count(*) AS n FROM band_keys")[0]["n"]
        s.execute("DROP INDEX article_signatures_attached")  # as a store written before migration 13
        s.execute("ALTER TABLE article_signatures DROP COLUMN attached")
        s.execute("DELETE FROM schema_migrations WHERE version = 13")
    with Store(db_url) as s:
        assert 13 in [m["version"] for m in s.migrations()]
        assert signatures.count_signed(s) == 5 and signatures.count_pending(s) == 5
        assert s.rows("SELECT count(*) AS n FROM band_keys")[0]["n"] == keys
        assert stored.memberships(s) == {sid: frozenset(ids[:4])}  # the stories stay until the update
        update_stories(s, settings=on)
        assert stored.memberships(s) == {sid: frozenset(ids)} and signatures.count_pending(s) == 0
        assert signatures.attached_of(s, [ids[4]]) == {ids[4]: ids[0]}


def test_a_database_locked_by_another_writer_is_a_one_line_store_error(tmp_path, analysed, monkeypatch):
    # before: `reportedly ingest` on a corpus another process was writing died with
    # "internal error (OperationalError: database is locked)", exit 1
    import sqlite3

    from reportedly.errors import StoreError
    from reportedly.store import db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    path = str(tmp_path / "corpus.db")
    store = Store(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    meta, a = analysed[0]
    with pytest.raises(StoreError, match="is locked by another process"):
        store.add(a, outlet=meta["outlet"])
    other.execute("ROLLBACK")
    other.close()
    assert store.add(a, outlet=meta["outlet"]) is not None and store.counts()["articles"] == 1
    store.close()


def test_a_database_of_something_else_is_refused_and_left_as_it_was(db_url):
    # before: `reportedly quotes --db places.sqlite` added the corpus tables to that database and said "nothing found"
    from reportedly.errors import StoreError
    from reportedly.store.db import connect

    conn = connect(db_url)
    conn.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="not a reportedly corpus"):
        Store(db_url)
    conn = connect(db_url)
    try:
        assert conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 0
        with pytest.raises(Exception):
            conn.execute("SELECT count(*) FROM articles")
    finally:
        conn.close()


def test_a_corpus_written_by_a_newer_version_is_refused_and_left_as_it_was(db_url):
    # before: a corpus carrying a migration this version does not know was used without a word
    from reportedly.errors import StoreError
    from reportedly.store.db import connect

    Store(db_url).close()
    newer = max(m.version for m in MIGRATIONS) + 1
    conn = connect(db_url)
    conn.execute(
        "INSERT INTO schema_migrations(version, description, applied_at) VALUES (%d, 'from the future', 'x')" % newer
    )
    conn.close()  # both kinds of connection autocommit
    with pytest.raises(StoreError, match=f"newer reportedly \\(schema migration {newer}"):
        Store(db_url)
    conn = connect(db_url)
    try:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()]
        assert versions[-1] == newer and len(versions) == len(MIGRATIONS) + 1
    finally:
        conn.close()


def test_a_migration_waiting_on_another_writer_is_a_one_line_store_error(tmp_path, monkeypatch):
    # before: an upgrade of an older corpus that another process was writing died with
    # "internal error (OperationalError: database is locked)"
    import sqlite3

    from reportedly.errors import StoreError
    from reportedly.store import db
    from reportedly.store.migrations import Migration

    path = str(tmp_path / "corpus.db")
    Store(path).close()
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(
        db, "MIGRATIONS", [*MIGRATIONS, Migration(999, "a later one", "CREATE TABLE later (x INTEGER)")]
    )
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreError, match="is locked by another process"):
        Store(path)
    other.execute("ROLLBACK")
    other.close()
    s = Store(path)
    assert 999 in [m["version"] for m in s.migrations()]
    s.close()
