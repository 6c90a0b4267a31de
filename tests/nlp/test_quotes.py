"""Quotes and their speakers: cue after or before the marks, inverted cues, pronouns, floating quotes, negatives."""

from __future__ import annotations

import pytest


def quotes(run, text):
    return [(q.text, q.speaker, q.cue, q.kind) for q in run(text).quotes]


@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        (
            "Jane Smith runs the clinic in Leeds. “We are running out of beds,” she said on Monday.",
            "Jane Smith",
            "said",
        ),
        (
            "“We are running out of beds every single night,” said Jane Smith, the clinic director.",
            "Jane Smith",
            "said",
        ),
        (
            "The mayor, Tom Harris, spoke on Monday. He told reporters: “The budget is balanced and we will keep it so.”",
            "Tom Harris",
            "told",
        ),
        ("“The budget is balanced and we will keep it so,” Harris told reporters on Monday.", "Harris", "told"),
    ],
)
def test_speaker_and_cue(run, text, speaker, cue):
    got = quotes(run, text)
    assert len(got) == 1
    assert got[0][1] == speaker and got[0][2] == cue


def test_multi_part_quote_keeps_speaker(run):
    text = (
        "Maria Lopez, the union leader, spoke after the vote. “We won,” Lopez said. “Now the real work starts "
        "for every member of this union.”"
    )
    got = quotes(run, text)
    assert [g[1] for g in got] == ["Maria Lopez", "Maria Lopez"]
    assert got[1][3] == "direct"


def test_floating_quote_continues_previous_speaker(run):
    text = (
        "“The river rose faster than anyone expected,” said Anna Berg, a farmer near the dam.\n\n"
        "“We lost the whole harvest in a single night and nobody warned us.”"
    )
    got = quotes(run, text)
    assert len(got) == 2 and got[1][1] == "Anna Berg"


def test_a_blank_line_is_one_paragraph_break_for_the_previous_speaker(run):
    first = "“The river rose faster than anyone expected,” said Anna Berg, a farmer near the dam.\n\n"
    heading = "Harvest lost\n\n"
    floating = "“We lost the whole harvest in a single night and nobody warned us.”"
    got = quotes(run, first + heading + floating)
    assert len(got) == 2 and got[1][1] == "Anna Berg"  # two paragraphs back, however many blank lines
    far = first + "The dam was built in 1962.\n\nIt was repaired twice.\n\nNo one lives below it.\n\n" + floating
    assert quotes(run, far)[1][1] is None  # four paragraphs back: too far


def test_partial_quote_inside_reported_speech(run):
    text = "Senator Mark Hill said the bill was “a disgrace to this chamber” and vowed to fight it."
    got = run(text)
    q = got.quotes[0]
    assert q.kind == "partial" and q.speaker == "Mark Hill" and q.text == "a disgrace to this chamber"


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “experts” were wrong again.",
        "She starred in “Gone Girl” last year.",
        "The plan, dubbed “Project X,” was dropped.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(run, text):
    assert run(text).quotes == ()


def test_pronoun_speaker_resolves_by_gender(run):
    text = (
        "Tom Baker met Sarah Connor in Paris. She said the talks had failed. "
        "“We could not agree on anything that matters,” she said."
    )
    got = run(text)
    assert got.quotes[0].speaker == "Sarah Connor"
    assert got.quotes[0].speaker_mention.text == "she"


def test_dash_signature_names_the_speaker(run):
    text = "Readers wrote in after the debate. “He can’t even answer a question without scaring people.” ― Esther Tapia"
    q = run(text).quotes[0]
    assert q.speaker == "Esther Tapia" and q.attribution == "signature"


def test_colon_introduction_without_cue_verb(run):
    text = (
        "On July 6, Bernie Sanders made the following comment: “For young people who have dropped out of high "
        "school, the unemployment rate is 33 percent.”"
    )
    assert run(text).quotes[0].speaker == "Bernie Sanders"


def test_floating_quote_after_reported_speech_takes_its_source(run):
    text = (
        "Rep. Jim Jordan said in a phone interview that the deal was unusual. “It’s the strangest stuff I have "
        "ever seen in all my years on the committee.”"
    )
    q = run(text).quotes[0]
    assert q.speaker == "Jim Jordan" and q.attribution == "context"


def test_a_finding_is_no_speaker_for_the_floating_quote_after_it(run):
    text = (
        "Svante Lind compared the genomes of modern humans and their closest relatives, the Neanderthals and \n\n"
        "Denisovan showing that there has been mixing between the species\n\n"  # a scraped page's broken lines
        "“By revealing what distinguishes us from extinct hominins, this work opens a new field.”"
    )
    a = run(text)
    assert [at.cue_kind for at in a.attributions] == ["evidence"] and a.attributions[0].source_type == "person"
    assert a.quotes[0].speaker is None


def test_british_single_quote_speaker(run):
    q = run("‘We will not give up this fight in the courts,’ said Anna Berg, the mayor, on Monday.").quotes
    assert len(q) == 1 and q[0].speaker == "Anna Berg" and q[0].cue == "said"


def test_a_lede_pronoun_points_to_the_person_named_just_after(run):
    text = (
        "Speaking outside the White House on Monday, she said she would “never give up on this country.” "
        "Kamala Harris, the vice president, spoke for ten minutes before leaving for Chicago."
    )
    assert [q.speaker for q in run(text).quotes] == ["Kamala Harris"]


def test_a_lede_pronoun_never_takes_a_name_of_the_other_gender(run):
    text = (
        "Speaking outside the town hall on Monday, she said the plan was “a disaster for everyone here.” "
        "Mayor John Peters defended the plan in a statement later that day."
    )
    assert [q.speaker for q in run(text).quotes] != ["John Peters"]


