"""Sentences a rewrite reworded and moved out of their place (diff._moved, settings.diff_moved)."""

from __future__ import annotations

import dataclasses

from reportedly.provenance import diff as D

from .diffs import LEAD, changes_of_kind

NEXT = "The bridge is expected to reopen to traffic at the end of next month, the council said.\n\n"
BODY = (
    "A video shared online showed smoke rising over the harbour warehouses late on Sunday evening.\n\n"
    "Firefighters worked through the night to keep the flames away from the fuel depot nearby.\n\n"
)


def test_a_sentence_reworded_and_moved_is_aligned_and_its_hedge_dropped(run, monkeypatch):
    """diff._moved at settings.diff_moved (55): a sentence the rewrite moved to the top and reworded, alike by
    token-set ratio 67, still aligns to its source sentence, so the hedge it lost is reported."""
    hedged = "Officials said the storm had purportedly destroyed nearly four hundred homes along the northern coast overnight."
    moved = "The storm wrecked almost four hundred houses along the north shore during the night, officials said."
    source = LEAD + BODY + hedged + "\n\n"
    copy = LEAD + moved + "\n\n" + BODY
    assert "purportedly" in [c.before for c in changes_of_kind(run, source, copy, "hedge-removed")]
    monkeypatch.setattr(D, "S", dataclasses.replace(D.S, diff_moved=70.0))  # the bar of stop 27: left unaligned
    assert "purportedly" not in [c.before for c in changes_of_kind(run, source, copy, "hedge-removed")]


def test_a_sentence_replaced_by_another_names_it_in_the_detail(run):
    """A copy that puts a new sentence where the source had one it dropped: each change says what stands in the
    other text at its place (diff._in_place, settings.diff_in_place)."""
    gone = "The mayor did not answer questions from reporters about the cost of the repairs."
    new = "Shopkeepers nearby complained loudly, saying nobody had warned them in advance."
    source, copy = LEAD + BODY + gone + "\n\n" + NEXT, LEAD + BODY + new + "\n\n" + NEXT
    dropped = changes_of_kind(run, source, copy, "sentence-dropped")
    added = changes_of_kind(run, source, copy, "sentence-added")
    assert [c.before for c in dropped] == [gone] and [c.after for c in added] == [new]
    assert dropped[0].detail.endswith(f"; in its place the copy has '{new}'")
    assert added[0].detail.endswith(f"; in its place the source has '{gone}'")


def test_a_sentence_dropped_with_nothing_in_its_place_says_only_where(run):
    gone = "The mayor did not answer questions from reporters about the cost of the repairs."
    dropped = changes_of_kind(run, LEAD + BODY + gone + "\n\n" + NEXT, LEAD + BODY + NEXT, "sentence-dropped")
    assert [c.before for c in dropped] == [gone] and "in its place" not in dropped[0].detail
