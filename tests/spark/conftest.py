"""One local[2] SparkSession per test session, one Spark run over the fixture corpus and one single-machine run
(`ingest` + `build_stories`) over the same files, shared by every Spark test."""

from __future__ import annotations

import gzip
import io
import json
import random
import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "spark-corpus.jsonl.gz"


@pytest.fixture(scope="session")
def spark():
    from reportedly.spark import session

    s = session("local[2]", 2, app="reportedly-tests")
    yield s
    s.stop()


def _warc(path: Path, article: str) -> None:
    """A WARC.gz with one HTML response holding `article`, then a second record cut off mid-way."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (
        "<html><head><title>Crawled</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in article.split("\n\n"))
        + "</article></body></html>"
    )
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for n in (1, 2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = html if n == 1 else html.replace("Crawled", "Second")
        rec = writer.create_warc_record(
            f"https://crawl.example/{n}", "response", payload=io.BytesIO(body.encode()), http_headers=headers
        )
        writer.write_record(rec)
        rec.raw_stream.close()  # warcio's digest buffer
    data = buf.getvalue()
    path.write_bytes(data[: len(data) - 300])  # the second record loses its end


@pytest.fixture(scope="session")
def inputs(tmp_path_factory) -> list[str]:
    """The 300-article corpus (gzip-compressed JSONL), a JSONL file with a malformed line and a line without text, a
    truncated WARC and a gzip-compressed JSONL file cut off after its first lines."""
    d = tmp_path_factory.mktemp("spark-input")
    shutil.copy(FIXTURE, d / "corpus.jsonl.gz")
    ok = {"text": "The minister said on Monday that the bridge would reopen next spring, after repairs.", "outlet": "X"}
    (d / "bad.jsonl").write_text(
        json.dumps(ok) + "\n" + '{"text": "cut off\n' + json.dumps({"title": "no body"}) + "\n", encoding="utf-8"
    )
    article = (
        "Harbour officials said on Tuesday that the old pier would close for a year of repairs.\n\n"
        '"We have no choice," said Maria Lopez, the port director. "The timber is rotten."\n\n'
        "Fishing boats will move to the north quay while the work goes on, the council said."
    )
    _warc(d / "crawl.warc.gz", article)
    with gzip.open(FIXTURE, "rb") as src:
        head = b"".join(src.readline() for _ in range(3))  # three articles of the corpus: duplicates once read
    noise = random.Random(0).randbytes(3000).hex()  # does not compress: the cut falls inside this last line
    packed = gzip.compress(head + json.dumps({"text": noise}).encode() + b"\n")
    (d / "cut.jsonl.gz").write_bytes(packed[: len(packed) - 40])
    return [str(d / "corpus.jsonl.gz"), str(d / "bad.jsonl"), str(d / "crawl.warc.gz"), str(d / "cut.jsonl.gz")]


@pytest.fixture(scope="session")
def spark_run(spark, inputs, tmp_path_factory):
    """(summary, output folder) of the Spark job over `inputs`."""
    from reportedly.spark.job import run

    out = tmp_path_factory.mktemp("spark-output") / "out"
    return run(spark, inputs, str(out), partitions=2), out


@pytest.fixture(scope="session")
def reference(inputs, tmp_path_factory):
    """(ingest summary, store) of the single-machine path over the same inputs, stories built."""
    from reportedly.provenance.corpus import build_stories
    from reportedly.store import Store
    from reportedly.store.ingest import ingest

    store = Store(str(tmp_path_factory.mktemp("reference") / "corpus.db"))
    summary = ingest(inputs, store, processes=1)
    build_stories(store)
    yield summary, store
    store.close()


def table(out: Path, name: str) -> list[dict]:
    import pyarrow.dataset as ds

    return ds.dataset(str(out / name), format="parquet").to_table().to_pylist()
