"""The command line end to end, in a subprocess: reports, and one-line errors with exit code 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIX = Path(__file__).parent / "fixtures"
EXAMPLE = ROOT / "examples" / "heyman-soleimani.txt"


def cli(*args, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "reportedly.cli", *map(str, args)], input=stdin, capture_output=True, timeout=300
    )


def assert_clean_failure(res, *words):
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert res.stdout == b""
    for w in words:
        assert w in err.lower(), err


def test_text_report_on_the_example():
    res = cli("analyze", EXAMPLE, "--published", "2021-12-21")
    out = res.stdout.decode()
    assert res.returncode == 0, res.stderr.decode()
    assert "Tamir Heyman" in out and "Quotes" in out and "Attributions" in out
    assert "earlier this year → 2021" in out
    assert "Exit mobile version" in out.split("Removed scrape debris")[1]


def test_json_report_validates_against_the_schema():
    import jsonschema

    from reportedly.report.schema import shipped

    res = cli("analyze", EXAMPLE, "--published", "2021-12-21", "--format", "json")
    data = json.loads(res.stdout)
    jsonschema.validate(data, shipped())
    assert data["schema_version"] == "1.1.0" and len(data["quotes"]) == 7


def test_html_report_is_one_page_without_scripts():
    res = cli("analyze", EXAMPLE, "--published", "2021-12-21", "--format", "html")
    page = res.stdout.decode()
    assert page.startswith("<!doctype html>") and "<script" not in page and "<mark" in page


@pytest.mark.parametrize("args", [("-", "--format", "json"), ("--format", "json", "--")])
def test_stdin(args):
    res = cli("analyze", *args, stdin=EXAMPLE.read_bytes())
    assert res.returncode == 0, res.stderr.decode()
    assert json.loads(res.stdout)["title"].startswith("Ex-Intelligence Chief")


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert_clean_failure(cli("analyze", p), "empty")


def test_binary_file(tmp_path):
    p = tmp_path / "photo.jpg"
    p.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)
    assert_clean_failure(cli("analyze", p), "binary")


def test_fifty_megabyte_file(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        line = b"The council met again and the mayor said the budget was fine.\n"
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert_clean_failure(cli("analyze", p), "mb")


def test_invalid_utf8(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes("“The plan is bold,” she said.".encode() + b" \xff\xfe caf\xe9 " + "“Really,” he said.".encode())
    assert_clean_failure(cli("analyze", p), "utf-8")


def test_non_english_article():
    assert_clean_failure(cli("analyze", FIX / "german-article.txt"), "'de'")


def test_malformed_html():
    assert_clean_failure(cli("analyze", FIX / "broken-page.html"), "html")


def test_missing_file_and_directory(tmp_path):
    assert_clean_failure(cli("analyze", tmp_path / "nope.txt"), "no such file")
    assert_clean_failure(cli("analyze", tmp_path), "directory")


def test_bad_date():
    assert_clean_failure(cli("analyze", EXAMPLE, "--published", "21/12/2021"), "yyyy-mm-dd")


@pytest.mark.parametrize("command", ["analyze", "eval", "fetch"])
def test_every_command_help_has_an_example(command):
    res = cli(command, "--help")
    assert res.returncode == 0 and "Example:" in res.stdout.decode()


def test_readme_documents_every_command():
    from reportedly.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert f"reportedly {name}" in readme, name


def test_serve_refuses_what_it_cannot_serve(tmp_path):
    import socket

    from reportedly.store import Store

    assert_clean_failure(cli("serve", "--db", tmp_path / "missing.db"), "no corpus")
    Store(str(tmp_path / "corpus.db")).close()
    assert_clean_failure(cli("serve", "--db", tmp_path / "corpus.db", "--port", "70000"), "not a tcp port")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert_clean_failure(cli("serve", "--db", tmp_path / "corpus.db", "--port", port), "cannot listen")


def test_analyze_a_url(tmp_path):
    from .ingest.site import Page, article_html, articles, serve

    art = articles(1)[0]
    with serve() as site:
        site.add("/story", Page(status=302, headers={"Location": "/2022/01/01/story"}))
        site.add("/2022/01/01/story", Page(article_html(art, site_name="Valley Times")))
        res = cli("analyze", site.base + "/story", "--format", "json", "--warc", tmp_path / "one.warc.gz")
        missing = cli("analyze", site.base + "/gone")
    assert res.returncode == 0, res.stderr.decode()
    from reportedly.ingest.readers import read_paths

    kept = [r for r in read_paths([str(tmp_path / "one.warc.gz")]) if hasattr(r, "capture")]
    assert [r.capture.final_url for r in kept] == [site.base + "/2022/01/01/story"]  # the page, redirect aside
    data = json.loads(res.stdout)
    assert data["url"] == site.base + "/2022/01/01/story" and data["site"] == "Valley Times"
    assert {q["speaker"] for q in data["quotes"]} >= {art["speakers"][0]}
    assert_clean_failure(missing, "cannot fetch", "http 404")


def test_fetch_reports_what_it_could_not_fetch_and_fails_only_when_nothing_came(tmp_path):
    from .ingest.site import Page, article_html, articles, serve

    db = tmp_path / "corpus.db"
    with serve() as site:
        site.add("/robots.txt", Page(b"User-agent: *\nDisallow: /private\n", content_type="text/plain"))
        site.add("/a", Page(article_html(articles(1)[0])))
        site.add("/pdf", Page(b"%PDF-1.4", content_type="application/pdf"))
        ok = cli("fetch", site.base + "/a", site.base + "/pdf", site.base + "/private", "--db", db, "--delay", "0")
        none = cli("fetch", site.base + "/gone", "--db", db, "--delay", "0")
    out, err = ok.stdout.decode(), ok.stderr.decode()
    assert ok.returncode == 0, err
    assert "fetched 1 of 3 URLs (0 already stored, 2 not fetched); ingested 1" in out
    assert "corpus-warc" in out and list((tmp_path / "corpus-warc").glob("fetch-*.warc.gz"))
    assert f"not fetched {site.base}/pdf: refused: content type application/pdf" in err
    assert f"not fetched {site.base}/private: disallowed by robots.txt" in err
    assert "Traceback" not in err
    assert none.returncode == 2 and "nothing could be fetched" in none.stderr.decode()
    assert f"not fetched {site.base}/gone: HTTP 404" in none.stderr.decode()


def test_fetch_refuses_bad_options(tmp_path):
    assert_clean_failure(cli("fetch", "--db", tmp_path / "c.db"), "nothing to fetch")
    assert_clean_failure(cli("fetch", "ftp://example.org/a", "--db", tmp_path / "c.db"), "not an http")
    assert_clean_failure(cli("fetch", "https://example.org/a", "--concurrency", "0"), "at least 1")


def test_diff_compares_a_version_in_another_language_unanalysed(tmp_path):
    english = tmp_path / "en.txt"
    english.write_text(
        "Facebook parent Meta is laying off 11,000 people, about 13% of its workforce, as it contends with faltering "
        "revenue and broader tech industry woes, chief executive Mark Zuckerberg said in a letter on Wednesday.",
        encoding="utf-8",
    )
    german = tmp_path / "de.txt"
    german.write_text(
        "Die Facebook-Muttergesellschaft Meta entlässt 11.000 Mitarbeiter, 13 Prozent der Belegschaft. "
        "Vorstandschef Mark Zuckerberg schrieb am Mittwoch in einem Brief an die Mitarbeiter, der Konzern habe mit "
        "rückgehenden Erlösen und allgemeinen Problemen in der Technologie-Branche zu kämpfen.",
        encoding="utf-8",
    )
    res = cli("diff", english, german)
    out = res.stdout.decode()
    assert res.returncode == 0, res.stderr.decode()
    assert "the copy looks 'de'" in out
    assert "hedge-removed" in out and "about 13" in out


@pytest.mark.parametrize("command", [["quotes"], ["sources"], ["search", "mandate"], ["stories"], ["trace", "a b c"]])
@pytest.mark.parametrize("limit", ["0", "-1"])
def test_a_limit_below_one_is_refused_not_read_as_one_or_none(tmp_path, command, limit):
    # before: `quotes --limit 0` and `--limit -1` printed one row, `trace --limit -1` "nothing found", exit 0
    from reportedly.store import Store

    Store(str(tmp_path / "corpus.db")).close()
    res = cli(*command, "--limit", limit, "--db", tmp_path / "corpus.db")
    assert_clean_failure(res, "--limit must be at least 1")


@pytest.mark.parametrize("option", ["--delay", "--timeout"])
@pytest.mark.parametrize("value", ["nan", "inf"])
def test_fetch_refuses_a_delay_or_timeout_that_is_not_a_finite_number(tmp_path, option, value):
    # before: --delay nan passed the `< 0` check (nan compares false) and the crawl went on with no fixed delay
    res = cli("fetch", "http://127.0.0.1:1/a", "--db", tmp_path / "c.db", option, value)
    assert_clean_failure(res, "finite")


def test_serve_refuses_an_analysis_rate_that_is_not_a_finite_number(tmp_path):
    # before: --analyse-per-minute nan passed the check and turned the rate limit off (nan > 0 is false)
    from reportedly.store import Store

    Store(str(tmp_path / "corpus.db")).close()
    res = cli("serve", "--db", tmp_path / "corpus.db", "--analyse-per-minute", "nan", "--token", "x" * 20)
    assert_clean_failure(res, "finite")


def test_ingest_says_it_does_not_read_standard_input(tmp_path):
    # before: `... | reportedly ingest -` said "skipped -: no such file or folder"
    res = cli("ingest", "-", "--db", tmp_path / "c.db", stdin=b'"Hi," said Bob.')
    assert_clean_failure(res, "standard input")
    assert not (tmp_path / "c.db").exists()


def test_export_refuses_to_write_over_the_corpus_it_reads(tmp_path):
    # before: `export --db c.db -o c.db` truncated the corpus ("database disk image is malformed"): every article lost
    from reportedly.store import Store

    db = tmp_path / "corpus.db"
    Store(str(db)).close()
    before = db.read_bytes()
    for fmt in ("jsonl", "csv"):
        assert_clean_failure(cli("export", "--db", db, "--format", fmt, "-o", db), "the corpus")
    assert db.read_bytes() == before


def test_analyze_refuses_to_write_the_report_over_its_article(tmp_path):
    # before: `analyze a.txt -o a.txt` replaced the article with its report
    art = tmp_path / "a.txt"
    art.write_bytes(EXAMPLE.read_bytes())
    assert_clean_failure(cli("analyze", art, "-o", art), "the article")
    assert art.read_bytes() == EXAMPLE.read_bytes()


def test_fetch_refuses_a_warc_that_is_the_corpus(tmp_path):
    # before: `fetch URL --db c.db --warc c.db` would append WARC records to the SQLite file
    db = tmp_path / "c.db"
    assert_clean_failure(cli("fetch", "http://127.0.0.1:1/a", "--db", db, "--warc", db), "the corpus")
