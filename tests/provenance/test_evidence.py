"""Directed copy evidence between two articles: containment, time, idiosyncrasies, language-independent keys."""

from __future__ import annotations

from reportedly.provenance.evidence import (
    Article,
    align,
    co_credited,
    credited,
    disagreement,
    key_overlap,
    keys,
    name_key,
    possible,
    profile,
    rare_overlap,
    story_counts,
)

SOURCE = (
    "The Riverside council voted on Monday to rebuild the Elm Street bridge, which collapsed in the March storm. "
    "The new bridge will cost 42 million dollars and open in 2024, officials said. Engineers from Harbor "
    "Engineering will design a span able to resist floods twice as high as the last one. Residents of the east "
    "bank have waited eight months for a decision."
)


def test_transliteration_key_joins_spelling_variants():
    assert name_key("Soleimani") == name_key("Suleimani")
    assert name_key("Heyman") == name_key("Hayman")
    assert name_key("Pääbo") == name_key("Paabo")
    assert name_key("Truss") != name_key("Trump")


def test_keys_are_language_independent():
    en = keys("Meta will cut 11,000 jobs, Mark Zuckerberg said in Menlo Park.")
    fr = keys("Meta va supprimer 11 000 emplois, a annoncé Mark Zuckerberg à Menlo Park.")
    assert {"d:11000", "n:" + name_key("Zuckerberg")} <= en & fr


def test_idiosyncrasies_shared_by_two_versions_only():
    typo = SOURCE.replace("twice as high", "twice as as high")
    a, b, c = (profile(Article(i, t)) for i, t in (("a", typo), ("b", typo), ("c", SOURCE)))
    story = story_counts([a, b, c])
    exclusive_ab, _ = rare_overlap(a, b, story)
    exclusive_ac, _ = rare_overlap(a, c, story)
    assert exclusive_ab > 0 and exclusive_ac == 0


def test_key_overlap_ignores_keys_no_other_version_has():
    a = profile(Article("a", "Zuckerberg announced 11,000 layoffs at Meta on Wednesday in a Bahnhofstrasse memo."))
    b = profile(Article("b", "Zuckerberg said Meta would lay off 11,000 staff."))
    assert key_overlap(a, b, story_counts([a, b])) == 1.0


def test_time_is_a_hard_constraint_only_when_both_are_dated():
    early = profile(Article("e", SOURCE, "2022-05-02"))
    late = profile(Article("l", SOURCE, "2022-05-03"))
    undated = profile(Article("u", SOURCE))
    assert possible(late, early) and not possible(early, late)
    assert possible(early, undated) and possible(undated, early)


def test_url_date_stands_in_for_missing_metadata():
    p = profile(Article("x", SOURCE, None, None, "https://x.com/2022/05/02/bridge"))
    assert p.day == profile(Article("y", SOURCE, "2022-05-02")).day


def test_disagreement_tells_siblings_from_parent_and_child():
    """Of two copies of one source, one changed a sentence: the other, which kept the wording the source has, is
    its sibling, not its child; a copy that took the change is its child."""
    changed = SOURCE.replace(
        "have waited eight months for a decision", "have waited eight long months for the decision"
    )
    child = changed.replace("Riverside council", "Riverside town council")
    sibling = SOURCE.replace("Harbor Engineering", "Harbor Engineering Ltd")
    texts = (("src", SOURCE), ("changed", changed), ("child", child), ("sibling", sibling))
    a = {i: profile(Article(i, t)) for i, t in texts}
    story = story_counts(list(a.values()))

    def against(c, p):
        return disagreement(a[c], a[p], story, align(a[c].own, a[p].full))[0]

    assert against("sibling", "changed") > 0
    assert against("child", "changed") == 0


def test_two_copies_of_one_agency_are_co_credited_not_credited():
    agency = profile(Article("ap", "WASHINGTON (AP) — " + SOURCE, outlet="Associated Press"))
    copy = profile(Article("c1", SOURCE + " The Associated Press contributed to this report."))
    other = profile(Article("c2", SOURCE + " The Associated Press contributed to this report."))
    assert credited(copy, agency) and not co_credited(copy, agency)
    assert co_credited(copy, other) and not credited(copy, other)


