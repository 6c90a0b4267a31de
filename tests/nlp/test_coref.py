"""Pronoun resolution's helpers (nlp/coref.py): the same answer whether the caller hands over the Doc's text or not."""

from __future__ import annotations

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
