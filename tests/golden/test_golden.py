"""Golden tests: every tests/golden/<name>.txt is analysed and compared with <name>.expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent
CASES = sorted(p.stem for p in HERE.glob("*.txt") if p.with_suffix(".expected.json").exists())


def _norm(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module", params=CASES)
def case(request, run):
    text = (HERE / f"{request.param}.txt").read_text(encoding="utf-8")
    expected = json.loads((HERE / f"{request.param}.expected.json").read_text(encoding="utf-8"))
    return run(text, published=expected.get("published")), expected


def test_golden_cases_exist():
    assert CASES, "no golden article found"


def test_every_quote_with_speaker_cue_and_kind(case):
    got, exp = case
    for q in exp["quotes"]:
        match = [g for g in got.quotes if (g.start, g.end) == tuple(q["span"])]
        assert match, f"quote not found: {q['text'][:60]!r}"
        g = match[0]
        assert (g.speaker, g.cue, g.kind) == (q["speaker"], q["cue"], q["kind"]), q["text"][:60]
        assert g.speaker_mention.text == q["speaker_mention"]


def test_no_extra_quotes(case):
    got, exp = case
    assert len(got.quotes) == len(exp["quotes"])


def test_every_attribution_with_source_type_and_cue(case):
    got, exp = case
    for a in exp["attributions"]:

        def same_content(g):
            if "content_span" in a:
                return (g.content_spans[0][0], g.content_spans[-1][1]) == tuple(a["content_span"])
            return _norm(g.content) == _norm(a["content"])

        match = [g for g in got.attributions if same_content(g)]
        assert match, f"attribution not found: {a['content'][:60]!r}"
        g = match[0]
        assert (g.source, g.source_type, g.cue) == (a["source"], a["source_type"], a["cue"]), a["content"][:60]
        assert g.source_mention.text == a["source_mention"]


def test_no_extra_attributions(case):
    got, exp = case
    assert len(got.attributions) == len(exp["attributions"])


def test_no_comment_and_hedges(case):
    got, exp = case
    assert [(n.source, n.start, n.end) for n in got.no_comment] == [
        (n["source"], *n["span"]) for n in exp["no_comment"]
    ]
    for h in exp["hedges"]:
        assert any((g.start, g.end) == tuple(h["span"]) for g in got.hedges), h["text"]


def test_time_expressions_at_least_nine_in_ten(case):
    got, exp = case
    right = [
        t
        for t in exp["timexes"]
        if any(g.start < t["span"][1] and t["span"][0] < g.end and g.value == t["value"] for g in got.timexes)
    ]
    assert len(right) >= 0.9 * len(exp["timexes"]), [t["text"] for t in exp["timexes"] if t not in right]


def test_boilerplate_lines_removed(case):
    got, exp = case
    assert [b.text for b in got.boilerplate] == exp["boilerplate_lines"]


def test_entities_names_types_titles_and_mentions(case):
    got, exp = case
    by_name = {e.name: e for e in got.entities}
    for e in exp["entities"]:
        assert e["name"] in by_name, e["name"]
        g = by_name[e["name"]]
        assert g.type == e["type"], e["name"]
        if "kind" in e:
            assert g.kind == e["kind"], e["name"]
        if "title" in e:
            assert g.title == e["title"], e["name"]
        got_mentions = {m.text for m in g.mentions}
        for m in e.get("mentions", []):
            assert m in got_mentions, (e["name"], m)


def test_unattributed_assertions_and_loaded_terms(case):
    got, exp = case
    assertions = {a.text for a in got.assertions}
    for s in exp.get("unattributed_assertions_examples", []):
        assert s in assertions
    for lt in exp.get("loaded_terms", []):
        assert any((g.start, g.end, g.neutral) == (*lt["span"], lt["neutral"]) for g in got.loaded_terms)
