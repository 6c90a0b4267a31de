"""Clustering signatures in the store: each article's MinHash signature, its LSH band keys and bucket sizes, and the
connected component it belongs to (NULL until stories are updated), read and written by typed functions."""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Optional, Sequence

from ..models import Signature

if TYPE_CHECKING:
    from .db import Store

CHUNK = 500  # values per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


def _pack(values: tuple[int, ...]) -> bytes:
    return struct.pack(f"<{len(values)}I", *values)  # MinHash values are below 2**32 (datasketch's hash range)


def _unpack(blob) -> tuple[int, ...]:
    blob = bytes(blob)
    return struct.unpack(f"<{len(blob) // 4}I", blob)


def _chunks(values: Iterable, n: int = CHUNK) -> Iterator[list]:
    values = list(values)
    for i in range(0, len(values), n):
        yield values[i : i + n]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _rows_in(store: Store, sql: str, values: Iterable, extra: tuple = ()) -> Iterator:
    """The rows of `sql` over `values` a chunk at a time: `{marks}` in `sql` stands for the chunk's placeholders,
    bound before `extra`."""
    for part in _chunks(set(values)):
        yield from store.rows(sql.format(marks=_marks(len(part))), tuple(part) + extra)


def _set_column(store: Store, column: str, values: Mapping[int, Optional[int]]) -> None:
    """Set one column of article_signatures for each article of `values` (None: NULL)."""
    cur = store.conn.cursor()
    sql = store._sql(f"UPDATE article_signatures SET {column} = ? WHERE article_id = ?")
    for part in _chunks([(v, a) for a, v in values.items()], 5000):
        cur.executemany(sql, part)


# ---------------------------------------------------------------------------------------------- writing


def save(store: Store, article_id: int, sig: Signature, keys: Sequence[int]) -> bool:
    """Keep one article's signature and band keys (inside the caller's transaction); the article waits for its
    component (NULL) until stories are updated. False when another writer saved them first."""
    saved = store.execute(
        "INSERT INTO article_signatures(article_id, copy, topic, keys, language, marks) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT(article_id) DO NOTHING RETURNING article_id",
        (article_id, _pack(sig.copy), _pack(sig.topic), _pack(sig.keys), sig.language, _pack(sig.marks)),
    ).fetchone()
    if saved is None:
        return False
    for k in sorted(set(keys)):  # one order for every writer: concurrent upserts of one bucket cannot deadlock
        store.execute("INSERT INTO band_keys(key, article_id) VALUES (?,?)", (k, article_id))
        store.execute(
            "INSERT INTO band_buckets(key, size) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET size = band_buckets.size + 1",
            (k,),
        )
    return True


def set_components(store: Store, components: Mapping[int, Optional[int]]) -> None:
    """Record the component of each article (None: back to waiting for a story update)."""
    _set_column(store, "component", components)


def set_attached(store: Store, attached: Mapping[int, Optional[int]]) -> None:
    """Record the component each article's small component joins (cluster.attach_small; None: none)."""
    _set_column(store, "attached", attached)


def clear_attached(store: Store, last_id: int) -> None:
    """No article up to `last_id` joins another component (before a rebuild records the ones that do)."""
    store.execute(
        "UPDATE article_signatures SET attached = NULL WHERE article_id <= ? AND attached IS NOT NULL", (last_id,)
    )


def clear_components_after(store: Store, last_id: int) -> None:
    """Articles after `last_id` wait for the next story update again."""
    store.execute("UPDATE article_signatures SET component = NULL, attached = NULL WHERE article_id > ?", (last_id,))


# ---------------------------------------------------------------------------------------------- reading


def load(store: Store, ids: Iterable[int]) -> dict[int, Signature]:
    """The signatures of the articles `ids` that have one."""
    out = {}
    for part in _chunks(set(ids)):
        for r in store.rows(
            "SELECT article_id, copy, topic, keys, language, marks FROM article_signatures "
            f"WHERE article_id IN ({_marks(len(part))})",
            tuple(part),
        ):
            out[r["article_id"]] = Signature(
                _unpack(r["copy"]),
                _unpack(r["topic"]),
                _unpack(r["keys"]),
                r["language"],
                _unpack(r["marks"]) if r["marks"] is not None else (),
            )
    return out


def pending(store: Store) -> list[int]:
    """Articles with a signature not yet placed in a story's component, in id order."""
    return [
        r["article_id"]
        for r in store.rows("SELECT article_id FROM article_signatures WHERE component IS NULL ORDER BY article_id")
    ]


def count_pending(store: Store) -> int:
    return store.rows("SELECT count(*) AS n FROM article_signatures WHERE component IS NULL")[0]["n"]


def count_signed(store: Store) -> int:
    return store.rows("SELECT count(*) AS n FROM article_signatures")[0]["n"]