def test_a_long_speaker_phrase_after_the_quote_with_party_in_brackets(run):
    text = (
        "“He would be a great senator, one of the brightest members we have,” Rep. Elijah E. Cummings (D-Md.) said "
        "in a phone interview."
    )
    assert [q.speaker for q in run(text).quotes] == ["Elijah E. Cummings"]


@pytest.mark.parametrize(
    "text",
    [
        "Mike Pence told “Fox News Sunday,” that the campaign was going well in every state.",
        "She appeared on “The Steve Harvey Morning Show” on Monday and talked about her plans.",
    ],
)
def test_a_programme_title_in_quotation_marks_is_no_quote(run, text):
    assert run(text).quotes == ()


def test_a_capitalised_phrase_that_asks_or_shouts_is_still_a_quote(run):
    text = "Phillips said students shouted, “Build That Wall!” as he walked past the school on Friday."
    assert [q.text for q in run(text).quotes] == ["Build That Wall!"]


def test_a_cue_with_its_own_content_after_a_closed_quote_starts_a_new_statement(run):
    text = (
        "Wes Moore spoke at the scene. “They saved lives last night.” Colonel Roland Butler announced that the "
        "search was over."
    )
    quotes = run(text).quotes
    assert len(quotes) == 1 and quotes[0].speaker != "Roland Butler"  # Wes Moore, who spoke, or no one


def test_a_short_sentence_in_marks_goes_on_with_the_quote_before_it_in_the_paragraph(run):
    text = "Ann Lee spoke last. “Does anybody know what the plan is?” Lee asked. “Neither do I.”"
    assert [q.speaker for q in run(text).quotes] == ["Ann Lee", "Ann Lee"]


def test_a_short_scare_quote_after_a_quote_stays_out(run):
    text = "Ann Lee spoke last. “Does anybody know what the plan is?” Lee asked. The plan is “a total mess.”"
    assert [q.text for q in run(text).quotes if q.kind != "partial"] == ["Does anybody know what the plan is?"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "“We will find them,” news agency AP quoted Coast Guard Admiral Shannon Gilreath as saying.",
            "Shannon Gilreath",
        ),
        (
            "The Associated Press quoted Mayor John Smith as saying, “We will rebuild this bridge within a year.”",
            "John Smith",
        ),
    ],
)
def test_quoted_as_saying_gives_the_one_quoted_not_the_outlet(run, text, speaker):
    got = run(text).quotes
    assert [(q.speaker, q.cue) for q in got] == [(speaker, "saying")]


def test_reported_speech_quoted_as_saying_is_the_objects(run):
    got = run("Reuters quoted Mayor John Smith as saying the bridge would reopen in a year.").attributions
    assert [(a.source, a.content) for a in got] == [("John Smith", "the bridge would reopen in a year")]


def test_an_opening_quote_goes_to_the_person_the_next_paragraph_reports(run):
    quote = "“I know this is tough for everyone, and I am especially sorry to those impacted.”\n\n"
    got = run(quote + "Mark Zuckerberg has announced that Meta will lay off 11,000 of its employees.").quotes
    assert [(q.speaker, q.attribution) for q in got] == [("Mark Zuckerberg", "context")]
    got = run(quote + "Meta has announced that it will lay off 11,000 of its employees.").quotes
    assert [q.speaker for q in got] == [None]  # a company is not the voice of a first-person quote
    got = run(quote + "The cuts were large.\n\nMark Zuckerberg announced that Meta will lay off 11,000.").quotes
    assert [q.speaker for q in got] == [None]  # only the next paragraph


def test_according_to_before_a_quote_gives_its_speaker(run):
    text = "Mook told CBS, “We are focused on the debate.”\n\nAccording to Limbaugh, “If it was up to her, she would say nothing.”"
    got = run(text).quotes
    assert [q.speaker for q in got] == ["Mook", "Limbaugh"]


def test_a_quote_after_a_sentence_about_a_named_person_is_theirs(run):
    text = (
        "Pence said on CNN that the police were fine.\n\n"
        "On “Face the Nation,” Sen. Bernie Sanders identified young voters' exhaustion with bigotry as a reason to "
        "back Clinton. “The younger people are sick and tired of discrimination and racism.”"
    )
    assert [q.speaker for q in run(text).quotes] == ["Bernie Sanders"]


def test_a_quote_that_speaks_of_the_person_before_it_is_not_theirs(run):
    text = "“We will fight,” Smith said. Jones was arrested in 2010. “He is innocent of every charge they brought.”"
    assert [q.speaker for q in run(text).quotes] == ["Smith", "Smith"]


def test_footage_of_a_person_saying_gives_the_person_not_the_footage(run):
    text = "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”"
    assert [(q.speaker, q.cue) for q in run(text).quotes] == [("Hillary Clinton", "asking")]


def test_capitalised_words_with_a_sentence_end_inside_are_words_said_not_a_title(run):
    text = "“Like Oakland. Or Ferguson,” Trump said. “The crime numbers are worse.”"
    got = run(text).quotes
    assert [(q.text, q.speaker) for q in got][0] == ("Like Oakland. Or Ferguson,", "Trump")


@pytest.mark.parametrize(
    "text",
    [
        "It is a version of what has become known as the ''Buffett rule'' after Warren Buffett complained about it.",
        'The so-called "Gang of Eight" met on Monday, Senator Tom Lee said.',
    ],
)
def test_a_named_term_in_marks_is_no_quote(run, text):
    assert run(text).quotes == ()


