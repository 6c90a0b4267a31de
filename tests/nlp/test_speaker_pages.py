"""Speakers on scraped pages (session 32): a dateline run into the subject, a company the tagger missed named again by
a description, a role's words before a name, a statement read out by someone else, a cue verb run into a name, a name
at the end of an organisation the tagger made of a role, a quote sheet's bracketed topics, a first name's gender that
is only a guess, and a clause quoted after "that" inside reported speech."""

from __future__ import annotations


def test_dateline_before_a_company_is_no_part_of_its_name(run):
    text = (
        "OSLO (Reuters) - Fjordhavn said on Monday it would cut 300 jobs, as the shipping firm seeks to save money.\n"
        "“This reduction is painful but necessary for the future of the business,” the Oslo-based company added."
    )
    a = run(text)
    assert a.quotes[0].speaker == "Fjordhavn"


def test_role_words_before_a_name_let_a_description_name_the_person(run):
    text = (
        "Riverside Fire Department Chief Tomas Brandt held a briefing on Friday.\n\n"
        "The fire chief also said he shares the families' “anger” about the delay.\n\n"
        "“Nobody should have waited that long,” he said."
    )
    speakers = {q.text.strip("“”,."): q.speaker for q in run(text).quotes}
    assert speakers["Nobody should have waited that long"] == "Tomas Brandt"


def test_statement_read_out_by_someone_else_is_its_authors(run):
    text = (
        "Chief Tomas Brandt read a statement that the family's lawyer, Ingrid Holm, provided to police on Monday.\n\n"
        "“My clients ask for privacy while they grieve,” the statement as read by Brandt said."
    )
    assert run(text).quotes[0].speaker == "Ingrid Holm"


def test_inverted_cue_run_into_a_name_is_cut_off(pipeline):
    from spacy.tokens import Span

    from reportedly.nlp.entities import _repaired
    from reportedly.rules import load

    doc = pipeline("Said Amazon spokesperson Kelly Nantel in a statement, “We do not take these decisions lightly.”")
    assert doc[0].tag_ == "VBD"
    assert _repaired(Span(doc, 0, 2, label="PERSON"), load("en")).label_ == "MISC"  # "Amazon" alone: no person
    assert _repaired(Span(doc, 0, 3, label="PERSON"), load("en")).text == "Amazon spokesperson"


def test_name_at_the_end_of_a_role_tagged_as_an_organisation_is_a_person(pipeline):
    from spacy.tokens import Span

    from reportedly.nlp.entities import _repaired
    from reportedly.rules import load

    doc = pipeline("The news came via SVP of Devices & Services Dave Limbo, whose unit makes speakers.")
    fixed = _repaired(Span(doc, 4, 11, label="ORG"), load("en"))
    assert (fixed.text, fixed.label_) == ("Dave Limbo", "PERSON")
    kept = _repaired(Span(doc, 6, 9, label="ORG"), load("en"))  # "Devices & Services": no name, no role
    assert (kept.text, kept.label_) == ("Devices & Services", "ORG")


def test_quote_sheet_with_bracketed_topics_under_a_coach_heading(run):
    text = (
        "Head Coach Mike Johnson\n\n"
        '(opening statement)"No injuries to report. It was a hard game and our guys found a way to win it."\n\n'
        '(on the kicker)"No doubt, it\'s huge. He was on fire today and we are glad we got him."'
    )
    quotes = run(text).quotes
    assert [q.speaker for q in quotes] == ["Mike Johnson", "Mike Johnson"]


def test_guessed_gender_of_a_first_name_yields_to_the_pronouns(run):
    # "Bernie" is mostly a woman's name in the name lists; two "he" where Sandoval is the only one named say otherwise
    text = (
        "Senator Bernie Sandoval spoke to reporters on Tuesday and said he was tired. During the interview, "
        "Jonathan Kerr asked whether Sandoval would run again. Sandoval responded politely, praising his colleagues.\n"
        "“Right now, we have a whole lot of good people in the Congress,” he replied."
    )
    assert run(text).quotes[0].speaker == "Bernie Sandoval"


def test_clause_quoted_after_that_inside_reported_speech_is_the_inner_speakers(run):
    text = (
        "Fire Chief Brad Wessel said crews were sent to the house at 7 p.m. He said the caller soon after told the "
        "dispatcher that “now everything is burning.”"
    )
    q = run(text).quotes[0]
    assert q.speaker == "the caller"


