"""The inflected 'alleged' / 'supposed' adjectives of rules/provenance/hedges.tsv (diff._foreign_hedges)."""

from __future__ import annotations

import pytest

from reportedly.provenance.diff import _foreign_hedges


def hedges(lang: str, before: str, after: str) -> list[tuple[str, str, str]]:
    out = _foreign_hedges(lang, lang, before, after, (0, len(before)), (0, len(after)))
    return [(c.kind, c.before or "", c.after or "") for c in out]


@pytest.mark.parametrize(
    "lang, before, after, word",
    [
        (
            "de",
            "Der mutmaßliche Täter wurde am Montag festgenommen.",
            "Der Täter wurde am Montag festgenommen.",
            "mutmaßliche",
        ),
        ("fr", "Les présumées victimes ont porté plainte mardi.", "Les victimes ont porté plainte mardi.", "présumées"),
        ("it", "I presunti autori sono stati arrestati ieri.", "Gli autori sono stati arrestati ieri.", "presunti"),
        ("es", "La presunta agresión ocurrió en una discoteca.", "La agresión ocurrió en una discoteca.", "presunta"),
        ("pt", "O suposto ataque ocorreu na segunda-feira.", "O ataque ocorreu na segunda-feira.", "suposto"),
    ],
)
def test_an_inflected_alleged_dropped_is_a_hedge_removed(lang, before, after, word):
    assert hedges(lang, before, after) == [("hedge-removed", word, "")]


def test_spanish_of_course_is_no_hedge():
    before = "El club, por supuesto, recurrirá la sentencia."
    assert hedges("es", before, "El club recurrirá la sentencia.") == []
