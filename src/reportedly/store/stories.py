"""Stories in the store: write a rebuilt set of stories under stable ids, read one back, follow a merged story's id."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Collection, Mapping, Optional, Sequence

from ..ingest.metadata import labelled, outlet_label, title_label
from .db import Store

Members = frozenset[int]


@dataclass(frozen=True)
class StoryArticle:
    """One article's place in its story: its relation, its parent and the evidence for the edge."""

    article_id: int
    relation: str
    parent_article_id: Optional[int] = None
    verbatim: Optional[float] = None
    reworded: Optional[float] = None
    credits: list[str] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
    unstored_parent: Optional[str] = None
    score: Optional[float] = None
    why: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Coverage:
    """An article dated before its story's window that the story draws on, with the share of its wording that recurs."""

    article_id: int
    shared: float


@dataclass(frozen=True)
class BuiltStory:
    """A story as clustering and the copy graph found it, before it has an id."""

    size: int
    origin_article_id: Optional[int]
    title: Optional[str]
    articles: tuple[StoryArticle, ...]
    coverage: tuple[Coverage, ...] = ()

    @property
    def members(self) -> Members:
        return frozenset(a.article_id for a in self.articles)


@dataclass(frozen=True)
class Continuation:
    """Which old story each new cluster continues (None: a new story), and where each merged old story went (the
    index of the new cluster that holds most of its articles)."""

    ids: tuple[Optional[int], ...]
    merged: Mapping[int, int]


# ------------------------------------------------------------------------------------------------- pure


def continue_ids(old: Mapping[int, Members], new: Sequence[Members]) -> Continuation:
    """Match rebuilt clusters to the stories they continue, most shared articles first: each cluster keeps the id of
    the old story it shares most articles with (unless a cluster sharing more took it), so a story that split keeps
    its id on the part holding most of it. Ties go to the older (smaller) id, then the larger cluster, then the
    cluster with the smallest article id, so the answer depends on the articles only, never on clustering order.
    An old story left without a cluster but sharing articles with one merged into it; one sharing none is gone."""
    where = {a: i for i, members in enumerate(new) for a in members}
    shared = Counter((where[a], sid) for sid, members in old.items() for a in members if a in where)
    order = sorted(shared, key=lambda p: (-shared[p], p[1], -len(new[p[0]]), min(new[p[0]])))
    ids: list[Optional[int]] = [None] * len(new)
    taken: set[int] = set()
    for i, sid in order:
        if ids[i] is None and sid not in taken:
            ids[i] = sid
            taken.add(sid)
    merged: dict[int, int] = {}
    for i, sid in order:
        if sid not in taken:
            merged.setdefault(sid, i)
    return Continuation(tuple(ids), merged)


# ---------------------------------------------------------------------------------------------- writing


def replace_stories(store: Store, stories: Sequence[BuiltStory]) -> list[int]:
    """Replace the stored stories with `stories` in one transaction (see write_stories). Returns the id of each
    story, in order."""
    with store.transaction():
        lock(store)
        return write_stories(store, stories)


def lock(store: Store) -> None:
    """Keep other story writers out until the transaction ends (SQLite's BEGIN IMMEDIATE already does), and on
    PostgreSQL read one snapshot taken once the lock is held (so an article committed meanwhile is seen by the next
    update as a whole, not half by this one). The first statement of the transaction."""
    if store.dialect == "postgresql":
        store.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        store.execute("LOCK TABLE stories IN SHARE ROW EXCLUSIVE MODE")


