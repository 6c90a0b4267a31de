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
