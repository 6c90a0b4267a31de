"""Scrape debris is found line by line and reported with a reason."""

from __future__ import annotations

import pytest

from reportedly.ingest.clean import find_boilerplate, mask
from reportedly.rules import load

RULES = load("en")


@pytest.mark.parametrize(
    "line",
    [
        "Exit mobile version",
        "Advertisement",
        "ADVERTISEMENT",
        "Article Continued Below",
        "Share on Facebook",
        "Share | Tweet | Email",
        "Read more: Why the bridge fell",
        "Skip Advertisement",
        "Home > News > World",
        "(Image credit: Christian Charisius/AP)",
        '"Follow Pam Key on Twitter @pamkeyNEN."',
        "Follow Jane Doe on X @janedoe",
    ],
)
def test_debris_lines(line):
    text = f"Title of the story\n\nA real sentence of the story, with words.\n\n{line}\n\nAnother real sentence."
    assert [b.text for b in find_boilerplate(text, RULES)] == [line]


def test_tag_word_under_title():
    text = "Ex-Intelligence Chief Confirms the Killing of Soleimani\n\nsoleimani\n\nThe story begins here."
    got = find_boilerplate(text, RULES)
    assert [(b.text, b.reason) for b in got] == [("soleimani", "tag under title")]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Monday after the report.",
        "Advertisement revenue rose 4 percent, the company said.",
        "He said: “Read more books.”",
        "Follow the money on Twitter and you will find the answer, he said.",
    ],
)
def test_article_sentences_are_kept(line):
    text = f"Title\n\n{line}\n\nMore text follows here."
    assert find_boilerplate(text, RULES) == []


def test_mask_keeps_offsets():
    text = "Story text.\nAdvertisement\nMore story."
    debris = find_boilerplate(text, RULES)
    masked = mask(text, debris)
    assert len(masked) == len(text) and "Advertisement" not in masked and masked.endswith("More story.")


def test_a_metadata_field_glued_before_the_first_words_is_debris():
    # issue 10 (4): "date 2022-10-20" left by a scraper must not become a speaker "date"
    from reportedly.ingest.clean import find_boilerplate
    from reportedly.rules import load

    text = "date 2022-10-20 LIZ Truss said she cannot deliver the mandate.\nThe date of the vote is unknown."
    found = find_boilerplate(text, load("en"))
    assert [(b.text, b.reason) for b in found] == [("date 2022-10-20", "scrape prefix")]
    assert text[found[0].start : found[0].end] == "date 2022-10-20"


def test_the_scrape_prefix_is_skipped_and_the_sentence_keeps_its_speaker(run):
    a = run("date 2022-10-20 Liz Truss said that she could not deliver the mandate of the party.\nShe resigned.")
    assert [(t.source, t.cue) for t in a.attributions] == [("Liz Truss", "said")]


def test_markup_left_in_plain_text_is_blanked_in_place(run):
    from reportedly.ingest.clean import unmarked

    text = (
        'Bankman-Fried was convicted of <a href="https://example.org/2023/10/12/ellison-testimony/" '
        'target="_blank">defrauding customers</a> on Thursday, prosecutors said.'
    )
    blank = unmarked(text)
    assert len(blank) == len(text) and "href" not in blank and "defrauding customers" in blank
    assert blank.index("defrauding") == text.index("defrauding")  # offsets hold
    a = run(text)
    assert [t.text for t in a.timexes] == ["Thursday"]  # the link's address is no date of the article
    assert a.text == text  # the stored text keeps what the page had
