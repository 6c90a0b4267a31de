"""HTML pages: main text and metadata, and a clear error when no article can be found."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportedly.errors import HTMLExtractionError
from reportedly.ingest.html import extract, looks_like_html

FIX = Path(__file__).parent.parent / "fixtures"


def test_messy_but_readable_page():
    page = extract((FIX / "messy-page.html").read_text(encoding="utf-8"))
    assert "We will rebuild the bridge by March" in page.text
    assert "window.tracker" not in page.text and "Share on Facebook" not in page.text
    assert page.author == "Jane Doe" and page.date == "2021-12-21"
    assert "Mayor promises new bridge" in (page.title or "")


def test_page_without_text_is_an_error():
    with pytest.raises(HTMLExtractionError):
        extract((FIX / "broken-page.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text, is_html",
    [
        ("<!doctype html><html><body>x</body></html>", True),
        ("<p>One</p><p>Two</p><div>three</div>", True),
        ("He said 3 < 4 and 5 > 2 in <his> notes.", False),
        ("Plain text article.\n\nSecond paragraph.", False),
    ],
)
def test_html_detection(text, is_html):
    assert looks_like_html(text) is is_html


def test_analyze_html_takes_the_date_from_the_page(run):
    a = run((FIX / "messy-page.html").read_text(encoding="utf-8"), published=None)
    assert a.source_format == "html" and a.published == "2021-12-21"
    assert any(q.speaker == "Anna Berg" for q in a.quotes)
    assert any(q.speaker == "Tom Reed" for q in a.quotes)
