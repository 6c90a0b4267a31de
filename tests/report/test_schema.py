"""The shipped JSON Schema is the one generated from the records, and output validates against it."""

from __future__ import annotations

import json

import jsonschema

from reportedly.report.json_out import to_json
from reportedly.report.schema import build, shipped


def test_shipped_schema_is_up_to_date():
    assert shipped() == build(), "run: python -m reportedly.report.schema > src/reportedly/schema/analysis.schema.json"


def test_schema_rejects_a_wrong_record():
    bad = {"text": "x", "published": None}
    try:
        jsonschema.validate(bad, shipped())
    except jsonschema.ValidationError:
        return
    raise AssertionError("an incomplete record validated")


def test_unresolved_output_validates(run):
    a = run("The plant closed last year, officials said on Monday.", published=None)
    jsonschema.validate(json.loads(to_json(a)), shipped())
