"""The work of each Spark stage on one batch of rows (pandas in, pandas out), calling the library: readers for
files, `prepare` and the store's content hash, the ingest chunk analyser, cluster signatures, the story builder.
Plain functions, so they run (and are tested) without Spark."""

from __future__ import annotations

import json
import pickle
from typing import Iterator, Optional

from ..analyze import prepare
from ..errors import ReportedlyError
from ..ingest.metadata import outlet_for_url
from ..ingest.readers import FIELDS, TEXT_COLUMNS, Failure, normalise_date, read_bytes
from ..models import Analysis
from ..provenance import cluster
from ..store import tables
from ..store.db import analysis_record, content_hash
from ..store.ingest import CHUNK, _analyse_chunk

BATCH = 64  # rows per pandas frame a file is parsed into (one file holds many articles)
RECORD_BITS = 32  # seq = file number << RECORD_BITS | record number in the file

ITEMS = (
    "seq BIGINT, source STRING, body STRING, raw BINARY, url STRING, title STRING, outlet STRING, "
    "published STRING, reason STRING"
)
PREPARED = "seq BIGINT, source STRING, content_hash STRING, outlet STRING, prepared BINARY, reason STRING"
CHILD_TABLES = ("quotes", "attributions", "entities", "timexes")
# an analysed article's row carries its child tables' rows, so they are written without another pass in Python
ANALYSED = (
    tables.spark_ddl("articles")
    + ", reason STRING, "
    + ", ".join(f"`child_{t}` ARRAY<{tables.spark_struct(t)}>" for t in CHILD_TABLES)
)
ANALYSED_COLUMNS = tables.columns("articles") + ["reason"] + [f"child_{t}" for t in CHILD_TABLES]
PAIRS = "a BIGINT, b BIGINT"


def parse_files(batches: Iterator, file_numbers: dict[str, int]) -> Iterator:
    """Whole files (path, content) to one row per article or failure, with the refs `reportedly ingest` gives."""
    import pandas as pd

    for df in batches:
        rows = []
        for path, content in zip(df["path"], df["content"]):
            name = local_name(path)
            base = file_numbers.get(name, 0) << RECORD_BITS
            for n, item in enumerate(read_bytes(name, bytes(content)), 1):
                if isinstance(item, Failure):
                    rows.append(_item_row(base + n, item.ref, reason=item.reason))
                    continue
                text = item.data if isinstance(item.data, str) else None
                raw = item.data if isinstance(item.data, bytes) else None
                meta = {k: getattr(item, k) for k in ("url", "title", "outlet", "published")}
                rows.append(_item_row(base + n, item.ref, body=text, raw=raw, **meta))
                if len(rows) >= BATCH:
                    yield pd.DataFrame(rows, columns=_names(ITEMS))
                    rows = []
        yield pd.DataFrame(rows, columns=_names(ITEMS))


def table_rows(batches: Iterator, base: int) -> Iterator:
    """Rows of a Parquet input (columns named as in JSONL: text or html, url, title, outlet, published)."""
    import pandas as pd

    for df in batches:
        cols = {c.lower().strip(): c for c in df.columns}
        body_col = next((cols[c] for c in TEXT_COLUMNS if c in cols), None)
        rows = []
        for rec in df.to_dict("records"):
            seq, ref = base + int(rec.pop("__seq")), f"{rec.pop('__file')}#{int(rec['__row'])}"
            rec.pop("__row")
            body = rec.get(body_col) if body_col else None
            if body is None or (isinstance(body, str) and not body.strip()):
                rows.append(_item_row(seq, ref, reason=f"no text column (one of: {', '.join(TEXT_COLUMNS)})"))
                continue
            low = {k.lower().strip(): v for k, v in rec.items()}
            meta = {
                k: next((str(low[n]) for n in names if low.get(n) not in (None, "")), None)
                for k, names in FIELDS.items()
            }
            meta["published"] = normalise_date(meta["published"])
            if isinstance(body, bytes):
                rows.append(_item_row(seq, ref, raw=body, **meta))
            else:
                rows.append(_item_row(seq, ref, body=str(body), **meta))
        yield pd.DataFrame(rows, columns=_names(ITEMS))