def test_a_participle_after_the_quote_goes_on_for_the_speaker_named_before_it(run):
    text = (
        "The company filed for bankruptcy. In a statement, Peabody said: “Patriot Coal was highly successful when it "
        "became an independent company,” adding that its market value quadrupled in two years."
    )
    got = quotes(run, text)
    assert got and got[0][1] == "Peabody" and got[0][2] == "said", got


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the object of a cue is the one spoken of, never the speaker
        ("Tom Reed and Anna Holm call them “lone wolves” and describe their actions as crimes.", "Tom Reed"),
        (
            "In a statement, the farmers' union called Anna Holm a “true champion” for its members, citing her work.",
            "farmers' union",
        ),
    ],
)
def test_the_object_of_a_cue_after_the_quote_does_not_speak_it(run, text, speaker):
    got = [q.speaker for q in run(text).quotes]
    assert len(got) == 1 and speaker in got[0]


def test_a_quote_with_only_the_object_of_its_cue_around_gets_no_wrong_speaker(run):
    text = 'The council issued a report calling the new dam "a clear violation of every rule we have" on Friday.'
    assert all(q.speaker != "the new dam" for q in run(text).quotes)


def test_a_partial_quote_in_nested_reported_speech_belongs_to_the_inner_speaker(run):
    text = "The port authority said the shipping firm, Holm Marine, reported the crew “dropped anchors” at dawn."
    got = [(q.speaker, q.cue, q.kind) for q in run(text).quotes]
    assert got == [("Holm Marine", "reported", "partial")]


def test_the_parsers_object_right_after_a_two_character_mark_still_speaks(run):
    # house style '' ... '' is read with a space inserted; "recalled X" right after the quote is the inverted speaker
    text = (
        "Mr. Mitchell supported the idea. But others did not. ''My advice was not to do it,'' recalled James B. "
        "Cunningham, then ambassador to Israel."
    )
    assert [(q.speaker, q.cue) for q in run(text).quotes] == [("James B. Cunningham", "recalled")]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Anna Holm spoke last. “He is, and always has been, a great leader,” said the 46-year-old.",
            "Anna Holm",  # the age refers back to the person who was the subject just before
        ),
        (
            "He was escorted out. “We were wrong to not confront him from the start,” Reed, 58, told AFP on Monday.",
            "Reed",
        ),
        (
            "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: “The union matters to us.”",
            "Jake Sullivan",
        ),
        (
            "Outside his newsroom, Muratov, 59, told reporters, “I am an unworthy winner of this prize.”\n\nHe said he "
            "would have given the medal to Navalny.",
            "Muratov",
        ),
    ],
)
def test_speakers_the_parser_hides(run, text, speaker):
    # an age the parser tags as a date, an age in commas between the quote and the cue, a name before a cue the parser
    # left without subject (also with an age after it, which makes the name a person whatever its tag)
    assert [q.speaker for q in run(text).quotes] == [speaker]


def test_an_inverted_speaker_the_parser_made_subject_of_a_participle_still_speaks(run):
    text = (
        "She hadn't.\n\n\"I'm not going to say it is a mistake, so forget about it,\" said retired neurosurgeon Ben "
        "Carson, asked about his claim."
    )
    assert [q.speaker for q in run(text).quotes] == ["Ben Carson"]


def test_the_narrator_speaks_the_words_they_quote_themselves_saying(run):
    text = "The judge frowned. “You are not contrite,” Judge Berman said. I wanted to answer. “I am not shy,” I said."
    assert [(q.speaker, q.cue) for q in run(text).quotes] == [("Berman", "said"), ("I", "said")]


def test_a_letter_excerpted_without_marks_is_its_writers_words(run):
    # issue 10: "Here are excerpts from X's email" then the email's paragraphs, no quotation marks; the writer's own
    # comment after them (no "I" or "we") ends the excerpt
    text = (
        "Mark Zuckerberg laid off 11,000 people on Wednesday.\n\n"
        "Here are excerpts from Mark Zuckerberg's email.\n\n"
        "Today I'm sharing some of the most difficult changes we've made in Meta's history.\n\n"
        "I want to take accountability for these decisions and for how we got here.\n\n"
        "Rather than bury the lede, Zuckerberg put the layoff in the second sentence."
    )
    got = [(q.text[:20], q.speaker, q.kind) for q in run(text).quotes]
    assert got == [
        ("Today I'm sharing so", "Mark Zuckerberg", "direct"),
        ("I want to take accou", "Mark Zuckerberg", "direct"),
    ]


def test_a_list_below_a_speakers_line_speaks_for_them_when_it_speaks_as_we(run):
    text = (
        "Sundar Pichai wrote to staff on Friday. In his note, Pichai added:\n\n"
        "  • Severance. We will pay 16 weeks of base pay.\n"
        "  • Vesting. Everyone impacted will receive their March vesting.\n\n"
        "The company's shares rose."
    )
    got = [(q.text[:9], q.speaker) for q in run(text).quotes]
    assert got == [("Severance", "Pichai"), ("Vesting. ", "Pichai")]


def test_first_person_paragraphs_with_no_introduction_stay_the_writers(run):
    text = (
        "Mark Zuckerberg laid off 11,000 people on Wednesday, he said in an email.\n\n"
        "I think this was the right call, and we should say so.\n\n"
        "My colleagues disagree."
    )
    assert run(text).quotes == ()


@pytest.mark.parametrize(
    "text, speaker",
    [
        # issue 10: a part of someone's text speaks as the text does
        (
            "Liz Truss resigned on Thursday. Part of her statement read: “I cannot deliver the mandate on which I was "
            "elected.”",
            "Liz Truss",
        ),
        # the tokenizer splits a hyphenated title and the parser makes each piece a subject of the cue
        ("“Today that dream came true,” said Co-Owner, David Beckham.", "David Beckham"),
        ("“Today that dream came true and we are ready,” said Inter Miami co-owner David Beckham.", "David Beckham"),
    ],
)
def test_speakers_behind_a_part_or_a_split_title(run, text, speaker):
    assert [q.speaker for q in run(text).quotes] == [speaker]


