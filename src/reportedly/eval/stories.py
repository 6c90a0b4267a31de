"""Score provenance on annotated story clusters (`<dir>/<story>/index.json` + texts): story clustering (pairwise F1,
optionally with unrelated articles mixed in), origin per story, and relation labels."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from ..errors import DatasetError
from ..provenance.cluster import cluster, pairwise_f1
from ..provenance.relations import Article, analyse_story

# the gold label "earlier-source" (a press release before the story broke) is scored as "origin"
LABELS = {"earlier-source": "origin"}


def load_stories(root: str | Path) -> dict[str, list[tuple[Article, dict]]]:
    root = Path(root)
    indexes = sorted(root.glob("*/index.json"))
    if not indexes:
        raise DatasetError(f"no <story>/index.json under {root}")
    out = {}
    for idx in indexes:
        try:
            meta = json.loads(idx.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise DatasetError(f"{idx}: cannot read ({e})") from None
        out[idx.parent.name] = [
            (
                Article(
                    f"{idx.parent.name}/{m['file']}",
                    (idx.parent / m["file"]).read_text(encoding="utf-8"),
                    m.get("published"),
                    m.get("outlet"),
                    m.get("url"),
                ),
                m,
            )
            for m in meta
        ]
    return out


def unrelated(paths: Iterable[str]) -> list[tuple[str, str]]:
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError:
                        raise DatasetError(f"{p}:{n}: not JSON") from None
                    out.append((f"{p}:{rec.get('id', n)}", rec.get("text") or ""))
    return out


def score(root: str | Path, unrelated_paths: Iterable[str] = (), embeddings: bool = False) -> dict:
    stories = load_stories(root)
    others = unrelated(unrelated_paths)
    ids = [a.id for arts in stories.values() for a, _ in arts] + [i for i, _ in others]
    texts = [a.text for arts in stories.values() for a, _ in arts] + [t for _, t in others]
    gold_groups = [[a.id for a, _ in arts] for arts in stories.values()] + [[i] for i, _ in others]
    predicted = cluster(texts, ids)
    scope = {a.id for arts in stories.values() for a, _ in arts}
    res = {
        "stories": len(stories),
        "articles": len(scope),
        "unrelated": len(others),
        "clustering": pairwise_f1(predicted, gold_groups, scope),
    }
    total = right = 0
    confusion: Counter = Counter()
    per_story = {}
    for name, arts in stories.items():
        english = [(a, m) for a, m in arts if m.get("language", "en") == "en"]
        nodes = {n.id: n for n in analyse_story([a for a, _ in english], embeddings=embeddings)}
        gold = {a.id: LABELS.get(m["relation"], m["relation"]) for a, m in english}
        ok = sum(nodes[i].relation == g for i, g in gold.items())
        total += len(gold)
        right += ok
        confusion.update(f"{g}->{nodes[i].relation}" for i, g in gold.items())
        gold_origin = [i for i, m in ((a.id, m) for a, m in english) if m["relation"] == "origin"]
        got_origin = [i for i, n in nodes.items() if n.relation == "origin"]
        per_story[name] = {
            "relation_accuracy": round(ok / len(gold), 4),
            "origin_right": got_origin == gold_origin,
            "origin": got_origin[0] if got_origin else None,
            "gold_origin": gold_origin,
        }
    res["relation_accuracy"] = round(right / total, 4) if total else None
    res["origins_right"] = sum(s["origin_right"] for s in per_story.values())
    res["per_story"] = per_story
    res["confusion"] = dict(confusion.most_common())
    return res


def score_changes(root: str | Path, checklist: str | Path) -> dict:
    """How many listed meaning changes `diff` finds (kind right, both phrases in the change's text)."""
    from ..analyze import analyze
    from ..provenance.diff import diff

    items = json.loads(Path(checklist).read_text(encoding="utf-8"))["changes"]
    cache: dict[str, object] = {}

    def analysed(story: str, name: str):
        key = f"{story}/{name}"
        if key not in cache:
            cache[key] = analyze((Path(root) / story / name).read_text(encoding="utf-8"))
        return cache[key]

    found = []
    for it in items:
        d = diff(analysed(it["story"], it["source"]), analysed(it["story"], it["copy"]))
        hit = any(
            c.kind == it["kind"]
            and all(
                p.lower() in " ".join(filter(None, (c.before, c.after, c.detail))).lower()
                for p in (it["before"], it["after"])
            )
            for c in d.changes
        )
        found.append({**it, "found": hit})
    return {"listed": len(items), "found": sum(f["found"] for f in found), "items": found}


def report(res: dict) -> str:
    c = res["clustering"]
    lines = [
        f"{res['stories']} stories, {res['articles']} articles, {res['unrelated']} unrelated mixed in",
        f"clustering (pairs touching a story article): P {c['p']:.4f} R {c['r']:.4f} F1 {c['f1']:.4f}",
        f"relation accuracy {res['relation_accuracy']}  origins right {res['origins_right']}/{res['stories']}",
    ]
    for name, s in res["per_story"].items():
        lines.append(
            f"  {name}: relations {s['relation_accuracy']:.2f}, origin {s['origin']} "
            f"({'right' if s['origin_right'] else 'gold: ' + ', '.join(s['gold_origin'])})"
        )
    if "changes" in res:
        ch = res["changes"]
        lines.append(f"meaning changes found {ch['found']}/{ch['listed']}")
        lines += [
            f"  missed: {i['copy']} {i['kind']} {i['before']!r} -> {i['after']!r}"
            for i in ch["items"]
            if not i["found"]
        ]
    return "\n".join(lines)
