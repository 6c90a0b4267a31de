"""Store: one connection to SQLite (a file, WAL mode, FTS5) or PostgreSQL, the same tables and queries on both.
SQL is written with `?` placeholders; PostgreSQL gets them as `%s`. User input only ever travels as parameters."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from ..errors import StoreError
from ..ingest.metadata import labelled
from ..ingest.readers import Capture
from ..models import Analysis, Signature
from . import signatures
from .migrations import MIGRATIONS

DEFAULT_DB = "reportedly.db"
MAX_LIMIT = 10_000
NEWEST = "coalesce(a.published, '')"  # undated last on both stores; matches the index articles_newest
BUSY_TIMEOUT_MS = 10_000  # how long a SQLite writer waits for another process's write lock before giving up
SEARCH_RANKED = 200  # search ranks the newest this many matches of its words (a common word matches most articles)


def content_hash(text: str) -> str:
    """The key of an article: SHA-256 of its text with whitespace collapsed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def open_store(url: Optional[str] = None, create: bool = True) -> "Store":
    """The store at `url` (a SQLite path by default); with create=False a missing SQLite file is an error, not a
    new empty corpus (a typo in --db should not look like an empty result)."""
    url = url or DEFAULT_DB
    if not create and not is_postgresql(url):
        path = sqlite_path(url)
        if not Path(path).exists():
            raise StoreError(f"no corpus at {path}: run `reportedly ingest ... --db {path}` first")
    return Store(url)


