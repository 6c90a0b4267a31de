"""Access control: a token required off this machine (header, or a browser's cookie), compared in constant time, and
a per-client rate limit on the analyse endpoints that leaves the rest of the app answering."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest
import schemathesis
from fastapi.testclient import TestClient

from reportedly.errors import BadOptionError
from reportedly.store import Store
from reportedly.web.access import (
    COOKIE,
    AccessSettings,
    RateLimiter,
    check_token,
    client_key,
    cookie_value,
    is_loopback,
    token_matches,
)
from reportedly.web.app import create_app

from ..pg import free_port
from .conftest import env_without_token, served

TOKEN = "team-token-0123456789abcdef"
WRONG = "team-token-0123456789abcdeX"  # the same length, one character off
BEARER = {"Authorization": f"Bearer {TOKEN}"}
TEXT = 'The mayor said on Monday that the bridge would open in May. "We are ready," she told reporters.'


@pytest.fixture
def guarded(corpus_url):
    """The app as `serve --token` builds it, fresh for each test (its buckets start full)."""
    with TestClient(create_app(corpus_url, token=TOKEN), follow_redirects=False) as c:
        yield c


def cli(*args, env: dict):
    return subprocess.run(
        [sys.executable, "-m", "reportedly.cli", *map(str, args)], capture_output=True, timeout=60, env=env
    )


# ----------------------------------------------------------------------------------------------------- token


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("localhost.example.org", False),
        ("example.org", False),
        ("", False),
    ],
)
def test_only_loopback_addresses_count_as_this_machine(host, loopback):
    assert is_loopback(host) is loopback


def test_token_comparison():
    assert token_matches(TOKEN, TOKEN)
    assert not token_matches(WRONG, TOKEN) and len(WRONG) == len(TOKEN)
    assert not token_matches(None, TOKEN) and not token_matches("", TOKEN)
    assert not token_matches("tëam-token-0123456789abcdef", TOKEN)  # not ASCII: refused, not an error
    assert TOKEN not in cookie_value(TOKEN) and cookie_value(TOKEN) != cookie_value(WRONG)


@pytest.mark.parametrize("bad", ["short", "has a space in it somewhere", "tëam-token-0123456789abcdef"])
def test_weak_or_unsendable_tokens_are_refused(bad):
    with pytest.raises(BadOptionError):
        check_token(bad)


def test_token_is_required_on_every_request(guarded):
    for path in ["/api/articles", "/openapi.json", "/healthz", "/static/app.js", "/"]:
        assert guarded.get(path).status_code == 401, path
        assert guarded.get(path, headers={"Authorization": f"Bearer {WRONG}"}).status_code == 401, path
        assert guarded.get(path, headers=BEARER).status_code == 200, path
    api = guarded.get("/api/articles")
    assert api.json()["detail"].startswith("This server needs a token")
    assert api.headers["www-authenticate"].startswith("Bearer")
    page = guarded.get("/articles")
    assert page.headers["content-type"].startswith("text/html") and '<input name="token"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]  # the 401 page is under the CSP too
    assert guarded.post("/api/analyse", json={"text": TEXT}).status_code == 401


def test_a_browser_gives_the_token_once_and_keeps_a_strict_cookie(guarded):
    r = guarded.get("/articles", params={"limit": 5, "token": TOKEN})
    assert r.status_code == 303 and r.headers["location"] == "/articles?limit=5"  # the token leaves the address bar
    set_cookie = r.headers["set-cookie"]
    assert set_cookie.startswith(f"{COOKIE}=") and "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie
    assert TOKEN not in set_cookie
    assert guarded.get("/articles?limit=5").status_code == 200  # the client keeps the cookie, as a browser does
    assert guarded.get("/api/articles").status_code == 200
    guarded.cookies.clear()
    assert guarded.get("/articles").status_code == 401


def test_a_wrong_token_or_cookie_lets_nobody_in(guarded):
    assert guarded.get("/articles", params={"token": WRONG}).status_code == 401
    assert "set-cookie" not in guarded.get("/articles", params={"token": WRONG}).headers
    assert guarded.get("/articles", cookies={COOKIE: cookie_value(WRONG)}).status_code == 401
    assert guarded.get("/articles", cookies={COOKIE: TOKEN}).status_code == 401  # the token is not the cookie
    assert guarded.get("/api/articles", params={"token": TOKEN}).status_code == 401  # the API takes the header


def test_the_redirect_after_the_token_stays_on_this_site(guarded):
    r = guarded.get("//evil.example/x", params={"token": TOKEN})
    assert r.status_code == 303 and r.headers["location"].startswith("/") and not r.headers["location"].startswith("//")


def test_without_a_token_nothing_is_asked(client):
    assert client.get("/api/articles").status_code == 200
    assert "security" not in client.get("/openapi.json").json()


def test_serve_off_this_machine_without_a_token_refuses_in_one_line(tmp_path):
    Store(str(tmp_path / "corpus.db")).close()
    for env in (env_without_token(), env_without_token(REPORTEDLY_TOKEN="")):
        res = cli("serve", "--db", tmp_path / "corpus.db", "--host", "0.0.0.0", "--port", free_port(), env=env)
        err = res.stderr.decode()
        assert res.returncode == 2, err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "--token" in err and "REPORTEDLY_TOKEN" in err
    short = cli(
        "serve", "--db", tmp_path / "corpus.db", "--host", "0.0.0.0", "--token", "short", env=env_without_token()
    )
    assert short.returncode == 2 and "shorter than 16" in short.stderr.decode()


def test_serve_enforces_a_token_given_on_loopback(corpus_url, tmp_path):
    log = tmp_path / "serve.log"
    with served(corpus_url, log, env_without_token(REPORTEDLY_TOKEN=TOKEN), headers=BEARER) as base:
        assert httpx.get(base + "/api/articles", timeout=10).status_code == 401
        assert (
            httpx.get(base + "/api/articles", headers={"Authorization": f"Bearer {WRONG}"}, timeout=10).status_code
            == 401
        )
        assert httpx.get(base + "/api/articles", headers=BEARER, timeout=10).status_code == 200
        with httpx.Client(base_url=base, timeout=10, follow_redirects=True) as browser:
            assert browser.get("/people", params={"token": TOKEN}).status_code == 200
            assert browser.get("/stories").status_code == 200  # by the cookie alone
        assert TOKEN not in log.read_text(errors="replace")


# ------------------------------------------------------------------------------------------------ rate limit


def test_a_flood_on_analyse_is_answered_429_while_the_rest_answers(corpus_url):
    burst = AccessSettings().analyse_burst
    app = create_app(corpus_url, token=TOKEN)
    with TestClient(app, headers=BEARER) as flood, TestClient(app, headers=BEARER, client=("10.0.0.2", 1)) as other:
        assert flood.post("/api/analyse", json={"text": TEXT}).status_code == 200
        for _ in range(burst - 1):  # refused texts cost no CPU but count all the same
            assert flood.post("/api/analyse", json={"text": " "}).status_code == 422
        r = flood.post("/api/analyse", json={"text": TEXT})
        assert r.status_code == 429 and "a minute" in r.json()["detail"]
        assert 1 <= int(r.headers["retry-after"]) <= 60 / AccessSettings().analyse_per_minute
        page = flood.post("/analyse", data={"text": TEXT})  # the form shares the bucket, and answers a page
        assert page.status_code == 429 and page.headers["content-type"].startswith("text/html")
        assert "retry-after" in page.headers
        for path in ["/api/articles", "/api/search?q=bridge", "/analyse", "/", "/healthz"]:
            assert flood.get(path).status_code == 200, path
        assert other.post("/api/analyse", json={"text": " "}).status_code == 422  # another client has its own bucket


def test_a_bucket_refills_at_its_rate():
    limiter = RateLimiter(per_minute=10, burst=5, max_clients=100)
    assert [limiter.take("a", 0.0) for _ in range(5)] == [0.0] * 5
    assert limiter.take("a", 0.0) == pytest.approx(6.0)  # one token every 6 s
    assert limiter.take("a", 3.0) == pytest.approx(3.0)  # a refused request spends nothing
    assert limiter.take("a", 6.0) == 0.0
    assert limiter.take("b", 6.0) == 0.0


def test_the_limiter_forgets_idle_clients():
    limiter = RateLimiter(per_minute=10, burst=5, max_clients=3)
    limiter.take("a", 0.0)
    limiter.take("b", 10.0)
    assert len(limiter) == 2
    limiter.take("c", 30.0)  # a's bucket refilled at 30 s: it is forgotten, b's is not yet full
    assert len(limiter) == 2
    limiter.take("d", 60.0)
    assert len(limiter) == 1
    for n in range(10):  # more clients at once than it holds: the least recently seen go
        limiter.take(f"x{n}", 61.0)
    assert len(limiter) == 3


@pytest.mark.parametrize(
    "host, key",
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff::9", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("testclient", "testclient"),
        (None, "unknown"),
    ],
)
def test_clients_are_counted_by_address(host, key):
    assert client_key(host) == key


# ----------------------------------------------------------------------------------------------------- OpenAPI


def test_openapi_documents_the_token_and_the_limit(guarded, client):
    doc = guarded.get("/openapi.json", headers=BEARER).json()
    assert doc["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "the token `reportedly serve` was given",
    }
    assert doc["security"] == [{"bearer": []}]
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            assert "401" in op["responses"], (method, path)
            assert ("429" in op["responses"]) is (path == "/api/analyse"), (method, path)
    assert "Retry-After" in doc["paths"]["/api/analyse"]["post"]["responses"]["429"]["headers"]
    schemathesis.openapi.from_dict(doc).validate()  # raises on a document that breaks the OpenAPI schema
    schemathesis.openapi.from_dict(client.get("/openapi.json").json()).validate()
