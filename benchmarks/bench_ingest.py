"""Ingest throughput and memory: N articles made by recombining paragraphs of real articles, stored in SQLite with
1 and 2 processes; prints articles/s, and resident memory at each quarter of the run (it must stay flat).

    python benchmarks/bench_ingest.py [--n 2000] [--data ../shared/data] [--processes 1 2]

The source paragraphs come from the shared datasets (the story clusters and the PolNeAR training texts), read at
run time and never stored in the repository."""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paragraphs(data: Path) -> list[str]:
    out = []
    for f in sorted((data / "stories").glob("*/*.txt")):
        out += [p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= 12]
    with open(data / "quotes" / "polnear" / "train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            out += [p.strip() for p in json.loads(line)["text"].split("\n") if len(p.split()) >= 12]
    return out


def make_corpus(path: Path, n: int, data: Path, seed: int = 7) -> None:
    rnd = random.Random(seed)
    paras = paragraphs(data)
    outlets = ["Courier", "Daily Star", "Metro", "Gazette", "Herald", "Chronicle"]
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            body = rnd.sample(paras, rnd.randint(5, 10))
            rec = {
                "url": f"https://bench.example/{k}",
                "title": f"Benchmark article {k}",
                "outlet": rnd.choice(outlets),
                "published": f"20{rnd.randint(16, 22)}-{rnd.randint(1, 12):02d}-15",
                "text": f"Benchmark article {k}\n\n" + "\n\n".join(body),
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def rss_mb() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def one_run(corpus: str, processes: int, db: str) -> dict:
    """Runs in a fresh interpreter so that peak memory belongs to this configuration alone."""
    from reportedly.store import Store
    from reportedly.store.ingest import ingest

    marks: list[tuple[int, float]] = []
    total = sum(1 for _ in open(corpus, encoding="utf-8"))

    def progress(s) -> None:
        quarter = total // 4
        if quarter and s.seen >= (len(marks) + 1) * quarter and len(marks) < 4:
            marks.append((s.seen, round(rss_mb(), 1)))

    t = time.perf_counter()
    with Store(db) as store:
        s = ingest([corpus], store, processes=processes, progress=progress)
    elapsed = time.perf_counter() - t
    return {
        "processes": processes,
        "ingested": s.ingested,
        "failed": s.failed,
        "seconds": round(elapsed, 1),
        "articles_per_s": round(s.ingested / elapsed, 2),
        "rss_mb_at_quarters": marks,
        "peak_rss_main_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_worker_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--one", nargs=3, metavar=("CORPUS", "PROCESSES", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one_run(args.one[0], int(args.one[1]), args.one[2])))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        make_corpus(corpus, args.n, Path(args.data))
        print(f"corpus: {args.n} articles recombined from {args.data}, {corpus.stat().st_size / 1e6:.1f} MB")
        for n in args.processes:
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(corpus), str(n), str(Path(tmp) / f"p{n}.db")],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"processes {r['processes']}: {r['ingested']} ingested ({r['failed']} failed) in {r['seconds']} s = "
                f"{r['articles_per_s']} articles/s; peak RSS main {r['peak_rss_main_mb']} MB, "
                f"largest worker {r['peak_rss_worker_mb']} MB; main RSS at each quarter (articles, MB): "
                f"{r['rss_mb_at_quarters']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
