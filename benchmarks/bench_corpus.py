"""Time to add 1,000 articles with their stories updated, at two corpus sizes (the issue asks 10k vs 100k, ratio
below 1.5): the cost of placing new articles must not grow with the corpus.

    python benchmarks/bench_corpus.py [--sizes 10000 100000] [--new 1000] [--db-url postgresql://...]

How the corpus is made (honestly): the N background articles are recombined from paragraphs of the shared datasets
(as bench_ingest.py does; one in ten is a near-copy of an earlier one, so stories exist) and stored by a fast path —
the article row with its real signature, band keys and component, but no NLP (no quotes, entities, analysis record)
and, for its stories, members without a copy graph (every member "independent"). The 1,000 new articles are
analysed once by the full pipeline (cached; the time is printed apart) and are then stored at each size through the
real path: signature and band keys computed (as the worker does), `Store.add`, then `update_stories`, which looks
candidates up in the store and rebuilds the copy graph of every story they join. A third of them are near-copies
of background articles, so they join existing stories. The first 10,000 background articles are the same at every
size, and so are the new ones.

The fast path, exactly: article rows (hash, title, outlet, date, text; the full-text index filled by the store's own
trigger or generated column), each article's real signature and band keys (`sign`, the worker's function, in
`--processes` processes) inserted in batches (executemany on SQLite, COPY on PostgreSQL) in one transaction, bucket
sizes counted once at the end, components by the real `components_up_to`, stories by `stories_in_time` with every member
"independent". It skips: the NLP and its rows (analysis record, quotes, attributions, entities, time expressions,
people) and the copy graphs of the background stories. Signatures are cached per 10,000 texts and components per
corpus (keyed by texts and ids) in the temp folder, so the sizes and the two stores of a run compute each once."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import multiprocessing as mp
import pickle
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_ingest import paragraphs  # noqa: E402

from reportedly.models import Signature  # noqa: E402
from reportedly.provenance.features import sentences  # noqa: E402

OUTLETS = ["Courier", "Daily Star", "Metro", "Gazette", "Herald", "Chronicle"]


def near_copy(text: str, rnd: random.Random) -> str:
    """A rewrite: one paragraph dropped, a new dateline line on top."""
    paras = text.split("\n\n")
    if len(paras) > 3:
        paras.pop(rnd.randrange(1, len(paras)))
    return f"{rnd.choice(OUTLETS).upper()} — {rnd.randint(1, 10**6)}\n\n" + "\n\n".join(paras)


def sentence_pool(data: Path) -> list[str]:
    """Every sentence of the shared paragraphs: recombined a few to a paragraph, two articles share a sentence now
    and then, as articles about different events do, without sharing what they are about (whole shared paragraphs
    would tie the whole corpus into one story)."""
    return [p[s:e] for p in paragraphs(data) for s, e in sentences(p) if len(p[s:e].split()) >= 6]


def body(rnd: random.Random, pool: list[str]) -> str:
    """Paragraphs of three shared sentences each, and a sentence with the article's own names: every article is
    about its own event (its own people and places), as real reports of different events are. The pool is
    political news of one season; recombined without names of their own, all its articles would share what they
    are about and merge into one story."""
    names = ["".join(rnd.choice("bdgklmnrstvz") + rnd.choice("aeiou") for _ in range(3)).title() for _ in range(40)]
    paras = []
    for _ in range(rnd.randint(5, 10)):
        a, b, c, d, e, f, g, h = rnd.sample(names, 8)
        own = f" {a}, {b} and {c} met {d} of {e} in {f}, {g} and {h}."
        paras.append(" ".join(rnd.sample(pool, 3)) + own)
    return "\n\n".join(paras)


def background(n: int, paras: list[str], seed: int = 11) -> list[dict]:
    rnd = random.Random(seed)
    out: list[dict] = []
    for k in range(n):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=k // 70)  # 70 a day, in order: the same dates at every size
        if out and rnd.random() < 0.1:
            src = out[max(0, len(out) - rnd.randint(1, 50))]  # a copy of a recent article: the same story
            text = near_copy(src["text"], rnd)
        else:
            text = f"Background article {k}\n\n" + body(rnd, paras)
        out.append({"text": text, "published": day.isoformat(), "outlet": rnd.choice(OUTLETS), "title": f"article {k}"})
    return out


def new_articles(n: int, base: list[dict], paras: list[str], seed: int = 12) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        day = "2024-01-15"
        if rnd.random() < 1 / 3:  # a copy a day after its source: it joins the source's story
            src = base[rnd.randrange(len(base))]
            text = near_copy(src["text"], rnd)
            day = (dt.date.fromisoformat(src["published"]) + dt.timedelta(days=1)).isoformat()
        else:
            text = f"New article {k}\n\n" + body(rnd, paras)
        out.append({"text": text, "published": day, "outlet": rnd.choice(OUTLETS), "title": f"new {k}"})
    return out


def _sign(text: str):
    from reportedly.pipeline.stories import sign

    return sign(text)


SIGN_CHUNK = 10_000  # signatures are cached per chunk of this many articles (the sizes share their first chunks)


def signed_cached(arts: list[dict], processes: int, cache: Path = Path(tempfile.gettempdir())) -> list:
    """Each article's signature and band keys, computed by the real `sign` in `processes` processes and cached on
    disk per chunk of SIGN_CHUNK articles (keyed by their texts): the sizes and stores of a run, and later runs, sign
    each text once."""
    out: list = []
    for start in range(0, len(arts), SIGN_CHUNK):
        texts = [a["text"] for a in arts[start : start + SIGN_CHUNK]]
        fields = ",".join(f.name for f in dataclasses.fields(Signature))  # a signature of another form is no hit
        key = hashlib.sha256("\0".join([fields, *texts]).encode()).hexdigest()[:16]
        path = cache / f"bench-corpus-sig-{key}.pickle"
        if path.exists():
            out += pickle.loads(path.read_bytes())
            continue
        with mp.get_context("spawn").Pool(processes) as pool:
            part = pool.map(_sign, texts, chunksize=200)
        path.write_bytes(pickle.dumps(part))
        out += part
    return out


def cached_components(store, arts: list[dict], settings, cache: Path = Path(tempfile.gettempdir())) -> list:
    """The connected components of the background corpus, computed by the real `components_up_to` from the stored
    signatures and band keys, and cached on disk (keyed by the texts and the ids they were stored under): the same
    corpus in the other store reuses them when its articles took the same ids (1..N in a fresh database)."""
    from reportedly.pipeline.stories import components_up_to
    from reportedly.store import signatures

    ids = [r["id"] for r in store.rows("SELECT id FROM articles ORDER BY id")]
    key = hashlib.sha256(("\0".join(a["text"] for a in arts) + repr(ids) + repr(settings)).encode()).hexdigest()[:16]
    path = cache / f"bench-corpus-components-{key}.pickle"
    busy = path.with_suffix(".computing")
    while busy.exists() and not path.exists():  # another run is computing them: wait for its result
        time.sleep(5)
    if path.exists():
        return pickle.loads(path.read_bytes())
    busy.touch()
    try:
        parts = components_up_to(store, signatures.last_signed(store), settings)
        path.write_bytes(pickle.dumps(parts))
    finally:
        busy.unlink()
    return parts


def rows_in(store, table: str, rows: list[tuple]) -> None:
    """Insert many rows in the caller's transaction: COPY on PostgreSQL (a hundred band keys an article), executemany
    on SQLite."""
    if store.dialect == "postgresql":
        with store.conn.cursor().copy(f"COPY {table} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ",".join("?" * len(rows[0])) if rows else ""
        store.conn.cursor().executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def fast_fill(store, arts: list[dict], processes: int) -> dict:
    from reportedly.provenance.cluster import stories_in_time
    from reportedly.provenance.evidence import day_number
    from reportedly.provenance.settings import fitted
    from reportedly.store import signatures
    from reportedly.store import stories as stored

    t = time.perf_counter()
    signed = signed_cached(arts, processes)
    t_sign = time.perf_counter() - t
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    t = time.perf_counter()
    cur = store.conn.cursor()
    sql = store._sql
    with store.transaction():
        for start in range(0, len(arts), 5000):
            part = arts[start : start + 5000]
            first = store.rows("SELECT coalesce(max(id), 0) AS m FROM articles")[0]["m"]
            cur.executemany(
                sql(
                    "INSERT INTO articles(content_hash, title, outlet, published, text, source_format, warnings, "
                    "ingested_at, language) VALUES (?,?,?,?,?,?,?,?,?)"
                ),
                [
                    (hashlib.sha256(a["text"].encode()).hexdigest(), a["title"], a["outlet"], a["published"])
                    + (a["text"], "text", "[]", now, "en")
                    for a in part
                ],
            )
            # one writer in one transaction: the new rows took the ids after `first`, in the order given
            ids = [r["id"] for r in store.rows("SELECT id FROM articles WHERE id > ? ORDER BY id", (first,))]
            assert len(ids) == len(part)
            rows, keys = [], []
            for aid, (sig, ks) in zip(ids, signed[start : start + 5000]):
                rows.append(
                    (
                        aid,
                        signatures._pack(sig.copy),
                        signatures._pack(sig.topic),
                        signatures._pack(sig.keys),
                        sig.language,
                        signatures._pack(sig.marks),
                    )
                )
                keys += [(k, aid) for k in set(ks)]
            rows_in(store, "article_signatures(article_id, copy, topic, keys, language, marks)", rows)
            rows_in(store, "band_keys(key, article_id)", sorted(keys))
        store.execute("INSERT INTO band_buckets(key, size) SELECT key, count(*) FROM band_keys GROUP BY key")
    t_rows = time.perf_counter() - t
    t = time.perf_counter()
    settings = fitted()
    parts = cached_components(store, arts, settings)
    t_cluster = time.perf_counter() - t
    days = {a: day_number(d) for a, d in stored.published(store).items()}
    built = []
    for part in parts:
        for members, _ in stories_in_time(sorted(part), days, settings.story_days):
            if len(members) >= 2:
                arts_ = tuple(
                    stored.StoryArticle(a, "origin" if i == 0 else "independent") for i, a in enumerate(members)
                )
                built.append(stored.BuiltStory(len(members), members[0], None, arts_))
    with store.transaction():
        signatures.set_components(store, {a: min(p) for p in parts for a in p})
        stored.write_stories(store, built)
    return {
        "sign_s": round(t_sign, 1),
        "rows_s": round(t_rows, 1),
        "cluster_s": round(t_cluster, 1),
        "stories": len(built),
    }


def analysed_new(new: list[dict], cache: Path):
    """The new articles analysed by the full pipeline, once (cached by their texts)."""
    from reportedly.analyze import analyze_prepared, prepare

    key = hashlib.sha256(json.dumps(new, sort_keys=True).encode()).hexdigest()[:16]
    path = cache / f"bench-corpus-new-{key}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes()), None
    t = time.perf_counter()
    preps = [prepare(a["text"], published=a["published"], title=a["title"]) for a in new]
    out = list(analyze_prepared(preps, batch_size=16))
    path.write_bytes(pickle.dumps(out))
    return out, time.perf_counter() - t


def one_size(db: str, n: int, arts: list[dict], new: list[dict], analyses, processes: int) -> dict:
    from reportedly.pipeline.stories import sign, update_stories
    from reportedly.store import Store

    with Store(db) as store:
        made = fast_fill(store, arts[:n], processes)
        t = time.perf_counter()
        for a, meta in zip(analyses, new):
            sig, keys = sign(a.text)
            store.add(a, outlet=meta["outlet"], signature=sig, keys=keys)
        t_add = time.perf_counter() - t
        t = time.perf_counter()
        changed = update_stories(store)
        t_update = time.perf_counter() - t
        joined = sum(1 for c in changed if c["size"] > 2)  # grew beyond a source and its new copy
    return {
        "corpus": n,
        **made,
        "add_s": round(t_add, 1),
        "update_s": round(t_update, 1),
        "total_s": round(t_add + t_update, 1),
        "stories_changed": len(changed),
        "stories_grown_past_2": joined,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--new", type=int, default=1000)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--db-url", help="a PostgreSQL server URL (a database per size is created in it); default SQLite")
    ap.add_argument(
        "--keep", help="a folder to keep the SQLite stores in (for load_web.py --db); PostgreSQL keeps them"
    )
    ap.add_argument("--processes", type=int, default=2, help="processes signing the background corpus")
    args = ap.parse_args(argv)
    paras = sentence_pool(Path(args.data))
    arts = background(max(args.sizes), paras)
    new = new_articles(args.new, arts[: min(args.sizes)], paras)
    with tempfile.TemporaryDirectory() as tmp:
        keep = Path(args.keep) if args.keep else Path(tmp)
        keep.mkdir(parents=True, exist_ok=True)
        analyses, nlp_s = analysed_new(new, Path(tempfile.gettempdir()))
        if nlp_s is not None:
            print(f"analysed the {args.new} new articles once (full pipeline, 1 process): {nlp_s:.0f} s")
        results = []
        for n in args.sizes:
            db = str(keep / f"c{n}.db") if not args.db_url else _pg_database(args.db_url, n)
            r = one_size(db, n, arts, new, analyses, args.processes)
            if args.keep or args.db_url:
                r["db"] = db
            results.append(r)
            print(json.dumps(r), flush=True)
        a, b = results[0], results[-1]
        print(
            f"add {args.new} articles + update stories: {a['total_s']} s at {a['corpus']} articles, "
            f"{b['total_s']} s at {b['corpus']} (ratio {b['total_s'] / a['total_s']:.2f})"
        )
    return 0


def _pg_database(server: str, n: int) -> str:
    import psycopg

    name = f"bench_corpus_{n}_{int(time.time())}"
    with psycopg.connect(server.rstrip("/") + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{server.rstrip('/')}/{name}"


if __name__ == "__main__":
    sys.exit(main())
