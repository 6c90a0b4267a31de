"""Meaning changes between aligned sentences that hold for any story (issue 9): a word of likelihood swapped for
one of another strength, and a quotation's words given to someone other than its speaker."""

from __future__ import annotations

from .diffs import LEAD, changes_of_kind


def test_a_likelihood_made_surer_is_a_hedge_removed(run):
    source = LEAD + "Engineers said the crack in the old dam was a possible cause of the flooding in the valley."
    copy = LEAD + "Engineers said the crack in the old dam was a probable cause of the flooding in the valley."
    found = [(c.before, c.after) for c in changes_of_kind(run, source, copy, "hedge-removed")]
    assert ("possible", "probable") in found
    assert not changes_of_kind(run, source, copy, "hedge-added")


def test_a_likelihood_made_less_sure_is_a_hedge_added(run):
    source = LEAD + "The new road will definitely cut the journey to the coast by an hour, the planners wrote."
    copy = LEAD + "The new road will potentially cut the journey to the coast by an hour, the planners wrote."
    found = [(c.before, c.after) for c in changes_of_kind(run, source, copy, "hedge-added")]
    assert ("definitely", "potentially") in found


def test_likelihood_words_of_one_strength_are_no_hedge_change(run):
    source = LEAD + "The storm may reach the northern islands by Friday evening, forecasters warned on Tuesday."
    copy = LEAD + "The storm might reach the northern islands by Friday evening, forecasters warned on Tuesday."
    swaps = [c for k in ("hedge-removed", "hedge-added") for c in changes_of_kind(run, source, copy, k)]
    assert not [c for c in swaps if (c.before, c.after) == ("may", "might")]


def test_a_quotation_given_to_others_is_an_attribution_moved(run):
    source = LEAD + '"We will rebuild every school that the river destroyed this spring," Mayor Anna Kowalski said.'
    copy = LEAD + "City officials said that they would rebuild every school that the river destroyed this spring."
    moved = changes_of_kind(run, source, copy, "attribution-moved")
    assert [(c.before, c.after) for c in moved] == [("Anna Kowalski", "City officials (said)")]
    assert not changes_of_kind(run, source, copy, "attribution-added")


def test_a_quotation_kept_by_its_speaker_is_no_attribution_change(run):
    source = LEAD + '"We will rebuild every school that the river destroyed this spring," Mayor Anna Kowalski said.'
    copy = LEAD + "Mayor Anna Kowalski said that they would rebuild every school that the river destroyed this spring."
    assert not changes_of_kind(run, source, copy, "attribution-moved")
    assert not changes_of_kind(run, source, copy, "attribution-added")


def test_a_quotation_put_in_the_copys_own_words_elsewhere_is_reworded(run):
    source = (
        LEAD + "Rain fell for most of the week across the county.\n\n"
        '"The volunteers are heroes. They rescued families from the flooded cellars," Mayor Anna Kowalski said.'
    )
    copy = (
        "Mayor Anna Kowalski called the volunteers heroes who rescued families from flooded cellars.\n\n"
        + LEAD
        + "Rain fell for most of the week across the county."
    )
    found = [c for c in changes_of_kind(run, source, copy, "quote-reworded") if "own words" in c.detail]
    assert [c.after for c in found] == [
        "Mayor Anna Kowalski called the volunteers heroes who rescued families from flooded cellars."
    ]


def test_a_sentence_sharing_one_word_with_a_quotation_is_no_rewording_of_it(run):
    source = LEAD + '"The volunteers are heroes. They rescued families from the cellars," Mayor Anna Kowalski said.'
    copy = LEAD + "Mayor Anna Kowalski will stand for election again next spring, her office confirmed on Monday."
    assert not [c for c in changes_of_kind(run, source, copy, "quote-reworded") if "own words" in c.detail]


def test_a_count_whose_following_words_differ_is_compared_by_its_noun(run):
    source = LEAD + "The witness testified for three days, telling the court she never saw the contract."
    copy = LEAD + "Over four days on the stand in the county court, the witness said she never saw any contract."
    found = [(c.before, c.after) for c in changes_of_kind(run, source, copy, "number-changed")]
    assert ("3", "4") in found


def test_a_date_or_two_counts_of_one_noun_are_no_count_changed(run):
    source = LEAD + "The fair opened on 19 November with 40 stalls and 12 stalls more in the car park."
    copy = LEAD + "The fair opened on 20 November, and traders said business was slow all weekend."
    assert not [c for c in changes_of_kind(run, source, copy, "number-changed") if "stalls" in c.detail]
    assert not [c for c in changes_of_kind(run, source, copy, "number-changed") if "november" in c.detail]


def test_a_body_named_by_its_initials_is_the_same_source(run):
    source = LEAD + "The Northern Rivers Authority said the dam had been inspected twice since the spring floods."
    copy = LEAD + "The NRA said the dam had been inspected twice since the spring floods."
    assert not changes_of_kind(run, source, copy, "attribution-moved")


def test_initials_that_are_not_the_name_are_another_source(run):
    source = LEAD + "The Northern Rivers Authority said the dam had been inspected twice since the spring floods."
    copy = LEAD + "The BBC said the dam had been inspected twice since the spring floods."
    assert changes_of_kind(run, source, copy, "attribution-moved")


