"""Every threshold of fetching pages from the web, in one place, each with the reason for its value."""

from __future__ import annotations

from dataclasses import dataclass

from .. import __version__
from .decode import MAX_BYTES

ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/x-gzip",  # sitemap.xml.gz
    "application/gzip",
    "application/octet-stream",  # many servers send gzipped sitemaps as this
)


@dataclass(frozen=True)
class FetchSettings:
    """How politely, how long and how much `reportedly fetch` and `analyze URL` download."""

    # names us and says where to read about us: a site owner can then write a robots.txt rule for this agent
    user_agent: str = f"reportedly/{__version__} (news provenance research; +https://pypi.org/project/reportedly/)"
    # a server that does not accept a connection in this long is down or filtering us
    connect_timeout: float = 10.0
    # the longest silence between two packets of one response (a stalled server)
    read_timeout: float = 20.0
    # the longest one whole response may take, however steadily it trickles in (a slow-drip server)
    total_timeout: float = 60.0
    # the same 5 MB cap as one local article file; checked on Content-Length, then while streaming (a gzip bomb
    # stops here too: the cap counts decoded bytes)
    max_bytes: int = MAX_BYTES
    # feeds and sitemaps are lists, not articles: the sitemap protocol allows 50 MB uncompressed
    max_feed_bytes: int = 50 * 1024 * 1024
    # robots.txt files over 500 KiB are cut there by Google's parser (RFC 9309 asks for at least 500 KiB)
    max_robots_bytes: int = 512 * 1024
    # the least time between two requests to one host (scheme, host, port), so one site never sees a burst
    host_delay: float = 1.0
    # a robots.txt Crawl-delay longer than host_delay is honoured, up to this (some sites ask for minutes)
    max_crawl_delay: float = 30.0
    # requests in flight at once, over all hosts (each host still waits host_delay between its own requests)
    concurrency: int = 4
    # further tries after a 429, a 5xx or a dropped connection (a timeout is not retried: a slow page stays slow)
    retries: int = 3
    # the first wait before a retry without Retry-After, in seconds; it doubles at each further try
    backoff: float = 1.0
    # the longest wait before a retry, whether asked by Retry-After or by the doubling; a server that asks for
    # longer is given up on for this run, with the wait it asked for in the report
    max_retry_wait: float = 60.0
    # redirects followed from one URL (browsers stop at 20; a news link has 1–3: http→https, short link, slash)
    max_redirects: int = 10
    # sitemap indexes nest; real ones are 1–2 deep, deeper is a loop or a trap
    max_sitemap_depth: int = 3
    # article URLs taken from all feeds and sitemaps of one run (a sitemap holds at most 50,000)
    max_feed_urls: int = 50_000


SETTINGS = FetchSettings()
