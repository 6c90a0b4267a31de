"""Synonyms a spinner swapped into a sentence whose clauses it also reordered (issue 9, session 32)."""

from __future__ import annotations

from .diffs import LEAD, changes_of_kind

SOURCE = LEAD + (
    "After being diagnosed with aphasia, Bruce Willis, the star of the Die Hard franchise and dozens of other action "
    "movies, will retire from acting, his family said on Wednesday in a statement on Instagram."
)


def _swaps(run, source: str, copy: str) -> list[tuple[str, str]]:
    return [(c.before, c.after) for c in changes_of_kind(run, source, copy, "loaded-word") if "swapped" in c.detail]


def test_a_synonym_in_a_reordered_sentence_is_a_loaded_word(run):
    copy = LEAD + (
        "His family said on Wednesday in a statement on Instagram that Bruce Willis, the star of the Die Hard "
        "trilogy and dozens of other action movies, will retire from acting after being diagnosed with aphasia."
    )
    assert ("franchise", "trilogy") in _swaps(run, SOURCE, copy)


def test_a_word_the_other_sentence_has_elsewhere_is_no_swap(run):
    # "grass" moved to the front: "in the grass were" -> "was strewn with" is a rewording around it, not a swap
    source = LEAD + "Around them in the grass were blankets, school backpacks and other belongings."
    copy = LEAD + "The grass around them was strewn with blankets, school backpacks, and other belongings."
    assert _swaps(run, source, copy) == []
