"""Review of stop 32's meaning-change fixes (rev33): inputs other than the ones the fixes were written on."""

from __future__ import annotations

from reportedly.provenance.diff import _foreign_stance


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
        assert _foreign_stance("de", "de", before, after, (0, len(before)), (0, len(after))) == [], before


def test_two_source_sentences_joined_into_one_give_one_stance_change():
    # both source sentences of the joined piece find the one copy sentence most alike: one change, not two
    before = (
        "Die Schule bleibt bis Freitag geschlossen, sagte der Bürgermeister. "
        "Die Schule bleibt auch am Samstag geschlossen, sagte er."
    )
    after = "Die Schule bleibt bis Freitag und am Samstag geschlossen, warnte der Bürgermeister."
    out = _foreign_stance("de", "de", before, after, (0, len(before)), (0, len(after)))
    assert [(c.kind, c.before, c.after) for c in out] == [("loaded-word", "sagte", "warnte")]


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
        assert _foreign_stance(lang, lang, before, after, (0, len(before)), (0, len(after))) == [], before


def test_french_verbs_of_promise_and_warning_with_their_auxiliary_are_still_read():
    before = "« Nous ne fermerons pas la gare cet hiver », a dit le maire devant la presse."
    for verb in ("a juré", "a averti", "a-t-il averti"):
        after = f"« Nous ne fermerons pas la gare cet hiver », {verb} le maire devant la presse."
        out = _foreign_stance("fr", "fr", before, after, (0, len(before)), (0, len(after)))
        assert len(out) == 1 and out[0].before == "dit" and out[0].after.endswith(verb.split()[-1]), verb
