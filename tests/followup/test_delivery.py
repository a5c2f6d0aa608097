"""The follow-up question leaves when a coordinator closes the ticket in the dashboard, reaches the
resident on Telegram or WhatsApp (a template outside the 24 hours), and the button pressed there is
recorded on the ticket (issue 29, part 3). Real web process and channel code; the Bot API and the
Graph API are local fakes."""
from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import sqlalchemy as sa

from bot.followup.records import Followups, answer_payload
from bot.ops.sender_ids import conversation_id
from bot.ops.settings import reset_settings_cache
from tests.bot.queue.helpers import KEY
from tests.channels.fake_apis import FakeApi
from tests.conftest import base_env
from tests.dashboard.conftest import CSRF, Dashboard, start_dashboard, stop_dashboard
from tests.integration.conftest import PHONE_NUMBER_ID, TELEGRAM_SECRET, TELEGRAM_TOKEN, WHATSAPP_APP_SECRET, \
    WHATSAPP_VERIFY

WA_TOKEN = "EAAG" + "w" * 40
TEMPLATE = "nazorg_vraag"


@pytest.fixture(scope="module")
def apis() -> Iterator[tuple[FakeApi, FakeApi]]:
    bot_api, graph = FakeApi("telegram").start(), FakeApi("graph").start()
    yield bot_api, graph
    bot_api.stop()
    graph.stop()


def channel_env(bot_api: FakeApi, graph: FakeApi, template: str | None = TEMPLATE) -> dict[str, str]:
    env = {"TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET,
           "TELEGRAM_API_URL": bot_api.url, "WHATSAPP_ACCESS_TOKEN": WA_TOKEN, "WHATSAPP_APP_SECRET": WHATSAPP_APP_SECRET,
           "WHATSAPP_VERIFY_TOKEN": WHATSAPP_VERIFY, "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
           "WHATSAPP_API_URL": graph.url, "MEEDENKER_OUTBOX_POLL_SECONDS": "1"}
    if template:
        env["WHATSAPP_FOLLOWUP_TEMPLATE"] = template
    return env


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory, apis) -> Iterator[Dashboard]:
    running = start_dashboard(tmp_path_factory.mktemp("followup"), None, **channel_env(*apis))
    yield running
    stop_dashboard(running)


def agreed_ticket(web: Dashboard, channel: str, address: str) -> tuple[Any, str]:
    sender = conversation_id(channel, address, KEY)
    ticket = web.ticket(channel=channel, sender_id=sender, gemeente="Goes")
    assert Followups(web.store).agree(ticket.id, channel, sender, address)
    return ticket, sender


def last_message(web: Dashboard, sender: str, seconds_ago: float) -> None:
    """A resident's message in Rasa's events table, that long ago (the WhatsApp window)."""
    web.conversation(sender, [("user", "dank u")])
    engine = sa.create_engine(web.tracker_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE events SET timestamp = :t WHERE sender_id = :s"),
                     {"t": time.time() - seconds_ago, "s": sender})
    engine.dispose()


def close(web: Dashboard, client, ticket_id: str, status: str) -> None:
    page = client.get(f"/tickets/{ticket_id}").text
    version = page.split('name="version" value="', 1)[1].split('"', 1)[0]
    answer = client.post(f"/tickets/{ticket_id}/status", data={
        "csrf_token": CSRF.findall(page)[-1], "version": version, "status": status})
    assert answer.status_code == 303


def wait_status(web: Dashboard, ticket_id: str, wanted: str, timeout: float = 20) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ticket = web.store.get(ticket_id)
        if ticket.followup_status == wanted:
            return ticket
        time.sleep(0.2)
    raise AssertionError(f"{ticket_id}: follow-up {web.store.get(ticket_id).followup_status}, not {wanted}")


def test_closing_a_telegram_ticket_sends_one_question_and_the_press_is_recorded(web, apis, tmp_path, monkeypatch):
    bot_api, _graph = apis
    chat_id = "770011223"
    ticket, sender = agreed_ticket(web, "telegram", chat_id)
    client = web.signed_in(web.user("coordinator", ("Goes",)))
    close(web, client, ticket.id, "afgerond")
    wait_status(web, ticket.id, "sent")
    (sent,) = bot_api.calls("sendMessage", chat_id=chat_id)
    assert sent.body["text"] == (f"U vroeg ons om contact met een meedenker (nummer {ticket.id}). "
                                 "Had u contact met een meedenker? En hielp het?")
    buttons = [row[0] for row in sent.body["reply_markup"]["inline_keyboard"]]
    assert [b["callback_data"] for b in buttons] == [answer_payload(ticket.id, a)
                                                     for a in ("geholpen", "niet_geholpen", "geen_contact")]
    page = client.get(f"/tickets/{ticket.id}").text
    assert "verstuurd, nog geen antwoord" in page
    # Reopened and closed again: still one question.
    close(web, client, ticket.id, "toegewezen")
    close(web, client, ticket.id, "afgerond")
    time.sleep(3)
    assert len(bot_api.calls("sendMessage", chat_id=chat_id)) == 1

    press(bot_api, web, monkeypatch, chat_id, buttons[1]["callback_data"])
    stored = web.store.get(ticket.id)
    assert (stored.followup_status, stored.followup_answer) == ("answered", "niet_geholpen")
    thanks = bot_api.calls("sendMessage", chat_id=chat_id)[-1].body["text"]
    assert thanks.startswith("Dank u wel voor uw antwoord. Jammer dat het niet hielp.")
    assert "contact gehad, maar het hielp niet" in client.get(f"/tickets/{ticket.id}").text
    actions = [e.action for e in web.store.history(ticket.id)]
    assert actions.count("followup_sent") == 1 and actions[-1] == "followup_answered"