def test_two_sentences_like_one_headline_are_one_sentence_shared():
    from reportedly.provenance.evidence import pair_features
    from reportedly.provenance.relations import supported

    parent = profile(Article("p", "Journalists Maria Ressa, Dmitry Muratov win Nobel Peace Prize\n\n" + SOURCE))
    child = profile(
        Article(
            "c",
            "Journalists Maria Ressa from Philippines and Russia's Dmitry Muratov win 2021 Nobel Peace Prize\n\n"
            "Journalists Maria Ressa from the Philippines and Russia's Dmitry Muratov have won the Nobel Peace Prize. "
            "The committee praised their courage in a statement read out in Oslo on Friday morning.",
        )
    )
    passages = align(child.own, parent.full)
    assert len(passages) == 2 and len({x.parent for x in passages}) == 1  # both found in the parent's headline
    features = pair_features(child, parent, story_counts([child, parent]), True, passages)
    assert features["n_reworded"] == 1 and not supported(features)


def test_names_in_cyrillic_share_their_key_with_the_latin_spelling():
    from reportedly.provenance.evidence import latin, name_key

    assert name_key("Зеленский") == name_key("Zelensky") == "zlnsk"
    assert name_key("Путин") == name_key("Putin")
    assert name_key("Харків") == name_key("Kharkiv")
    assert name_key("Шольц") != name_key("Scholz")  # a German spelling is not the English romanisation
    assert latin("Москва") == "moskva"
    assert name_key("Путин") != name_key("Питер")


def test_a_cyrillic_text_and_its_latin_source_share_names_and_figures():
    from reportedly.provenance.evidence import keys

    ru = "Владимир Путин заявил 12 марта, что погибли 1 200 человек."  # names in the nominative: cases change keys
    en = "Vladimir Putin said on March 12 that 1,200 people died."
    assert {"n:vldmr", "n:ptn", "d:12", "d:1200"} <= keys(ru) & keys(en)


def test_figures_in_arabic_indic_digits_are_the_same_figures():
    from reportedly.provenance.evidence import keys

    assert "d:2023" in keys("في عام ٢٠٢٣ قال") and "d:2023" in keys("in 2023 he said")


def test_under_names_power_one_key_only_two_versions_share_weighs_less():
    from reportedly.provenance.evidence import Article, ordered_key_overlap, profile, story_counts

    child = profile(Article("fr", "Jean Dupont et Marie Curie ont vu Lyon et Grenoble.", language="fr"))
    rare = profile(Article("a", "Marie Curie visited Grenoble.", language="en"))  # Grenoble: no one else has it
    common = profile(Article("b", "Jean Dupont and Marie Curie saw Lyon.", language="en"))
    others = [profile(Article(f"o{i}", "Jean Dupont, Marie Curie and Lyon again.", language="en")) for i in range(3)]
    story = story_counts([child, rare, common, *others])
    full = ordered_key_overlap(child, rare, story, 1.0), ordered_key_overlap(child, common, story, 1.0)
    root = ordered_key_overlap(child, rare, story, 0.5), ordered_key_overlap(child, common, story, 0.5)
    assert full[0] > full[1]  # the one rare name outweighs three the whole story has
    assert root[0] / root[1] < full[0] / full[1]  # less so under the square root


def test_by_language_a_sibling_translation_does_not_outscore_the_source():
    """An English text, copied three times in English, and its Spanish, Portuguese and French translations. The
    translations share an acronym of their own languages (OPS) and a spelling (Panamericana) the English versions
    cannot have. Counted by versions, a name every English copy repeats weighs next to nothing and the Portuguese
    sibling wins; counted by languages, the names and figures that crossed from English weigh as much as they
    say, and the source wins."""
    from reportedly.provenance.evidence import Article, ordered_key_overlap, profile, story_counts

    source = (
        "Maria Lopez of the Pan American Health Organization said on Monday that 4,500 cases were found in "
        "37 towns around Lima, 1,200 of them in children, and that Jorge Ramos would lead the response."
    )
    english = [
        profile(Article(f"en{i}", source + extra, language="en"))
        for i, extra in enumerate(("", " More to come.", " Reporting by staff.", " Updated."))
    ]
    es = profile(
        Article(
            "es",
            "Maria Lopez, de la OPS (Organización Panamericana de la Salud), dijo el lunes que se "
            "hallaron 4.500 casos en 37 pueblos cerca de Lima, 1.200 de ellos en niños, y que Jorge "
            "Ramos dirigirá la respuesta.",
            language="es",
        )
    )
    pt = profile(
        Article(
            "pt",
            "Segundo a OPS (Organização Panamericana da Saúde), Maria Lopez disse que houve 4.500 "
            "casos em Lima e que Jorge Ramos vai liderar.",
            language="pt",
        )
    )
    fr = profile(
        Article(
            "fr",
            "Selon l'OPS, Maria Lopez a annoncé 4 500 cas près de Lima; Jorge Ramos dirigera la riposte.",
            language="fr",
        )
    )
    story = story_counts([*english, es, pt, fr])
    src = english[0]
    by_versions = ordered_key_overlap(es, src, story, 1.0), ordered_key_overlap(es, pt, story, 1.0)
    by_languages = ordered_key_overlap(es, src, story, 1.0, True), ordered_key_overlap(es, pt, story, 1.0, True)
    assert by_versions[1] > by_versions[0]  # the sibling wins on the keys only translations share
    assert by_languages[0] > by_languages[1]  # the source holds more of what crossed from its language
    assert story.key_langs["n:ops"] == 3 and story.key_langs["d:1200"] == 2  # OPS: es, pt, fr; 1,200: en, es


