"""Who may use the web app: a bearer token (or the cookie it buys a browser) checked in constant time, and a token
bucket per client on the analyse endpoints, the only ones that cost seconds of CPU."""

import hashlib
import hmac
import ipaddress
import json
import math
import time
from collections import OrderedDict
from dataclasses import dataclass
from html import escape
from typing import Optional
from urllib.parse import parse_qsl, quote, urlencode

from ..errors import BadOptionError

COOKIE = "reportedly_access"
LIMITED = {("POST", "/api/analyse"), ("POST", "/analyse")}


@dataclass(frozen=True)
class AccessSettings:
    """The numbers of access control, each with its reason; `reportedly serve` takes the first two as options."""

    analyse_per_minute: float = 10.0  # one analysis holds the single spaCy pipeline for ~0.5–2 s: 10 a minute per
    # client leaves the server to the others even when a few clients flood it
    analyse_burst: int = 5  # a person pasting a handful of articles in a row is never kept waiting
    max_clients: int = 10_000  # buckets held at most (~200 bytes each); the least recently seen goes first
    min_token_length: int = 16  # shorter is guessable over HTTP; `secrets.token_urlsafe()` gives 43 characters
    cookie_max_age_s: int = 30 * 24 * 3600  # a browser asks for the token once a month, not once a visit


# ------------------------------------------------------------------------------------------------ pure parts


def is_loopback(host: str) -> bool:
    """Whether `host` (as given to --host) listens on this machine only: 127.0.0.0/8, ::1 or localhost."""
    name = host.strip().strip("[]").lower().rstrip(".")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False  # a host name, 0.0.0.0, ::, a LAN address: reachable from elsewhere


def check_token(token: Optional[str], settings: AccessSettings = AccessSettings()) -> Optional[str]:
    """The token to require, or None for none; raises BadOptionError for one that would not protect anything."""
    if token is None:
        return None
    hint = "make one with: python -c 'import secrets; print(secrets.token_urlsafe())'"
    if len(token) < settings.min_token_length:
        raise BadOptionError(f"the token is shorter than {settings.min_token_length} characters: {hint}")
    if not all("!" <= c <= "~" for c in token):
        raise BadOptionError(f"the token must be printable ASCII without spaces (it travels in a header): {hint}")
    return token


def require_token(host: str, token: Optional[str]) -> None:
    """Refuse to serve beyond this machine without a token."""
    if token is None and not is_loopback(host):
        raise BadOptionError(
            f"--host {host} is reachable from other machines: give a token with --token or $REPORTEDLY_TOKEN "
            "(python -c 'import secrets; print(secrets.token_urlsafe())'), or serve on 127.0.0.1"
        )


def token_matches(given: Optional[str], token: str) -> bool:
    """Constant-time comparison, so the answer's timing does not tell how much of a guess was right."""
    return given is not None and hmac.compare_digest(given.encode("utf-8", "replace"), token.encode())


def cookie_value(token: str) -> str:
    """What the browser keeps: derived from the token, so a leaked cookie does not reveal the token itself."""
    return hmac.new(token.encode(), b"reportedly cookie v1", hashlib.sha256).hexdigest()


def bearer(headers: dict) -> Optional[str]:
    """The token of an `Authorization: Bearer TOKEN` header, if any."""
    scheme, _, value = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def cookie(headers: dict, name: str) -> Optional[str]:
    """The value of cookie `name` in a request's Cookie header, if any."""
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def client_key(host: Optional[str]) -> str:
    """The bucket a client address counts against: an IPv6 client by its /64, which one machine can fill alone."""
    if not host:
        return "unknown"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))


