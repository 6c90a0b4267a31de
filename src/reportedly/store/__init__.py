"""The corpus store: articles and what was found in them, in SQLite (default) or PostgreSQL, same schema and queries."""

from .db import Store, open_store  # noqa: F401
