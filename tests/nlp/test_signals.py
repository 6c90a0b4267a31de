"""Signals of one article: loaded terms (nlp/signals.py)."""

from reportedly.analyze import analyze


def test_words_too_common_in_plain_news_are_not_flagged_as_loaded():
    # loaded_variants.tsv: tone swaps that diff reports between two versions, never flagged in one article
    a = analyze("The alleged attacker fled the scene after police seized his car. Cases surged in the capital.")
    assert not a.loaded_terms
    assert [t.neutral for t in analyze("The rebels murdered two guards.").loaded_terms] == ["killed"]