class RateLimiter:
    """A token bucket per client, `burst` deep, refilled at `per_minute`; at most `max_clients` buckets are held."""

    def __init__(self, per_minute: float, burst: int, max_clients: int):
        self.rate = per_minute / 60.0
        self.burst = burst
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client → (tokens, when), oldest first

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, client: str, now: float) -> float:
        """0 when `client` may go ahead (and one token is spent); otherwise the seconds until it may."""
        self.forget_idle(now)
        tokens, then = self._buckets.pop(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) * self.rate)
        wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
        self._buckets[client] = (tokens - 1 if wait == 0 else tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return wait

    def forget_idle(self, now: float) -> None:
        """Drop the buckets that have refilled: a full bucket is the same as none."""
        full = self.burst / self.rate
        while self._buckets:
            client, (_, then) = next(iter(self._buckets.items()))
            if now - then < full:
                break
            del self._buckets[client]


# ------------------------------------------------------------------------------------------------ middleware


def is_api(path: str) -> bool:
    """Whether `path` answers JSON (the API and its document) rather than a page."""
    return path.startswith("/api/") or path == "/openapi.json"


async def _answer(send, status: int, path: str, message: str, headers: list) -> None:
    if is_api(path):
        body = json.dumps({"detail": message}).encode()
        kind = b"application/json"
    else:
        body = PAGE.format(status=status, message=escape(message), form=FORM if status == 401 else "").encode()
        kind = b"text/html; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode()), *headers]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>reportedly: {status}</title></head>
<body><h1>{status}</h1><p>{message}</p>{form}</body></html>
"""
FORM = """<form method="get"><label>Token <input name="token" type="password" autocomplete="current-password">
</label> <button>Enter</button></form>"""


class RequireToken:
    """Every request carries the token: `Authorization: Bearer TOKEN`, or the cookie a browser gets by opening any
    page once with `?token=TOKEN` (then redirected to the same page without it). 401 otherwise."""

    def __init__(self, app, token: str, settings: AccessSettings):
        self.app = app
        self.token = token
        self.cookie = cookie_value(token)
        self.settings = settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers", []))
        path = scope["path"]
        if token_matches(bearer(headers), self.token) or token_matches(cookie(headers, COOKIE), self.cookie):
            return await self.app(scope, receive, send)
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [v for k, v in query if k == "token"]
        if given and scope["method"] in ("GET", "HEAD") and not is_api(path):
            if token_matches(given[-1], self.token):
                return await self._let_in(scope, send, [(k, v) for k, v in query if k != "token"])
            return await _answer(send, 401, path, "That token is not the one this server was given.", [])
        message = "This server needs a token: send `Authorization: Bearer TOKEN`" + (
            "." if is_api(path) else ", or enter it here once."
        )
        await _answer(send, 401, path, message, [(b"www-authenticate", b'Bearer realm="reportedly"')])

    async def _let_in(self, scope, send, rest: list) -> None:
        """Set the cookie and send the browser to the same page without the token in its address."""
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        set_cookie = (
            f"{COOKIE}={self.cookie}; Path=/; Max-Age={self.settings.cookie_max_age_s}; HttpOnly; SameSite=Strict"
            + secure
        )
        location = "/" + quote(scope["path"].lstrip("/")) + ("?" + urlencode(rest) if rest else "")  # never //host
        headers = [
            (b"location", location.encode("utf-8")),
            (b"set-cookie", set_cookie.encode()),
            (b"cache-control", b"no-store"),
            (b"content-length", b"0"),
        ]
        await send({"type": "http.response.start", "status": 303, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


class RateLimit:
    """429 with Retry-After for a client past its bucket on the analyse endpoints; everything else is not counted."""

    def __init__(self, app, settings: AccessSettings):
        self.app = app
        self.limiter = RateLimiter(settings.analyse_per_minute, settings.analyse_burst, settings.max_clients)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or (scope["method"], scope["path"]) not in LIMITED:
            return await self.app(scope, receive, send)
        wait = self.limiter.take(client_key((scope.get("client") or (None,))[0]), time.monotonic())
        if wait == 0:
            return await self.app(scope, receive, send)
        retry = max(1, math.ceil(wait))
        per_minute = f"{self.limiter.rate * 60:g}"
        message = f"Too many analyses: {per_minute} a minute per client. Try again in {retry} s."
        await _answer(send, 429, scope["path"], message, [(b"retry-after", str(retry).encode())])
