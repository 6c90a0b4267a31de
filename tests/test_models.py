"""The shared records: the JSON record reads back into the same Analysis."""

from __future__ import annotations

import json
from pathlib import Path

from reportedly.models import Analysis

GOLDEN = Path(__file__).parent / "golden" / "heyman-soleimani.txt"


def test_record_round_trips_through_json(run):
    a = run(GOLDEN.read_text(encoding="utf-8"))
    assert a.quotes and a.attributions and a.entities and a.timexes  # every nested kind is exercised
    back = Analysis.from_dict(json.loads(json.dumps(a.to_dict())))
    assert back == a
