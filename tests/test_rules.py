"""Word lists are data under rules/<lang>/; a language without rules is a clear error (issue 10, 9)."""

from __future__ import annotations

import pytest

from reportedly import analyze
from reportedly.errors import ReportedlyError, UnsupportedLanguageError
from reportedly.rules import load, supported_languages


def test_english_is_supported_and_its_tables_load():
    rules = load("en")
    assert "en" in supported_languages()
    assert rules.months["sept"] == 9 and rules.weekdays["monday"] == 0 and rules.numbers["half a"] == 0.5
    assert rules.pronouns["she"] == "female" and rules.pronouns["we"] == "speaker"
    assert rules.gendered_titles["mrs"] == "female" and "university" in rules.organisation_words


@pytest.mark.parametrize("text", ["Short text here.", "The minister said on Monday that the plan would go ahead."])
def test_an_unsupported_language_is_a_reportedly_error_naming_the_supported_ones(text):
    with pytest.raises(UnsupportedLanguageError) as info:
        analyze(text, lang="xx")
    assert isinstance(info.value, ReportedlyError)
    assert "'xx'" in str(info.value) and "en" in str(info.value)


def test_objects_that_make_a_speech_verb_no_speech_are_pairs():
    rules = load("en")
    assert "meeting" in rules.non_speech_objects["call"] and "charge" not in rules.non_speech_objects["call"]


def test_raising_verbs_are_attribution_verbs():
    rules = load("en")
    assert {"continue", "prove"} <= rules.raising_verbs <= set(rules.attribution_verbs)


def test_age_descriptions_and_manner_of_speech_verbs():
    rules = load("en")
    assert "year-old" in rules.age_descriptions and {"bark", "mutter"} <= set(rules.cue_verbs)


def test_agent_noun_endings_take_agents_not_documents():
    rules = load("en")
    assert all(rules.is_agent_noun(w) for w in ("caller", "narrator", "columnist", "historian", "informant"))
    assert not any(rules.is_agent_noun(w) for w in ("statement", "government", "ear", "agent"))
