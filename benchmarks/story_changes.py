"""Meaning changes of the checklist, split the way development splits the dev clusters: the clusters sorted by name,
alternately half A (fixes are written from its misses) and half B (read only as the unseen check). Prints found /
found with both phrases in the change's own text (strict) / changes emitted on the checklist's pairs (the watch on
spurious changes), per half and per cluster, and writes every item with its result to OUT.

    PYTHONPATH=src python benchmarks/story_changes.py ../shared/data/stories benchmarks/stories \
        --changes benchmarks/story-changes.json -o changes.json

`reportedly eval stories ... --changes` gives the same found / strict totals; this adds the halves and the count of
emitted changes."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from reportedly.eval.stories import change_found, checklist_diffs


def halves(roots: list[Path]) -> dict[str, str]:
    """Each dev cluster (a folder with an index.json and no HELD_OUT file) to 'A' or 'B', alternating by name."""
    names = sorted(
        {d.name for r in roots for d in r.iterdir() if (d / "index.json").exists() and not (d / "HELD_OUT").exists()}
    )
    return {name: "AB"[i % 2] for i, name in enumerate(names)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("roots", nargs="+", type=Path)
    ap.add_argument("--changes", type=Path, required=True)
    ap.add_argument("-o", "--output", type=Path)
    args = ap.parse_args()
    half = halves(args.roots)
    listed, found, strict, emitted = Counter(), Counter(), Counter(), Counter()
    pairs: set[tuple[str, str, str]] = set()
    items = []
    checklist = json.loads(args.changes.read_text(encoding="utf-8"))["changes"]
    for it, changes in checklist_diffs(args.roots, checklist):
        h = half.get(it["story"], "held-out")
        if (it["story"], it["source"], it["copy"]) not in pairs:
            pairs.add((it["story"], it["source"], it["copy"]))
            emitted[h] += len(changes)
        hit, exact = change_found(it, changes, sentences=True), change_found(it, changes, sentences=False)
        for key in (h, it["story"]):
            listed[key] += 1
            found[key] += hit
            strict[key] += exact
        items.append({**it, "half": h, "found": hit, "found_strict": exact})
    for h in sorted(set(half.values()) | ({"held-out"} & set(listed))):
        print(f"half {h}: found {found[h]}/{listed[h]}, strict {strict[h]}, emitted {emitted[h]}")
    stories = sorted({it["story"] for it in items})
    total = sum(listed[s] for s in stories)
    print(
        f"all: found {sum(found[s] for s in stories)}/{total}, strict {sum(strict[s] for s in stories)}, "
        f"emitted {sum(emitted.values())}; >= 80% in {sum(found[s] >= 0.8 * listed[s] for s in stories)} of {len(stories)}"
    )
    for s in stories:
        print(f"  {half.get(s, '-')} {s}: {found[s]}/{listed[s]}")
    if args.output:
        args.output.write_text(json.dumps(items, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
