"""The columns of every table reportedly writes as files, defined once: `reportedly export` writes the quotes table,
the Spark job writes all of them, `reportedly load` reads them back. Rows are built from an analysis record."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Iterator, Mapping

# (column, type): int64 | string | float64 | bool | list<int64> | list<string>
TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("article_id", "int64"),  # the store's id; in the Spark output, article_number(content_hash)
        ("content_hash", "string"),  # store/db.py content_hash: the key of an article everywhere
        ("url", "string"),
        ("title", "string"),
        ("outlet", "string"),
        ("author", "string"),
        ("published", "string"),
        ("source", "string"),  # the file (and line or WARC record) it was read from
        ("seq", "int64"),  # its place in the input (input, file, record): the order `ingest` would store it in
        ("language", "string"),
        ("source_format", "string"),
        ("text", "string"),
        ("analysis", "string"),  # the whole analysis record as JSON, without the text (what the store keeps)
        ("sig_copy", "list<int64>"),  # cluster.signature: what clustering needs, so stories need no re-reading
        ("sig_topic", "list<int64>"),
        ("sig_keys", "list<int64>"),
        ("sig_language", "string"),
        ("sig_marks", "list<int64>"),
        ("band_keys", "list<int64>"),  # cluster.band_numbers, as the store's band_keys table keeps them
    ],
    "quotes": [
        ("quote_id", "int64"),
        ("article_id", "int64"),
        ("url", "string"),
        ("title", "string"),
        ("outlet", "string"),
        ("published", "string"),
        ("speaker", "string"),
        ("speaker_mention", "string"),
        ("cue", "string"),
        ("kind", "string"),
        ("text", "string"),
        ("start_char", "int64"),
        ("end_char", "int64"),
    ],
    "attributions": [
        ("article_id", "int64"),
        ("content_hash", "string"),
        ("content", "string"),
        ("content_spans", "string"),  # JSON [[start, end], ...]
        ("source", "string"),
        ("source_type", "string"),
        ("source_mention", "string"),
        ("cue", "string"),
        ("cue_start", "int64"),
        ("cue_end", "int64"),
        ("hedged", "bool"),
        ("cue_kind", "string"),  # speech | act | belief | evidence | sourcing (models.Attribution.cue_kind)
    ],
    "entities": [
        ("article_id", "int64"),
        ("content_hash", "string"),
        ("local_id", "string"),
        ("name", "string"),
        ("type", "string"),
        ("kind", "string"),
        ("title", "string"),
        ("role", "string"),
        ("mentions", "int64"),
    ],
    "timexes": [
        ("article_id", "int64"),
        ("content_hash", "string"),
        ("start_char", "int64"),
        ("end_char", "int64"),
        ("text", "string"),
        ("type", "string"),
        ("value", "string"),
        ("granularity", "string"),
        ("mod", "string"),
        ("signal", "string"),
        ("resolved", "bool"),
    ],
    "stories": [
        ("story_id", "int64"),  # in the Spark output: the smallest article_id among its articles
        ("size", "int64"),
        ("origin_hash", "string"),
        ("title", "string"),
    ],
    "story_edges": [  # one row per article of a story (member) or of its earlier coverage (earlier)
        ("story_id", "int64"),
        ("content_hash", "string"),
        ("role", "string"),  # member | earlier
        ("relation", "string"),
        ("parent_hash", "string"),
        ("verbatim", "float64"),
        ("reworded", "float64"),
        ("score", "float64"),
        ("unstored_parent", "string"),
        ("credits", "string"),  # JSON lists, as the store keeps them
        ("evidence", "string"),
        ("why", "string"),
        ("shared", "float64"),  # earlier coverage: the share of its wording that recurs in the story
    ],
    "rejects": [
        ("source", "string"),
        ("reason", "string"),
    ],
}
QUOTE_COLUMNS = [c for c, _ in TABLES["quotes"]]


def columns(table: str) -> list[str]:
    return [c for c, _ in TABLES[table]]


def arrow_schema(table: str):
    import pyarrow as pa

    types = {
        "int64": pa.int64(),
        "string": pa.string(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "list<int64>": pa.list_(pa.int64()),
        "list<string>": pa.list_(pa.string()),
    }
    return pa.schema([(c, types[t]) for c, t in TABLES[table]])


SPARK_TYPES = {
    "int64": "BIGINT",
    "string": "STRING",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "list<int64>": "ARRAY<BIGINT>",
    "list<string>": "ARRAY<STRING>",
}


def spark_ddl(table: str) -> str:
    """The table's schema as a Spark DDL string ("article_id BIGINT, ...")."""
    return ", ".join(f"`{c}` {SPARK_TYPES[t]}" for c, t in TABLES[table])


