"""The Spark job: read articles, analyse the new ones per partition, write the tables, then build stories by grouping
on LSH band keys. Submit it as `spark-submit src/reportedly/spark/job.py INPUT... --output DIR`."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from typing import Optional, Sequence

# absolute imports: spark-submit runs this file as a script
from reportedly.errors import BadOptionError, ReportedlyError, SparkError
from reportedly.ingest.readers import JSONL_GZ_SUFFIXES, JSONL_SUFFIXES, WARC_SUFFIXES
from reportedly.provenance.cluster import attach_small, attaching, components
from reportedly.provenance.settings import Settings
from reportedly.spark import add_arguments, session, tasks
from reportedly.store.tables import columns, spark_ddl

CHILD_TABLES = tasks.CHILD_TABLES
ARTICLES_PER_TASK = 200  # ~10 s of one core's analysis
LOCAL_STORIES = 20_000  # up to this many articles, stories are found from collected tables on the driver
FILE_SUFFIXES = (
    tuple(JSONL_SUFFIXES) + JSONL_GZ_SUFFIXES + WARC_SUFFIXES + (".csv", ".txt", ".text", ".html", ".htm", ".xhtml")
)


@dataclass
class RunSummary:
    analysed: int = 0
    duplicates: int = 0
    rejected: int = 0
    stories: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds to the end of each phase

    def rate(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0

    def line(self, output: str) -> str:
        return (
            f"analysed {self.analysed}, skipped as duplicate or already in the output {self.duplicates}, "
            f"rejected {self.rejected} (see {output}/rejects), {self.stories} stories "
            f"({self.rate():.1f} articles/s; analysis done at {self.timings.get('analysis', 0):.0f} s of "
            f"{self.seconds:.0f} s) into {output}"
        )


def run(spark, inputs: Sequence[str], output: str, partitions: Optional[int] = None) -> RunSummary:
    """Analyse the articles under `inputs` that `output` does not hold yet, append them (and their quotes,
    attributions, entities, time expressions and rejects) to its tables, and rebuild its stories."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    started = time.perf_counter()
    summary = RunSummary()
    cores = max(2, spark.sparkContext.defaultParallelism)
    # the other stages shuffle a few rows per article: Spark's default of 200 partitions is 200 tasks of nothing
    spark.conf.set("spark.sql.shuffle.partitions", str(cores))
    # a file is read by one task: spread its articles before the work per article starts
    items = _read(spark, inputs).repartition(4 * cores)
    prepared = items.mapInPandas(tasks.prepare_items, tasks.PREPARED).persist(StorageLevel.MEMORY_AND_DISK)
    ok = prepared.filter(F.col("reason").isNull())
    found = ok.count()  # fills the cache; the analysis is cut into tasks by this count
    summary.timings["prepared"] = round(time.perf_counter() - started, 1)
    # tasks of a few hundred articles, at least 4 per core: a core that finishes early takes the next, none waits
    # long on the last one (nor on one slowed by other work on its machine)
    partitions = partitions or max(4 * cores, min(-(-found // ARTICLES_PER_TASK), 64 * cores))
    done = _existing(spark, output, "articles")
    if done is not None:  # before the dedup: a hash is either kept with all its rows or dropped with all of them
        ok = ok.join(done.select("content_hash"), "content_hash", "left_anti")
    # one shuffle by content hash serves the dedup (the window needs no other) and spreads the analysis
    first = Window.partitionBy("content_hash").orderBy("seq")
    unique = (
        ok.repartition(partitions, "content_hash")
        .withColumn("_n", F.row_number().over(first))
        .filter("_n = 1")
        .drop("_n")
    )
    # each row comes back with its record, signature, band keys and child rows: nothing is computed twice
    analysed = unique.mapInPandas(tasks.analyse_prepared, tasks.ANALYSED).persist(StorageLevel.MEMORY_AND_DISK)
    counts = {r["ok"]: r["count"] for r in analysed.groupBy(F.col("reason").isNull().alias("ok")).count().collect()}
    summary.analysed = counts.get(True, 0)
    summary.duplicates = found - summary.analysed - counts.get(False, 0)
    summary.timings["analysis"] = round(time.perf_counter() - started, 1)
    if summary.analysed:
        articles = analysed.filter(F.col("reason").isNull())
        articles.select(*columns("articles")).write.mode("append").parquet(f"{output}/articles")
        for t in CHILD_TABLES:  # exploded in the JVM from the rows the analysis gave
            kids = articles.select(F.explode(f"child_{t}").alias("r")).select("r.*")
            kids.write.mode("append").parquet(f"{output}/{t}")
    rejects = prepared.filter(F.col("reason").isNotNull()).select("source", "reason")
    rejects = rejects.unionByName(analysed.filter(F.col("reason").isNotNull()).select("source", "reason"))
    old = _existing(spark, output, "rejects")
    if old is not None:
        rejects = rejects.join(old, ["source", "reason"], "left_anti")
    rejected = rejects.collect()  # a few rows: written from the driver, not computed twice
    summary.rejected = len(rejected)
    if rejected:
        spark.createDataFrame(rejected, spark_ddl("rejects")).write.mode("append").parquet(f"{output}/rejects")
    summary.timings["tables"] = round(time.perf_counter() - started, 1)
    if summary.analysed or _existing(spark, output, "stories") is None:
        summary.stories = build_stories(spark, output)
    else:
        summary.stories = spark.read.parquet(f"{output}/stories").count()
    for df in (prepared, analysed):
        df.unpersist()
    summary.seconds = time.perf_counter() - started
    return summary


def _read(spark, inputs: Sequence[str]):
    """Every input as rows of articles or failures: Parquet through Spark's reader, every other kind as whole
    files (binaryFile) parsed by the library's readers, so refs and failure reasons are those of `ingest`."""
    from pyspark.sql import functions as F

    parts = []
    file_no = 0
    for path in inputs:
        if path.lower().rstrip("/").endswith(".parquet"):
            file_no += 1
            df = (
                spark.read.parquet(path)
                .withColumn("__file", F.input_file_name())
                .withColumn("__row", F.monotonically_increasing_id())
                .withColumn("__seq", F.col("__row") % (1 << tasks.RECORD_BITS))
            )
            parts.append(
                df.mapInPandas(lambda b, base=file_no << tasks.RECORD_BITS: tasks.table_rows(b, base), tasks.ITEMS)
            )
            continue
        try:
            files = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(path)
            # the file index listed the files when the frame was made: its list, not a Spark job, numbers them
            names = sorted(tasks.local_name(f) for f in files.inputFiles() if f.lower().endswith(FILE_SUFFIXES))
            files = files.filter(_article_file(F.lower(F.col("path"))))
        except Exception as e:
            if type(e).__name__ != "AnalysisException":
                raise
            parts.append(spark.createDataFrame([_missing(path)], tasks.ITEMS))
            continue
        numbers = {n: file_no + k for k, n in enumerate(names, 1)}
        file_no += len(names)
        parts.append(files.mapInPandas(lambda b, numbers=numbers: tasks.parse_files(b, numbers), tasks.ITEMS))
    if not parts:
        raise SparkError("no input given: name JSONL, Parquet, CSV or WARC files or folders")
    out = parts[0]
    for p in parts[1:]:
        out = out.unionByName(p)
    return out


def _article_file(path_col):
    cond = None
    for s in FILE_SUFFIXES:
        c = path_col.endswith(s)
        cond = c if cond is None else cond | c
    return cond


def _missing(path: str) -> dict:
    return {
        "seq": 0,
        "source": path,
        "body": None,
        "raw": None,
        "url": None,
        "title": None,
        "outlet": None,
        "published": None,
        "reason": "no such file or folder",
    }


def _existing(spark, output: str, table: str):
    """The table already in `output`, or None."""
    try:
        return spark.read.parquet(f"{output}/{table}")
    except Exception as e:
        if type(e).__name__ == "AnalysisException":
            return None
        raise


def build_stories(spark, output: str, settings: Optional[Settings] = None, local_limit: Optional[int] = None) -> int:
    """Stories over every article in `output`: articles sharing an LSH band key are candidates (a bucket over
    `max_bucket` is boilerplate, skipped), candidates are verified by cluster.linked, connected components are found
    on the driver (the verified edges are few: a few per article), then each component is bounded in time and given
    its copy graph by tasks.build_story. Up to `local_limit` articles (default LOCAL_STORIES) the signatures and then
    the stories' members are collected and this runs on the driver, as `reportedly stories` does, without a
    shuffle; above it, candidates come from grouping on band keys and stories from one applyInPandas group each.
    The components then get the second pass of `cluster.cluster_signatures` (attach_small: a small component joins
    the story its cross-language candidates concentrate in), from the candidate pairs in two languages that touch a
    small component. Overwrites `stories` and `story_edges`; returns the number of stories."""
    import pandas as pd
    from pyspark.sql import functions as F

    from reportedly.provenance.settings import fitted

    settings = settings or fitted()
    limit = LOCAL_STORIES if local_limit is None else local_limit
    arts = spark.read.parquet(f"{output}/articles")
    local = arts.count() <= limit
    edges, cross = _edges_collected(arts, settings) if local else _edges_grouped(arts, settings)
    label = {i: min(g) for g in story_groups(edges, cross, settings) for i in g}
    cols = tasks.STORY_COLUMNS
    if not label:
        rows = spark.createDataFrame(pd.DataFrame([], columns=cols), tasks.STORY_ROWS)
        stories = 0
    else:
        labels = spark.createDataFrame(
            pd.DataFrame({"article_id": list(label), "component": list(label.values())}),
            "article_id BIGINT, component BIGINT",
        )
        members = arts.select(*STORY_INPUT).join(F.broadcast(labels), "article_id")
        if local:
            frame = members.toPandas()
            built = [tasks.build_story(g) for _, g in frame.groupby("component", sort=True)]
            records = [r for b in built for r in b.astype(object).where(b.notna(), None).to_dict("records")]
            stories = len({r["story_id"] for r in records})
            rows = spark.createDataFrame(pd.DataFrame(records, columns=cols), tasks.STORY_ROWS)
        else:
            rows = members.groupBy("component").applyInPandas(tasks.build_story, tasks.STORY_ROWS).persist()
            stories = None
    rows.select(*columns("story_edges")).write.mode("overwrite").parquet(f"{output}/story_edges")
    heads = rows.select(*columns("stories")).dropDuplicates(["story_id"])
    heads.write.mode("overwrite").parquet(f"{output}/stories")
    if stories is None:
        stories = spark.read.parquet(f"{output}/stories").count()
        rows.unpersist()
    return stories


STORY_INPUT = (
    "article_id",
    "content_hash",
    "seq",
    "text",
    "published",
    "outlet",
    "url",
    "language",
    "title",
    "sig_copy",
)
SIG_COLUMNS = ("sig_copy", "sig_topic", "sig_keys", "sig_language", "sig_marks")


def story_groups(edges, cross, settings: Settings) -> list[list[int]]:
    """The groups of two or more articles that become stories: the connected components of the verified `edges`,
    then attach_small over `cross`, candidate pairs in two languages as (a, b, language of a, language of b)."""
    nodes = sorted({i for e in edges for i in e} | {i for a, b, _, _ in cross for i in (a, b)})
    langs = {a: la for a, _, la, _ in cross} | {b: lb for _, b, _, lb in cross}
    groups = attach_small(components(nodes, edges), [(a, b) for a, b, _, _ in cross], langs, settings)
    return [g for g in groups if len(g) > 1]


def _edges_collected(arts, settings: Settings) -> tuple[list[tuple[int, int]], list[tuple]]:
    """The verified candidate pairs from one collected table of signatures and band keys, by the library's own
    candidate_pairs (the buckets of band keys, oversized ones skipped) and linked; and the candidate pairs in two
    languages with their languages (for attach_small)."""
    from reportedly.provenance import cluster

    frame = arts.select("article_id", "band_keys", *SIG_COLUMNS).toPandas()
    recs = frame.to_dict("records")
    keys = {int(r["article_id"]): [int(k) for k in r["band_keys"]] for r in recs}
    sigs = {int(r["article_id"]): tasks.signature_of(r) for r in recs}
    langs = {a: s.language for a, s in sigs.items()}
    pairs = cluster.candidate_pairs(keys, settings.max_bucket, langs)
    link = cluster.linker(sigs, settings)
    cross = []
    if attaching(settings):
        kept = cluster.cross_pairs_kept(pairs, langs)
        cross = sorted((min(a, b), max(a, b), langs[min(a, b)], langs[max(a, b)]) for a, b in kept)
    return sorted((a, b) for a, b in pairs if link(a, b)), cross


def _edges_grouped(arts, settings: Settings) -> tuple[list[tuple[int, int]], list[tuple]]:
    """The verified candidate pairs over a corpus too large to collect: band keys exploded and grouped (a bucket
    over max_bucket skipped), each bucket's pairs emitted in the JVM and deduplicated, both signatures joined on,
    then verified by cluster.linked in Python; only the verified edges reach the driver. With attach_small on, the
    candidate pairs in two languages that touch a small component (none of their ends in a component of more than
    attach_size) reach it too, with their languages."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    buckets = (
        arts.select("article_id", F.explode("band_keys").alias("key"))
        .groupBy("key")
        .agg(F.collect_list("article_id").alias("ids"))
        .filter((F.size("ids") > 1) & (F.size("ids") <= settings.max_bucket))
    )
    both = "flatten(transform(ids, x -> transform(filter(ids, y -> y > x), y -> named_struct('a', x, 'b', y))))"
    pairs = buckets.select(F.explode(F.expr(both)).alias("p")).select("p.a", "p.b").distinct()
    pairs = pairs.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        sigs = arts.select("article_id", *SIG_COLUMNS)
        side = {
            p: sigs.select(F.col("article_id").alias(p), *[F.col(c).alias(f"{p}_{c}") for c in SIG_COLUMNS])
            for p in "ab"
        }
        verified = pairs.join(side["a"], "a").join(side["b"], "b").mapInPandas(tasks.verify_pairs, tasks.PAIRS)
        edges = [(r.a, r.b) for r in verified.collect()]
        cross: list[tuple] = []
        if attaching(settings):
            nodes = sorted({i for e in edges for i in e})
            big = [i for g in components(nodes, edges) if len(g) > settings.attach_size for i in g]
            spark = arts.sparkSession
            lang = arts.select("article_id", F.col("sig_language").alias("lang"))
            x = (
                pairs.join(lang.toDF("a", "la"), "a")
                .join(lang.toDF("b", "lb"), "b")
                .filter((F.col("la") != F.col("lb")) & (F.col("la") != "und") & (F.col("lb") != "und"))
            )
            if big:
                held = spark.createDataFrame([(i,) for i in big], "id BIGINT")
                x = x.join(F.broadcast(held.toDF("a").withColumn("big_a", F.lit(True))), "a", "left")
                x = x.join(F.broadcast(held.toDF("b").withColumn("big_b", F.lit(True))), "b", "left")
                x = x.filter(F.col("big_a").isNull() | F.col("big_b").isNull())
            cross = sorted((r.a, r.b, r.la, r.lb) for r in x.select("a", "b", "la", "lb").collect())
    finally:
        pairs.unpersist()
    return edges, cross


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reportedly spark",
        description="Analyse articles and build stories as a Spark job; write Parquet tables.",
    )
    add_arguments(p)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point for spark-submit and `python -m reportedly.spark`."""
    args = build_parser().parse_args(argv)
    try:
        return execute(args, session)
    except ReportedlyError as err:
        print(f"reportedly: error: {err}", file=sys.stderr)
        return 2


def execute(args, make_session) -> int:
    if args.partitions is not None and args.partitions < 1:
        raise BadOptionError("--partitions must be at least 1")
    spark = make_session(args.master, args.partitions)
    summary = run(spark, args.inputs, args.output, args.partitions)
    print(summary.line(args.output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
