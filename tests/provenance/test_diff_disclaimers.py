"""A reporter's disclaimer that a claim could not be checked (rules/provenance/disclaimers.tsv): dropped, a hedge
removed; added, a hedge added; the same disclaimer in both, or a claim that something could not be verified, none."""

from __future__ import annotations

import pytest

from reportedly.provenance.diff import _disclaimer, disclaimer_changes

from .diffs import LEAD, changes_of_kind

BODY = (
    "A video shared online showed smoke rising over the harbour warehouses late on Sunday evening.\n\n"
    "Firefighters worked through the night to keep the flames away from the fuel depot nearby.\n\n"
)
NOTE = "The footage could not be independently verified.\n\n"


def test_a_disclaimer_the_copy_drops_is_a_hedge_removed(run):
    source, copy = LEAD + BODY + NOTE, LEAD + BODY
    found = changes_of_kind(run, source, copy, "hedge-removed")
    assert [c.before for c in found] == ["not be independently verified"]
    assert found[0].source_sentence.startswith("The footage could not")
    # the reverse: a copy that adds the disclaimer adds a hedge
    assert [c.after for c in changes_of_kind(run, copy, source, "hedge-added")] == ["not be independently verified"]


def test_a_disclaimer_both_keep_is_no_change(run):
    source = LEAD + BODY + NOTE
    copy = LEAD + "The footage could not be independently verified.\n\n" + BODY
    assert not changes_of_kind(run, source, copy, "hedge-removed")
    assert not changes_of_kind(run, source, copy, "hedge-added")


@pytest.mark.parametrize(
    "lang, sentence, found",
    [
        ("en", "Reuters could not independently verify the account.", "not independently verify"),
        ("en", "The claim has not been verified.", "not been verified"),
        ("en", "The app could not verify the users' age.", None),  # a claim about the app, not the reporter's check
        ("de", "Die Angaben ließen sich zunächst nicht überprüfen.", "ließen sich zunächst nicht überprüfen"),
        ("de", "Die Angaben waren unabhängig nicht zu überprüfen.", "unabhängig nicht zu überprüfen"),
        ("fr", "Ces images n'ont pas pu être vérifiées.", "pas pu être vérifiées"),
        ("es", "La cifra no pudo ser verificada de forma independiente.", "verificada de forma independiente"),
        ("it", "Il bilancio non è stato possibile verificarlo.", "non è stato possibile verificarlo"),
        ("pt", "Não foi possível verificar os números.", "Não foi possível verificar"),
        ("en", "He could not attend the verified meeting.", None),
    ],
)
def test_disclaimers_by_language(lang, sentence, found):
    assert _disclaimer(sentence, lang) == found


class _Text:
    """The two fields disclaimer_changes reads of an analysis."""

    def __init__(self, language, text):
        self.language, self.text = language, text


def test_a_copy_in_a_language_without_disclaimer_data_drops_nothing():
    # the Russian copy keeps the disclaimer in words the data does not list: no hedge removed
    src = _Text("en", "Smoke rose over the harbour. The footage could not be independently verified.")
    cp = _Text("ru", "Над гаванью поднимался дым. Видео не удалось независимо проверить.")
    checked = [((29, 78), (28, 66), None)]
    assert disclaimer_changes(src, cp, checked) == []
    # the same pair with a copy in a language whose disclaimers are known, and none there: a hedge removed
    fr = _Text("fr", "De la fumée montait au-dessus du port. La vidéo montre un entrepôt en feu.")
    assert [c.kind for c in disclaimer_changes(src, fr, [((29, 78), (39, 75), None)])] == ["hedge-removed"]
