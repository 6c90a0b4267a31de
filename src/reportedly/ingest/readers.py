"""Stream articles out of files: folders of .txt/.html, JSONL, CSV exports and WARC archives.
Each article is an `Item`; anything unreadable is a `Failure` naming the file (and line or record) and why."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import sys
import zlib
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .decode import MAX_BYTES
from .metadata import read_sidecar

PLAIN_SUFFIXES = {".txt", ".text"}
TEXT_SUFFIXES = PLAIN_SUFFIXES | {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSONL_GZ_SUFFIXES = (".jsonl.gz", ".ndjson.gz")  # gzip-compressed JSONL, read as a stream
CSV_SUFFIXES = {".csv"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
TEXT_COLUMNS = ("text", "body", "content", "article", "html", "full_text", "fulltext")
FIELDS = {
    "url": ("url", "link", "uri"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "publisher", "media", "domain"),
    "published": ("published", "date", "publish_date", "pubdate", "published_at", "publication_date"),
}


@dataclass(frozen=True)
class Capture:
    """Where a fetched page's evidence is: the WARC file and response record holding it, the URL it came from after
    redirects, and when (the record's WARC-Date)."""

    warc_file: Optional[str]
    warc_record_id: Optional[str]
    final_url: Optional[str]
    fetched_at: Optional[str]


@dataclass(frozen=True)
class Item:
    ref: str  # where it came from: a path, "path:line" or "path#record"
    data: Union[str, bytes]
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    note: Optional[str] = None  # a problem that did not stop the article being read (a malformed sidecar)
    capture: Optional[Capture] = None  # for a page fetched from the web (or read from a WARC): its evidence


@dataclass(frozen=True)
class Failure:
    ref: str
    reason: str


Read = Union[Item, Failure]


def read_paths(paths: Iterable[Union[str, Path]]) -> Iterator[Read]:
    """Every article under `paths` (files or folders, walked in name order), lazily."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield Failure(str(path), "no such file or folder")
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    f = Path(root) / name
                    if _kind(f) is not None:
                        yield from _regular(f)
        else:
            if _kind(path) is None:
                yield Failure(str(path), "not an article file (.txt, .html, .jsonl[.gz], .csv, .warc[.gz])")
            else:
                yield from _regular(path)


def _regular(path: Path) -> Iterator[Read]:
    """The file's articles, unless it is a FIFO, socket or device (reading one could block forever)."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError as e:
        yield Failure(str(path), f"cannot read ({e.strerror or e})")
        return
    if not stat.S_ISREG(mode):
        yield Failure(str(path), "not a regular file (a FIFO, socket or device): skipped")
        return
    yield from read_file(path)


def _kind(path: Path) -> Optional[str]:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_GZ_SUFFIXES):
        return "jsonl"
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    return None


def read_file(path: Path) -> Iterator[Read]:
    kind = _kind(path)
    try:
        if kind == "text":
            size = path.stat().st_size
            if size > MAX_BYTES:
                yield Failure(
                    str(path), f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit for one article"
                )
                return
            yield _text_item(path)
        elif kind == "jsonl":
            yield from _jsonl(path)
        elif kind == "csv":
            yield from _csv(path)
        elif kind == "warc":
            yield from _warc(path)
    except PermissionError:
        yield Failure(str(path), "permission denied")
    except OSError as e:
        yield Failure(str(path), f"cannot read: {e.strerror or e}")


def _text_item(path: Path) -> Item:
    """A text or HTML file; plain text takes its url, outlet, date and title from a `NAME.json` sidecar, if any."""
    data = path.read_bytes()
    if path.suffix.lower() not in PLAIN_SUFFIXES:
        return Item(str(path), data)
    meta, note = read_sidecar(path)
    if bad := unstorable_field(meta):
        meta, note = (
            {},
            f'sidecar {path.with_suffix(".json").name} ignored: its "{bad}" holds a NUL or a broken character',
        )
    published = normalise_date(meta.get("published"))
    if note is None and meta.get("published") and published is None:
        note = date_note(meta["published"])
    return Item(
        str(path),
        data,
        url=meta.get("url"),
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        published=published,
        note=note,
    )


