"""Attribution cues of rewrites in a language the analysis does not read (rules/<lang>/attribution_cues.txt)."""

from __future__ import annotations

import pytest

from reportedly.provenance.diff import _foreign_attributions


def kinds(lang: str, before: str, after: str, copy_lang: str | None = None) -> list[tuple[str, str, str]]:
    out = _foreign_attributions(lang, copy_lang or lang, before, after, (0, len(before)), (0, len(after)))
    return [(c.kind, c.before or "", c.after or "") for c in out]


@pytest.mark.parametrize(
    "lang, before, after, cue",
    [
        (
            "de",
            "Der Hafen bleibt laut der Polizei bis Freitag gesperrt.",
            "Der Hafen bleibt bis Freitag gesperrt.",
            "laut",
        ),
        ("fr", "Le pont sera rouvert en mai, a précisé la mairie.", "Le pont sera rouvert en mai.", "a précisé"),
        ("es", "Según el ministerio, la presa resistió la crecida.", "La presa resistió la crecida del río.", "Según"),
        ("it", "Il museo riaprirà a giugno, secondo il sindaco.", "Il museo riaprirà a giugno.", "secondo il"),
        ("pt", "A estrada foi reaberta, de acordo com a prefeitura.", "A estrada foi reaberta ontem.", "de acordo com"),
    ],
)
def test_a_cue_the_copy_leaves_out_drops_the_attribution(lang, before, after, cue):
    assert kinds(lang, before, after) == [("attribution-dropped", cue, "")]
    # the reverse: the copy gives a source the original did not
    assert kinds(lang, after, before) == [("attribution-added", "", cue)]


def test_a_cue_that_cites_another_source_moves_the_attribution():
    before = "Die Brücke war marode, teilte das Verkehrsministerium am Montag mit."
    after = "Die Brücke war marode, sagte ein Sprecher der Feuerwehr."
    assert [k for k, _, _ in kinds("de", before, after)] == ["attribution-moved"]
    # the same source in other words (an inflection) moves nothing
    assert kinds("fr", "Le pont a cédé, a déclaré le ministère.", "Le pont a cédé, a indiqué le ministère.") == []


def test_english_and_cross_language_pairs_are_left_to_their_own_checks():
    assert kinds("en", "The port is closed, police said.", "The port is closed.") == []
    assert kinds("de", "Der Hafen ist laut Polizei gesperrt.", "Le port est fermé.", copy_lang="fr") == []
    # a language without cue data: nothing
    assert kinds("nl", "De haven is dicht, volgens de politie.", "De haven is dicht.") == []


def test_a_hedge_reworded_away_around_one_figure_is_removed():
    from reportedly.provenance.diff import _foreign_hedges

    before = "Il comune potrebbe pagare una multa fino a 40 mila euro per il ritardo."
    after = "Al comune toccherà una multa di 40 mila euro."
    found = _foreign_hedges("it", "it", before, after, (0, len(before)), (0, len(after)))
    assert [(c.kind, c.before) for c in found] == [("hedge-removed", "potrebbe")]
    # the reverse adds it; two sentences without a figure alike are not known to make one claim
    back = _foreign_hedges("it", "it", after, before, (0, len(after)), (0, len(before)))
    assert [(c.kind, c.after) for c in back] == [("hedge-added", "potrebbe")]
    other = "Il sindaco potrebbe dimettersi presto."
    assert _foreign_hedges("it", "it", other, after, (0, len(other)), (0, len(after))) == []


