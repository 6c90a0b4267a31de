"""RSS 2.0, RSS 1.0, Atom feeds and XML sitemaps (and sitemap indexes) to the article URLs they list.
Parsed without DTDs, external entities or network access: a feed is untrusted input."""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional
from urllib.parse import urljoin, urlsplit

from .fetch import Fetched, Fetcher, NotFetched
from .settings import FEED_TYPES


@dataclass(frozen=True)
class Links:
    """What one feed or sitemap lists: article URLs, and (for a sitemap index) further sitemaps."""

    articles: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    kind: str = "unknown"  # rss, atom, urlset, sitemapindex


@dataclass
class Expansion:
    urls: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (feed or sitemap URL, why)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (feed or sitemap URL, what it gave)


def parse(body: bytes, base: str, limit: int) -> Links:
    """The links in one feed or sitemap (gzipped or not); ValueError when it is neither."""
    from lxml import etree

    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.GzipFile(fileobj=io.BytesIO(body)).read(limit + 1)
        except (OSError, EOFError) as e:
            raise ValueError(f"corrupt gzip ({e})") from None
        if len(body) > limit:
            raise ValueError(f"over {limit / 1e6:.0f} MB once unzipped")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, recover=True
    )
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as e:
        raise ValueError(f"not XML ({e})") from None
    if root is None:
        raise ValueError("not XML (empty document)")
    tag = etree.QName(root).localname.lower()

    def texts(path: str) -> list[str]:
        return [(e.text or "").strip() for e in root.iterfind(path)]

    if tag == "rss" or tag == "rdf":
        found = []
        for item in root.iterfind(".//{*}item"):
            link = item.find("{*}link")
            if link is not None and (link.text or "").strip():
                found.append(link.text.strip())
                continue
            guid = item.find("{*}guid")  # an item without <link> may carry its permalink as <guid>
            if guid is not None and guid.get("isPermaLink", "true").lower() == "true" and (guid.text or "").strip():
                found.append(guid.text.strip())
        return Links(_absolute(found, base), kind="rss")
    if tag == "feed":
        found = []
        for entry in root.iterfind("{*}entry"):
            links = entry.findall("{*}link")
            best = next((x for x in links if x.get("rel", "alternate") == "alternate"), links[0] if links else None)
            if best is not None and best.get("href"):
                found.append(best.get("href").strip())
        return Links(_absolute(found, base), kind="atom")
    if tag == "urlset":
        return Links(_absolute(texts("{*}url/{*}loc"), base), kind="urlset")
    if tag == "sitemapindex":
        return Links(sitemaps=_absolute(texts("{*}sitemap/{*}loc"), base), kind="sitemapindex")
    raise ValueError(f"<{tag}> is not an RSS or Atom feed or an XML sitemap")


def _absolute(urls: Iterable[str], base: str) -> tuple[str, ...]:
    out = []
    for u in urls:
        full = urljoin(base, u) if u else ""
        if urlsplit(full).scheme in ("http", "https"):
            out.append(full)
    return tuple(out)


def expand(fetcher: Fetcher, sources: Iterable[str], on_done: Optional[Callable[[str], None]] = None) -> Expansion:
    """The article URLs of every feed or sitemap in `sources` (in order, without repeats), sitemap indexes followed
    `max_sitemap_depth` deep; a source that cannot be fetched or read is a failure, the rest go on."""
    s = fetcher.settings
    out = Expansion()
    seen_urls: set[str] = set()
    seen_sources: set[str] = set()
    todo = [(u, 0) for u in sources]
    while todo:
        src, depth = todo.pop(0)
        if src in seen_sources:
            continue
        seen_sources.add(src)
        got = fetcher.get(src, accept=FEED_TYPES, limit=s.max_feed_bytes)
        if isinstance(got, NotFetched):
            out.failures.append((src, got.reason))
            continue
        assert isinstance(got, Fetched)
        try:
            links = parse(got.body, got.final_url, s.max_feed_bytes)
        except ValueError as e:
            out.failures.append((src, str(e)))
            continue
        new = [u for u in links.articles if u not in seen_urls]
        room = s.max_feed_urls - len(out.urls)
        if len(new) > room:
            out.notes.append((src, f"{len(new) - room} URLs past the {s.max_feed_urls} limit left out"))
            new = new[: max(0, room)]
        seen_urls.update(new)
        out.urls.extend(new)
        if links.sitemaps:
            if depth + 1 > s.max_sitemap_depth:
                out.failures.append((src, f"sitemap index nested deeper than {s.max_sitemap_depth}: not followed"))
            else:
                todo.extend((u, depth + 1) for u in links.sitemaps)
        what = f"{len(links.sitemaps)} sitemaps" if links.kind == "sitemapindex" else f"{len(new)} article URLs"
        out.notes.append((src, f"{links.kind}: {what}"))
        if on_done is not None:
            on_done(src)
    return out
