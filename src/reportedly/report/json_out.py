"""The JSON form of an Analysis (see schema/analysis.schema.json)."""

from __future__ import annotations

import json

from ..models import Analysis


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=indent)
