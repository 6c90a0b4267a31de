"""Stores to test against (a SQLite file and a PostgreSQL database), as for the store tests."""

from ..store.conftest import db_url  # noqa: F401
