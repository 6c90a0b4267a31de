"""Pairing quotation marks: straight, curly, mismatched, unclosed, inch marks."""

from __future__ import annotations

import pytest

from reportedly.nlp.quotemarks import find_quoted


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
