"""`reportedly eval stories` on a small story folder in the shared layout."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from reportedly.cli import main
from reportedly.eval.stories import HELD_OUT, load_stories

FIX = Path(__file__).parent.parent / "fixtures"


def test_eval_stories(tmp_path, capsys):
    unrelated = tmp_path / "other.jsonl"
    unrelated.write_text(
        json.dumps(
            {
                "id": "x",
                "text": "The football team lost its match on Sunday after a late "
                "penalty, and the coach blamed tired legs and a wet pitch for the defeat.",
            }
        )
        + "\n"
    )
    assert main(["eval", "stories", str(FIX / "stories"), "--unrelated", str(unrelated), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["clustering"]["f1"] == 1.0 and res["unrelated"] == 1
    assert res["relation_accuracy"] == 1.0 and res["origins_right"] == 1


def test_eval_stories_needs_index_files(tmp_path, capsys):
    assert main(["eval", "stories", str(tmp_path)]) == 2
    assert "index.json" in capsys.readouterr().err


def test_eval_stories_meaning_change_checklist(capsys):
    assert (
        main(["eval", "stories", str(FIX / "stories"), "--changes", str(FIX / "stories" / "changes.json"), "--json"])
        == 0
    )
    res = json.loads(capsys.readouterr().out)
    assert res["changes"]["listed"] == 2 and res["changes"]["found"] == 1  # the copy removed no hedge
    assert [i["found"] for i in res["changes"]["items"]] == [True, False]


def test_eval_stories_takes_one_story_folder(capsys):
    story = FIX / "stories" / "bridge-2022"
    assert main(["eval", "stories", str(story), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["relation_accuracy"] == 1.0 and res["origins_right"] == 1


def test_eval_stories_checklist_on_one_story_folder(capsys):
    story, checklist = FIX / "stories" / "bridge-2022", FIX / "stories" / "changes.json"
    assert main(["eval", "stories", str(story), "--changes", str(checklist), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["changes"]["found"] == 1


def test_eval_stories_fit_scores_the_model_it_writes(tmp_path, capsys):
    out = tmp_path / "model.json"
    assert main(["eval", "stories", str(FIX / "stories"), "--fit", str(out), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert json.loads(out.read_text()) == res["model"]
    assert res["shipped"]["model"] == str(out)  # the in-sample line is the written model's, not the old file's
    assert main(["eval", "stories", str(FIX / "stories"), "--fit", str(out)]) == 0
    assert f"model {out} (in-sample" in capsys.readouterr().out


def test_held_out_story_is_read_only_when_named(tmp_path):
    for name in ("open", "kept"):
        shutil.copytree(FIX / "stories" / "bridge-2022", tmp_path / name)
    (tmp_path / "kept" / HELD_OUT).write_text("scored by the lead only\n")
    assert set(load_stories(tmp_path)) == {"open"}
    assert set(load_stories(tmp_path / "kept")) == {"kept"}


def test_unrelated_articles_carry_their_dates(tmp_path):
    from reportedly.eval.stories import unrelated

    path = tmp_path / "other.jsonl"
    rows = [
        {"id": "a", "text": "x", "published": "2022-10-20"},
        {"id": "b", "text": "y", "published": "2022-10"},  # month precision: the 15th
        {"id": "c", "text": "z", "url": "https://example.org/2021/03/04/story"},
        {"id": "d", "text": "w"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert [d for _, _, d in unrelated([str(path)])] == ["2022-10-20", "2022-10-15", "2021-03-04", None]


def test_eval_stories_folds_in_two_processes_score_as_one(tmp_path, capsys):
    # three stories, one labelled otherwise, so the folds' models differ; forked workers must give the same scores
    for name in ("a", "b", "c"):
        shutil.copytree(FIX / "stories" / "bridge-2022", tmp_path / name)
    index = tmp_path / "c" / "index.json"
    index.write_text(json.dumps([dict(e, relation="independent") for e in json.loads(index.read_text())]))
    runs = []
    for n in ("1", "2"):
        assert main(["eval", "stories", str(tmp_path), "--json", "--processes", n]) == 0
        runs.append(json.loads(capsys.readouterr().out)["leave_one_out"])
    assert runs[0] == runs[1]
    assert set(runs[0]["per_story"]) == {"a", "b", "c"}
    assert runs[0]["per_story"]["a"] != runs[0]["per_story"]["c"]


def test_eval_stories_refuses_zero_processes(capsys):
    assert main(["eval", "stories", str(FIX / "stories"), "--processes", "0"]) == 2
    assert "--processes" in capsys.readouterr().err
