"""What a resident does on the demo page, as small helpers the browser tests share."""
from __future__ import annotations

from playwright.sync_api import Page

ANSWER_TIMEOUT_MS = 60_000


def open_demo(context, url: str) -> Page:
    """A new tab on the demo page that records every Content-Security-Policy violation."""
    page = context.new_page()
    page.csp_violations = []  # type: ignore[attr-defined]
    page.on("console", lambda message: "Content Security Policy" in message.text
            and page.csp_violations.append(message.text))  # type: ignore[attr-defined]
    page.goto(url)
    page.wait_for_selector("aside.mdk", state="attached")
    return page


def open_chat(page: Page) -> None:
    page.get_by_role("button", name="Open de chat").click()
    page.wait_for_selector("#mdk-panel:not([hidden])")


def bot_count(page: Page) -> int:
    return page.locator(".mdk-msg--bot").count()


def wait_for_answer(page: Page, before: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('.mdk-msg--bot').length > n && document.querySelector('.mdk-wait').hidden",
        arg=before, timeout=ANSWER_TIMEOUT_MS)


def say(page: Page, text: str) -> list[str]:
    """Type a message, send it with Enter, and return the bot texts that answered it."""
    before = bot_count(page)
    box = page.get_by_label("Uw bericht")
    box.fill(text)
    box.press("Enter")
    wait_for_answer(page, before)
    return bot_texts(page)[before:]


def choose(page: Page, title: str) -> list[str]:
    """Press one of the bot's answer buttons and return the bot texts that answered it."""
    before = bot_count(page)
    page.locator(".mdk-replies").get_by_role("button", name=title, exact=True).click()
    wait_for_answer(page, before)
    return bot_texts(page)[before:]


def bot_texts(page: Page) -> list[str]:
    return page.locator(".mdk-msg--bot .mdk-text").all_inner_texts()


def transcript(page: Page) -> list[str]:
    return page.locator(".mdk-log .mdk-msg .mdk-text").all_inner_texts()


def sender_id(page: Page) -> str | None:
    return page.evaluate("() => (JSON.parse(sessionStorage.getItem('meedenker-widget') || 'null') || {}).sender || null")