def test_a_translation_that_cites_another_named_source_moves_the_attribution():
    from reportedly.provenance.diff import _cited_elsewhere

    class Doc:  # only what the check reads (the source's attributions come from its own cues here)
        def __init__(self, language, text=""):
            self.language, self.attributions, self.text = language, [], text

    before = "Le barrage a cédé vers minuit, a indiqué la préfecture."
    after = "Die Staumauer brach gegen Mitternacht, teilte das Technische Hilfswerk mit."
    found = _cited_elsewhere(Doc("fr", before), Doc("de"), before, after, (0, len(before)), (0, len(after)), [])
    assert [(c.kind, c.before, c.after) for c in found] == [
        ("attribution-moved", "a indiqué", "teilte das Technische Hilfswerk mit")
    ]
    # the same named source in the translation: nothing moved
    same = "Die Staumauer brach gegen Mitternacht, teilte die Präfektur mit."
    named = "Le barrage a cédé vers minuit, a indiqué la Préfecture."
    assert _cited_elsewhere(Doc("fr", named), Doc("de"), named, same, (0, len(named)), (0, len(same)), []) == []


def test_a_reworded_sentence_between_two_aligned_ones_aligns_by_its_names_and_figures():
    from reportedly.provenance.diff import _by_names

    source = [
        "O governo anunciou na segunda-feira um novo plano para a saúde pública.",
        "Há outras 1.500 pessoas internadas em Coimbra, segundo o hospital de Santa Maria.",
        "O ministro vai apresentar o plano ao parlamento na próxima semana.",
    ]
    copy = [
        "O governo anunciou na segunda-feira um novo plano para a saúde pública.",
        "Ao todo, 1.900 doentes continuam internados no hospital de Santa Maria, em Coimbra.",
        "O ministro vai apresentar o plano ao parlamento na próxima semana.",
    ]
    assert _by_names({0: 0, 2: 2}, source, copy) == {0: 0, 1: 1, 2: 2}
    # outside two aligned sentences (a text aligned nowhere, or a tail after the last), nothing is paired
    assert _by_names({0: 0}, source, copy) == {0: 0}


def test_words_the_source_gave_without_marks_put_in_quotation_marks():
    from reportedly.provenance.diff import _marked_paraphrase

    before = "La mairie n'a pas prévu de contrôle pour vérifier la qualité de l'eau des fontaines."
    after = "La mairie n'a prévu aucun « contrôle pour vérifier la qualité de l'eau » des fontaines."
    found = _marked_paraphrase(before, after, (0, len(before)), (0, len(after)))
    assert [c.kind for c in found] == ["paraphrase-to-quote"] and "qualité de l'eau" in found[0].after
    # already quoted in the source: a quotation kept, not a paraphrase quoted
    quoted = "La mairie n'a prévu aucun « contrôle pour vérifier la qualité de l'eau » des fontaines, dit-elle."
    assert _marked_paraphrase(quoted, after, (0, len(quoted)), (0, len(after))) == []
    # a title of several words in quotation marks that the source does not give
    title = "La mairie présente « Les fontaines de la ville en été » ce samedi."
    assert _marked_paraphrase(before, title, (0, len(before)), (0, len(title))) == []


def test_a_statement_signed_by_someone_is_attributed_to_them():
    before = "Il comunicato, firmato dal sindaco, chiede la chiusura del ponte."
    after = "Il comunicato chiede la chiusura del ponte."
    assert kinds("it", before, after) == [("attribution-dropped", "firmato dal", "")]
    assert (
        kinds("pt", "O texto, assinado por Ana Costa, pede calma.", "O texto pede calma.")[0][0]
        == "attribution-dropped"
    )


@pytest.mark.parametrize(
    "lang, before, after",
    [
        # an ordinal, a past participle and a noun that share a cue's spelling cite no one
        ("it", "Il museo ha chiuso per il secondo anno di fila.", "Il museo è rimasto chiuso."),
        ("pt", "O museu fechou pelo segundo ano seguido.", "O museu ficou fechado."),
        ("it", "L'accordo firmato ieri prevede nuovi fondi.", "L'accordo prevede nuovi fondi."),
        ("de", "Ein Schreiben des Ministeriums nennt 40 Millionen Euro.", "Das Ministerium nennt 40 Millionen Euro."),
    ],
)
def test_a_word_spelt_like_a_cue_drops_no_attribution(lang, before, after):
    assert [k for k in kinds(lang, before, after) if k[0].startswith("attribution")] == []


