"""Pairing quotation marks: straight, curly, mismatched, unclosed, inch marks."""

from __future__ import annotations

import pytest

from reportedly.nlp.quotemarks import find_quoted, house_style_marks


def contents(text):
    return [(text[q.start : q.end], q.close is None) for q in find_quoted(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we will win" today.', [("we will win", False)]),
        ("She said “it is over” and left.", [("it is over", False)]),
        # the example article closes a quote with an opening mark
        (
            "“Soleimani was our main adversary “Heyman told the publication.",
            [("Soleimani was our main adversary", False)],
        ),
        # an odd mark out opens an unclosed quote that runs to the paragraph end
        (
            "“The motor,” Heyman said of Soleimani “Syria, which is close by.\n\nNext paragraph.",
            [("The motor,", False), ("Syria, which is close by.", True)],
        ),
        ('A 27" screen and a 5\'11" man.', []),
        ("No quotes at all.", []),
        ("“A,” he said, “B.”", [("A,", False), ("B.", False)]),
    ],
)
def test_pairs(text, expected):
    assert contents(text) == expected


def test_quotes_do_not_cross_paragraphs():
    text = "“First paragraph has an unclosed quote\n\n“Second one is closed,” she said."
    got = contents(text)
    assert got == [("First paragraph has an unclosed quote", True), ("Second one is closed,", False)]


def test_offsets_point_into_the_text():
    text = 'x "abc def" y'
    q = find_quoted(text)[0]
    assert text[q.open] == '"' and text[q.close] == '"' and text[q.start : q.end] == "abc def"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("‘We will not give up this fight,’ she said.", [("We will not give up this fight,", False)]),
        ("He said he didn’t know Pääbo’s work at all.", []),
        ("Critics called it ‘lost authority’ on Tuesday.", []),
        (
            "‘It’s the mayor’s decision and we respect it,’ he added.",
            [("It’s the mayor’s decision and we respect it,", False)],
        ),
    ],
)
def test_british_single_quotes(text, expected):
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("''That is our weak spot,'' said Reed.", "That is our weak spot,"),  # NYT
        ("``We won this fair and square,'' Lopez said.", "We won this fair and square,"),  # AP
        ("“We won,’’ Lopez said. Nobody else spoke at all.", "We won,"),  # ’’ closing a curly opener
        ("‘‘We won,’’ Lopez said.", "We won,"),
    ],
)
def test_two_character_house_style_marks_are_read_as_one_mark(text, quoted):
    # issue 10 (2)
    normal = house_style_marks(text)
    assert len(normal) == len(text)
    got = find_quoted(normal)
    assert [normal[q.start : q.end] for q in got] == [quoted]
    assert text[got[0].start : got[0].end] == quoted


def test_apostrophes_that_are_not_marks_stay_as_written():
    text = "The players' union and the 1990s'' results; rock 'n' roll."
    assert house_style_marks("It's the players' union.") == "It's the players' union."
    assert find_quoted(house_style_marks(text)) == []


def test_house_style_quotes_get_their_speaker(run):
    text = "Mexico relies on trade. ''That is Mexico's weak spot,'' said Douglas Reed, an economist at the bank."
    got = run(text).quotes
    assert [(q.text, q.speaker) for q in got] == [("That is Mexico's weak spot,", "Douglas Reed")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Dwayne "The Rock" Johnson said "we will win."', ["we will win."]),
        ('State Del. Marcia "Cia" Price spoke.', []),
        ('The group called it "Big Tobacco" and left.', ["Big Tobacco"]),  # a term, not part of a name
    ],
)
def test_a_nickname_inside_a_name_is_no_quotation(text, expected):
    assert [c for c, _ in contents(text)] == expected


def test_a_nickname_does_not_hide_the_speaker_after_a_quote(run):
    text = '"This is a big year for all of us!" State Del. Marcia "Cia" Price shouted to the crowd.'
    got = run(text).quotes
    assert [q.text for q in got] == ["This is a big year for all of us!"]  # no quote "Cia"
    assert got[0].cue == "shouted" and got[0].speaker.endswith("Price")  # the cue is reached past the nickname


