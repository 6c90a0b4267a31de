"""Judgment words (rules/<lang>/evaluative.txt) put in or taken out by a rewrite or a translation in a language the
analysis does not read (diff._foreign_evaluative, diff._translated_evaluative)."""

from __future__ import annotations

from types import SimpleNamespace

from reportedly.provenance.diff import _foreign_evaluative, _translated_evaluative


def same_language(lang: str, before: str, after: str, source_text: str = "", copy_text: str = ""):
    src = SimpleNamespace(language=lang, text=source_text or before)
    cp = SimpleNamespace(language=lang, text=copy_text or after)
    out = _foreign_evaluative(src, cp, before, after, (0, len(before)), (0, len(after)))
    return [(c.kind, c.before, c.after) for c in out]


def translated(src_lang: str, cp_lang: str, before: str, after: str):
    out = _translated_evaluative(src_lang, cp_lang, before, after, (0, len(before)), (0, len(after)))
    return [(c.kind, c.before, c.after) for c in out]


def test_a_judgment_word_put_in_by_a_rewrite_is_a_loaded_word_added():
    before = "Der Bürgermeister hat den Bau der neuen Brücke am Montag gestoppt."
    after = "Der umstrittene Bürgermeister hat den Bau der neuen Brücke am Montag gestoppt."
    assert same_language("de", before, after) == [("loaded-word", None, "umstrittene")]
    # an inflected form of the listed word ("scandaleu*": scandaleuse, scandaleux)
    before = "La décision du conseil a été annoncée mardi soir."
    after = "La décision scandaleuse du conseil a été annoncée mardi soir."
    assert same_language("fr", before, after) == [("loaded-word", None, "scandaleuse")]


def test_a_judgment_word_taken_out_of_one_claim_is_a_loaded_word_dropped():
    before = "Il partito ha ottenuto una vittoria schiacciante alle elezioni di domenica."
    after = "Il partito ha ottenuto una vittoria alle elezioni di domenica."
    assert same_language("it", before, after) == [("loaded-word", "schiacciante", None)]


def test_a_word_the_other_text_uses_anywhere_or_one_of_a_clause_added_whole_is_no_change():
    before = "El alcalde presentó el plan el lunes."
    after = "El polémico alcalde presentó el plan el lunes."
    # the source calls him so elsewhere: the copy's word is the story's, not a tone it added
    assert same_language("es", before, after, source_text="El polémico alcalde. " + before) == []
    # a clause added whole brings its own words
    after = "El alcalde presentó el plan el lunes, tras una semana de críticas muy duras por su polémico proyecto."
    assert same_language("es", before, after) == []


def test_a_word_dropped_with_another_claim_english_and_languages_without_a_list_are_left_out():
    # two sentences of different claims: the source's word was not taken out of this one
    assert (
        same_language("pt", "Foi uma vitória esmagadora do partido.", "O tribunal adiou a audiência para maio.") == []
    )
    assert same_language("en", "The mayor spoke.", "The controversial mayor spoke.") == []
    assert same_language("nl", "De burgemeester sprak.", "De omstreden burgemeester sprak.") == []
    # a word with a neutral sense is not listed ("brutal": sudden, in French economic news)
    assert same_language("fr", "Un ralentissement a suivi.", "Un ralentissement brutal a suivi.") == []


def test_a_translation_that_adds_or_drops_the_only_judgment_word_of_its_sentence():
    before = "She then led the party to a comprehensive victory three years later."
    after = "Elle a ensuite conduit le parti vers une victoire écrasante trois ans plus tard."
    assert translated("en", "fr", before, after) == [("loaded-word", None, "écrasante")]
    before = "Rodri scored in the 68th minute of the high-voltage game."
    after = "Rodri traf in der 68. Minute des Spiels."
    assert translated("en", "de", before, after) == [("loaded-word", "high-voltage", None)]


def test_a_judgment_word_on_each_side_of_a_translation_is_its_translation():
    before = "Rodri scored in the 68th minute of the high-voltage game."
    assert translated("en", "fr", before, "Rodri a marqué à la 68e minute du match à haute tension.") == []
    assert translated("en", "fr", "The prestigious prize went to her.", "Le prix prestigieux lui revient.") == []
    # a language without a list: nothing known of its words
    assert translated("en", "nl", "The controversial mayor spoke.", "De burgemeester sprak.") == []
