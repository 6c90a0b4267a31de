"""`reportedly fetch` into a store: feeds expanded, evidence recorded, stored URLs skipped, and the WARC written
re-ingests to the same articles."""

from __future__ import annotations

from reportedly.ingest.settings import FetchSettings
from reportedly.store import Store
from reportedly.store.fetch import fetch_into
from reportedly.store.ingest import ingest

from ..ingest.site import Page, article_html, articles, serve

FAST = FetchSettings(host_delay=0.0, read_timeout=1.0, retries=1, backoff=0.05)


def _site(site, arts):
    b = site.base
    site.add("/robots.txt", Page(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    site.add("/news/0", Page(article_html(arts[0])))
    site.add("/short/1", Page(status=301, headers={"Location": "/news/one"}))
    site.add("/news/one", Page(article_html(arts[1], site_name=None)))
    site.add("/news/2022/05/03/plain", Page(arts[2]["text"].encode(), content_type="text/plain; charset=utf-8"))
    site.add("/private/3", Page(article_html(arts[3])))
    items = "".join(f"<item><link>{b}{p}</link></item>" for p in ("/news/0", "/short/1", "/private/3", "/gone"))
    site.add("/rss.xml", Page(f"<rss><channel>{items}</channel></rss>".encode(), content_type="application/rss+xml"))


def test_fetch_stores_articles_with_their_evidence_and_the_warc_reingests(tmp_path):
    arts = articles(4)
    with serve() as site:
        _site(site, arts)
        b = site.base
        with Store(str(tmp_path / "a.db")) as store:
            report = fetch_into(
                store,
                [b + "/news/2022/05/03/plain"],
                [b + "/rss.xml"],
                warc_path=tmp_path / "run.warc.gz",
                settings=FAST,
            )
            rows = store.rows(
                "SELECT content_hash, url, final_url, title, outlet, published, text, warc_file, warc_record_id, "
                "fetched_at FROM articles ORDER BY content_hash"
            )
        assert report.fetched == 3 and report.summary.ingested == 3, report
        assert dict(report.not_fetched).keys() == {b + "/private/3", b + "/gone"}
        assert "robots.txt" in dict(report.not_fetched)[b + "/private/3"]
        assert "HTTP 404" in dict(report.not_fetched)[b + "/gone"]
        assert site.requested("/private/3") == 0

        by_final = {r["final_url"]: r for r in rows}
        assert set(by_final) == {b + "/news/0", b + "/news/one", b + "/news/2022/05/03/plain"}
        redirected = by_final[b + "/news/one"]
        assert redirected["published"] == "2022-02-02"  # the page's metadata
        assert by_final[b + "/news/2022/05/03/plain"]["published"] == "2022-05-03"  # plain text: the URL's date
        assert by_final[b + "/news/0"]["outlet"] == "Valley Times"  # og:site_name
        assert (
            by_final[b + "/news/2022/05/03/plain"]["title"] == arts[2]["text"].split("\n")[0]
        )  # plain text: first line
        for r in rows:
            assert r["warc_file"] == str((tmp_path / "run.warc.gz").resolve())
            assert r["warc_record_id"].startswith("<urn:uuid:") and r["fetched_at"]

        # a second run skips every stored URL, by its URL or the final URL it was fetched from
        with Store(str(tmp_path / "a.db")) as store:
            again = fetch_into(
                store,
                [b + "/news/2022/05/03/plain", b + "/news/one"],
                [b + "/rss.xml"],
                warc_path=tmp_path / "second.warc.gz",
                settings=FAST,
            )
        skipped = dict(again.skipped)
        assert {b + "/news/2022/05/03/plain", b + "/news/0", b + "/news/one"} <= skipped.keys()
        assert all("already stored as article" in why for why in skipped.values())
        assert site.requested("/news/0") == 1 and site.requested("/news/2022/05/03/plain") == 1
        assert again.summary.ingested == 0

    # the evidence alone reproduces the corpus
    with Store(str(tmp_path / "b.db")) as store:
        summary = ingest([str(tmp_path / "run.warc.gz")], store)
        again_rows = store.rows(
            "SELECT content_hash, url, final_url, title, outlet, published, text, warc_file, warc_record_id, "
            "fetched_at FROM articles ORDER BY content_hash"
        )
    assert summary.ingested == 3 and summary.failed == 0, summary.failures
    assert again_rows == rows


def test_the_evidence_columns_and_stored_url_on_both_dialects(store, analysed):
    from reportedly.ingest.readers import Capture

    meta, a = analysed[0]
    capture = Capture(
        "/corpus/run.warc.gz", "<urn:uuid:1234>", "https://example.org/news/final", "2026-01-02T03:04:05Z"
    )
    article_id = store.add(a, url="https://example.org/canonical", capture=capture)
    row = store.rows(
        "SELECT warc_file, warc_record_id, final_url, fetched_at FROM articles WHERE id = ?", (article_id,)
    )
    assert row == [
        {
            "warc_file": "/corpus/run.warc.gz",
            "warc_record_id": "<urn:uuid:1234>",
            "final_url": "https://example.org/news/final",
            "fetched_at": "2026-01-02T03:04:05Z",
        }
    ]
    assert store.stored_url("https://example.org/canonical") == article_id
    assert store.stored_url("https://example.org/news/final") == article_id
    assert store.stored_url("https://example.org/other") is None
    exported = next(store.articles())
    assert exported["final_url"] == "https://example.org/news/final" and exported["warc_record_id"] == "<urn:uuid:1234>"
