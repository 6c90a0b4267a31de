"""`reportedly eval`: run the pipeline over an annotated JSONL dataset and score it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterator, Optional

from ..errors import DatasetError, ReportedlyError


def read_jsonl(path: str | Path, limit: Optional[int] = None) -> dict[str, dict]:
    """Records by id; a malformed line is an error naming the file and line."""
    out: dict[str, dict] = {}
    try:
        fh = open(path, encoding="utf-8")
    except OSError as e:
        raise DatasetError(f"cannot read dataset {path}: {e.strerror}") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise DatasetError(f"{path}:{n}: not JSON ({e.msg})") from None
            if not isinstance(rec, dict) or "id" not in rec or "text" not in rec:
                raise DatasetError(f'{path}:{n}: a record needs "id" and "text"')
            out[rec["id"]] = rec
            if limit and len(out) >= limit:
                break
    return out


def run(gold: dict[str, dict], to_pred: Callable, n_process: int = 1) -> tuple[dict[str, dict], list[str]]:
    """Analyse every gold text (its `dct` as publication date) and turn each analysis into a prediction."""
    from ..analyze import analyze_prepared, prepare

    failures: list[str] = []
    ids: list[str] = []

    def prepared() -> Iterator:
        for rid, rec in gold.items():
            try:
                p = prepare(rec["text"], published=rec.get("dct"))
            except ReportedlyError as e:
                failures.append(f"{rid}: {e}")
                continue
            ids.append(rid)
            yield p

    preds: dict[str, dict] = {}
    for k, analysis in enumerate(analyze_prepared(prepared(), n_process=n_process)):
        preds[ids[k]] = to_pred(ids[k], analysis)
    return preds, failures


def write_jsonl(path: str | Path, records: dict[str, dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records.values():
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
