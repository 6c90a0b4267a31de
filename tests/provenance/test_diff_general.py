"""Meaning changes found by general English, not by phrases of any one story (issue 9, carry-over): closed classes
of words read by their form and place."""

from __future__ import annotations

from .diffs import LEAD, changes_of_kind


def test_a_modal_may_dropped_is_no_month_dropped(run):
    source = LEAD + "Inspectors found a crack that may weaken the old railway bridge over the canal, the mayor said."
    copy = LEAD + "Inspectors found a crack that weakens the old railway bridge over the canal, the mayor said."
    assert not changes_of_kind(run, source, copy, "date-changed")
    assert changes_of_kind(run, source, copy, "hedge-removed")


def test_a_month_dropped_is_still_a_date_changed(run):
    source = LEAD + "The old railway bridge over the canal will reopen in May, the mayor told local reporters."
    copy = LEAD + "The old railway bridge over the canal will reopen soon, the mayor told local reporters."
    assert changes_of_kind(run, source, copy, "date-changed")


def test_a_count_in_words_changed_is_a_number_changed(run):
    source = LEAD + "The survey followed nine hundred farmers in the south of the country for three seasons."
    copy = LEAD + "The survey followed nine hundred farmers in the south of the country for five seasons."
    found = [(c.before, c.after) for c in changes_of_kind(run, source, copy, "number-changed")]
    assert ("three seasons", "five seasons") in found


def test_a_vague_quantifier_made_a_count_before_an_adjective_is_a_number_changed(run):
    source = LEAD + "Several local farmers complained that the new water charges were far too high for them."
    copy = LEAD + "Two farmers complained that the new water charges were far too high for them, officials said."
    found = [(c.before, c.after) for c in changes_of_kind(run, source, copy, "number-changed")]
    assert ("Several local farmers", "Two farmers") in found


def test_a_superlative_or_one_of_a_set_is_no_quantity(run):
    source = LEAD + "The harbour is the most important route for grain leaving the northern provinces each year."
    copy = LEAD + "The harbour is one of the most important routes for grain leaving the northern provinces each year."
    assert not changes_of_kind(run, source, copy, "number-changed")


def test_a_word_put_between_a_determiner_and_a_kept_noun_is_a_loaded_word(run):
    source = LEAD + "Crews worked through the night to put out a fire that destroyed the old timber warehouse."
    copy = LEAD + "Crews worked through the night to put out a ferocious fire that destroyed the old timber warehouse."
    found = [(c.before, c.after) for c in changes_of_kind(run, source, copy, "loaded-word")]
    assert ("a fire", "a ferocious fire") in found


def test_a_possessive_or_a_word_inside_a_quotation_is_no_added_description(run):
    source = LEAD + 'The minister praised the plan. "It is a plan for every town," she said in the capital.'
    copy = (
        LEAD + 'The minister praised the country\'s plan. "It is a bold plan for every town," she said in the capital.'
    )
    added = [c.after for c in changes_of_kind(run, source, copy, "loaded-word")]
    assert not [a for a in added if a and ("country" in a or "bold" in a)]
