"""What the pages draw, as plain data: an article cut into marked pieces, a story's copy graph and timeline laid out
for SVG, a diff's two texts with the changes marked. Pure functions; the templates only escape and place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..ingest.metadata import outlet_label, title_label
from ..models import Analysis
from ..report.palette import HTML_COLOURS, speaker_index

COLOURS = len(HTML_COLOURS)
NODE_DX, NODE_DY, GRAPH_PAD = 40, 30, 24  # children indent under their parent, one row each
TIMELINE_W, TIMELINE_H = 720, 120


@dataclass
class Piece:
    """A run of text with the same marks: the quote and attribution it belongs to (indexes), and flags."""

    text: str
    quote: Optional[int] = None
    attribution: Optional[int] = None
    hedge: bool = False
    debris: bool = False
    loaded: Optional[str] = None  # the neutral word
    change: Optional[str] = None  # a diff change kind


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    field: str
    value: object


def pieces(text: str, marks: Iterable[Mark]) -> list[list[Piece]]:
    """`text` cut at every mark boundary and line break, as paragraphs of pieces. Where marks of one field overlap,
    the innermost (shortest) wins, so a partial quote inside reported speech stays its own quote."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    paragraphs: list[list[Piece]] = [[]]
    for s, e in zip(cuts, cuts[1:]):
        active: dict[str, Mark] = {}
        for m in marks:
            if m.start <= s and e <= m.end:
                held = active.get(m.field)
                if held is None or m.end - m.start < held.end - held.start:
                    active[m.field] = m
        values = {f: m.value for f, m in active.items()}
        for k, line in enumerate(text[s:e].split("\n")):
            if k:
                if paragraphs[-1]:
                    paragraphs.append([])
            if line:
                paragraphs[-1].append(Piece(line, **values))
    return [p for p in paragraphs if any(x.text.strip() for x in p)]


def article_marks(a: Analysis) -> list[Mark]:
    """Quotes, attribution contents, hedges, loaded words and scrape debris of an analysis, as marks."""
    out = [Mark(q.start, q.end, "quote", k) for k, q in enumerate(a.quotes)]
    out += [Mark(s, e, "attribution", k) for k, at in enumerate(a.attributions) for s, e in at.content_spans]
    out += [Mark(h.start, h.end, "hedge", True) for h in a.hedges]
    out += [Mark(b.start, b.end, "debris", True) for b in a.boilerplate]
    out += [Mark(t.start, t.end, "loaded", t.neutral) for t in a.loaded_terms]
    return out


def speaker_classes(a: Analysis) -> dict[str, str]:
    """One colour class per speaker ("sp0" … "sp9"), in order of first quote, the same as the terminal report."""
    return {name: f"sp{i % COLOURS}" for name, i in speaker_index(a).items()}


def sources(a: Analysis) -> list[dict]:
    """Who gets a voice in the article: each speaker or source with its type, its quotes and its reported speech,
    most heard first."""
    out: dict[tuple[str, str], dict] = {}
    for q in a.quotes:
        key = (q.speaker or "unknown", q.speaker_type or "unnamed")
        out.setdefault(key, {"name": key[0], "type": key[1], "quotes": 0, "attributions": 0})["quotes"] += 1
    for at in a.attributions:
        key = (at.source or "unnamed source", at.source_type)
        out.setdefault(key, {"name": key[0], "type": key[1], "quotes": 0, "attributions": 0})["attributions"] += 1
    return sorted(out.values(), key=lambda s: (-(s["quotes"] + s["attributions"]), s["name"]))


# ----------------------------------------------------------------------------------------------------- stories


@dataclass
class Node:
    key: str
    label: str
    relation: str
    article_id: Optional[int]
    x: int = 0
    y: int = 0
    detail: str = ""


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[Node, Node]] = field(default_factory=list)
    width: int = 0
    height: int = 0


