"""Reported speech and sourcing, with source types."""

from __future__ import annotations

import pytest


def attributions(run, text):
    return [(a.source, a.source_type, a.cue, a.content) for a in run(text).attributions]


@pytest.mark.parametrize(
    "text, source, source_type, cue",
    [
        ("Reuters reported that the company would cut 500 jobs.", "Reuters", "media", "reported"),
        ("The company will cut 500 jobs, according to a statement.", "a statement", "document", "according to"),
        ("Officials said the bridge would stay closed until spring.", "Officials", "unnamed", "said"),
        ("The Pentagon said the strike had killed two militants.", "Pentagon", "government", "said"),
        ("Microsoft said it would appeal the ruling.", "Microsoft", "organization", "said"),
        ("Russia has claimed that its forces captured the town.", "Russia", "government", "has claimed"),
        ("According to police, the driver was not injured.", "police", "government", "according to"),
    ],
)
def test_source_and_type(run, text, source, source_type, cue):
    got = attributions(run, text)
    assert got, text
    assert got[0][:3] == (source, source_type, cue)


def test_according_to_in_the_middle_makes_discontinuous_content(run):
    got = run("The strikes, according to Heyman, were successful in Syria.").attributions
    assert len(got) == 1
    assert len(got[0].content_spans) == 2
    assert got[0].content == "The strikes were successful in Syria"


def test_media_outlet_behind_a_document(run):
    got = run("Israel relayed the data, according to a Yahoo News article earlier this year.").attributions
    assert got[0].source == "Yahoo News" and got[0].source_type == "media"
    assert got[0].source_mention.text == "a Yahoo News article"


def test_narrator_first_person_is_not_a_source(run):
    assert run("I said that the vote would be close, and it was.").attributions == ()


def test_negated_cue_is_not_an_attribution(run):
    assert run("The minister did not say that taxes would rise next year.").attributions == ()


def test_hedged_attribution(run):
    got = run("The general said the strike was reportedly carried out by drones.").attributions
    assert got and got[0].hedged


def test_participle_cue_takes_the_main_subject(run):
    got = run("Senator Mark Hill issued a statement on Monday, saying that the bill would hurt farmers.").attributions
    assert got and got[0].source == "Mark Hill" and got[0].cue == "saying"
    assert got[0].content == "the bill would hurt farmers"


def test_transcript_turns_belong_to_the_speaker_named_in_capitals(run):
    text = (
        "Fox News Sunday, a transcript.\n\n"
        "CHRIS WALLACE: Let us start with the debate story. What did you make of it?\n\n"
        '"PENCE: Well, look, this is serious business for the whole country.\n\n'
        "WALLACE: Governor, I want to ask you about the polls now.\n\n"
        "Mike Pence is the running mate.\n\n"
        "UPDATE: The story was changed at noon today.\n\n"
        "LONDON: The prime minister resigned on Thursday.\n\n"
        "PARIS: Meta will lay off more than 11,000 of its staff, the company said on Wednesday."
    )
    a = run(text)
    assert [(t.source, t.content) for t in a.attributions if t.cue == ":"] == [
        ("CHRIS WALLACE", "Let us start with the debate story. What did you make of it?"),
        ("Mike Pence", "Well, look, this is serious business for the whole country."),
        ("WALLACE", "Governor, I want to ask you about the polls now."),
    ]
    assert [q.speaker for q in a.quotes] == ["Mike Pence"]  # the quoted turn


def test_a_second_speech_act_is_not_part_of_the_first_content(run):
    text = (
        "Ms. Lane said fathers would not be eligible for the leave, and when pressed on why, "
        "her aide replied that the plan was still being written."
    )
    got = {a.cue: a.content for a in run(text).attributions}
    assert got["said"] == "fathers would not be eligible for the leave"


def test_a_participle_of_speech_after_the_content_is_reported_on_its_own(run):
    text = "Senator Hill said he did not believe the attacks worked, arguing that the divisions were a bigger hurdle."
    got = {a.cue: a.content for a in run(text).attributions}
    assert got["said"] == "he did not believe the attacks worked"
    assert got["arguing"] == "the divisions were a bigger hurdle"


def test_the_content_follows_the_cue_not_the_sentence_before_a_colon(run):
    text = "The news set off another round of fireworks on Friday: Republicans said the department mishandled the case."
    got = [(a.source, a.content) for a in run(text).attributions if a.cue == "said"]
    assert got == [("Republicans", "the department mishandled the case")]


