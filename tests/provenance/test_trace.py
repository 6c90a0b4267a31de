"""Tracing a claim over article records built by hand: no store, no model."""

from __future__ import annotations

import pytest

from reportedly.errors import BadOptionError
from reportedly.provenance.corpus import trace, travel
from reportedly.store.claims import AttributionSpans, ClaimArticle, QuoteSpan

CLAIM = "the bridge will cost more than planned"


def article(i: int, published, text: str, **kw) -> ClaimArticle:
    return ClaimArticle(i, f"t{i}", f"Outlet {i}", published, None, text, **kw)


def test_each_sentence_is_carried_as_quote_attribution_or_assertion():
    quoted = "Talks went on. “The bridge will cost more than planned,” said Anna Berg."
    reported = "Talks went on. Anna Berg said the bridge will cost more than planned."
    plain = "The bridge will cost more than planned. Nobody disputes it."
    start = reported.index("the bridge")
    rows = trace(
        CLAIM,
        [
            article(3, "2022-05-04", plain),
            article(
                2, "2022-05-03", reported, attributions=(AttributionSpans("Anna Berg", ((start, len(reported)),)),)
            ),
            article(1, "2022-05-02", quoted, quotes=(QuoteSpan(15, 55, "Anna Berg"),)),
            article(4, None, "Something else entirely, about the weather and the sea."),
        ],
    )
    assert [(r["article_id"], r["form"], r["by"]) for r in rows] == [
        (1, "direct quote", "Anna Berg"),
        (2, "attribution", "Anna Berg"),
        (3, "unattributed assertion", None),
    ]
    assert travel(rows) == "direct quote (Anna Berg) → attribution (Anna Berg) → unattributed assertion"


def test_undated_articles_come_last_and_limit_cuts_after_sorting():
    text = "The bridge will cost more than planned."
    rows = trace(CLAIM, [article(1, None, text), article(2, "2022-01-01", text), article(3, "2021-01-01", text)], 2)
    assert [r["article_id"] for r in rows] == [3, 2]


def test_a_claim_of_two_words_is_refused():
    with pytest.raises(BadOptionError, match="at least three words"):
        trace("the bridge", [])
