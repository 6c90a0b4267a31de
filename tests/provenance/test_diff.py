"""Copy-versus-source diff: each kind of meaning change is found, and an unchanged sentence reports nothing."""

from __future__ import annotations

import pytest

from reportedly.provenance.diff import diff, same_name

SOURCE = (
    "Truss resigns after 44 days in office\n\n"
    "Israel was involved in the American airstrike that killed Qassem Soleimani, according to a former "
    "intelligence chief.\n\n"
    "Maj. Gen. Tamir Heyman appears to be the first official to admit the role of Israel.\n\n"
    "In January 2020, Soleimani was killed in a US drone strike at Baghdad airport.\n\n"
    "Liz Truss resigned on Thursday after 44 days in office, the shortest term of any prime minister.\n\n"
    "“I recognise though, given the situation, I cannot deliver the mandate on which I was elected,” "
    "Truss said outside Downing Street.\n\n"
    "Officials said the talks would resume in the spring after a pause of several weeks.\n\n"
    "The airport was closed for two days after the strike, officials said."
)
COPY = (
    "Truss resigns after 45 days in office\n\n"
    "Israel was involved in the American airstrike that killed Qassem Soleimani.\n\n"
    "Maj. Gen. Tamir Hayman is the first official to admit the role of Israel.\n\n"
    "In January 2020, Soleimani was murdered in a US drone strike at Baghdad airport.\n\n"
    "Liz Truss resigned on Thursday after 45 days in office, the shortest term of any prime minister.\n\n"
    "“I recognise that given the situation I cannot deliver the mandate on which I was elected,” "
    "Truss said outside Downing Street.\n\n"
    "The airport was closed for two days after the strike, officials said.\n\n"
    "Readers can follow the story live on our website all week."
)


@pytest.fixture(scope="module")
def changes(run):
    return diff(run(SOURCE), run(COPY))


def kinds(d):
    return [c.kind for c in d.changes]


def test_attribution_dropped(changes):
    c = next(c for c in changes.changes if c.kind == "attribution-dropped")
    assert "according to" in c.before


def test_hedge_removed(changes):
    assert any(c.kind == "hedge-removed" and c.before == "appears to be" for c in changes.changes)


def test_loaded_word(changes):
    c = next(c for c in changes.changes if c.kind == "loaded-word")
    assert (c.before, c.after) == ("killed", "murdered")


def test_number_changed(changes):
    assert any(c.kind == "number-changed" and c.before == "44" and c.after == "45" for c in changes.changes)


def test_quote_reworded_same_speaker(changes):
    c = next(c for c in changes.changes if c.kind == "quote-reworded")
    assert "though" in c.before and "that" in c.after and "Truss" in c.detail


def test_sentences_dropped_and_added(changes):
    assert any(c.kind == "sentence-dropped" and "talks would resume" in c.before for c in changes.changes)
    assert any(c.kind == "sentence-added" and "follow the story live" in c.after for c in changes.changes)


def test_unchanged_sentence_reports_nothing(changes):
    assert not any(c.before and "airport was closed" in c.before for c in changes.changes)


def test_name_variants():
    assert same_name("Tamir Heyman", "Hayman") and same_name("Svante Pääbo", "Mr Paabo")
    assert not same_name("Liz Truss", "Rishi Sunak")


def _one(run, source: str, copy: str, kind: str):
    return [c for c in diff(run(source), run(copy)).changes if c.kind == kind]


