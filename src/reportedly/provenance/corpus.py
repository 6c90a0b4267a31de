"""Provenance over a stored corpus: build and store stories, show one as a copy tree, trace a claim."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Iterable, Optional

from ..errors import BadOptionError
from ..ingest.metadata import outlet_label, title_label
from ..store import claims
from ..store import stories as stored
from ..store.claims import ClaimArticle
from ..store.db import Store
from .evidence import ngrams
from .features import fold, sentences
from .relations import Article, analyse_story
from .settings import Settings


def build_stories(store: Store, embeddings: bool = False) -> list[dict]:
    """Rebuild every story of the stored corpus, each keeping its id (pipeline/stories.py: rebuild_stories)."""
    from ..pipeline.stories import rebuild_stories

    return rebuild_stories(store, embeddings)


def built_story(
    by_id: dict, members: list[int], earlier: list[int], embeddings: bool, settings: Settings
) -> stored.BuiltStory:
    """One story's copy graph and earlier coverage, as the store keeps it, from its articles' records `by_id`."""
    arts = [
        Article(
            str(i),
            by_id[i]["text"],
            by_id[i]["published"],
            by_id[i]["outlet"],
            by_id[i]["url"],
            by_id[i]["language"],
        )  # fmt: skip
        for i in members
    ]
    nodes = analyse_story(arts, embeddings=embeddings, settings=settings)
    main = main_origin(nodes)
    origin = int(main) if main is not None else None
    title = (by_id[origin]["title"] or _first_words(by_id[origin]["text"])) if origin else None
    articles = tuple(
        stored.StoryArticle(
            article_id=int(n.id),
            relation=n.relation,
            parent_article_id=int(n.parent) if n.parent else None,
            verbatim=n.verbatim,
            reworded=n.reworded,
            credits=n.credits,
            evidence=[asdict(p) for p in n.evidence[:5]],
            unstored_parent=n.unstored_parent,
            score=n.score,
            why=n.why,
        )
        for n in nodes
    )
    return stored.BuiltStory(len(members), origin, title, articles, _coverage(by_id, members, earlier))


def _coverage(by_id: dict, members: list[int], earlier: list[int]) -> tuple[stored.Coverage, ...]:
    """Each earlier article with the share of its word n-grams that recur in the story."""
    if not earlier:
        return ()  # most stories: no need to read every member's n-grams
    story_grams = set().union(*(ngrams(by_id[i]["text"]) for i in members))
    out = []
    for e in earlier:
        grams = ngrams(by_id[e]["text"])
        out.append(stored.Coverage(e, round(len(grams & story_grams) / max(1, len(grams)), 3)))
    return tuple(out)


def _first_words(text: str, n: int = 12) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def list_stories(store: Store, limit: int = 50, offset: int = 0) -> list[dict]:
    return stored.list_stories(store, limit, offset)


def main_origin(nodes) -> Optional[str]:
    """The story's main origin among its origins (relations.primary_sources may add some): the one most versions
    hang under, the first of equals."""
    drawn = Counter(n.parent for n in nodes if n.parent)
    return max((n.id for n in nodes if n.relation == "origin"), key=lambda i: drawn[i], default=None)


def story(store: Store, story_id: int) -> dict:
    """One story with its articles, earlier coverage and the outlets it cites that are not stored. An id that
    merged into another story gives that story, with `redirected_from` set to the id asked for (else None)."""
    current = stored.current_id(store, story_id)
    result = stored.load_story(store, current) if current is not None else None
    if result is None:
        raise BadOptionError(f"no story {story_id}: run `reportedly stories` to build them, then pick an id it lists")
    result["redirected_from"] = story_id if current != story_id else None
    result["cited_outside"] = cited_outside(result)
    return result


def render_tree(s: dict) -> str:
    """The copy graph as a tree: each copy under its parent, independent reports beside the origin."""
    members: dict = {m["article_id"]: m for m in s["articles"]}
    children: dict = {}
    for m in s["articles"]:
        parent = m["parent_article_id"] if m["relation"] in ("wire-copy", "paraphrase", "translation") else None
        if parent is None and m.get("unstored_parent"):
            parent = "unstored:" + m["unstored_parent"]
            if parent not in members:
                members[parent] = {"virtual": m["unstored_parent"]}
                children.setdefault(None, []).append(parent)
        children.setdefault(parent, []).append(m["article_id"])
    merged = f" (story {s['redirected_from']} was merged into it)" if s.get("redirected_from") else ""
    title = s["title"] or s.get("title_label") or f"story {s['id']}"
    lines = [f"story {s['id']}{merged}: {title} — {s['size']} articles"]

    def label(m: dict) -> str:
        if "virtual" in m:
            return f"(not stored) {m['virtual']}"
        extra = []
        if m["credits"]:
            extra.append("credits " + ", ".join(m["credits"]))
        if m["cites"]:
            extra.append("cites " + ", ".join(m["cites"]))
        share = f" {m['verbatim']:.0%} verbatim" if m["relation"] == "wire-copy" and m["verbatim"] else ""
        lang = f" [{m['language']}]" if m.get("language") and m["language"] != "en" else ""
        if m.get("why"):
            extra.append("evidence: " + ", ".join(m["why"]))
        return (
            f"[{m['article_id']}] {m['relation']}{share}{lang}: {outlet_label(m)} {m['published'] or ''} "
            f"{title_label(m)[:60]}" + (f" ({'; '.join(extra)})" if extra else "")
        )

    def walk(node: int, prefix: str, last: bool) -> None:
        lines.append(prefix + ("└─ " if last else "├─ ") + label(members[node]))
        kids = children.get(node, [])
        for k, child in enumerate(kids):
            walk(child, prefix + ("   " if last else "│  "), k == len(kids) - 1)

    roots = sorted(children.get(None, []), key=lambda i: members[i].get("relation") != "origin")
    for k, r in enumerate(roots):
        walk(r, "", k == len(roots) - 1)
    for c in s.get("earlier_coverage", []):
        lines.append(
            f"earlier coverage: [{c['article_id']}] {outlet_label(c)} {c['published'] or ''} "
            f"{title_label(c)[:60]} ({c['shared']:.0%} of its wording recurs in this story)"
        )
    outside = cited_outside(s)
    if outside:
        lines.append(
            "cited but not in the corpus: "
            + "; ".join(f"{name} (by {', '.join(map(str, ids))})" for name, ids in outside.items())
        )
    return "\n".join(lines)


def cited_outside(s: dict) -> dict[str, list[int]]:
    """Outlets the story's articles credit or cite that none of its stored articles comes from."""
    stored = {fold(m["outlet"] or "") for m in s["articles"]}
    out: dict[str, list[int]] = {}
    for m in s["articles"]:
        for name in list(m["credits"]) + list(m["cites"]):
            if not any(fold(name) in o or o and o in fold(name) for o in stored):
                out.setdefault(name, [])
                if m["article_id"] not in out[name]:
                    out[name].append(m["article_id"])
    return out