def test_skipped_counts_gaps_a_sibling_fills_inside_the_candidates_stretch():
    """A copy whose candidate parent cut a sentence the copy has, in the middle, while another version has it, took
    that sentence from elsewhere: the candidate is a sibling. A sentence after the candidate's end (a stored
    prefix) is no evidence, nor is one no other version has (the copy's own)."""
    from reportedly.provenance.evidence import skipped

    own = [(0, 10, "a"), (11, 20, "b"), (21, 30, "c"), (31, 40, "d")]
    a, b, c, d = ((s, e) for s, e, _ in own)
    assert skipped(own, {a, c}, {b}) == 0.25  # b cut from the candidate's middle, found in a sibling
    assert skipped(own, {a, c}, set()) == 0.0  # b is the copy's own: no other version has it
    assert skipped(own, {a, b}, {c, d}) == 0.0  # c and d lie past the candidate's last sentence: a prefix
    assert skipped(own, set(), {a, b}) == 0.0  # nothing aligned: no stretch to miss anything in


def test_skipped_is_computed_for_every_same_language_edge():
    from reportedly.provenance.relations import edges
    from reportedly.provenance.settings import Settings

    middle = "Engineers from Harbor Engineering will design a span able to resist floods twice as high as the last one."
    cut = SOURCE.replace(middle, "")
    profiles = [profile(Article(i, t)) for i, t in (("src", SOURCE), ("cut", cut), ("copy", SOURCE + " More soon."))]
    table = edges(profiles, Settings())
    assert table["copy", "cut"].features["skipped"] > 0  # the copy has the sentence the cut version lost
    assert table["copy", "src"].features["skipped"] == 0


def test_plain_words_leaves_out_quotations_and_never_joins_across_one():
    from reportedly.provenance.evidence import plain_words

    text = 'We will close the shop, the owner wrote. "We are sorry," she added. Our staff stay.'
    plain = plain_words(text)
    assert " we will close the shop " in plain
    assert "sorry" not in plain  # inside quotation marks
    assert " the owner wrote she added " not in plain  # the words either side of a quotation are not joined
    assert " she added our staff stay " in plain


def test_own_words_blank_quotations():
    from reportedly.provenance.evidence import own_words

    words = own_words('The mayor opened the bridge. "It is a great day," she said.')
    assert words[:5] == ["the", "mayor", "opened", "the", "bridge"]
    assert words[5:10] == [""] * 5 and words[-2:] == ["she", "said"]


def test_shared_runs_find_a_rewrite_that_keeps_no_sentence_whole():
    from reportedly.provenance.evidence import own_words, shared_runs

    source = own_words(
        "Harbour officials said the damaged crane would be removed by a floating barge next week, after divers "
        "finished surveying the riverbed near the old grain terminal."
    )
    spun = own_words(
        "According to the port, the damaged crane would be removed by a floating barge soon, once the survey "
        "of the riverbed near the old grain terminal is complete."
    )
    assert shared_runs(spun, source, 6) == [10, 7]
    # a stock phrase of function words and a run inside quotation marks are no evidence
    assert shared_runs(own_words("It was one of the first of the year."), own_words("one of the first of the"), 6) == []
    assert shared_runs(own_words('"the damaged crane would be removed by" it said'), source, 6) == []