def test_she_said_goes_on_with_the_person_quoted_just_before(run):
    # issue 10: the tagger takes "Berit Reiss-Andersen" for an organisation, and "she" would go back to Maria Ressa
    text = (
        "Maria Ressa of the Philippines and Dmitry Muratov of Russia won the prize.\n"
        'The pair were honoured "for their efforts to safeguard freedom of expression," said the chairwoman of the '
        "Norwegian Nobel Committee, Berit Reiss-Andersen.\n"
        '"They are representatives of all journalists who stand up for this ideal," she said.'
    )
    assert [q.speaker for q in run(text).quotes] == ["Berit Reiss-Andersen", "Berit Reiss-Andersen"]


def test_she_said_keeps_her_own_antecedent_when_another_woman_is_named_between(run):
    text = (
        "“We will appeal,” said Jane Smith, the lawyer.\n\n"
        "Her client, Mary Jones, was not in court. “I am innocent,” she said."
    )
    assert [q.speaker for q in run(text).quotes] == ["Jane Smith", "Mary Jones"]


def test_he_was_cited_as_saying_is_the_one_quoted(run):
    # issue 10: the passive "was cited ... as saying" names the speaker as its subject; not the last one quoted
    text = (
        "John Smith won the race. His wife Mary Smith told TV2 she was thrilled.\n\n"
        "“I can't take credit for this,” he was cited by the agency as saying."
    )
    assert [(q.speaker, q.cue) for q in run(text).quotes] == [("John Smith", "saying")]


def test_a_colon_line_whose_speech_verb_hangs_from_another(run):
    # issue 10: "had the following to offer:", "Here's what he had to say:": the subject is the governing verb's
    text = (
        "In a statement, Satya Nadella, chief executive of Microsoft, had the following to offer:\n\n"
        "“Gaming is the most dynamic and exciting category in entertainment.”\n\n"
        "The statement was followed up by Phil Spencer. Here’s what he had to say:\n\n"
        "“Players everywhere love these games, and we believe the teams have their best work ahead.”"
    )
    assert [(q.speaker, q.cue) for q in run(text).quotes] == [
        ("Satya Nadella", "to offer"),
        ("Phil Spencer", "to say"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # issue 10: the closing mark dropped before the cue; the quote ends at the comma before the speaker
        (
            'Liz Truss quit on Thursday.\n\n"I recognise that I cannot deliver the mandate on which I was elected, '
            "Truss said in a brief statement.",
            [("I recognise that I cannot deliver the mandate on which I was elected", "Liz Truss", "direct")],
        ),
        # a cue set inside a quote that goes on is no end of it
        (
            'He spoke.\n\n"We will win this, and nobody, Smith said, can stop us now or ever.',
            [("We will win this, and nobody, Smith said, can stop us now or ever.", None, "direct-unclosed")],
        ),
    ],
)
def test_an_unclosed_quote_ends_before_its_own_cue(run, text, expected):
    assert [(q.text, q.speaker, q.kind) for q in run(text).quotes] == expected


def test_she_said_goes_on_with_the_person_whose_speech_was_reported_just_before(run):
    text = (
        "The prize went to Maria Ressa of the Philippines.\n\n"
        "Committee chair Berit Reiss-Andersen said that Ressa uses freedom of expression to expose abuse of power.\n\n"
        "“They are representatives of all journalists who stand up for this ideal,” she said."
    )
    assert run(text).quotes[-1].speaker.endswith("Reiss-Andersen")  # not Maria Ressa, named further back


def test_a_quotation_right_after_its_cue_is_direct_though_a_source_follows_it(run):
    # issue 10: the parser runs the cue's content on to ", as per Reuters"; the quote is still the cue's own
    text = (
        'Reiss-Andersen spoke on Friday.\n\nShe further added, "At the same time, they are representatives of all '
        'journalists who stand up for this ideal," as per Reuters.'
    )
    assert [(q.kind, q.cue) for q in run(text).quotes] == [("direct", "added")]


def test_a_letter_excerpted_under_its_writer_name_has_no_possessive_in_the_mention(run):
    text = (
        "Meta will cut 11,000 jobs, its chief executive said on Wednesday.\n\n"
        "Here are excerpts from Mark Zuckerberg's email to staff:\n\n"
        "Today I'm sharing some of the most difficult changes we've made in Meta's history.\n\n"
        "I want to take accountability for these decisions and for how we got here."
    )
    quotes = run(text).quotes
    assert len(quotes) == 2 and {q.speaker for q in quotes} == {"Mark Zuckerberg"}
    assert {q.speaker_mention.text for q in quotes} == {"Mark Zuckerberg"}


def test_an_epithet_refers_back_to_the_person_just_named(run):
    a = run(
        "Maria Ressa and Dmitry Muratov won the prize on Friday.\n"
        "Ressa, 58, said the award was a sign of hope.\n"
        "“A world without facts means a world without trust,” the outspoken critic of President Rodrigo Duterte "
        "told a livestream."
    )
    assert [(q.speaker, q.speaker_mention.text) for q in a.quotes] == [
        ("Maria Ressa", "the outspoken critic of President Rodrigo Duterte")
    ]


def test_a_bare_role_is_someone_new(run):
    a = run("Maria Ressa said the award was a sign of hope.\n“The court will rise,” the clerk said.")
    assert [q.speaker for q in a.quotes] == ["the clerk"]


def test_a_thing_that_shows_holds_no_ones_words(run):
    a = run("Ana Lopez, 58, said the prize shows that “nothing is possible without facts”, in a call with reporters.")
    assert [q.speaker for q in a.quotes] == ["Ana Lopez"]


