"""Story clustering: copies and independent reports of one event group together, unrelated articles do not."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

from reportedly.provenance.cluster import (
    attach_small,
    band_keys,
    candidate_pairs,
    cluster,
    cluster_signatures,
    common_nouns,
    language_of,
    linked,
    pairwise_f1,
    signature,
)
from reportedly.provenance.evidence import keys as keys_of
from reportedly.provenance.features import fold, sentences, shingles, words
from reportedly.provenance.settings import Settings

BRIDGE = (
    "The Riverside council voted on Monday to rebuild the Elm Street bridge, which collapsed in the March storm. "
    "Mayor Anna Berg said the new bridge would cost 42 million dollars and open in 2024. Engineers from Harbor "
    "Engineering will design a span able to resist floods twice as high as the one that destroyed it. "
    "Residents of the east bank have waited eight months for a decision, and shop owners say trade has halved."
)
BRIDGE_COPY = BRIDGE.replace("on Monday", "on Monday evening").replace("have waited", "had waited")
BRIDGE_OWN = (
    "Anna Berg, Riverside's mayor, won a council vote to rebuild the Elm Street bridge. The span, lost in "
    "a March storm, will cost 42 million dollars and should open in 2024, Berg told reporters. Harbor "
    "Engineering will draw up the design. East bank shop owners said their trade had halved since the "
    "bridge collapsed eight months ago, leaving the Riverside community split in two."
)
UNRELATED = [
    "The national football team lost its qualifying match three to one after a late penalty, and the coach said "
    "the players had run out of energy in the second half. Fans booed as the team left the pitch in the rain.",
    "A new exhibition of Dutch landscape paintings opens at the city museum this week, with works lent by "
    "collectors in Amsterdam and Leiden. Curators spent two years restoring the largest canvas in the show.",
    "Central bank officials kept interest rates unchanged on Thursday, citing slowing inflation and weak exports. "
    "Economists expect a cut before the end of the year if unemployment keeps rising in the industrial regions.",
]


def test_copy_and_independent_report_join_one_story():
    texts = [BRIDGE, BRIDGE_COPY, BRIDGE_OWN] + UNRELATED
    stories = cluster(texts, ["orig", "copy", "own", "u1", "u2", "u3"])
    bridge = next(s for s in stories if "orig" in s)
    assert sorted(bridge) == ["copy", "orig", "own"]
    assert all(len(s) == 1 for s in stories if "orig" not in s)


def test_pairwise_f1_counts_pairs():
    res = pairwise_f1([["a", "b", "c"], ["d"]], [["a", "b"], ["c", "d"]])
    assert (res["pairs_pred"], res["pairs_gold"]) == (3, 2)
    assert res["p"] == round(1 / 3, 4) and res["r"] == 0.5
    scoped = pairwise_f1([["a", "b", "x", "y"]], [["a", "b"], ["x", "y"]], scope={"a", "b"})
    assert scoped["pairs_pred"] == 5 and scoped["pairs_gold"] == 1


def test_features():
    assert fold("Pääbo’s") == "paabo's"
    assert words("Mr. Pääbo won.") == ["mr", "paabo", "won"]
    text = "First sentence here. Second one follows!\nA new line."
    assert [text[s:e] for s, e in sentences(text)] == ["First sentence here.", "Second one follows!", "A new line."]
    assert shingles(["a", "b", "c", "d", "e", "f"]) == {"a b c d e", "b c d e f"}


def test_signatures_are_plain_values_and_the_same_in_another_process():
    sig = signature(BRIDGE)
    keys = band_keys(sig)
    assert sig.copy and sig.topic and all(isinstance(v, int) for v in sig.copy)
    assert json.loads(json.dumps(keys)) == keys
    code = "from reportedly.provenance.cluster import band_keys, signature; import sys; print(band_keys(signature(sys.stdin.read())))"
    out = subprocess.run([sys.executable, "-c", code], input=BRIDGE, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(keys)


def test_band_keys_make_copies_candidates_and_keep_unrelated_apart():
    texts = [BRIDGE, BRIDGE_COPY, *UNRELATED]
    keys = {i: band_keys(signature(t)) for i, t in enumerate(texts)}
    pairs = candidate_pairs(keys, cap=100)
    assert (0, 1) in pairs
    assert not any(a >= 2 and b >= 2 for a, b in pairs)


def test_a_bucket_over_the_cap_is_skipped():
    keys = {i: ["boiler:0:x"] for i in range(5)}
    assert candidate_pairs(keys, cap=4) == set()
    assert len(candidate_pairs(keys, cap=5)) == 10


def test_clustering_from_signatures_equals_clustering_from_texts():
    texts = [BRIDGE, BRIDGE_COPY, BRIDGE_OWN, *UNRELATED]
    ids = [f"a{i}" for i in range(len(texts))]
    assert cluster_signatures({i: signature(t) for i, t in zip(ids, texts)}) == cluster(texts, ids)


def test_a_bucket_of_language_independent_keys_pairs_only_two_languages():
    keys = {"en1": ["keys:3:x", "copy:1:y"], "en2": ["keys:3:x"], "fr1": ["keys:3:x"], "en3": ["copy:1:y"]}
    langs = {"en1": "en", "en2": "en", "fr1": "fr", "en3": "en"}
    pairs = {tuple(sorted(p)) for p in candidate_pairs(keys, cap=10, languages=langs)}
    assert pairs == {("en1", "fr1"), ("en2", "fr1"), ("en1", "en3")}
    assert len(candidate_pairs(keys, cap=10)) == 4  # without languages every bucket pairs all its members


def test_band_numbers_carry_the_kind_of_their_band():
    from reportedly.provenance.cluster import KINDS, band_keys, band_numbers

    sig = signature(BRIDGE)
    kinds = [k.split(":")[0] for k in band_keys(sig)]
    assert [KINDS[n & 3] for n in band_numbers(sig)] == kinds


def test_the_prepared_linker_decides_as_linked():
    from reportedly.provenance.cluster import linked, linker

    texts = [BRIDGE, BRIDGE_COPY, BRIDGE_OWN, *UNRELATED]
    sigs = {i: signature(t) for i, t in enumerate(texts)}
    link = linker(sigs)
    decisions = {(a, b): linked(sigs[a], sigs[b]) for a in sigs for b in sigs if a < b}
    assert {p: link(*p) for p in decisions} == decisions and any(decisions.values()) and not all(decisions.values())


# the same people in two events (her resignation, a festival she opened) and the resignation told again in other words
RESIGNS = (
    "Riverside mayor Anna Berg resigned on Tuesday after an audit found that her office had misspent public money. "
    "Berg, who has led the Riverside council for six years, told reporters at City Hall that she would step down at "
    "the end of the month. The audit by the state comptroller found that her office paid consultants without "
    "contracts. Council members from both parties had demanded her resignation, and deputy mayor Tom Okafor will "
    "serve as acting mayor until an election is held."
)
RESIGNS_REWRITTEN = (
    "Anna Berg quit as mayor of Riverside on Tuesday, days after an audit by the state comptroller showed that her "
    "office had paid consultants with public money and without contracts. Berg told a news conference at City Hall "
    "that her resignation takes effect at the end of the month. Her deputy, Tom Okafor, becomes acting mayor until "
    "an election. Council members of both parties had said the misspent money left her no choice."
)
FESTIVAL = (
    "Riverside mayor Anna Berg opened the river festival on Saturday, cutting a ribbon at City Hall as crowds "
    "gathered along the water. Berg, who has led the Riverside council for six years, thanked the volunteers who "
    "built the stages and the boat parade. Deputy mayor Tom Okafor announced that fireworks would close the "
    "weekend, and council members from both parties joined families at the food stalls until late at night."
)


def test_reports_of_the_same_people_in_two_events_are_not_linked():
    from dataclasses import replace

    from reportedly.provenance.cluster import linked
    from reportedly.provenance.settings import Settings

    a, b = signature(RESIGNS), signature(FESTIVAL)
    assert linked(a, b, replace(Settings(), topic_alone=0.0))  # their names alone are over the topic threshold
    assert not linked(a, b)  # but they share no event words and no figure
    assert sorted(map(sorted, cluster([RESIGNS, FESTIVAL, RESIGNS_REWRITTEN], ["r", "f", "w"]))) == [["f"], ["r", "w"]]


def test_a_report_and_its_rewrite_are_linked_by_their_event_words():
    from dataclasses import replace

    from reportedly.provenance.cluster import linked, similarity
    from reportedly.provenance.settings import Settings

    a, b = signature(RESIGNS), signature(RESIGNS_REWRITTEN)
    assert similarity(a.copy, b.copy) < Settings().copy_threshold  # not a copy: reworded
    assert linked(a, b) and linked(b, a)
    assert linked(a, b, replace(Settings(), topic_alone=1.0))  # their event words alone are enough


def test_marks_keep_event_words_and_figures_but_not_names_or_years():
    from reportedly.provenance.cluster import _events_and_figures, _term_hash

    text = RESIGNS + " The audit covered 1,250 payments made between 2019 and 2023."
    events, figures = _events_and_figures(signature(text).marks)
    assert _term_hash("audit") & ~1 in events and _term_hash("berg") & ~1 not in events  # "Berg" is always a name
    assert figures == {_term_hash("d:1250") | 1}  # 2019 and 2023 are years, not figures
    assert signature("Too short to mark: 1,250 payments.").marks == ()


def _sig(topic, keys, marks, language="en"):
    from reportedly.models import Signature

    return Signature(copy=(), topic=tuple(topic), keys=tuple(keys), language=language, marks=tuple(marks))


def test_one_language_reports_a_little_under_the_topic_threshold_join_by_names_and_event():
    from dataclasses import replace

    from reportedly.provenance.cluster import _figure_mark, linked, linker
    from reportedly.provenance.settings import Settings

    s = Settings()
    events = [2 * n for n in range(10)]  # the same event words (low bit 0)
    a = _sig(range(40), range(64), events)
    b = _sig(range(31, 71), range(64), events)  # 9 of 71 salient terms shared: 0.127, under the topic threshold
    assert s.topic_named <= 9 / 71 < s.topic_threshold
    other_people = _sig(range(31, 71), range(100, 164), events)  # the same terms, but no names or figures shared
    other_event = _sig(range(31, 71), range(64), [2 * n + 100 for n in range(10)])
    assert linked(a, b, s) and linker({"a": a, "b": b}, s)("a", "b")
    assert not linked(a, other_people, s) and not linked(a, other_event, s)
    figure = _figure_mark("d:1250", s)
    with_figure = _sig(range(40), range(64), [*events, figure])
    assert not linked(with_figure, _sig(range(31, 71), range(64), [2 * n + 100 for n in range(10)] + [figure]), s)
    assert not linked(a, b, replace(s, topic_named=s.topic_threshold))  # the rule off


def test_two_languages_with_few_shared_keys_join_on_a_long_figure_only():
    from reportedly.provenance.cluster import _figure_mark, linked
    from reportedly.provenance.settings import Settings

    s = Settings()
    long_figure, short_figure = _figure_mark("d:379", s), _figure_mark("d:42", s)
    assert long_figure & 2 and not short_figure & 2
    keys = tuple(range(64))
    some = tuple(range(10)) + tuple(range(1000, 1054))  # 10 of 64 values alike: between key_figure and key_threshold
    assert s.key_figure <= 10 / 64 < s.key_threshold
    source = _sig([], keys, [long_figure, short_figure], "en")
    translation = _sig([], some, [long_figure], "fr")
    other = _sig([], some, [short_figure], "fr")  # shares only a small number (an age, a day of the month)
    assert linked(source, translation, s)
    assert not linked(source, other, s)
    assert not linked(source, _sig([], some, [long_figure], "en"), s)  # one language: keys never link alone


def test_marks_say_which_figures_are_long():
    from reportedly.provenance.cluster import _events_and_figures

    _, figures = _events_and_figures(signature(RESIGNS + " It made 1,250 payments to 14 firms.").marks)
    assert sorted(bool(m & 2) for m in figures) == [False, True]  # 14 is short, 1250 long


def test_reports_over_the_topic_threshold_join_on_an_eighth_of_their_event_words():
    from dataclasses import replace

    from reportedly.provenance.cluster import linked
    from reportedly.provenance.settings import Settings

    s = Settings()
    a = _sig(range(40), range(64), [2 * n for n in range(14)])
    b_topic = range(28, 68)  # 12 of 68 salient terms shared: over the topic threshold, under topic_alone
    assert s.topic_threshold <= 12 / 68 < s.topic_alone
    three = _sig(b_topic, range(100, 164), [2 * n for n in range(11, 25)])  # 3 of 25 event words alike: 0.12
    two = _sig(b_topic, range(100, 164), [2 * n for n in range(12, 26)])  # 2 of 26: 0.077, another event
    assert linked(a, three, s) and not linked(a, two, s)
    assert not linked(a, three, replace(s, event_threshold=0.14))  # the stop-23 threshold kept them apart


def test_two_languages_sharing_a_few_chance_keys_and_a_short_number_stay_apart():
    """Keys estimated at 0.22 (three chance keys of twenty: a short number, a year, a wire's credit) with one short
    figure in common are no link; at 0.26 with the same figure they are (settings.key_threshold 0.25)."""
    from reportedly.provenance.cluster import _figure_mark, _same_keys
    from reportedly.provenance.settings import Settings

    settings = Settings()
    short = frozenset({_figure_mark("d:10", settings)})
    assert not _same_keys(0.22, short, short, settings)
    assert _same_keys(0.26, short, short, settings)
    assert not _same_keys(0.26, short, frozenset(), settings)


def test_a_copy_reposted_months_later_stays_in_its_story_but_a_lone_follow_up_does_not():
    from reportedly.provenance.cluster import copy_edges, stories_in_time

    # the bridge story on days 100-101; a site reposts its wording on day 230 ("late"); a lone follow-up report of
    # the same people in its own words comes on day 240 ("next"): a late copy is the story, a late report is not
    sigs = {i: signature(t) for i, t in (("orig", BRIDGE), ("own", BRIDGE_OWN), ("late", BRIDGE_COPY))}
    sigs["next"] = signature(
        "Riverside's new Elm Street bridge opened to traffic on Saturday, and Mayor Anna Berg cut the ribbon in front "
        "of a crowd of east bank residents. Harbor Engineering said the span came in under its budget. Shop owners "
        "who had lost half their trade hope customers return now that the two halves of the town are joined again."
    )
    copied = copy_edges(sigs)
    assert copied("late", "orig") and not copied("own", "orig") and not copied("next", "orig")
    days = {"orig": 100, "own": 101, "late": 230}
    assert stories_in_time(["orig", "own", "late"], days, 21) == [(["orig", "own"], [])]
    assert stories_in_time(["orig", "own", "late"], days, 21, copied) == [(["orig", "own", "late"], [])]
    days = {"orig": 100, "own": 101, "next": 240}
    assert stories_in_time(["orig", "own", "next"], days, 21, copied) == [(["orig", "own"], [])]
    # a run of two later articles is a story of its own even when one of them copies the main story
    days = {"orig": 100, "own": 101, "other": 102, "late": 230, "next": 231}
    assert stories_in_time(["orig", "own", "other", "late", "next"], days, 21, copied) == [
        (["orig", "own", "other"], []),
        (["late", "next"], []),
    ]


def test_the_undated_members_stay_with_the_largest_run_when_later_reports_move_the_median_day():
    from reportedly.provenance.cluster import stories_in_time

    # a story of three dated reports (days 100-102) and one undated; a lone report on day 200 and two on days
    # 400-401 about the same people chain to it: the median day (200) falls outside the story's own run, but the
    # story is the largest run and keeps the undated report; the later pair is a story of its own
    days = {"a": 100, "b": 101, "c": 102, "u": None, "lone": 200, "x": 400, "y": 401}
    group = ["a", "b", "c", "u", "lone", "x", "y"]
    assert stories_in_time(group, days, 21) == [(["a", "b", "c", "u"], []), (["x", "y"], [])]
    # of two runs of equal size, the one holding the median day is the main story (as before)
    days = {"a": 100, "b": 101, "u": None, "x": 400, "y": 401}
    assert stories_in_time(["a", "b", "u", "x", "y"], days, 21) == [(["u", "x", "y"], []), (["a", "b"], [])]


def test_a_small_component_joins_the_story_that_holds_its_cross_language_candidates():
    groups = [["e1", "e2", "e3", "e4"], ["x1", "x2", "x3"], ["d1"], ["f1"]]
    langs = {"e1": "en", "e2": "en", "e3": "en", "e4": "en", "x1": "en", "x2": "en", "x3": "en", "d1": "de", "f1": "fr"}
    # d1's candidates in another language: three of the story's four members, one of the other report's
    # f1's candidates: two in each, spread over reports of the same people
    pairs = [("d1", "e1"), ("e2", "d1"), ("d1", "e3"), ("d1", "x1"), ("f1", "e1"), ("f1", "e2"), ("f1", "x1")]
    pairs += [("x2", "f1")]
    on = Settings(attach_share=0.4)
    out = attach_small(groups, pairs, langs, on)
    assert sorted(map(sorted, out)) == [["d1", "e1", "e2", "e3", "e4"], ["f1"], ["x1", "x2", "x3"]]
    # candidates in the same language are no such evidence, and attach_share over 1 turns it off
    assert attach_small(groups, pairs, {i: "en" for i in langs}, on) == groups
    assert attach_small(groups, pairs, langs, Settings(attach_share=1.01)) == groups
    assert attach_small(groups, pairs, langs, Settings()) == out  # the shipped pass is on


def test_a_small_component_does_not_join_a_story_where_it_has_one_candidate():
    groups = [["e1", "e2"], ["d1"]]
    out = attach_small(groups, [("d1", "e1")], {"e1": "en", "e2": "en", "d1": "de"}, Settings(attach_share=0.4))
    assert sorted(map(sorted, out)) == [["d1"], ["e1", "e2"]]


def test_german_nouns_after_a_determiner_are_no_name_keys():
    text = (
        "Die Stadt Riverside baut die Brücke am Ulmenweg neu. Bürgermeisterin Anna Berg sagte, der neue Plan "
        "koste 42 Millionen Dollar. Ein Sturm hatte die alte Brücke im März zerstört."
    )
    nouns = common_nouns(text, "de")
    assert {"n:stdt", "n:brck", "n:pln", "n:strm"} <= nouns  # "Die Stadt", "die Brücke", "der neue Plan", "Ein Sturm"
    assert not nouns & {"n:rvrsd", "n:ann", "n:brg"}  # the names stay keys
    assert common_nouns(text, "en") == set()  # English capitalises names only


def test_a_german_report_keeps_only_its_names_and_figures_as_keys():
    german = (
        "Der Stadtrat von Riverside hat am Montag den Neubau der Brücke am Ulmenweg beschlossen, die im März bei "
        "einem Sturm eingestürzt war. Bürgermeisterin Anna Berg sagte, die neue Brücke werde 42 Millionen Dollar "
        "kosten und 2024 eröffnet. Die Ingenieure von Harbor Engineering sollen einen Bau planen, der doppelt so "
        "hohen Fluten standhält. Die Anwohner am Ostufer warten seit acht Monaten auf eine Entscheidung, und die "
        "Ladenbesitzer sagen, der Umsatz habe sich halbiert."
    )
    assert signature(german).language == "de"
    full = keys_of(german)
    kept = full - common_nouns(german, "de")
    assert {"n:rvrsd", "n:brg", "n:hrbr", "d:42"} <= kept
    assert len(kept) < len(full)
    assert not {"n:brck", "n:stdtrt", "n:ingnr"} & kept


def test_a_text_in_an_unknown_language_is_tagged_by_its_script():
    assert language_of(BRIDGE) == "en"
    assert language_of("Мэр Анна Берг сказала, что новый мост обойдётся в 42 миллиона долларов.") == "und-Cyrl"
    assert (
        language_of("Belediye başkanı Anna Berg, yeni köprünün 42 milyon dolara mal olacağını söyledi.") == "und"
    )  # Latin: any language
    assert (
        language_of("मेयर एना बर्ग ने कहा कि नए पुल पर 42 मिलियन डॉलर खर्च होंगे और यह 2024 में खुलेगा।") == "und"
    )  # names are no keys
    assert language_of("42 — 2024") == "und"  # no letters, no script


def test_a_long_russian_report_may_join_its_english_source_by_names_and_figures():
    russian = (
        "Городской совет Riverside в понедельник проголосовал за восстановление моста Elm Street, обрушившегося "
        "во время мартовского шторма. Мэр Anna Berg заявила, что новый мост обойдётся в 42 миллиона долларов и "
        "откроется в 2024 году. Инженеры компании Harbor Engineering спроектируют пролёт, способный выдержать "
        "паводки вдвое выше того, что разрушил прежний. Жители восточного берега ждали решения восемь месяцев."
    )
    ru, en = signature(russian), signature(BRIDGE)
    assert ru.language == "und-Cyrl" and en.language == "en"
    assert linked(ru, en)
    assert not linked(ru, dataclasses.replace(en, language="und-Cyrl"))  # one script may be one language
