"""Retake the README's widget screenshots (docs/screenshots/) against the real stack.

Usage: make screenshots   (or: python -m tests.widget.screenshots)
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bot.ops.settings import PROJECT_ROOT
from tests.widget.chat import open_chat, open_demo, say
from tests.widget.stack import Stack, launch, new_context

OUT = PROJECT_ROOT / "docs" / "screenshots"
SHOTS = {
    "widget-desktop.png": ({"width": 1280, "height": 800}, ["hallo", "ik kan mijn huur niet meer betalen en heb schulden"]),
    "widget-phone.png": ({"width": 375, "height": 740}, ["mijn man slaat me en ik durf niet naar huis"]),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    stack = Stack(Path(tempfile.mkdtemp(prefix="widget-shots-"))).start()
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for name, (viewport, messages) in SHOTS.items():
                context = new_context(browser, viewport=viewport, reduced_motion="reduce")
                page = open_demo(context, stack.demo_url)
                open_chat(page)
                for message in messages:
                    say(page, message)
                page.locator("#mdk-input").blur()
                page.mouse.move(1, 1)
                page.screenshot(path=str(OUT / name))
                context.close()
                print(f"wrote {OUT / name}")
            browser.close()
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
