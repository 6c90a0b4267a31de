"""The HTML page escapes the untrusted article text."""

from __future__ import annotations

from reportedly.report.html_out import render


def test_markup_in_article_is_escaped(run):
    text = (
        'Attackers wrote <script>alert(1)</script> and <img src=x onerror="alert(2)"> on the site. '
        "“We fixed it within <b>hours</b>,” said Anna Berg, the site manager."
    )
    page = render(run(text))
    assert "<script>" not in page and "<img" not in page and "&lt;script&gt;" in page
    assert "Content-Security-Policy" in page
    assert "Anna Berg" in page


def test_text_report_numbers_quotes_without_colour(run):
    from reportedly.report.text import render as text_render

    out = text_render(run("“We will win this fight in the courts,” said Anna Berg on Monday."), colour=False)
    assert "[1]" in out and "\x1b[" not in out