def test_surname_tagged_as_an_organisation_that_he_stands_for_is_a_person(run):
    text = (
        "Kiptum and compatriot Daniel Mateiko broke away from the pack by the 10km mark.\n\n"
        "Running in only his third marathon, Kiptum made it a one-man race at 35 kilometres as he shifted gear.\n\n"
        "“I saw the time in front of me and I said let me try,” he said."
    )
    assert run(text).quotes[0].speaker == "Kiptum"


def test_only_a_dateline_ends_before_its_dash(pipeline):
    from reportedly.nlp.sources import _after_dateline

    doc = pipeline.make_doc("NEW YORK (Reuters) - WeWork said it would cut jobs.")
    assert _after_dateline(doc, 0, 6) == 6  # "WeWork"
    doc = pipeline.make_doc("Deborah Jordan Reynolds - Santilli's girlfriend - told the Post he left.")
    girlfriend = next(t.i for t in doc if t.text == "girlfriend")
    assert _after_dateline(doc, 0, girlfriend) == 0  # a name and its aside, no dateline


def test_pronouns_of_someone_unnamed_do_not_change_a_guessed_gender(run):
    text = (
        "Chris Halvorsen began the morning by begging a woman who said she was undecided to vote for him. After he "
        "answered her, she said he had her vote.\n“We are going to win this state,” he said."
    )
    assert run(text).quotes[0].speaker == "Chris Halvorsen"


def test_quote_under_a_law_is_the_laws(run):
    text = (
        "She was charged with two misdemeanors on Friday.\n\n"
        "Under state law, a person is guilty of false reporting if he or she “knowingly makes a false report to law "
        "enforcement authorities of a crime.”"
    )
    q = run(text).quotes[0]
    assert (q.speaker, q.speaker_type) == ("state law", "document")


def test_relatives_noun_before_a_name_the_parser_joined_with_a_comma_gives_the_gender(run):
    text = (
        "Bruce Willis is stepping away from acting.\n\n"
        "In a post on Instagram, Willis’ daughter, actress Rumer Willis, wrote that he her father has “been "
        "experiencing some health issues.” Because of that, she continued “Bruce is stepping away from the career.”"
    )
    quotes = run(text).quotes
    assert quotes[-1].speaker == "Rumer Willis"


def test_words_in_a_statement_read_out_are_its_authors(run):
    text = (
        "Chief Tomas Brandt read a statement that the family's lawyer, Ingrid Holm, provided to police on Monday "
        "confirming that “there was no kidnapping.”"
    )
    assert run(text).quotes[0].speaker == "Ingrid Holm"


def test_a_jobs_initials_after_the_name_the_person_who_holds_the_job(run):
    """A job's initials ("the CFO", "the COO"), which the tagger takes for an organisation's name, describe the person
    introduced with the job in full (rules/en/role_abbreviations.tsv), as "the chief executive" does."""
    for job, initials in (("chief financial officer", "CFO"), ("chief operating officer", "COO")):
        text = (
            "Brightwell Foods said on Monday that profits fell.\n\n"
            f"“We expect a better year,” {job} Maren Olsen said in a statement.\n\n"
            f"“Costs will come down,” the {initials} told reporters."
        )
        assert [q.speaker for q in run(text).quotes] == ["Maren Olsen", "Maren Olsen"], initials


def test_a_jobs_initials_with_no_one_holding_the_job_stay_as_written(run):
    text = "Brightwell Foods said on Monday that profits fell.\n\n“Costs will come down,” the CFO told reporters."
    assert [q.speaker for q in run(text).quotes] == ["CFO"]


def test_initials_with_several_readings_name_the_holder_of_either_job(run):
    """Initials with more than one reading (rules/en/role_abbreviations.tsv: "CIO" is chief information or chief
    investment officer) let the later description in either reading name the person introduced by the initials."""
    for reading in ("chief investment officer", "chief information officer"):
        text = (
            "Harrow Capital said on Monday that its fund lost money.\n\n"
            "“We were too slow to sell,” said CIO Maren Olsen in a statement.\n\n"
            f"“The fund will recover,” the {reading} told reporters."
        )
        assert [q.speaker for q in run(text).quotes] == ["Maren Olsen", "Maren Olsen"], reading
