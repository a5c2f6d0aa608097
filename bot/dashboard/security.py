"""Cookies, CSRF tokens and response headers of the dashboard (OWASP ASVS 3.4, 4.2.2, 14.4).

Why these choices:
- the session cookie holds a random id plus an HMAC under DASHBOARD_SESSION_SECRET; the database
  holds only a hash of the id, so neither a stolen database nor a forged cookie opens a session;
- over https the cookie is `__Host-` prefixed and Secure (no Domain, Path=/), always HttpOnly and
  SameSite=Strict;
- the sign-in form has its own CSRF cookie (there is no session yet); every other form carries the
  session's token, compared in constant time.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

from sanic.request import Request
from sanic.response import HTTPResponse

SESSION_COOKIE: Final = "md_session"
LOGIN_COOKIE: Final = "md_login"
HOST_PREFIX: Final = "__Host-"
CSP: Final = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
              "base-uri 'none'; frame-ancestors 'none'")
# An SVG figure is shown through <img>, where it cannot run script; its own styles may be inline.
SVG_CSP: Final = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"


class Signer:
    """HMAC-SHA256 signatures of cookie values."""

    def __init__(self, secret: str) -> None:
        self._key = hashlib.sha256(b"meedenker dashboard cookies\x00" + secret.encode("utf-8")).digest()

    def _mac(self, value: str) -> str:
        return hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).hexdigest()

    def sign(self, value: str) -> str:
        return f"{value}.{self._mac(value)}"

    def unsign(self, signed: str | None) -> str | None:
        if not signed or "." not in signed or len(signed) > 512:
            return None
        value, mac = signed.rsplit(".", 1)
        return value if hmac.compare_digest(mac, self._mac(value)) else None


def is_https(request: Request) -> bool:
    return request.scheme == "https"


def cookie_name(request: Request, base: str) -> str:
    return HOST_PREFIX + base if is_https(request) else base


def set_cookie(request: Request, response: HTTPResponse, base: str, value: str, max_age: int | None = None) -> None:
    name = cookie_name(request, base)
    response.cookies[name] = value
    cookie = response.cookies[name]
    cookie["path"] = "/"
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    if is_https(request):
        cookie["secure"] = True
    if max_age is not None:
        cookie["max-age"] = max_age


def clear_cookie(request: Request, response: HTTPResponse, base: str) -> None:
    set_cookie(request, response, base, "", max_age=0)


def tokens_match(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected.encode(), given.encode())


def new_token() -> str:
    return secrets.token_urlsafe(32)


def add_headers(request: Request, response: HTTPResponse) -> None:
    """Security headers on every response; no-store on everything but static files."""
    headers = response.headers
    if "content-security-policy" not in headers:
        headers["Content-Security-Policy"] = CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers["X-Frame-Options"] = "DENY"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if is_https(request):
        headers["Strict-Transport-Security"] = "max-age=31536000"
    if request.path.startswith("/static/"):
        headers["Cache-Control"] = "public, max-age=3600"
    else:
        headers["Cache-Control"] = "no-store"
        headers["Pragma"] = "no-cache"
