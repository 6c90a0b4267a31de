"""The output documentation names every field of every record in the JSON schema."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from reportedly import models

DOC = (Path(__file__).resolve().parent.parent / "docs" / "output.md").read_text(encoding="utf-8")
RECORDS = [
    models.Analysis,
    models.Mention,
    models.Entity,
    models.Quote,
    models.Attribution,
    models.NoComment,
    models.Hedge,
    models.Assertion,
    models.Boilerplate,
    models.LoadedTerm,
    models.TimeExpr,
]


def test_every_field_is_documented():
    documented = set(re.findall(r"`([a-z_]+)`", DOC))
    missing = [f"{r.__name__}.{f.name}" for r in RECORDS for f in dataclasses.fields(r) if f.name not in documented]
    assert missing == []


def test_readme_links_the_output_docs():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "docs/output.md" in readme


def test_readme_links_the_lab_notebooks_and_they_exist():
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name in ("provenance", "attribution"):
        link = f"docs/history/{name}.md"
        assert link in readme
        assert (root / link).read_text(encoding="utf-8").startswith("# ")