def last_signed(store: Store) -> int:
    return store.rows("SELECT coalesce(max(article_id), 0) AS n FROM article_signatures")[0]["n"]


def unsigned(store: Store, batch: int = 500) -> Iterator[list[dict]]:
    """Articles stored without a signature (before migration 7, or by a writer that had none), `batch` at a time,
    with their text."""
    last = 0
    while True:
        page = store.rows(
            "SELECT a.id, a.text FROM articles a WHERE a.id > ? AND NOT EXISTS "
            "(SELECT 1 FROM article_signatures s WHERE s.article_id = a.id) ORDER BY a.id LIMIT ?",
            (last, batch),
        )
        if not page:
            return
        yield page
        last = page[-1]["id"]


def signed_batches(store: Store, last_id: int, batch: int = 1000) -> Iterator[list[int]]:
    """Ids of the articles with a signature up to `last_id`, `batch` at a time, in id order."""
    last = 0
    while True:
        page = store.rows(
            "SELECT article_id FROM article_signatures WHERE article_id > ? AND article_id <= ? ORDER BY article_id LIMIT ?",
            (last, last_id, batch),
        )
        if not page:
            return
        yield [r["article_id"] for r in page]
        last = page[-1]["article_id"]


def many_languages(store: Store) -> bool:
    """Whether the signed articles are in two known languages or more: only then can a bucket of language-independent
    keys pair anyone (cluster.cross_only)."""
    found = store.rows(
        "SELECT language FROM article_signatures WHERE language IS NOT NULL AND language <> 'und' "
        "GROUP BY language LIMIT 2"
    )
    return len(found) > 1


def bucket_sizes(store: Store, keys: Iterable[int]) -> dict[int, int]:
    """How many articles share each band key."""
    return {
        r["key"]: r["size"] for r in _rows_in(store, "SELECT key, size FROM band_buckets WHERE key IN ({marks})", keys)
    }


def oversized(store: Store, cap: int) -> set[int]:
    """Band keys shared by more than `cap` articles (boilerplate, not a story)."""
    return {r["key"] for r in store.rows("SELECT key FROM band_buckets WHERE size > ?", (cap,))}


def bucket_members(store: Store, keys: Iterable[int], last_id: Optional[int] = None) -> dict[int, list[int]]:
    """The articles in each bucket (up to article `last_id` when given)."""
    out: dict[int, list[int]] = {}
    bound, extra = ("", ()) if last_id is None else (" AND article_id <= ?", (last_id,))
    for r in _rows_in(store, "SELECT key, article_id FROM band_keys WHERE key IN ({marks})" + bound, keys, extra):
        out.setdefault(r["key"], []).append(r["article_id"])
    return out


def _column_of(store: Store, column: str, ids: Iterable[int]) -> dict:
    """One column of article_signatures for each signed article of `ids`."""
    sql = f"SELECT article_id, {column} AS v FROM article_signatures WHERE article_id IN ({{marks}})"
    return {r["article_id"]: r["v"] for r in _rows_in(store, sql, ids)}


def components_of(store: Store, ids: Iterable[int]) -> dict[int, Optional[int]]:
    """The component of each article (None while it waits for a story update)."""
    return _column_of(store, "component", ids)


def attached_of(store: Store, components: Iterable[int]) -> dict[int, Optional[int]]:
    """The component each of `components` joins (None: none), by its first article (a component's id)."""
    return _column_of(store, "attached", components)


def attached_to(store: Store, components: Iterable[int]) -> dict[int, int]:
    """The small components that join one of `components`: their component id and the one they join."""
    sql = "SELECT DISTINCT component, attached FROM article_signatures WHERE attached IN ({marks}) AND component IS NOT NULL"
    return {r["component"]: r["attached"] for r in _rows_in(store, sql, components)}


def component_sizes(store: Store, components: Iterable[int]) -> dict[int, int]:
    """How many articles each component holds."""
    sql = "SELECT component, count(*) AS n FROM article_signatures WHERE component IN ({marks}) GROUP BY component"
    return {r["component"]: r["n"] for r in _rows_in(store, sql, components)}


def languages(store: Store, ids: Iterable[int]) -> dict[int, str]:
    """The language of each signed article of `ids`."""
    return {a: lang or "und" for a, lang in _column_of(store, "language", ids).items()}


def members_of(store: Store, components: Iterable[int]) -> dict[int, list[int]]:
    """The articles of each component."""
    out: dict[int, list[int]] = {}
    sql = "SELECT article_id, component FROM article_signatures WHERE component IN ({marks}) ORDER BY article_id"
    for r in _rows_in(store, sql, components):
        out.setdefault(r["component"], []).append(r["article_id"])
    return out
