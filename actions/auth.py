"""The action server's credential: a secret header that Rasa sends with every call.

Without it anything that reaches the action server's port could post a made-up tracker and queue
tickets (forged urgent ones, any gemeente), skipping the channels' rate limits (issue 28).
Rasa sends the header from endpoints.yml (`headers:`); it is compared in constant time here and
every other caller gets 401. `/health` stays open for load balancers and `make run`'s start check.
"""
from __future__ import annotations

import hmac
import logging
from typing import Any, Optional

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.ops.settings import ACTION_SECRET_HEADER

logger = logging.getLogger("meedenker.actions.auth")
OPEN_PATHS = frozenset({"/health"})


def secret_matches(given: Optional[str], expected: str) -> bool:
    """True only for the exact secret; the comparison takes as long for any wrong value."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8"))


def require_secret(app: Any, expected: str) -> None:
    """Refuse every request but `/health` that lacks the secret header, with 401."""
    if len(expected) < 32:
        raise ValueError("the action server secret must be at least 32 characters")

    async def check(request: Request) -> Optional[HTTPResponse]:
        if request.path in OPEN_PATHS:
            return None
        if secret_matches(request.headers.get(ACTION_SECRET_HEADER), expected):
            return None
        logger.warning("Action server call refused (401): %s secret header on %s %s from %s",
                       "a wrong" if request.headers.get(ACTION_SECRET_HEADER) else "no",
                       request.method, request.path, request.remote_addr or request.ip)
        return response.json({"error": "unauthorized"}, status=401)

    app.register_middleware(check, "request")
