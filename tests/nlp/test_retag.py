"""Tagger slips corrected before the finders run (nlp/retag.py)."""

from __future__ import annotations

import pytest

from reportedly.nlp.pipeline import load_spacy_model
from reportedly.nlp.retag import _verb_lemma, speech_gerunds
from reportedly.rules import load


@pytest.fixture(scope="module")
def nlp():
    return load_spacy_model()


@pytest.mark.parametrize("word, lemma", [("saying", "say"), ("writing", "write"), ("admitting", "admit")])
def test_an_ing_form_gives_its_speech_verb(word, lemma):
    assert _verb_lemma(word, load("en")) == lemma


def test_a_gerund_of_no_speech_verb_gives_nothing():
    assert _verb_lemma("morning", load("en")) is None


def test_only_a_participle_clause_before_a_comma_or_mark_is_retagged(nlp):
    doc = nlp("The choir shared the photo online, writing, “We sang for three hours in the rain.” Her writing is neat.")
    fixed = speech_gerunds(doc, load("en"))
    assert [t.text for t in fixed] == ["writing"]
    assert all(t.tag_ == "VBG" and t.lemma_ == "write" and doc[t.i - 1].text == "," for t in fixed)
    noun = [t for t in doc if t.text == "writing"][-1]
    assert noun not in fixed and noun.tag_ != "VBG"  # "Her writing" stays a noun


def test_the_subject_before_a_participle_speaks_the_quote_after_it(run):
    text = "On Monday, the singer's family shared the news on Instagram, writing, “We wanted to share that he is ill.”"
    assert [q.speaker_mention.text for q in run(text).quotes] == ["the singer's family"]


def test_the_text_passed_in_gives_what_the_doc_text_gives(nlp):
    text = "The choir shared the photo online, writing, “We sang for three hours in the rain.” Her writing is neat."
    by_doc = [(t.i, t.lemma_) for t in speech_gerunds(nlp(text), load("en"))]
    by_text = [(t.i, t.lemma_) for t in speech_gerunds(nlp(text), load("en"), text)]
    assert by_text == by_doc and by_doc