@pytest.mark.parametrize(
    "text",
    ["Another 19 percent said they would not pick either candidate.", "Only 12 per cent said the plan would work."],
)
def test_a_share_of_those_polled_is_a_source(run, text):
    got = run(text).attributions
    assert got and got[0].cue == "said"


def test_a_date_still_never_speaks(run):
    assert not [a for a in run("More than a year later said that the results were surprising.").attributions]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Senator Hill has called for the complete repeal of the law.", "has called", "the complete repeal of the law"),
        ("The campaign called the charges unsubstantiated.", "called", "the charges unsubstantiated"),
        ("Strada accused the government of attempting to intimidate the families.", "accused", None),
        ("The mayor cited a sharp rise in violent crime.", "cited", "a sharp rise in violent crime"),
    ],
)
def test_speech_whose_content_is_its_object(run, text, cue, content):
    got = {a.cue: a.content for a in run(text).attributions}
    assert cue in got
    assert content is None or got[cue] == content


def test_a_phone_call_is_no_speech(run):
    assert run("She called her mother on Sunday.").attributions == ()


@pytest.mark.parametrize(
    "text, source, word",
    [
        (
            "The plan was criticised by David Kamin, a law professor, who emphasized that her proposals would "
            "simplify returns.",
            "David Kamin",
            "who",
        ),
        (
            "The European Union, which contended that Ireland undertaxed the company, ordered a refund.",
            "European Union",
            "which",
        ),
        ("Senator Bob Casey, who left the room and said the bill was dead, spoke later.", "Bob Casey", "who"),
    ],
)
def test_a_relative_clause_cue_is_said_by_its_pronoun_for_its_antecedent(run, text, source, word):
    got = run(text).attributions
    assert got and got[0].source == source
    mention = got[0].source_mention
    assert (mention.text, mention.kind) == (word, "pronoun")
    assert text[mention.start : mention.end] == word


def test_a_plain_subject_is_its_own_mention(run):
    got = run("David Kamin, a law professor, emphasized that her proposals would simplify returns.").attributions
    assert got and got[0].source_mention.text == "David Kamin"


def test_a_pronoun_in_a_fronted_clause_points_to_the_named_subject_after_it(run):
    text = (
        "Harsh Patel runs a blog. Back when he wrote his book, Tom McKinley said that he considered debt a last resort."
    )
    got = run(text).attributions
    assert [(a.source, a.cue, a.content) for a in got] == [("Tom McKinley", "said", "he considered debt a last resort")]


def test_the_that_clause_of_another_speakers_verb_is_not_this_cues_content(run):
    got = run("When she wrote her memoir, Ann Lee said that the war had changed her.").attributions
    assert [a.cue for a in got] == ["said"]


def test_a_headline_giving_a_claim_to_a_person_is_their_claim(run):
    text = "Sanders: Clinton needs to drop the personality stuff\n\nSen. Bernie Sanders spoke on Monday in Ohio."
    got = attributions(run, text)
    assert [(src.split()[-1], cue, content) for src, _, cue, content in got] == [
        ("Sanders", ":", "Clinton needs to drop the personality stuff")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Poll: Clinton and Trump in dead heat before the first debate\n\nThe poll came out on Monday.",
        "Update: The bridge has reopened to traffic this morning\n\nCrews worked all night.",
    ],
)
def test_a_headline_label_that_names_no_person_gives_no_claim(run, text):
    assert all(cue != ":" for _, _, cue, _ in attributions(run, text))


def test_a_headline_label_the_tagger_alone_takes_for_a_person_gives_no_claim(run):
    text = "Meta Layoffs: Firm Offers Immigration Help To Visa Holders\n\nMeta cut 11,000 jobs on Wednesday."
    assert all(cue != ":" for _, _, cue, _ in attributions(run, text))


@pytest.mark.parametrize(
    "text, source",
    [
        ("The Labour Party met in Leeds on Monday. They said the plan would fail.", "Labour Party"),
        ("Protesters gathered outside Google on Monday. They said the plan would destroy their homes.", "They"),
        (
            "Google rejected the claim on Monday. Jane Smith, a lawyer at the firm, disagreed. They said the plan "
            "would fail.",
            "They",
        ),
    ],
)
def test_they_stands_for_the_organisation_that_is_the_nearest_subject_else_an_unnamed_group(run, text, source):
    got = attributions(run, text)
    assert [(src, cue) for src, _, cue, _ in got if cue == "said"] == [(source, "said")]