def test_a_past_tense_is_no_hedge_and_a_clause_cut_whole_is_no_hedge_removed():
    before = "Die Feuerwehr konnte 30 Menschen aus dem Haus retten."
    after = "Die Feuerwehr rettete 30 Menschen aus dem Haus."
    assert [k for k in kinds("de", before, after) if k[0].startswith("hedge")] == []
    before = "Die Stadt zahlt 40 Millionen Euro, und die Firma könnte im Herbst schließen."
    after = "Die Stadt zahlt 40 Millionen Euro."
    assert [k for k in kinds("de", before, after) if k[0].startswith("hedge")] == []


def test_a_faithful_translation_of_the_cue_moves_no_attribution():
    from reportedly.provenance.diff import _cited_elsewhere

    class Doc:
        def __init__(self, language, text=""):
            self.language, self.attributions, self.text = language, [], text

    before = "Le pont a été fermé vers minuit, a indiqué le maire."
    for after in (
        "Die Brücke wurde gegen Mitternacht gesperrt, sagte der Bürgermeister.",
        "Die Brücke wurde gegen Mitternacht gesperrt, teilte die Stadt mit.",
    ):
        assert (
            _cited_elsewhere(Doc("fr", before), Doc("de"), before, after, (0, len(before)), (0, len(after)), []) == []
        )


def test_a_hedge_in_a_sentence_reworded_around_it_without_a_figure():
    from reportedly.provenance.diff import _foreign_hedges

    def found(lang, before, after):
        return [(c.kind, c.before or c.after) for c in _foreign_hedges(lang, lang, before, after, (0, 1), (0, 1))]

    before = "In der Altstadt sind nach Angaben der Feuerwehr bei einem Brand mehrere Häuser beschädigt worden."
    after = "In der Altstadt sind durch einen Brand offenbar mehrere Häuser beschädigt worden."
    assert found("de", before, after) == [("hedge-added", "offenbar")]
    # a sentence on the same topic that makes another claim: its words are not alike enough
    assert found("de", before, "Die Feuerwehr war offenbar mit zu wenigen Leuten vor Ort.") == []


def test_words_moved_around_a_hedge_are_a_reworded_clause_not_one_added():
    from reportedly.provenance.diff import _foreign_hedges

    def found(before, after):
        return [(c.kind, c.after) for c in _foreign_hedges("it", "it", before, after, (0, 1), (0, 1))]

    before = "Gli esperti hanno detto che il vento alimentava le fiamme verso la collina."
    after = "Gli esperti hanno detto che le fiamme sarebbero state alimentate verso la collina dal vento."
    assert found(before, after) == [("hedge-added", "sarebbero")]
    # a clause of its own added with its hedge: another claim, not this one hedged
    added = before[:-1] + ", mentre il sindaco sarebbe partito di notte per Roma."
    assert found(before, added) == []


def test_a_vague_count_of_another_magnitude_changes_the_number():
    from reportedly.provenance.diff import _magnitude_changed

    def found(sl, cl, before, after):
        return [(c.kind, c.before, c.after) for c in _magnitude_changed(sl, cl, before, after, (0, 1), (0, 1))]

    de = "Bei dem Sturm wurden Dutzende Bäume entwurzelt."
    assert found("de", "de", de, "Bei dem Sturm wurden Hunderte Bäume entwurzelt.") == [
        ("number-changed", "Dutzende", "Hunderte")
    ]
    # across languages, each side read in its own
    assert found("en", "fr", "Hundreds of trees fell.", "Des milliers d'arbres sont tombés.") == [
        ("number-changed", "Hundreds", "Des milliers")
    ]
    # the same magnitude translated; a count only added; a figure's unit word ("20 Millionen") is no vague count
    assert found("en", "es", "Hundreds of trees fell.", "Cayeron cientos de árboles.") == []
    assert found("de", "de", de, "Bei dem Sturm wurden Dutzende Bäume und Hunderte Autos beschädigt.") == []
    assert found("de", "de", "Der Schaden liegt bei 20 Millionen Euro.", "Tausende Bäume fielen.") == []