def write_stories(store: Store, stories: Sequence[BuiltStory], among: Optional[Collection[int]] = None) -> list[int]:
    """Replace the stored stories `among` (all of them when None) with `stories`, inside the caller's transaction,
    each under the id of the old story it continues (continue_ids) or a new one; an old story merged into another
    leaves a redirect to it (and redirects to it move along), one that is gone takes its redirects with it. Ids are
    never reused: AUTOINCREMENT and sequences only grow. Returns the id of each story, in order."""
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    old = _memberships(store, among)
    plan = continue_ids(old, [s.members for s in stories])
    if among is None:
        before = {r["id"] for r in store.rows("SELECT id FROM stories")}
        store.execute("DELETE FROM story_coverage")
        store.execute("DELETE FROM story_articles")
    else:
        before = set(among)
        for part in _chunks(sorted(before)):
            marks = ",".join("?" * len(part))
            store.execute(f"DELETE FROM story_coverage WHERE story_id IN ({marks})", tuple(part))
            store.execute(f"DELETE FROM story_articles WHERE story_id IN ({marks})", tuple(part))
    ids = [_save_head(store, s, sid, now) for s, sid in zip(stories, plan.ids)]
    for s, sid in zip(stories, ids):
        _save_members(store, sid, s)
    for old_id, i in sorted(plan.merged.items()):
        _redirect(store, old_id, ids[i], now)
    for gone in sorted(before - set(ids)):
        store.execute("DELETE FROM stories WHERE id = ?", (gone,))  # cascades to redirects into it
    return ids


def _chunks(values: list, n: int = 500) -> list[list]:
    return [values[i : i + n] for i in range(0, len(values), n)]


def _memberships(store: Store, among: Optional[Collection[int]] = None) -> dict[int, Members]:
    found: dict[int, set[int]] = {}
    if among is None:
        rows = store.rows("SELECT story_id, article_id FROM story_articles")
    else:
        rows = []
        for part in _chunks(sorted(among)):
            rows += store.rows(
                f"SELECT story_id, article_id FROM story_articles WHERE story_id IN ({','.join('?' * len(part))})",
                tuple(part),
            )
    for r in rows:
        found.setdefault(r["story_id"], set()).add(r["article_id"])
    return {sid: frozenset(members) for sid, members in found.items()}


def _save_head(store: Store, s: BuiltStory, sid: Optional[int], now: str) -> int:
    """The story's row: updated in place when it continues an old story (which keeps its created_at), else new."""
    if sid is not None:
        store.execute(
            "UPDATE stories SET size = ?, origin_article_id = ?, title = ? WHERE id = ?",
            (s.size, s.origin_article_id, s.title, sid),
        )
        return sid
    return store.execute(
        "INSERT INTO stories(size, origin_article_id, title, created_at) VALUES (?,?,?,?) RETURNING id",
        (s.size, s.origin_article_id, s.title, now),
    ).fetchone()[0]


def _save_members(store: Store, sid: int, s: BuiltStory) -> None:
    for a in s.articles:
        store.execute(
            "INSERT INTO story_articles(story_id, article_id, relation, parent_article_id, verbatim, "
            "reworded, credits, evidence, unstored_parent, score, why) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                sid,
                a.article_id,
                a.relation,
                a.parent_article_id,
                a.verbatim,
                a.reworded,
                json.dumps(a.credits),
                json.dumps(a.evidence),
                a.unstored_parent,
                a.score,
                json.dumps(a.why),
            ),
        )
    for c in s.coverage:
        store.execute(
            "INSERT INTO story_coverage(story_id, article_id, shared) VALUES (?,?,?)", (sid, c.article_id, c.shared)
        )


def _redirect(store: Store, old_id: int, to: int, now: str) -> None:
    """`old_id` merged into story `to`: it and every id that already led to it now lead to `to`."""
    store.execute("UPDATE story_redirects SET story_id = ? WHERE story_id = ?", (to, old_id))
    store.execute("INSERT INTO story_redirects(old_id, story_id, created_at) VALUES (?,?,?)", (old_id, to, now))


# ---------------------------------------------------------------------------------------------- reading


def articles_for_stories(store: Store, ids: Collection[int]) -> dict[int, dict[str, Any]]:
    """The articles `ids` with what the copy graph reads (text included), by id."""
    out = {}
    for part in _chunks(sorted(ids)):
        for r in store.rows(
            "SELECT id, title, outlet, published, url, text, language FROM articles "
            f"WHERE id IN ({','.join('?' * len(part))})",
            tuple(part),
        ):
            out[r["id"]] = r
    return out


def published(store: Store, ids: Optional[Collection[int]] = None) -> dict[int, Optional[str]]:
    """The publication date of the articles `ids` (of every article when None), by id; no text is read."""
    if ids is None:
        return {r["id"]: r["published"] for r in store.rows("SELECT id, published FROM articles")}
    out = {}
    for part in _chunks(sorted(ids)):
        for r in store.rows(
            f"SELECT id, published FROM articles WHERE id IN ({','.join('?' * len(part))})", tuple(part)
        ):
            out[r["id"]] = r["published"]
    return out