def prepare_items(batches: Iterator) -> Iterator:
    """Decode, extract and clean each article (analyze.prepare) and key it by the store's content hash."""
    import pandas as pd

    for df in batches:
        rows = []
        for rec in df.to_dict("records"):
            out = {"seq": rec["seq"], "source": rec["source"], "content_hash": None, "outlet": None}
            if rec["reason"] is not None:
                rows.append({**out, "prepared": None, "reason": rec["reason"]})
                continue
            data = rec["body"] if rec["body"] is not None else bytes(rec["raw"])
            try:
                p = prepare(data, published=rec["published"], title=rec["title"], url=rec["url"], foreign=True)
            except ReportedlyError as e:
                rows.append({**out, "prepared": None, "reason": str(e)})
                continue
            outlet = rec["outlet"] or p.site or outlet_for_url(p.url)  # as `reportedly ingest` chooses it
            rows.append(
                {
                    **out,
                    "content_hash": content_hash(p.text),
                    "outlet": outlet,
                    "prepared": pickle.dumps(p),
                    "reason": None,
                }
            )
        yield pd.DataFrame(rows, columns=_names(PREPARED))


def analyse_prepared(batches: Iterator) -> Iterator:
    """The spaCy pipeline over prepared articles (one pipeline per worker process, loaded on first use), in the
    chunks `reportedly ingest` sends its workers; each article's row carries its record, its cluster signature and
    band keys (computed by ingest's chunk analyser) and the rows of its child tables."""
    import pandas as pd

    for df in batches:
        recs = df.to_dict("records")
        rows = []
        for start in range(0, len(recs), CHUNK):
            chunk = recs[start : start + CHUNK]
            preps = [pickle.loads(r["prepared"]) for r in chunk]
            for rec, result in zip(chunk, _analyse_chunk(preps)):
                if isinstance(result, str):
                    rows.append(
                        {
                            **dict.fromkeys(ANALYSED_COLUMNS),
                            "seq": rec["seq"],
                            "source": rec["source"],
                            "reason": result,
                        }
                    )
                else:
                    row = article_row(rec, result.analysis, result.signature, result.keys)
                    for t, kids in tables.child_rows(row, json.loads(row["analysis"])).items():
                        row[f"child_{t}"] = kids
                    rows.append(row)
        yield pd.DataFrame(rows, columns=ANALYSED_COLUMNS)


def article_row(
    rec: dict, a: Analysis, sig: Optional[cluster.Signature] = None, keys: Optional[list[int]] = None
) -> dict:
    """An analysed article as a row of the articles table (what Store.add stores, plus its cluster signature and
    band keys, computed here only when not given)."""
    if sig is None or keys is None:
        from ..pipeline.stories import sign

        sig, keys = sign(a.text)
    digest = rec["content_hash"]
    return {
        "article_id": tables.article_number(digest),
        "content_hash": digest,
        "url": a.url,
        "title": a.title,
        "outlet": rec["outlet"] or a.site,
        "author": a.author,
        "published": a.published,
        "source": rec["source"],
        "seq": rec["seq"],
        "language": a.language,
        "source_format": a.source_format,
        "text": a.text,
        "analysis": analysis_record(a),
        "sig_copy": list(sig.copy),
        "sig_topic": list(sig.topic),
        "sig_keys": list(sig.keys),
        "sig_language": sig.language,
        "sig_marks": list(sig.marks),
        "band_keys": list(keys),
        "reason": None,
        **{f"child_{t}": None for t in CHILD_TABLES},
    }


def verify_pairs(batches: Iterator) -> Iterator:
    """The candidate pairs that cluster.linked accepts."""
    from ..provenance.settings import fitted

    settings = fitted()
    for df in batches:
        keep = [
            cluster.linked(signature_of(r, "a_"), signature_of(r, "b_"), settings)
            for r in df.to_dict("records")  # fmt: skip
        ]
        yield df.loc[keep, ["a", "b"]]


