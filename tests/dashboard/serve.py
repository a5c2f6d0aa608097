"""Start the dashboard for tests: `python -m tests.dashboard.serve` (the real insights module)."""
from __future__ import annotations

import os


def main() -> int:
    from bot.dashboard.__main__ import main as serve
    return serve(_extra() if os.environ.get("DASHBOARD_TEST_EXTRA_BLUEPRINT") == "1" else ())


def _extra():
    """A blueprint registered after create_app, as the widget's page will be."""
    from sanic import Blueprint
    from sanic.response import text

    extra = Blueprint("extra")

    @extra.get("/extra")
    async def page(request):
        return text("signed in" if request.ctx.auth else "anonymous")

    return [extra]


if __name__ == "__main__":
    raise SystemExit(main())
