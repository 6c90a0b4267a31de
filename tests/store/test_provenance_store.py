"""Stories, the copy tree, diff and claim tracing over a stored corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportedly import analyze
from reportedly.errors import BadOptionError
from reportedly.provenance.corpus import build_stories, render_tree, story, trace
from reportedly.store import Store

STORY = Path(__file__).parent.parent / "fixtures" / "stories" / "bridge-2022"
OTHER = [
    "The national football team lost its qualifying match three to one after a late penalty, and the coach "
    "said the players had run out of energy in the second half. Fans booed as the team left the pitch.",
    "A new exhibition of Dutch landscape paintings opens at the city museum this week, with works lent by "
    "collectors in Amsterdam and Leiden. Curators spent two years restoring the largest canvas in the show.",
]


@pytest.fixture
def corpus(db_url):
    meta = json.loads((STORY / "index.json").read_text())
    ids = {}
    with Store(db_url) as s:
        for m in meta:
            a = analyze((STORY / m["file"]).read_text(encoding="utf-8"), published=m["published"] or "2022-05-03")
            ids[m["file"]] = s.add(a, outlet=m["outlet"])
        for t in OTHER:
            s.add(analyze(t, published="2022-05-04"), outlet="elsewhere")
    return db_url, ids


def test_stories_tree_and_relations(corpus):
    db_url, ids = corpus
    with Store(db_url) as s:
        built = build_stories(s)
        assert len(built) == 1 and built[0]["size"] == 4 and built[0]["origin"] == ids["01_wire.txt"]
        st = story(s, built[0]["id"])
        rel = {m["article_id"]: (m["relation"], m["parent_article_id"]) for m in st["articles"]}
        assert rel[ids["02_copy.txt"]] == ("wire-copy", ids["01_wire.txt"])
        assert rel[ids["03_rewrite.txt"]] == ("paraphrase", ids["01_wire.txt"])
        assert rel[ids["04_own.txt"]][0] == "independent"
        tree = render_tree(st)
        assert tree.splitlines()[1].startswith("├─ [%d] origin" % ids["01_wire.txt"])
        assert "│  ├─ [%d] wire-copy" % ids["02_copy.txt"] in tree
        assert build_stories(s) and len(s.rows("SELECT id FROM stories")) == 1  # rebuilt, not duplicated
        with pytest.raises(BadOptionError):
            story(s, 999)


def test_trace_orders_by_date_and_names_the_form(corpus):
    db_url, ids = corpus
    with Store(db_url) as s:
        rows = trace(s, "will cost 42 million dollars and open in 2024")
    assert [r["article_id"] for r in rows][0] == ids["01_wire.txt"]
    forms = {r["article_id"]: r["form"] for r in rows}
    assert forms[ids["01_wire.txt"]] == "attribution"  # "..., officials said"
    assert ids["03_rewrite.txt"] in forms


def test_cli_story_diff_trace(corpus):
    db_url, ids = corpus

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "reportedly.cli", *map(str, args), "--db", db_url],
            capture_output=True,
            text=True,
            timeout=300,
        )

    out = cli("stories")
    assert out.returncode == 0 and "RIVERSIDE (AP)" in out.stdout and "wire" in out.stdout
    sid = json.loads(cli("stories", "--json").stdout.splitlines()[0])["id"]
    assert "wire-copy" in cli("story", sid).stdout
    d = cli("diff", ids["01_wire.txt"], ids["02_copy.txt"], "--json")
    kinds = json.loads(d.stdout)["kinds"]
    assert d.returncode == 0 and kinds.get("sentence-added") == 1
    t = cli("trace", "rebuild the Elm Street bridge")
    assert t.returncode == 0 and t.stdout.startswith("first seen:") and "\ntravelled: " in t.stdout
    bad = cli("trace", "bridge")
    assert bad.returncode == 2 and "three words" in bad.stderr


def test_travel_and_outside_citations():
    from reportedly.provenance.corpus import cited_outside, travel

    rows = [
        {"form": "direct quote", "by": "Liz Truss"},
        {"form": "direct quote", "by": "Liz Truss"},
        {"form": "attribution", "by": "Reuters"},
        {"form": "unattributed assertion", "by": None},
    ]
    assert travel(rows) == "direct quote (Liz Truss) ×2 → attribution (Reuters) → unattributed assertion"
    same_day = [
        {"form": "direct quote", "by": "date"},
        {"form": "unattributed assertion", "by": None},
        {"form": "direct quote", "by": "she"},
        {"form": "attribution", "by": "Liz Truss"},
        {"form": "direct quote", "by": "Liz Truss"},
        {"form": "unattributed assertion", "by": None},
    ]
    assert travel(same_day) == "direct quote (Liz Truss) ×3 → unattributed assertion ×2 → attribution (Liz Truss)"
    story = {
        "articles": [
            {"article_id": 1, "outlet": "The Sun", "credits": [], "cites": ["Reuters"]},
            {"article_id": 2, "outlet": "Reuters", "credits": ["Reuters"], "cites": []},
            {"article_id": 3, "outlet": "Daily Post", "credits": ["AFP"], "cites": ["BBC"]},
        ]
    }
    assert cited_outside(story) == {"AFP": [3], "BBC": [3]}
