"""A copy sentence that changed no word of its source, only its quotation marks, dashes or commas (issue 9,
session 32)."""

from __future__ import annotations

from reportedly.provenance.diff import _scope_comma, diff

from .diffs import LEAD, changes_of_kind


def test_only_quotation_marks_and_dashes_changed_is_no_change(run):
    source = LEAD + "“These people are heroes,” the governor said — twice — on Tuesday evening."
    copy = LEAD + '"These people are heroes," the governor said - twice - on Tuesday evening.'
    d = diff(run(source), run(copy))
    assert d.aligned == 2 and d.changes == []


def test_a_word_changed_is_still_a_wording_change(run):
    source = LEAD + "The governor thanked the crews on Tuesday evening at the harbour."
    copy = LEAD + "The governor thanked the crews on Tuesday night at the harbour."
    kinds = {c.kind for c in diff(run(source), run(copy)).changes}
    assert kinds and "sentence-added" not in kinds


# a comma that decides what a negation covers (diff._scope_comma, session 33)


def test_a_quotation_that_drops_the_comma_after_a_negated_clause_is_reworded(run):
    source = LEAD + '"I am not resigning, because I think we will lose the vote," the mayor said on Tuesday.'
    copy = LEAD + '"I am not resigning because I think we will lose the vote," the mayor said on Tuesday.'
    found = changes_of_kind(run, source, copy, "quote-reworded")
    assert len(found) == 1 and "comma before 'because'" in found[0].detail


def test_the_scope_comma_needs_a_negation_and_the_same_conjunction_on_both_sides():
    negated = "We won't stop, because the people need us"
    assert _scope_comma(negated, negated.replace(",", "")) is not None
    assert _scope_comma(negated.replace(",", ""), negated) is not None  # added: the same question
    # no negation: the comma changes no claim ("I am leaving, because I am tired" says why, either way)
    assert _scope_comma("I am leaving, because I am tired", "I am leaving because I am tired") is None
    # the comma kept, or another conjunction's comma changed
    assert _scope_comma(negated, negated) is None
    assert _scope_comma("We did not stop, and we won", "We did not stop and we won") is None
