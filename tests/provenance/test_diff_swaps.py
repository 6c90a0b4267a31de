"""Meaning changes of reworded copies (issue 9): a word swapped in a sentence the copy otherwise kept, figures
reworded as number words or past a currency sign, sentences the copy joined, and where an agency credit went."""

from __future__ import annotations

from reportedly.provenance.diff import diff, joined_sentences

from .diffs import LEAD, changes_of_kind


def test_a_content_word_swapped_in_a_kept_sentence_is_reported(run):
    source = LEAD + "The former banker was found guilty on Thursday of defrauding customers of the small lender."
    copy = LEAD + "The former banker was found guilty on Thursday of robbing customers of the small lender."
    swaps = [c for c in changes_of_kind(run, source, copy, "loaded-word") if "swapped" in c.detail]
    assert [(c.before, c.after) for c in swaps] == [("defrauding", "robbing")]


def test_inflections_spellings_names_and_figures_are_no_swap(run):
    source = LEAD + "His defence lawyer said the bank paid two fines to the regulator in London after the review ended."
    copy = LEAD + "His defense lawyer said the bank pays 2 fines to the regulator in Paris after the review ended."
    assert not [c for c in changes_of_kind(run, source, copy, "loaded-word") if "swapped" in c.detail]


def test_a_synonym_of_the_same_feeling_is_no_swap(run):
    source = LEAD + "The company let go of more than 1,000 of its talented employees in the spring of that year."
    copy = LEAD + "The company let go of more than 1,000 of its excellent employees in the spring of that year."
    assert not [c for c in changes_of_kind(run, source, copy, "loaded-word") if "swapped" in c.detail]


def test_no_swap_is_read_in_a_sentence_the_copy_rewrote(run):
    source = LEAD + "The mayor warned that the old library would close within weeks without the extra money."
    copy = LEAD + "Without additional funds, the town's reading room faces closure soon, its leader cautioned."
    assert not [c for c in changes_of_kind(run, source, copy, "loaded-word") if "swapped" in c.detail]


def test_a_qualified_figure_past_a_currency_sign_and_a_number_word(run):
    source = (
        LEAD + "He was accused of stealing about $10 billion from customers of the exchange.\n\n"
        "The jury reached its verdict after just over four hours of deliberations."
    )
    copy = (
        LEAD + "He was accused of stealing at least $10 billion from customers of the exchange.\n\n"
        "The jury reached its verdict after four hours of deliberations."
    )
    changed = {(c.before, c.after) for c in changes_of_kind(run, source, copy, "number-changed")}
    assert ("about $10", "at least $10") in changed
    assert ("just over four", "four") in changed  # the whole qualifier (figure_qualifiers: "just over")


def test_a_count_given_in_number_words_with_another_value(run):
    source = LEAD + "The jury reached its verdict after four hours of deliberations in the federal court."
    copy = LEAD + "Jurors needed five hours of deliberations before the verdict came in the federal courtroom."
    changed = changes_of_kind(run, source, copy, "number-changed")
    assert any(c.before == "4" and c.after == "5" for c in changed)


def test_a_sentence_cut_after_a_dotted_initialism_is_made_whole():
    text = "He testified before the U.S. Congress last year. He moved to the U.S. The move was quick."
    got = [text[s:e] for s, e in joined_sentences(text)]
    assert got[0] == "He testified before the U.S. Congress last year."
    assert "He moved to the U.S." in got  # a function word after it starts a sentence


def test_two_source_sentences_the_copy_joined_are_compared_as_one(run):
    source = (
        LEAD + "The minister stood and faced the committee as the report was read aloud. "
        "She had denied two counts of misconduct and three counts of neglect."
    )
    copy = (
        LEAD + "The minister, who had denied two counts of misconduct and three counts of neglect, stood and "
        "faced the committee as the report was read aloud."
    )
    assert not changes_of_kind(run, source, copy, "sentence-dropped")


def test_a_dateline_credit_is_found_at_the_dateline_not_a_caption(run):
    source = (
        "A photo of the courtroom, Tuesday, in New York. Jane Smith via AP\n\n"
        "NEW YORK (AP) — A federal jury convicted the founder of the exchange on Thursday of fraud.\n\n"
        "The verdict came after a month-long trial in Manhattan."
    )
    copy = (
        "A federal jury convicted the founder of the exchange on Thursday of fraud.\n\n"
        "The verdict came after a month-long trial in Manhattan."
    )
    dropped = changes_of_kind(run, source, copy, "attribution-dropped")
    assert any("NEW YORK (AP)" in (c.source_sentence or "") for c in dropped)


def test_a_dateline_credit_put_at_the_end_is_moved(run):
    source = (
        "NEW YORK (AP) — A federal jury convicted the founder of the exchange on Thursday of fraud.\n\n"
        "The verdict came after a month-long trial in Manhattan."
    )
    copy = (
        "A federal jury convicted the founder of the exchange on Thursday of fraud.\n\n"
        "The verdict came after a month-long trial in Manhattan. - Associated Press"
    )
    moved = changes_of_kind(run, source, copy, "attribution-moved")
    assert any("- Associated Press" in (c.after or "") for c in moved)
    assert not changes_of_kind(run, source, copy, "attribution-dropped")


