"""Export the corpus: articles with everything found in them as JSONL; quotes as CSV or Parquet (the columns of
store/tables.py, which the Spark job writes too). Streamed."""

from __future__ import annotations

import csv
import json
import sys
from typing import Optional

from ..errors import BadOptionError
from .db import Store
from .tables import QUOTE_COLUMNS, arrow_schema

PARQUET_BATCH = 5000


def export(store: Store, fmt: str, path: Optional[str]) -> int:
    if fmt == "parquet":
        return _parquet(store, path)
    try:
        fh = open(path, "w", encoding="utf-8", newline="") if path else sys.stdout
    except OSError as e:
        raise BadOptionError(f"cannot write {path}: {e.strerror}") from None
    try:
        if fmt == "jsonl":
            n = 0
            for art in store.articles():
                fh.write(json.dumps(art, ensure_ascii=False, default=str) + "\n")
                n += 1
            return n
        writer = csv.DictWriter(fh, fieldnames=QUOTE_COLUMNS)
        writer.writeheader()
        n = 0
        for row in store.quote_rows():
            writer.writerow(row)
            n += 1
        return n
    finally:
        if path:
            fh.close()


def _parquet(store: Store, path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise BadOptionError("Parquet export needs pyarrow: pip install 'reportedly[parquet]'") from None
    schema = arrow_schema("quotes")
    n = 0
    try:
        writer_cm = pq.ParquetWriter(path, schema)
    except OSError as e:
        raise BadOptionError(f"cannot write {path}: {e}") from None
    with writer_cm as writer:
        batch: list[dict] = []
        for row in store.quote_rows():
            batch.append(row)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
