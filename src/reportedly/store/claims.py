"""The stored articles a claim may be in, as records: found by the full-text index, each with its text and the spans
of its quotes and attributions (provenance/corpus.py `trace` reads them; it runs no SQL)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

from .db import Store


@dataclass(frozen=True)
class QuoteSpan:
    start: int
    end: int
    speaker: Optional[str]


@dataclass(frozen=True)
class AttributionSpans:
    source: Optional[str]
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ClaimArticle:
    """An article that may state a claim: its text and metadata, its quotes (by start) and attributions (as stored)."""

    id: int
    title: Optional[str]
    outlet: Optional[str]
    published: Optional[str]
    url: Optional[str]
    text: str
    quotes: tuple[QuoteSpan, ...] = ()
    attributions: tuple[AttributionSpans, ...] = ()


def candidates(store: Store, claim: str, n: int) -> list[ClaimArticle]:
    """Up to `n` articles with all the words of `claim`, else with its first four words, best match first."""
    hits = store.search(claim, n) or store.search(" ".join(claim.split()[:4]), n)
    ids = [h["id"] for h in hits]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    arts = {
        r["id"]: r
        for r in store.rows(
            f"SELECT id, title, outlet, published, url, text FROM articles WHERE id IN ({marks})", tuple(ids)
        )
    }
    quotes: dict[int, list[QuoteSpan]] = {}
    for r in store.rows(
        f"SELECT article_id, start_char, end_char, speaker FROM quotes WHERE article_id IN ({marks}) "
        "ORDER BY article_id, start_char, id",
        tuple(ids),
    ):
        quotes.setdefault(r["article_id"], []).append(QuoteSpan(r["start_char"], r["end_char"], r["speaker"]))
    attributions: dict[int, list[AttributionSpans]] = {}
    for r in store.rows(
        f"SELECT article_id, source, content_spans FROM attributions WHERE article_id IN ({marks}) ORDER BY id",
        tuple(ids),
    ):
        spans = tuple((s, e) for s, e in json.loads(r["content_spans"]))
        attributions.setdefault(r["article_id"], []).append(AttributionSpans(r["source"], spans))
    return [
        ClaimArticle(
            **arts[i],
            quotes=tuple(quotes.get(i, ())),
            attributions=tuple(attributions.get(i, ())),
        )
        for i in ids
        if i in arts
    ]
