"""Fetching from a real HTTP server on 127.0.0.1: robots.txt, redirects, errors, retries, timeouts, caps, feeds."""

from __future__ import annotations

import datetime as dt
import time
from email.utils import format_datetime

import pytest

from reportedly.ingest.feeds import expand, parse
from reportedly.ingest.fetch import Fetched, Fetcher, NotFetched, retry_after
from reportedly.ingest.settings import FetchSettings
from reportedly.ingest.warc import WarcLog

from .site import Page, article_html, articles, serve

# no politeness delay and short timeouts: the server is ours and the tests must be quick
FAST = FetchSettings(
    host_delay=0.0, read_timeout=0.5, connect_timeout=1.0, total_timeout=5.0, retries=1, backoff=0.05, max_bytes=100_000
)


@pytest.fixture
def site():
    with serve() as s:
        yield s


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as f:
        yield f


def test_a_path_disallowed_by_robots_txt_is_never_requested(site, fetcher):
    site.add("/robots.txt", Page(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    site.add("/private/a", Page(article_html(articles(1)[0])))
    site.add("/go", Page(status=302, headers={"Location": "/private/b"}))
    site.add("/open", Page(article_html(articles(1)[0])))

    direct = fetcher.get(site.base + "/private/a")
    via_redirect = fetcher.get(site.base + "/go")
    allowed = fetcher.get(site.base + "/open")

    assert isinstance(direct, NotFetched) and "robots.txt" in direct.reason and not direct.requested
    assert isinstance(via_redirect, NotFetched) and "redirected to" in via_redirect.reason
    assert isinstance(allowed, Fetched)
    assert site.requested("/private/a") == 0 and site.requested("/private/b") == 0
    assert site.requested("/robots.txt") == 1  # cached per host
    assert all(a.startswith("reportedly/") for a in site.agents)


def test_a_site_that_disallows_our_agent_by_name(site, fetcher):
    site.add("/robots.txt", Page(b"User-agent: reportedly\nDisallow: /\n", content_type="text/plain"))
    site.add("/a", Page(article_html(articles(1)[0])))
    assert isinstance(fetcher.get(site.base + "/a"), NotFetched)
    assert site.requested("/a") == 0


def test_an_unreadable_robots_txt_leaves_the_site_alone(site, fetcher):
    site.add("/robots.txt", Page(b"down", status=503, content_type="text/plain"))
    site.add("/a", Page(article_html(articles(1)[0])))
    got = fetcher.get(site.base + "/a")
    assert isinstance(got, NotFetched) and "robots.txt could not be read (HTTP 503)" in got.reason
    assert site.requested("/a") == 0


def test_a_server_that_is_down_is_reported(fetcher):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    got = fetcher.get(f"http://127.0.0.1:{port}/a")
    assert isinstance(got, NotFetched) and "connection failed" in got.reason


def test_a_redirect_chain_is_followed_and_recorded(site, fetcher):
    site.add("/old", Page(status=301, headers={"Location": "/moved"}))
    site.add("/moved", Page(status=302, headers={"Location": site.base + "/news/final"}))
    site.add("/news/final", Page(article_html(articles(1)[0])))
    got = fetcher.get(site.base + "/old")
    assert isinstance(got, Fetched)
    assert got.final_url == site.base + "/news/final"
    assert got.chain == (site.base + "/old", site.base + "/moved", site.base + "/news/final")


def test_redirect_loops_and_long_chains_stop(site):
    site.add("/loop1", Page(status=302, headers={"Location": "/loop2"}))
    site.add("/loop2", Page(status=302, headers={"Location": "/loop1"}))
    for k in range(5):
        site.add(f"/hop{k}", Page(status=302, headers={"Location": f"/hop{k + 1}"}))
    with Fetcher(FetchSettings(host_delay=0, max_redirects=3)) as f:
        assert "loop" in f.get(site.base + "/loop1").reason
        assert "more than 3 redirects" in f.get(site.base + "/hop0").reason


@pytest.mark.parametrize("status", [404, 500])
def test_http_errors_are_reported(site, fetcher, status):
    site.add("/broken", Page(b"<html><body>error</body></html>", status=status))
    got = fetcher.get(site.base + "/broken")
    assert isinstance(got, NotFetched) and got.status == status and f"HTTP {status}" in got.reason
    # a 5xx is tried again (retries=1), a 404 is not
    assert site.requested("/broken") == (2 if status == 500 else 1)


def test_429_with_retry_after_is_retried_then_fetched(site, fetcher):
    site.add("/busy", lambda n: Page(status=429, headers={"Retry-After": "1"}) if n == 0 else Page(b"<p>ok</p>"))
    t0 = time.monotonic()
    got = fetcher.get(site.base + "/busy")
    assert isinstance(got, Fetched) and got.body == b"<p>ok</p>"
    assert site.requested("/busy") == 2
    assert site.times[-1] - site.times[-2] >= 0.95  # waited as asked
    assert time.monotonic() - t0 < 5


def test_a_retry_after_past_the_cap_is_given_up_with_the_reason(site):
    site.add("/later", Page(status=503, headers={"Retry-After": "3600"}))
    with Fetcher(FetchSettings(host_delay=0, max_retry_wait=2)) as f:
        got = f.get(site.base + "/later")
    assert isinstance(got, NotFetched) and "3600 s" in got.reason
    assert site.requested("/later") == 1


def test_retry_after_reads_seconds_and_http_dates():
    now = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.timezone.utc)
    assert retry_after("7", now) == 7.0
    assert retry_after(format_datetime(now + dt.timedelta(seconds=90), usegmt=True), now) == 90.0
    assert retry_after(format_datetime(now - dt.timedelta(seconds=90), usegmt=True), now) == 0.0
    assert retry_after("soon", now) is None and retry_after(None, now) is None


def test_a_slow_response_times_out(site, fetcher):
    site.add("/slow", Page(b"<p>late</p>", delay=2.0))
    t0 = time.monotonic()
    got = fetcher.get(site.base + "/slow")
    assert isinstance(got, NotFetched) and "timed out" in got.reason
    assert time.monotonic() - t0 < 1.9
    assert site.requested("/slow") == 1  # a timeout is not retried


def test_an_oversized_response_is_refused(site, fetcher):
    big = b"<html><body>" + b"<p>word word word</p>" * 10_000 + b"</body></html>"
    site.add("/declared", Page(big))
    site.add("/streamed", Page(big, declare_length=False))
    declared = fetcher.get(site.base + "/declared")
    streamed = fetcher.get(site.base + "/streamed")
    assert isinstance(declared, NotFetched) and "Content-Length" in declared.reason and "cap" in declared.reason
    assert isinstance(streamed, NotFetched) and "stopped reading" in streamed.reason


@pytest.mark.parametrize("ctype", ["application/pdf", "image/jpeg", None])
def test_a_response_that_is_not_an_article_is_refused(site, fetcher, ctype):
    site.add("/file", Page(b"%PDF-1.4 ...", content_type=ctype))
    got = fetcher.get(site.base + "/file")
    assert isinstance(got, NotFetched) and "content type" in got.reason
    assert (ctype or "(none given)") in got.reason


@pytest.mark.parametrize("ctype", ["text/plain; charset=utf-8", "application/xhtml+xml"])
def test_plain_text_and_xhtml_are_articles(site, fetcher, ctype):
    site.add("/doc", Page(b"Some words of an article.", content_type=ctype))
    assert isinstance(fetcher.get(site.base + "/doc"), Fetched)


def test_requests_to_one_host_are_spaced_by_the_delay(site):
    for k in range(3):
        site.add(f"/p{k}", Page(b"<p>x</p>"))
    with Fetcher(FetchSettings(host_delay=0.3, concurrency=3)) as f:
        got = list(f.map([site.base + f"/p{k}" for k in range(3)]))
    assert all(isinstance(g, Fetched) for g in got)
    gaps = [b - a for a, b in zip(site.times, site.times[1:])]  # robots.txt, then the three pages
    # the server stamps arrivals, so a busy machine can shift one stamp; the run as a whole cannot be shorter
    assert len(gaps) == 3 and sum(gaps) >= 0.85  # three requests at once would take about one delay


def test_crawl_delay_in_robots_txt_is_honoured(site):
    # urllib.robotparser reads whole seconds only
    site.add("/robots.txt", Page(b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain"))
    site.add("/a", Page(b"<p>a</p>"))
    site.add("/b", Page(b"<p>b</p>"))
    with Fetcher(FetchSettings(host_delay=0.0)) as f:
        f.get(site.base + "/a")
        f.get(site.base + "/b")
    assert site.times[-1] - site.times[-2] >= 0.95


def test_every_response_goes_to_the_warc(site, tmp_path):
    from warcio.archiveiterator import ArchiveIterator

    site.add("/old", Page(status=301, headers={"Location": "/new"}))
    site.add("/new", Page(article_html(articles(1)[0]), headers={"Content-Encoding": "identity"}))
    with WarcLog(tmp_path / "run.warc.gz") as warc, Fetcher(FAST, warc) as f:
        got = f.get(site.base + "/old")
    with open(tmp_path / "run.warc.gz", "rb") as fh:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers.get_header("WARC-Record-ID"))
            + ((r.http_headers.get_statuscode(), r.content_stream().read()) if r.rec_type == "response" else ())
            for r in ArchiveIterator(fh)
        ]
    kinds = [(r[0], r[1].rsplit("/", 1)[-1] if r[1] else None) for r in records]
    assert kinds == [
        ("warcinfo", None),
        ("request", "robots.txt"),
        ("response", "robots.txt"),
        ("request", "old"),
        ("response", "old"),
        ("request", "new"),
        ("response", "new"),
    ]
    final = records[-1]
    assert got.warc_record_id == final[2] and final[3] == "200" and final[4] == got.body
    assert got.warc_file == str((tmp_path / "run.warc.gz").resolve())


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>One</title><link>{base}/news/1</link></item>
<item><title>Two</title><link>/news/2</link></item>
<item><title>Three</title><guid isPermaLink="true">{base}/news/3</guid></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
<entry><title>Four</title><link rel="alternate" href="{base}/news/4"/><link rel="enclosure" href="{base}/x.mp3"/>
</entry><entry><title>Five</title><link href="{base}/news/5"/></entry></feed>"""
INDEX = """<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-a.xml</loc></sitemap><sitemap><loc>{base}/sitemap-b.xml.gz</loc></sitemap>
</sitemapindex>"""
URLSET = """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{locs}</urlset>"""


def _urlset(base: str, *paths: str) -> str:
    return URLSET.format(locs="".join(f"<url><loc>{base}{p}</loc></url>" for p in paths))


def test_rss_atom_and_a_sitemap_index_expand_to_article_urls(site, fetcher):
    import gzip

    b = site.base
    site.add("/rss.xml", Page(RSS.format(base=b).encode(), content_type="application/rss+xml"))
    site.add("/atom.xml", Page(ATOM.format(base=b).encode(), content_type="application/atom+xml"))
    site.add("/sitemap.xml", Page(INDEX.format(base=b).encode(), content_type="application/xml"))
    site.add("/sitemap-a.xml", Page(_urlset(b, "/news/6", "/news/1").encode(), content_type="text/xml"))
    gz = gzip.compress(_urlset(b, "/news/7").encode())
    site.add("/sitemap-b.xml.gz", Page(gz, content_type="application/x-gzip"))

    got = expand(fetcher, [b + "/rss.xml", b + "/atom.xml", b + "/sitemap.xml"])

    assert got.urls == [b + f"/news/{k}" for k in (1, 2, 3, 4, 5, 6, 7)]  # in order, /news/1 once
    assert got.failures == []
    assert any("sitemapindex: 2 sitemaps" in what for _src, what in got.notes)


def test_sitemap_indexes_nest_only_so_deep(site):
    b = site.base
    index = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{}</loc></sitemap></sitemapindex>'
    for k in range(4):
        site.add(f"/s{k}.xml", Page(index.format(f"{b}/s{k + 1}.xml").encode(), content_type="application/xml"))
    with Fetcher(FetchSettings(host_delay=0, max_sitemap_depth=2)) as f:
        got = expand(f, [b + "/s0.xml"])
    assert got.urls == [] and any("deeper than 2" in why for _src, why in got.failures)
    assert site.requested("/s3.xml") == 0


def test_a_feed_that_is_not_a_feed_is_reported(site, fetcher):
    site.add("/page.xml", Page(b"<html><body>hello</body></html>", content_type="text/xml"))
    site.add("/page.html", Page(b"<html><body>hello</body></html>"))
    got = expand(fetcher, [site.base + "/page.xml", site.base + "/page.html", site.base + "/gone.xml"])
    reasons = dict(got.failures)
    assert "not an RSS or Atom feed" in reasons[site.base + "/page.xml"]
    assert "content type text/html" in reasons[site.base + "/page.html"]
    assert "HTTP 404" in reasons[site.base + "/gone.xml"]


def test_external_entities_in_a_feed_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xml = f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><item><link>https://example.org/&x;</link></item></channel></rss>"""
    links = parse(xml.encode(), "https://example.org/feed", 1_000_000)
    assert not any("TOPSECRET" in u for u in links.articles)