def test_what_spinners_change(run):
    # qualifiers dropped: the copy states more than its source
    hedges = _one(
        run,
        "Today I am sharing some of the most difficult changes we have made in the history of the company.",
        "Today I am sharing the most difficult changes we have made in the history of the company.",
        "hedge-removed",
    )
    assert [c.before for c in hedges] == ["some"]
    # a superlative made partial, and a plan made a certainty
    assert [c.after for c in _one(run, "City is the richest team in the world.",
                                  "City is one of the richest teams in the world.", "hedge-added")] == ["one of the"]  # fmt: skip
    assert [c.before for c in _one(run, "Messi is expected to join the team in the coming days.",
                                   "Messi will join the team in the coming days.", "hedge-removed")] == ["expected to"]  # fmt: skip
    cited = _one(
        run,
        "Muratov was cited by the Russian news agency TASS as saying he would give the prize money to charity.",
        "Muratov told the Russian news agency TASS that he would give the prize money to charity.",
        "hedge-removed",
    )
    assert any("as saying" in c.before for c in cited)
    # a judgment word inserted, and a plain word put in scare quotes
    loaded = _one(
        run,
        "The two journalists won the prize for their work promoting freedom of expression in their countries.",
        "The two journalists won the prize for their tireless work promoting freedom of expression in their countries.",
        "loaded-word",
    )
    assert [c.after for c in loaded] == ["tireless"]
    scare = _one(
        run,
        "Mark Zuckerberg apologized to Meta workers on Wednesday after the company cut thousands of jobs.",
        "Mark Zuckerberg 'apologized' to Meta workers on Wednesday after the company cut thousands of jobs.",
        "loaded-word",
    )
    assert [c.before for c in scare] == ["apologized"]
    # one loaded word for another
    swap = _one(
        run,
        "The newspaper has lost six contributors who were slain for their work since the year 2000.",
        "The newspaper has lost six contributors who were murdered for their work since the year 2000.",
        "loaded-word",
    )
    assert [(c.before, c.after) for c in swap] == [("slain", "murdered")]
    # a lemma ending in a silent e is the same word inflected ("assassinate" -> "assassinated")
    swap = _one(
        run,
        "The newspaper has lost six murdered contributors since the year 2000.",
        "The newspaper has lost six assassinated contributors since the year 2000.",
        "loaded-word",
    )
    assert [(c.before, c.after) for c in swap] == [("murdered", "assassinated")]


def test_a_count_changed_however_the_sentence_was_rewritten(run):
    changed = _one(
        run,
        "The fallen Tory leader quit the top job after just 44 days in office, a record.\n\nShe will stay on.",
        "Liz Truss has resigned from her post after spending only 45 days in office.\n\nShe will stay on.",
        "number-changed",
    )
    assert ("44", "45") in [(c.before, c.after) for c in changed]
    # a figure followed by a function word says nothing of what it counts ("3 of the", "in 2022 and the")
    from reportedly.provenance.diff import _counts

    counts = _counts("Only 3 of the 5 judges agreed in 2022 and the rest left after 44 days in office.")
    assert {unit: set(figures) for unit, figures in counts.items()} == {
        ("judges", "agreed"): {"5"},
        ("days", "in"): {"44"},
    }
    # two figures for one thing (a count that grew in the story itself) are no single change
    assert not [
        c
        for c in _one(
            run,
            "Rescuers found 6 people in the river, then 8 people in the river.",
            "Rescuers found 7 people in the river.",
            "number-changed",
        )  # fmt: skip
        if c.before == "6"
    ]


def test_figures_and_days(run):
    qualifier = _one(
        run,
        "The company will let more than 11,000 of its employees go, the chief executive wrote in a letter.",
        "The company will let 11,000 of its employees go, the chief executive wrote in a letter to staff.",
        "number-changed",
    )
    assert any(c.before == "more than 11,000" and c.after == "11,000" for c in qualifier)
    days = _one(
        run,
        "A container ship rammed into the bridge in Baltimore early Tuesday, causing the span to collapse.",
        "A container ship rammed into the bridge in Baltimore early yesterday, causing the span to collapse.",
        "date-changed",
    )
    assert days and days[0].before != days[0].after and "yesterday" in days[0].copy_sentence


def test_credit_dropped(run):
    dropped = _one(
        run,
        "BALTIMORE (AP) — A container ship lost power and rammed into a major bridge in Baltimore early Tuesday.",
        "Baltimore, Mar 26: A container ship lost power and rammed into a major bridge in Baltimore early Tuesday.",
        "attribution-dropped",
    )
    assert any(c.before == "Associated Press" and "(AP)" in c.source_sentence for c in dropped)


def test_a_quotation_split_over_two_sentences_is_still_compared(run):
    source = (
        'City won the final. "You have to be lucky ... It was written in the stars. It belongs to us," said City '
        "manager Pep Guardiola after the match in Istanbul."
    )
    copy = (
        "City won the final. “You have to be lucky,” said City manager Pep Guardiola. “It was written in the stars. "
        "He belongs to us.”"
    )
    changes = _one(run, source, copy, "quote-reworded")
    assert any("He belongs to us" in c.after and "It belongs to us" in c.before for c in changes)


