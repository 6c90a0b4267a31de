"""Do the Spark job and the single-machine path build the same stories from the same articles, at a size the tests
do not reach? Rebuilds both with the code checked out, on copies (the originals are left as they are): `reportedly
stories` on a copy of a store that `ingest` filled, and the Spark job's story stage on a copy of its output for the
same input; then compares the partitions and every member's relation and parent, by content hash.

    python benchmarks/same_stories.py SPARK_OUTPUT_DIR STORE.db [--grouped]

Give it the output of `reportedly spark INPUT --output DIR` and the store of `reportedly ingest INPUT --db FILE` for
the same INPUT (bench_spark.py makes both, as `out-N` and `bench-N.db` in its temporary folder)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pyarrow.dataset as ds

from reportedly.spark import session
from reportedly.spark.job import build_stories
from reportedly.store.db import Store
from reportedly.store.load import _ids
from reportedly.store.stories import load_story, memberships


def spark_stories(output: Path) -> dict[str, tuple[int, str, str | None]]:
    rows = ds.dataset(output / "story_edges", format="parquet").to_table(
        columns=["story_id", "content_hash", "relation", "parent_hash", "role"]
    )
    return {
        r["content_hash"]: (r["story_id"], r["relation"], r["parent_hash"])
        for r in rows.to_pylist()
        if r["role"] == "member"
    }


def store_stories(db: Path) -> dict[str, tuple[int, str, str | None]]:
    with Store(str(db)) as store:
        digest = {i: h for h, i in _ids(store).items()}
        out = {}
        for sid in memberships(store):
            for m in load_story(store, sid)["articles"]:
                out[digest[m["article_id"]]] = (sid, m["relation"], digest.get(m["parent_article_id"]))
        return out


def partition(members: dict[str, tuple[int, str, str | None]]) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for h, (sid, _, _) in members.items():
        groups.setdefault(sid, set()).add(h)
    return {frozenset(g) for g in groups.values()}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("output", type=Path)
    ap.add_argument("db", type=Path)
    ap.add_argument("--grouped", action="store_true", help="Spark's grouped story path (applyInPandas)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out, db = Path(tmp) / "out", Path(tmp) / "store.db"
        shutil.copytree(args.output, out)
        shutil.copy(args.db, db)
        subprocess.run(
            [sys.executable, "-m", "reportedly", "stories", "--db", str(db)], check=True, stdout=subprocess.DEVNULL
        )
        build_stories(session("local[2]"), str(out), local_limit=0 if args.grouped else None)
        spark, single = spark_stories(out), store_stories(db)
    a, b = partition(spark), partition(single)
    same = sum(spark[h][1:] == single.get(h, (None, None, None))[1:] for h in spark)
    print(f"stories: Spark {len(a)}, single machine {len(b)}, the same {len(a & b)}")
    print(f"members: Spark {len(spark)}, single machine {len(single)}; same relation and parent {same}")
    print("differences:", Counter((v[1], single.get(h, (None, None))[1]) for h, v in spark.items() if v[1:] != single.get(h, (0, 0, 0))[1:]).most_common(5))  # fmt: skip
    return 0 if a == b and same == len(spark) == len(single) else 1


if __name__ == "__main__":
    sys.exit(main())
