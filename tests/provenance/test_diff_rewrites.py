"""Meaning changes of rewrites (issue 9, session 22): credits a copy adds, loaded labels, hedges and qualified
figures, each on two short texts of its own."""

from __future__ import annotations

from .diffs import LEAD, changes_of_kind

BODY = (
    "The harbour authority said the new ferry line would start in April after two years of delays.\n\n"
    "Tickets will cost less than on the old line, the operator said."
)


def test_a_credit_line_the_copy_adds_is_an_attribution_added(run):
    copy = "[Source: Harbour Gazette]\n\n" + LEAD + BODY
    added = changes_of_kind(run, LEAD + BODY, copy, "attribution-added")
    assert [c.after for c in added] == ["[Source: Harbour Gazette]"]
    # what it credits: the source sentence the copy's lead gives
    assert "approved the new budget" in added[0].source_sentence


def test_a_bracketed_original_source_at_the_end_is_a_credit(run):
    copy = LEAD + BODY + " (Original source: Reuters)"
    added = changes_of_kind(run, LEAD + BODY, copy, "attribution-added")
    assert any(c.after == "(Original source: Reuters)" for c in added)


def test_a_credit_the_source_already_gives_is_no_attribution_added(run):
    source = LEAD + BODY + "\n\n[Source: Harbour Gazette]"
    copy = "[Source: Harbour Gazette]\n\n" + LEAD + BODY
    assert changes_of_kind(run, source, copy, "attribution-added") == []
