"""The app's stores: migrated once when the app is made, one connection kept across requests."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from reportedly.store import Store
from reportedly.web.app import create_app

from ..pg import new_pg_database


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    url = str(tmp_path / "c.db") if request.param == "sqlite" else new_pg_database(request.getfixturevalue("pg_server"))
    Store(url).close()
    return url


def test_requests_do_not_run_migrations(empty_url):
    app = create_app(empty_url)
    with Store(empty_url) as s:
        last = max(m["version"] for m in s.migrations())
        s.execute("DELETE FROM schema_migrations WHERE version = ?", (last,))
    with TestClient(app) as c:
        for _ in range(5):
            assert c.get("/api/articles").status_code == 200
    with Store(empty_url, migrate=False) as s:
        assert last not in {m["version"] for m in s.migrations()}  # a request that migrated would have put it back


def test_requests_reuse_the_apps_connections(empty_url):
    app = create_app(empty_url)
    with TestClient(app) as c:
        for path in ["/api/articles", "/api/people", "/api/stories", "/", "/people", "/healthz"] * 10:
            assert c.get(path).status_code == 200, path
        assert 1 <= app.state.stores.opened <= 8  # a thread or pooled connection each, not one per request (60)
    if empty_url.startswith("postgresql"):  # shutting the app down closed the pool's connections
        with Store(empty_url, migrate=False) as s:
            others = "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            # a closed connection's server process leaves pg_stat_activity a moment later: wait up to 5 s
            deadline = time.monotonic() + 5
            while s.rows(others)[0]["n"] and time.monotonic() < deadline:
                time.sleep(0.05)
            assert s.rows(others)[0]["n"] == 0
