""""Snel weg": the button, Esc twice and Shift three times empty the chat, clear the widget's storage,
blank the page and replace the location, so Back does not return to the chat."""
from __future__ import annotations


import pytest

from tests.widget.chat import open_chat, say, sender_id
from tests.widget.stack import EXIT_URL, new_context

pytestmark = pytest.mark.servers

PREVIOUS_PAGE = "https://www.gemeente-voorbeeld.example/"


@pytest.fixture
def chatting(stack, browser):
    """A tab that came from the municipality's home page to the demo page and has chatted."""
    context = new_context(browser, viewport={"width": 1280, "height": 800})
    context.route(PREVIOUS_PAGE + "**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Home</title><p>Home</p>"))
    page = context.new_page()
    page.goto(PREVIOUS_PAGE)
    page.goto(stack.demo_url)
    open_chat(page)
    say(page, "hallo")
    page.sender = sender_id(page)  # type: ignore[attr-defined]
    yield page
    context.close()


def assert_gone_for_good(page, stack) -> None:
    """Back leads to the page before the chat; the chat itself cannot be brought back."""
    assert page.url == EXIT_URL
    page.go_back()
    assert page.url == PREVIOUS_PAGE
    page.goto(stack.demo_url)
    page.wait_for_selector("aside.mdk", state="attached")
    assert page.locator(".mdk-msg").count() == 0
    assert sender_id(page) != page.sender


# Press "Snel weg" and look at the page in the same task, before the browser has left it.
PRESS_AND_LOOK = """() => {
  document.querySelector('.mdk-exit').click();
  return {
    stored: sessionStorage.getItem('meedenker-widget'),
    messages: document.querySelectorAll('.mdk-msg').length,
    blank: getComputedStyle(document.querySelector('.mdk-blank')).backgroundColor,
    page: getComputedStyle(document.querySelector('main')).visibility,
    title: document.title};
}"""


@pytest.mark.timeout(120)
def test_snel_weg_blanks_and_empties_before_it_leaves(stack, chatting):
    page = chatting
    assert page.evaluate(PRESS_AND_LOOK) == {
        "stored": None, "messages": 0, "blank": "rgb(255, 255, 255)", "page": "hidden", "title": ""}
    page.wait_for_url(EXIT_URL)
    assert_gone_for_good(page, stack)


@pytest.mark.timeout(120)
def test_the_snel_weg_link_leaves_with_a_real_click(stack, chatting):
    page = chatting
    page.get_by_role("link", name="Snel weg").click()
    page.wait_for_url(EXIT_URL)
    assert_gone_for_good(page, stack)


def test_escape_twice_leaves_and_once_only_closes_the_chat(stack, chatting):
    page = chatting
    page.get_by_label("Uw bericht").focus()
    page.keyboard.press("Escape")
    assert page.locator("#mdk-panel").is_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Open de chat"
    page.keyboard.press("Escape")
    page.wait_for_url(EXIT_URL)
    assert_gone_for_good(page, stack)


def test_shift_three_times_leaves_but_typing_capitals_does_not(stack, chatting):
    page = chatting
    page.get_by_label("Uw bericht").focus()
    for letter in "KeyI", "KeyB", "KeyH":
        page.keyboard.down("Shift")
        page.keyboard.press(letter)
        page.keyboard.up("Shift")
    assert page.url == stack.demo_url and page.get_by_label("Uw bericht").input_value() == "IBH"
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    assert_gone_for_good(page, stack)


def test_back_to_an_earlier_page_of_the_site_after_leaving_shows_no_chat(stack, chatting):
    """The demo page sends `Cache-Control: no-store`, so Chromium loads it again on Back and the
    emptied storage shows no chat; on pages kept in the back-forward cache the widget's `pageshow`
    handler empties the transcript it had drawn."""
    page = chatting
    page.goto(stack.demo_url + "?pagina=2")  # the resident went on to another page of the site
    assert page.locator(".mdk-msg").count() == 2
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(EXIT_URL)
    page.go_back()
    assert page.url == stack.demo_url
    page.wait_for_selector("aside.mdk", state="attached")
    assert page.locator(".mdk-msg").count() == 0
    assert sender_id(page) != page.sender
