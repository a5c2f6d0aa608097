"""Local stand-ins for the Telegram Bot API and Meta's Graph API, on free loopback ports.

They answer like the real services do (enough for python-telegram-bot and our Graph client)
and record every request, so a test can assert what a resident would have received.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class FakeApi:
    """A recording HTTP server; `answer(path, body)` makes each reply."""

    kind: str  # "telegram" or "graph"
    requests: list[Recorded] = field(default_factory=list)
    status: int = 200
    failing: set = field(default_factory=set)  # method names answered with 400 (e.g. a query too old)
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeApi":
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: Any) -> None:
                return

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                body = _decode(raw, self.headers.get("Content-Type", ""))
                with api._lock:
                    api.requests.append(Recorded(urlparse(self.path).path, dict(self.headers.items()), body))
                path = urlparse(self.path).path
                if path.rsplit("/", 1)[-1] in api.failing:
                    status, payload = 400, {"ok": False, "error_code": 400, "description": "Bad Request: query is too old"}
                else:
                    status, payload = api.status, api._answer(path, body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def _answer(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        if self.status >= 400:
            return {"ok": False, "error_code": self.status, "description": "Bad Request: test",
                    "error": {"code": 100, "type": "OAuthException", "message": "test"}}
        if self.kind == "graph":
            return {"messaging_product": "whatsapp", "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                    "messages": [{"id": f"wamid.out{len(self.requests)}"}]}
        method = path.rsplit("/", 1)[-1]
        if method == "sendMessage":
            return {"ok": True, "result": {"message_id": len(self.requests), "date": int(time.time()),
                                           "chat": {"id": int(body["chat_id"]), "type": "private"},
                                           "text": body.get("text", "")}}
        if method == "getMe":
            return {"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "Meedenker",
                                           "username": "meedenker_bot"}}
        return {"ok": True, "result": True}

    def calls(self, method: str = "", **match: Any) -> list[Recorded]:
        """Recorded requests whose path ends with `method` and whose body has the given values."""
        with self._lock:
            found = list(self.requests)
        return [r for r in found if r.path.endswith(method)
                and all(str(r.body.get(k)) == str(v) for k, v in match.items())]

    def wait_for(self, count: int, method: str = "", timeout: float = 60, **match: Any) -> list[Recorded]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.calls(method, **match)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        return self.calls(method, **match)


def _decode(raw: bytes, content_type: str) -> dict[str, Any]:
    """JSON bodies as they are; form bodies (python-telegram-bot) with JSON-encoded values decoded."""
    text = raw.decode("utf-8", errors="replace")
    if "json" in content_type:
        return json.loads(text or "{}")
    body: dict[str, Any] = {}
    for key, value in parse_qsl(text, keep_blank_values=True):
        try:
            body[key] = json.loads(value) if value[:1] in "{[" else value
        except ValueError:
            body[key] = value
    return body
