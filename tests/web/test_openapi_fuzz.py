"""schemathesis (its own command line) reads /openapi.json from `reportedly serve` over each store and sends what
the schema allows and what it does not, in every phase it has: no request may end in a server error, and every
answer must match the response model the document gives for it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_no_server_errors(live_server, corpus_url):
    store = "pg" if corpus_url.startswith("postgresql") else "sqlite"
    report = ARTIFACTS / f"schemathesis-{store}.junit.xml"
    report.parent.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(
        [
            str(Path(sys.executable).parent / "schemathesis"),
            "run",
            live_server + "/openapi.json",
            "--checks",
            "not_a_server_error,response_schema_conformance",
            "--max-examples",
            "40",
            "--seed",
            "20261125",
            "--generation-database",
            "none",
            "--request-timeout",
            "60",
            "--report",
            "junit",
            "--report-junit-path",
            str(report),
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[-4000:]
    tested = re.search(r"Tested: (\d+)", out)
    cases = re.search(r"(\d+) generated, (\d+) passed", out)
    assert tested and int(tested.group(1)) == 11, out[-2000:]  # every operation of the API
    assert cases and int(cases.group(1)) >= 300 and cases.group(1) == cases.group(2), out[-2000:]