def press(bot_api: FakeApi, web: Dashboard, monkeypatch, chat_id: str, data: str) -> None:
    """A press on the question's button, through the Telegram channel's own code (no Rasa model)."""
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain

    from bot.ops.channel_settings import LimitSettings, TelegramSettings
    from bot.ops.settings import PROJECT_ROOT
    from channels import followup
    from channels.telegram import TelegramInput
    from channels.telegram_messages import parse_update
    from tests.integration.conftest import Messaging

    for key, value in base_env(Path(web.tracker_url.removeprefix("sqlite:///")).parent).items():
        monkeypatch.setenv(key, value)
    # The web process runs on SQLite; CI exports DATABASE_URL for the PostgreSQL tests.
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    reset_settings_cache()
    followup._followups.cache_clear()

    class App:
        class ctx:  # noqa: N801 - shaped like Sanic's request.app.ctx
            agent = type("Agent", (), {"nlg": TemplatedNaturalLanguageGenerator(
                Domain.load(str(PROJECT_ROOT / "domain.yml")).responses)})()

    request = type("Request", (), {"app": App})()
    channel = TelegramInput(TelegramSettings(TELEGRAM_TOKEN, TELEGRAM_SECRET, api_url=bot_api.url),
                            LimitSettings(), None, KEY)

    async def never(_message: Any) -> None:
        raise AssertionError("a follow-up answer must not reach Rasa")

    try:
        asyncio.run(channel._process(request, parse_update(Messaging.tg_press(int(chat_id), data)), never))
    finally:
        followup._followups.cache_clear()
        reset_settings_cache()


def test_whatsapp_within_24_hours_gets_buttons_later_the_template(web, apis):
    _bot_api, graph = apis
    client = web.signed_in(web.user("coordinator", ("Goes",)))
    recent, recent_sender = agreed_ticket(web, "whatsapp", "31611112222")
    last_message(web, recent_sender, seconds_ago=3600)
    old, old_sender = agreed_ticket(web, "whatsapp", "31633334444")
    last_message(web, old_sender, seconds_ago=2 * 24 * 3600)
    close(web, client, recent.id, "afgerond")
    close(web, client, old.id, "niet_bereikt")
    wait_status(web, recent.id, "sent")
    wait_status(web, old.id, "sent")
    (buttons,) = graph.calls("messages", to="31611112222")
    assert buttons.headers["Authorization"] == f"Bearer {WA_TOKEN}"
    assert buttons.body["type"] == "interactive"
    assert [b["reply"]["id"] for b in buttons.body["interactive"]["action"]["buttons"]] == [
        answer_payload(recent.id, a) for a in ("geholpen", "niet_geholpen", "geen_contact")]
    (template,) = graph.calls("messages", to="31633334444")
    assert template.body["type"] == "template" and template.body["template"]["name"] == TEMPLATE
    components = template.body["template"]["components"]
    assert components[0]["parameters"] == [{"type": "text", "text": old.id}]
    assert [c["parameters"][0]["payload"] for c in components[1:]] == [
        answer_payload(old.id, a) for a in ("geholpen", "niet_geholpen", "geen_contact")]
    assert json.dumps(template.body).count("31633334444") == 1  # the number only as the recipient


def test_without_a_template_an_old_whatsapp_conversation_is_not_written_to(tmp_path, apis):
    _bot_api, graph = apis
    web = start_dashboard(tmp_path, None, **channel_env(*apis, template=None))
    try:
        client = web.signed_in(web.user("coordinator", ("Goes",)))
        ticket, sender = agreed_ticket(web, "whatsapp", "31655556666")
        last_message(web, sender, seconds_ago=3 * 24 * 3600)
        close(web, client, ticket.id, "afgerond")
        stored = wait_status(web, ticket.id, "not_sent")
        assert stored.followup_address_encrypted is None
        assert graph.calls("messages", to="31655556666") == []
        (failed,) = [e for e in web.store.history(ticket.id) if e.action == "followup_failed"]
        assert "no WHATSAPP_FOLLOWUP_TEMPLATE" in failed.detail
        assert "niet verstuurd" in client.get(f"/tickets/{ticket.id}").text
    finally:
        stop_dashboard(web)