def test_a_participle_after_a_persons_clause_goes_on_with_that_person(run):
    a = run(
        "Lionel Messi will play in Miami. The news formalizes what Messi declared in early June, stating "
        "“I’m going to Miami” and starting weeks of talk."
    )
    assert [q.speaker for q in a.quotes] == ["Lionel Messi"]


def test_the_document_named_again_speaks_for_its_writer(run):
    a = run(
        "Meta will cut 11,000 jobs. Mark Zuckerberg said in the letter that he was sorry.\n"
        "The letter reads, “There is a notice period before termination for everyone.”"
    )
    assert [(q.speaker, q.speaker_mention.text) for q in a.quotes] == [("Mark Zuckerberg", "The letter")]


def test_a_document_with_no_writer_given_is_the_document(run):
    a = run("Meta will cut 11,000 jobs.\nThe letter reads, “There is a notice period before termination for everyone.”")
    assert [(q.speaker, q.speaker_type) for q in a.quotes] == [("The letter", "document")]


def test_reporters_credited_for_their_outlet_speak_no_quotation(run):
    a = run(
        "The committee gave the prize for “discoveries concerning the genomes of extinct hominins,” "
        "Niklas Pollard and Natalie Grover reported for Reuters.\n“He was overwhelmed,” said Thomas Perlmann."
    )
    assert [q.speaker for q in a.quotes] == [None, "Thomas Perlmann"]


def test_a_statement_given_paragraph_by_paragraph_keeps_its_short_last_line(run):
    a = run(
        "Liz Truss said outside Downing Street:\n\n"
        "“I will remain as Prime Minister until a successor has been chosen.\n\n"
        "“Thank you.”\n\nShe then went back inside."
    )
    assert [(q.text, q.speaker) for q in a.quotes][-1] == ("Thank you.", "Liz Truss")


def test_a_short_line_in_marks_after_the_writers_own_paragraph_is_no_quotation(run):
    a = run("Liz Truss resigned on Thursday after six weeks.\n\n“Thank you.”\n\nShe then went back inside.")
    assert a.quotes == ()


def test_a_speaker_set_after_its_verb_at_the_end_of_the_sentence(run):
    a = run(
        "The pair won the prize for “their courageous fight for freedom of expression” in their respective "
        "countries, announced the Norwegian Nobel committee."
    )
    assert [q.speaker_mention.text for q in a.quotes] == ["the Norwegian Nobel committee"]


def test_two_clauses_run_on_with_a_comma_share_their_subject(run):
    a = run(
        "Also, the U.N. human rights office congratulated the two journalists on receiving the honour, said it was "
        '"recognition of the importance of the work of journalists in the most difficult circumstances."'
    )
    assert [q.speaker_mention.text for q in a.quotes] == ["the U.N. human rights office"]


def test_an_organisation_named_beside_its_description_is_the_source(run):
    a = run(
        "The authority said the ship's management company, Synergy Marine Pte Ltd, reported the crew "
        '"dropped anchors" in a last-ditch attempt.'
    )
    assert [q.speaker for q in a.quotes] == ["Synergy Marine Pte Ltd"]


def test_a_command_is_speech(run):
    a = run("“Mr. Bankman-Fried. Please rise and face the jury,” Judge Lewis A. Kaplan commanded.")
    assert [q.speaker for q in a.quotes] == ["Lewis A. Kaplan"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Jacinda Ardern resigned on Thursday.\n\n“I no longer have enough in the tank,” the 42-year-old said.",
            "Jacinda Ardern",
        ),
        ("Elon Musk bought Twitter last year.\n\n“It was painful,” the Tesla boss said.", "Elon Musk"),
        ("Apple unveiled a headset on Monday.\n\n“This is a journey,” the iPhone maker said in a statement.", "Apple"),
        (
            "The Norwegian Nobel Committee gave the prize to Ressa. “She is brave,” the committee said.",
            "Norwegian Nobel Committee",
        ),
        ("Apple unveiled a headset on Monday.\n\n“This is a journey,” it said in a statement.", "Apple"),
    ],
)
def test_a_description_or_it_names_again_who_was_named_before(run, text, speaker):
    assert [q.speaker for q in run(text).quotes] == [speaker]


def test_a_business_noun_with_no_business_named_before_stays_unnamed(run):
    a = run("The Norwegian Nobel Committee gave the prize to Ressa. “It is a good day,” the company said.")
    assert [q.speaker for q in a.quotes] == ["the company"]


@pytest.mark.parametrize(
    "role", ["the presiding judge", "the federal prosecutor", "the lead prosecutor in the case", "the head of the SEC"]
)
def test_a_role_that_may_be_someone_new_is_not_taken_for_the_person_before(run, role):
    text = f"Sam Bankman-Fried was convicted on Thursday.\n\n“You will be sentenced in March,” {role} said."
    assert [q.speaker for q in run(text).quotes] == [role]


@pytest.mark.parametrize("role", ["the detective", "the judge", "the officer", "the sheriff", "the mayor"])
def test_a_lower_case_office_is_not_given_to_the_one_person_named_before(run, role):
    # before: with one person named so far, any title word took that person ("the detective said" -> the arrested
    # man); only a capitalised office ("the Prime Minister said" after Liz Truss) names its one holder so
    text = f"John Doe was arrested on Friday.\n\n“He fled the scene,” {role} said."
    assert [q.speaker for q in run(text).quotes] == [role]


def test_a_columnist_writing_for_an_outlet_that_something_is_so_is_no_credit(run):
    a = run("Jane Smith wrote for The Guardian that the verdict was “a warning to the industry”.")
    assert [q.speaker for q in a.quotes] == ["Jane Smith"]


