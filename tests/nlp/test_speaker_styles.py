"""Speakers in house styles the cue search missed: a name signed under a quotation paragraph, "as X put it", a
statement someone released "saying" a quote, and verbs of retort."""

from __future__ import annotations

import pytest


def test_signature_on_the_line_below_names_the_speaker(run):
    text = (
        "The candidates spoke at the fair on Saturday.\n\n"
        "“We need more money for schools and for roads, and we need it now.”\n\n"
        "- Sen. Ada Lindqvist.\n\n"
        "The figure she cites is two years old."
    )
    q = run(text).quotes[0]
    assert q.speaker == "Ada Lindqvist" and q.attribution == "signature"


def test_bullet_below_a_quote_is_no_signature(run):
    text = (
        "Carl Osberg spoke at the fair on Saturday.\n\n"
        "“We need more money for schools and for roads, and we need it now.”\n\n"
        "- Mara Quist won the county vote by a wide margin."
    )
    assert run(text).quotes[0].speaker is None  # no speaker named: not the bullet's subject


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The council met for three hours. As Rosa Delacroix put it, “nobody left the room happy.”", "Rosa Delacroix"),
        ("As the columnist Henrik Vale puts it on Sunday, “the council is unmoved.”", "Henrik Vale"),
        ("As the Drifting Lanterns sang back in the 1970s, “the river never sleeps.”", "Drifting Lanterns"),
    ],
)
def test_as_clause_names_the_speaker(run, text, speaker):
    assert speaker in (run(text).quotes[0].speaker or "")


def test_statement_released_saying_is_its_issuers(run):
    text = "Mira Okafor left the firm in May. At the time, she released a statement saying, “We share their vision.”"
    assert run(text).quotes[0].speaker == "Mira Okafor"


def test_cited_poll_saying_is_not_the_citers(run):
    text = "The mayor, Ivo Brandt, cited a poll saying, “Most voters want a new bridge.”"
    assert run(text).quotes[0].speaker is None  # the poll says it, and no one speaks for the poll


@pytest.mark.parametrize("verb", ["riffed", "surmised", "demurred"])
def test_verbs_of_retort_are_cues(run, verb):
    text = f"Tom Vik made the charge on Tuesday. “The town will always be the town,” an angry Lena Marsh {verb}."
    q = run(text).quotes[0]
    assert q.speaker == "Lena Marsh" and q.cue == verb


def test_dash_glued_to_the_signed_name_is_not_part_of_it(run):
    text = "The rally ended late.\n\n“She is tested. She is ready.”\n\n-Gov. Petra Lindholm, in a tweet."
    q = run(text).quotes[0]
    assert q.speaker == "Petra Lindholm"


def test_singer_is_the_speaker_of_a_lyric(run):
    text = "Halvard Stenberg wrote the hit in 1979. In the song, Stenberg sings, “Never change to try and please me.”"
    assert run(text).quotes[0].speaker == "Halvard Stenberg"


def test_name_and_colon_label_the_quote(run):
    text = (
        "Anna Varga and Tom Hendricks both reject the term. “Our goal is to defeat the group,” Hendricks said. "
        "Varga: “The mission is to destroy the group, not to contain it.”"
    )
    assert [q.speaker for q in run(text).quotes][1:] == ["Anna Varga"]


def test_colon_glued_to_the_quote_is_read(run):
    text = "Who told you that?\n\nSenator Ilse Brandvold:“We learned that from the department and its analysis.”"
    q = run(text).quotes[0]
    assert q.text.startswith("We learned") and "Brandvold" in (q.speaker or "")


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The host kept asking about the budget. “Would the cuts hit the schools, too?” Marlow Keene pressed.",
            "Marlow Keene",
        ),
        (
            "Ines Varga had heard enough. “Sit down and wait your turn,” Otto Brenner barked and left the room.",
            "Otto Brenner",
        ),
        (
            "Lena Holm laughed at the crowd. “They are all here for the free buses,” Pavel Dorn shot back with a grin.",
            "Pavel Dorn",
        ),
        (
            "The mayor ended the hearing early. “Is the council hiding something from us?” reacted Tomas Riedl.",
            "Tomas Riedl",
        ),
    ],
)
def test_dialogue_tag_with_any_verb_names_the_speaker(run, text, speaker):
    q = run(text).quotes[0]
    assert q.speaker == speaker


def test_relative_clause_after_a_quoted_term_is_no_dialogue_tag(run):
    text = "The city looked weak before the mayor's “grand offensive,” which went through three districts last spring."
    assert all(q.speaker is None for q in run(text).quotes)


def test_following_statement_before_a_colon_is_its_subjects(run):
    text = (
        "Investigators gave no figures. Later, the senator Idris Malek issued the following statement:\n\n"
        "“Our thoughts are with the families of everyone hurt in the fire. This must not happen again.”"
    )
    q = run(text).quotes[0]
    assert q.speaker == "Idris Malek" and q.cue == "issued"


