"""Speed of the full analysis against bare spaCy parsing, on the bundled example article, in one run.

    python benchmarks/bench_analyze.py [--repeat 200] [--batch 32] [--processes 1]

Prints words/second for (1) the bare model (`en_core_web_sm`, all its components) over the same texts and
(2) reportedly's full analysis (decode, debris, model + reportedly components, records), and their ratio.
The two are interleaved in rounds so that machine noise hits both alike."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "heyman-soleimani.txt"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=200, help="copies of the article per measurement (default 200)")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds; the best of each is kept")
    ap.add_argument("--file", default=str(EXAMPLE))
    args = ap.parse_args(argv)

    from reportedly.analyze import analyze_prepared, prepare
    from reportedly.nlp.pipeline import get_pipeline, load_spacy_model

    text = Path(args.file).read_text(encoding="utf-8")
    bare = load_spacy_model()
    full = get_pipeline()
    words = len(bare(text)) * args.repeat
    texts = [text] * args.repeat

    def run_bare() -> float:
        t = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=args.batch, n_process=args.processes):
            pass
        return time.perf_counter() - t

    def run_full() -> float:
        t = time.perf_counter()
        preps = (prepare(x, published="2021-12-21") for x in texts)
        for _ in analyze_prepared(preps, batch_size=args.batch, n_process=args.processes):
            pass
        return time.perf_counter() - t

    run_bare(), run_full()  # warm-up: model load, caches, gender lexicon
    best_bare = best_full = float("inf")
    for _ in range(args.rounds):
        best_bare = min(best_bare, run_bare())
        best_full = min(best_full, run_full())
    print(
        f"article: {Path(args.file).name}, {words // args.repeat} tokens x {args.repeat}, "
        f"batch {args.batch}, processes {args.processes}, best of {args.rounds} rounds"
    )
    print(f"bare spaCy        {words / best_bare:10.0f} words/s  ({best_bare:.2f} s)")
    print(f"full analysis     {words / best_full:10.0f} words/s  ({best_full:.2f} s)")
    print(f"cost ratio        {best_full / best_bare:10.2f} x  (target <= 1.25)")
    _ = (full,)
    return 0


if __name__ == "__main__":
    sys.exit(main())
