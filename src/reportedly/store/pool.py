"""Stores for a server: the schema migrated once, then connections reused across requests and safe across threads —
SQLite one connection per thread, opened on first use; PostgreSQL a small pool (psycopg_pool) lending one per request."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

from ..errors import StoreError
from .db import Store, connect, is_postgresql, open_store

POOL_SIZE = 8  # PostgreSQL connections at most per app: uvicorn runs 40 threads, most requests take milliseconds
POOL_WAIT = 10.0  # seconds a request waits for a free connection before it is answered 503


class ThreadStore(Store):
    """One Store over SQLite whose connection is the calling thread's own: each thread opens one on first use and
    keeps it. Read-side only: the entity-id cache of `add` would be shared across threads."""

    def __init__(self, url: str):
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list = []
        self.opened = 0  # connections opened so far, over all threads
        self.url = url
        self.dialect = "sqlite"
        self._entity_ids = {}

    @property
    def conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.url)
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
                self.opened += 1
        return conn

    def close(self) -> None:
        """Close every thread's connection; a thread that uses the store again opens a new one."""
        with self._lock:
            conns, self._all = self._all, []
        for c in conns:
            c.close()
        self._local = threading.local()


class StorePool:
    """The stores of one app over the corpus at `url`, which must exist: migrated once here, then `borrow()` lends a
    Store for one request."""

    def __init__(self, url: str, size: int = POOL_SIZE):
        self.url = url
        self.size = size
        open_store(url, create=False).close()  # a wrong --db fails now, in one line; the schema is migrated once
        self._lock = threading.Lock()
        self._pg = None
        self._sqlite = None if is_postgresql(url) else ThreadStore(url)

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        if self._sqlite is not None:
            yield self._sqlite
            return
        import psycopg

        try:
            with self._pool().connection(timeout=POOL_WAIT) as conn:
                yield Store(self.url, conn=conn, migrate=False)
        except psycopg.Error as e:  # no connection within POOL_WAIT, or the server went away
            raise StoreError(f"cannot connect to PostgreSQL: {str(e).strip().splitlines()[0]}") from None

    def _pool(self):
        with self._lock:
            if self._pg is None:
                try:
                    from psycopg_pool import ConnectionPool
                except ImportError:
                    raise StoreError(
                        "serving PostgreSQL needs psycopg_pool: pip install 'reportedly[postgres]'"
                    ) from None
                pool = ConnectionPool(
                    self.url,
                    min_size=1,
                    max_size=self.size,
                    kwargs={"autocommit": True},
                    check=ConnectionPool.check_connection,  # a server restart leaves dead connections behind
                    open=False,
                    name="reportedly",
                )
                try:
                    pool.open(wait=True, timeout=POOL_WAIT)  # a request that waited would make the pool grow
                except BaseException:
                    pool.close()
                    raise
                self._pg = pool
            return self._pg

    @property
    def opened(self) -> int:
        """Connections opened so far (SQLite: over all threads; PostgreSQL: by the pool)."""
        if self._sqlite is not None:
            return self._sqlite.opened
        return self._pg.get_stats().get("connections_num", 0) if self._pg is not None else 0

    def close(self) -> None:
        """Close every connection; the next borrow opens new ones."""
        if self._sqlite is not None:
            self._sqlite.close()
        with self._lock:
            pg, self._pg = self._pg, None
        if pg is not None:
            pg.close()
