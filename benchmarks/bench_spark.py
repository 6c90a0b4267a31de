"""Spark against one machine: N articles (paragraphs of real articles recombined, as bench_ingest.py makes them)
through `reportedly spark --master local[C]` and `reportedly ingest --processes C` (the same work: ingest places the
new articles in stories itself, as the job builds stories), in one run on the same machine; then 2N articles through
Spark, to see how its time grows; with --single both, 2N through ingest too (in that order: ingest N, Spark N, Spark
2N, ingest 2N, so a load that rises or falls during the run weighs on both paths alike), with --single 2n only at
2N (Spark N, Spark 2N, ingest 2N); with --story-paths, the stories of
the 2N output built again both ways (collected on the driver, grouped on band keys) in one Spark session.

    python benchmarks/bench_spark.py [--n 10000] [--cores 2] [--single n|2n|both] [--story-paths] [--data ../shared/data]

Prints articles/s for each, their ratio (target: Spark >= 0.8x) and the 2N/N time ratio (target < 2.3), each line
as soon as it is measured, with the load average then (the machine may be shared). Each command runs in its own
process, timed from start to exit: start-up (JVM, model loading) counts."""

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


def load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def say(line: str) -> None:
    print(f"{line} [{load()}]", flush=True)


STORY_PATHS = """
import sys, time
from reportedly.spark import session
from reportedly.spark.job import build_stories
spark = session(sys.argv[2])
for name, limit in (("collected", None), ("grouped", 0), ("collected", None), ("grouped", 0)):
    t = time.perf_counter()
    n = build_stories(spark, sys.argv[1], local_limit=limit)
    print(f"{name} {time.perf_counter() - t:.1f} {n}", flush=True)
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument(
        "--single",
        choices=("n", "2n", "both"),
        default="n",
        help="the sizes ingest runs at (2n: Spark N, Spark 2N, ingest 2N, the shortest run with the 2N ratio)",
    )
    ap.add_argument("--story-paths", action="store_true", help="time both story paths on the 2N output")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = ap.parse_args(argv)
    cli = [sys.executable, "-m", "reportedly.cli"]
    master = f"local[{args.cores}]"
    with tempfile.TemporaryDirectory() as tmp:
        corpus = {"N": Path(tmp) / "n.jsonl", "2N": Path(tmp) / "2n.jsonl"}
        size = {"N": args.n, "2N": 2 * args.n}
        make_corpus(corpus["N"], args.n, Path(args.data))
        make_corpus(corpus["2N"], 2 * args.n, Path(args.data), seed=8)
        say(f"corpus: {args.n} and {2 * args.n} articles recombined from {args.data}; {args.cores} cores")

        def single(name: str) -> float:
            n, db = size[name], f"{tmp}/bench-{name}.db"
            t, line = timed(cli + ["ingest", str(corpus[name]), "--db", db, "--processes", str(args.cores), "--quiet"])
            say(
                f"ingest --processes {args.cores} (stories included): {n} articles in {t:.1f} s = {n / t:.2f} articles/s ({line})"
            )
            return t

        def spark(name: str) -> float:
            n = size[name]
            t, line = timed(cli + ["spark", str(corpus[name]), "--output", f"{tmp}/out-{name}", "--master", master])
            say(f"spark --master {master}: {n} articles in {t:.1f} s = {n / t:.2f} articles/s ({line})")
            return t

        t_single, t_spark = {}, {}
        if args.single in ("n", "both"):
            t_single["N"] = single("N")
        t_spark["N"] = spark("N")
        if "N" in t_single:
            say(f"spark / ingest throughput at {args.n}: {t_single['N'] / t_spark['N']:.2f}x (target >= 0.8)")
        t_spark["2N"] = spark("2N")
        say(f"spark time {2 * args.n} / {args.n}: {t_spark['2N'] / t_spark['N']:.2f} (target < 2.3)")
        if args.single in ("2n", "both"):
            t_single["2N"] = single("2N")
            say(f"spark / ingest throughput at {2 * args.n}: {t_single['2N'] / t_spark['2N']:.2f}x (target >= 0.8)")
        if len(t_single) == 2:
            say(f"ingest time {2 * args.n} / {args.n}: {t_single['2N'] / t_single['N']:.2f}")
        if args.story_paths:
            out = subprocess.run(
                [sys.executable, "-c", STORY_PATHS, f"{tmp}/out-2N", master], capture_output=True, text=True
            )
            if out.returncode != 0:
                raise SystemExit(f"story paths failed:\n{out.stderr[-2000:]}")
            for line in out.stdout.split("\n"):
                if line.strip():
                    name, secs, n = line.split()
                    say(f"stories of {2 * args.n} articles, {name} path: {secs} s, {n} stories")
    return 0


if __name__ == "__main__":
    sys.exit(main())