def test_a_quantifier_of_another_strength_before_the_same_noun_is_a_number_changed(run):
    source = LEAD + "Most residents of the valley had left their homes before the river burst its banks."
    copy = LEAD + "All the residents of the valley had left their homes before the river burst its banks."
    found = [(c.before, c.after) for c in changes_of_kind(run, source, copy, "number-changed")]
    assert ("Most residents", "All the residents") in found


def test_quantifiers_of_one_strength_or_before_other_nouns_are_no_change(run):
    source = LEAD + "Many residents said some shops had closed before the river burst its banks on Sunday."
    copy = LEAD + "Numerous residents said all roads had closed before the river burst its banks on Sunday."
    assert not changes_of_kind(run, source, copy, "number-changed")


def test_a_reporting_verb_of_another_stance_is_a_loaded_word(run):
    source = LEAD + "The mayor said the bridge repairs would be finished before the winter storms arrived."
    copy = LEAD + "The mayor contended the bridge repairs would be finished before the winter storms arrived."
    found = changes_of_kind(run, source, copy, "loaded-word")
    assert [(c.before, c.after) for c in found if "distancing" in c.detail] == [("said", "contended")]


def test_reporting_verbs_of_one_stance_or_nouns_are_no_loaded_word(run):
    source = LEAD + "The mayor told reporters that the state would pay for the bridge repairs next spring."
    copy = LEAD + "The mayor explained to reporters that the state would pay for the bridge repairs next spring."
    assert not changes_of_kind(run, source, copy, "loaded-word")


def test_an_open_question_stated_as_fact_is_a_hedge_removed(run):
    source = LEAD + "The ministry had not yet decided whether to close the old bridge to heavy lorries this winter."
    copy = LEAD + "The ministry has decided to close the old bridge to heavy lorries this winter, officials say."
    removed = changes_of_kind(run, source, copy, "hedge-removed")
    assert any(c.before and c.before.startswith("whether to close") for c in removed)


def test_a_question_made_a_statement_and_back(run):
    question = LEAD + "Will the flooded mine reopen before the end of the year after the pumps were repaired?"
    statement = LEAD + "The flooded mine will reopen before the end of the year after the pumps were repaired."
    assert any(
        c.before and c.before.endswith("repaired?") for c in changes_of_kind(run, question, statement, "hedge-removed")
    )
    assert changes_of_kind(run, statement, question, "hedge-added")


def test_a_question_kept_open_or_quoted_is_no_hedge_change(run):
    source = LEAD + "Inspectors are still checking whether the fire at the warehouse was started on purpose."
    copy = LEAD + "Inspectors are still examining whether the blaze at the warehouse was started on purpose."
    assert not changes_of_kind(run, source, copy, "hedge-removed")
    quoted = LEAD + '"Who will pay for the repairs to the old school roof?" the head teacher asked the council.'
    told = LEAD + '"Who will pay for the repairs to the old school roof," the head teacher asked the council.'
    assert not [c for c in changes_of_kind(run, quoted, told, "hedge-removed") if "leaves open" in c.detail]


def test_a_conceded_alternative_is_no_open_question():
    from reportedly.provenance.diff import _concessive

    assert _concessive("Regardless of whether the port reopens, the firm will pay", len("Regardless of "))
    assert _concessive("Whether or not the port reopens, the firm will pay", 0)
    assert not _concessive("The board had not decided whether or not to sell", len("The board had not decided "))


def test_an_ly_adjective_of_frequency_is_no_adverb():
    from reportedly.provenance.diff import _adverb

    assert not _adverb("weekly") and not _adverb("assembly") and not _adverb("elderly")
    assert _adverb("sexually") and _adverb("flatly")


def test_one_figure_qualifier_put_for_another_of_its_side_is_no_hedge_change():
    from reportedly.provenance.diff import _adverbs, _qualifiers

    def kinds(before, after):
        return sorted((c.kind, c.before or c.after) for c in _qualifiers(before, after, (0, 1), (0, 1), []))

    # "nearly" and "almost" both put the number under the figure; "about" and "around" both estimate it
    assert kinds("Turnout was nearly 80 percent in the north.", "Turnout in the north hit almost 80 percent.") == []
    assert kinds("The plant employs about 900 people.", "The plant employs around 900 people.") == []
    # a bound of the other side, or one dropped, still changes the claim
    assert kinds("The plant employs at least 900 people.", "The plant employs less than 900 people.") == [
        ("hedge-added", "less than"),
        ("hedge-removed", "at least"),
    ]
    assert kinds("Turnout was nearly 80 percent.", "Turnout was 80 percent.") == [("hedge-removed", "nearly")]

    class Doc:
        def __init__(self, text):
            self.text, self.language, self.quotes = text, "en", []

    # an -ly qualifier is the qualifiers' to report, not an adverb of manner
    src, cp = Doc("The fine is nearly $22 million, the agency said."), Doc("The fine is $22 million, the agency said.")
    assert _adverbs(src, cp, (0, len(src.text)), (0, len(cp.text)), []) == []
