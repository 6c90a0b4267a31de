"""Meaning changes on hand-written source/rewrite pairs (benchmarks/diff-synthetic): a carry-over check of `diff`
on text no rule or word list was written from. Prints found / listed per set and per class of change, the misses,
and the changes emitted per pair.

    PYTHONPATH=src python benchmarks/diff_synthetic.py
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

from reportedly.analyze import analyze_prepared, prepare
from reportedly.eval.stories import change_found
from reportedly.provenance.diff import diff

HERE = Path(__file__).parent / "diff-synthetic"


def main() -> None:
    items = json.loads((HERE / "changes.json").read_text(encoding="utf-8"))["changes"]

    def doc(name: str):
        return next(analyze_prepared([prepare((HERE / name).read_text(encoding="utf-8"), foreign=True)]))

    diffs = {p: diff(doc(f"{p}_src.txt"), doc(f"{p}_copy.txt")) for p in sorted({i["pair"] for i in items})}
    by_set, by_class = collections.defaultdict(lambda: [0, 0]), collections.defaultdict(lambda: [0, 0])
    for it in items:
        hit = change_found(it, diffs[it["pair"]].changes, sentences=True)
        for tally in (by_set[it["set"]], by_class[it["class"]]):
            tally[0] += hit
            tally[1] += 1
        if not hit:
            print(f"missed {it['pair']} {it['kind']}: {it['before']!r} -> {it['after']!r}")
    print("by set:", {k: f"{a}/{b}" for k, (a, b) in sorted(by_set.items())})
    print("by class:", {k: f"{a}/{b}" for k, (a, b) in sorted(by_class.items())})
    print("found", sum(a for a, _ in by_set.values()), "of", len(items))
    print("changes per pair:", {p: len(d.changes) for p, d in diffs.items()})


if __name__ == "__main__":
    main()
