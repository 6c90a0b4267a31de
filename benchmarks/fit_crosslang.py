"""Fit diff's cross-language thresholds (settings.py: cross_quote, cross_sentence, cross_cognate) on the checklist's
items whose copy is in another language than its source, and score them leave-one-cluster-out: for each cluster,
the setting chosen on the others (most items found, then fewest changes reported, then the middle of the settings
still tied: each threshold's median) scores the held-out one. Prints also what strict and lenient tie rules give.

    PYTHONPATH=src python benchmarks/fit_crosslang.py [STORIES_ROOT ...]

Roots default to ../shared/data/stories and benchmarks/stories; the checklist is benchmarks/story-changes.json."""

from __future__ import annotations

import dataclasses
import itertools
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

from reportedly.analyze import analyze_prepared, prepare
from reportedly.eval.stories import _norm
from reportedly.provenance import crosslang
from reportedly.provenance import diff as D

GRID = {"cross_quote": [15, 20, 25, 30, 35, 40], "cross_sentence": [10, 15, 20, 25, 30, 40],
        "cross_cognate": [65, 70, 75, 80]}  # fmt: skip


def main(roots: list[Path]) -> None:
    items = json.loads(Path("benchmarks/story-changes.json").read_text(encoding="utf-8"))["changes"]
    lang = {}
    for idx in (i for r in roots for i in r.glob("*/index.json")):
        for m in json.loads(idx.read_text(encoding="utf-8")):
            lang[(idx.parent.name, m["file"])] = m.get("language") or "en"
    cross = [i for i in items if lang[(i["story"], i["source"])] != lang[(i["story"], i["copy"])]]
    pairs = sorted({(i["story"], i["source"], i["copy"]) for i in cross})
    texts = {}
    for st, a, b in pairs:
        for f in (a, b):
            path = next(r / st / f for r in roots if (r / st / f).exists())
            texts[(st, f)] = next(analyze_prepared([prepare(path.read_text(encoding="utf-8"), foreign=True)]))

    def run(values: tuple) -> tuple[Counter, Counter]:
        crosslang.S = dataclasses.replace(crosslang.S, **dict(zip(GRID, values)))
        crosslang.cognate.cache_clear()
        found, reported = Counter(), Counter()
        for st, a, b in pairs:
            changes = D.diff(texts[(st, a)], texts[(st, b)]).changes
            reported[st] += sum(c.kind not in ("sentence-added", "sentence-dropped") for c in changes)
            for it in (i for i in cross if (i["story"], i["source"], i["copy"]) == (st, a, b)):
                found[st] += any(
                    c.kind == it["kind"]
                    and all(
                        _norm(p)
                        in _norm(
                            " ".join(filter(None, (c.before, c.after, c.detail, c.source_sentence, c.copy_sentence)))
                        )
                        for p in (it["before"], it["after"])
                    )
                    for c in changes
                )
        return found, reported

    grid = {v: run(v) for v in itertools.product(*GRID.values())}
    stories = sorted({p[0] for p in pairs})
    axes = list(GRID.values())

    def tied(train: list[str]) -> list[tuple]:
        def key(v):
            return sum(grid[v][0][s] for s in train), -sum(grid[v][1][s] for s in train)

        best = max(map(key, grid))
        return sorted(v for v in grid if key(v) == best)

    def middle(ts: list[tuple]) -> tuple:
        return tuple(min(ax, key=lambda a: abs(a - statistics.median(t[i] for t in ts))) for i, ax in enumerate(axes))

    for name, pick in (("middle", middle), ("lenient", lambda ts: ts[0]), ("strict", lambda ts: ts[-1])):
        held = 0
        for s in stories:
            v = pick(tied([t for t in stories if t != s]))
            held += grid[v][0][s]
            print(f"  {name}: held out {s}: {dict(zip(GRID, v))} finds {grid[v][0][s]}")
        v = pick(tied(stories))
        print(f"{name}: on all clusters {dict(zip(GRID, v))} finds {sum(grid[v][0].values())} of {len(cross)} "
              f"({sum(grid[v][1].values())} changes reported); leave-one-cluster-out {held} of {len(cross)}")  # fmt: skip


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or [Path("../shared/data/stories"), Path("benchmarks/stories")])
