"""Load test of `reportedly serve`: concurrent clients over every page and API endpoint, latency and errors per
endpoint, and the resident memory of the server.

    python benchmarks/load_web.py [--background 10000] [--analysed 2000] [--db-url postgresql://HOST:PORT]
    python benchmarks/load_web.py --db corpus.db          # an existing store as it is

How the corpus is made: `--background` articles recombined from the shared data and stored by bench_corpus.py's fast
path (real signatures, band keys and stories, no NLP: listed and clustered, not opened), then `--analysed` articles
through the real `Store.add` — copies of 40 recombined articles analysed once by the full pipeline (cached), each
with a line of its own and a date spread over the background's — so quotes, people, article pages and search have
real rows. Then `reportedly serve` is started on 127.0.0.1 and `--clients` threads send `--requests` requests,
spread evenly over the endpoints below, each thread with its own keep-alive connection. Latency is measured by the
client (the machine's cores are shared by client and server)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

ENDPOINTS = [
    "home",
    "articles",
    "article",
    "people",
    "person",
    "stories",
    "story",
    "api/articles",
    "api/quotes",
    "api/stories",
    "search",
    "api/search",
]


def build(db: str, background: int, analysed: int, data: Path, processes: int) -> dict:
    from bench_corpus import background as make_background
    from bench_corpus import fast_fill, new_articles, sentence_pool

    from reportedly.analyze import analyze_prepared, prepare
    from reportedly.store import Store

    paras = sentence_pool(data)
    arts = make_background(background, paras)
    t = time.perf_counter()
    with Store(db) as store:
        made = fast_fill(store, arts, processes) if background else {}
        t_fill = time.perf_counter() - t
        seeds = new_articles(40, arts[:1000] or [{"text": "x", "published": "2020-01-01"}], paras, seed=21)
        t = time.perf_counter()
        records = list(analyze_prepared([prepare(a["text"], published=a["published"]) for a in seeds], batch_size=8))
        t_nlp = time.perf_counter() - t
        days = max(1, background // 70)
        rnd = random.Random(5)
        t = time.perf_counter()
        for i in range(analysed):
            a, meta = records[i % len(records)], seeds[i % len(seeds)]
            day = (dt.date(2020, 1, 1) + dt.timedelta(days=rnd.randrange(days))).isoformat()
            copy = dataclasses.replace(a, text=a.text + f"\n\nCopy {i} of the wire report.", published=day)
            store.add(copy, outlet=meta["outlet"])
        t_add = time.perf_counter() - t
        counts = store.counts()
    return {
        **counts,
        "fill_s": round(t_fill, 1),
        "nlp_s": round(t_nlp, 1),
        "add_s": round(t_add, 1),
        "stories": made.get("stories"),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of process `pid` (psutil when installed, else /proc)."""
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / 2**20
    except ImportError:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def serve(db: str, log: Path):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("REPORTEDLY_TOKEN", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportedly.cli", "serve", "--db", db, "--port", str(port)],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(base + "/healthz", timeout=5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("reportedly serve did not start: " + log.read_text(errors="replace")[-2000:])
        time.sleep(0.3)


def targets(base: str) -> dict[str, list[str]]:
    """Concrete URLs for each endpoint, read from the API itself: analysed articles, people, stories, cursors."""
    with httpx.Client(base_url=base, timeout=60) as c:
        quotes = c.get("/api/quotes", params={"limit": 100}).json()["items"]
        article_ids = sorted({q["article_id"] for q in quotes})[:30]
        people = [p["name"] for p in c.get("/api/people", params={"limit": 30}).json()["items"]]
        stories = [s["id"] for s in c.get("/api/stories", params={"limit": 30}).json()["items"]]
        cursors, after = [None], None
        for _ in range(10):
            page = c.get("/api/articles", params={"limit": 20, **({"after": after} if after else {})}).json()
            after = page["next"]
            if after is None:
                break
            cursors.append(after)
        qcursors = [None] + [q["id"] for q in quotes[19::20]]
    words = ["government", "minister said", "election", "police", "president", "health"]
    return {
        "home": ["/"],
        "articles": ["/articles", "/articles?offset=20", "/articles?offset=200"],
        "article": [f"/articles/{i}" for i in article_ids],
        "people": ["/people", "/people?q=an"],
        "person": [f"/people/{quote(n, safe='')}" for n in people],
        "stories": ["/stories", "/stories?offset=50"],
        "story": [f"/stories/{i}" for i in stories],
        "api/articles": ["/api/articles?limit=20" + (f"&after={a}" if a else "") for a in cursors],
        "api/quotes": ["/api/quotes?limit=20" + (f"&after={a}" if a else "") for a in qcursors],
        "api/stories": ["/api/stories?limit=20", "/api/stories?limit=20&offset=40"],
        "search": [f"/search?q={quote(w)}" for w in words],
        "api/search": [f"/api/search?q={quote(w)}" for w in words],
    }


def load(base: str, urls: dict[str, list[str]], requests: int, clients: int, pid: int) -> dict:
    plan = [(e, urls[e][k // len(ENDPOINTS) % len(urls[e])]) for k in range(requests) for e in [ENDPOINTS[k % 12]]]
    random.Random(7).shuffle(plan)
    results: list[tuple[str, int, float]] = []
    lock = threading.Lock()
    peak = [rss_mb(pid)]
    done = threading.Event()

    def sample():
        while not done.wait(0.2):
            peak[0] = max(peak[0], rss_mb(pid))

    def client(part):
        with httpx.Client(base_url=base, timeout=60) as c:
            for endpoint, url in part:
                t = time.perf_counter()
                try:
                    status = c.get(url).status_code
                except httpx.HTTPError:
                    status = 0
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    results.append((endpoint, status, ms))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t = time.perf_counter()
    threads = [threading.Thread(target=client, args=(plan[i::clients],)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t
    done.set()
    by: dict[str, list] = defaultdict(list)
    for endpoint, status, ms in results:
        by[endpoint].append((status, ms))
        by["overall"].append((status, ms))
    table = {e: summary(by[e]) for e in ENDPOINTS + ["overall"]}
    return {"wall_s": round(wall, 1), "rps": round(len(results) / wall, 1), "rss_peak_mb": round(peak[0], 1), **table}


def summary(rows: list[tuple[int, float]]) -> dict:
    ms = sorted(m for _, m in rows)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {
        "n": len(rows),
        "p50_ms": round(statistics.median(ms), 1),
        "p99_ms": round(q[98], 1),
        "errors": sum(1 for s, _ in rows if not 200 <= s < 400),
        "5xx": sum(1 for s, _ in rows if s >= 500 or s == 0),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", help="an existing store (SQLite path or postgresql:// URL); else one is built")
    ap.add_argument("--db-url", help="a PostgreSQL server URL to build the corpus in (a new database); default SQLite")
    ap.add_argument("--background", type=int, default=10_000, help="articles stored by the fast path (no NLP)")
    ap.add_argument("--analysed", type=int, default=2_000, help="articles stored with their analysis (Store.add)")
    ap.add_argument("--requests", type=int, default=2_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--processes", type=int, default=2, help="processes signing the background corpus")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        built = None
        if db is None:
            if args.db_url:
                from bench_corpus import _pg_database

                db = _pg_database(args.db_url, args.background + args.analysed)
            else:
                db = str(Path(tmp) / "load.db")
            built = build(db, args.background, args.analysed, Path(args.data), args.processes)
            print("corpus:", json.dumps(built), flush=True)
        proc, base = serve(db, Path(tmp) / "serve.log")
        try:
            idle = rss_mb(proc.pid)
            urls = targets(base)
            result = load(base, urls, args.requests, args.clients, proc.pid)
            result["rss_idle_mb"] = round(idle, 1)
            result["rss_after_mb"] = round(rss_mb(proc.pid), 1)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    store = "postgresql" if db.startswith("postgres") else "sqlite"
    print(f"{store}: {args.requests} requests, {args.clients} clients, {result['wall_s']} s ({result['rps']} req/s)")
    print(f"{'endpoint':14} {'n':>5} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'5xx':>4}")
    for e in ENDPOINTS + ["overall"]:
        r = result[e]
        print(f"{e:14} {r['n']:5} {r['p50_ms']:8} {r['p99_ms']:8} {r['errors']:7} {r['5xx']:4}")
    print(
        f"serve RSS: {result['rss_idle_mb']} MB idle, {result['rss_peak_mb']} MB peak, {result['rss_after_mb']} MB after"
    )
    if args.json:
        Path(args.json).write_text(json.dumps({"store": store, "corpus": built, **result}, indent=1))
    return 1 if result["overall"]["5xx"] else 0


if __name__ == "__main__":
    sys.exit(main())
