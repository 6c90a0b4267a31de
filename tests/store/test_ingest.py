"""`reportedly ingest`: every input format, bad records reported with file and line, idempotence, crash safety."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportedly.ingest.readers import Failure, Item, read_paths
from reportedly.store import Store
from reportedly.store.ingest import ingest

from .corpus import make_articles

ROOT = Path(__file__).resolve().parents[2]


def write_dir(path: Path, arts: list[dict]) -> None:
    path.mkdir(parents=True, exist_ok=True)
    for k, a in enumerate(arts):
        if k % 2:
            html = (
                f"<html><head><title>{a['title']}</title></head><body><article><h1>{a['title']}</h1>"
                + "".join(f"<p>{p}</p>" for p in a["text"].split("\n\n")[1:])
                + "</article></body></html>"
            )
            (path / f"{k:03d}.html").write_text(html, encoding="utf-8")
        else:
            (path / f"{k:03d}.txt").write_text(a["text"], encoding="utf-8")


def write_warc(path: Path, arts: list[dict]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for a in arts:
            body = (
                "<html><body><article>"
                + "".join(f"<p>{p}</p>" for p in a["text"].split("\n\n"))
                + "</article></body></html>"
            ).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = w.create_warc_record(a["url"], "response", payload=io.BytesIO(body), http_headers=headers)
            w.write_record(rec)
            rec.raw_stream.close()


def test_readers_for_every_format(tmp_path):
    arts = make_articles(8, seed=11)
    write_dir(tmp_path / "dir", arts[:2])
    with open(tmp_path / "feed.jsonl", "w") as fh:
        fh.write(json.dumps({"text": arts[2]["text"], "url": "u2", "outlet": "Valley Times"}) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"title": "no body"}) + "\n")
        fh.write(json.dumps({"html": "<p>" + arts[3]["text"] + "</p>", "published": "2022-01-02"}) + "\n")
    with open(tmp_path / "export.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["headline", "body", "source"])
        w.writerow([arts[4]["title"], arts[4]["text"], "Harbor Post"])
        w.writerow(["empty", "", "x"])
    write_warc(tmp_path / "crawl.warc.gz", arts[5:7])
    got = list(
        read_paths(
            [
                tmp_path / "dir",
                tmp_path / "feed.jsonl",
                tmp_path / "export.csv",
                tmp_path / "crawl.warc.gz",
                tmp_path / "missing.txt",
            ]
        )
    )
    items = [g for g in got if isinstance(g, Item)]
    fails = {g.ref.rsplit("/", 1)[-1]: g.reason for g in got if isinstance(g, Failure)}
    assert len(items) == 7
    assert {"feed.jsonl:2", "feed.jsonl:3", "export.csv:3", "missing.txt"} == set(fails)
    assert "malformed JSON" in fails["feed.jsonl:2"]
    csv_item = next(i for i in items if i.ref.endswith("export.csv:2"))
    assert csv_item.outlet == "Harbor Post" and csv_item.title == arts[4]["title"]
    assert [i.url for i in items if ".warc" in i.ref] == [arts[5]["url"], arts[6]["url"]]


def test_truncated_warc_is_reported_and_skipped(tmp_path):
    arts = make_articles(3, seed=5)
    full = tmp_path / "full.warc.gz"
    write_warc(full, arts)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    got = list(read_paths([cut]))
    assert any(isinstance(g, Failure) and "truncated" in g.reason and "cut.warc.gz#" in g.ref for g in got)
    assert 1 <= sum(isinstance(g, Item) for g in got) < 3


def test_ingest_counts_and_is_idempotent(db_url, tmp_path):
    arts = make_articles(10, seed=21)
    write_dir(tmp_path / "in", arts)
    (tmp_path / "in" / "copy.txt").write_text(arts[0]["text"] + "\n\n", encoding="utf-8")  # same text, other file
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with Store(db_url) as store:
        s = ingest([str(tmp_path / "in")], store)
        assert (s.ingested, s.duplicates, s.failed) == (10, 1, 1)
        assert "binary" in s.failures[0][1]
        again = ingest([str(tmp_path / "in")], store)
        assert (again.ingested, again.duplicates) == (0, 11)
        assert store.counts()["articles"] == 10


def test_ingest_with_two_processes_matches_one(tmp_path):
    arts = make_articles(12, seed=8)
    write_dir(tmp_path / "in", arts)
    counts = []
    for n in (1, 2):
        with Store(str(tmp_path / f"p{n}.db")) as store:
            ingest([str(tmp_path / "in")], store, processes=n)
            counts.append(store.counts())
    assert counts[0] == counts[1] and counts[0]["articles"] == 12


def _cli(*args, capture: bool = True):
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    return subprocess.Popen([sys.executable, "-m", "reportedly.cli", *map(str, args)], stdout=out, stderr=out)


def _count(db_url: str) -> int:
    with Store(db_url) as s:
        return s.counts()["articles"]


@pytest.mark.parametrize("n_articles", [40])
def test_kill_9_midway_loses_nothing_committed(db_url, tmp_path, n_articles):
    arts = make_articles(n_articles, seed=99)
    write_dir(tmp_path / "in", arts)
    proc = _cli("ingest", tmp_path / "in", "--db", db_url, "--processes", "1", "--quiet", capture=False)
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        try:
            if _count(db_url) >= 8:
                break
        except Exception:  # the schema may not exist yet in the first instants
            pass
        time.sleep(0.2)
    assert proc.poll() is None, "ingest finished before it could be killed; use more articles"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db_url)
    assert 0 < partial < n_articles
    rerun = _cli("ingest", tmp_path / "in", "--db", db_url, "--processes", "1", "--quiet")
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()
    assert f"ingested {n_articles - partial}, skipped as duplicate {partial}" in out.decode()
    with Store(db_url) as s:
        assert s.counts()["articles"] == n_articles
        dup = s.rows("SELECT content_hash FROM articles GROUP BY content_hash HAVING count(*) > 1")
        assert dup == []
        quotes_after_crash = s.counts()["quotes"]
    clean = tmp_path / "clean.db"
    done = _cli("ingest", tmp_path / "in", "--db", clean, "--processes", "1", "--quiet")
    done.communicate(timeout=600)
    with Store(str(clean)) as s:
        assert s.counts()["quotes"] == quotes_after_crash and s.counts()["articles"] == n_articles


def test_cli_ingest_reports_bad_records(tmp_path):
    feed = tmp_path / "feed.jsonl"
    arts = make_articles(2, seed=4)
    feed.write_text(
        json.dumps({"text": arts[0]["text"]}) + "\n{broken\n" + json.dumps({"text": arts[1]["text"]}) + "\n"
    )
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "reportedly.cli",
            "ingest",
            str(feed),
            "--db",
            str(tmp_path / "c.db"),
            "--processes",
            "1",
        ],
        capture_output=True,
        timeout=300,
    )
    assert res.returncode == 0
    assert f"skipped {feed}:2: malformed JSON" in res.stderr.decode()
    assert "ingested 2, skipped as duplicate 0, failed 1" in res.stdout.decode()
    assert "Traceback" not in res.stderr.decode()


def test_cli_corpus_queries(tmp_path):
    arts = make_articles(4, seed=2)
    write_dir(tmp_path / "in", arts)
    db = tmp_path / "c.db"
    subprocess.run(
        [sys.executable, "-m", "reportedly.cli", "ingest", str(tmp_path / "in"), "--db", str(db), "--processes", "1"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    who = arts[0]["speakers"][0]
    res = subprocess.run(
        [sys.executable, "-m", "reportedly.cli", "quotes", "--speaker", who, "--db", str(db), "--json"],
        capture_output=True,
        timeout=120,
    )
    rows = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert rows and all(r["speaker"] == who for r in rows)
    res = subprocess.run(
        [sys.executable, "-m", "reportedly.cli", "sources", "--db", str(db)], capture_output=True, timeout=120
    )
    assert who in res.stdout.decode() and "by source type" in res.stdout.decode()
    res = subprocess.run(
        [sys.executable, "-m", "reportedly.cli", "export", "--format", "parquet", "--db", str(db)],
        capture_output=True,
        timeout=120,
    )
    assert res.returncode == 2 and "-o" in res.stderr.decode()


def test_store_errors_are_one_line(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    res = subprocess.run(
        [sys.executable, "-m", "reportedly.cli", "quotes", "--db", str(bad)], capture_output=True, timeout=60
    )
    err = res.stderr.decode()
    assert res.returncode == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert bad.read_bytes() == b"this is not sqlite" * 100  # never overwritten
    res = subprocess.run(
        [sys.executable, "-m", "reportedly.cli", "quotes", "--db", "postgresql://nobody@127.0.0.1:1/x"],
        capture_output=True,
        timeout=60,
    )
    assert res.returncode == 2 and "cannot connect" in res.stderr.decode()


def test_publication_dates_are_normalised_or_dropped():
    from reportedly.ingest.readers import normalise_date

    assert normalise_date("2022-10-20T08:00:00Z") == "2022-10-20"
    assert normalise_date("Thu, 20 Oct 2022 10:00:00 GMT") == "2022-10-20"
    assert normalise_date("sometime last autumn") is None


def test_read_commands_do_not_create_a_corpus(tmp_path):
    missing = tmp_path / "typo.db"
    res = subprocess.run(
        [sys.executable, "-m", "reportedly.cli", "quotes", "--db", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2 and "no corpus at" in res.stderr and not missing.exists()


def test_export_to_an_unwritable_place(tmp_path):
    db = tmp_path / "c.db"
    Store(str(db)).close()
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "reportedly.cli",
            "export",
            "--format",
            "csv",
            "-o",
            str(tmp_path / "no" / "such" / "dir.csv"),
            "--db",
            str(db),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2 and "cannot write" in res.stderr and "Traceback" not in res.stderr


def test_non_english_articles_are_stored_unanalysed_with_their_language(db_url, tmp_path):
    fixtures = Path(__file__).parent.parent / "fixtures"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "de.txt").write_text((fixtures / "german-article.txt").read_text(encoding="utf-8"))
    arts = make_articles(1, seed=5)
    (tmp_path / "in" / "en.txt").write_text(arts[0]["text"], encoding="utf-8")
    with Store(db_url) as store:
        s = ingest([str(tmp_path / "in")], store)
        assert (s.ingested, s.failed) == (2, 0)
        rows = {r["language"]: r["id"] for r in store.rows("SELECT id, language FROM articles")}
        assert set(rows) == {"de", "en"}
        record = store.analysis(rows["de"])
        assert record.language == "de" and not record.quotes and not record.entities
        assert any("stored without analysis" in w for w in record.warnings)
        assert store.rows("SELECT COUNT(*) AS n FROM quotes WHERE article_id = ?", (rows["de"],))[0]["n"] == 0


def test_special_files_are_skipped_not_read(tmp_path):
    from reportedly.ingest.readers import read_paths

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block until a writer came
    arts = make_articles(1, seed=9)
    (folder / "a.txt").write_text(arts[0]["text"], encoding="utf-8")
    got = list(read_paths([folder]))
    failures = [r for r in got if isinstance(r, Failure)]
    assert [f.ref for f in failures] == [str(folder / "pipe.txt")] and "FIFO" in failures[0].reason
    assert len(got) == 2
    assert "FIFO" in next(iter(read_paths([folder / "pipe.txt"]))).reason  # named on the command line too


def test_a_jsonl_text_with_nul_is_skipped_as_binary_like_a_file_with_nul(db_url, tmp_path):
    # before: "a\u0000b" in a JSONL or CSV text was stored as it was (a .txt file with the same NUL is refused)
    arts = make_articles(2, seed=5)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": arts[0]["text"][:200] + "\x00" + arts[0]["text"][200:]})
        + "\n"
        + json.dumps({"text": arts[1]["text"]})
        + "\n",
        encoding="utf-8",
    )
    with Store(db_url) as store:
        s = ingest([str(feed)], store)
        assert (s.ingested, s.failed) == (1, 1) and s.failures[0][0].endswith("feed.jsonl:1")
        assert "[E102]" in s.failures[0][1] and "NUL" in s.failures[0][1]
        assert store.counts()["articles"] == 1


def test_jsonl_lines_that_no_store_can_hold_are_skipped_and_the_rest_ingested(db_url, tmp_path):
    # before: a lone surrogate ("\ud800") in a text stopped `ingest` with "internal error (UnicodeEncodeError ...)",
    # exit 1, and the lines after it were never read; a NUL in a title failed PostgreSQL with E500
    arts = make_articles(4, seed=9)
    lines = [
        {"text": arts[0]["text"][:100] + "\ud800" + arts[0]["text"][100:]},
        {"text": arts[1]["text"], "title": "Bus fares\x00"},
        {"text": arts[2]["text"], "url": "https://example.org/\udc80"},
        {"text": arts[3]["text"], "title": "Fine"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with Store(db_url) as store:
        s = ingest([str(feed)], store)
        fails = {ref.rsplit(":", 1)[1]: why for ref, why in s.failures}
        assert (s.ingested, s.failed) == (1, 3) and set(fails) == {"1", "2", "3"}
        assert "[E104]" in fails["1"] and "surrogate" in fails["1"]
        assert '"title"' in fails["2"] and '"url"' in fails["3"]
        assert store.counts()["articles"] == 1


def test_a_sidecar_with_a_nul_is_ignored_with_a_note(db_url, tmp_path):
    # before: the NUL title of a sidecar reached the store (PostgreSQL: E500, the whole ingest stopped)
    arts = make_articles(1, seed=11)
    (tmp_path / "a.txt").write_text(arts[0]["text"], encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"title": "T\x00", "outlet": "BBC"}), encoding="utf-8")
    with Store(db_url) as store:
        s = ingest([str(tmp_path / "a.txt")], store)
        assert (s.ingested, s.failed) == (1, 0) and "sidecar a.json ignored" in s.notes[0][1]
        assert store.rows("SELECT title, outlet FROM articles")[0]["outlet"] is None


def test_a_publication_date_that_cannot_be_read_is_noted_not_dropped_in_silence(tmp_path):
    # before: "published": "2022-03" (or "2022", "March 2022") was stored as no date without a word
    arts = make_articles(3, seed=13)
    feed = tmp_path / "feed.jsonl"
    dates = ["2022-03", "2022-03-04", "last spring"]
    feed.write_text("".join(json.dumps({"text": a["text"], "published": d}) + "\n" for a, d in zip(arts, dates)))
    with Store(str(tmp_path / "c.db")) as store:
        s = ingest([str(feed)], store)
        assert s.ingested == 3 and [ref.rsplit(":", 1)[1] for ref, _ in s.notes] == ["1", "3"]
        assert "'2022-03' is not a full date" in s.notes[0][1] and "stored without" in s.notes[0][1]


def test_a_sidecar_date_that_cannot_be_read_is_noted(tmp_path):
    arts = make_articles(1, seed=17)
    (tmp_path / "a.txt").write_text(arts[0]["text"], encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"published": "2022"}), encoding="utf-8")
    with Store(str(tmp_path / "c.db")) as store:
        s = ingest([str(tmp_path / "a.txt")], store)
        assert s.ingested == 1 and "'2022' is not a full date" in s.notes[0][1]