def _pick(rec: dict, names: tuple[str, ...]) -> Optional[str]:
    for n in names:
        v = rec.get(n)
        if v not in (None, ""):
            return str(v)
    return None


def _meta(rec: dict) -> dict:
    """The url, title, outlet and published of a record, and a `note` when its date was given but cannot be read."""
    meta = {k: _pick(rec, names) for k, names in FIELDS.items()}
    given = meta["published"]
    meta["published"] = normalise_date(given)
    meta["note"] = date_note(given) if given and meta["published"] is None else None
    return meta


def date_note(given: str) -> str:
    return (
        f"publication date {given.strip()[:40]!r} is not a full date (YYYY-MM-DD, ISO or RSS): stored without one, "
        "its relative times unresolved"
    )


def unstorable_field(meta: dict) -> Optional[str]:
    """The first metadata field that no store can hold (a NUL character, an unpaired surrogate), or None."""
    for name, value in meta.items():
        if isinstance(value, str) and ("\x00" in value or not value.isascii() and not _is_unicode(value)):
            return name
    return None


def _is_unicode(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _bad_field(ref: str, name: str) -> Failure:
    return Failure(ref, f'field "{name}" holds a NUL character or an unpaired surrogate: fix or drop it')


def normalise_date(value: Optional[str]) -> Optional[str]:
    """YYYY-MM-DD from ISO dates and timestamps or RSS-style dates ("Tue, 20 Dec 2022 10:00:00 GMT");
    None when the date cannot be read (the article is still ingested, its relative times unresolved)."""
    if not value:
        return None
    v = value.strip()
    try:
        return dt.date.fromisoformat(v[:10]).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(v).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def read_bytes(name: str, data: bytes) -> Iterator[Read]:
    """The articles of one file given as its name and bytes (a Spark task reads whole files), with the refs and
    failures `read_file` gives for the same file on disk."""
    kind = _kind(Path(name))
    if kind is None:
        yield Failure(name, "not an article file (.txt, .html, .jsonl[.gz], .csv, .warc[.gz])")
    elif kind == "text":
        if len(data) > MAX_BYTES:
            yield Failure(
                name, f"file is {len(data) / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit for one article"
            )
        else:
            yield Item(name, data)  # no sidecar beside a file read as bytes
    elif kind == "jsonl":
        if name.lower().endswith(".gz"):
            yield from _gzip_lines(name, gzip.GzipFile(fileobj=io.BytesIO(data)))
        else:
            yield from _jsonl_lines(name, io.BytesIO(data))
    elif kind == "csv":
        yield from _csv_rows(name, io.BytesIO(data))
    else:
        yield from _warc_records(name, io.BytesIO(data), len(data))


def _jsonl(path: Path) -> Iterator[Read]:
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            yield from _gzip_lines(str(path), fh)
        return
    with open(path, "rb") as fh:
        yield from _jsonl_lines(str(path), fh)


def _gzip_lines(path: str, fh) -> Iterator[Read]:
    """The lines of a gzip-compressed JSONL file; a cut-off or corrupt stream keeps the lines before it and fails
    the rest with one reason (the last partial line is never parsed)."""
    lines = _jsonl_lines(path, fh)
    while True:
        try:
            item = next(lines)
        except StopIteration:
            return
        except (EOFError, OSError, zlib.error) as e:
            yield Failure(
                path, f"truncated or corrupt gzip stream ({type(e).__name__}: {e}); the lines before it were read"
            )
            return
        yield item


def _jsonl_lines(path: str, fh) -> Iterator[Read]:
    for n, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        ref = f"{path}:{n}"
        try:
            rec = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            yield Failure(ref, f"malformed JSON ({getattr(e, 'msg', e)})")
            continue
        if not isinstance(rec, dict):
            yield Failure(ref, "a line must hold one JSON object")
            continue
        body = _pick(rec, ("text", "html", "body", "content"))
        if body is None:
            yield Failure(ref, 'no "text" or "html" field')
            continue
        meta = _meta(rec)
        if bad := unstorable_field(meta):
            yield _bad_field(ref, bad)
            continue
        yield Item(ref, body, **meta)


def _csv(path: Path) -> Iterator[Read]:
    with open(path, "rb") as raw:
        yield from _csv_rows(str(path), raw)


def _csv_rows(path: str, raw) -> Iterator[Read]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    fh = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
    try:
        yield from _csv_records(path, fh)
    finally:
        fh.detach()  # the caller owns `raw`


def _csv_records(path: str, fh) -> Iterator[Read]:
    reader = csv.DictReader(fh)
    if reader.fieldnames is None:
        yield Failure(str(path), "empty CSV file")
        return
    lower = {f.lower().strip(): f for f in reader.fieldnames if f}
    column = next((lower[c] for c in TEXT_COLUMNS if c in lower), None)
    if column is None:
        yield Failure(str(path), f"no text column (one of: {', '.join(TEXT_COLUMNS)})")
        return
    n = 1
    try:
        for n, row in enumerate(reader, 2):
            rec = {k.lower().strip(): v for k, v in row.items() if k}
            body = row.get(column)
            if not body or not body.strip():
                yield Failure(f"{path}:{n}", f"empty {column!r} column")
                continue
            meta = _meta(rec)
            if bad := unstorable_field(meta):
                yield _bad_field(f"{path}:{n}", bad)
                continue
            yield Item(f"{path}:{n}", body, **meta)
    except csv.Error as e:
        yield Failure(f"{path}:{n + 1}", f"malformed CSV ({e}); rest of the file skipped")


def _warc(path: Path) -> Iterator[Read]:
    with open(path, "rb") as fh:
        yield from _warc_records(str(path), fh, path.stat().st_size, str(path.resolve()))


def _warc_records(path: str, fh, size: int, warc_file: Optional[str] = None) -> Iterator[Read]:
    """Articles in a WARC: successful (2xx) HTML or plain-text responses, robots.txt files aside; each keeps its
    WARC file (`warc_file`, else `path`), record id, URL and date, as `reportedly fetch` stored them. A corrupt
    record is reported and skipped: reading goes on at the next record start (a gzip member, or a `WARC/1.` line)."""
    fh.seek(0)
    if fh.read(2) == b"\x1f\x8b":
        yield from _warc_members(path, fh, size, warc_file)
    else:
        yield from _plain_warc(path, fh, size, warc_file, 0)


def _warc_members(path: str, fh, size: int, warc_file: Optional[str]) -> Iterator[Read]:
    """A gzipped WARC read one gzip member at a time, each checked whole (its CRC included) before warcio parses
    it: a member garbled into a stream that still inflates is then skipped alone, and the members after it read."""
    n, offset = 0, 0
    while offset < size and _tail_is_data(fh, offset):
        member, end, error = _gzip_member(fh, offset)
        if member is None:
            n += 1
            resume = _next_record(fh, offset + 1, True)
            if resume is None:
                yield Failure(
                    f"{path}#{n}", f"truncated or corrupt WARC record at byte {offset} ({error}); rest skipped"
                )
                return
            yield Failure(f"{path}#{n}", f"corrupt WARC record at byte {offset} ({error}); skipped to the next record")
            offset = resume
            continue
        with member:
            reads = _plain_warc(path, member, member.tell(), warc_file, n)
            last = None
            while True:
                try:
                    last = next(reads)
                except StopIteration as done:
                    n = done.value
                    break
                yield last
        if error is not None:
            # cut short: the records inflated before the cut were read; say where the rest went, once
            if not isinstance(last, Failure):
                yield Failure(f"{path}#{n + 1}", f"truncated WARC record at byte {offset} ({error}); rest skipped")
            return
        offset = end


def _gzip_member(fh, offset: int):
    """The gzip member that starts at `offset`, inflated into a spooled file (on disk past 32 MiB), the byte where it
    ends, and what was wrong: None; "cut short" with what inflated before the end of the file; or, with no file, the
    zlib error (not gzip, corrupt, a failed CRC). A WARC gzipped whole, not record by record, is one member: inflated
    to disk, it is read like an uncompressed one (warcio alone refuses it after its first record)."""
    import tempfile

    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = tempfile.SpooledTemporaryFile(max_size=32 << 20)
    fh.seek(offset)
    pos = offset
    try:
        while not inflate.eof:
            block = fh.read(1 << 20)
            if not block:
                out.write(inflate.flush())
                return out, pos, "gzip member cut short"
            out.write(inflate.decompress(block))
            pos += len(block)
    except zlib.error as e:
        out.close()
        return None, offset, f"{type(e).__name__}: {e}"
    return out, pos - len(inflate.unused_data), None


def _plain_warc(path: str, fh, size: int, warc_file: Optional[str], n: int):
    """The records of an uncompressed WARC (or of one inflated gzip member), counted on from `n`; returns the count."""
    end = 0
    while True:
        error, n, end = yield from _warc_run(path, fh, end, n, warc_file)
        if error is None:
            break
        n += 1
        resume = _next_record(fh, end + 1, False)
        if resume is None:
            yield Failure(f"{path}#{n}", f"truncated or corrupt WARC record ({error}); rest skipped")
            return n
        yield Failure(f"{path}#{n}", f"corrupt WARC record at byte {end} ({error}); skipped to the next record")
        end = resume
    if end < size and _tail_is_data(fh, end):
        n += 1
        yield Failure(f"{path}#{n}", f"truncated WARC record at byte {end} of {size}; rest skipped")
    return n


def _warc_run(path: str, fh, offset: int, n: int, warc_file: Optional[str]):
    """The records from `offset` until the end or the first corrupt one, counted on from `n`. Returns what was wrong
    with the record after them (None at the end), the count of records and the end of the last whole one (`offset`
    when there is none)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    end = offset
    fh.seek(offset)
    it = ArchiveIterator(fh, arc2warc=True)
    try:
        for record in it:
            n += 1
            item = None
            if not record.rec_type:
                item = Failure(f"{path}#{n}", "malformed WARC record (no WARC-Type header); skipped")
            elif record.rec_type == "response" and _is_article_response(record):
                url = record.rec_headers.get_header("WARC-Target-URI")
                capture = Capture(
                    warc_file or path,
                    record.rec_headers.get_header("WARC-Record-ID"),
                    url,
                    record.rec_headers.get_header("WARC-Date"),
                )
                item = Item(f"{path}#{n}", record.content_stream().read(), url=url, capture=capture)
            it.read_to_end(record)
            end = it.get_record_offset() + it.get_record_length()
            if item is not None:
                yield item
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as e:
        # a cut-off gzip member or a corrupt header: report it, keep what came before
        return type(e).__name__, n, end
    return None, n, end


def _next_record(fh, offset: int, gz: bool) -> Optional[int]:
    """Where the next record after `offset` starts: a gzip member header, or a `WARC/1.` line; None if none does."""
    marker = b"\x1f\x8b\x08" if gz else b"\nWARC/1."
    fh.seek(offset)
    chunk, base = b"", offset
    while True:
        block = fh.read(1 << 20)
        if not block:
            return None
        chunk += block
        at = chunk.find(marker)
        if at >= 0:
            return base + at + (0 if gz else 1)
        keep = len(marker) - 1
        base += len(chunk) - keep
        chunk = chunk[-keep:]


def _is_article_response(record) -> bool:
    """An HTML or plain-text page answered with success: not a redirect, an error page or a robots.txt."""
    headers = record.http_headers
    if headers is None:
        return False
    ctype = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    status = headers.get_statuscode() or ""
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if not ("html" in ctype or ctype == "text/plain") or not status.startswith("2"):
        return False
    return not (ctype == "text/plain" and url.split("?")[0].endswith("/robots.txt"))


def _tail_is_data(fh, offset: int) -> bool:
    fh.seek(offset)
    return bool(fh.read(4096).strip(b"\r\n\x00 "))
