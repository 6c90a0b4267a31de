"""Pronoun resolution's helpers (nlp/coref.py): the same answer whether the caller hands over the Doc's text or not."""

from __future__ import annotations

import pytest

from reportedly.nlp.coref import _in_credit_lines
from reportedly.rules import load

TEXT = "The mayor opened the bridge on Friday.\nReporting by Jane Roe; Editing by Tom Poe\nShe said it was late."


def test_credit_lines_from_the_text_passed_in_match_those_from_the_doc(pipeline):
    with pipeline.select_pipes(disable=["reportedly_attribution", "reportedly_timex", "reportedly_signals"]):
        doc = pipeline(TEXT)
    by_doc = _in_credit_lines(doc, load("en"))
    assert _in_credit_lines(doc, load("en"), TEXT) == by_doc
    credited = [t.text for t in doc if by_doc[t.i]]
    assert "Roe" in credited and "mayor" not in credited and "She" not in credited


def test_pronoun_positions_are_those_a_scan_of_every_token_finds(pipeline):
    from reportedly.nlp.coref import _pronoun_positions

    rules = load("en")
    text = "She said HIS plan failed. The union said its members and their families would strike, he added."
    doc = pipeline.make_doc(text)
    words = set(rules.pronouns) | set(rules.possessive_pronouns)
    scan = [t.i for t in doc if t.lower_ in words]
    assert _pronoun_positions(doc, rules) == scan == [0, 2, 9, 12, 17]


@pytest.mark.parametrize(
    "intro",
    [
        "The deal marks a new phase for the firm, said president and CEO Tom Baker.",
        "Acme will buy Bolt for $2 billion, chief executive Tom Baker said on Monday.",
    ],
)
def test_the_executive_refers_back_to_the_ceo_named_before(run, intro):
    text = (
        f'{intro} "Together, we will build the best tools in the world for all of our customers," the executive added.'
    )
    assert run(text).quotes[-1].speaker == "Tom Baker"


def test_the_ceo_refers_back_to_a_chief_executive_named_in_lower_case(run):
    text = (
        "Acme will buy Bolt for $2 billion, chief executive Tom Baker said on Monday. The firm's shares rose. "
        '"We have waited a long time for a deal like this one," the CEO told reporters.'
    )
    assert run(text).quotes[-1].speaker == "Tom Baker"


@pytest.mark.parametrize("description", ["the executive", "the CEO"])
def test_a_job_that_opens_the_sentence_is_the_role_its_capital_no_title(run, description):
    text = (
        "Chief executive Tom Baker said Acme will buy Bolt for $2 billion. The firm's shares rose. "
        f'"We have waited a long time for a deal like this one," {description} told reporters.'
    )
    assert run(text).quotes[-1].speaker == "Tom Baker"


def test_an_officer_is_not_the_ceo_named_before(run):
    # "CEO" gives "executive" to the context, not "officer": that word alone names any officer
    text = (
        "Acme CEO Tom Baker said the plant would reopen soon. Police closed the road near the plant on Monday. "
        '"Nobody was hurt in the blast," an officer told reporters.'
    )
    assert run(text).quotes[-1].speaker != "Tom Baker"