def test_a_quotation_put_in_the_outlets_own_words_is_a_quote_reworded(run):
    found = _one(
        run,
        "The governor praised the crews on Tuesday.\n\n"
        '"These people are heroes, and they saved lives last night," Moore said at the harbour on Tuesday.',
        "The governor praised the crews on Tuesday.\n\n"
        "Moore said at the harbour on Tuesday that these people were heroes who saved lives during the night.",
        "quote-reworded",
    )
    assert found and "heroes, and they saved lives" in found[0].before and "no longer quoted" in found[0].detail


def test_a_first_person_statement_reworded_without_quotation_marks(run):
    found = _one(
        run,
        "I want to take accountability for these decisions and for how we got here, the letter went on.",
        "I want to accept responsibility for these choices and for how we got here, the letter went on.",
        "quote-reworded",
    )
    assert found and "first-person statement" in found[0].detail


def test_a_third_person_rewording_stays_a_wording_change(run):
    src = run("The company will take accountability for these decisions and for the losses, the board said.")
    cp = run("The company will accept responsibility for these choices and for the losses, the board said.")
    assert "quote-reworded" not in kinds(diff(src, cp))


def test_a_loaded_word_is_found_when_the_clause_is_reordered(run):
    found = _one(
        run,
        "The newspaper has lost six contributors who were slain for their work since the year 2000.",
        "The newspaper has lost six murdered contributors for their work since the year 2000.",
        "loaded-word",
    )
    assert [(c.before, c.after) for c in found] == [("slain", "murdered")]


def test_a_qualified_figure_loses_its_qualifier_where_sentences_do_not_align(run):
    found = _one(
        run,
        "Meta said on Wednesday it would let more than 11,000 of its talented employees go in the coming weeks.\n\n"
        "The company also extended a hiring freeze through the first quarter of next year.",
        "The social media giant announced that 11,000 employees will be fired.\n\n"
        "The company also extended a hiring freeze through the first quarter of next year.",
        "number-changed",
    )
    assert [(c.before, c.after) for c in found] == [("more than 11,000", "11,000")]
    assert "will be fired" in found[0].copy_sentence


def test_a_figure_qualifier_across_languages_and_house_styles(run):
    from reportedly.provenance.diff import figure_changes

    source = run("Meta is laying off more than 11,000 people, about 13% of its workforce, its chief said on Wednesday.")
    german = run("Meta entlässt mehr als 11.000 Menschen, 13 Prozent der Belegschaft, sagte der Konzernchef.")
    found = [(c.kind, c.before, c.after) for c in figure_changes(source, german, [])]
    assert found == [("hedge-removed", "about 13", "13")]  # 'mehr als 11.000' keeps the bound, in German
    french = run("Meta supprime 11 000 emplois, soit environ 13 % de ses effectifs.")
    assert [(c.kind, c.before) for c in figure_changes(source, french, [])] == [("number-changed", "more than 11,000")]
    plain = run("Meta is laying off 11,000 people, 13% of its workforce, its chief said on Wednesday.")
    added = run("Meta is laying off roughly 11,000 people, 13% of its workforce, its chief said on Wednesday.")
    assert [(c.kind, c.before, c.after) for c in figure_changes(plain, added, [])] == [
        ("hedge-added", "11,000", "roughly 11,000")
    ]


def test_a_byline_and_a_closing_agency_line_the_copy_drops(run):
    body = (
        "Manchester City won the Champions League title for the first time by beating Inter Milan 1-0 in "
        "Istanbul on Saturday night, completing a treble of trophies this season."
    )
    src = run("City win the treble\n\nJames Robson\nSaturday 10 June 2023 21:58\n\n" + body + "\n\n(AP)")
    cp = run("ISTANBUL: " + body)
    dropped = {c.before: c for c in diff(src, cp).changes if c.kind == "attribution-dropped"}
    assert set(dropped) == {"James Robson", "(AP)"}
    assert dropped["(AP)"].copy_sentence.startswith("ISTANBUL: Manchester City")


