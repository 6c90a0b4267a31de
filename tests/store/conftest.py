"""Stores to test against: a SQLite file and a database on the real PostgreSQL server of the session (tests/pg.py)."""

from __future__ import annotations

import pytest

from reportedly import analyze
from reportedly.store import Store

from ..pg import new_pg_database
from .corpus import make_articles


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database URL of each kind."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return new_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def analysed():
    """A few analysed articles, shared by the store tests (the model runs once)."""
    arts = make_articles(6, seed=3)
    return [(a, analyze(a["text"], published=a["published"])) for a in arts]
