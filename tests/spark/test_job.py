"""The Spark job on local[2] gives what `reportedly ingest` + `reportedly stories` give on one machine."""

from __future__ import annotations

import json
from collections import defaultdict

from reportedly.store.tables import QUOTE_COLUMNS, arrow_schema, columns

from .conftest import table


def _hash_of(out) -> dict[int, str]:
    return {r["article_id"]: r["content_hash"] for r in table(out, "articles")}


def _spark_stories(out) -> tuple[set, dict]:
    groups: dict[int, set] = defaultdict(set)
    places = {}
    for e in table(out, "story_edges"):
        if e["role"] == "member":
            groups[e["story_id"]].add(e["content_hash"])
        places[e["content_hash"]] = (e["role"], e["relation"], e["parent_hash"], e["unstored_parent"])
    return {frozenset(g) for g in groups.values()}, places


def _reference_stories(store) -> tuple[set, dict]:
    h = {r["id"]: r["content_hash"] for r in store.rows("SELECT id, content_hash FROM articles")}
    groups: dict[int, set] = defaultdict(set)
    places = {}
    for r in store.rows(
        "SELECT story_id, article_id, relation, parent_article_id, unstored_parent FROM story_articles"
    ):
        groups[r["story_id"]].add(h[r["article_id"]])
        parent = h.get(r["parent_article_id"])
        places[h[r["article_id"]]] = ("member", r["relation"], parent, r["unstored_parent"])
    for r in store.rows("SELECT article_id FROM story_coverage"):
        places[h[r["article_id"]]] = ("earlier", "earlier-coverage", None, None)
    return {frozenset(g) for g in groups.values()}, places


def test_the_same_articles_with_the_same_analysis(spark_run, reference):
    summary, out = spark_run
    ref_summary, store = reference
    spark_records = {r["content_hash"]: json.loads(r["analysis"]) for r in table(out, "articles")}
    ref_records = {
        r["content_hash"]: json.loads(r["analysis"]) for r in store.rows("SELECT content_hash, analysis FROM articles")
    }
    assert summary.analysed == ref_summary.ingested == len(spark_records) >= 295
    assert summary.duplicates == ref_summary.duplicates >= 3  # cut.jsonl.gz repeats three articles of the corpus
    assert spark_records == ref_records


def test_each_article_comes_from_the_source_ingest_kept(spark_run, reference):
    """A duplicate keeps its first copy in input order (files numbered as ingest reads them): the three articles
    that cut.jsonl.gz repeats come from corpus.jsonl.gz, as in the store."""
    _, out = spark_run
    _, store = reference
    spark_sources = {r["content_hash"]: r["source"] for r in table(out, "articles")}
    ref_sources = {r["content_hash"]: r["source"] for r in store.rows("SELECT content_hash, source FROM articles")}
    assert spark_sources == ref_sources
    assert not any("cut.jsonl.gz" in s for s in spark_sources.values())


def test_the_same_quotes_with_the_same_speakers(spark_run, reference):
    _, out = spark_run
    _, store = reference
    h = _hash_of(out)
    spark_quotes = {
        (h[q["article_id"]], q["start_char"], q["end_char"], q["text"], q["speaker"], q["cue"], q["kind"])
        for q in table(out, "quotes")
    }
    ref_quotes = {
        (r["content_hash"], r["start_char"], r["end_char"], r["text"], r["speaker"], r["cue"], r["kind"])
        for r in store.rows(
            "SELECT a.content_hash, q.start_char, q.end_char, q.text, q.speaker, q.cue, q.kind "
            "FROM quotes q JOIN articles a ON a.id = q.article_id"
        )
    }
    assert len(ref_quotes) > 100
    assert sum(1 for q in spark_quotes if q[4]) > 50  # most have a speaker
    assert spark_quotes == ref_quotes


def test_the_same_story_partition_and_copy_graph(spark_run, reference):
    summary, out = spark_run
    _, store = reference
    spark_groups, spark_places = _spark_stories(out)
    ref_groups, ref_places = _reference_stories(store)
    assert len(ref_groups) >= 5 and summary.stories == len(spark_groups)
    assert spark_groups == ref_groups
    assert spark_places == ref_places
    assert any(p[1] == "wire-copy" and p[2] for p in spark_places.values())  # stored parents, not only roots


def test_bad_records_go_to_rejects_with_the_reasons_ingest_gives(spark_run, reference):
    summary, out = spark_run
    ref_summary, _ = reference
    rejects = {(r["source"], r["reason"]) for r in table(out, "rejects")}
    assert summary.rejected == len(rejects) == ref_summary.failed
    assert rejects == set(ref_summary.failures)
    reasons = {src.rsplit("/", 1)[-1]: why for src, why in rejects}
    assert reasons["bad.jsonl:2"].startswith("malformed JSON")
    assert reasons["bad.jsonl:3"] == 'no "text" or "html" field'
    assert "truncated" in reasons["crawl.warc.gz#2"]
    assert reasons["cut.jsonl.gz"].startswith("truncated or corrupt gzip stream")


