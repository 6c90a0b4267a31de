"""The quote scorer follows the shared metrics; `reportedly eval` runs end to end on a tiny dataset."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from reportedly.cli import main
from reportedly.eval import read_jsonl
from reportedly.eval.quotes import names_match, quote_type, score

FIX = Path(__file__).parent.parent / "fixtures"


def test_gold_against_itself_is_perfect():
    gold = read_jsonl(FIX / "mini-quotes.jsonl")
    res = score(gold, gold)
    assert res["exact"]["f1"] == 1.0 and res["e2e"]["f1"] == 1.0 and res["attribution_accuracy"] == 1.0


def test_perturbations_cost_what_they_should():
    gold = read_jsonl(FIX / "mini-quotes.jsonl")
    pred = copy.deepcopy(gold)
    q = pred["mini/1"]["quotes"][0]
    q["quote_start"] += 1  # no longer exact, still overlapping
    pred["mini/1"]["quotes"][1]["speaker"] = "Tom Reed"  # wrong speaker
    pred["mini/1"]["quotes"][1].pop("speaker_start")
    pred["mini/2"]["quotes"] = []  # missed
    res = score(gold, pred)
    assert res["exact"]["tp"] == 1 and res["overlap"]["tp"] == 2
    assert res["attribution_accuracy"] == 0.5
    assert res["e2e"]["tp"] == 1 and res["e2e"]["r"] == round(1 / 3, 4)


def test_name_matching_rules():
    assert names_match("Sen. Mark Hill", "Hill")
    assert names_match("Donald J. Trump", "Donald Trump")
    assert not names_match("Anna Berg", "Tom Reed")


def test_quote_typing():
    assert quote_type("“All of it,”") == "direct"
    assert quote_type("the plan “failed badly”") == "mixed"
    assert quote_type("the plan failed") == "indirect"


def test_eval_command_end_to_end(tmp_path, capsys):
    out = tmp_path / "pred.jsonl"
    assert main(["eval", "quotes", str(FIX / "mini-quotes.jsonl"), "--predictions", str(out)]) == 0
    res = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert res["gold_quotes"] == 3 and res["e2e"]["f1"] == 1.0
    preds = [json.loads(line) for line in out.read_text().splitlines()]
    assert {p["id"] for p in preds} == {"mini/1", "mini/2"}


def test_eval_timex_end_to_end(capsys):
    assert main(["eval", "timex", str(FIX / "mini-timex.jsonl"), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["gold"] == 3 and res["value"]["f1"] == 1.0


def test_eval_bad_dataset(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "fine"}\nnot json\n')
    assert main(["eval", "quotes", str(bad)]) == 2
    assert "bad.jsonl:2" in capsys.readouterr().err


def test_partial_quote_ending_one_character_past_reported_speech_is_emitted_once():
    # issue 10 (1): the parser's clause stops before "disaster." while the partial quote takes the full stop
    from reportedly.eval.quotes import predictions
    from reportedly.models import Analysis, Attribution, Mention, Quote

    text = "Hill said the plan was “a disaster.” Then he left."
    q0 = text.index("a disaster")
    content_end = q0 + len("a disaster")
    speaker = Mention("Hill", 0, 4)
    att = Attribution(
        "the plan was “a disaster",
        ((text.index("the plan"), content_end),),
        "Hill",
        "person",
        "said",
        (5, 9),
        "E1",
        speaker,
    )
    quote = Quote("a disaster.", q0, content_end + 1, "partial", "Hill", "E1", speaker, "said", (5, 9))
    pred = predictions("x", Analysis(text, None, quotes=(quote,), attributions=(att,)))["quotes"]
    assert len(pred) == 1
    assert pred[0]["quote"] == "the plan was “a disaster.”" and pred[0]["speaker"] == "Hill"


def test_eval_with_two_processes_scores_as_one(tmp_path, capsys):
    # issue 10 (8): the Docs cross process boundaries, so their values must serialise
    scores = []
    for n in ("1", "2"):
        assert main(["eval", "quotes", str(FIX / "mini-quotes.jsonl"), "--json", "--processes", n]) == 0
        scores.append(json.loads(capsys.readouterr().out))
    assert scores[0] == scores[1] and scores[0]["failed_records"] == 0


def test_quotes_one_cue_introduces_are_predicted_as_one_mixed_quote():
    from reportedly.eval.quotes import predictions
    from reportedly.models import Analysis, Quote

    text = "Cruz called Trump a “liar” and “utterly amoral” on Monday. “We won,” he said. “Now we work.”"
    cue = (text.index("called"), text.index("called") + 6)

    def quote(words, cue_span):
        s = text.index(words)
        return Quote(words, s, s + len(words), "direct", "Cruz", "E1", None, "x", cue_span)

    said = (text.index("said"), text.index("said") + 4)
    qs = (quote("liar", cue), quote("utterly amoral", cue), quote("We won,", said), quote("Now we work.", said))
    got = [p["quote"] for p in predictions("x", Analysis(text, None, quotes=qs))["quotes"]]
    assert got == ["“liar” and “utterly amoral”", "“We won,”", "“Now we work.”"]


def test_reported_speech_run_into_a_quotation_is_cut_before_it():
    from reportedly.eval.quotes import predictions
    from reportedly.models import Analysis, Attribution, Mention, Quote

    text = "Lane said fathers would not be eligible, and her aide replied, “It is meant for mothers.”"
    q0 = text.index("It is")
    quote = Quote("It is meant for mothers.", q0, len(text) - 1, "direct", "aide", None, None, "replied", None)
    content = (text.index("fathers"), len(text))
    att = Attribution(text[content[0] :], (content,), "Lane", "person", "said", (5, 9), "E1", Mention("Lane", 0, 4))
    pred = predictions("x", Analysis(text, None, quotes=(quote,), attributions=(att,)))["quotes"]
    got = sorted(p["quote"] for p in pred)
    assert got == ["fathers would not be eligible, and her aide replied", "“It is meant for mothers.”"]


def test_speech_scope_drops_beliefs_findings_and_speech_acts_but_keeps_sourcing():
    from reportedly.eval.quotes import predictions
    from reportedly.models import Analysis, Attribution

    text = (
        "Hill said it rained. Hill believes it rained. Polls show it rained. It rained, according to Hill. "
        "Hill vowed to stop the rain."
    )

    def att(kind, cue, content):
        c = text.index(cue)
        s = text.index(content, c) if kind != "sourcing" else text.index(content)  # "It rained, according to"
        return Attribution(content, ((s, s + len(content)),), "Hill", "person", cue, (c, c + len(cue)), cue_kind=kind)

    a = Analysis(
        text,
        None,
        attributions=(
            att("speech", "said", "it rained"),
            att("belief", "believes", "it rained"),
            att("evidence", "show", "it rained"),
            att("sourcing", "according to", "It rained"),
            att("act", "vowed", "to stop the rain"),
        ),
    )
    every = predictions("x", a)["quotes"]
    speech = predictions("x", a, scope="speech")["quotes"]
    assert [p["cue_kind"] for p in every] == ["speech", "belief", "evidence", "sourcing", "act"]
    assert [p["cue_kind"] for p in speech] == ["speech", "sourcing"]


def test_eval_scope_flag(capsys):
    assert main(["eval", "quotes", str(FIX / "mini-quotes.jsonl"), "--json", "--scope", "speech"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["scope"] == "speech" and res["gold_quotes"] == 3
    assert main(["eval", "timex", str(FIX / "mini-timex.jsonl"), "--scope", "speech"]) == 2


def test_paragraphs_one_introduction_gives_are_predicted_as_quotes_each():
    # issue 10: the excerpts of a letter share the cue of the line that introduces them, but not a sentence
    from reportedly.eval.quotes import predictions
    from reportedly.models import Analysis, Quote

    text = "Here are excerpts from his email.\n\nWe are cutting 13%.\n\nI take responsibility."
    cue = (text.index("email"), text.index("email") + 5)

    def quote(words):
        s = text.index(words)
        return Quote(words, s, s + len(words), "direct", "Zuckerberg", "E1", None, "email", cue)

    qs = (quote("We are cutting 13%."), quote("I take responsibility."))
    got = [(p["quote"], p["type"]) for p in predictions("x", Analysis(text, None, quotes=qs))["quotes"]]
    assert got == [("We are cutting 13%.", "direct"), ("I take responsibility.", "direct")]


def test_what_is_left_of_reported_speech_before_its_quote_is_no_claim_when_it_holds_the_cue():
    # "As for RT's political bent, he said, ''...''": the parser took the fronted phrase and the quote for content
    from reportedly.eval.quotes import predictions
    from reportedly.models import Analysis, Attribution, Quote

    text = "As for the network's political bent, he said, “What outlet is not taking sides in this election?”"
    q0 = text.index("What")
    quote = Quote(text[q0:-1], q0, len(text) - 1, "direct", "he", None, None, "said", (text.index("said"), 0))
    cue = (text.index("said"), text.index("said") + 4)
    att = Attribution(text, ((0, len(text)),), "he", "person", "said", cue, None, None)
    got = [p["quote"] for p in predictions("x", Analysis(text, None, quotes=(quote,), attributions=(att,)))["quotes"]]
    assert got == ["“What outlet is not taking sides in this election?”"]


def test_eval_report_says_when_only_quotation_marks_were_predicted(capsys):
    assert main(["eval", "quotes", str(FIX / "mini-quotes.jsonl"), "--direct-only"]) == 0
    out = capsys.readouterr().out
    assert "[predicted: quotation marks only]" in out.splitlines()[0]
    assert json.loads(out.splitlines()[-1])["direct_only"] is True
    assert main(["eval", "quotes", str(FIX / "mini-quotes.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "quotation marks only" not in out and json.loads(out.splitlines()[-1])["direct_only"] is False
