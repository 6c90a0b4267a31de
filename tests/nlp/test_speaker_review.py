"""Review of stop 32's speaker fixes (rev33): inputs other than the ones the fixes were written on."""

from __future__ import annotations


def test_a_pronoun_after_a_name_asked_about_does_not_change_its_guessed_gender(run):
    # "Chris" is mostly a man's name; "she" after "Asked about Chris Martin" is the woman asked, not Chris Martin
    text = (
        "Singer Chris Martin performed in London on Friday.\n\n"
        "Anna Berg, a fan from Oslo, waited for hours. Asked about Chris Martin, she smiled. "
        "Asked again about Chris Martin, she said “he is the best.”\n\n"
        "“We love this city,” he said after the show."
    )
    quotes = run(text).quotes
    assert quotes[-1].speaker == "Chris Martin"