def test_a_translation_that_bounds_a_figure_its_source_gave_plainly_changes_the_number():
    from reportedly.provenance.diff import _compare_translated

    class Doc:
        def __init__(self, language, text):
            self.language, self.text, self.hedges, self.attributions, self.quotes = language, text, [], [], []

    before = "The survey covered 2,500 households in the region."
    after = "La encuesta abarcó a más de 2.500 hogares de la región."
    src, cp = Doc("en", before), Doc("es", after)
    found = _compare_translated(src, cp, (0, len(before)), (0, len(after)))
    assert [(c.kind, c.before, c.after) for c in found] == [("number-changed", "2,500", "más de 2.500")]
    # an estimate in both ("about" / "unos"): nothing; an apostrophe typed either way still reads the qualifier
    est = Doc("es", "La encuesta abarcó a unos 2.500 hogares de la región.")
    about = "The survey covered about 2,500 households in the region."
    assert _compare_translated(Doc("en", about), est, (0, len(about)), (0, len(est.text))) == []
    from reportedly.provenance.diff import _qualified

    fr = "L'amende peut aller jusqu’à 4 % du chiffre d'affaires."
    plain = "L'amende sera de 4 % du chiffre d'affaires."
    assert [(c.kind, c.before) for c in _qualified(fr, plain, (0, 1), (0, 1))] == [("number-changed", "jusqu’à 4")]


def test_a_translation_that_cites_an_agency_by_its_acronym_moves_the_attribution():
    from reportedly.provenance.diff import _cited_elsewhere

    class Doc:
        def __init__(self, language, text=""):
            self.language, self.attributions, self.text = language, [], text

    before = "La presa cedió hacia la medianoche, dijo el alcalde."
    span = (0, len(before))
    moved = "A barragem cedeu por volta da meia-noite, informou a agência de notícias DPA."
    found = _cited_elsewhere(Doc("es", before), Doc("pt"), before, moved, span, (0, len(moved)), [])
    assert [(c.kind, c.after) for c in found] == [("attribution-moved", "informou")]
    # an acronym before a name is the name's title ("CEO Rui Costa" for the source's "Rui Costa")
    named = "La presa cedió hacia la medianoche, dijo Rui Costa."
    title = "A barragem cedeu por volta da meia-noite, informou o CEO Rui Costa."
    assert _cited_elsewhere(Doc("es", named), Doc("pt"), named, title, (0, len(named)), (0, len(title)), []) == []
    # a cue followed by "que" is followed by the claim, not by who is cited
    claim = "O alcalde informou que a ONU enviou ajuda depois da meia-noite."
    assert _cited_elsewhere(Doc("es", before), Doc("pt"), before, claim, span, (0, len(claim)), []) == []
    # an acronym that is no agency is spelt otherwise in another language ("la OMS" is the WHO) or is a title
    # ("o CEO da empresa"): it cites no other source
    for other in ("afirmou a OMS.", "informou o CEO da empresa.", "disseram funcionários dos EEUU."):
        faithful = f"A barragem cedeu por volta da meia-noite, {other}"
        got = _cited_elsewhere(Doc("es", before), Doc("pt"), before, faithful, span, (0, len(faithful)), [])
        assert got == [], other