def travel(rows: list[dict]) -> str:
    """How a claim moved, oldest first: each form it took, in the order it first appeared, with who carried it most
    often and in how many sentences ("direct quote (Liz Truss) ×8 → attribution (Reuters) ×3 → unattributed
    assertion"). Same-day reports alternate between forms; listing each change would hide the order of first use."""
    from collections import Counter

    order: list[str] = []
    carriers: dict[str, Counter] = {}
    counts: Counter = Counter()
    for r in rows:
        form = r["form"]
        if form not in carriers:
            order.append(form)
            carriers[form] = Counter()
        counts[form] += 1
        if _named(r["by"]):
            carriers[form][r["by"]] += 1
    steps = []
    for form in order:
        by = carriers[form].most_common(1)
        steps.append(form + (f" ({by[0][0]})" if by else "") + (f" ×{counts[form]}" if counts[form] > 1 else ""))
    return " → ".join(steps)


def _named(by: Optional[str]) -> bool:
    """A carrier worth naming: a name or description, not a pronoun or a lower-case scrap ("she", "date")."""
    return bool(by) and by[0].isupper() and by.lower() not in {"he", "she", "they", "it", "we", "i", "you"}


def check_claim(claim: str) -> None:
    if len(claim.split()) < 3:
        raise BadOptionError('give the claim as a phrase of at least three words, e.g. "cannot deliver the mandate"')


def trace(claim: str, articles: Iterable[ClaimArticle], limit: int = 50) -> list[dict]:
    """Every sentence of `articles` that states `claim`, oldest first, with how it is carried: a direct quote of
    someone, an attribution to a source, or the outlet's own assertion (the first such sentence of each article)."""
    from rapidfuzz import fuzz

    check_claim(claim)
    settings = Settings()
    target = fold(claim)
    out = []
    for art in articles:
        text = art.text
        for s, e in sentences(text):
            score = fuzz.partial_ratio(target, fold(text[s:e]))
            if score < settings.trace_match:
                continue
            form, by = _form(art, s, e)
            out.append(
                {
                    "article_id": art.id,
                    "outlet": art.outlet,
                    "published": art.published,
                    "title": art.title,
                    "sentence": text[s:e],
                    "match": round(score, 1),
                    "form": form,
                    "by": by,
                }
            )
            break
    out.sort(key=lambda r: (r["published"] or "9999", r["article_id"]))
    return out[:limit]


def trace_stored(store: Store, claim: str, limit: int = 50) -> list[dict]:
    """`trace` over the stored articles the full-text index finds for `claim`."""
    check_claim(claim)
    return trace(claim, claims.candidates(store, claim, Settings().trace_candidates), limit)


def _form(art: ClaimArticle, s: int, e: int) -> tuple[str, Optional[str]]:
    for q in art.quotes:  # by start: the first quote overlapping the sentence
        if q.start < e and q.end > s:
            return "direct quote", q.speaker
    for a in art.attributions:
        if any(cs < e and s < ce for cs, ce in a.spans):
            return "attribution", a.source
    return "unattributed assertion", None
