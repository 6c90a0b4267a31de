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
