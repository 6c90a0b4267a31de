"""`reportedly load` puts the Spark output into a store that the CLI and the API read, stories included."""

from __future__ import annotations

import json
from collections import defaultdict

from reportedly.cli import main

from .conftest import table


def test_load_then_the_api_and_the_cli_see_the_same_stories(spark_run, tmp_path, capsys):
    from fastapi.testclient import TestClient

    from reportedly.web.app import create_app

    _, out = spark_run
    db = str(tmp_path / "loaded.db")
    assert main(["load", str(out), "--db", db]) == 0
    loaded = capsys.readouterr().out
    n_articles = len(table(out, "articles"))
    assert f"loaded {n_articles} articles" in loaded
    spark_groups = defaultdict(set)
    for e in table(out, "story_edges"):
        if e["role"] == "member":
            spark_groups[e["story_id"]].add(e["content_hash"])
    client = TestClient(create_app(db))
    listed = client.get("/api/stories", params={"limit": 100}).json()["items"]
    assert len(listed) == len(spark_groups)
    urls = {r["content_hash"]: r["url"] for r in table(out, "articles")}
    api_groups = set()
    for s in listed:
        one = client.get(f"/api/stories/{s['id']}").json()
        api_groups.add(frozenset(a["url"] for a in one["articles"]))
    assert api_groups == {frozenset(urls[h] for h in g) for g in spark_groups.values()}
    assert main(["stories", "--db", db, "--json"]) == 0  # rebuilt on one machine: the same stories
    rebuilt = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["size"] for r in rebuilt) == sorted(len(g) for g in spark_groups.values())
    assert main(["load", str(out), "--db", db]) == 0  # again: nothing new
    assert "loaded 0 articles" in capsys.readouterr().out


def test_load_refuses_a_folder_without_tables(tmp_path, capsys):
    assert main(["load", str(tmp_path), "--db", str(tmp_path / "x.db")]) == 2
    assert "holds no articles table" in capsys.readouterr().err


def test_spark_without_pyspark_is_one_line(monkeypatch, tmp_path, capsys):
    import sys

    monkeypatch.setitem(sys.modules, "pyspark", None)
    assert main(["spark", str(tmp_path), "--output", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "pip install 'reportedly[spark]'" in err
