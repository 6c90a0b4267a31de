"""A source sentence the copy split in two, its second half reworded past any character ratio but keeping the
rare words of what the first half left out (issue 9, session 32)."""

from __future__ import annotations

from reportedly.provenance.diff import _rewords_rest, fold

from .diffs import LEAD, changes_of_kind

WHOLE = (
    "Sao Paulo's Albert Einstein hospital, where Pele was undergoing treatment, said he died at 3:27 p.m. due to "
    "multiple organ failures resulting from the progression of colon cancer."
)
PIECE = "Pele, the Brazilian soccer legend, died at Sao Paulo's Albert Einstein hospital, where he was undergoing treatment."
HALF = "Medical reports state the soccer star died at 3:27am local time due to organ failure caused by colon cancer."
END = "\n\nHe is survived by his wife and six children, the family said in a statement."


def test_a_second_half_that_keeps_the_rare_words_left_out_rewords_the_rest():
    assert _rewords_rest(fold(HALF), fold(PIECE), fold(WHOLE))


def test_a_sentence_on_something_else_next_to_the_piece_is_no_second_half():
    other = "The Brazilian team will play a friendly match against Argentina in March next year."
    assert not _rewords_rest(fold(other), fold(PIECE), fold(WHOLE))


def test_the_reworded_second_half_is_compared_not_added(run):
    source = LEAD + WHOLE + END
    copy = LEAD + PIECE + " " + HALF + END
    added = changes_of_kind(run, source, copy, "sentence-added")
    assert not any("Medical reports" in (c.after or "") for c in added)
