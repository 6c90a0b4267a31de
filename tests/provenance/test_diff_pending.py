"""A claim the source marks as still pending ("yet to be ratified") that the copy states as settled, or the other
way round (issue 9, session 32)."""

from __future__ import annotations

from .diffs import LEAD, changes_of_kind

PENDING = LEAD + "The time, yet to be ratified by World Athletics, took 34 seconds off the old world record."
SETTLED = LEAD + "The time took 34 seconds off the old world record, World Athletics said."


def test_a_pending_claim_stated_as_settled_is_a_hedge_removed(run):
    removed = changes_of_kind(run, PENDING, SETTLED, "hedge-removed")
    assert [c.before for c in removed] == ["yet to be"]


def test_a_settled_claim_made_pending_is_a_hedge_added(run):
    added = changes_of_kind(run, SETTLED, PENDING, "hedge-added")
    assert [c.after for c in added] == ["yet to be"]
