"""Accessibility of the widget in headless Chromium: axe-core with zero violations, keyboard-only
use with visible focus, 320 px width (400 % zoom), larger text, reduced motion, read aloud and
dictation."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.widget.chat import choose, open_chat, open_demo, say, wait_for_answer
from tests.widget.stack import new_context

pytestmark = pytest.mark.servers

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                      nodes: v.nodes.map(n => n.target.join(' '))}));
}"""

# The browser's speech APIs, replaced by recorders: headless Chromium has no voices or microphone.
FAKE_SPEECH = """
window.__spoken = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
var voices = [{lang: 'en-US', name: 'English'}, {lang: 'nl-NL', name: 'Nederlands'}];
Object.defineProperty(window, 'speechSynthesis', {value: {
  getVoices: function () { return voices; },
  cancel: function () {},
  speak: function (u) { window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}); }
}});
window.SpeechRecognition = function () {};
window.SpeechRecognition.prototype.start = function () {
  var self = this;
  window.__dictationLang = this.lang;
  setTimeout(function () {
    self.onresult({results: [[{transcript: 'ik heb schulden'}]]});
    self.onend();
  }, 50);
};
window.SpeechRecognition.prototype.stop = function () { this.onend(); };
window.SpeechRecognition.prototype.abort = function () {};
"""


def axe_violations(page) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8"))  # through DevTools, so the page's CSP stays strict
    return page.evaluate(RUN_AXE)


@pytest.fixture
def desktop(browser):
    context = new_context(browser, viewport={"width": 1280, "height": 800})
    yield context
    context.close()


