"""Signals of one article: loaded terms (nlp/signals.py)."""

import pytest

from reportedly.analyze import analyze


def test_words_too_common_in_plain_news_are_not_flagged_as_loaded():
    # loaded_variants.tsv: tone swaps that diff reports between two versions, never flagged in one article
    a = analyze("The alleged attacker fled the scene after police seized his car. Cases surged in the capital.")
    assert not a.loaded_terms
    assert [t.neutral for t in analyze("The rebels murdered two guards.").loaded_terms] == ["killed"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry did not immediately respond to a request for comment.",
        "A spokeswoman declined to comment on Tuesday.",
        "Calls for comment on the plan have not been returned.",
        "The council said it would comment later.",
        "He commented that the response was slow.",
        "",
    ],
)
def test_the_joined_no_comment_pattern_matches_where_one_of_the_patterns_does(sentence):
    from reportedly.nlp.signals import any_of
    from reportedly.rules import load

    patterns = load("en").no_comment
    assert (any_of(patterns).search(sentence) is not None) == any(p.search(sentence) for p in patterns)


def test_patterns_with_different_flags_are_not_joined():
    import re

    from reportedly.nlp.signals import any_of

    assert any_of((re.compile("a", re.I), re.compile("b"))) is None
