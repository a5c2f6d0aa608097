"""The web process on DASHBOARD_PORT: the coordinators' dashboard, the website widget and its demo.

One process, so a municipality opens one port for both. The dashboard's app factory builds the app
(its security headers apply to every response; the demo page keeps its own stricter CSP) and the
widget's blueprint is registered on it.
Usage: python -m addons.web
"""
from __future__ import annotations

import sys

from sanic import Sanic

from bot.ops.settings import Settings, SettingsError, get_settings
from channels.widget import blueprint as widget_blueprint

APP_NAME = "meedenker_web"


def build_app(settings: Settings) -> Sanic:
    """A fresh web app for these settings (no work at import time)."""
    from bot.dashboard.app import create_app

    app = create_app(settings, name=APP_NAME)
    app.blueprint(widget_blueprint(settings))
    return app


def main() -> None:
    from bot.dashboard.__main__ import main as serve_dashboard

    try:
        settings = get_settings()
    except SettingsError as error:
        print(error, file=sys.stderr)
        raise SystemExit(2) from error
    raise SystemExit(serve_dashboard(blueprints=[widget_blueprint(settings)]))


if __name__ == "__main__":
    main()