def test_a_name_line_without_a_date_beside_it_is_no_byline(run):
    from reportedly.provenance.diff import bylines

    assert bylines("Mark Zuckerberg\n\nMeta will cut 11,000 jobs, the company said on Wednesday.") == []
    assert [n for n, _ in bylines("By Martyn Herman\n\nISTANBUL (Reuters) - City won.")] == ["Martyn Herman"]


def test_a_copy_sentence_that_is_a_piece_of_a_longer_source_sentence_is_aligned(run):
    src = run(
        "I've decided to reduce the size of our team by about 13% and let more than 11,000 of our talented "
        "employees go, the chief executive wrote in a letter to staff on Wednesday morning."
    )
    cp = run("So he let more than 11,000 of our excellent employees go, the chief executive wrote.")
    d = diff(src, cp)
    assert d.aligned == 1 and "sentence-added" not in kinds(d)


def test_a_qualified_attribution_of_the_same_quotation_made_plain(run):
    src = run(
        "The editor won the prize on Friday.\n\n"
        "\"I can't take credit for this. This is the newspaper's,\" Muratov was cited by the TASS agency as saying."
    )
    cp = run(
        "The editor won the prize on Friday, and he shared it with his staff at once.\n\n"
        "\"I can't take credit for this. This is the newspaper's,\" Muratov, 59, told the TASS agency by phone."
    )
    found = [c for c in diff(src, cp).changes if c.kind == "hedge-removed"]
    assert [c.before for c in found] == ["as saying"] and "told the TASS agency" in found[0].copy_sentence


def test_a_second_source_added_to_an_attributed_sentence(run):
    # the copy keeps the speaker and adds the outlet it took the words from: who vouches for the claim changed
    added = _one(
        run,
        "Meta will cut 11,000 jobs, chief executive Mark Zuckerberg said on Wednesday.",
        "Meta will cut 11,000 jobs, chief executive Mark Zuckerberg said on Wednesday, Reuters reported.",
        "attribution-added",
    )
    assert [c.after for c in added] and "Reuters" in added[0].after
    # the same attribution kept is no change
    assert not _one(
        run,
        "Meta will cut 11,000 jobs, chief executive Mark Zuckerberg said on Wednesday.",
        "Meta will cut 11,000 jobs, Mark Zuckerberg said on Wednesday.",
        "attribution-added",
    )


def test_an_agency_named_as_the_report_s_source_added_or_dropped(run):
    source = "Meta will lay off 11,000 staff, boss Mark Zuckerberg said on Wednesday."
    copy = "Meta will lay off 11,000 staff, boss Mark Zuckerberg said on Wednesday, reported the AFP news agency."
    assert [c.after for c in _one(run, source, copy, "attribution-added")] == ["AFP"]
    assert "AFP" in [c.before for c in _one(run, copy, source, "attribution-dropped")]


def test_a_byline_replaced_by_another_is_moved(run):
    source = (
        "By Martyn Herman\n\nISTANBUL (Reuters) - Manchester City beat Inter Milan 1-0 to win the Champions League."
    )
    copy = "Written by Martin Hermann\n\nManchester City beat Inter Milan 1-0 to win the Champions League."
    moved = _one(run, source, copy, "attribution-moved")
    assert [(c.before, c.after) for c in moved] == [("Martyn Herman", "Martin Hermann")]
    assert not [c for c in _one(run, source, copy, "attribution-dropped") if c.before == "Martyn Herman"]


def test_a_sentence_broken_over_two_lines_is_compared_whole():
    from reportedly.provenance.diff import joined_sentences

    text = "We let more than 1,000 of our talented workers go\n\nin order to become a leaner firm.\n\nNext one."
    assert [text[s:e] for s, e in joined_sentences(text)] == [
        "We let more than 1,000 of our talented workers go\n\nin order to become a leaner firm.",
        "Next one.",
    ]
    # a heading or a finished sentence before a line break stays apart
    text = "Layoffs at the firm\n\nThe firm said.\n\nit went on"
    assert [text[s:e] for s, e in joined_sentences(text)] == ["Layoffs at the firm", "The firm said.", "it went on"]