def test_stories_by_grouping_on_band_keys_are_those_found_on_the_driver(spark, spark_run, tmp_path):
    """Above LOCAL_STORIES articles, candidates come from grouping on band keys and stories from applyInPandas: on
    the same articles, that path gives the same stories as the collected one the run used."""
    import shutil

    from reportedly.spark.job import build_stories

    summary, out = spark_run
    other = tmp_path / "out"
    shutil.copytree(out / "articles", other / "articles")
    assert build_stories(spark, str(other), local_limit=0) == summary.stories
    assert _spark_stories(other) == _spark_stories(out)
    assert sorted(map(str, table(other, "stories"))) == sorted(map(str, table(out, "stories")))


def test_tables_have_the_shared_columns(spark_run):
    import pyarrow.dataset as ds

    _, out = spark_run
    for name in ("articles", "quotes", "attributions", "entities", "timexes", "stories", "story_edges", "rejects"):
        assert ds.dataset(str(out / name), format="parquet").schema.names == columns(name), name
    assert ds.dataset(str(out / "quotes"), format="parquet").schema == arrow_schema("quotes")
    assert columns("quotes") == QUOTE_COLUMNS


def test_running_again_adds_nothing(spark, spark_run, inputs):
    from reportedly.spark.job import run

    _, out = spark_run
    names = ("articles", "quotes", "attributions", "entities", "timexes", "stories", "story_edges", "rejects")
    before = {n: len(table(out, n)) for n in names}
    again = run(spark, inputs, str(out), partitions=2)
    assert again.analysed == 0 and again.rejected == 0
    assert {n: len(table(out, n)) for n in names} == before


def test_stories_get_the_second_pass_on_both_paths(spark, tmp_path):
    """attach_small in the job, on the collected and the grouped path: a short version in another language whose
    candidates are all in one story joins it; one whose candidates are split between two stories joins neither;
    the stories are those in-memory clustering (cluster_signatures) finds."""
    from dataclasses import replace

    import pandas as pd

    from reportedly.models import Signature
    from reportedly.provenance.cluster import band_numbers, cluster_signatures
    from reportedly.provenance.settings import fitted
    from reportedly.spark.job import build_stories

    on = replace(fitted(), attach_share=0.4)

    def sig(start: int, language: str, keys: tuple = ()) -> Signature:
        own = tuple(range(start + 100, start + 164))
        return Signature(tuple(range(start, start + 64)), (), (keys + own)[:64], language)

    sigs = [sig(1000, "en")] * 4 + [sig(7000, "fr", (1100, 1101))] + [sig(3000, "en")] * 3
    sigs += [sig(8000, "fr", (3100, 3101))] + [sig(5000, "en", (3100, 3101))] * 3
    rows = []
    for n, s in enumerate(sigs, 1):
        text = f"Story {s.copy[0]} item {n}: the ferry {n} waited at the quay while the crew of {s.copy[0]} unloaded."
        rows.append(
            {
                "article_id": n,
                "content_hash": f"h{n}",
                "seq": n,
                "text": text,
                "published": "2023-03-01",
                "outlet": f"o{n}",
                "url": f"https://x.example/{n}",
                "language": s.language,
                "title": f"t{n}",
                "sig_copy": list(s.copy),
                "sig_topic": list(s.topic),
                "sig_keys": list(s.keys),
                "sig_language": s.language,
                "sig_marks": list(s.marks),
                "band_keys": band_numbers(s, on),
            }
        )
    ddl = (
        "article_id BIGINT, content_hash STRING, seq BIGINT, text STRING, published STRING, outlet STRING, url STRING, "
        "language STRING, title STRING, sig_copy ARRAY<BIGINT>, sig_topic ARRAY<BIGINT>, sig_keys ARRAY<BIGINT>, "
        "sig_language STRING, sig_marks ARRAY<BIGINT>, band_keys ARRAY<BIGINT>"
    )
    memory = {frozenset(f"h{i}" for i in g) for g in cluster_signatures(dict(enumerate(sigs, 1)), on) if len(g) > 1}
    assert sorted(map(len, memory)) == [3, 3, 5]
    for limit in (None, 0):
        out = tmp_path / f"out{limit}"
        spark.createDataFrame(pd.DataFrame(rows), ddl).write.parquet(str(out / "articles"))
        assert build_stories(spark, str(out), on, local_limit=limit) == 3
        assert _spark_stories(out)[0] == memory
