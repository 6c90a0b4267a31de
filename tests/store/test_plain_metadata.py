"""A folder of plain-text files ingested with its sidecars and first-line titles; its story rendered without "?"."""

from __future__ import annotations

import subprocess
import sys

from reportedly.provenance.corpus import build_stories, render_tree, story
from reportedly.store.ingest import ingest

from ..plain_corpus import write_plain_folder


def test_plain_folder_metadata_from_sidecars_first_lines_and_hosts(store, tmp_path):
    folder = write_plain_folder(tmp_path / "plain")
    summary = ingest([str(folder)], store)
    assert (summary.ingested, summary.failed) == (4, 0)
    ((ref, note),) = summary.notes  # the malformed sidecar, reported; its article stored all the same
    assert ref.endswith("03_rewrite.txt") and note.startswith("sidecar 03_rewrite.json ignored")
    rows = {
        r["source"].rsplit("/", 1)[-1]: r
        for r in store.rows("SELECT title, outlet, published, url, source FROM articles ORDER BY id")
    }
    assert rows["01_wire.txt"]["title"] == "Council votes to rebuild bridge"
    assert rows["01_wire.txt"]["outlet"] == "Riverside Wire"
    assert str(rows["01_wire.txt"]["published"])[:10] == "2022-05-02"
    assert rows["02_copy.txt"]["outlet"] == "The Guardian"  # from rules/outlets.tsv, by the URL's host
    assert rows["02_copy.txt"]["url"] == "https://www.theguardian.com/uk-news/2022/may/03/bridge"
    assert str(rows["02_copy.txt"]["published"])[:10] == "2022-05-03"
    assert rows["03_rewrite.txt"]["title"] == "Elm Street bridge to be rebuilt"  # the first line
    assert rows["03_rewrite.txt"]["outlet"] is None
    assert rows["04_own.txt"]["title"] is None  # a bare date on the first line is no title
    # a bare date on the first line is no title, but it is the publication date
    assert (rows["04_own.txt"]["outlet"], rows["04_own.txt"]["published"]) == (None, "2022-05-04")


def test_story_tree_of_plain_files_has_no_question_marks(store, tmp_path):
    ingest([str(write_plain_folder(tmp_path / "plain"))], store)
    built = build_stories(store)
    biggest = max(built, key=lambda s: s["size"])
    assert biggest["size"] >= 3
    tree = render_tree(story(store, biggest["id"]))
    assert "?" not in tree and "(untitled)" not in tree
    labelled = [line for line in tree.splitlines() if "] " in line]
    assert any("Riverside Wire" in line for line in labelled)
    unnamed = [line for line in labelled if "03_rewrite.txt" in line or "04_own.txt" in line]
    assert unnamed, tree  # the articles with no outlet are called by their file names


def test_cli_reports_a_malformed_sidecar_in_one_line_and_ingests_the_article(tmp_path):
    folder = write_plain_folder(tmp_path / "plain")
    cmd = [sys.executable, "-m", "reportedly.cli", "ingest", str(folder), "--db", str(tmp_path / "c.db")]
    res = subprocess.run(cmd + ["--processes", "1"], capture_output=True, timeout=300)
    err = res.stderr.decode()
    assert res.returncode == 0, err
    (note,) = [line for line in err.splitlines() if "sidecar" in line]
    assert note.startswith(f"note {folder / '03_rewrite.txt'}: sidecar 03_rewrite.json ignored: ")
    assert "ingested 4, skipped as duplicate 0, failed 0" in res.stdout.decode()
