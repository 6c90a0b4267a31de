"""Gzip-compressed JSONL reads as plain JSONL does, from disk and from bytes (a Spark task reads whole files)."""

from __future__ import annotations

import gzip
import json

from reportedly.ingest.readers import Failure, Item, read_bytes, read_paths


def _lines(n: int) -> bytes:
    recs = [
        {"text": f"Article {k}: the minister said on Monday that the bridge would reopen.", "outlet": "X"}
        for k in range(n)
    ]
    return ("\n".join(json.dumps(r) for r in recs) + "\n").encode()


def test_jsonl_gz_reads_like_jsonl(tmp_path):
    (tmp_path / "feed.jsonl").write_bytes(_lines(50) + b'{"text": "cut\n')
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(_lines(50) + b'{"text": "cut\n'))
    plain = list(read_paths([tmp_path / "feed.jsonl"]))
    packed = list(read_paths([tmp_path / "feed.jsonl.gz"]))
    assert len(packed) == 51 and all(isinstance(i, Item) for i in packed[:50])
    assert [(i.ref.replace(".gz", ""), getattr(i, "data", None), type(i)) for i in packed] == [
        (i.ref, getattr(i, "data", None), type(i)) for i in plain
    ]
    assert packed[-1].reason.startswith("malformed JSON")
    assert list(read_bytes(str(tmp_path / "feed.jsonl.gz"), (tmp_path / "feed.jsonl.gz").read_bytes())) == packed
    assert [i.ref.rsplit("/", 1)[-1] for i in read_paths([tmp_path])] == [f"feed.jsonl:{k}" for k in range(1, 52)] + [
        f"feed.jsonl.gz:{k}" for k in range(1, 52)
    ]


def test_a_cut_off_gzip_keeps_the_lines_before_and_fails_the_rest(tmp_path):
    data = gzip.compress(_lines(400))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_paths([path]))
    *read, last = items
    assert 0 < len(read) < 400 and all(isinstance(i, Item) for i in read)
    assert [i.ref for i in read] == [f"{path}:{k}" for k in range(1, len(read) + 1)]
    assert isinstance(last, Failure) and last.ref == str(path) and last.reason.startswith("truncated or corrupt gzip")
    assert list(read_bytes(str(path), path.read_bytes())) == items
    (bad,) = read_paths([_write(tmp_path / "junk.ndjson.gz", b"not gzip")])
    assert isinstance(bad, Failure) and "gzip" in bad.reason


def _write(path, data: bytes):
    path.write_bytes(data)
    return path
