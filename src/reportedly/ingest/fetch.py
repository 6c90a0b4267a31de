"""Download pages politely: robots.txt obeyed, a delay between requests to one host, redirects followed and
recorded, retries on 429/5xx honouring Retry-After, a size cap and a content-type check; every whole response
goes to a WARC file."""

from __future__ import annotations

import datetime as dt
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Iterable, Iterator, Optional, Union
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import BadOptionError
from .settings import ARTICLE_TYPES, SETTINGS, FetchSettings
from .warc import Exchange, WarcLog, Written

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    chain: tuple[str, ...]  # every URL requested for it, in order, the final one last
    status: int
    content_type: str
    body: bytes
    fetched_at: str  # the response's WARC-Date (or the time it came, when no WARC is written)
    warc_file: Optional[str] = None
    warc_record_id: Optional[str] = None


@dataclass(frozen=True)
class NotFetched:
    url: str
    reason: str
    requested: bool = True  # False when robots.txt forbade it: no request was sent
    status: Optional[int] = None


Result = Union[Fetched, NotFetched]


def check_url(url: str) -> str:
    """`url` if it is an absolute http(s) URL with a host; else BadOptionError saying what to give."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadOptionError(f"{url!r} is not an http:// or https:// URL: give the article's full address")
    return url.strip()


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def origin(url: str) -> str:
    """scheme://host:port — the unit robots.txt and the rate limit apply to."""
    p = urlsplit(url)
    port = p.port or (443 if p.scheme == "https" else 80)
    return f"{p.scheme}://{(p.hostname or '').lower()}:{port}"


def media_type(content_type: Optional[str]) -> str:
    """ "text/html; charset=utf-8" -> "text/html"."""
    return (content_type or "").split(";")[0].strip().lower()


def retry_after(value: Optional[str], now: Optional[dt.datetime] = None) -> Optional[float]:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date; None when unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    now = now or dt.datetime.now(dt.timezone.utc)
    return max(0.0, (when - now).total_seconds())


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


class Gate:
    """The per-host rate limit: each host's requests start at least `delay` seconds apart."""

    def __init__(self):
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, key: str, delay: float) -> None:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(key, now))
            self._next[key] = slot + delay
        if slot > now:
            time.sleep(slot - now)


