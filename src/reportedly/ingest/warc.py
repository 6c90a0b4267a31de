"""Write what was fetched to a WARC file (request and response records), the evidence of what a page said."""

from __future__ import annotations

import datetime as dt
import io
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence
from urllib.parse import urlsplit

from .. import __version__

# the body is stored decoded (the size cap counts decoded bytes), so the headers that describe the wire encoding
# go, and Content-Length is the stored body's: any WARC reader then gets the body back as we analysed it
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class Exchange:
    """One HTTP request and the response to it, as fetched."""

    url: str
    request_headers: Sequence[tuple[str, str]]
    status: int
    reason: str
    http_version: str
    response_headers: Sequence[tuple[str, str]]
    body: bytes


@dataclass(frozen=True)
class Written:
    warc_file: str
    record_id: str  # the response record's WARC-Record-ID
    date: str  # its WARC-Date: when the response was fetched


def default_path(db: str, now: Optional[dt.datetime] = None) -> Path:
    """One new WARC file per run in a `<db name>-warc/` folder beside a SQLite database (in the current folder for
    PostgreSQL): `corpus-warc/fetch-20261201T101500Z-4242.warc.gz`."""
    now = now or dt.datetime.now(dt.timezone.utc)
    if db.startswith(("postgresql://", "postgres://")):
        folder = Path("reportedly-warc")
    else:
        path = Path(db[len("sqlite:///") :] if db.startswith("sqlite:///") else db)
        folder = path.parent / f"{path.stem}-warc"
    return folder / f"fetch-{now:%Y%m%dT%H%M%SZ}-{os.getpid()}.warc.gz"


class WarcLog:
    """A WARC file open for appending, safe to write from several fetching threads."""

    def __init__(self, path: Path | str):
        from warcio.warcwriter import WARCWriter

        self.path = Path(path).resolve()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._new = not self.path.exists()
        self.exchanges = 0
        self._fh = open(self.path, "ab")  # each record is its own gzip member: appending to a finished file is valid
        self._writer = WARCWriter(self._fh, gzip=self.path.name.endswith(".gz"))
        self._lock = threading.Lock()
        info = self._writer.create_warcinfo_record(
            self.path.name, {"software": f"reportedly/{__version__}", "format": "WARC File Format 1.1"}
        )
        with self._lock:
            self._writer.write_record(info)

    def write(self, ex: Exchange) -> Written:
        """Append the request and response records of one exchange; returns where the response is."""
        from warcio.statusandheaders import StatusAndHeaders

        parts = urlsplit(ex.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        protocol = ex.http_version if ex.http_version.startswith("HTTP/") else "HTTP/1.1"
        headers = [(k, v) for k, v in ex.response_headers if k.lower() not in _WIRE_HEADERS]
        headers.append(("Content-Length", str(len(ex.body))))
        response = self._writer.create_warc_record(
            ex.url,
            "response",
            payload=io.BytesIO(ex.body),
            http_headers=StatusAndHeaders(f"{ex.status} {ex.reason}".strip(), headers, protocol=protocol),
        )
        record_id = response.rec_headers.get_header("WARC-Record-ID")
        request = self._writer.create_warc_record(
            ex.url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(f"GET {target} {protocol}", list(ex.request_headers), is_http_request=True),
            warc_headers_dict={"WARC-Concurrent-To": record_id},
        )
        try:
            with self._lock:
                self._writer.write_record(request)
                self._writer.write_record(response)
                self._fh.flush()
                self.exchanges += 1
        finally:  # warcio spools each payload to a temporary file to measure and digest it
            request.raw_stream.close()
            response.raw_stream.close()
        return Written(str(self.path), record_id, response.rec_headers.get_header("WARC-Date"))

    def close(self) -> None:
        """Close the file; a new file that received no exchange (every URL skipped) is removed."""
        with self._lock:
            self._fh.close()
            if self._new and self.exchanges == 0:
                self.path.unlink(missing_ok=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
