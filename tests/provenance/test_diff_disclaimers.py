"""A reporter's disclaimer that a claim could not be checked (rules/provenance/disclaimers.tsv): dropped, a hedge
removed; added, a hedge added; the same disclaimer in both, or a claim that something could not be verified, none."""

from __future__ import annotations

import pytest

from reportedly.provenance.diff import _disclaimer

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
        ("it", "Il bilancio non è stato possibile verificarlo.", None),
        ("pt", "Não foi possível verificar os números.", "Não foi possível verificar"),
        ("en", "He could not attend the verified meeting.", None),
    ],
)
def test_disclaimers_by_language(lang, sentence, found):
    assert _disclaimer(sentence, lang) == found