def test_past_tense_cue_after_a_long_apposition_names_the_speaker(run):
    text = (
        "Polls moved again this week. “We need a plan for the voters in the suburbs,” Nora Lindgren, the analyst "
        "who founded the survey site tweeted on Wednesday."
    )
    q = run(text).quotes[0]
    assert q.speaker == "Nora Lindgren" and q.cue == "tweeted"


def test_name_left_where_a_rewrite_dropped_the_verb_speaks_the_quote(run):
    text = (
        "The probe hit the asteroid in September.\n\n"
        "“This mission shows that the agency is ready for whatever comes at us,” agency chief Ruth Okafor. "
        "“We have proven that we are serious about it.”"
    )
    q = run(text).quotes[0]
    assert q.speaker == "Ruth Okafor" and q.attribution == "signature"


@pytest.mark.parametrize(
    "text",
    [
        "The forum was meant to be a “town hall” but mostly became short questions asked of the panel.",
        "Volunteers painted one slogan, “vote early and vote often,” a phrase linked to an old campaign, on the wall.",
    ],
)
def test_participle_on_a_noun_after_a_term_is_no_tag(run, text):
    assert all(q.speaker is None for q in run(text).quotes)


@pytest.mark.parametrize(
    "heading",
    ["JANE ROSSITER, SENIOR ANALYST, HOLBORN CAPITAL", "Jane Rossiter, senior analyst at Holborn Capital:"],
)
def test_a_speakers_heading_names_the_quote_paragraphs_below_it(run, heading):
    text = (
        "Shares of the carmaker fell 3% on Friday after the report.\n\n"
        "REACTION:\n\n"
        f"{heading}\n\n"
        "“It shows that they need to go back to the drawing board and rethink the plan.”\n\n"
        "“I just don't know that buyers are ready for a car like that one.”"
    )
    assert [q.speaker for q in run(text).quotes] == ["Jane Rossiter", "Jane Rossiter"]


def test_a_heading_without_a_persons_noun_names_no_one(run):
    text = (
        "Shares of the carmaker fell 3% on Friday after the report.\n\n"
        "Market Reaction, Live Updates\n\n"
        "“It shows that they need to go back to the drawing board and rethink the plan.”"
    )
    assert [q.speaker for q in run(text).quotes] == [None]


def test_a_raising_verb_with_its_infinitive_is_no_cue(run):
    a = run("Future policy will continue to be “guided by the data we see each month”, and the plan is set.")
    assert [q.speaker for q in a.quotes] in ([], [None])
    a = run("“We will not stop until the job is done,” she continued.")
    assert [(q.speaker, q.cue) for q in a.quotes] == [("she", "continued")]


def test_a_colon_after_a_reported_clause_gives_the_quote_to_the_one_who_said_it(run):
    text = (
        "Speaking before the news, Carla Munt said the bank had to go big:\n\n"
        "“When you look at the situation, inflation is far too high for a small step.”"
    )
    assert [q.speaker for q in run(text).quotes] == ["Carla Munt"]


def test_a_heading_reaches_no_further_than_a_quote_with_its_own_tag_and_a_byline_is_no_heading(run):
    text = (
        "Shares of the carmaker fell 3% on Friday after the report.\n\n"
        "JEAN-PIERRE ROSSITER, SENIOR ANALYST, HOLBORN CAPITAL\n\n"
        "“It shows that they need to go back to the drawing board and rethink the plan.”\n\n"
        "“I just don't know that buyers are ready,” said John Smith, another analyst.\n\n"
        "“This would be a dark moment for the company and for its investors.”"
    )
    assert [q.speaker for q in run(text).quotes] == ["Jean-Pierre Rossiter", "John Smith", "John Smith"]
    text = "By Jane Roe, Staff Writer\n\n“This would be a dark moment for the company and for its investors.”"
    assert [q.speaker for q in run(text).quotes] == [None]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Smith said Jones told reporters:\n\n“We will finish the bridge by May.”", "Jones"),
        ("Brzeski spoke first and Anna Hall added:\n\n“We will finish the bridge by May.”", "Anna Hall"),
    ],
)
def test_a_colon_after_a_speech_verb_of_its_own_keeps_that_speaker(run, text, speaker):
    assert [q.speaker for q in run(text).quotes] == [speaker]


def test_a_raising_verb_before_a_verb_of_saying_still_tags_the_quote(run):
    a = run("“We will not stop until the job is done,” she continued to say.")
    assert [q.speaker for q in a.quotes] == ["she"]


def test_an_inverted_tag_needs_the_verbs_subject(run):
    a = run("The bill, known as the “clean air for all rule,” passed the Senate on a close vote.")
    assert [q.speaker for q in a.quotes if q.speaker] == []


def test_signature_after_a_double_hyphen_or_a_description_names_the_speaker(run):
    out = run(
        "Tributes came from every club.\n\n"
        '"I never saw a player like him, not before and not since." -- Sir Tom Harwell, a former teammate.\n\n'
        '"There will never be another one like him." \u2014 Retired Wales striker Owen Pryce.\n'
    )
    assert [q.speaker for q in out.quotes] == ["Tom Harwell", "Owen Pryce"]