def test_a_named_speaker_replaced_by_another_name_the_source_gives_elsewhere_moves_the_attribution():
    from types import SimpleNamespace

    from reportedly.provenance.diff import _cited_elsewhere

    def doc(language, text, source=None):
        cue = text.find(" said")
        said = [SimpleNamespace(source=source, cue="said", cue_span=(cue + 1, cue + 5))] if source else []
        return SimpleNamespace(language=language, text=text, attributions=said)

    before = "The dam gave way around midnight, the Red Cross said."
    text = before + " The European Commission sent aid. Mayor Rui Costa thanked the rescuers."
    moved = "A barragem cedeu por volta da meia-noite, afirmou a Comissão Europeia."
    spans = (0, len(before)), (0, len(moved))
    found = _cited_elsewhere(doc("en", text, "Red Cross"), doc("pt", moved), before, moved, *spans, [])
    assert [(c.kind, c.before, c.after) for c in found] == [("attribution-moved", "Red Cross (said)", "afirmou")]
    # a speaker the source describes ("the mayor") may be the name the translation gives: nothing moved
    described = "The dam gave way around midnight, the mayor said."
    text = described + " Mayor Rui Costa thanked the rescuers."
    named = "A barragem cedeu por volta da meia-noite, afirmou Rui Costa."
    spans = (0, len(described)), (0, len(named))
    assert _cited_elsewhere(doc("en", text, "the mayor"), doc("pt", named), described, named, *spans, []) == []


@pytest.mark.parametrize(
    "lang, before, after, word",
    [
        (
            "it",
            "Il ponte riaprirà a maggio, dopo i lavori.",
            "Il ponte forse riaprirà a maggio, dopo i lavori.",
            "forse",
        ),
        (
            "de",
            "Die Brücke wird im Mai wieder geöffnet.",
            "Die Brücke wird vielleicht im Mai wieder geöffnet.",
            "vielleicht",
        ),
        ("pt", "A ponte será reaberta em maio.", "A ponte talvez seja reaberta em maio.", "talvez"),
        (
            "es",
            "El puente reabrirá en mayo tras las obras.",
            "El puente quizás reabrirá en mayo tras las obras.",
            "quizás",
        ),
    ],
)
def test_a_maybe_added_in_a_rewrite_is_a_hedge_added(lang, before, after, word):
    from reportedly.provenance.diff import _foreign_hedges

    found = _foreign_hedges(lang, lang, before, after, (0, len(before)), (0, len(after)))
    assert [(c.kind, c.after) for c in found] == [("hedge-added", word)]


def test_a_year_put_for_another_is_a_date_changed_not_a_number():
    from reportedly.provenance.diff import _figures

    def kinds(before, after):
        return [(c.kind, c.before, c.after) for c in _figures(before, after, (0, 1), (0, 1))]

    assert kinds("Die Firma wurde 2015 gegründet.", "Die Firma wurde 2017 gegründet.") == [
        ("date-changed", "2015", "2017")
    ]
    # a count, with its separator or far from the other figure, stays a number
    assert kinds("Es kamen 2000 Menschen.", "Es kamen 2500 Menschen.")[0][0] == "number-changed"
    assert kinds("About 1,990 people came.", "About 2,000 people came.")[0][0] == "number-changed"


def test_a_figure_the_copy_calls_unofficial_is_a_hedge_added():
    from reportedly.provenance.diff import _foreign_hedges

    before = "La nadadora ganó la final de Roma con un tiempo de 52,10 segundos."
    after = "La nadadora ganó la final de Roma con un tiempo extraoficial de 52,10 segundos."
    found = _foreign_hedges("es", "es", before, after, (0, len(before)), (0, len(after)))
    assert [(c.kind, c.after) for c in found] == [("hedge-added", "extraoficial")]


