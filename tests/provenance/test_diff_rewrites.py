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


def test_results_called_preliminary_in_the_copy_are_a_hedge_added(run):
    source = LEAD + "The mayor won the vote with 61 percent, the electoral office said."
    copy = LEAD + "Preliminary figures showed the mayor won the vote with 61 percent, the electoral office said."
    added = changes_of_kind(run, source, copy, "hedge-added")
    assert any((c.after or "").lower() == "preliminary" for c in added)


def test_a_judgment_others_hold_is_a_hedge_added(run):
    source = LEAD + "The new harbour master is untested and has never run a port of this size."
    copy = LEAD + "Many see the new harbour master as untested, having never run a port of this size."
    added = changes_of_kind(run, source, copy, "hedge-added")
    assert any((c.after or "").lower() == "many see" for c in added)


def test_a_bound_the_copy_puts_on_a_bare_figure_is_another_number(run):
    source = LEAD + "The mayor won with 61 percent of the vote against 39 percent for her rival."
    copy = LEAD + "The mayor won with 61 percent of the vote against just over 39 percent for her rival."
    changed = changes_of_kind(run, source, copy, "number-changed")
    assert [(c.before, c.after) for c in changed] == [("39", "just over 39")]


def test_near_before_a_figure_is_a_place_not_a_bound(run):
    # "near" and "close to" are prepositions before house numbers and clock times far more often than bounds
    source = LEAD + "Protesters gathered outside 10 Downing Street on Monday."
    copy = LEAD + "Protesters gathered near 10 Downing Street on Monday."
    assert changes_of_kind(run, source, copy, "number-changed") == []


def test_a_political_label_the_copy_adds_is_a_loaded_word(run):
    source = LEAD + "Voters elected the outsider candidate Ana Ruiz as mayor on Sunday."
    copy = LEAD + "Voters elected the far-right candidate Ana Ruiz as mayor on Sunday."
    added = changes_of_kind(run, source, copy, "loaded-word")
    assert any(c.after == "far-right" for c in added)


def test_a_forceful_verb_for_a_neutral_one_is_a_loaded_word(run):
    source = LEAD + "Prices rose sharply in March, and the union asked the council to act."
    copy = LEAD + "Prices soared in March, and the union pleaded with the council to act."
    swapped = {(c.before, c.after) for c in changes_of_kind(run, source, copy, "loaded-word")}
    assert ("rose", "soared") in swapped and ("asked", "pleaded") in swapped


def test_a_claim_whose_speaker_is_gone_is_dropped_though_another_speaks(run):
    source = LEAD + "The bridge will reopen in May, said the transport minister, Ana Ruiz, after the inspection."
    copy = LEAD + "The bridge will reopen in May, the mayor Tom Reyes announced, promising free buses until then."
    kinds = {c.kind for c in diff_of(run, source, copy)}
    assert "attribution-moved" in kinds  # one claim, another speaker

    copy = LEAD + "The bridge reopens in May, and Mayor Tom Reyes said buses would be free until then."
    found = diff_of(run, source, copy)
    assert any(c.kind == "attribution-dropped" and "Ruiz" in (c.before or "") for c in found)
    assert not any(c.kind == "attribution-moved" for c in found)


def diff_of(run, source, copy):
    from reportedly.provenance.diff import diff

    return diff(run(source), run(copy)).changes


def test_an_agency_credit_swapped_for_unnamed_media_reports(run):
    source = "LISBON (Reuters) - The harbour authority said the new ferry line would start in April.\n\n" + BODY
    copy = (
        "The new ferry line will start in April.\n\n"
        "According to local media reports, the harbour authority blamed two years of delays on the builders.\n\n" + BODY
    )
    dropped = [c for c in changes_of_kind(run, source, copy, "attribution-dropped") if c.before == "Reuters"]
    assert dropped and "local media reports" in dropped[0].copy_sentence
    assert "local media reports" in dropped[0].detail


def test_urged_for_called_on_is_a_loaded_word(run):
    source = LEAD + "The union called on the council to restore the library hours."
    copy = LEAD + "The union urged the council to restore the library hours."
    swapped = {(c.before, c.after) for c in changes_of_kind(run, source, copy, "loaded-word")}
    assert ("called", "urged") in swapped


def test_a_duration_in_another_unit_or_with_a_figure_is_a_number_changed(run):
    source = LEAD + "The works could close the harbour road for months, the engineers warned on Friday."
    copy = LEAD + "The works could close the harbour road for at least six months, the engineers warned on Friday."
    changed = changes_of_kind(run, source, copy, "number-changed")
    assert [(c.before, c.after) for c in changed] == [("months", "six months")]

    source = LEAD + "The alarm went off moments before the roof fell in, the fire brigade said."
    copy = LEAD + "The alarm went off minutes before the roof fell in, the fire brigade said."
    changed = changes_of_kind(run, source, copy, "number-changed")
    assert [(c.before, c.after) for c in changed] == [("moments", "minutes")]


def test_the_same_duration_in_other_words_is_no_change(run):
    source = LEAD + "The road was closed for a week after the flood, the engineers said on Friday."
    copy = LEAD + "The road stayed shut for one week after the flood, the engineers said on Friday."
    assert changes_of_kind(run, source, copy, "number-changed") == []


def test_next_week_is_a_time_not_a_duration(run):
    source = LEAD + "The vote on the harbour plan will be held in the next week, the clerk said on Friday."
    copy = LEAD + "The vote on the harbour plan will be held within a week, the clerk said on Friday."
    assert changes_of_kind(run, source, copy, "number-changed") == []


def test_a_credit_to_the_outlet_on_its_own_site_is_no_added_credit():
    from reportedly.provenance.diff import _own_page

    assert _own_page("ap", "https://apnews.com/article/x") and _own_page("the daily mail", "https://dailymail.co.uk/n")
    assert not _own_page("ap", "https://www.japantimes.co.jp/news/x")  # a substring of another outlet's host


def test_a_figure_counts_for_a_duration_only_with_nothing_but_a_bound_between():
    from reportedly.provenance.diff import _duration

    assert _duration("The 3 men spent days in custody.", "en")[1:] == ("bare", "days")
    turnout = _duration("Turnout was 40% on the day.", "en")
    assert turnout is None or turnout[1] != "figure"
    assert _duration("He was held for at least six months.", "en")[1] == "figure"


def test_only_media_left_unnamed_stand_in_for_a_dropped_credit():
    from reportedly.analyze import analyze
    from reportedly.provenance.diff import _unnamed_media

    found = _unnamed_media(analyze("The vote was calm, according to international media reports."))
    assert found is not None and found.source == "international media reports"
    assert _unnamed_media(analyze("Election observers said the vote was calm.")) is None  # no outlet's last word
    assert _unnamed_media(analyze("The boy's guardian said he was safe.")) is None
