"""The real stack the widget runs against: Rasa + action server (tests/conftest.py `Servers`) and
the web process (`python -m addons.web`) on free loopback ports, and headless Debian Chromium."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import requests
from playwright.sync_api import Browser, BrowserContext, Playwright

from bot.ops.settings import PROJECT_ROOT
from tests.conftest import Servers, base_env, free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
EXIT_URL = "https://www.buienradar.nl/"
NEUTRAL_PAGE = "<!doctype html><html lang='nl'><title>Het weer</title><p>Het weer vandaag.</p></html>"


class Stack:
    """Rasa, the action server and the web process; the web process's origin is the only one allowed."""

    def __init__(self, var_dir: Path) -> None:
        self.web_port = free_port()
        self.origin = f"http://127.0.0.1:{self.web_port}"
        env = base_env(var_dir, DASHBOARD_PORT=str(self.web_port), MEEDENKER_ALLOWED_ORIGINS=self.origin)
        self.servers = Servers(env, var_dir)
        self.log_dir = var_dir
        self.web: subprocess.Popen | None = None

    @property
    def demo_url(self) -> str:
        return f"{self.origin}/demo"

    @property
    def webhook(self) -> str:
        return f"{self.servers.url}/webhooks/rest/webhook"

    def start(self) -> "Stack":
        self.servers.start()
        log = open(self.log_dir / f"web-{self.web_port}.log", "wb")
        self.web = subprocess.Popen([sys.executable, "-m", "addons.web"], cwd=PROJECT_ROOT,
                                    env=self.servers.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            if self.web.poll() is not None:
                self.stop()
                raise RuntimeError(f"the web process exited:\n{self.servers.logs()[-3000:]}")
            try:
                if requests.get(self.demo_url, timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the web process did not start in time")
            time.sleep(0.3)

    def stop(self) -> None:
        if self.web and self.web.poll() is None:
            self.web.terminate()
            try:
                self.web.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.web.kill()
        self.servers.stop()


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless (Playwright's own browser download is not used)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def new_context(browser: Browser, **options: object) -> BrowserContext:
    """A browser context in which the exit site answers with a neutral page (there is no internet)."""
    context = browser.new_context(locale="nl-NL", **options)
    context.route(EXIT_URL + "**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                               body=NEUTRAL_PAGE))
    return context