class Fetcher:
    """Fetches URLs with one HTTP client, one robots.txt cache and one rate limit, writing to one WARC log."""

    def __init__(self, settings: FetchSettings = SETTINGS, warc: Optional[WarcLog] = None):
        import httpx

        self.settings = settings
        self.warc = warc
        self.gate = Gate()
        self._robots: dict[str, Union[RobotFileParser, str]] = {}  # a string: why the site is closed to us
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.client = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=False,  # followed by hand: each hop is checked against robots.txt and archived
            limits=httpx.Limits(max_connections=max(1, settings.concurrency)),
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ----------------------------------------------------------------------------------------- robots.txt

    def refusal(self, url: str) -> Optional[str]:
        """Why robots.txt keeps us from `url` (None: allowed)."""
        rules = self._rules(origin(url))
        if isinstance(rules, str):
            return rules
        return None if rules.can_fetch(self.settings.user_agent, url) else "disallowed by robots.txt"

    def delay(self, key: str) -> float:
        """host_delay, or the site's robots.txt Crawl-delay when longer (up to max_crawl_delay)."""
        rules = self._robots.get(key)
        asked = rules.crawl_delay(self.settings.user_agent) if isinstance(rules, RobotFileParser) else None
        return max(self.settings.host_delay, min(float(asked or 0), self.settings.max_crawl_delay))

    def _rules(self, key: str) -> Union[RobotFileParser, str]:
        with self._lock:
            if key in self._robots:
                return self._robots[key]
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:  # one fetch of robots.txt per host, however many threads ask
            if key not in self._robots:
                self._robots[key] = self._read_robots(key)
            return self._robots[key]

    def _read_robots(self, key: str) -> Union[RobotFileParser, str]:
        """The parsed robots.txt (RFC 9309): missing (4xx) allows everything; unreachable (5xx, no answer) closes
        the site for this run, and the string returned says why."""
        scheme, rest = key.split("://", 1)
        host, port = rest.rsplit(":", 1)
        default = (scheme == "https" and port == "443") or (scheme == "http" and port == "80")
        url = f"{scheme}://{host}{'' if default else ':' + port}/robots.txt"
        rules = RobotFileParser(url)
        closed = "robots.txt could not be read ({}): the site is left alone for this run"
        for _ in range(5):  # RFC 9309: follow at least five redirects
            try:
                ex, _written, reason = self._request(url, None, self.settings.max_robots_bytes, retry=False)
            except _Timeout as t:
                return closed.format(t)
            if ex is None:
                return closed.format(reason or "no response")
            if ex.status in REDIRECT_STATUSES and _location(ex):
                url = urljoin(url, _location(ex))
                continue
            if 200 <= ex.status < 300:
                rules.parse(ex.body.decode("utf-8", errors="replace").splitlines())
            elif 400 <= ex.status < 500:
                rules.parse([])
            else:
                return closed.format(f"HTTP {ex.status}")
            return rules
        return closed.format("too many redirects")

    # ----------------------------------------------------------------------------------------- fetching

    def get(self, url: str, accept: Optional[tuple[str, ...]] = ARTICLE_TYPES, limit: Optional[int] = None) -> Result:
        """`url` after its redirects, or why it was not fetched; `accept` lists the media types taken (None: any)."""
        limit = limit or self.settings.max_bytes
        chain: list[str] = []
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https"):
                return NotFetched(url, f"redirected to {current}, not an http(s) URL", requested=bool(chain))
            refused = self.refusal(current)
            if refused:
                where = f" (redirected to {current})" if chain else ""
                return NotFetched(url, f"{refused}{where}: not requested", requested=bool(chain))
            if current in chain:
                return NotFetched(url, f"redirect loop at {current}")
            chain.append(current)
            try:
                ex, written, reason = self._request(current, accept, limit)
            except _Timeout as t:
                return NotFetched(url, str(t))
            if ex is None or reason:
                return NotFetched(url, reason or "no response", status=ex.status if ex else None)
            if ex.status in REDIRECT_STATUSES and _location(ex):
                current = urljoin(current, _location(ex))
                continue
            if not 200 <= ex.status < 300:
                return NotFetched(url, f"HTTP {ex.status} {ex.reason}".strip(), status=ex.status)
            ctype = media_type(_header(ex, "content-type"))
            when = written.date if written else dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            return Fetched(
                url,
                current,
                tuple(chain),
                ex.status,
                ctype,
                ex.body,
                when,
                written.warc_file if written else None,
                written.record_id if written else None,
            )
        return NotFetched(url, f"more than {self.settings.max_redirects} redirects")

    def map(self, urls: Iterable[str], accept: Optional[tuple[str, ...]] = ARTICLE_TYPES) -> Iterator[Result]:
        """get() for every URL, `concurrency` at a time, in the order they finish; a bounded number are in flight,
        so bodies do not pile up while the caller analyses."""
        n = max(1, self.settings.concurrency)
        with ThreadPoolExecutor(n, thread_name_prefix="fetch") as pool:
            pending: set = set()
            for u in urls:
                pending.add(pool.submit(self.get, u, accept))
                if len(pending) >= 2 * n:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (f.result() for f in done)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)

    def _request(
        self, url: str, accept: Optional[tuple[str, ...]], limit: int, retry: bool = True
    ) -> tuple[Optional[Exchange], Optional[Written], Optional[str]]:
        """One GET of `url` (no redirect followed), tried again on 429, 5xx and dropped connections: the exchange,
        where it was archived, and why it was refused or given up on (None when it is usable)."""
        import httpx

        s = self.settings
        tries = s.retries + 1 if retry else 1
        key = origin(url)
        for attempt in range(tries):
            self.gate.wait(key, self.delay(key))
            try:
                ex, reason = self._once(url, accept, limit)
            except httpx.TimeoutException as e:
                raise _Timeout(f"timed out ({type(e).__name__}) after {_timeout_of(e, s)}") from None
            except httpx.TransportError as e:
                if attempt + 1 < tries:
                    time.sleep(min(s.backoff * 2**attempt, s.max_retry_wait))
                    continue
                return None, None, f"connection failed ({type(e).__name__}: {e or 'no detail'})"
            if ex is None:
                return None, None, reason
            written = self.warc.write(ex) if self.warc is not None else None
            if ex.status in RETRY_STATUSES and attempt + 1 < tries:
                asked = retry_after(_header(ex, "retry-after"))
                if asked is not None and asked > s.max_retry_wait:
                    return (
                        ex,
                        written,
                        (
                            f"HTTP {ex.status}: the server asks to retry after {asked:.0f} s, "
                            f"longer than the {s.max_retry_wait:.0f} s this run waits"
                        ),
                    )
                time.sleep(min(asked if asked is not None else s.backoff * 2**attempt, s.max_retry_wait))
                continue
            if ex.status in RETRY_STATUSES and tries > 1:
                return ex, written, f"HTTP {ex.status} {ex.reason}".strip() + f" after {tries} tries"
            return ex, written, None
        return None, None, "no response"

    def _once(self, url: str, accept: Optional[tuple[str, ...]], limit: int) -> tuple[Optional[Exchange], str]:
        """One GET, streamed: refused on Content-Length, media type or size before the whole body is read."""
        deadline = time.monotonic() + self.settings.total_timeout
        with self.client.stream("GET", url) as r:
            if 200 <= r.status_code < 300 and accept is not None:
                mime = media_type(r.headers.get("content-type"))
                if mime not in accept:
                    return None, (
                        f"refused: content type {mime or '(none given)'} is not "
                        + ("an article (HTML, XHTML or plain text)" if accept == ARTICLE_TYPES else ", ".join(accept))
                    )
            declared = r.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                return None, f"refused: {_megabytes(int(declared))} (Content-Length), over the {_megabytes(limit)} cap"
            body = bytearray()
            for chunk in r.iter_bytes():
                body += chunk
                if len(body) > limit:
                    return None, f"refused: larger than the {_megabytes(limit)} cap (stopped reading)"
                if time.monotonic() > deadline:
                    raise _Timeout(f"timed out: the response took over {self.settings.total_timeout:g} s")
            return (
                Exchange(
                    url,
                    list(r.request.headers.multi_items()),
                    r.status_code,
                    r.reason_phrase,
                    r.http_version,
                    list(r.headers.multi_items()),
                    bytes(body),
                ),
                "",
            )


class _Timeout(Exception):
    """A request ran out of time: reported, not retried."""


def _timeout_of(e, s: FetchSettings) -> str:
    name = type(e).__name__
    return f"{s.connect_timeout:g} s" if name == "ConnectTimeout" else f"{s.read_timeout:g} s without data"


def _header(ex: Exchange, name: str) -> Optional[str]:
    return next((v for k, v in ex.response_headers if k.lower() == name), None)


def _location(ex: Exchange) -> Optional[str]:
    return _header(ex, "location")