def test_how_often_or_how_strongly_changed_in_a_rewrite_is_a_loaded_word():
    from reportedly.provenance.diff import _foreign_degrees

    def found(lang, before, after):
        out = _foreign_degrees(lang, lang, before, after, (0, 1), (0, 1))
        return [(c.kind, c.before, c.after) for c in out]

    assert found("fr", "Le maire critique souvent la réforme des retraites du gouvernement.",
                 "Le maire critique parfois la réforme des retraites du gouvernement.") == [
        ("loaded-word", "souvent", "parfois")
    ]  # fmt: skip
    assert found("de", "Die Stadt hat die Brücke viel zu spät gesperrt, sagen Anwohner.",
                 "Die Stadt hat die Brücke zu spät gesperrt, sagen Anwohner.") == [("loaded-word", "viel", None)]  # fmt: skip
    assert found("it", "Molti abitanti hanno lasciato il paese dopo la frana.",
                 "Alcuni abitanti hanno lasciato il paese dopo la frana.") == [("loaded-word", "Molti", "Alcuni")]  # fmt: skip
    # the same level, a clause cut whole with its word, and another claim: nothing
    assert found("fr", "Le maire critique souvent la réforme.", "Le maire critique fréquemment la réforme.") == []
    assert found("es", "El puente reabrió el lunes, y muchos vecinos celebraron la noticia en la plaza.",
                 "El puente reabrió el lunes.") == []  # fmt: skip
    assert found("de", "Viele Menschen warten am Bahnhof.", "Einige Politiker fordern Neuwahlen im Herbst.") == []


def test_a_quotation_reworded_or_cut_short_in_a_same_language_rewrite():
    from reportedly.models import Analysis
    from reportedly.provenance.diff import foreign_quotes

    source = (
        'Der Bürgermeister trat am Montag zurück. "Ich habe keine Kraft mehr für dieses Amt. Das ist die Wahrheit", '
        'sagte er.\n\n"Die Stadt braucht jetzt einen Neuanfang mit frischen Ideen", fügte er hinzu.'
    )
    copy = (
        'Der Bürgermeister ist zurückgetreten. "Ich habe keine Kraft mehr für dieses Amt", sagte er.\n\n'
        '"Die Stadt braucht jetzt einen Neuanfang mit frischen Ideen", fügte er hinzu.\n\n'
        '"Meine Familie hat mich in all den Jahren immer unterstützt und ich danke ihr."'
    )
    found = foreign_quotes(
        Analysis(text=source, published=None, language="de"), Analysis(text=copy, published=None, language="de")
    )
    assert [(c.kind, c.after) for c in found] == [
        ("quote-reworded", "Ich habe keine Kraft mehr für dieses Amt")
    ]  # the quotation kept word for word and another one the source lacks: nothing
    assert (
        foreign_quotes(
            Analysis(text=source, published=None, language="en"), Analysis(text=copy, published=None, language="en")
        )
        == []
    )


def test_a_house_spelling_or_a_few_shared_words_is_no_quotation_reworded():
    from reportedly.provenance.diff import _foreign_quote_alike, _spelled_alike

    assert _spelled_alike("eine starke Familien-Einheit", "eine starke Familieneinheit")
    assert _spelled_alike("die grössten Firmen", "die größten Firmen")
    assert not _spelled_alike("die größten Firmen", "die großen Firmen")
    long = "le roi du football nous a quittes mais son heritage ne sera jamais oublie"
    assert not _foreign_quote_alike(long, "il a fait du football un art")
    assert _foreign_quote_alike(long, "son heritage ne sera jamais oublie")


def test_one_intensifier_put_for_another_is_no_loaded_word():
    from reportedly.provenance.diff import _foreign_degrees

    before = "Die Lage ist sehr ernst, sagte der Minister am Montag in Berlin."
    after = "Die Lage ist äußerst ernst, sagte der Minister am Montag in Berlin."
    # the scale has one level: a swap is said as strongly, not dropped and added at once
    assert _foreign_degrees("de", "de", before, after, (0, 1), (0, 1)) == []
    found = _foreign_degrees(
        "de", "de", before, "Die Lage ist ernst, sagte der Minister am Montag in Berlin.", (0, 1), (0, 1)
    )
    assert [(c.kind, c.before, c.after) for c in found] == [("loaded-word", "sehr", None)]


def test_a_year_put_for_another_beside_a_count_written_another_way_is_a_date_changed():
    from reportedly.provenance.diff import _figures

    found = _figures("Im Jahr 2020 kamen 1,500 Menschen.", "Im Jahr 2022 kamen 1500 Menschen.", (0, 1), (0, 1))
    assert [(c.kind, c.before, c.after) for c in found] == [("date-changed", "2020", "2022")]


