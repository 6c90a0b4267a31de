"""A copy sentence that changed no word of its source, only its quotation marks, dashes or commas (issue 9,
session 32)."""

from __future__ import annotations

from reportedly.provenance.diff import diff

from .diffs import LEAD


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
