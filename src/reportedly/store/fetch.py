"""`reportedly fetch`: feeds and sitemaps expanded to article URLs, stored URLs skipped, the rest fetched politely
into a WARC file and stored like any other article, each with its evidence (WARC record, final URL, fetch time)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..ingest.feeds import Expansion, expand
from ..ingest.fetch import Fetcher, NotFetched
from ..ingest.readers import Capture, Item
from ..ingest.settings import SETTINGS, FetchSettings
from ..ingest.warc import WarcLog
from .db import Store
from .ingest import MAX_FAILURES_KEPT, Summary, ingest_reads


@dataclass
class FetchReport:
    warc_file: str
    summary: Summary = field(default_factory=Summary)  # what was analysed and stored
    sources: Expansion = field(default_factory=Expansion)  # what the feeds and sitemaps gave
    total: int = 0  # URLs to fetch once stored ones are skipped
    done: int = 0
    fetched: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (URL, already stored as ...)
    not_fetched: list[tuple[str, str]] = field(default_factory=list)  # (URL, why)

    def keep(self, where: list, url: str, why: str) -> None:
        if len(where) < MAX_FAILURES_KEPT:
            where.append((url, why))


def fetch_into(
    store: Store,
    urls: Iterable[str],
    sources: Iterable[str] = (),
    *,
    warc_path: Path | str,
    settings: FetchSettings = SETTINGS,
    processes: int = 1,
    progress: Optional[Callable[[FetchReport], None]] = None,
) -> FetchReport:
    """Fetch `urls` and the article URLs listed by the feeds and sitemaps in `sources` into `store`."""
    with WarcLog(warc_path) as warc, Fetcher(settings, warc) as fetcher:
        report = FetchReport(str(warc.path))
        tell = progress or (lambda r: None)
        sources = list(sources)
        if sources:
            report.sources = expand(fetcher, sources)
        todo = _unstored(store, list(urls) + report.sources.urls, report)
        report.total = len(todo)
        tell(report)
        items = _fetched(fetcher, todo, store, report, tell)
        ingest_reads(items, store, processes, lambda _s: tell(report), report.summary)
        tell(report)
    return report


def _unstored(store: Store, urls: list[str], report: FetchReport) -> list[str]:
    """`urls` in order without repeats, less those stored already (by URL or final URL), each skip reported."""
    todo, seen = [], set()
    for u in urls:
        if u in seen:
            continue
        seen.add(u)
        stored = store.stored_url(u)
        if stored is not None:
            report.keep(report.skipped, u, f"already stored as article {stored}")
        else:
            todo.append(u)
    return todo


def _fetched(
    fetcher: Fetcher, urls: list[str], store: Store, report: FetchReport, tell: Callable[[FetchReport], None]
) -> Iterator[Item]:
    """The pages fetched, as items to ingest; what could not be fetched is reported, not yielded."""
    for got in fetcher.map(urls):
        report.done += 1
        if isinstance(got, NotFetched):
            report.keep(report.not_fetched, got.url, got.reason)
            tell(report)
            continue
        report.fetched += 1
        stored = store.stored_url(got.final_url) if got.final_url != got.url else None
        if stored is not None:
            report.keep(report.skipped, got.url, f"redirected to {got.final_url}, already stored as article {stored}")
            tell(report)
            continue
        capture = Capture(got.warc_file, got.warc_record_id, got.final_url, got.fetched_at)
        yield Item(got.final_url, got.body, url=got.final_url, capture=capture)