def test_a_short_source_quotation_inside_a_longer_copy_quotation_is_no_quote_reworded():
    from reportedly.models import Analysis
    from reportedly.provenance.diff import _foreign_quote_alike, foreign_quotes

    # a label the source quotes, said in the copy by someone else inside a quotation of their own
    source = "Die Regierung spricht von einer „historischen Wende“ in der Klimapolitik."
    copy = (
        "Die Regierung spricht von einer Wende. Die Opposition widerspricht: „Das ist keine historischen Wende, "
        "sondern ein Rückschritt für uns alle.“"
    )
    found = foreign_quotes(
        Analysis(text=source, published=None, language="de"), Analysis(text=copy, published=None, language="de")
    )
    assert found == []
    # the copy's a piece of the source's still is
    assert _foreign_quote_alike("das ist keine historische wende, sondern ein ruckschritt", "historische wende")


def test_a_degree_word_in_a_phrase_that_says_no_degree_is_no_loaded_word():
    from reportedly.provenance.diff import _foreign_degrees

    def found(lang, before, after):
        out = _foreign_degrees(lang, lang, before, after, (0, 1), (0, 1))
        return [(c.kind, c.before, c.after) for c in out]

    # a record: "the highest ever recorded" -> "the highest of all time", not "never" -> "always"
    assert found("it", "È il livello più alto mai registrato in Italia, ha detto il ministro.",
                 "È il livello più alto di sempre in Italia, ha detto il ministro.") == []  # fmt: skip
    assert found("es", "El equipo está más unido que nunca, dijo el entrenador el lunes.",
                 "El equipo está unido como siempre, dijo el entrenador el lunes.") == []  # fmt: skip
    # "non ... mai" is still "never"
    assert found("it", "Il sindaco non critica mai la riforma del governo.",
                 "Il sindaco critica spesso la riforma del governo.") == [("loaded-word", "mai", "spesso")]  # fmt: skip


def test_a_year_changed_that_the_timexes_read_is_one_date_changed(run):
    from .diffs import LEAD, changes_of_kind

    source = LEAD + "The company was founded in 2015 by two brothers from Ohio."
    copy = LEAD + "The company was founded in 2017 by two brothers from Ohio."
    assert len(changes_of_kind(run, source, copy, "date-changed")) == 1
    assert not changes_of_kind(run, source, copy, "number-changed")


def test_a_word_of_a_degree_list_in_its_other_sense_is_no_loaded_word():
    from reportedly.provenance.diff import _foreign_degrees

    def found(lang, before, after):
        return [(c.kind, c.before, c.after) for c in _foreign_degrees(lang, lang, before, after, (0, 1), (0, 1))]

    # "peu après": shortly after, not few; "ministri diversi": different ministers, not several
    assert found("fr", "Plusieurs blessés ont été évacués juste après l'explosion, selon la police.",
                 "Les blessés ont été évacués peu après l'explosion, selon la police.") == []  # fmt: skip
    assert found("it", "Molti ministri hanno votato contro la riforma della scuola ieri sera.",
                 "Ministri diversi hanno votato contro la riforma della scuola ieri sera.") == []  # fmt: skip


def test_a_french_cue_inverted_after_a_quotation_is_a_cue():
    # "a-t-elle déclaré" gives the claim a source as "a dit" does: the attribution is kept, not dropped
    before = "« Pour moi, il est temps », a dit Mme Ardern lors d'une réunion de son parti."
    after = "« Pour moi, il est temps », a-t-elle déclaré lors d'une réunion de son parti."
    assert kinds("fr", before, after) == []
    assert kinds("fr", after, "« Pour moi, il est temps », lors d'une réunion de son parti.") == [
        ("attribution-dropped", "a-t-elle déclaré", "")
    ]
