"""Shared fixtures: the pipeline is built once per test session (model load ~1 s)."""

from __future__ import annotations

import pytest

from reportedly import analyze

from .pg import pg_server  # noqa: F401  (the session's PostgreSQL server, for store and web tests)


@pytest.fixture(scope="session")
def pipeline():
    from reportedly.nlp.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def run(pipeline):
    """analyze() with the session's pipeline already loaded."""

    def _run(text: str, published: str | None = "2021-12-21", **kw):
        return analyze(text, published=published, **kw)

    return _run
