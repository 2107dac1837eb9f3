"""The studio's promises about who it answers (contract §7), as one ASGI middleware.

- the `Host` must be the studio's own address (no DNS rebinding) → otherwise 403;
- every request carries the token: once in the URL, then as an HttpOnly SameSite=Strict cookie;
- a POST whose `Origin` is not the studio's own is refused (403): no other site can post to it;
- every answer has a Content-Security-Policy that allows only the studio itself.

And one helper for paths: nothing outside the studio's folder is ever read or written.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "ekc_studio"
TOKEN_PARAM = "token"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; "
    "form-action 'self'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]
DENIED = {
    "host": "Geen toegang: de studio antwoordt alleen op zijn eigen adres (127.0.0.1).",
    "token": "Geen toegang: open de studio met het adres (met de sleutel) dat ekc studio in de "
    "terminal liet zien.",
    "origin": "Geweigerd: dit formulier kwam niet van de studio zelf.",
}


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Guard:
    """Wraps the app: checks Host, token and Origin, and adds the security headers."""

    def __init__(self, app: App, token: str, port: int, denied: Callable[[str], str]) -> None:
        self.app = app
        self.token = token
        self.denied = denied
        self.cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if headers.get("host", "") not in self.hosts:
            await self._deny(send, "host")
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.get(TOKEN_PARAM)
        from_url = given is not None and hmac.compare_digest(given, self.token)
        if not from_url and not self._cookie_ok(headers.get("cookie", "")):
            await self._deny(send, "token")
            return
        if scope["method"] not in ("GET", "HEAD") and headers.get("origin") not in self.origins:
            await self._deny(send, "origin")
            return
        # with the token in the address, the answer sets the cookie (the page's script then
        # takes the token out of the address bar); from then on the cookie is the key
        extra = [(b"set-cookie", self.cookie.encode("latin-1"))] if from_url else []

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(h for h in SECURITY_HEADERS if h[0] not in names),
                    *extra,
                ]
            await send(message)

        await self.app(scope, receive, send_secured)

    async def _deny(self, send: Send, reason: str) -> None:
        body = self.denied(DENIED[reason]).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": 403,
                "headers": [
                    (b"content-type", b"text/html; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    *SECURITY_HEADERS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _cookie_ok(self, header: str) -> bool:
        cookie: SimpleCookie = SimpleCookie()
        try:
            cookie.load(header)
        except Exception:  # a malformed cookie header is simply no token
            return False
        morsel = cookie.get(COOKIE)
        return morsel is not None and hmac.compare_digest(morsel.value, self.token)


# --- paths ----------------------------------------------------------------------------------------


class OutsideRoot(Exception):
    """A path that would lead out of the studio's folder (or is not a plain name)."""


def safe_name(name: str) -> str:
    """A single file or folder name: no separators, no '..', nothing hidden, nothing absolute."""
    if (
        not name
        or name in (".", "..")
        or name.startswith(".")
        or "/" in name
        or "\\" in name
        or "\x00" in name
        or Path(name).is_absolute()
    ):
        raise OutsideRoot(name)
    return name


def contained(root: Path, *names: str) -> Path:
    """`root/names…`, refused when a name is not plain or the real path (symlinks followed)
    leaves `root`."""
    path = root.joinpath(*(safe_name(n) for n in names))
    real, base = os.path.realpath(path), os.path.realpath(root)
    if real != base and not real.startswith(base.rstrip(os.sep) + os.sep):
        raise OutsideRoot(str(path))
    return path
