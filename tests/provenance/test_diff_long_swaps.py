"""A run of three content words swapped in a sentence the copy otherwise kept (settings.diff_swap_long_words,
diff_swap_long_kept): reported where the sentence kept most of its words, not where it was recast."""

from __future__ import annotations

from .diffs import LEAD, changes_of_kind


def swaps(run, source: str, copy: str) -> list[tuple[str, str]]:
    found = changes_of_kind(run, LEAD + source, LEAD + copy, "loaded-word")
    return [(c.before, c.after) for c in found if "swapped" in c.detail]


def test_three_words_swapped_in_a_kept_sentence_are_reported(run):
    source = "The home side won the cup on a night of frayed nerves in front of their own fans at the old stadium."
    copy = "The home side won the cup on a quiet evening in front of their own fans at the old stadium."
    assert swaps(run, source, copy) == [("night of frayed nerves", "quiet evening")]


def test_three_words_swapped_in_a_sentence_rewritten_more_are_not(run):
    source = "The home side won the cup on a night of frayed nerves in front of their own fans at the old stadium."
    copy = "On an evening at the old stadium, the hosts lifted the trophy before a crowd of their supporters."
    assert swaps(run, source, copy) == []


def test_four_content_words_are_a_clause_recast_not_a_swap(run):
    source = "The bank raised rates again on Thursday, fighting stubborn consumer inflation, its officials said."
    copy = "The bank raised rates again on Thursday, easing prices, its officials said."
    assert swaps(run, source, copy) == []
