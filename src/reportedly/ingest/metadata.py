"""Metadata an article's text does not carry: sidecar JSON files beside plain text, outlet names from URL hosts,
and readable labels (file name, host) for views when the outlet or title is missing."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

SIDECAR_FIELDS = ("url", "outlet", "published", "title")
# "LONDON (Reuters) -", "WASHINGTON —", "PARIS, March 3 –": a place in capitals, then a dash or an agency in brackets
AGENCY_DATELINE = re.compile(r"^[A-Z][A-Z.'\- ]{2,}(,[^—–\-(]{0,40})?\s*(\([^)]{1,40}\)\s*)?[—–\-]")


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """rules/outlets.tsv: news domain -> outlet name."""
    text = resources.files("reportedly.rules").joinpath("outlets.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            domain, _, name = line.partition("\t")
            out[domain.strip().lower()] = name.strip()
    return out


def host(url: Optional[str]) -> Optional[str]:
    """The host of `url` in lower case without "www." ("https://www.bbc.co.uk/news" -> "bbc.co.uk"), else None."""
    if not url or not isinstance(url, str):
        return None
    try:
        name = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname
    except ValueError:
        return None
    if not name or "." not in name:
        return None
    return name[4:] if name.startswith("www.") else name


def outlet_for_url(url: Optional[str]) -> Optional[str]:
    """The outlet named in outlets.tsv for the longest domain the URL's host ends with, else the host itself."""
    name = host(url)
    if name is None:
        return None
    table = outlets()
    labels = name.split(".")
    for k in range(len(labels) - 1):
        found = table.get(".".join(labels[k:]))
        if found:
            return found
    return name


_URL_DATE = re.compile(r"/(?P<y>20\d\d|19\d\d)[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?:/|-|$)")
_URL_DATE_COMPACT = re.compile(r"[/-](?P<y>20\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:[/-]|\.html|$)")


def url_date(url: Optional[str]) -> Optional[str]:
    """A publication date written in a URL ("/2022/10/20/", "-20221020-"), as YYYY-MM-DD."""
    if not url:
        return None
    m = _URL_DATE.search(url) or _URL_DATE_COMPACT.search(url)
    if m is None:
        return None
    return f"{int(m.group('y')):04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"


def is_dateline(line: str, date_words: frozenset[str]) -> bool:
    """Whether a first line is a dateline or a bare date ("March 3, 2024", "Tuesday 3 March"), not a headline;
    `date_words` are the month and weekday names of the language."""
    line = line.strip()
    if AGENCY_DATELINE.match(line):
        return True
    words = re.findall(r"[^\W\d_]+", line.lower())
    return bool(line) and len(words) <= 4 and all(w in date_words for w in words) and any(c.isdigit() for c in line)


_DAY_MONTH_YEAR = re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\.? (?P<m>[A-Za-z]{3,9})\.?,? (?P<y>(?:19|20)\d\d)\b")
_MONTH_DAY_YEAR = re.compile(r"\b(?P<m>[A-Za-z]{3,9})\.? (?P<d>[0-3]?\d)(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b")
_ISO_DAY = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")


def dateline_date(text: str, months: dict[str, int], date_words: frozenset[str], lines: int = 3) -> Optional[str]:
    """A full date (day, month and year) in a dateline or a dated line at the top of a text ("May 4, 2022",
    "LONDON, 20 October 2022 (Reuters) -"), as YYYY-MM-DD. A date further down, or without its year ("June 11
    (Reuters)"), is not the publication date."""
    for line in [ln.strip() for ln in text.splitlines() if ln.strip()][:lines]:
        head = AGENCY_DATELINE.match(line)
        scope = head.group(0) if head else (line if is_dateline(line, date_words) else "")
        for pattern in (_ISO_DAY, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
            m = pattern.search(scope)
            if m is None:
                continue
            month = int(m.group("m")) if m.group("m").isdigit() else months.get(m.group("m").lower())
            try:
                return dt.date(int(m.group("y")), month or 0, int(m.group("d"))).isoformat()
            except ValueError:
                continue
    return None


def read_sidecar(text_path: Path) -> tuple[dict[str, Optional[str]], Optional[str]]:
    """The url, outlet, published and title in `NAME.json` beside `NAME.txt` (any subset), and a one-line problem
    when the sidecar exists but cannot be used (the article is then read without it)."""
    side = text_path.with_suffix(".json")
    if not side.is_file():
        return {}, None
    try:
        rec = json.loads(side.read_bytes())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return {}, f"sidecar {side.name} ignored: {getattr(e, 'msg', None) or getattr(e, 'strerror', None) or e}"
    if not isinstance(rec, dict):
        return {}, f"sidecar {side.name} ignored: it must hold one JSON object"
    meta = {
        k: str(rec[k]).strip() for k in SIDECAR_FIELDS if isinstance(rec.get(k), (str, int)) and str(rec[k]).strip()
    }
    return meta, None


def file_name(source: Optional[str]) -> Optional[str]:
    """The file part of a stored `source` ("/corpus/a.txt" -> "a.txt", "dump.jsonl:3" -> "dump.jsonl:3")."""
    if not source:
        return None
    return Path(source).name or source


def outlet_label(row: dict[str, Any]) -> str:
    """What to call an article's outlet: its outlet (or the label already worked out for it), its URL's outlet or
    host, its file name, else its id."""
    return (
        row.get("outlet")
        or row.get("outlet_label")
        or outlet_for_url(row.get("url"))
        or file_name(row.get("source"))
        or f"article {row.get('id') or row.get('article_id') or ''}".strip()
    )


def title_label(row: dict[str, Any]) -> str:
    """What to call an article: its title (or the label already worked out for it), its file name, its URL's host,
    else its id."""
    return (
        row.get("title")
        or row.get("title_label")
        or file_name(row.get("source"))
        or host(row.get("url"))
        or f"article {row.get('id') or row.get('article_id') or ''}".strip()
    )


def labelled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` with `outlet_label` and `title_label` added for display (the stored fields stay as they are); a
    `source` path is dropped once read, so pages and the API show its file name, never the server's folders."""
    for r in rows:
        r["outlet_label"] = outlet_label(r)
        r["title_label"] = title_label(r)
        r.pop("source", None)
    return rows