def test_axe_finds_no_violations_on_the_demo_page_with_the_widget_open(stack, desktop, browser):
    page = open_demo(desktop, stack.demo_url)
    assert axe_violations(page) == [], "widget closed"
    open_chat(page)
    say(page, "hallo")
    say(page, "ik wil er niet meer zijn")
    page.route(stack.webhook, lambda route: route.abort("internetdisconnected"))
    box = page.get_by_label("Uw bericht")
    box.fill("dit bericht komt niet aan")
    box.press("Enter")
    page.get_by_role("button", name="Opnieuw versturen").wait_for()
    page.unroute(stack.webhook)
    say(page, "ik kan mijn huur niet betalen")
    assert page.locator(".mdk-replies button").count() >= 2 and page.locator(".mdk-crisisbar").is_visible()
    assert axe_violations(page) == [], "widget open: buttons, crisis bar, a failed message"
    page.get_by_role("button", name="Grotere tekst").click()
    assert axe_violations(page) == [], "larger text"
    assert not page.csp_violations

    phone = new_context(browser, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    try:
        small = open_demo(phone, stack.demo_url)
        open_chat(small)
        say(small, "ik heb schulden")
        assert axe_violations(small) == [], "phone width"
    finally:
        phone.close()


def focused(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e);
        return {id: e.id, text: e.textContent, outline: s.outlineStyle + ' ' + s.outlineWidth};
    }""")


def test_the_whole_conversation_works_with_the_keyboard_alone(stack, desktop):
    page = open_demo(desktop, stack.demo_url)
    for _ in range(15):
        page.keyboard.press("Tab")
        if focused(page)["text"] == "Open de chat":
            break
    assert focused(page) == {"id": "", "text": "Open de chat", "outline": "solid 3px"}
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "mdk-input"
    for text in ("hallo", "ik kan mijn huur niet meer betalen"):
        before = page.locator(".mdk-msg--bot").count()
        page.keyboard.type(text)
        page.keyboard.press("Enter")
        wait_for_answer(page, before)
    assert focused(page)["id"] == "mdk-input", "an answer moved the focus"

    for _ in range(6):
        page.keyboard.press("Shift+Tab")
        if focused(page)["text"] == "Ja, dat klopt":
            break
    assert focused(page) == {"id": "", "text": "Ja, dat klopt", "outline": "solid 3px"}
    before = page.locator(".mdk-msg--bot").count()
    page.keyboard.press("Enter")
    wait_for_answer(page, before)
    assert "Wilt u dat een meedenker u belt?" in page.locator(".mdk-msg--bot .mdk-text").last.inner_text()
    assert focused(page)["id"] == "mdk-input"

    page.keyboard.press("Escape")
    assert page.locator("#mdk-panel").is_hidden()
    assert focused(page)["text"] == "Open de chat"
    page.keyboard.press("Enter")
    assert page.locator("#mdk-panel").is_visible() and focused(page)["id"] == "mdk-input"


def test_at_320_px_wide_and_256_high_nothing_needs_sideways_scrolling(stack, browser):
    context = new_context(browser, viewport={"width": 320, "height": 256})  # 1280 x 1024 at 400 % zoom
    try:
        page = open_demo(context, stack.demo_url)
        open_chat(page)
        say(page, "ik kan mijn huur niet meer betalen en heb schulden")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        for control in (".mdk-exit", ".mdk-launcher", ".mdk-send"):  # the panel scrolls up and down only
            page.locator(control).scroll_into_view_if_needed()
            box = page.locator(control).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320 and 0 <= box["y"] and box["y"] + box["height"] <= 256
        exit_box = page.locator(".mdk-exit").bounding_box()
        assert exit_box["y"] >= 0 and exit_box["y"] + exit_box["height"] <= 256, "Snel weg scrolled out of sight"
        panel = page.locator("#mdk-panel").bounding_box()
        assert panel["x"] >= 0 and panel["width"] <= 320
        for message in page.locator(".mdk-msg").all():
            box = message.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320
        assert "Wilt u dat een meedenker u belt?" in choose(page, "Ja, dat klopt")[-1]
    finally:
        context.close()


def test_larger_text_makes_the_messages_bigger_and_stays_after_a_reload(stack, desktop):
    page = open_demo(desktop, stack.demo_url)
    open_chat(page)
    say(page, "hallo")
    size = "() => parseFloat(getComputedStyle(document.querySelector('.mdk-msg--bot .mdk-text')).fontSize)"
    normal = page.evaluate(size)
    larger = page.get_by_role("button", name="Grotere tekst")
    larger.click()
    assert larger.get_attribute("aria-pressed") == "true"
    assert page.evaluate(size) == pytest.approx(normal * 1.25)
    page.reload()
    page.wait_for_selector(".mdk-msg--bot")
    assert page.evaluate(size) == pytest.approx(normal * 1.25)


def test_motion_only_for_those_who_do_not_ask_for_less(stack, browser):
    animation = "() => getComputedStyle(document.querySelector('#mdk-panel')).animationName"
    for motion, expected in (("reduce", "none"), ("no-preference", "mdk-in")):
        context = new_context(browser, reduced_motion=motion)
        try:
            page = open_demo(context, stack.demo_url)
            open_chat(page)
            assert page.evaluate(animation) == expected
        finally:
            context.close()


def test_read_aloud_uses_a_dutch_voice_and_dictation_fills_the_box_without_sending(stack, desktop):
    desktop.add_init_script(script=FAKE_SPEECH)
    page = open_demo(desktop, stack.demo_url)
    open_chat(page)
    greeting = say(page, "hallo")[-1]
    page.locator(".mdk-msg--bot").last.get_by_role("button", name="Lees voor").click()
    assert page.evaluate("window.__spoken") == [{"text": greeting, "lang": "nl-NL", "voice": "Nederlands"}]

    page.get_by_role("button", name="Inspreken").click()
    box = page.get_by_label("Uw bericht")
    page.wait_for_function("() => document.querySelector('#mdk-input').value !== ''")
    assert box.input_value() == "ik heb schulden"
    assert page.evaluate("window.__dictationLang") == "nl-NL"
    assert page.locator(".mdk-msg--user").count() == 1, "dictation sent the message by itself"
    assert page.get_by_role("button", name="Inspreken").get_attribute("aria-pressed") == "false"
