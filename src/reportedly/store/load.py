"""`reportedly load`: the Parquet tables of a Spark run into a store (SQLite or PostgreSQL), articles with their
whole analysis record (no NLP runs) and the stories the job built, so `serve` and the CLI work on them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import BadOptionError
from ..models import Analysis
from . import stories as stored
from .db import Store
from .tables import columns

BATCH = 500


@dataclass
class LoadSummary:
    loaded: int = 0
    duplicates: int = 0
    stories: int = 0


def load(directory: str, store: Store) -> LoadSummary:
    """Add the articles of `directory` that the store lacks, in input order, then replace the store's stories with
    the job's (each keeps a stable id: store/stories.py replace_stories)."""
    base = Path(directory)
    if not (base / "articles").exists():
        raise BadOptionError(f"{directory} holds no articles table: give the --output folder of `reportedly spark`")
    summary = LoadSummary()
    rows = sorted(
        _rows(base / "articles", [c for c in columns("articles") if not c.startswith(("sig_", "band"))]),
        key=lambda r: r["seq"],
    )
    for r in rows:
        a = Analysis.from_dict({**json.loads(r["analysis"]), "text": r["text"]})
        if store.add(a, outlet=r["outlet"], source=r["source"], url=r["url"], digest=r["content_hash"]) is None:
            summary.duplicates += 1
        else:
            summary.loaded += 1
    built = list(_stories(base, _ids(store)))
    stored.replace_stories(store, built)
    summary.stories = len(built)
    return summary


def _ids(store: Store) -> dict[str, int]:
    return {r["content_hash"]: r["id"] for r in store.rows("SELECT id, content_hash FROM articles")}


def _stories(base: Path, ids: dict[str, int]) -> Iterator[stored.BuiltStory]:
    if not (base / "stories").exists():
        return
    edges: dict[int, list[dict]] = {}
    for e in _rows(base / "story_edges", columns("story_edges")):
        edges.setdefault(e["story_id"], []).append(e)
    heads = sorted(_rows(base / "stories", columns("stories")), key=lambda s: s["story_id"])
    for s in heads:
        rows = edges.get(s["story_id"], [])
        members = [e for e in rows if e["role"] == "member"]
        yield stored.BuiltStory(
            size=s["size"],
            origin_article_id=ids.get(s["origin_hash"]),
            title=s["title"],
            articles=tuple(
                stored.StoryArticle(
                    article_id=ids[e["content_hash"]],
                    relation=e["relation"],
                    parent_article_id=ids.get(e["parent_hash"]),
                    verbatim=e["verbatim"],
                    reworded=e["reworded"],
                    credits=json.loads(e["credits"] or "[]"),
                    evidence=json.loads(e["evidence"] or "[]"),
                    unstored_parent=e["unstored_parent"],
                    score=e["score"],
                    why=json.loads(e["why"] or "[]"),
                )
                for e in sorted(members, key=lambda e: ids[e["content_hash"]])
            ),
            coverage=tuple(
                stored.Coverage(ids[e["content_hash"]], e["shared"])
                for e in sorted(rows, key=lambda e: ids[e["content_hash"]])
                if e["role"] == "earlier"
            ),
        )


def _rows(folder: Path, cols: list[str]) -> Iterator[dict]:
    try:
        import pyarrow.dataset as ds
    except ImportError:
        raise BadOptionError("loading Parquet needs pyarrow: pip install 'reportedly[parquet]'") from None
    for batch in ds.dataset(str(folder), format="parquet").to_batches(columns=cols, batch_size=BATCH):
        yield from batch.to_pylist()
