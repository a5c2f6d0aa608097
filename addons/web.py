"""The web process on DASHBOARD_PORT: the website widget and its demo page.

The coordinators' dashboard joins this same process later, so `build_app` only mounts blueprints.
Usage: python -m addons.web
"""
from __future__ import annotations

import logging
import sys

from sanic import Sanic

from bot.settings import Settings, SettingsError, get_settings
from channels.widget import blueprint as widget_blueprint

APP_NAME = "meedenker_web"


def build_app(settings: Settings) -> Sanic:
    """A fresh web app for these settings (no work at import time)."""
    app = Sanic(APP_NAME)
    app.blueprint(widget_blueprint(settings))
    return app


def main() -> None:
    try:
        settings = get_settings()
    except SettingsError as error:
        print(error, file=sys.stderr)
        raise SystemExit(2) from error
    logging.basicConfig(level=settings.log_level)
    app = build_app(settings)
    app.run(host=settings.host, port=settings.dashboard_port, access_log=False, motd=False, workers=1)


if __name__ == "__main__":
    main()
