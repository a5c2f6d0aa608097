"""Start the dashboard for tests: `python -m tests.dashboard.serve`. With
DASHBOARD_TEST_FAKE_INSIGHTS=1 (or while bot/dashboard/insights.py does not exist yet) the
figures come from tests/dashboard/fake_insights.py."""
from __future__ import annotations

import importlib
import os
import sys


def main() -> int:
    use_fake = os.environ.get("DASHBOARD_TEST_FAKE_INSIGHTS") == "1"
    if not use_fake:
        try:
            importlib.import_module("bot.dashboard.insights")
        except ModuleNotFoundError:
            use_fake = True
    if use_fake:
        from tests.dashboard import fake_insights
        sys.modules["bot.dashboard.insights"] = fake_insights
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
