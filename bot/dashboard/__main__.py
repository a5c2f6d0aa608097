"""`python -m bot.dashboard`: serve the dashboard on MEEDENKER_HOST:DASHBOARD_PORT."""
from __future__ import annotations

import logging
import os
import sys
from typing import Sequence

from sanic import Blueprint

from bot.ops.settings import PROJECT_ROOT, Settings, SettingsError


def main(blueprints: Sequence[Blueprint] = ()) -> int:
    """Serve the dashboard, plus any blueprints of other features on the same port (the widget's)."""
    from bot.ops.secrets import SECRET_NAMES, environment_with_secrets
    # Like `make run`: secrets the environment lacks come from (and are generated into) var/secrets.env.
    env = dict(os.environ) if all(os.environ.get(name) for name in SECRET_NAMES) \
        else environment_with_secrets(PROJECT_ROOT / "var" / "secrets.env")
    try:
        settings = Settings.from_env(env)
        from bot.dashboard.app import create_app
        app = create_app(settings)
        for blueprint in blueprints:
            app.blueprint(blueprint)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level)
    app.run(host=settings.host, port=settings.dashboard_port, access_log=False, workers=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
