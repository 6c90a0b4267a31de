"""Gzip-compressed JSONL reads as plain JSONL does, from disk and from bytes (a Spark task reads whole files)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

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


def _warc(gz: bool) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in (1, 2, 3):
        page = f'<html><body><article><p>"We act now on {i}," said Jane Smith on Tuesday.</p></article></body></html>'
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        rec = w.create_warc_record(
            f"https://news.example/{i}", "response", payload=io.BytesIO(page.encode()), http_headers=headers
        )
        w.write_record(rec)
        rec.raw_stream.close()
    return buf.getvalue()


def _refs(reads) -> list[tuple[str, str]]:
    return [(type(r).__name__, r.ref) for r in reads]


def test_a_bad_record_in_the_middle_of_a_warc_is_skipped_and_the_records_after_it_read():
    # before: a garbled record 2 failed with "rest skipped", and record 3 was never read
    data = _warc(gz=False)
    second = data.index(b"WARC/1.0", 10)
    bad = data[:second] + b"WXRC/1.0" + data[second + 8 :]
    got = list(read_bytes("x.warc", bad))
    assert _refs(got) == [("Item", "x.warc#1"), ("Failure", "x.warc#2"), ("Item", "x.warc#3")]
    assert "corrupt WARC record" in got[1].reason and got[2].url == "https://news.example/3"
    packed = _warc(gz=True)
    second = packed.index(b"\x1f\x8b\x08", 10)
    bad = packed[: second + 12] + b"\x00" * 30 + packed[second + 42 :]
    assert _refs(read_bytes("x.warc.gz", bad)) == [
        ("Item", "x.warc.gz#1"),
        ("Failure", "x.warc.gz#2"),
        ("Item", "x.warc.gz#3"),
    ]


def test_a_garbled_gzip_member_that_still_inflates_is_skipped_alone():
    # before: warcio parsed the garbled second member as a record and reported the third one, lost, as the failure
    data = (Path(__file__).parents[1] / "fixtures" / "garbled-member.warc.gz").read_bytes()
    got = list(read_bytes("x.warc.gz", data))
    assert _refs(got) == [("Item", "x.warc.gz#1"), ("Failure", "x.warc.gz#2"), ("Item", "x.warc.gz#3")]
    assert got[2].url == "https://news.example/3" and "skipped to the next record" in got[1].reason


def test_a_warc_record_without_a_type_is_reported_not_skipped_in_silence():
    # before: a record whose WARC-Type header was garbled vanished without a word
    data = _warc(gz=False)
    second = data.index(b"WARC/1.0", 10)
    bad = data[:second] + data[second:].replace(b"WARC-Type: response", b"WARC-Tipe: response", 1)
    got = list(read_bytes("x.warc", bad))
    assert _refs(got) == [("Item", "x.warc#1"), ("Failure", "x.warc#2"), ("Item", "x.warc#3")]
    assert "no WARC-Type" in got[1].reason


def test_a_warc_gzipped_whole_is_read_like_an_uncompressed_one():
    # before: warcio refused it after its first record ("non-chunked gzip"), and records 2 and 3 were lost
    whole = gzip.compress(_warc(gz=False))
    expected = [("Item", "x.warc.gz#1"), ("Item", "x.warc.gz#2"), ("Item", "x.warc.gz#3")]
    assert _refs(read_bytes("x.warc.gz", whole)) == expected
    cut = list(read_bytes("x.warc.gz", whole[: len(whole) - 200]))  # the records before the cut are kept
    assert _refs(cut)[:1] == [("Item", "x.warc.gz#1")] and isinstance(cut[-1], Failure)
    assert "truncated" in cut[-1].reason and sum(isinstance(r, Failure) for r in cut) == 1
