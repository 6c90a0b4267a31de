"""Main text and metadata (title, author, site, date) of an HTML page, via trafilatura and htmldate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..errors import HTMLExtractionError

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|article|section|h[1-6]|li|ul|table|meta|script|title|body|head)\b[^>]*>", re.I
)


@dataclass(frozen=True)
class Page:
    text: str
    title: Optional[str] = None
    author: Optional[str] = None
    site: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None


def looks_like_html(text: str) -> bool:
    if _HTML_START.match(text):
        return True
    head = text[:20000]
    return len(_TAG.findall(head)) >= 3


def extract(html: str, url: Optional[str] = None) -> Page:
    """The article in `html`; raises HTMLExtractionError when no article text can be found."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
        )
    except Exception as e:  # trafilatura raises assorted lxml errors on broken markup
        raise HTMLExtractionError(
            f"cannot parse the HTML ({type(e).__name__}): give the page as saved by a browser, or its text"
        ) from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise HTMLExtractionError(
            "no article text found in the HTML (malformed or empty page): give the full page or its text"
        )
    date = getattr(doc, "date", None)
    if not date:
        date = _htmldate(html)
    return Page(
        text=text,
        title=getattr(doc, "title", None),
        author=getattr(doc, "author", None),
        site=getattr(doc, "sitename", None),
        date=date,
        url=getattr(doc, "url", None) or url,
    )


def _htmldate(html: str) -> Optional[str]:
    try:
        from htmldate import find_date

        return find_date(html, extensive_search=False)
    except Exception:  # htmldate fails on some broken trees; a missing date is not an error
        return None
