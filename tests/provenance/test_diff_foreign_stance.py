"""Reporting verbs of another stance in rewrites in a language the analysis does not read
(rules/<lang>/reporting_stance.tsv, diff._foreign_stance)."""

from __future__ import annotations

import pytest

from reportedly.provenance.diff import _foreign_stance


def swaps(lang: str, before: str, after: str, copy_lang: str | None = None) -> list[tuple[str, str, str]]:
    out = _foreign_stance(lang, copy_lang or lang, before, after, (0, len(before)), (0, len(after)))
    return [(c.kind, c.before or "", c.after or "") for c in out]


@pytest.mark.parametrize(
    "lang, before, after, old, new",
    [
        (
            "fr",
            "« Nous ne fermerons pas la gare cet hiver », a-t-il ajouté devant la presse.",
            "« Nous ne fermerons pas la gare cet hiver », a-t-il rétorqué devant la presse.",
            "ajouté",
            "rétorqué",
        ),
        (
            "de",
            "Die Schule bleibt bis Freitag geschlossen, sagte der Bürgermeister am Montag.",
            "Die Schule bleibt bis Freitag geschlossen, warnte der Bürgermeister am Montag.",
            "sagte",
            "warnte",
        ),
        (
            "es",
            "El puente no estaba en buen estado, dijo el alcalde a la prensa local.",
            "El puente no estaba en buen estado, admitió el alcalde a la prensa local.",
            "dijo",
            "admitió",
        ),
        (
            "it",
            "Il museo riaprirà a giugno con le nuove sale, ha detto il sindaco.",
            "Il museo riaprirà a giugno con le nuove sale, ha promesso il sindaco.",
            "detto",
            "promesso",
        ),
        (
            "pt",
            "A estrada será reaberta na próxima semana, disse o prefeito aos jornalistas.",
            "A estrada será reaberta na próxima semana, garantiu o prefeito aos jornalistas.",
            "disse",
            "garantiu",
        ),
    ],
)
def test_a_reporting_verb_of_another_stance_is_a_loaded_word(lang, before, after, old, new):
    assert swaps(lang, before, after) == [("loaded-word", old, new)]


def test_a_verb_of_the_same_stance_or_the_same_verb_is_no_change():
    # 'a dit' and 'a expliqué' are both neutral; 'affirmé' is a way to say 'said' in this news, not a stance
    assert swaps("fr", "Le pont a cédé, a dit le maire.", "Le pont a cédé, a expliqué le maire.") == []
    assert swaps("fr", "Le pont a cédé, a dit le maire.", "Le pont a cédé, a affirmé le maire.") == []
    assert swaps("de", "Die Brücke war marode, sagte er.", "Die Brücke war marode, sagte er am Montag.") == []


def test_one_sentence_of_a_joined_piece_is_paired_with_the_copy_sentence_most_alike():
    before = "« Il est temps », a-t-elle déclaré. « Je n'ai plus assez d'énergie pour quatre ans », a-t-elle ajouté."
    after = (
        "La Première ministre a indiqué jeudi qu'elle partait. « Il est temps », a-t-elle déclaré. "
        "« Je n'ai plus assez d'énergie pour quatre ans », a-t-elle répliqué."
    )
    assert swaps("fr", before, after) == [("loaded-word", "ajouté", "répliqué")]


def test_two_verbs_a_side_or_two_claims_are_not_paired():
    # two reporting verbs in one sentence: which was swapped for which is not known
    before = "Le maire a dit que la gare fermera, et le préfet a confirmé la date."
    after = "Le maire a averti que la gare fermera en mai."
    assert swaps("fr", before, after) == []
    # the verbs of two sentences that make different claims are not paired by chance
    assert swaps("de", "Der Zug fiel aus, sagte die Bahn.", "Die Gewerkschaft warnte vor Streiks im Winter.") == []


def test_english_cross_language_and_languages_without_data_are_left_out():
    assert swaps("en", "The port is closed, police said.", "The port is closed, police admitted.") == []
    assert swaps("de", "Der Hafen ist zu, sagte die Polizei.", "Le port est fermé, a averti la police.", "fr") == []
    assert swaps("nl", "De haven is dicht, zei de politie.", "De haven is dicht, waarschuwde de politie.") == []


# review of stop 32's fixes (rev33): inputs other than the ones the fixes were written on


def test_a_german_noun_spelled_as_a_reporting_verb_is_no_reporting_verb():
    # "die Versicherten" (the insured), "die Beklagte" (the defendant): nouns, capitalised; the verbs
    # "versicherten" / "beklagte" are lower case in the middle of a sentence
    for before, after in (
        (
            "Die Versicherten zahlen ab Januar deutlich mehr für ihre Beiträge.",
            "Die Mitglieder zahlen ab Januar deutlich mehr für ihre Beiträge, sagte der Minister.",
        ),
        (
            "Die Beklagte bestritt vor dem Landgericht alle Vorwürfe.",
            "Die Frau bestritt vor dem Landgericht alle Vorwürfe, erklärte ihr Anwalt.",
        ),
    ):
        assert swaps("de", before, after) == [], before


def test_two_source_sentences_joined_into_one_give_one_stance_change():
    # both source sentences of the joined piece find the one copy sentence most alike: one change, not two
    before = (
        "Die Schule bleibt bis Freitag geschlossen, sagte der Bürgermeister. "
        "Die Schule bleibt auch am Samstag geschlossen, sagte er."
    )
    after = "Die Schule bleibt bis Freitag und am Samstag geschlossen, warnte der Bürgermeister."
    out = swaps("de", before, after)
    assert out == [("loaded-word", "sagte", "warnte")]


def test_a_noun_or_adjective_spelled_as_a_reporting_verb_is_no_reporting_verb():
    # French 'un juré' (a juror), 'un public averti' (an informed audience), Portuguese 'um alerta' (an alert)
    for lang, before, after in (
        (
            "fr",
            "Un juré a été remplacé mardi par le tribunal de Paris pour raisons de santé.",
            "Un membre du jury a été remplacé mardi par le tribunal de Paris pour raisons de santé, a indiqué le parquet.",
        ),
        (
            "fr",
            "Ce livre est destiné à un public averti selon les éditions Gallimard à Paris.",
            "Ce livre est destiné à un public adulte selon les éditions Gallimard à Paris, a précisé l'éditeur.",
        ),
        (
            "pt",
            "A Defesa Civil emitiu um alerta de chuvas fortes para a região de São Paulo nesta segunda.",
            "A Defesa Civil emitiu um aviso de chuvas fortes para a região de São Paulo nesta segunda, disse o órgão.",
        ),
    ):
        assert swaps(lang, before, after) == [], before


def test_french_verbs_of_promise_and_warning_with_their_auxiliary_are_still_read():
    before = "« Nous ne fermerons pas la gare cet hiver », a dit le maire devant la presse."
    for verb in ("a juré", "a averti", "a-t-il averti"):
        after = f"« Nous ne fermerons pas la gare cet hiver », {verb} le maire devant la presse."
        out = swaps("fr", before, after)
        assert len(out) == 1 and out[0][1] == "dit" and out[0][2].endswith(verb.split()[-1]), verb
