"""A copy in another language against its source: quotations and sentences aligned by what survives translation,
and the figures, times, days and hearsay markers a translation changed."""

from __future__ import annotations

from reportedly.models import Analysis
from reportedly.provenance import crosslang as x
from reportedly.provenance.diff import diff


def test_cognates_across_languages():
    assert x.cognate("projet", "project")
    assert x.cognate("kaliber", "caliber")  # k / c spelled one way
    assert x.cognate("karriereschritt", "carriere")  # a compound that starts with the word
    assert not x.cognate("continue", "construire")
    assert not x.cognate("konne", "continue")  # alike by letters, not by length
    assert not x.cognate("2024", "2025")


def test_marked_quotes_of_several_languages():
    text = 'Il a dit « nous allons gagner » et „wir kommen wieder“.\n"Dieci anni fa, quando ho deciso\nFine.'
    assert [q.text for q in x.marked_quotes(text)] == [
        "nous allons gagner",
        "wir kommen wieder",
        "Dieci anni fa, quando ho deciso",
    ]


def test_figures_and_clock_times():
    assert x.figures("at about 1:30 a.m. (0530 GMT), 11,000 staff") == {"01:30", "05:30", "11000"}
    assert x.figures("vers 13h30 (05h30 GMT), 11.000 salariés") == {"13:30", "05:30", "11000"}


def test_calendar_and_hearsay_words():
    assert x.calendar_words("sent mandag aften, fino a giugno 2025") == {
        "weekday": {0: "mandag"},
        "month": {6: "giugno"},
    }
    assert x.hearsay("In Miami soll er 50 Millionen verdienen.", "de") == ["soll"]
    assert x.hearsay("He earns 50 million in Miami.", "en") == []
    assert x.reported_speech("Er freue sich sehr, in Miami zu spielen.", "de")


def test_translated_quotation_aligned_to_its_source_by_cognates():
    pool = [x.Passage("This is a fantastic opportunity to build this beautiful project", 0, 60),
            x.Passage("The weather in the city was cold and grey all week", 70, 120)]  # fmt: skip
    quote = x.Passage("C'est une opportunité fantastique de construire ce beau projet", 0, 62)
    ((sq, cq, _),) = x.align_quotes("", pool, "", [quote])
    assert sq is pool[0] and cq is quote


def _foreign(text: str, lang: str) -> Analysis:
    return Analysis(text=text, published=None, language=lang)


SOURCE = (
    "Lionel Messi has signed a contract with Inter Miami until 2025, the club announced on Saturday.\n\n"
    "“This is a fantastic opportunity and together we will continue this beautiful project,” Messi said.\n\n"
    "In Miami he reportedly earns between 50 and 60 million dollars a year, the agency said.\n\n"
    "The ship hit the bridge at about 1:30 a.m. (0530 GMT), officials in Baltimore said."
)
COPY = (
    "Lionel Messi a signé un contrat avec l'Inter Miami jusqu'en juin 2025, a annoncé le club samedi.\n\n"
    "« C'est une opportunité fantastique et ensemble nous continuerons ce merveilleux projet », a déclaré Messi.\n\n"
    "À Miami, il gagne entre 50 et 60 millions de dollars par an, selon l'agence.\n\n"
    "Le navire a heurté le pont vers 13h30 (05h30 GMT), selon les responsables de Baltimore."
)


def test_diff_of_a_translation_reports_what_translation_changed():
    d = diff(_foreign(SOURCE, "en"), _foreign(COPY, "fr"))
    got = {(c.kind, c.before, c.after) for c in d.changes}
    quote = next(c for c in d.changes if c.kind == "quote-reworded")
    assert quote.before.startswith("This is a fantastic") and quote.after.startswith("C'est une opportunité")
    assert "translated (en -> fr)" in quote.detail
    assert ("hedge-removed", "reportedly", None) in got
    assert ("number-changed", "01:30", "13:30") in got
    assert ("date-changed", None, "juin") in got
    dropped = [c.before for c in d.changes if c.kind == "sentence-dropped"]
    assert not any(b.startswith(("Lionel", "In Miami")) for b in dropped)  # aligned with their translations


