"""Sentences a rewrite reworded past any character ratio, left unaligned at the same place, paired by the rare words
they share (diff._same_claims, settings.diff_claim)."""

from __future__ import annotations

import dataclasses

from reportedly.provenance import diff as D

from .diffs import LEAD, changes_of_kind

BODY = (
    "A video shared online showed smoke rising over the harbour warehouses late on Sunday evening.\n\n"
    "Firefighters worked through the night to keep the flames away from the fuel depot nearby.\n\n"
)
NEXT = "The bridge is expected to reopen to traffic at the end of next month, the council said.\n\n"
SOURCE = (
    "Divers searching the wreck of the Merrow ferry recovered 14 bodies before the operation was halted by strong "
    "currents late in the afternoon."
)
COPY = "The Merrow ferry disaster has claimed 41 lives, officials say."


def _texts(source: str, copy: str) -> tuple[str, str]:
    return LEAD + BODY + source + "\n\n" + NEXT, LEAD + BODY + copy + "\n\n" + NEXT


def test_a_claim_reworded_in_its_place_is_compared_not_added_and_dropped(run):
    """Token-set ratio 45 (under diff_gap, 50): only the names and the figure say it is one claim, whose figure and
    attribution changed."""
    source, copy = _texts(SOURCE, COPY)
    assert [(c.before, c.after) for c in changes_of_kind(run, source, copy, "number-changed")] == [("14", "41")]
    assert [c.after for c in changes_of_kind(run, source, copy, "attribution-added")] == ["officials (say)"]
    assert not changes_of_kind(run, source, copy, "sentence-added")
    assert not changes_of_kind(run, source, copy, "sentence-dropped")


def test_off_above_one_the_two_sentences_are_added_and_dropped(run, monkeypatch):
    monkeypatch.setattr(D, "S", dataclasses.replace(D.S, diff_claim=1.1))
    source, copy = _texts(SOURCE, COPY)
    assert [c.after for c in changes_of_kind(run, source, copy, "sentence-added")] == [COPY]
    assert [c.before for c in changes_of_kind(run, source, copy, "sentence-dropped")] == [SOURCE]


def test_a_sentence_sharing_one_rare_word_is_no_claim_of_the_other(run):
    """One name in common (likeness 0.15, under diff_claim; one stem, under diff_claim_shared): another sentence put
    in the dropped one's place."""
    other = "Merrow mourners lit candles along the quay on Tuesday evening."
    source, copy = _texts(SOURCE, other)
    assert [c.after for c in changes_of_kind(run, source, copy, "sentence-added")] == [other]


def test_a_web_address_is_no_shared_word():
    a = D._rare_stems(D._ADDRESS.sub(" ", "Stunning finish! pic.twitter.com/AbC123xyz"))
    b = D._rare_stems(D._ADDRESS.sub(" ", "What a race by the champion pic.twitter.com/QrS987uvw"))
    assert D._claim_likeness(a, b) == 0.0