def copy_graph(story: dict) -> Graph:
    """The copy graph as a left-to-right tree: sources on the left, each copy one column right of its parent.
    Outlets a copy credits but the corpus lacks ("Telegraph") are drawn as unstored sources."""
    members = {m["article_id"]: m for m in story["articles"]}
    nodes = {
        i: Node(
            str(i),
            outlet_label(m),
            m["relation"],
            i,
            detail=f"{m['relation']} · {m['published'] or 'undated'} · {title_label(m)[:80]}"
            + (f" · evidence: {', '.join(m['why'])}" if m.get("why") else "")
            + (f" · language {m['language']}" if m.get("language") not in (None, "en") else ""),
        )
        for i, m in members.items()
    }
    parent: dict[str, str] = {}
    virtual: dict[str, Node] = {}
    for i, m in members.items():
        p = m["parent_article_id"]
        if m["relation"] in ("wire-copy", "paraphrase", "translation"):
            if p in members:
                parent[str(i)] = str(p)
            elif m.get("unstored_parent") or m["credits"]:
                name = m.get("unstored_parent") or m["credits"][-1]
                key = "unstored:" + name
                virtual.setdefault(key, Node(key, name, "unstored", None, detail=f"{name} (not in the corpus)"))
                parent[str(i)] = key
    by_key = {n.key: n for n in list(nodes.values()) + list(virtual.values())}
    children: dict[Optional[str], list[str]] = {}
    for key in by_key:
        children.setdefault(parent.get(key), []).append(key)
    rank = {"origin": 0, "unstored": 1, "wire-copy": 2, "paraphrase": 3, "translation": 4, "independent": 5}

    def ordered(keys: list[str]) -> list[str]:
        return sorted(keys, key=lambda k: (rank.get(by_key[k].relation, 9), k))

    graph = Graph()
    row = 0
    depth_max = 0

    def place(key: str, depth: int) -> None:
        nonlocal row, depth_max
        node = by_key[key]
        node.x, node.y = GRAPH_PAD + depth * NODE_DX, GRAPH_PAD + row * NODE_DY
        depth_max = max(depth_max, depth)
        row += 1
        graph.nodes.append(node)
        for kid in ordered(children.get(key, [])):
            graph.edges.append((node, by_key[kid]))
            place(kid, depth + 1)

    for root in ordered(children.get(None, [])):
        place(root, 0)
    graph.width = 2 * GRAPH_PAD + depth_max * NODE_DX + 260
    graph.height = 2 * GRAPH_PAD + max(0, row - 1) * NODE_DY
    return graph


@dataclass
class Dot:
    article_id: int
    x: int
    y: int
    label: str
    relation: str


def timeline(story: dict) -> dict:
    """Publication dates of a story's articles on one axis: a dot per dated article (stacked when they share a
    day), the first and last day as ticks, and the undated articles counted apart."""
    dated, undated = [], []
    for m in story["articles"]:
        day = _day(m["published"])
        (dated if day else undated).append((day, m))
    if not dated:
        return {"dots": [], "ticks": [], "undated": len(undated), "width": TIMELINE_W, "height": TIMELINE_H}
    first = min(d for d, _ in dated)
    last = max(d for d, _ in dated)
    span = max(1, (last - first).days)
    left, right, base = 40, TIMELINE_W - 40, TIMELINE_H - 34
    stack: dict[dt.date, int] = {}
    dots = []
    for day, m in sorted(dated, key=lambda x: (x[0], x[1]["article_id"])):
        x = left + round((day - first).days / span * (right - left)) if last > first else (left + right) // 2
        k = stack.get(day, 0)
        stack[day] = k + 1
        dots.append(Dot(m["article_id"], x, base - 12 * k, f"{outlet_label(m)} · {day.isoformat()}", m["relation"]))
    ticks = [(dots[0].x if last == first else left, first.isoformat())]
    if last > first:
        ticks.append((right, last.isoformat()))
    height = max(TIMELINE_H, 34 + 12 * max(stack.values()) + 24)
    shift = height - TIMELINE_H
    for d in dots:
        d.y += shift
    return {"dots": dots, "ticks": ticks, "undated": len(undated), "width": TIMELINE_W, "height": height}


def _day(value: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


# -------------------------------------------------------------------------------------------------------- diff


def diff_marks(changes, side: str) -> list[Mark]:
    """The spans a diff's changes cover on one side ("source" or "copy"), marked with the change kind."""
    out = []
    for c in changes:
        span = c.source_span if side == "source" else c.copy_span
        if span and c.kind != "wording":
            out.append(Mark(span[0], span[1], "change", c.kind))
    return out
