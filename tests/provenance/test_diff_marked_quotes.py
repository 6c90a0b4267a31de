"""Words in quotation marks that the quotation finder does not take (a name or a label, no speaker) and that the
copy quotes in other words (issue 9, session 32)."""

from __future__ import annotations

from .diffs import LEAD, changes_of_kind


def test_a_quoted_name_of_several_words_reworded_is_a_quote_reworded(run):
    source = LEAD + "The coalition decided in 2022 to put the money into the “climate and transformation fund.”"
    copy = LEAD + "The coalition decided in 2022 to put the money into the “Climate and Change Fund”."
    reworded = changes_of_kind(run, source, copy, "quote-reworded")
    assert [(c.before, c.after) for c in reworded] == [("climate and transformation fund", "Climate and Change Fund")]


def test_a_quoted_name_kept_is_no_quote_reworded(run):
    source = LEAD + "The coalition decided in 2022 to put the money into the “climate and transformation fund.”"
    copy = LEAD + "In 2022 the coalition chose to move the money into the “climate and transformation fund”."
    assert changes_of_kind(run, source, copy, "quote-reworded") == []


def test_a_speakers_quotation_is_reported_once(run):
    source = LEAD + "“We will not raise taxes on families this year,” the mayor said on Tuesday."
    copy = LEAD + "“We will not raise taxes for families this year,” the mayor said on Tuesday."
    reworded = changes_of_kind(run, source, copy, "quote-reworded")
    assert len(reworded) == 1


def test_an_unclosed_quotation_after_a_closed_one_keeps_its_place():
    """The finder's unclosed quotation is told by its place in the sentence, also where a closed quotation before it
    was blanked out to find it."""
    from reportedly.provenance.diff import _marked_quotes

    before = "He said “we keep our promise” and called it a “climate and transformation fund for many years ahead"
    after = "He said “we keep our promise” and called it a “climate and change fund for many years ahead"
    opening = before.index("“climate") + 1
    spans = ((0, len(before)), (0, len(after)))
    assert _marked_quotes(before, after, *spans, [(opening, len(before))]) == []
    assert [c.kind for c in _marked_quotes(before, after, *spans, [])] == ["quote-reworded"]