def test_a_long_description_after_a_dash_signs_nothing(run):
    # more description words than a signature holds (max_tag_subject_words) before the first name: a sentence, not
    # a signature
    out = run('He left.\n\n"We are done here." \u2014 the tall quiet former club captain Tom Harwell, on the night\n')
    assert [q.speaker for q in out.quotes] == [None]
    out = run('He left.\n\n"We are done here." \u2014 former club captain Tom Harwell\n')
    assert [q.speaker for q in out.quotes] == ["Tom Harwell"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The board met on Friday. The memo makes that clear:\n\n“These rules do not apply to the directors.”", "memo"),
        ("The board met on Friday. The company put it more carefully:\n\n“We will review every contract.”", "company"),
        (
            "The mayor spoke at noon. Officials ranged from wary to hostile:\n\n“Is it time to change course?”",
            "officials",
        ),
        ("The plan was debated for hours. The ministry made its view plain:\n\n“No new roads.”", "ministry"),
    ],
)
def test_a_colon_after_a_documents_a_bodys_or_peoples_noun_gives_it_the_quote(run, text, speaker):
    quoted = [(q.speaker or "").lower().removeprefix("the ") for q in run(text).quotes]
    assert quoted == [speaker], quoted


@pytest.mark.parametrize(
    "lead", ["The results were clear:", "The figures were stark:", "The poll was clear:", "The data is plain:"]
)
def test_a_colon_after_a_things_noun_or_a_copular_clause_gives_no_speaker(run, lead):
    a = run(f"Voters were asked about the plan. {lead}\n\n“We want change now.”")
    assert [q.speaker for q in a.quotes] == [None]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The band said goodbye on its page on Friday.\n\n"
            "“Thank you for twenty loud years, and for every night you sang along with us,” the post read.",
            "the post",
        ),
        (
            "Visitors crowded the gate of the old mill.\n\n“Please keep off the roof and the walls,” the sign reads.",
            "the sign",
        ),
    ],
)
def test_verb_of_a_dialogue_tag_tagged_as_a_noun_still_cues(run, text, speaker):
    q = run(text).quotes[0]
    assert q.speaker == speaker and q.cue in ("read", "reads")


def test_noun_after_a_quote_in_its_base_form_is_no_tag(run):
    text = "Nothing was found at the farm. “We are very proud of the crew,” the police report. Nobody was hurt."
    quotes = run(text).quotes
    assert len(quotes) == 1 and quotes[0].speaker is None


@pytest.mark.parametrize("credit", ["- AFP", "— Reuters", "- (AFP)"])
def test_an_agency_credit_after_the_last_quote_is_no_signature(run, credit):
    text = (
        "Lena Ortiz said on Monday there was no secret behind her decision.\n\n"
        "“I am tired. We give as much as we can and then it is time.\n\n"
        f"“I am leaving because the job needs someone with more energy than I have now.” {credit}\n"
    )
    quotes = run(text).quotes
    assert quotes[-1].speaker == "Lena Ortiz"


def test_a_person_signed_after_a_dash_still_speaks(run):
    text = (
        "Readers wrote in all week about the new bridge.\n\n“It is the ugliest thing I have ever seen.” — Jane Roe, AFP"
    )
    assert run(text).quotes[-1].speaker == "Jane Roe"


def test_an_instruction_to_the_reader_after_a_quote_names_no_speaker(run):
    text = (
        "The race ended in a sprint on Sunday. “I knew I was coming for a fast time, but a win like this — I am so "
        "happy,” Otieno said after the race. “A record was not on my mind today, but I knew one day I would get it.” "
        "(Read more running stories.)"
    )
    quotes = run(text).quotes
    assert [q.speaker for q in quotes] == ["Otieno", "Otieno"]


def test_a_role_the_tagger_read_as_an_adverb_leaves_the_player_the_speaker(run):
    text = (
        "Fans gathered at the gates on Sunday.\n\n“We lost a legend today. Rest well, coach,” tweeted LFC forward "
        "Diallo, who scored a hat-trick in the cup final last year."
    )
    assert run(text).quotes[0].speaker == "Diallo"


def test_a_date_after_an_adverb_is_no_speaker(run):
    text = (
        "The talks went on late into the night. “We are close to a deal,” Reuters late Tuesday quoted an official "
        "as saying."
    )
    assert run(text).quotes[0].speaker == "an official"


def test_an_infinitive_that_describes_a_noun_is_no_ones_cue(run):
    text = (
        "She even gave birth while in office.\n\nRuiz told party members that she had hoped to find the energy to "
        "continue as mayor during the summer, “but I have not been able to do that.”"
    )
    assert run(text).quotes[0].speaker == "Ruiz"


def test_went_on_to_say_still_cues(run):
    text = "Tom Baker thanked the staff. He went on to say: “We will open two more clinics next year in the north.”"
    assert run(text).quotes[0].speaker == "Tom Baker"
