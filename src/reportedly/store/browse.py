"""Read-side queries for browsing a stored corpus page by page: articles, people, and everything a person said."""

from __future__ import annotations

import json
from typing import Optional

from ..ingest.metadata import labelled
from .db import NEWEST, Store, like_pattern
from .migrations import SURNAME_INITIAL, SURNAME_LENGTH


def page_args(limit: int, offset: int) -> tuple[int, int]:
    """One more row than asked for, so the caller knows whether a next page exists."""
    return int(limit) + 1, max(0, int(offset))


def paged(rows: list[dict], limit: int, offset: int, key: Optional[str] = None) -> dict:
    """A page of results: at most `limit` items, the offset of the next page, and with `key` the cursor of the next
    page (the `key` of the last item, to pass as `after`); both None at the end."""
    more = len(rows) > limit
    items = rows[:limit]
    out = {"items": items, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}
    if key is not None:
        out["next"] = items[-1][key] if more and items else None
    return out


def list_articles(
    store: Store, limit: int = 20, offset: int = 0, outlet: Optional[str] = None, after: Optional[int] = None
) -> dict:
    """Stored articles, newest first (undated last, then by id, newest first), each with its numbers of quotes and
    attributions. `after` is a cursor: the page that follows article `after` in this order (keyset pagination: as
    fast on the thousandth page as on the first, and stable while articles are added)."""
    where, params = store.article_filters([], [], outlet, None)
    if after is not None:
        anchor = store.rows("SELECT coalesce(published, '') AS p, id FROM articles WHERE id = ?", (int(after),))
        if not anchor:
            return paged([], limit, offset, key="id")
        # the redundant `<=` gives SQLite a range to seek in the index; a row value or subquery would scan it
        where.append(f"{NEWEST} <= ? AND ({NEWEST} < ? OR a.id < ?)")
        params += [anchor[0]["p"], anchor[0]["p"], anchor[0]["id"]]
    sql = (
        "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
        "(SELECT count(*) FROM attributions t WHERE t.article_id = a.id) AS attributions FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {NEWEST} DESC, a.id DESC LIMIT ? OFFSET ?"
    )
    rows = labelled(store.rows(sql, tuple(params) + page_args(limit, offset)))
    return paged(rows, limit, offset, key="id")


def list_quotes(
    store: Store,
    speaker: Optional[str] = None,
    outlet: Optional[str] = None,
    since: Optional[str] = None,
    limit: int = 20,
    offset: int = 0,
    after: Optional[int] = None,
) -> dict:
    """Quotes with their article, newest first; `after` a quote id, the cursor of the page that follows it."""
    rows = store.quotes(speaker, outlet, since, int(limit) + 1, offset, after=after)
    return paged(labelled(rows), limit, offset, key="id")


def people(store: Store, q: Optional[str] = None, limit: int = 20, offset: int = 0) -> dict:
    """People quoted in the corpus, most often heard first; `q` matches any part of the name. Read from the people
    table the store keeps up to date (migration 8), not counted from every quote."""
    cond, params = "", []
    if q:
        cond = " AND lower(name) LIKE ? ESCAPE '\\'"
        params.append("%" + like_pattern(q.lower()) + "%")
    sql = (
        "SELECT name, quotes, articles, first_published, last_published FROM people "
        f"WHERE quotes > 0{cond} ORDER BY quotes DESC, name LIMIT ? OFFSET ?"
    )
    rows = labelled(store.rows(sql, tuple(params) + page_args(limit, offset)))
    return paged(rows, limit, offset)


def person(store: Store, name: str, limit: int = 50, offset: int = 0) -> Optional[dict]:
    """Everything one person said across the corpus, by date and outlet: direct quotes and reported speech, under
    every spelling of the name ("Tamir Heyman" / "Tamir Hayman"), with the mentions that referred to them."""
    names = sorted(n for n in _spellings(store, name) if n.lower() == name.lower() or _variant(n, name))
    if not names:
        return None
    marks = ",".join("?" * len(names))
    cols = "q.text, q.kind, q.cue, q.speaker_mention AS mention, q.start_char, a.id AS article_id, a.title, a.outlet, "
    said = store.rows(
        # each branch on its own index: entities by name, quotes by speaker name, attributions by source
        f"SELECT 'quote' AS form, {cols}a.published, a.url FROM entities e JOIN quotes q ON q.speaker_entity_id = e.id "
        f"JOIN articles a ON a.id = q.article_id WHERE e.name IN ({marks}) "
        f"UNION ALL SELECT 'quote' AS form, {cols}a.published, a.url FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"WHERE q.speaker IN ({marks}) AND q.speaker_entity_id IS NULL "
        "UNION ALL SELECT 'reported' AS form, t.content, 'indirect', t.cue, t.source_mention, t.cue_start, "
        "a.id, a.title, a.outlet, a.published, a.url FROM attributions t JOIN articles a ON a.id = t.article_id "
        f"WHERE t.source IN ({marks}) AND t.source_type = 'person' "
        "ORDER BY published, outlet, article_id, start_char LIMIT ? OFFSET ?",
        tuple(names) * 3 + page_args(limit, offset),
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


def _spellings(store: Store, name: str) -> list[str]:
    """The people whose name may be a spelling of `name`, from the index of migration 9: surnames with the same
    initial (in any case, with or without an accent) and a length `same_name` can accept; `_variant` decides."""
    from ..provenance.diff import S
    from ..provenance.features import fold

    surname = name.strip().rsplit(" ", 1)[-1]
    if not surname:
        return []
    initials = sorted(_INITIALS.get(fold(surname[0])[:1], set()) | {surname[0], surname[0].lower(), surname[0].upper()})
    stretch = 200 / S.same_name - 1  # fuzz.ratio >= same_name needs the longer surname within this factor
    low, high = int(len(surname) / stretch) - 1, int(len(surname) * stretch) + 1  # one more: folding "ß" adds one
    return [
        r["name"]
        for r in store.rows(
            f"SELECT name FROM people WHERE {SURNAME_INITIAL} IN ({','.join('?' * len(initials))}) "
            f"AND {SURNAME_LENGTH} BETWEEN ? AND ?",
            (*initials, low, high),
        )
    ]


def _latin_initials() -> dict[str, set[str]]:
    """Each plain letter with the accented letters that fold to it, both cases ("e": "é", "É", "ê", ...)."""
    from ..provenance.features import fold

    out: dict[str, set[str]] = {}
    for code in range(0x41, 0x250):
        c = chr(code)
        f = fold(c)
        if len(f) == 1 and f.isalpha():
            out.setdefault(f, set()).update({c, c.lower(), c.upper()})
    return out


_INITIALS = _latin_initials()


def _variant(candidate: str, name: str) -> bool:
    """Another spelling of `name`: the surnames match closely and the first names, where both have one, agree on
    their initial ("Tamir Hayman" for "Tamir Heyman"; not "Rishi Sunak" for "Liz Sunak")."""
    from ..provenance.diff import same_name

    if not same_name(candidate, name):
        return False
    a, b = candidate.split(), name.split()
    return len(a) < 2 or len(b) < 2 or a[0][0].lower() == b[0][0].lower()
