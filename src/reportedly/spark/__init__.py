"""`reportedly spark`: the same analysis and provenance as a PySpark job, for corpora that outgrow one machine."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Optional

from ..errors import SparkError


def require_pyspark():
    """The pyspark module, or a SparkError saying how to install it."""
    try:
        import pyspark
    except ImportError:
        raise SparkError("`reportedly spark` needs PySpark and Java 17: pip install 'reportedly[spark]'") from None
    return pyspark


def session(master: Optional[str] = None, partitions: Optional[int] = None, app: str = "reportedly"):
    """A SparkSession: on `master` when given (else whatever spark-submit configured). On a local master the
    workers run this interpreter and import this copy of reportedly, so driver and workers run the same code."""
    require_pyspark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    if master is None or master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        src = str(Path(__file__).resolve().parents[2])
        paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
        if src not in paths:
            os.environ["PYTHONPATH"] = os.pathsep.join([src] + [p for p in paths if p])
        builder = builder.config("spark.driver.memory", os.environ.get("REPORTEDLY_SPARK_DRIVER_MEMORY", "2g"))
        builder = builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
    # one Arrow batch is 64 articles (eight of ingest's chunks): small batches keep a worker's memory flat
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
    # a Python worker lives on from task to task and stage to stage, so each loads the spaCy pipeline once
    builder = builder.config("spark.python.worker.reuse", "true")
    # signatures and stories collected to the driver and written from it go through Arrow, not row by row
    builder = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true")
    try:
        spark = builder.getOrCreate()
    except Exception as e:  # no Java, a bad master URL: one line, not a JVM stack trace
        raise SparkError(f"cannot start Spark ({type(e).__name__}: {str(e).strip().splitlines()[0][:300]})") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="JSONL, Parquet, CSV, WARC[.gz] files or folders (any path Spark reads)",
    )
    p.add_argument(
        "--output", required=True, metavar="DIR", help="folder of Parquet tables (re-running adds only new articles)"
    )
    p.add_argument("--master", help="Spark master URL (default: what spark-submit set, else local[*])")
    p.add_argument(
        "--partitions",
        type=int,
        help="partitions the analysis runs in (default: one per 200 articles, at least 4 per core of the cluster)",
    )