def test_a_quotation_cut_by_a_line_break_goes_on_in_the_next_paragraph():
    text = "“In 2018, we made a promise to build a club\n\nthat would attract players.” said Mas.\nNext line."
    assert [q.text for q in x.marked_quotes(text)] == [
        "In 2018, we made a promise to build a club\n\nthat would attract players."
    ]


def test_each_source_quotation_goes_to_one_copy_quotation():
    pool = [x.Passage("This is a fantastic opportunity for this beautiful project", 0, 60)]
    quotes = [
        x.Passage("C'est une opportunité fantastique pour ce beau projet", 0, 52),
        x.Passage("Une opportunité fantastique pour le club et son stade, un projet", 60, 124),  # a weaker echo
    ]
    assert [cq.start for _, cq, _ in x.align_quotes("", pool, "", quotes)] == [0]


def test_a_translator_who_broke_a_quotation_in_two():
    src = x.Passage("We will build this project together and we will win many titles here in Miami", 0, 79)
    cp_text = '"Wir bauen das Projekt", sagte er. "Wir gewinnen hier viele Titel in Miami"'
    first, second = x.marked_quotes(cp_text)
    ((_, cq, _),) = x.extend("", cp_text, [(src, first, 40.0)], [src], [first, second], 120)
    assert cq.start == first.start and cq.end == second.end


def test_hearsay_compared_only_where_the_two_sentences_state_one_claim():
    src = "In Miami he reportedly earns between 50 and 60 million dollars a year."
    other = "Messi reportedly wants to win titles with Inter Miami."
    cp = "À Miami, il gagne entre 50 et 60 millions de dollars par an."
    assert any(c.kind == "hedge-removed" for c in diff(_foreign(src, "en"), _foreign(cp, "fr")).changes)
    assert not any(c.kind == "hedge-removed" for c in diff(_foreign(other, "en"), _foreign(cp, "fr")).changes)


def test_one_among_others_is_a_hedge_only_before_a_superlative():
    assert x.hearsay("l’a transformé en l’une des équipes les plus riches du monde", "fr") == ["l'une des"]
    assert x.hearsay("Beckham, devenu l'un des propriétaires de l'Inter Miami", "fr") == []  # a co-owner
    assert x.hearsay("one of the richest clubs in the world", "en") == ["one of the"]


def test_a_named_speaker_the_translation_leaves_out_is_an_attribution_dropped(run):
    from reportedly.analyze import analyze_prepared, prepare

    source = run(
        "The Dali rammed the Francis Scott Key Bridge in Baltimore at 1:30 on Tuesday.\n\n"
        "With the Dali barreling toward the Francis Scott Key Bridge, authorities had just enough time to stop 12 "
        "cars on Interstate 695, Maryland Governor Wes Moore said."
    )
    lead = "Le Dali a percuté le pont Francis Scott Key à Baltimore à 1h30 mardi.\n\n"
    body = (
        "Alors que le Dali se dirigeait vers le pont Francis Scott Key, les autorités ont eu de justesse le temps "
        "d'arrêter 12 voitures sur l'Interstate 695"
    )
    dropped, kept = (
        next(analyze_prepared([prepare(lead + body + end, foreign=True)]))
        for end in (".", ", a déclaré le gouverneur Wes Moore.")
    )
    assert dropped.language == "fr"

    def moore(cp):
        return [c for c in diff(source, cp).changes if c.kind == "attribution-dropped" and "Moore" in c.before]

    assert moore(dropped) and not moore(kept)