def spark_struct(table: str) -> str:
    """One row of the table as a Spark struct type ("STRUCT<`article_id`: BIGINT, ...>"), for nesting its rows in
    another table's row."""
    return "STRUCT<" + ", ".join(f"`{c}`: {SPARK_TYPES[t]}" for c, t in TABLES[table]) + ">"


def article_number(digest: str) -> int:
    """A stable 60-bit number for an article from its content hash: its id in files written without a store."""
    return int(digest[:15], 16)


def _number(*parts: Any) -> int:
    return int(hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:15], 16)


def child_rows(article: Mapping[str, Any], record: Mapping[str, Any]) -> dict[str, list[dict]]:
    """The quotes, attributions, entities and time expressions of one article as table rows. `article` holds
    article_id, content_hash, url, title, outlet and published; `record` is its analysis (Analysis.to_dict)."""
    aid, digest = article["article_id"], article["content_hash"]
    meta = {k: article.get(k) for k in ("url", "title", "outlet", "published")}
    return {
        "quotes": list(_quotes(aid, digest, meta, record)),
        "attributions": [
            {
                "article_id": aid,
                "content_hash": digest,
                "content": a["content"],
                "content_spans": json.dumps([list(s) for s in a["content_spans"]]),
                "source": a["source"],
                "source_type": a["source_type"],
                "source_mention": (a.get("source_mention") or {}).get("text"),
                "cue": a["cue"],
                "cue_start": a["cue_span"][0],
                "cue_end": a["cue_span"][1],
                "hedged": bool(a.get("hedged")),
                "cue_kind": a.get("cue_kind"),
            }
            for a in record.get("attributions", ())
        ],
        "entities": [
            {
                "article_id": aid,
                "content_hash": digest,
                "local_id": e["id"],
                "name": e["name"],
                "type": e["type"],
                "kind": e.get("kind"),
                "title": e.get("title"),
                "role": e.get("role"),
                "mentions": len(e.get("mentions", ())),
            }
            for e in record.get("entities", ())
        ],
        "timexes": [
            {
                "article_id": aid,
                "content_hash": digest,
                "start_char": t["start"],
                "end_char": t["end"],
                "text": t["text"],
                "type": t["type"],
                "value": t.get("value"),
                "granularity": t.get("granularity"),
                "mod": t.get("mod"),
                "signal": t.get("signal"),
                "resolved": bool(t.get("resolved", True)),
            }
            for t in record.get("timexes", ())
        ],
    }


def _quotes(aid: int, digest: str, meta: dict, record: Mapping[str, Any]) -> Iterator[dict]:
    for q in record.get("quotes", ()):
        yield {
            "quote_id": _number(digest, q["start"], q["end"]),
            "article_id": aid,
            **meta,
            "speaker": q.get("speaker"),
            "speaker_mention": (q.get("speaker_mention") or {}).get("text"),
            "cue": q.get("cue"),
            "kind": q["kind"],
            "text": q["text"],
            "start_char": q["start"],
            "end_char": q["end"],
        }