def test_a_duration_given_for_the_same_thing_with_another_value(run):
    source = LEAD + "The former banker, 31, could face decades in prison after the jury's verdict on Thursday."
    copy = LEAD + "Prosecutors noted on Thursday that he could face up to 110 years in prison.\n\nHe will appeal."
    changed = changes_of_kind(run, source, copy, "number-changed")
    assert any(c.before == "decades" and "110 years" in c.after for c in changed)


def test_a_clause_cut_from_a_long_sentence_with_a_few_spellings_changed(run):
    source = LEAD + (
        "Once the darling of the cryptocurrency world, the founder, who was known for his unkempt hair and for "
        "wearing shorts instead of suits, joins the fraudster Bernie Madoff and insider trader Ivan Boesky as "
        "notable people convicted of major US financial crimes in the last fifty years."
    )
    copy = LEAD + (
        "Once the darling of the crypto world, the founder, who was known for his unkempt hair and for wearing "
        "shorts instead of suits, joins the fraudster Bernie Madoff as notable people convicted of major U.S. "
        "financial crimes in the last fifty years."
    )
    dropped = changes_of_kind(run, source, copy, "sentence-dropped")
    assert any("insider trader Ivan Boesky" in (c.before or "") for c in dropped)


def test_a_word_kept_in_another_form_is_no_swap(run):
    source = LEAD + "The surge of online sales led to outsized growth, and the newspaper's editors expected more."
    copy = LEAD + "The surge of online sales was leading to outsized growth, and the paper's editors expected more."
    assert not [c for c in changes_of_kind(run, source, copy, "loaded-word") if "swapped" in c.detail]


def test_a_swap_whose_function_words_changed_with_it_is_reported(run):
    source = LEAD + "Her talk of introducing a new tax on sugar was met with loud applause by the farmers."
    copy = LEAD + "Her speech to introduce a new tax on sugar was met with loud applause by the farmers."
    swaps = [c for c in changes_of_kind(run, source, copy, "loaded-word") if "swapped" in c.detail]
    assert [(c.before, c.after) for c in swaps] == [("talk of introducing", "speech to introduce")]


def test_a_run_of_three_content_words_is_no_swap(run):
    source = LEAD + "The museum's director said the stolen painting was worth more than its frame and glass case."
    copy = LEAD + "The museum's director said the missing old masterpiece was worth more than its frame and glass case."
    assert not [c for c in changes_of_kind(run, source, copy, "loaded-word") if "swapped" in c.detail]


def test_an_adverb_taken_from_a_kept_word_is_a_loaded_word_also_when_the_clause_moved(run):
    source = LEAD + "The singer was fined 500 euros on Friday for deliberately damaging a hotel room in Vienna in 2021."
    copy = LEAD + "A court fined the singer for damaging a hotel room in Vienna in 2021, ordering him to pay 500 euros."
    found = [(c.before, c.after) for c in changes_of_kind(run, source, copy, "loaded-word")]
    assert ("deliberately damaging", "damaging") in found


def test_an_adverb_added_before_a_kept_word_is_a_loaded_word(run):
    source = LEAD + "The minister denied the claims about the contract at a press conference on Tuesday."
    copy = LEAD + "The minister angrily denied the claims about the contract at a press conference on Tuesday."
    found = [(c.before, c.after) for c in changes_of_kind(run, source, copy, "loaded-word")]
    assert ("denied", "angrily denied") in found


def test_an_adverb_added_after_a_kept_word_at_the_end_of_its_clause_is_a_loaded_word(run):
    source = LEAD + "The flood swept through the valley on Sunday night, destroying the bridge."
    copy = LEAD + "The flood swept through the valley on Sunday night, destroying the bridge completely."
    found = [(c.before, c.after) for c in changes_of_kind(run, source, copy, "loaded-word")]
    assert ("bridge", "bridge completely") in found
    # mid-clause, after its word and before another, it qualifies nothing the rule can tell
    mid = LEAD + "The flood swept through the valley on Sunday night, destroying the bridge completely in minutes."
    assert ("bridge", "bridge completely") not in [
        (c.before, c.after)
        for c in changes_of_kind(run, source.replace("bridge.", "bridge in minutes."), mid, "loaded-word")
    ]


def test_no_adverb_change_for_hedges_or_a_word_not_kept(run):
    source = LEAD + "The driver allegedly ignored a red light and badly injured a cyclist near the station."
    copy = LEAD + "The driver ignored a red light, police say, and a cyclist was hurt near the station."
    words = {c.before for c in changes_of_kind(run, source, copy, "loaded-word")}
    assert "allegedly ignored" not in words  # a hedge: the hedge kinds report it
    assert "badly injured" not in words  # "injured" is not in the copy: the clause was rewritten, not one word cut


def test_a_sentence_reworded_and_moved_to_the_top_is_aligned(run):
    source = (
        LEAD + "A strike by bus drivers stopped most services in the city on Monday, the transport office said.\n\n"
        "The union wants a pay rise of 6 percent for its members this year.\n\n"
        "Shoppers faced long waits for taxis in the centre, and some shops closed their doors early."
    )
    copy = (
        LEAD + "Shoppers endured huge waits for cabs downtown, and shops closed their doors early, after bus drivers "
        "across the city walked out on Monday morning.\n\n"
        "The union is asking for a pay rise of 6 percent for its members this year."
    )
    changes = diff(run(source), run(copy)).changes
    moved = [c for c in changes if (c.copy_sentence or "").startswith("Shoppers")]
    assert moved and all(c.kind != "sentence-added" for c in moved)
    assert any((c.source_sentence or "").startswith("Shoppers faced") for c in moved)