def stories_of(store: Store, article_ids: Collection[int]) -> set[int]:
    """The stories with any of the articles `article_ids` among their members."""
    out: set[int] = set()
    for part in _chunks(sorted(article_ids)):
        marks = ",".join("?" * len(part))
        out |= {
            r["story_id"]
            for r in store.rows(
                f"SELECT DISTINCT story_id FROM story_articles WHERE article_id IN ({marks})", tuple(part)
            )
        }
    return out


def memberships(store: Store) -> dict[int, Members]:
    """Every stored story's articles, by story id."""
    return _memberships(store)


def current_id(store: Store, story_id: int) -> Optional[int]:
    """The id story `story_id` has now: itself, the story it merged into, or None when there is no such story."""
    if store.rows("SELECT id FROM stories WHERE id = ?", (story_id,)):
        return story_id
    moved = store.rows("SELECT story_id FROM story_redirects WHERE old_id = ?", (story_id,))
    return moved[0]["story_id"] if moved else None


def load_story(store: Store, story_id: int) -> Optional[dict[str, Any]]:
    """One story with its articles (relation, parent, credits, the media each cites) and its earlier coverage; None
    when there is no story `story_id` (redirects are not followed here: see current_id)."""
    head = store.rows("SELECT id, size, title, origin_article_id FROM stories WHERE id = ?", (story_id,))
    if not head:
        return None
    members = store.rows(
        "SELECT sa.article_id, sa.relation, sa.parent_article_id, sa.verbatim, sa.reworded, sa.unstored_parent, "
        "sa.score, sa.why, sa.credits, a.title, a.outlet, a.published, a.url, a.source, a.language FROM story_articles sa "
        "JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? "
        "ORDER BY (a.published IS NULL), a.published, a.id",  # undated last, on SQLite and PostgreSQL alike
        (story_id,),
    )
    for m in labelled(members):
        m["credits"] = json.loads(m["credits"] or "[]")
        m["why"] = json.loads(m["why"] or "[]")
        m["cites"] = [
            r["source"]
            for r in store.rows(
                "SELECT DISTINCT source FROM attributions WHERE article_id = ? AND source_type = 'media'",
                (m["article_id"],),
            )
        ]
    result = dict(head[0])
    result["articles"] = members
    origin = next((m for m in members if m["article_id"] == result["origin_article_id"]), members[0] if members else {})
    result["title_label"] = result["title"] or origin.get("title_label") or f"story {story_id}"
    result["earlier_coverage"] = labelled(
        store.rows(
            "SELECT c.article_id, c.shared, a.title, a.outlet, a.published, a.url, a.source FROM story_coverage c "
            "JOIN articles a ON a.id = c.article_id WHERE c.story_id = ? ORDER BY a.published, a.id",
            (story_id,),
        )
    )
    return result


def list_stories(store: Store, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Stories, largest first, each with its origin article's outlet and date."""
    rows = store.rows(
        "SELECT s.id, s.size, s.title, a.id AS origin_id, a.outlet AS origin_outlet, "
        "a.published AS origin_published, a.url AS origin_url, a.source AS origin_source "
        "FROM stories s LEFT JOIN articles a ON a.id = s.origin_article_id "
        "ORDER BY s.size DESC, s.id LIMIT ? OFFSET ?",
        (max(1, min(int(limit), 10_000)), max(0, int(offset))),
    )
    for r in rows:
        origin = {"id": r["origin_id"], "outlet": r["origin_outlet"], "url": r["origin_url"]}
        origin["source"] = r.pop("origin_source")
        r["title_label"] = r["title"] or (title_label(origin) if r["origin_id"] else f"story {r['id']}")
        r["origin_outlet_label"] = outlet_label(origin) if r["origin_id"] else None
    return rows


def place(store: Store, article_id: int) -> Optional[dict[str, Any]]:
    """Where a stored article stands in its story: the story, its relation, the article it was drawn from."""
    rows = store.rows(
        "SELECT sa.story_id, sa.relation, sa.parent_article_id, sa.verbatim, s.size, s.origin_article_id "
        "FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?",
        (article_id,),
    )
    return rows[0] if rows else None