def test_the_staff_named_on_a_credit_line_are_no_antecedent(run):
    a = run(
        "“It is over,” said Mark Cohen.\n\n(Reporting by Luc Cohen; writing by Jane Smith)\n\n“It is not over,” he said."
    )
    assert [q.speaker for q in a.quotes] == ["Mark Cohen", "Mark Cohen"]


def test_excerpts_go_on_after_the_writers_comment_and_a_heading(run):
    a = run(
        "Here are excerpts from Mark Zuckerberg's email with analysis from me.\n\n"
        "Today I'm sharing some of the most difficult changes we've made in our history.\n\n"
        "Rather than bury the lede, Zuckerberg put the layoff in the first sentence. Well done.\n\n"
        "How did we get here?\n\n"
        "At the start of Covid, the world rapidly moved online. I got this wrong, and I take responsibility.\n\n"
        "That is a rare admission for a chief executive."
    )
    got = [(q.text[:14], q.speaker) for q in a.quotes]
    assert got == [("Today I'm shar", "Mark Zuckerberg"), ("At the start o", "Mark Zuckerberg")]


def test_the_writers_own_first_person_after_a_comment_with_no_heading_is_theirs(run):
    a = run(
        "Here are excerpts from Mark Zuckerberg's email.\n\n"
        "Today I'm sharing some of the most difficult changes we've made in our history.\n\n"
        "Zuckerberg put the layoff in the first sentence.\n\n"
        "I think that was the right call, and I have written about layoffs before."
    )
    assert [q.speaker for q in a.quotes] == ["Mark Zuckerberg"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Svante Paabo won the prize for his discoveries “regarding the genome of extinct hominins,” it was "
            "announced by the awarding body.",
            "the awarding body",
        ),
        ("“The bridge is gone,” an officer was heard saying on the radio.", "an officer"),
    ],
)
def test_a_passive_speech_verb_speaks_through_its_agent_or_the_one_heard(run, text, speaker):
    assert [q.speaker for q in run(text).quotes] == [speaker]


def test_what_someone_was_called_by_others_holds_no_scare_quote(run):
    text = "Mehmet Oz has been called a charlatan by fellow physicians for promoting “quack” medical cures."
    assert run(text).quotes == ()


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Manchester City manager Pep Guardiola praised his players on Saturday.\n\n"
            "“It was written in the stars,” the Spaniard said.",
            "Pep Guardiola",
        ),
        (
            "Lionel Messi signed a contract with Inter Miami on Saturday.\n\n“I am very excited,” the Argentine said.",
            "Lionel Messi",
        ),
    ],
)
def test_the_and_a_demonym_is_the_person_named_before(run, text, speaker):
    assert [q.speaker for q in run(text).quotes] == [speaker]


def test_a_quote_closed_before_someone_elses_quoted_reply_is_not_theirs(run):
    a = run("Kaplan told the jury: “Please rise.” The forewoman replied “guilty”.")
    assert [(q.text, q.speaker) for q in a.quotes] == [("Please rise.", "Kaplan"), ("guilty", "The forewoman")]


def test_a_business_with_a_legal_form_in_its_name_is_named_again_by_a_business_noun(run):
    a = run(
        "Meta Platforms Inc said on Wednesday it would cut 11,000 jobs. “We made mistakes,” the social media giant "
        "said. “We will do better,” the company added."
    )
    assert [q.speaker for q in a.quotes] == ["Meta Platforms Inc", "Meta Platforms Inc"]


@pytest.mark.parametrize(
    "text, quoted, speaker",
    [
        (
            "Hundreds of striking nurses marched to the hospital and chanted “fair pay” as the board met.",
            "fair pay",
            "Hundreds of striking nurses",
        ),
        (
            "Thousands of farmers blocked the highway and chanted “no farmers, no food” on Monday.",
            "no farmers, no food",
            "Thousands of farmers",
        ),
    ],
)
def test_a_crowd_counted_in_thousands_speaks_what_it_chants(run, text, quoted, speaker):
    got = quotes(run, text)
    assert [(g[0], g[1]) for g in got] == [(quoted, speaker)]


@pytest.mark.parametrize(
    "text, quoted",
    [
        (
            "Lena Ortiz won the mayoral race on Sunday.\n\nThe self-described “people's mechanic” beat two rivals by a "
            "wide margin.",
            "people's mechanic",
        ),
        (
            "The town elected Lena Ortiz, a self-styled “fixer of potholes”, as its mayor on Sunday.",
            "fixer of potholes",
        ),
    ],
)
def test_a_self_described_label_is_the_words_of_the_one_it_describes(run, text, quoted):
    got = quotes(run, text)
    assert [(g[0], g[1], g[3]) for g in got] == [(quoted, "Lena Ortiz", "partial")]


def test_a_self_described_label_with_no_one_to_describe_stays_out(run):
    assert run("The self-described “experts” were wrong again.").quotes == ()


def test_a_phrase_quoted_in_someones_platform_is_theirs(run):
    text = (
        "Tom Reyes won the governor's race on Tuesday. His campaign platform was a plan to cut fees and “unclog” the "
        "courts."
    )
    got = quotes(run, text)
    assert [(g[0], g[1]) for g in got] == [("unclog", "Tom Reyes")]


def test_a_description_with_a_name_in_apposition_can_introduce_a_headline_quote(pipeline):
    """ "Populist Ruiz set to leave: ‘...’" parsed with "populist" the subject and "Ruiz" its apposition: the subject
    is named, so the colon introduces the person's words."""
    from spacy.tokens import Doc

    from reportedly.nlp.quotes import _named_by_apposition

    words = ["Populist", "Ruiz", "set", "to", "leave"]
    doc = Doc(
        pipeline.vocab,
        words=words,
        pos=["NOUN", "PROPN", "VERB", "PART", "VERB"],
        deps=["nsubj", "appos", "ROOT", "aux", "xcomp"],
        heads=[2, 0, 2, 4, 2],
    )
    assert _named_by_apposition(doc[0])
    plain = Doc(
        pipeline.vocab,
        words=words,
        pos=["NOUN", "NOUN", "VERB", "PART", "VERB"],
        deps=["nsubj", "compound", "ROOT", "aux", "xcomp"],
        heads=[2, 0, 2, 4, 2],
    )
    assert not _named_by_apposition(plain[0])


