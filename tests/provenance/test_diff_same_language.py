"""Meaning changes of same-language rewrites (issue 9): each rule on two short texts of its own."""

from __future__ import annotations

from reportedly.provenance.diff import diff


def _kind(run, source: str, copy: str, kind: str):
    return [c for c in diff(run(source), run(copy)).changes if c.kind == kind]


def test_dropped_and_added_sentences_say_where_they_were(run):
    source = (
        "The council approved the new budget on Monday after a long debate.\n\n"
        "The mayor had warned that the library would close without the money.\n\n"
        "Taxes will rise by two percent next year under the plan."
    )
    copy = (
        "The council approved the new budget on Monday after a long debate.\n\n"
        "Residents can read the full plan on the city website this week.\n\n"
        "Taxes will rise by two percent next year under the plan."
    )
    dropped = _kind(run, source, copy, "sentence-dropped")
    assert len(dropped) == 1 and "library would close" in dropped[0].before
    # what the copy has on either side of the dropped sentence's place
    assert "approved the new budget" in dropped[0].detail and "Taxes will rise" in dropped[0].detail
    added = _kind(run, source, copy, "sentence-added")
    assert len(added) == 1 and "approved the new budget" in added[0].detail and "Taxes will rise" in added[0].detail