def test_a_phrase_between_the_object_and_its_complement_belongs_to_the_object(run):
    got = attributions(run, "At the forum, Clinton called her vote in favor of the Iraq War a mistake.")
    assert [(src, cue, content) for src, _, cue, content in got] == [
        ("Clinton", "called", "her vote in favor of the Iraq War a mistake")
    ]


@pytest.mark.parametrize(
    "text, source, content",
    [
        (
            "President Obama responded to the mother on Wednesday by saying the issue was manufactured.",
            "President Obama",
            "the issue was manufactured",
        ),
        (
            "He was criticised for saying that green coffee extract cured every body type.",
            "He",
            "green coffee extract cured every body type",
        ),
    ],
)
def test_a_gerund_after_a_preposition_speaks_for_the_subject_of_its_verb(run, text, source, content):
    got = run(text)
    assert [(a.source_mention.text, a.content) for a in got.attributions] == [(source, content)]


@pytest.mark.parametrize(
    "text",
    [
        "It goes without saying that the new tax plan will hurt small farmers.",
        "The senator left the hall without saying that the vote had been delayed.",
    ],
)
def test_a_gerund_after_without_says_nothing(run, text):
    assert run(text).attributions == ()


@pytest.mark.parametrize(
    "text",
    [
        "The council called an emergency meeting to discuss the flood on Monday.",
        "The governor called a special election for the vacant seat in March.",
        "His nonprofit group, called the River Legacy Fund, will still own the farm until it pays back the loan.",
    ],
)
def test_calling_a_meeting_or_a_name_is_no_speech(run, text):
    assert run(text).attributions == ()


def test_an_adjective_the_parser_hung_on_the_object_is_still_the_complement(run):
    got = attributions(run, "Officials called the charges totally unsubstantiated.")
    assert [(src, cue, content) for src, _, cue, content in got] == [
        ("Officials", "called", "the charges totally unsubstantiated")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reed continues to dominate the field despite the attacks on his record.",
        "For the governor, the farm bill proved to be a safe place to spend the money.",
        "Clinton relies on a group of surrogates who are expected to be increasingly visible in March.",
    ],
)
def test_an_infinitive_after_a_raising_verb_or_a_passive_is_no_content(run, text):
    assert run(text).attributions == ()


def test_the_cue_a_raising_verb_takes_speaks_for_its_subject(run):
    text = "The nominee continues to insist, most recently in an interview, that he wants to release his returns."
    got = [(a.source, a.content) for a in run(text).attributions]
    assert got == [("The nominee", "he wants to release his returns")]


# issue 10, class 3: an outlet's tag appended to a sentence that already gives its content a source ("..., Reuters
# writes") only reports it; the inner source keeps the claim and the quotation in it


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "According to the Grain Council, the pesticide is “possibly harmful” to bees, Reuters writes.",
            "Grain Council",
        ),
        (
            "The pesticide is “possibly harmful” to bees, the Grain Council said on Friday, Reuters writes.",
            "Grain Council",
        ),
        (
            "The Grain Council, which reviewed the data, classed the pesticide as “possibly harmful” to bees, the BBC "
            "reports.",
            "Grain Council",
        ),
    ],
)
def test_an_outlets_tag_after_a_sourced_sentence_only_reports(run, text, speaker):
    a = run(text)
    assert [q.speaker for q in a.quotes] == [speaker]
    outlet = [t for t in a.attributions if t.source_type == "media"]
    assert outlet and all(t.cue_kind == "sourcing" for t in outlet)
    # the quotation's speaker (asserted above) keeps it; no attribution of another source carries the outlet's tag
    others = [t for t in a.attributions if t.source_type != "media"]
    assert all("Reuters" not in t.content and "BBC" not in t.content for t in others)


def test_an_outlets_tag_on_an_unsourced_sentence_still_speaks(run):
    a = run("Prices will rise sharply this winter, the BBC reports.")
    assert [(t.source, t.cue_kind) for t in a.attributions] == [("BBC", "speech")]


def test_an_outlet_citing_a_source_only_reports_it(run):
    a = run("The pesticide is “possibly harmful” to bees, Reuters reported, citing the Grain Council.")
    assert [q.speaker for q in a.quotes] == ["Grain Council"]
    assert sorted((t.source, t.cue_kind) for t in a.attributions) == [
        ("Grain Council", "sourcing"),
        ("Reuters", "sourcing"),
    ]