def is_postgresql(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def connect(url: str):
    """A new connection to the database at `url`: SQLite in WAL mode with foreign keys on, or PostgreSQL in
    autocommit mode (transactions are explicit: Store.transaction)."""
    if is_postgresql(url):
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg: pip install 'reportedly[postgres]'") from None
        try:
            return psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL: {str(e).strip().splitlines()[0]}") from None
    path = sqlite_path(url)
    if Path(path).is_dir():
        raise StoreError(f"{path} is a directory: give a database file name, e.g. --db corpus.db")
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    except sqlite3.DatabaseError as e:
        raise StoreError(f"cannot open {path} as a SQLite database: {e}") from None
    return conn


def sqlite_path(url: str) -> str:
    return url[len("sqlite:///") :] if url.startswith("sqlite:///") else url


class Store:
    """Typed reads and writes over one connection. With `conn`, over a connection someone else opened and will close
    (a pool's: store/pool.py); with migrate=False, the schema is taken as current (the pool migrated it once)."""

    def __init__(self, url: str, *, conn: Any = None, migrate: bool = True):
        self.url = url
        self._entity_ids: dict[tuple[str, str], int] = {}
        self.dialect = "postgresql" if is_postgresql(url) else "sqlite"
        self._conn = conn if conn is not None else connect(url)
        if migrate:
            try:
                self.migrate()
            except BaseException:
                if conn is None:  # ours: a refused database is not left open
                    self._conn.close()
                raise

    @property
    def conn(self):
        return self._conn

    # ------------------------------------------------------------------------------------------- plumbing

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: tuple = ()):
        try:
            return self.conn.execute(self._sql(sql), params)
        except Exception as e:
            if isinstance(e, sqlite3.Error) or type(e).__module__.startswith("psycopg"):
                raise StoreError(f"database error: {str(e).strip().splitlines()[0]}") from None
            raise

    def rows(self, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    @contextmanager
    def transaction(self):
        """One transaction; on rollback the entity-id cache goes back too, so no later article is linked to an
        entity row that was never committed."""
        saved = dict(self._entity_ids)
        try:
            if self.dialect == "sqlite":
                self._sqlite_begin()
                try:
                    yield
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
            else:
                with self.conn.transaction():
                    yield
        except BaseException:
            self._entity_ids = saved
            raise

    def _sqlite_begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise self._sqlite_error(e) from None

    def _sqlite_error(self, e: sqlite3.OperationalError) -> StoreError:
        if "locked" in str(e) or "busy" in str(e):
            return StoreError(
                f"{sqlite_path(self.url)} is locked by another process writing to it (waited "
                f"{BUSY_TIMEOUT_MS / 1000:g} s): try again when it has finished"
            )
        return StoreError(f"database error: {str(e).strip().splitlines()[0]}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ----------------------------------------------------------------------------------------- migrations

    def migrate(self) -> list[int]:
        """Apply the migrations not yet recorded; returns the versions applied now. A database that holds tables
        but no migration record belongs to something else, and one with a migration this version does not know was
        written by a newer version: both refused, left as they were."""
        tables = self._tables()
        if tables and "schema_migrations" not in tables:
            shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(
                f"{sqlite_path(self.url) if self.dialect == 'sqlite' else 'the PostgreSQL database'} is not a "
                f"reportedly corpus (it holds other tables: {shown}): give a corpus or a new file name"
            )
        self.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "description TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {r["version"] for r in self.rows("SELECT version FROM schema_migrations")}
        newest = max(m.version for m in MIGRATIONS)
        if done and max(done) > newest:
            raise StoreError(
                f"{sqlite_path(self.url) if self.dialect == 'sqlite' else 'the PostgreSQL database'} was written by "
                f"a newer reportedly (schema migration {max(done)}; this version knows up to {newest}): upgrade "
                "reportedly to use it; nothing was changed"
            )
        applied = []
        for m in MIGRATIONS:
            if m.version in done:
                continue
            record = "INSERT INTO schema_migrations(version, description, applied_at) VALUES (%d, '%s', '%s')" % (
                m.version,
                m.description.replace("'", "''"),
                _now(),
            )
            if self.dialect == "sqlite":
                try:
                    self.conn.executescript("BEGIN;\n" + m.script("sqlite") + record + ";\nCOMMIT;")
                except sqlite3.OperationalError as e:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise self._sqlite_error(e) from None
            else:
                with self.conn.transaction():
                    self.conn.execute(m.script("postgresql") + record)
            applied.append(m.version)
        return applied

    def _tables(self) -> set[str]:
        if self.dialect == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        else:
            sql = "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
        return {r["name"] for r in self.rows(sql)}

    def migrations(self) -> list[dict]:
        return self.rows("SELECT version, description, applied_at FROM schema_migrations ORDER BY version")

    # --------------------------------------------------------------------------------------------- writing

    def has(self, digest: str) -> bool:
        return bool(self.rows("SELECT 1 AS x FROM articles WHERE content_hash = ?", (digest,)))

    def stored_url(self, url: str) -> Optional[int]:
        """The id of an article stored from `url` (as its URL or the final URL it was fetched from), else None."""
        rows = self.rows("SELECT id FROM articles WHERE url = ? OR final_url = ? ORDER BY id LIMIT 1", (url, url))
        return rows[0]["id"] if rows else None

    def add(
        self,
        a: Analysis,
        *,
        outlet: Optional[str] = None,
        source: Optional[str] = None,
        url: Optional[str] = None,
        digest: Optional[str] = None,
        capture: Optional[Capture] = None,
        signature: Optional[Signature] = None,
        keys: Sequence[int] = (),
    ) -> Optional[int]:
        """Store one analysed article in one transaction; None when an article with the same text is stored.
        `capture` says where a fetched page's evidence is (WARC file and record, final URL, fetch time). With its
        clustering `signature` and band `keys`, the article waits for the next story update (pipeline/stories.py);
        without them, that update computes them from the text."""
        digest = digest or content_hash(a.text)
        c = capture or Capture(None, None, None, None)
        with self.transaction():
            cur = self.execute(
                "INSERT INTO articles(content_hash, url, title, outlet, author, published, source, text, "
                "source_format, warnings, ingested_at, analysis, language, warc_file, warc_record_id, final_url, "
                "fetched_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT(content_hash) DO NOTHING RETURNING id",
                (
                    digest,
                    url or a.url,
                    a.title,
                    outlet or a.site,
                    a.author,
                    a.published,
                    source,
                    a.text,
                    a.source_format,
                    json.dumps(list(a.warnings)),
                    _now(),
                    analysis_record(a),
                    a.language,
                    c.warc_file,
                    c.warc_record_id,
                    c.final_url,
                    c.fetched_at,
                ),
            )
            row = cur.fetchone()
            if row is None:
                return None
            article_id = row[0]
            ids = self._entities(article_id, a)
            self._children(article_id, a, ids)
            if signature is not None:
                signatures.save(self, article_id, signature, keys)
        return article_id

    def _entities(self, article_id: int, a: Analysis) -> dict[str, int]:
        ids = {}
        for e in a.entities:
            key = (e.name, e.type)
            eid = self._entity_ids.get(key)
            if eid is None:
                self.execute(
                    "INSERT INTO entities(name, type, kind) VALUES (?,?,?) ON CONFLICT(name, type) DO NOTHING",
                    (e.name, e.type, e.kind),
                )
                eid = self.rows("SELECT id FROM entities WHERE name = ? AND type = ?", key)[0]["id"]
                self._entity_ids[key] = eid
            ids[e.id] = eid
            self.execute(
                "INSERT INTO article_entities(article_id, entity_id, local_id, title, role, mentions) "
                "VALUES (?,?,?,?,?,?)",
                (
                    article_id,
                    eid,
                    e.id,
                    e.title,
                    e.role,
                    json.dumps([asdict(m) for m in e.mentions], ensure_ascii=False),
                ),
            )
        return ids

    def _children(self, article_id: int, a: Analysis, ids: dict[str, int]) -> None:
        for q in a.quotes:
            m = q.speaker_mention
            self.execute(
                "INSERT INTO quotes(article_id, start_char, end_char, text, kind, speaker, speaker_type, "
                "speaker_entity_id, speaker_mention, speaker_start, speaker_end, cue, how) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article_id,
                    q.start,
                    q.end,
                    q.text,
                    q.kind,
                    q.speaker,
                    q.speaker_type,
                    ids.get(q.speaker_id),
                    m.text if m else None,
                    m.start if m else None,
                    m.end if m else None,
                    q.cue,
                    q.attribution,
                ),
            )
        for at in a.attributions:
            m = at.source_mention
            self.execute(
                "INSERT INTO attributions(article_id, content, content_spans, source, source_type, "
                "source_entity_id, source_mention, source_start, source_end, cue, cue_start, cue_end, hedged, cue_kind) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article_id,
                    at.content,
                    json.dumps(at.content_spans),
                    at.source,
                    at.source_type,
                    ids.get(at.source_id),
                    m.text if m else None,
                    m.start if m else None,
                    m.end if m else None,
                    at.cue,
                    at.cue_span[0],
                    at.cue_span[1],
                    at.hedged,
                    at.cue_kind,
                ),
            )
        for n in a.no_comment:
            self.execute(
                "INSERT INTO no_comment(article_id, start_char, end_char, text, source) VALUES (?,?,?,?,?)",
                (article_id, n.start, n.end, n.text, n.source),
            )
        for t in a.timexes:
            self.execute(
                "INSERT INTO timexes(article_id, start_char, end_char, text, type, value, granularity, mod, "
                "signal, resolved) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (article_id, t.start, t.end, t.text, t.type, t.value, t.granularity, t.mod, t.signal, t.resolved),
            )

    # --------------------------------------------------------------------------------------------- reading

    def analysis(self, article_id: int) -> Optional[Analysis]:
        """The whole analysis of a stored article, or None when there is no such article. A row stored before the
        record was kept (migration 3) is an error that says to run `reportedly reanalyse`: the store runs no NLP."""
        rows = self.rows("SELECT text, analysis FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        row = rows[0]
        if not row["analysis"]:
            raise StoreError(
                f"article {article_id} was stored before analysis records were kept: run `reportedly reanalyse "
                f"--db {self.url}` once to analyse such rows again"
            )
        return Analysis.from_dict({**json.loads(row["analysis"]), "text": row["text"]})

    def article_meta(self, article_id: int) -> Optional[dict[str, Any]]:
        """A stored article's metadata and the evidence of its fetch (no text), or None when there is none."""
        rows = self.rows(
            "SELECT id, outlet, url, published, title, final_url, fetched_at, warc_file, warc_record_id "
            "FROM articles WHERE id = ?",
            (article_id,),
        )
        return rows[0] if rows else None

    def unanalysed(self, batch: int = 50) -> Iterator[list[dict]]:
        """Articles stored without their analysis record (before migration 3), `batch` at a time, in id order."""
        last = 0
        while True:
            page = self.rows(
                "SELECT id, text, title, published FROM articles WHERE analysis IS NULL AND id > ? ORDER BY id LIMIT ?",
                (last, batch),
            )
            if not page:
                return
            yield page
            last = page[-1]["id"]

    def count_unanalysed(self) -> int:
        return self.rows("SELECT count(*) AS n FROM articles WHERE analysis IS NULL")[0]["n"]

    def set_analysis(self, article_id: int, a: Analysis) -> None:
        """Keep the analysis record of a row stored without one (its quotes and other rows stay as stored)."""
        self.execute(
            "UPDATE articles SET analysis = ? WHERE id = ? AND analysis IS NULL", (analysis_record(a), article_id)
        )

    def counts(self) -> dict[str, int]:
        return {
            t: self.rows(f"SELECT count(*) AS n FROM {t}")[0]["n"]
            for t in ("articles", "entities", "quotes", "attributions", "timexes")
        }

    def quotes(
        self,
        speaker: Optional[str] = None,
        outlet: Optional[str] = None,
        since: Optional[str] = None,
        limit: int = 100,
        offset: int = 0,
        after: Optional[int] = None,
    ) -> list[dict]:
        """Quotes with their article, newest first (undated last; one article's quotes in text order); `speaker`
        matches the canonical name or any part of it. `after` is a quote id: the quotes that follow it in this order
        (keyset pagination), none when there is no such quote."""
        where, params = [], []
        if speaker:
            where.append(
                "(lower(q.speaker) = lower(?) OR lower(q.speaker) LIKE ? ESCAPE '\\' "
                "OR lower(e.name) LIKE ? ESCAPE '\\')"
            )
            pattern = "%" + like_pattern(speaker.lower()) + "%"
            params += [speaker, pattern, pattern]
        where, params = self.article_filters(where, params, outlet, since)
        if after is not None:
            anchor = self.rows(
                f"SELECT {NEWEST} AS p, a.id AS aid, q.start_char AS s, q.id AS qid FROM quotes q "
                "JOIN articles a ON a.id = q.article_id WHERE q.id = ?",
                (int(after),),
            )
            if not anchor:
                return []
            k = anchor[0]
            where.append(
                # the redundant `<=` gives SQLite a range to seek in the index; row values alone would scan it
                f"{NEWEST} <= ? AND ({NEWEST} < ? OR a.id < ? OR (a.id = ? AND (q.start_char, q.id) > (?, ?)))"
            )
            params += [k["p"], k["p"], k["aid"], k["aid"], k["s"], k["qid"]]
        sql = (
            "SELECT q.id, q.text, q.kind, q.speaker, q.speaker_mention, q.cue, q.start_char, q.end_char, "
            "a.id AS article_id, a.title, a.outlet, a.published, a.url FROM articles a "
            # SQLite's CROSS JOIN keeps articles outside: read newest first by index, not every quote then sorted
            + ("CROSS JOIN" if self.dialect == "sqlite" else "JOIN")
            + " quotes q ON q.article_id = a.id LEFT JOIN entities e ON e.id = q.speaker_entity_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {NEWEST} DESC, a.id DESC, q.start_char, q.id LIMIT ? OFFSET ?"
        )
        return self.rows(sql, tuple(params) + (_limit(limit), max(0, int(offset))))

    def sources(self, outlet: Optional[str] = None, limit: int = 100) -> list[dict]:
        """Who gets a voice: each source with its type, its quotes, attributions and articles."""
        where, params = self.article_filters([], [], outlet, None)
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        sql = (
            "SELECT source, source_type, sum(quotes) AS quotes, sum(attributions) AS attributions, "
            "count(DISTINCT article_id) AS articles FROM ("
            "SELECT coalesce(q.speaker, '(unknown)') AS source, coalesce(q.speaker_type, 'unnamed') AS source_type, "
            "1 AS quotes, 0 AS attributions, a.id AS article_id FROM quotes q "
            "JOIN articles a ON a.id = q.article_id"
            + cond
            + " UNION ALL SELECT coalesce(t.source, '(unknown)'), t.source_type, 0, 1, a.id FROM attributions t "
            "JOIN articles a ON a.id = t.article_id"
            + cond
            + ") s GROUP BY source, source_type ORDER BY sum(quotes) + sum(attributions) DESC, source LIMIT ?"
        )
        return self.rows(sql, tuple(params) * 2 + (_limit(limit),))

    def source_types(self, outlet: Optional[str] = None) -> list[dict]:
        where, params = self.article_filters([], [], outlet, None)
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        sql = (
            "SELECT t.source_type, count(*) AS attributions, count(DISTINCT t.source) AS sources "
            "FROM attributions t JOIN articles a ON a.id = t.article_id"
            + cond
            + " GROUP BY t.source_type ORDER BY count(*) DESC"
        )
        return self.rows(sql, tuple(params))

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[dict]:
        """Articles matching all the words of `text`, best first among the newest SEARCH_RANKED that match (a
        common word matches most of a large corpus, and ranking every match is what a search would spend its time
        on); `offset` skips that many."""
        words = re.findall(r"\w+", text)
        if not words:
            return []
        if self.dialect == "sqlite":
            query = " ".join('"%s"' % w.replace('"', '""') for w in words)
            # bm25 is computed for every match: only the newest SEARCH_RANKED matches are ranked, those from the
            # rowid of the last of them on (FTS5 walks its matches newest first and takes a rowid range)
            sql = (
                "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source, "
                "snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet FROM articles_fts "
                "JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND articles_fts.rowid >= "
                "coalesce((SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC "
                "LIMIT 1 OFFSET ?), 0) ORDER BY rank LIMIT ? OFFSET ?"
            )
            args = (query, query, SEARCH_RANKED - 1, _limit(limit), max(0, int(offset)))
            return labelled(self.rows(sql, args))
        # ts_rank reads each match's whole tsvector: a common word matches tens of thousands of articles, so only
        # the newest SEARCH_RANKED matches are ranked (found through the GIN index, or newest first through the
        # primary key when the word is common); ts_headline runs on the page's rows only
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source, "
            "ts_headline('english', a.text, plainto_tsquery('english', ?), "
            "'StartSel=[, StopSel=], MaxWords=14, MinWords=6') AS snippet FROM articles a "
            "JOIN (SELECT id FROM articles WHERE search @@ plainto_tsquery('english', ?) ORDER BY id DESC LIMIT ?) m "
            "ON m.id = a.id ORDER BY ts_rank(a.search, plainto_tsquery('english', ?)) DESC, a.id LIMIT ? OFFSET ?"
        )
        q = " ".join(words)
        return labelled(self.rows(sql, (q, q, SEARCH_RANKED, q, _limit(limit), max(0, int(offset)))))

    def articles(self, batch: int = 200) -> Iterator[dict]:
        """Every stored article with its quotes, attributions and time expressions, streamed in id order."""
        last = 0
        while True:
            page = self.rows(
                "SELECT id, content_hash, url, title, outlet, author, published, source, final_url, fetched_at, "
                "warc_file, warc_record_id, text FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                (last, batch),
            )
            if not page:
                return
            for art in page:
                art["quotes"] = self.rows(
                    "SELECT start_char, end_char, text, kind, speaker, speaker_mention, cue "
                    "FROM quotes WHERE article_id = ? ORDER BY start_char",
                    (art["id"],),
                )
                art["attributions"] = self.rows(
                    "SELECT content, content_spans, source, source_type, source_mention, cue, hedged, cue_kind "
                    "FROM attributions WHERE article_id = ? ORDER BY cue_start",
                    (art["id"],),
                )
                for at in art["attributions"]:
                    at["content_spans"] = json.loads(at["content_spans"])
                    at["hedged"] = bool(at["hedged"])
                art["timexes"] = self.rows(
                    "SELECT start_char, end_char, text, type, value FROM timexes "
                    "WHERE article_id = ? ORDER BY start_char",
                    (art["id"],),
                )
                yield art
            last = page[-1]["id"]

    def quote_rows(self, batch: int = 1000) -> Iterator[dict]:
        """Every quote joined with its article, streamed (for CSV and Parquet export)."""
        last = 0
        while True:
            page = self.rows(
                "SELECT q.id AS quote_id, a.id AS article_id, a.url, a.title, a.outlet, a.published, "
                "q.speaker, q.speaker_mention, q.cue, q.kind, q.text, q.start_char, q.end_char "
                "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id > ? "
                "ORDER BY q.id LIMIT ?",
                (last, batch),
            )
            if not page:
                return
            yield from page
            last = page[-1]["quote_id"]

    @staticmethod
    def article_filters(where: list, params: list, outlet: Optional[str], since: Optional[str]):
        """`where` and `params` with the conditions on the joined articles `a`: of `outlet` (any case), since a date."""
        if outlet:
            where = where + ["lower(a.outlet) = lower(?)"]
            params = params + [outlet]
        if since:
            where = where + ["a.published >= ?"]
            params = params + [since]
        return where, params


def analysis_record(a: Analysis) -> str:
    """The analysis as stored beside its article: the JSON record without the text (kept in its own column)."""
    d = a.to_dict()
    del d["text"]
    return json.dumps(d, ensure_ascii=False)


def like_pattern(s: str) -> str:
    """`s` escaped for LIKE ... ESCAPE '\\': its %, _ and backslashes match themselves."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _limit(n: int) -> int:
    return max(1, min(int(n), MAX_LIMIT))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
