"""A server's stores: the schema migrated once, connections kept and reused, never shared between two threads at once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from reportedly.errors import StoreError
from reportedly.store import Store
from reportedly.store.pool import StorePool


def _backend(store: Store):
    """Who answers on this store's connection: the PostgreSQL backend pid, or the SQLite connection itself."""
    if store.dialect == "postgresql":
        return store.rows("SELECT pg_backend_pid() AS pid")[0]["pid"]
    return id(store.conn)


def test_a_missing_sqlite_file_is_refused_at_start(tmp_path):
    with pytest.raises(StoreError, match="no corpus at"):
        StorePool(str(tmp_path / "typo.db"))
    assert not (tmp_path / "typo.db").exists()


def test_one_connection_serves_every_request_of_a_thread(db_url):
    Store(db_url).close()
    pool = StorePool(db_url)
    try:
        seen = set()
        for _ in range(20):
            with pool.borrow() as s:
                seen.add(_backend(s))
                assert s.counts()["articles"] == 0
        assert len(seen) == 1 and pool.opened == 1
    finally:
        pool.close()


def test_threads_never_share_a_connection_at_once(db_url):
    Store(db_url).close()
    pool = StorePool(db_url, size=3)
    busy: set = set()
    clash = []
    lock = threading.Lock()

    def request(_):
        with pool.borrow() as s:
            who = _backend(s)
            with lock:
                if who in busy:
                    clash.append(who)
                busy.add(who)
            s.rows("SELECT count(*) AS n FROM articles")  # hold it a moment
            with lock:
                busy.discard(who)
            return who

    try:
        with ThreadPoolExecutor(6) as ex:
            used = set(ex.map(request, range(60)))
        assert not clash
        assert 1 <= len(used) <= 6 and pool.opened <= 6  # one per thread at most, not one per request
        if db_url.startswith("postgresql"):
            assert pool.opened <= 3  # the pool's size bounds the connections
    finally:
        pool.close()


def test_closed_pool_opens_again_on_next_use(db_url):
    Store(db_url).close()
    pool = StorePool(db_url)
    with pool.borrow() as s:
        first = _backend(s)
    pool.close()
    with pool.borrow() as s:
        assert s.counts()["articles"] == 0
        if s.dialect == "postgresql":
            assert _backend(s) != first
    pool.close()