def test_a_surname_the_tagger_missed_is_still_the_person_for_his(run):
    text = (
        "Tomas Vidal won the vote.\n\nVidal, a 53-year-old economist with wild hair and thick sideburns, has drawn "
        "comparisons with Brazil's Jair Bolsonaro for his abrasive style.\n\nHis main platform has been a plan to "
        "“dynamite” the tax office."
    )
    got = quotes(run, text)
    assert [(g[0], g[1]) for g in got] == [("dynamite", "Tomas Vidal")]


def test_a_single_capitalised_name_in_marks_is_a_title_not_a_quote(run):
    text = "The deal brings games such as “Minecraft” and “Halo” to the company, the firm said on Tuesday."
    assert run(text).quotes == ()


def test_a_single_capitalised_word_after_a_speech_verb_is_still_said(run):
    got = quotes(run, "Crowds outside the palace chanted “Freedom” until dawn.")
    assert [g[0] for g in got] == ["Freedom"]


def test_an_inverted_said_after_a_comma_gives_the_next_paragraphs_quote_its_speaker(run):
    text = (
        "Ana Ruiz will be the next mayor, said her rival, Councillor Pedro Lanza, who conceded on Sunday.\n\n"
        "“The voters have spoken and I wish her every success in the years ahead.”"
    )
    got = quotes(run, text)
    assert len(got) == 1 and got[0][1] == "Pedro Lanza"


@pytest.mark.parametrize(
    "text, quoted, speaker",
    [
        ("The bridge plan was called “reckless” by Senator Ruth Mbeki on Monday.", "reckless", "Ruth Mbeki"),
        ("The dam, described as “a marvel” by engineers in 1962, failed on Monday.", "a marvel", "engineers"),
    ],
)
def test_a_quote_after_a_passive_speech_verb_is_the_words_of_the_one_after_by(run, text, quoted, speaker):
    got = quotes(run, text)
    assert [(g[0], g[1]) for g in got] == [(quoted, speaker)]


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("Asked which team would win, the governor gave a one-word answer. “Denver,” he answered.", "Denver,"),
        ("The minister warned against what he called creeping “Balkanisation” of the region.", "Balkanisation"),
    ],
)
def test_a_single_capitalised_word_said_before_its_cue_or_after_a_verb_stays_a_quote(run, text, quoted):
    assert [g[0] for g in quotes(run, text)] == [quoted]


def test_a_by_phrase_after_a_quote_that_is_no_complement_of_the_passive_verb_names_no_speaker(run):
    text = "Senator Ruth Mbeki dismissed the loans, calling it an error that was reported in a “hit piece” by a paper."
    assert all(g[1] != "a paper" for g in quotes(run, text))


# issue 10, class 7: a single word quoted inside a labelling clause is a partial quotation of the clause's subject


@pytest.mark.parametrize(
    "text, word, speaker",
    [
        ("The Soil Agency classified the fertiliser as “probably” harmful to fish.", "probably", "Soil Agency"),
        ("The review panel deemed the new dam “unsafe” after the floods.", "unsafe", "The review panel"),
        ("Inspectors characterised the repairs as “inadequate” in their report.", "inadequate", "Inspectors"),
    ],
)
def test_a_single_word_quoted_under_a_labelling_verb_is_a_partial_quotation(run, text, word, speaker):
    q = next(q for q in run(text).quotes if q.text.strip('“”"') == word)
    assert q.kind == "partial" and speaker in q.speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Harbour master Olof Nyberg said the ferry had left on time.\n\nA woman who was on the deck told the "
            "radio: “The ferry tilted at once.” She added: “Children were crying.”",
            "A woman who was on the deck",
        ),
        (
            "Mayor Karl Holm visited the site on Monday. A passenger on the ferry said the lights failed first. "
            "“I could not see my hands,” he said.",
            "A passenger on the ferry",
        ),
    ],
)
def test_a_pronoun_after_an_unnamed_speaker_goes_on_with_the_description(run, text, speaker):
    a = run(text)
    assert [q.speaker for q in a.quotes][-1] == speaker


def test_they_after_unnamed_officials_goes_on_with_the_officials(run):
    a = run(
        "A ferry sank off the coast of Norway. Norwegian officials said the crew had done well. "
        "“Nobody was to blame,” they said."
    )
    assert [(q.speaker, q.speaker_type) for q in a.quotes] == [("Norwegian officials", "unnamed")]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "A bus caught fire outside a school in Leeds. Police said the driver escaped. “Nobody was hurt,” they said.",
            "Police",
        ),
        (
            "A barn burned down near Lyon on Sunday, French police said. “The cause is not yet known,” they said.",
            "French police",
        ),
    ],
)
def test_they_after_police_goes_on_with_the_police_also_when_tagged_a_name(run, speaker, text):
    # the tagger may make "Police" a name of its own: the group still speaks on through "they"
    assert [q.speaker for q in run(text).quotes] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The advert opens with a phone ringing at night. The narrator said the country needed a steady hand. "
            "“Who do you want answering that call?” he asked.",
            "The narrator",
        ),
        (
            "Hundreds marched through the city centre on Saturday. Demonstrators said the plan would close the library. "
            "“We will be back next week,” they said.",
            "Demonstrators",
        ),
    ],
)
def test_an_agent_noun_that_speaks_is_a_person_a_pronoun_goes_on_with(run, speaker, text):
    # "narrator", "demonstrator" are in no list of person nouns: their ending and their speech verb make them people
    assert [q.speaker for q in run(text).quotes] == [speaker]


