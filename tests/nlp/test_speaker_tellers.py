"""Who speaks when the parser offers two: a cue with two subjects (the one next to the verb speaks, the other is an
apposition in a phrase between), and an "it" that speaks after a clause someone else told (it goes on for the teller,
not for the clause's subject)."""

from __future__ import annotations

import pytest


def test_subject_after_an_intermediary_phrase_is_no_speaker(run):
    text = (
        "“We care deeply for the four families who have lost their children,” said the family through their son's "
        "lawyer, Jonas Brekke."
    )
    q = run(text).quotes[0]
    assert q.speaker == "the family"


def test_subject_named_with_a_comma_is_still_the_speaker(run):
    text = "“The deal is done and the money is there,” said co-owner Dario Vitale, who bought the club last year."
    assert "Dario Vitale" in (run(text).quotes[0].speaker or "")


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            'According to the Daily Courier, the law "gives tenants a set of rights over their homes." It adds the '
            'landlords "have not told the tenants what the new rules are about."',
            "Daily Courier",
        ),
        (
            "Brixton Motors said the ministry had approved the plan. It added that the deal "
            "“would create thousands of jobs across the region.”",
            "Brixton Motors",
        ),
        (
            "The watchdog said Veltro Systems had suffered a data breach on March 20. It said there was no legal basis "
            "for “the mass collection and storage of the personal data of its users.”",
            "watchdog",
        ),
    ],
)
def test_it_that_speaks_goes_on_for_the_teller(run, text, speaker):
    q = run(text).quotes[-1]
    assert speaker in (q.speaker or "")


def test_it_that_says_after_according_to_is_the_sentence_subject(run):
    text = (
        "According to Reuters, the Nordvik Bank plans to cut 500 jobs. It said the cuts “will be painful for "
        "everyone at every level of the bank.”"
    )
    assert run(text).quotes[0].speaker == "Nordvik Bank"


def test_it_after_a_plain_subject_is_that_organisation(run):
    text = (
        "The Nordvik Bank cut its forecast on Monday. It said sales would “fall sharply in the months to come, "
        "as they did last year.”"
    )
    q = run(text).quotes[0]
    assert "Nordvik Bank" in (q.speaker or "")


def test_quote_inside_an_aside_between_dashes_is_not_signed_by_the_dash(run):
    text = (
        "As Tove Lindahl spoke to her supporters — promising to “govern a country in a very difficult situation” — "
        "Per Askeland had yet to concede the election."
    )
    q = run(text).quotes[0]
    assert q.speaker == "Tove Lindahl"


def test_dash_after_a_quote_still_signs_it(run):
    text = "Readers wrote in after the debate. “He can’t even answer a question without scaring people.” ― Esther Tapia"
    assert run(text).quotes[0].speaker == "Esther Tapia"


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Bishop Anselm Kerr is known for his outreach, starting with his famous “Who am I to judge” comment in "
            "2013 about a priest.",
            "Anselm Kerr",
        ),
        (
            "Senator Ada Lindqvist spoke for an hour. Her “we will not back down from this fight” line drew the "
            "loudest cheers.",
            "Ada Lindqvist",
        ),
    ],
)
def test_possessor_of_a_remark_speaks_the_quote_before_it(run, text, speaker):
    assert run(text).quotes[0].speaker == speaker


def test_quote_after_a_remark_noun_is_not_the_possessors(run):
    text = "The mayor answered the critics. His answer to “why did the city wait so long to act” was short."
    assert run(text).quotes[0].speaker is None


def test_bare_surname_is_not_the_relative_introduced_under_it(run):
    text = (
        "Steve Marquardt said he was not ready to talk about the case. Marquardt's daughter, Kaylee Marquardt, was "
        "killed in November. “The little coward finally got caught running,” said Marquardt, who had called the "
        "investigators “cowards” before."
    )
    q = run(text).quotes[0]
    assert "Steve Marquardt" in [e.name for e in run(text).entities if e.id == q.speaker_id]


