"""`benchmarks/story_quotes.py`, the converter of the story clusters' quotation tables into the scorer's jsonl."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).parents[2] / "benchmarks" / "story_quotes.py"
_spec = importlib.util.spec_from_file_location("story_quotes", _PATH)
story_quotes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(story_quotes)


def test_a_cell_that_says_there_is_no_speaker_gives_none():
    for cell in ("none (nickname)", "unknown (cue cut)", "not stated (subhead)", "—", "— (no speaker)"):
        assert story_quotes.speaker_name(cell) is None, cell


def test_a_named_speaker_keeps_the_name_without_the_annotators_remark():
    assert story_quotes.speaker_name("Sergio Massa (his rival)") == "Sergio Massa"
    assert story_quotes.speaker_name("*Nonesuch Smith*") == "Nonesuch Smith"  # "none" only as the whole cell


def test_a_quote_used_twice_goes_to_the_occurrence_not_yet_taken_between_marks():
    text = "Possible risk: the agency said it was a “possible” hazard, “possible” but rare."
    first = story_quotes.place(text, "possible", set())
    assert text[first - 1] == "“"
    assert story_quotes.place(text, "possible", {first}) > first


def test_a_month_precision_date_is_the_middle_of_the_month_and_others_pass_as_they_are():
    assert story_quotes._day("2015-12") == "2015-12-15"
    assert story_quotes._day("2021-03-16") == "2021-03-16"
    assert story_quotes._day(None) is None
