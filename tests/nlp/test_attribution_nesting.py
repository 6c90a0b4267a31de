"""Speakers of quotes that another clause follows: a cue in a subordinate clause hung on the quoted word, or deeper in
such a clause; a cue in a coordinate clause with a subject of its own; a fronted preposition the parser made a subject;
a participle the parser hung on the recipient of what was sent; "opine"; a term quoted inside a tag; a participle's
aside between the speaker and the cue; a purpose clause's cue."""

from __future__ import annotations


def speakers(run, text):
    return [(q.text, q.speaker) for q in run(text).quotes]


def test_a_cue_in_a_clause_hung_on_the_quoted_word_is_not_its_cue(run):
    got = speakers(
        run,
        "Airline chief Dana Reyes accused the Gazette of “inventing” the figures on Monday after the paper reported "
        "that the carrier is cutting its regional routes.",
    )
    assert got == [("inventing", "Dana Reyes")]


def test_a_cue_deeper_in_such_a_clause_is_not_its_cue_either(run):
    got = speakers(
        run,
        "Airline chief Dana Reyes accused the Gazette of “inventing” the figures on Monday after the paper published "
        "a story claiming the carrier is cutting its regional routes.",
    )
    assert got == [("inventing", "Dana Reyes")]


def test_a_cue_in_a_coordinate_clause_with_its_own_subject_is_not_its_cue(run):
    got = speakers(
        run,
        "The governor called the new tax “unfair” in a speech on Thursday, and two opposition senators have called "
        "for a vote on it.",
    )
    assert got == [("unfair", "The governor")]


def test_a_cue_in_a_coordinate_clause_without_a_subject_keeps_the_quote(run):
    got = speakers(run, "The governor called the tax “unfair” and said she would veto it.")
    assert got == [("unfair", "The governor")]


def test_a_fronted_preposition_is_never_the_speaker(run):
    # the parser makes "Of" the subject and "Martin" a coordinate of "Jones", or "Okafor" an apposition of "Brandt"
    # and the verb subjectless: the name after the preposition's object speaks either way
    got = speakers(run, "Of Jones, Martin, who has donated to the governor, said, “He is honest. I think he is fair.”")
    assert [s for _, s in got] == ["Martin"]
    got = speakers(
        run,
        "Of Brandt, Okafor, who has coached in the league for a decade, said, “He is demanding. I think he is the "
        "right man for this club.”",
    )
    assert [s for _, s in got] == ["Okafor"]


def test_opine_is_a_cue(run):
    got = speakers(run, "“Drivers should leave their cars at home this weekend,” opined Denver’s Evening Ledger.")
    assert [s for _, s in got] == ["Denver’s Evening Ledger"]


def test_a_participle_hung_on_the_recipient_is_said_by_the_sender(run):
    got = speakers(
        run,
        "Her union quickly sent an email to members stating, “Council Votes Down Pay Deal for Third Time.”",
    )
    assert [s for _, s in got] == ["Her union"]


def test_a_term_quoted_inside_a_tag_after_the_quote_does_not_end_the_tag(run):
    got = speakers(
        run,
        "“We have had better years than this one,” Ohio delegate Tom Baker, wearing a red hat and “Vote Smith” pins, "
        "said quietly as the band played.",
    )
    # the pins' slogan is a term in the tag, no quotation of its own
    assert got == [("We have had better years than this one,", "Tom Baker")]


def test_a_purpose_clause_cue_is_said_by_the_subject_of_its_verb(run):
    got = speakers(
        run, "The reporter beside me, Sam Berg, interrupted me in mid-sentence to announce, “And there goes the team.”"
    )
    assert [s for _, s in got] == ["Sam Berg"]


def test_a_tag_after_quoted_words_in_a_coordination_stays_their_tag(run):
    # the parser may coordinate "told" with the verb before the marks: without a conjunction after them, it is the tag
    got = speakers(
        run, "People should show proof and not toss around words like “maybe” and “perhaps”, he told reporters."
    )
    assert got[-1] == ("perhaps", "he")


def test_a_surname_the_tagger_read_as_a_preposition_still_speaks(run):
    got = speakers(run, "“We have to win the middle,” From said. Al From founded the council in 1985.")
    assert [s for _, s in got] == ["From"]
