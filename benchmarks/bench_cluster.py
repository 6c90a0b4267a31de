"""Story clustering time for 10,000 and 20,000 articles: the ratio shows how it scales (all-pairs would be 4x).

    python benchmarks/bench_cluster.py [--sizes 10000 20000] [--data ../shared/data]

Articles are made of sentences drawn at random from the real texts in the shared datasets (PolNeAR, story
clusters), read at run time; one in fifty is a near-copy of another (a few words changed) so that copies exist."""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sentence_pool(data: Path) -> list[str]:
    from reportedly.provenance.features import sentences

    pool = []
    for f in ("train", "dev", "test"):
        with open(data / "quotes" / "polnear" / f"{f}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                t = json.loads(line)["text"]
                pool += [t[s:e] for s, e in sentences(t) if len(t[s:e].split()) >= 8]
    return pool


def corpus(n: int, pool: list[str], seed: int = 1) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        if k % 50 == 49:
            words = out[rnd.randrange(len(out))].split()
            for _ in range(5):
                words[rnd.randrange(len(words))] = "changed"
            out.append(" ".join(words))
        else:
            out.append(" ".join(rnd.sample(pool, 12)))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 20000])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = ap.parse_args(argv)
    from reportedly.provenance.cluster import cluster

    pool = sentence_pool(Path(args.data))
    times = []
    for n in args.sizes:
        texts = corpus(n, pool)
        t = time.perf_counter()
        stories = cluster(texts)
        times.append(time.perf_counter() - t)
        multi = sum(1 for s in stories if len(s) > 1)
        print(f"{n} articles: {times[-1]:.1f} s, {len(stories)} stories ({multi} with more than one article)")
    if len(times) == 2:
        print(
            f"ratio {times[1] / times[0]:.2f} for {args.sizes[1] / args.sizes[0]:.0f}x the articles "
            f"(target < 2.5; all pairs would be {(args.sizes[1] / args.sizes[0]) ** 2:.0f}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
