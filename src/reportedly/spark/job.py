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
from reportedly.ingest.readers import JSONL_SUFFIXES, WARC_SUFFIXES
from reportedly.provenance.cluster import components
from reportedly.provenance.settings import Settings
from reportedly.spark import add_arguments, session, tasks
from reportedly.store.tables import columns, spark_ddl

CHILD_TABLES = ("quotes", "attributions", "entities", "timexes")
FILE_SUFFIXES = tuple(JSONL_SUFFIXES) + WARC_SUFFIXES + (".csv", ".txt", ".text", ".html", ".htm", ".xhtml")


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
    partitions = partitions or max(2, spark.sparkContext.defaultParallelism)
    # the story stages shuffle a few rows per article: Spark's default of 200 partitions is 200 tasks of nothing
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    # a file is read by one task: spread its articles before the work per article starts
    items = _read(spark, inputs).repartition(partitions)
    prepared = items.mapInPandas(tasks.prepare_items, tasks.PREPARED).persist(StorageLevel.MEMORY_AND_DISK)
    ok = prepared.filter(F.col("reason").isNull())
    first = Window.partitionBy("content_hash").orderBy("seq")
    unique = ok.withColumn("_n", F.row_number().over(first)).filter("_n = 1").drop("_n")
    done = _existing(spark, output, "articles")
    if done is not None:
        unique = unique.join(done.select("content_hash"), "content_hash", "left_anti")
    analysed = (
        unique.repartition(partitions, "content_hash")
        .mapInPandas(tasks.analyse_prepared, tasks.ANALYSED)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    articles = analysed.filter(F.col("reason").isNull()).select(*columns("articles"))
    summary.analysed = articles.count()
    summary.duplicates = ok.count() - summary.analysed - analysed.filter(F.col("reason").isNotNull()).count()
    if summary.analysed:
        articles.write.mode("append").parquet(f"{output}/articles")
        for t in CHILD_TABLES:
            rows = articles.mapInPandas(lambda b, t=t: tasks.children(b, t), spark_ddl(t))
            rows.write.mode("append").parquet(f"{output}/{t}")
    rejects = prepared.filter(F.col("reason").isNotNull()).select("source", "reason")
    rejects = rejects.unionByName(analysed.filter(F.col("reason").isNotNull()).select("source", "reason"))
    old = _existing(spark, output, "rejects")
    if old is not None:
        rejects = rejects.join(old, ["source", "reason"], "left_anti")
    rejects = rejects.persist()
    summary.rejected = rejects.count()
    if summary.rejected:
        rejects.write.mode("append").parquet(f"{output}/rejects")
    summary.timings["analysis"] = round(time.perf_counter() - started, 1)
    if summary.analysed or _existing(spark, output, "stories") is None:
        summary.stories = build_stories(spark, output)
    else:
        summary.stories = spark.read.parquet(f"{output}/stories").count()
    for df in (prepared, analysed, rejects):
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
            files = (
                spark.read.format("binaryFile")
                .option("recursiveFileLookup", "true")
                .load(path)
                .filter(_article_file(F.lower(F.col("path"))))
            )
            names = sorted(r.path for r in files.select("path").collect())
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


def build_stories(spark, output: str, settings: Settings = Settings()) -> int:
    """Stories over every article in `output`: articles sharing an LSH band key are candidates (a bucket over
    `max_bucket` is boilerplate, skipped), candidates are verified by cluster.linked, connected components are found
    on the driver (the verified edges are few: a few per article), then each component is bounded in time and given
    its copy graph in one applyInPandas group. Overwrites `stories` and `story_edges`; returns the number of stories."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    arts = spark.read.parquet(f"{output}/articles")
    keys = arts.select("article_id", F.explode("band_keys").alias("key"))
    small = keys.groupBy("key").count().filter((F.col("count") > 1) & (F.col("count") <= settings.max_bucket))
    kept = keys.join(small.select("key"), "key")
    pairs = (
        kept.alias("x")
        .join(kept.alias("y"), "key")
        .filter(F.col("x.article_id") < F.col("y.article_id"))
        .select(F.col("x.article_id").alias("a"), F.col("y.article_id").alias("b"))
        .distinct()
    )
    sig_cols = ["sig_copy", "sig_topic", "sig_keys", "sig_language"]
    sigs = arts.select("article_id", *sig_cols)
    side = {p: sigs.select(F.col("article_id").alias(p), *[F.col(c).alias(f"{p}_{c}") for c in sig_cols]) for p in "ab"}
    verified = pairs.join(side["a"], "a").join(side["b"], "b").mapInPandas(tasks.verify_pairs, tasks.PAIRS)
    edges = [(r.a, r.b) for r in verified.collect()]
    nodes = sorted({i for e in edges for i in e})
    label = {i: min(g) for g in components(nodes, edges) for i in g}
    empty = spark.createDataFrame([], spark_ddl("story_edges"))
    if label:
        labels = spark.createDataFrame(list(label.items()), "article_id BIGINT, component BIGINT")
        members = arts.select(
            "article_id", "content_hash", "seq", "text", "published", "outlet", "url", "language", "title"
        ).join(labels, "article_id")
        rows = members.groupBy("component").applyInPandas(tasks.build_story, tasks.STORY_ROWS)
        rows = rows.persist(StorageLevel.MEMORY_AND_DISK)
    else:
        rows = None
    edges_df = rows.select(*columns("story_edges")) if rows is not None else empty
    stories_df = (
        rows.select(*columns("stories")).dropDuplicates(["story_id"])
        if rows is not None
        else spark.createDataFrame([], spark_ddl("stories"))
    )
    edges_df.write.mode("overwrite").parquet(f"{output}/story_edges")
    stories_df.write.mode("overwrite").parquet(f"{output}/stories")
    n = spark.read.parquet(f"{output}/stories").count()
    if rows is not None:
        rows.unpersist()
    return n


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
