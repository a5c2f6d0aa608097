"""The widget in headless Chromium against the real servers: a whole conversation, a reload, a
closed tab, a crisis reply and a lost answer that is sent again."""
from __future__ import annotations

import json
import re

import pytest

from tests.widget.chat import bot_count, bot_texts, choose, open_chat, open_demo, say, sender_id, transcript, \
    wait_for_answer
from tests.widget.stack import new_context

pytestmark = pytest.mark.servers

# Records what is added to the transcript's live region, i.e. what a screen reader announces.
RECORD_ANNOUNCEMENTS = """
window.__announced = [];
new MutationObserver(function (records) {
  records.forEach(function (record) {
    var log = record.target.closest && record.target.closest('[role="log"]');
    if (log && log.isConnected) {
      record.addedNodes.forEach(function (node) { window.__announced.push(node.textContent); });
    }
  });
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture
def context(browser):
    context = new_context(browser, viewport={"width": 1280, "height": 800})
    context.add_init_script(script=RECORD_ANNOUNCEMENTS)
    yield context
    context.close()


def test_a_whole_conversation_survives_a_reload_and_is_forgotten_with_the_tab(stack, context):
    page = open_demo(context, stack.demo_url)
    open_chat(page)
    intro = page.locator(".mdk-intro").inner_text()
    assert "computer" in intro and "ik wil een mens" in intro
    assert page.evaluate("document.activeElement.id") == "mdk-input"

    assert "computer" in say(page, "hallo")[-1]
    summary = say(page, "ik kan mijn huur niet meer betalen en heb schulden")[-1]
    assert "Klopt dat?" in summary and "wonen" in summary
    replies = page.locator(".mdk-replies").get_by_role("button")
    assert replies.all_inner_texts() == ["Ja, dat klopt", "Nee, het is anders"]
    assert page.evaluate("document.activeElement.id") == "mdk-input", "an answer moved the focus"

    assert "Wilt u dat een meedenker u belt?" in choose(page, "Ja, dat klopt")[-1]
    assert page.locator(".mdk-msg--user").last.inner_text().endswith("Ja, dat klopt")
    assert page.get_by_role("button", name="Ja, dat klopt").count() == 0, "answered buttons stay clickable"
    assert "Mag ik ze vragen?" in choose(page, "Ja, bel mij")[-1]
    assert "In welke gemeente of plaats woont u?" in choose(page, "Ja, dat mag")[-1]
    assert "Hoe mag de meedenker u noemen?" in say(page, "Goes")[-1]

    announced = page.evaluate("window.__announced")
    for text in bot_texts(page):
        assert sum(text in item for item in announced) == 1, f"not announced exactly once: {text}"
    assert not page.get_by_role("region", name="Hulpnummers").is_visible()

    before, sender = transcript(page), sender_id(page)
    assert re.fullmatch(r"web-[0-9a-f]{32}", sender)
    page.reload()
    page.wait_for_selector(".mdk-msg")
    assert transcript(page) == before and sender_id(page) == sender
    assert page.locator("#mdk-panel").is_visible()
    assert page.evaluate("window.__announced") == [], "a reload announced the old messages again"
    assert "Hoe kan de meedenker u bereiken?" in say(page, "Sanne")[-1]
    assert page.evaluate("localStorage.length") == 0 and context.cookies() == []

    page.close()
    tab = open_demo(context, stack.demo_url)
    assert sender_id(tab) not in (None, sender)
    assert tab.locator(".mdk-msg").count() == 0
    assert not page.csp_violations and not tab.csp_violations


def test_a_crisis_reply_stands_out_and_its_numbers_stay_on_screen(stack, context):
    page = open_demo(context, stack.demo_url)
    open_chat(page)
    say(page, "ik wil er niet meer zijn")
    crisis = page.locator(".mdk-msg--crisis").first
    assert "Belangrijk" in crisis.inner_text() and "113" in crisis.inner_text()
    calls = crisis.locator("a[href^='tel:']").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {"tel:113", "tel:08000113", "tel:112"} <= set(calls)
    ordinary = page.evaluate("() => getComputedStyle(document.querySelector('.mdk-intro')).backgroundColor")
    assert crisis.evaluate("n => getComputedStyle(n).backgroundColor") != ordinary

    bar = page.get_by_role("region", name="Hulpnummers")
    assert bar.is_visible()
    numbers = bar.get_by_role("link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "tel:113" in numbers and "tel:112" in numbers

    say(page, "nee je begrijpt me verkeerd")
    say(page, "ik heb ook schulden")
    assert bar.is_visible() and bar.get_by_role("link", name="Bel 113").is_visible()
    page.reload()
    assert page.get_by_role("region", name="Hulpnummers").get_by_role("link", name="Bel 113").is_visible()


def test_a_lost_answer_is_shown_as_not_sent_and_the_retry_uses_the_same_id(stack, context):
    page = open_demo(context, stack.demo_url)
    open_chat(page)
    bodies: list[dict] = []

    def answer_lost_on_the_way_back(route):
        bodies.append(json.loads(route.request.post_data))
        route.fetch()  # the server receives and answers it ...
        route.abort("internetdisconnected")  # ... but the answer never reaches the browser

    page.route(stack.webhook, answer_lost_on_the_way_back)
    box = page.get_by_label("Uw bericht")
    box.fill("ik snap de brief van de belasting niet")
    box.press("Enter")
    retry = page.get_by_role("button", name="Opnieuw versturen")
    retry.wait_for()
    assert "Niet verstuurd" in page.locator(".mdk-msg--user").last.inner_text()
    assert bot_count(page) == 0
    page.unroute(stack.webhook)

    page.on("request", lambda request: request.url == stack.webhook and request.method == "POST"
            and bodies.append(json.loads(request.post_data)))
    retry.click()
    wait_for_answer(page, 0)
    assert len(bodies) == 2 and bodies[0] == bodies[1]
    assert bodies[0]["metadata"]["message_id"] and bodies[0]["sender"] == sender_id(page)
    assert page.get_by_role("button", name="Opnieuw versturen").count() == 0
    tracker = stack.servers.tracker(sender_id(page))
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == ["ik snap de brief van de belasting niet"]
    assert len(page.locator(".mdk-msg--user").all()) == 1


def test_a_message_the_server_refuses_is_explained_and_put_back_in_the_box(stack, context):
    page = open_demo(context, stack.demo_url)
    open_chat(page)
    too_long = "Ik heb een lange vraag. " * 120  # over the REST channel's 2000 characters
    box = page.get_by_label("Uw bericht")
    box.fill(too_long)
    box.press("Enter")
    wait_for_answer(page, 0)
    assert "te lang" in bot_texts(page)[-1]
    assert box.input_value() == too_long.strip()
    assert page.get_by_role("button", name="Opnieuw versturen").count() == 0
