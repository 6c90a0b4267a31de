"""A quotation translated with a 'likely' word its source did not have, or without the one it had
(diff._likely_in_translation)."""

from __future__ import annotations

from types import SimpleNamespace

from reportedly.provenance.crosslang import likely
from reportedly.provenance.diff import _likely_in_translation


def hedges(src_lang: str, before: str, cp_lang: str, after: str, source_hedges=()):
    src = SimpleNamespace(language=src_lang, hedges=[SimpleNamespace(start=s) for s in source_hedges])
    cp = SimpleNamespace(language=cp_lang, hedges=[])
    sq = SimpleNamespace(text=before, start=0, end=len(before))
    cq = SimpleNamespace(text=after, start=0, end=len(after))
    return [(c.kind, c.before, c.after) for c in _likely_in_translation(src, cp, sq, cq)]


def test_the_likely_markers_of_a_language():
    assert likely("Il viendra peut-être demain", "fr") == ["peut-être"]
    assert likely("Er kommt morgen", "de") == []
    assert likely("He will come", "xx") == []


def test_a_likely_word_added_or_dropped_in_translation_is_a_hedge_added_or_removed():
    before = "I knew one day I would be a world record-holder."
    after = "Je savais qu'un jour je serais peut-être détenteur du record du monde."
    assert hedges("en", before, "fr", after) == [("hedge-added", None, "peut-être")]
    before = "The bridge will probably reopen in May."
    assert hedges("en", before, "fr", "Le pont rouvrira en mai.") == [("hedge-removed", "probably", None)]


def test_a_quotation_hedged_on_both_sides_is_translated_as_it_was():
    # the source's own hedge (one the analysis found, "may"), or a hedging word of hedges.tsv in the copy
    before = "We may have the results in May."
    after = "Nous aurons peut-être les résultats en mai."
    assert hedges("en", before, "fr", after, source_hedges=[3]) == []
    before = "The bridge will probably reopen in May."
    assert hedges("en", before, "fr", "Le pont pourrait rouvrir en mai.") == []
    # hearsay is not read inside a quotation: a conditional there is the speaker's grammar
    assert hedges("en", "I would be there.", "fr", "Je serais là.") == []
