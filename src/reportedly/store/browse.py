"""Read-side queries for browsing a stored corpus page by page: articles, people, and everything a person said."""

from __future__ import annotations

import json
from typing import Optional

from ..ingest.metadata import labelled
from .db import Store, _like

PERSON = "(q.speaker_type = 'person' OR e.type = 'PERSON')"


def page_args(limit: int, offset: int) -> tuple[int, int]:
    """One more row than asked for, so the caller knows whether a next page exists."""
    return int(limit) + 1, max(0, int(offset))


def paged(rows: list[dict], limit: int, offset: int) -> dict:
    """A page of results: at most `limit` items, and the offset of the next page or None at the end."""
    return {
        "items": rows[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(rows) > limit else None,
    }


def list_articles(store: Store, limit: int = 20, offset: int = 0, outlet: Optional[str] = None) -> dict:
    """Stored articles, newest first, each with its number of quotes and attributions."""
    where, params = store._article_filters([], [], outlet, None)
    sql = (
        "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
        "(SELECT count(*) FROM attributions t WHERE t.article_id = a.id) AS attributions FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?"
    )
    rows = labelled(store.rows(sql, tuple(params) + page_args(limit, offset)))
    return paged(rows, limit, offset)


def people(store: Store, q: Optional[str] = None, limit: int = 20, offset: int = 0) -> dict:
    """People quoted or cited in the corpus, most often heard first; `q` matches any part of the name."""
    cond, params = "", []
    if q:
        cond = " AND lower(coalesce(e.name, q.speaker)) LIKE ? ESCAPE '\\'"
        params.append("%" + _like(q.lower()) + "%")
    sql = (
        "SELECT coalesce(e.name, q.speaker) AS name, count(*) AS quotes, count(DISTINCT q.article_id) AS articles, "
        "min(a.published) AS first_published, max(a.published) AS last_published FROM quotes q "
        "JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id "
        f"WHERE q.speaker IS NOT NULL AND {PERSON}{cond} "
        "GROUP BY coalesce(e.name, q.speaker) ORDER BY count(*) DESC, coalesce(e.name, q.speaker) LIMIT ? OFFSET ?"
    )
    rows = labelled(store.rows(sql, tuple(params) + page_args(limit, offset)))
    return paged(rows, limit, offset)


def person(store: Store, name: str, limit: int = 50, offset: int = 0) -> Optional[dict]:
    """Everything one person said across the corpus, by date and outlet: direct quotes and reported speech, under
    every spelling of the name ("Tamir Heyman" / "Tamir Hayman"), with the mentions that referred to them."""
    known = {
        r["name"]
        for r in store.rows(
            "SELECT DISTINCT coalesce(e.name, q.speaker) AS name FROM quotes q "
            f"LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.speaker IS NOT NULL AND {PERSON}"
        )
    } | {
        r["name"]
        for r in store.rows("SELECT DISTINCT source AS name FROM attributions WHERE source_type = 'person'")
        if r["name"]
    }
    names = sorted(n for n in known if n.lower() == name.lower() or _variant(n, name))
    if not names:
        return None
    marks = ",".join("?" * len(names))
    said = store.rows(
        "SELECT 'quote' AS form, q.text, q.kind, q.cue, q.speaker_mention AS mention, q.start_char, "
        "a.id AS article_id, a.title, a.outlet, a.published, a.url FROM quotes q "
        "JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id "
        f"WHERE coalesce(e.name, q.speaker) IN ({marks}) "
        "UNION ALL SELECT 'reported' AS form, t.content, 'indirect', t.cue, t.source_mention, t.cue_start, "
        "a.id, a.title, a.outlet, a.published, a.url FROM attributions t JOIN articles a ON a.id = t.article_id "
        f"WHERE t.source_type = 'person' AND t.source IN ({marks}) "
        "ORDER BY published, outlet, article_id, start_char LIMIT ? OFFSET ?",
        tuple(names) * 2 + page_args(limit, offset),
    )
    described = store.rows(
        f"SELECT e.type, ae.mentions, ae.title, ae.role FROM article_entities ae JOIN entities e "
        f"ON e.id = ae.entity_id WHERE e.name IN ({marks}) LIMIT 500",
        tuple(names),
    )
    mentions = sorted(
        {r["mention"] for r in said if r["mention"]}
        | {
            m["text"]
            for r in described
            if r["type"] == "PERSON"
            for m in json.loads(r["mentions"])
            if m.get("kind") == "name"
        }
    )
    titles = sorted({x for r in described for x in (r["title"], r["role"]) if x})
    return {
        "name": max(names, key=lambda n: (len(n.split()), n == name)),
        "variants": names,
        "mentions": mentions,
        "titles": titles,
        "outlets": sorted({r["outlet"] for r in said if r["outlet"]}),
        "said": paged(said, limit, offset),
    }


def _variant(candidate: str, name: str) -> bool:
    """Another spelling of `name`: the surnames match closely and the first names, where both have one, agree on
    their initial ("Tamir Hayman" for "Tamir Heyman"; not "Rishi Sunak" for "Liz Sunak")."""
    from ..provenance.diff import same_name

    if not same_name(candidate, name):
        return False
    a, b = candidate.split(), name.split()
    return len(a) < 2 or len(b) < 2 or a[0][0].lower() == b[0][0].lower()