def test_a_lone_mark_opening_a_paragraph_quotes_nothing():
    text = 'McCrummen reports:\n\n"Trump walked onto the stage, chanting “U-S-A! U-S-A!”'
    assert [c for c, _ in contents(text)] == ["U-S-A! U-S-A!"]  # no empty quote at the paragraph's mark


def test_attribute_values_of_markup_left_in_the_text_are_no_quotes():
    text = '<tweet tweet-author=" so we rate it Mostly True" tweet-date="June 11">Sanders said "we are fine" today.'
    assert [c for c, _ in contents(text)] == ["we are fine"]


def test_a_page_that_quotes_with_straight_single_marks():
    # issue 10: the Daily Mail's house style; a quotation of two paragraphs closes only at the second's end, and
    # apostrophes (I'm, Beckham's) neither open nor close
    text = (
        "Beckham's club signed him.\n\n"
        "Messi said: 'I'm very excited to start this next step in my career.\n\n"
        "'This is a fantastic opportunity for all of us.'\n\n"
        "'I am honored to welcome Leo,' Jorge Mas said."
    )
    assert contents(text) == [
        ("I'm very excited to start this next step in my career.", True),
        ("This is a fantastic opportunity for all of us.", False),
        ("I am honored to welcome Leo,", False),
    ]


def test_straight_single_marks_are_apostrophes_on_a_page_with_double_marks():
    text = "He said \"we won\" and left.\n\nMessi said: 'I'm very excited to start this next step.'"
    assert contents(text) == [("we won", False)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # issue 10: a sub-heading quoted in single marks on a page that quotes with double ones
        (
            "He wrote a \"letter\" to staff.\n\n'Extending our hiring freeze'\n\nThe freeze runs to March.",
            [("letter", False), ("Extending our hiring freeze", False)],
        ),
        (
            'He wrote a "letter" to staff.\n\n‘We’re making reductions’\n',
            [("letter", False), ("We’re making reductions", False)],
        ),
        # two stretches on one line, or a lone mark, are not one stretch
        ("He wrote a \"letter\".\n\n'Rock' and 'Roll' and 'Jazz'\n", [("letter", False)]),
    ],
)
def test_a_line_in_single_marks_is_a_quotation(text, expected):
    assert contents(text) == expected


def test_quote_left_open_and_closed_paragraphs_later_runs_over_the_paragraphs_between():
    text = (
        'Asked about the ship, the Spokesman said: "Planning is going well.\n\n'
        "What we can say is that the inspection has been done.\n\n"
        'You understand that this takes care."\n\n'
        "The ship left on Friday."
    )
    got = [(text[q.start : q.end], q.close is None) for q in find_quoted(text)]
    assert got == [
        ("Planning is going well.", True),
        ("What we can say is that the inspection has been done.", True),
        ("You understand that this takes care.", False),
    ]


def test_paragraphs_after_a_quote_left_open_are_not_quoted_without_a_closing_mark_below():
    text = 'The Spokesman said: "Planning is going well.\n\nThe ship left on Friday.\n\nIt carried food.'
    assert [text[q.start : q.end] for q in find_quoted(text)] == ["Planning is going well."]


def test_provenance_reads_quotes_without_running_them_on():
    """Provenance's evidence (own words, shared quotations) reads the marks as the copy-graph model was fitted on:
    without the run-on paragraphs (find_quoted(run_on=False)), so its leave-one-out numbers hold for the shipped code."""
    from reportedly.provenance.evidence import plain_words

    text = (
        'Asked about the ship, the Spokesman said: "Planning is going well.\n\n'
        "What we can say is that the inspection has been done.\n\n"
        'You understand that this takes care."'
    )
    assert len(find_quoted(text, run_on=False)) == 2
    assert " inspection has been done " in plain_words(text)
