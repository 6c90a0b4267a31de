"""Cue verbs are data: speech verbs give quotations their speakers; belief and evidence verbs attribute content
but never speak a quotation (issue 10, 5)."""

from __future__ import annotations

import pytest

from reportedly.rules import load


def test_speech_and_belief_verbs_are_separate_lists():
    rules = load("en")
    assert {"sniff", "joke", "mention", "remind"} <= set(rules.cue_verbs)
    assert {"believe", "suggest", "show", "find"} <= set(rules.belief_verbs)
    assert not set(rules.cue_verbs) & set(rules.belief_verbs)


@pytest.mark.parametrize(
    "text, cue",
    [
        ("“It is not my problem at all,” Tom Reed sniffed when asked about the flood.", "sniffed"),
        ("“We have done this before and we will do it again,” Tom Reed joked.", "joked"),
        ("“The rules apply to everyone in this room,” Tom Reed reminded them.", "reminded"),
        ("Tom Reed runs the farm. In his words, “we are the last ones left who still do this.”", "words"),
        ("Tom Reed describes himself as “a fighter and not a quitter in any sense.”", "describes"),
        # a turn in an exchange (session33: "the premier once again interjected" went to the journalist before)
        ("Ann Lee asked about the fees. “No, no, I said each month,” Tom Reed interjected.", "interjected"),
        ("“We have never missed a payment in forty years of trading,” Tom Reed confided.", "confided"),
    ],
)
def test_speech_cues_that_were_missed(run, text, cue):
    got = [(q.speaker, q.cue) for q in run(text).quotes]
    assert got == [("Tom Reed", cue)]


def test_mentioned_reports_speech(run):
    got = [(a.source, a.cue) for a in run("Tom Reed mentioned that the budget was short by a million.").attributions]
    assert got == [("Tom Reed", "mentioned")]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reed believes that the budget is short by a million.",
        "The study found that the budget was short by a million.",
        "New figures show that the budget is short by a million.",
    ],
)
def test_belief_and_evidence_attribute_content(run, text):
    assert [a.content for a in run(text).attributions] == [
        "the budget is short by a million".replace("is", "was")
        if "found" in text
        else "the budget is short by a million"
    ]


def test_a_belief_verb_never_speaks_a_quotation(run):
    # the quoted words are attributed as a belief (through reported content), never as a speech cue's quotation
    text = "The report is due. “The budget will be short by a million next year,” Tom Reed believes."
    assert [(q.kind, q.attribution) for q in run(text).quotes] == [("partial", "attribution")]


def test_a_promise_reported_as_an_infinitive_is_attributed(run):
    got = [(a.source, a.content) for a in run("Anna Holm has vowed to bring back the lost mining jobs.").attributions]
    assert got == [("Anna Holm", "to bring back the lost mining jobs")]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Tom Reed said that the budget is short by a million.", "speech"),
        ("Tom Reed believes that the budget is short by a million.", "belief"),
        ("The study found that the budget was short by a million.", "evidence"),
        ("The budget is short by a million, according to Tom Reed.", "sourcing"),
        ("Tom Reed suggested that the budget is short by a million.", "speech"),
        ("The survey suggested that the budget is short by a million.", "evidence"),
        # a speech act with no content clause reports what was done, not what was said: an `act`, no quotation
        ("Tom Reed called for steep new tariffs on steel.", "act"),
        ("Tom Reed accused the mayor of hiding the report.", "act"),
        ("Anna Holm urged voters to reject the plan.", "act"),
        ("Anna Holm promised to rebuild the bridge by spring.", "act"),
        ("Tom Reed denied the report about the mine.", "act"),
        ("Tom Reed demanded a full inquiry into the deaths.", "act"),
        ("Anna Holm warned that the dam could fail.", "speech"),
        ("Tom Reed denied that the mine had closed.", "speech"),
        ("Tom Reed expects to win the seat in May.", "belief"),
    ],
)
def test_every_attribution_carries_the_kind_of_its_cue(run, text, kind):
    assert [a.cue_kind for a in run(text).attributions] == [kind]


def test_cue_kind_comes_from_the_word_lists():
    rules = load("en")
    assert rules.cue_kind("Said".lower()) == "speech" and rules.cue_kind("admit") == "speech"
    assert rules.cue_kind("hope") == "belief" and rules.cue_kind("show") == "evidence"
    assert rules.cue_kind("suggest") == "evidence" and rules.cue_kind("suggest", by_speaker=True) == "speech"
    assert rules.cue_kind("show", by_speaker=True) == "evidence"
    # without a content clause speech is an act; a belief or a finding stays what it is
    assert rules.cue_kind("vow", clause=False) == "act" and rules.cue_kind("suggest", True, clause=False) == "act"
    assert rules.cue_kind("hope", clause=False) == "belief" and rules.cue_kind("show", clause=False) == "evidence"


def test_a_promise_running_past_the_next_quotes_cue_does_not_break_the_analysis(run):
    # the content of "promised to ..." ends after "her" of "in her words": the range between it and that cue is empty
    text = (
        "Anna Holm wants to bring back the old days. She has touted her husband’s record—“the best years in our "
        "history”—and promised to put him in charge of the budget because, in her words, “he knows how to do it.”"
    )
    assert [q.text for q in run(text).quotes] == ["the best years in our history", "he knows how to do it."]