def test_a_speaker_the_translation_names_in_a_sentence_of_its_own_is_an_attribution_moved(run):
    from reportedly.analyze import analyze_prepared, prepare

    source = run(
        "The Dali rammed the Francis Scott Key Bridge in Baltimore at 1:30 on Tuesday.\n\n"
        "With the Dali barreling toward the Francis Scott Key Bridge, authorities had just enough time to stop 12 "
        "cars on Interstate 695, Maryland Governor Wes Moore said."
    )
    cp = next(
        analyze_prepared(
            [
                prepare(
                    "Le Dali a percuté le pont Francis Scott Key à Baltimore à 1h30 mardi.\n\n"
                    "Alors que le Dali se dirigeait vers le pont Francis Scott Key, les autorités ont eu de justesse "
                    "le temps d'arrêter 12 voitures sur l'Interstate 695. Le gouverneur Moore l'a précisé mercredi devant "
                    "la presse réunie dans la capitale de l'État, où les drapeaux étaient en berne.",
                    foreign=True,
                )
            ]
        )
    )
    changes = diff(source, cp).changes
    moved = [c for c in changes if c.kind == "attribution-moved"]
    assert moved and "Moore" in moved[0].after and "12 voitures" in moved[0].copy_sentence
    assert not [c for c in changes if c.kind == "attribution-dropped" and "Moore" in (c.before or "")]


def test_cognate_share_counts_the_words_a_translation_keeps_without_a_dictionary():
    from reportedly.provenance.crosslang import cognate_share

    source = (
        "The health agency classified the sweetener sucralose as a possible carcinogen on Friday, director "
        "Ingrid Kovalenko told a press conference in Geneva, citing 3 studies."
    )
    other = "Floods closed the harbour road on Tuesday, the mayor said, and ferries stayed in port."
    copy = (
        "L'agence sanitaire a classé l'édulcorant sucralose comme cancérogène possible vendredi, a déclaré la "
        "directrice Ingrid Kovalenko lors d'une conférence de presse à Genève, citant 3 études."
    )
    near = cognate_share(source, copy)
    assert near > 0.4  # sucralose, Kovalenko, Ingrid, agence/agency, classé/classified, conférence, Genève ...
    assert cognate_share(other, copy) < 0.15 < near
    assert cognate_share(source, "") == 0.0


def test_cognate_share_reads_cyrillic_names_and_arabic_digits():
    from reportedly.provenance.crosslang import cognate_share

    source = "President Zelensky met Chancellor Scholz in Kyiv on 2023 talks about 450 tanks."
    russian = "Зеленский встретился с канцлером в Киеве."
    assert cognate_share(source, russian) > 0  # zelenskiy ~ zelensky
    assert cognate_share("Other news from elsewhere.", russian) == 0.0
    arabic = "قال المسؤول إن ٤٥٠ دبابة"
    assert cognate_share(source, arabic) > 0  # ٤٥٠ is 450


def test_a_claim_given_as_likely_only_is_a_hedge():
    assert x.hearsay("Le barrage a probablement cédé vers minuit.", "fr") == ["probablement"]
    assert x.hearsay("Die Brücke ist vielleicht schon im Mai wieder offen.", "de") == ["vielleicht"]
    assert x.hearsay("La diga ha ceduto verso mezzanotte.", "it") == []


def test_a_likely_added_in_translation_without_a_shared_figure_is_a_hedge_added():
    src = "The Olympic champion Maria Lopez is the greatest sprinter in the history of Portugal."
    cp = "La championne olympique Maria Lopez est probablement la plus grande sprinteuse de l'histoire du Portugal."
    got = [(c.kind, c.after) for c in diff(_foreign(src, "en"), _foreign(cp, "fr")).changes if "hedge" in c.kind]
    assert got == [("hedge-added", "probablement")]
    # a sentence on another claim, sharing a name only, is no hedge added
    other = "Maria Lopez va probablement courir à Lisbonne en juin."
    assert not any("hedge" in c.kind for c in diff(_foreign(src, "en"), _foreign(other, "fr")).changes)