def signature_of(r: dict, prefix: str = "", copy_only: bool = False) -> cluster.Signature:
    """The cluster signature kept in a row's sig_* columns (with `prefix`: a_sig_copy, ...). `copy_only`: the step
    carried only sig_copy (build_story), and the other parts read as empty; otherwise a missing column is an error."""

    def t(v) -> tuple[int, ...]:
        return tuple(int(x) for x in v) if v is not None else ()

    def col(name: str):
        return r.get(prefix + name) if copy_only else r[prefix + name]

    return cluster.Signature(
        t(col("sig_copy")),
        t(col("sig_topic")),
        t(col("sig_keys")),
        (col("sig_language") or "und") if copy_only else col("sig_language"),
        t(col("sig_marks")),
    )


def build_story(df):
    """One connected component's stories as rows (story_edges, with each story's size, origin and title): bounded
    in time (cluster.stories_in_time) and given their copy graphs by the same code as `reportedly stories`
    (provenance/corpus.py)."""
    import pandas as pd

    from ..provenance.corpus import built_story
    from ..provenance.evidence import day_number
    from ..provenance.settings import fitted

    settings = fitted()
    df = df.sort_values("seq")
    by_id = {int(r["article_id"]): r for r in df.to_dict("records")}
    group = list(by_id)
    days = {i: day_number(r["published"]) for i, r in by_id.items()}
    rows = []
    copied = cluster.copy_edges(
        {i: signature_of(r, copy_only=True) for i, r in by_id.items() if r.get("sig_copy") is not None}, settings
    )
    for members, earlier in cluster.stories_in_time(group, days, settings.story_days, copied):
        if len(members) >= 2:
            rows += story_rows(built_story(by_id, members, earlier, False, settings), by_id)
    return pd.DataFrame(rows, columns=STORY_COLUMNS)


STORY_ROWS = tables.spark_ddl("story_edges") + ", size BIGINT, origin_hash STRING, title STRING"
STORY_COLUMNS = tables.columns("story_edges") + ["size", "origin_hash", "title"]


def story_rows(built, by_id: dict) -> list[dict]:
    """A built story (store/stories.py BuiltStory, ids = article numbers) as rows keyed by content hash."""
    h = {i: r["content_hash"] for i, r in by_id.items()}
    story_id = min(a.article_id for a in built.articles)
    head = {
        "story_id": story_id,
        "size": built.size,
        "origin_hash": h.get(built.origin_article_id),
        "title": built.title,
    }
    rows = [
        {
            **head,
            "content_hash": h[a.article_id],
            "role": "member",
            "relation": a.relation,
            "parent_hash": h.get(a.parent_article_id),
            "verbatim": a.verbatim,
            "reworded": a.reworded,
            "score": a.score,
            "unstored_parent": a.unstored_parent,
            "credits": json.dumps(a.credits),
            "evidence": json.dumps(a.evidence),
            "why": json.dumps(a.why),
            "shared": None,
        }
        for a in built.articles
    ]
    rows += [
        {
            **dict.fromkeys(STORY_COLUMNS),
            **head,
            "content_hash": h[c.article_id],
            "role": "earlier",
            "relation": "earlier-coverage",
            "shared": c.shared,
        }
        for c in built.coverage
    ]
    return rows


def _item_row(seq: int, source: str, body=None, raw=None, reason: Optional[str] = None, **meta) -> dict:
    return {
        "seq": seq,
        "source": source,
        "body": body,
        "raw": raw,
        "url": meta.get("url"),
        "title": meta.get("title"),
        "outlet": meta.get("outlet"),
        "published": meta.get("published"),
        "reason": reason,
    }


def local_name(path: str) -> str:
    """A Spark path (file:/x/feed.jsonl or file:///x/feed.jsonl, s3a://b/crawl.warc.gz) as the ref `ingest` would
    give a local file."""
    if path.startswith("file://"):
        return path[len("file://") :]
    return path[len("file:") :] if path.startswith("file:") else path


def _names(ddl: str) -> list[str]:
    """Column names of a DDL string. Every row dict carries every column: a missing key becomes a float NaN in
    pandas, which Arrow cannot turn into a string column."""
    return [part.strip().split(" ")[0].strip("`") for part in ddl.split(", ")]