def test_a_quotation_the_source_broke_by_its_cue_is_matched_whole(run):
    source = run(
        "“In 2018, we made a promise to build an ambitious club that would attract the world's elite players,” said "
        "the owner, Jorge Mas. “A club that would transform football.”"
    )
    copy = run(
        "“In 2018, we made a promise to build an ambitious club that would attract the best players in the world, "
        "a club that wants to transform football,” Jorge Mas said."
    )
    reworded = [c for c in diff(source, copy).changes if c.kind == "quote-reworded"]
    assert any("would transform" in c.before and "wants to transform" in c.after for c in reworded)


def test_a_piece_of_a_longer_source_quotation_keeps_its_match(run):
    source = run(
        "“I was working, I was busy. Six journalists of our newspaper died while defending people's right to "
        "freedom of speech,” Dmitry Muratov told TASS. “For their efforts, we are grateful,” the committee said."
    )
    copy = run("Muratov said six journalists had “died defending the right of people to freedom of speech.”")
    reworded = [c for c in diff(source, copy).changes if c.kind == "quote-reworded"]
    assert any("died while defending" in c.before for c in reworded)


def test_a_sentence_reworded_past_recognition_aligns_by_its_place(run):
    source = run(
        "Today I am sharing some of the most difficult changes we have made in our history.\n\n"
        "I know this is tough for everyone, and I am especially sorry to those impacted.\n\n"
        "We are also extending our hiring freeze through the first quarter of next year."
    )
    copy = run(
        "Today I am sharing some of the most difficult changes we have made in our history.\n\n"
        "I apologise in particular to those affected, since I am aware this is difficult for everyone.\n\n"
        "We are also extending our hiring freeze through the first quarter of next year."
    )
    d = diff(source, copy)
    assert d.aligned == 3
    assert any(c.kind == "quote-reworded" and "especially sorry" in c.before for c in d.changes)


def test_a_word_of_feeling_the_copy_brings_is_loaded_and_a_synonym_is_not(run):
    source = run(
        "Inter threatened to drag a cagey final into extra time before the bridge collapse was discussed.\n\n"
        "We let go of more than 11,000 of our talented employees, the company said in a statement on Wednesday."
    )
    copy = run(
        "Inter threatened to drag a thrilling final into extra time before the bridge collapse was discussed.\n\n"
        "We let go of more than 11,000 of our excellent employees, the company said in a statement on Wednesday."
    )
    loaded = [c.detail for c in diff(source, copy).changes if c.kind == "loaded-word"]
    assert any("thrilling" in d for d in loaded)
    assert not any("excellent" in d or "talented" in d or "collapse" in d for d in loaded)


def test_a_date_given_another_value_however_the_sentence_was_rewritten(run):
    source = run("Lionel Messi has signed a contract until 2025 with Inter Miami, the club announced on Saturday.")
    copy = run(
        "His arrival had been known for some time; this evening came the official announcement of the club with "
        "which the Argentine has signed a contract until June 2025, in a deal worth millions."
    )
    from reportedly.provenance.diff import dated_changes

    (dated,) = dated_changes(source, copy, [])
    assert (dated.before, dated.after) == ("2025", "June 2025") and "contract until" in dated.detail
    assert any(c.kind == "date-changed" for c in diff(source, copy).changes)


def test_the_sentences_aligned_in_order_are_the_longest_rising_run():
    from reportedly.provenance.diff import _in_order

    pairs = [(0, 3), (1, 1), (2, 2), (3, 0), (4, 5), (5, 4), (6, 6)]
    run = _in_order(pairs)
    assert len(run) == 4 and all(a[1] < b[1] for a, b in zip(run, run[1:])) and set(run) <= set(pairs)
    assert _in_order([]) == []


def test_an_agency_dateline_given_to_another_agency_is_a_credit_moved():
    from reportedly.models import Analysis

    src = Analysis("Istanbul (dpa) - Manchester City won the Champions League for the first time on Saturday.", None)
    cp = Analysis(
        "Istanbul (AP) – Manchester City a remporté la Ligue des champions pour la première fois samedi.", None
    )
    moved = [c for c in diff(src, cp).changes if c.kind == "attribution-moved"]
    assert [(c.before, c.after) for c in moved] == [("dpa", "Associated Press")]
    assert moved[0].source_sentence.startswith("Istanbul (dpa)")