def test_bare_surname_of_the_possessor_is_not_the_relative_named_in_full(run):
    text = (
        "Police said Marquardt's daughter, Kaylee Marquardt, was at home that night. “We have lost everything,” "
        "Marquardt said on Friday."
    )
    assert run(text).quotes[0].speaker == "Marquardt"


def test_he_of_a_parenthetical_cue_is_not_the_clause_subject(run):
    text = "Tom Berg met the suspect's family. Kohberger, he said, looks like a “broken soul, pitiful human being.”"
    assert run(text).quotes[0].speaker == "Tom Berg"


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "In its ruling, the regional court highlights “the lack of any information for the users whose data "
            "the firm collects”.",
            "the regional court",
        ),
        (
            "The watchdog also reproaches the firm for “the absence of any legal basis for the mass storage of "
            "personal data”.",
            "The watchdog",
        ),
        ("Finally, the council regrets “the absence of any filter” in the checks of its users.", "council"),
    ],
)
def test_highlight_reproach_and_regret_are_cues(run, text, speaker):
    assert run(text).quotes[0].speaker == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            'The father of one of the four students who were found dead said "we are on the path to justice" after '
            "a suspect was arrested.\nSteve Marquardt told reporters that he was watching a game when the news came.",
            "Steve Marquardt",
        ),
        (
            "The voting has “only one winner: the people of this country”, said the presidential candidate of the "
            "Labour Party after defeating the president Jan Horvath.\nWith all ballots counted, Eva Lund received "
            "50.9 percent of the votes.",
            "Eva Lund",
        ),
    ],
)
def test_lede_description_is_the_person_named_next(run, text, speaker):
    out = run(text)
    q = out.quotes[0]
    assert speaker in [e.name for e in out.entities if e.id == q.speaker_id]


def test_description_after_a_named_person_is_not_the_next_one_named(run):
    text = (
        "Anna Berg met the family on Friday. The father said “we are on the path to justice, at last”.\n"
        "Tom Vikander told reporters that the road would stay closed."
    )
    out = run(text)
    q = out.quotes[0]
    assert "Tom Vikander" not in [e.name for e in out.entities if e.id == q.speaker_id]


def test_possessive_role_is_the_person_who_holds_it_in_the_article(run):
    text = (
        "Mr Vikander’s public defender has said the suspect is “eager to be exonerated”.\n"
        "Monroe County Chief Public Defender Jonas Brekke said on Tuesday that the student would return."
    )
    out = run(text)
    q = out.quotes[0]
    assert "Jonas Brekke" in [e.name for e in out.entities if e.id == q.speaker_id]


def test_description_of_the_last_word_quoted_is_not_the_speaker(run):
    text = (
        "The order will mean “the provisional limitation of the processing of user data by Veltro”, the American "
        "company that created the app, the national authority for data protection said in a statement."
    )
    assert run(text).quotes[0].speaker == "the national authority for data protection"


def test_name_with_a_description_next_to_the_verb_still_speaks(run):
    assert run("“We will not give up,” Jane Roe, the mayor said on Monday.").quotes[0].speaker == "Jane Roe"


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "For one coach, the choice was clear. In a speech to his players, he praised the team.\n“We are just not "
            "finishing like a great team would,” he said.",
            "one coach",
        ),
        (
            "He agreed with the judge when she said he had been part of a conspiracy involving “corruption of public "
            "officials and fraud on a grand scale.”",
            "the judge",
        ),
        # the description's gender rules the pronoun out: "she" stays unresolved
        ("His father sat in court all week. “It was terrifying, the whole cabin shook,” she said.", "she"),
    ],
)
def test_an_unresolved_he_or_she_is_the_one_person_described_just_before(run, text, speaker):
    # before: with no named person for it, "he" / "she" stayed the speaker
    assert [q.speaker for q in run(text).quotes] == [speaker]
