"""Spark against one machine: N articles (paragraphs of real articles recombined, as bench_ingest.py makes them)
through `reportedly spark --master local[C]` and `reportedly ingest --processes C` + `reportedly stories` (the same
work: the job builds stories too), in one run on the same machine; then 2N articles through Spark, to see how its
time grows.

    python benchmarks/bench_spark.py [--n 10000] [--cores 2] [--data ../shared/data]

Prints articles/s for each, their ratio (target: Spark >= 0.8x) and the 2N/N time ratio (target < 2.3). Each
command runs in its own process, timed from start to exit: start-up (JVM, model loading) counts."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import ROOT, make_corpus  # noqa: E402


def timed(cmd: list[str]) -> tuple[float, str]:
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{out.stderr[-2000:]}")
    return elapsed, out.stdout.strip().splitlines()[-1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = ap.parse_args(argv)
    cli = [sys.executable, "-m", "reportedly.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "n.jsonl", Path(tmp) / "2n.jsonl"
        make_corpus(small, args.n, Path(args.data))
        make_corpus(large, 2 * args.n, Path(args.data), seed=8)
        print(f"corpus: {args.n} and {2 * args.n} articles recombined from {args.data}; {args.cores} cores")
        print("load average at start: {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
        t_ingest, line = timed(
            cli + ["ingest", str(small), "--db", f"{tmp}/bench.db", "--processes", str(args.cores), "--quiet"]
        )
        t_stories, _ = timed(cli + ["stories", "--db", f"{tmp}/bench.db", "--json"])
        t_single = t_ingest + t_stories
        print(
            f"ingest --processes {args.cores} + stories: {args.n} articles in {t_ingest:.1f} + {t_stories:.1f} s = "
            f"{args.n / t_single:.2f} articles/s (ingest alone {args.n / t_ingest:.2f}/s; {line})"
        )
        master = f"local[{args.cores}]"
        runs = {}
        for name, corpus, n in (("N", small, args.n), ("2N", large, 2 * args.n)):
            t, line = timed(cli + ["spark", str(corpus), "--output", f"{tmp}/out-{name}", "--master", master])
            runs[name] = t
            print(f"spark --master {master}: {n} articles in {t:.1f} s = {n / t:.2f} articles/s ({line})")
        print(f"spark / (ingest + stories) throughput at N: {t_single / runs['N']:.2f}x (target >= 0.8)")
        print(f"spark / ingest alone at N: {t_ingest / runs['N']:.2f}x")
        print(f"spark time 2N / N: {runs['2N'] / runs['N']:.2f} (target < 2.3)")
        print("load average at end: {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
