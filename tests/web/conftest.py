"""A small corpus in each store (SQLite file, real PostgreSQL), the app over it in-process, and the real
`reportedly serve` command on 127.0.0.1 for the browser and the API fuzzer."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import httpx
import pytest
from fastapi.testclient import TestClient

from reportedly import analyze
from reportedly.provenance.corpus import build_stories
from reportedly.store import Store
from reportedly.web.app import create_app

from ..pg import free_port, new_pg_database

FIXTURES = Path(__file__).parent.parent / "fixtures"
GOLDEN = Path(__file__).parent.parent / "golden" / "heyman-soleimani.txt"
HOSTILE_URL = "javascript:window.__pwned='url'"


def _corpus() -> list[dict]:
    story = FIXTURES / "stories" / "bridge-2022"
    arts = [
        {
            "text": (story / name).read_text(encoding="utf-8"),
            "outlet": outlet,
            "published": published,
            "url": f"https://{outlet.lower()}.example/bridge",
        }
        for name, outlet, published in (
            ("01_wire.txt", "Wire", "2022-05-02"),
            ("02_copy.txt", "Copy", "2022-05-03"),
            ("03_rewrite.txt", "Rewrite", "2022-05-04"),
            ("04_own.txt", "Own", None),
        )
    ]
    arts.append(
        {
            "text": GOLDEN.read_text(encoding="utf-8"),
            "outlet": "The Times of Israel",
            "published": "2021-12-21",
            "url": "https://example.org/heyman",
        }
    )
    arts.append(
        {
            "text": (FIXTURES / "hostile-article.txt").read_text(encoding="utf-8"),
            "outlet": "Courier <b>",
            "published": "2022-06-01",
            "url": HOSTILE_URL,
        }
    )
    arts.append(
        {
            "text": (FIXTURES / "hostile-link.txt").read_text(encoding="utf-8"),
            "outlet": "Harbour News",
            "published": "2022-06-02",
            "url": "https://harbour.example/fishermen",
        }
    )
    return arts


@pytest.fixture(scope="session")
def analysed_corpus():
    """Every corpus article analysed once for the whole session."""
    return [(meta, analyze(meta["text"], published=meta["published"])) for meta in _corpus()]


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def corpus_url(request, tmp_path_factory, analysed_corpus):
    """The corpus stored in a fresh database of each kind, with its stories built."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("web") / "corpus.db")
    else:
        url = new_pg_database(request.getfixturevalue("pg_server"))
    with Store(url) as store:
        for meta, a in analysed_corpus:
            store.add(a, outlet=meta["outlet"], url=meta["url"])
        build_stories(store)
    return url


@pytest.fixture(scope="session")
def client(corpus_url):
    with TestClient(create_app(corpus_url)) as c:
        yield c


@pytest.fixture(scope="session")
def ids(corpus_url) -> dict:
    """Stored ids by outlet, and the id of the bridge story."""
    with Store(corpus_url) as store:
        out = {r["outlet"]: r["id"] for r in store.rows("SELECT id, outlet FROM articles")}
        out["story"] = store.rows("SELECT id FROM stories ORDER BY size DESC LIMIT 1")[0]["id"]
    return out


@contextmanager
def served(db_url: str, log_path: Path, env: dict, headers: Optional[dict] = None):
    """`reportedly serve` itself, in its own process, on a free port of 127.0.0.1 (its output in `log_path`), once
    /healthz answers (with `headers`); stopped on exit."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "reportedly.cli", "serve", "--db", db_url, "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/healthz", headers=headers, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("reportedly serve did not start: " + log_path.read_text(errors="replace"))
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def env_without_token(**extra) -> dict:
    """This process's environment without REPORTEDLY_TOKEN (a server started with it asks for no token), plus
    `extra`."""
    return {k: v for k, v in os.environ.items() if k != "REPORTEDLY_TOKEN"} | extra


@pytest.fixture(scope="session")
def live_server(corpus_url, tmp_path_factory):
    """`reportedly serve` with no token in its environment: nothing is asked."""
    with served(corpus_url, tmp_path_factory.mktemp("serve") / "serve.log", env_without_token()) as base:
        yield base
