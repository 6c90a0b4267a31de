"""Stories, the copy tree, diff and claim tracing over a stored corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportedly import analyze
from reportedly.errors import BadOptionError
from reportedly.provenance.corpus import build_stories, render_tree, story, trace_stored
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
        rows = trace_stored(s, "will cost 42 million dollars and open in 2024")
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


FR = (
    "RIVERSIDE (AP) — Le conseil municipal de Riverside a voté lundi la reconstruction du pont d'Elm Street, "
    "effondré lors de la tempête de mars. Le nouveau pont coûtera 42 millions de dollars et ouvrira en 2024, selon "
    "les autorités. Les ingénieurs de Harbor Engineering concevront un ouvrage capable de résister à des crues deux "
    "fois plus hautes. Les habitants de la rive est attendent une décision depuis huit mois."
)
MARCH = (
    "A storm destroyed the Elm Street bridge in Riverside on Saturday night, cutting off the east bank. Nobody was "
    "hurt, the fire service said. The mayor promised that the Riverside council would decide on rebuilding the Elm "
    "Street bridge within weeks, and engineers from Harbor Engineering began to inspect what was left of it."
)
CARRIED = (
    "Riverside council votes for a new Elm Street bridge, to open in 2024 at a cost of 42 million dollars. The "
    "east bank of Riverside has waited eight months for the decision on the Elm Street bridge, and traders on the "
    "east bank say the Elm Street bridge collapse in the March storm halved their trade. Harbor Engineering will "
    "design the new Riverside bridge against floods.\nSource: Variety"
)


def test_translations_unstored_parents_and_earlier_coverage(db_url, tmp_path):
    from reportedly.store.ingest import ingest

    meta = json.loads((STORY / "index.json").read_text())
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"text": (STORY / m["file"]).read_text(encoding="utf-8"), "outlet": m["outlet"], "published": m["published"]}
        for m in meta
    ]
    lines += [
        {"text": FR, "outlet": "Le Riverside"},
        {"text": CARRIED, "outlet": "aggregator"},
        {"text": MARCH, "outlet": "Riverside Times", "published": "2022-03-06"},
    ]
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with Store(db_url) as s:
        assert ingest([str(feed)], s).ingested == 7
        ids = {r["outlet"]: r["id"] for r in s.rows("SELECT id, outlet FROM articles")}
        built = build_stories(s)
        (main,) = [b for b in built if ids["wire"] in {m for m in [b["origin"]]}]
        st = story(s, main["id"])
        rel = {m["article_id"]: m for m in st["articles"]}
        assert (rel[ids["Le Riverside"]]["relation"], rel[ids["Le Riverside"]]["parent_article_id"]) == (
            "translation",
            ids["wire"],
        )
        assert rel[ids["Le Riverside"]]["language"] == "fr"
        assert rel[ids["aggregator"]]["unstored_parent"] == "Variety", render_tree(st)
        assert ids["Riverside Times"] not in rel  # months before: not this story ...
        assert [c["article_id"] for c in st["earlier_coverage"]] == [ids["Riverside Times"]]  # ... but drawn on
        tree = render_tree(st)
        assert "(not stored) Variety" in tree and "earlier coverage:" in tree and "[fr]" in tree