def test_a_document_with_an_agent_s_ending_is_no_person_a_pronoun_goes_on_with(run):
    a = run("Smith wrote to the board in May. The letter said the plan was unfair. “I cannot support it,” he said.")
    assert [q.speaker for q in a.quotes] != ["The letter"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The minister said the talks had failed, saying the other side had “walked away”.", "The minister"),
        # a person's noun as the reported clause's subject keeps the participle
        ("The police said the victim had called them, saying she had been “threatened”.", "the victim"),
    ],
)
def test_a_speech_participle_on_a_thing_s_clause_goes_on_for_the_reporter(run, speaker, text):
    assert [q.speaker for q in run(text).quotes] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # "added" joined by the parser to the reported clause whose subject is "it"
        (
            "Mona Vestby said it was too soon to count the votes but added, “We know the mood of the room.”",
            "Mona Vestby",
        ),
        # "it" standing for the speaker's own body: the body speaks all the same
        ("The bakery said it was ready to reopen and added, “We will bake again on Monday.”", "The bakery"),
    ],
)
def test_a_speech_verb_joined_to_an_it_clause_goes_on_for_the_reporter(run, speaker, text):
    assert [q.speaker for q in run(text).quotes] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The council published its yearly review on Monday. The report said the town had grown. "
            "“Housing has not kept pace,” it said.",
            "The report",
        ),
        # an organisation before "it" still speaks as itself
        (
            "The Food Standards Agency published guidance. “Cooked rice should be eaten within a day,” it said.",
            "Food Standards Agency",
        ),
    ],
)
def test_it_after_a_document_that_spoke_goes_on_with_the_document(run, speaker, text):
    assert [q.speaker for q in run(text).quotes] == [speaker]


def test_a_quote_with_no_cue_goes_on_with_an_unnamed_speaker_of_reported_speech(run):
    a = run(
        "A ferry sank off the coast. A passenger on the ferry said the lights failed first. "
        "“It was chaos, and we could not find the way out.”"
    )
    assert [q.speaker for q in a.quotes] == ["A passenger on the ferry"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“The tower swayed in the wind,” a porter at the old hotel said.", "a porter at the old hotel"),
        (
            "“The tower swayed in the wind,” a clerk who works near the square told the radio.",
            "a clerk who works near the square",
        ),
    ],
)
def test_a_quote_taken_into_the_clause_leaves_the_description_whole(run, text, speaker):
    # the parser takes "The tower" inside the quote for the cue's subject: the words after the quote speak, as the
    # noun their last words modify (not "the old hotel", "the square")
    a = run(text)
    assert [q.speaker for q in a.quotes] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Harbour master Olof Nyberg spoke first.\n\nA fisherman from the island told reporters that the nets "
            "were torn.\n\n“Everyone lost a week of work,” he said.",
            "A fisherman from the island",
        ),
        (
            "Harbour master Olof Nyberg spoke first.\n\nOne of the volunteers told reporters that the nets were "
            "torn.\n\n“Everyone lost a week of work,” he said.",
            "One of the volunteers",
        ),
    ],
)
def test_he_goes_on_with_a_compound_person_noun_or_one_of_a_group(run, text, speaker):
    a = run(text)
    assert [q.speaker for q in a.quotes] == [speaker]


def test_they_goes_on_with_the_group_past_the_outlet_it_told(run):
    a = run("“The dam held,” engineers at the plant told Reuters. They added: “The water is falling now.”")
    assert [q.speaker for q in a.quotes] == ["engineers at the plant", "engineers at the plant"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The council said it had removed its treasurer after an audit found she was “not fully open about the "
            "accounts” with members.",
            "council",
        ),
        (
            "The club says the coach left. It says the move came after a review showed the coach was “not honest "
            "with the players” all season.",
            "club",
        ),
    ],
)
def test_a_finding_inside_speech_is_the_speakers_words_not_the_findings(run, text, speaker):
    quoted = [(q.speaker or "").lower().removeprefix("the ") for q in run(text).quotes]  # "council" or "The club"
    assert quoted == [speaker], quoted


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The report said Smith believes the reform is “doomed from the start” this year.", "The report"),
        ("The union said members think the offer is “an insult to every worker” here.", "The union"),
        ("The sheriff, Ann Bell, said detectives believe the man entered “with a plan to rob it.”", "Ann Bell"),
        ("Officials had said earlier that they believe the driver held “important” details.", "Officials"),
    ],
)
def test_a_belief_inside_speech_is_the_speakers_words(run, text, speaker):
    # a belief is no one's utterance: the words in marks were chosen by the one who speaks
    quoted = [q.speaker_mention.text for q in run(text).quotes if q.speaker_mention]
    assert quoted == [speaker], quoted


@pytest.mark.parametrize(
    "text",
    [
        "Markets reacted to the “unexpected and troubling” decision on Monday.",
        "Moscow retaliated against the “hostile and illegal” sanctions within a day.",
    ],
)
def test_reacting_is_no_speech(run, text):
    assert all(q.speaker is None for q in run(text).quotes)


def test_an_outer_it_still_reports_a_clause_that_a_participle_continues(run):
    # the reported clause's subject is a thing and the one who reports is "It", which coreference names
    text = (
        "The Finance Ministry issued a statement on Monday. It said the talks had failed, saying, “The other side "
        "walked away from the table.”"
    )
    assert [q.speaker for q in run(text).quotes] == ["Finance Ministry"]
