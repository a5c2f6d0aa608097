"""The website widget's channel: its script, its stylesheet and a demo municipal page.

The widget (`static/meedenker-widget.js`) runs on a municipality's own page and talks, cross-origin,
to the masked REST channel (`channels/rest.py`) on the Rasa server, which allows only the origins
in MEEDENKER_ALLOWED_ORIGINS. This module only serves files; it holds no conversation state.
The demo page gets a strict Content-Security-Policy: no inline script or style anywhere, and
connections only to this server and the Rasa server.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.ops.settings import Settings

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {
    "meedenker-widget.js": "application/javascript; charset=utf-8",
    "meedenker-widget.css": "text/css; charset=utf-8",
    "demo.css": "text/css; charset=utf-8",
}


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL: what CSP and CORS compare."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def demo_headers(rasa_url: str) -> dict[str, str]:
    """Security headers of the demo page; a municipality's own page should send the same CSP."""
    csp = "; ".join([
        "default-src 'self'",
        f"connect-src 'self' {origin_of(rasa_url)}",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "microphone=(self), camera=(), geolocation=()",
        "Cache-Control": "no-store",
    }


def blueprint(settings: Settings) -> Blueprint:
    """Routes: /widget/<file> (script and stylesheets, embeddable from any site) and /demo."""
    widget = Blueprint("widget")

    @widget.get("/widget/<name:str>")
    async def asset(_: Request, name: str) -> HTTPResponse:
        if name not in ASSETS:
            return response.text("Not found", status=404)
        return response.raw((STATIC / name).read_bytes(), content_type=ASSETS[name], headers={
            "X-Content-Type-Options": "nosniff",
            "Cross-Origin-Resource-Policy": "cross-origin",
            "Cache-Control": "no-cache",
        })

    @widget.get("/demo")
    async def demo(_: Request) -> HTTPResponse:
        page = (STATIC / "demo.html").read_text(encoding="utf-8")
        page = page.replace("{{rasa_url}}", escape(settings.public_rasa_url, quote=True))
        return response.html(page, headers=demo_headers(settings.public_rasa_url))

    return widget
