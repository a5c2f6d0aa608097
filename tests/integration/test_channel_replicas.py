"""Two Rasa replicas sharing PostgreSQL and Redis: a delivery that Telegram or Meta repeats, and that
reaches both replicas at the same moment, is processed exactly once."""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.channels.fake_apis import FakeApi
from tests.conftest import Servers, base_env, service_url
from tests.integration import conftest as channels

pytestmark = [pytest.mark.servers, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture(scope="module")
def two_replicas(tmp_path_factory):
    database_url, redis_url = service_url("DATABASE_URL"), service_url("REDIS_URL")
    bot_api, graph = FakeApi("telegram").start(), FakeApi("graph").start()
    var_dir = tmp_path_factory.mktemp("channel-replicas")
    env = base_env(var_dir, DATABASE_URL=database_url, REDIS_URL=redis_url,
                   TELEGRAM_BOT_TOKEN=channels.TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET=channels.TELEGRAM_SECRET,
                   TELEGRAM_API_URL=bot_api.url, WHATSAPP_ACCESS_TOKEN="EAAG-test-access-token-0123456789",
                   WHATSAPP_APP_SECRET=channels.WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN=channels.WHATSAPP_VERIFY,
                   WHATSAPP_PHONE_NUMBER_ID=channels.PHONE_NUMBER_ID, WHATSAPP_API_URL=graph.url)
    first = Servers(env, var_dir, with_actions=True).start()
    second = Servers(env, var_dir, with_actions=False, actions_url=first.env["ACTION_SERVER_URL"]).start()
    yield [channels.Messaging(first, bot_api, graph), channels.Messaging(second, bot_api, graph)]
    first.stop()
    second.stop()
    bot_api.stop()
    graph.stop()


def user_turns(replica: channels.Messaging, channel: str, platform_id) -> int:
    events = replica.servers.tracker(replica.sender(channel, platform_id))["events"]
    return sum(1 for event in events if event["event"] == "user")


def test_a_whatsapp_message_delivered_to_both_replicas_at_once_is_answered_once(two_replicas):
    wa_id = str(31_650_000_000 + uuid.uuid4().int % 10_000_000)
    body = two_replicas[0].wa_webhook(two_replicas[0].wa_text(wa_id, "ik zoek werk", f"wamid.{uuid.uuid4().hex}"))
    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(lambda n: two_replicas[n % 2].wa_post(body).status_code, range(6)))
    assert statuses == [200] * 6
    reference = str(int(wa_id) + 1)  # the same message delivered once, for the count of one turn's replies
    once = two_replicas[0].wa_say(reference, "ik zoek werk")
    assert once and len(two_replicas[0].graph.calls(to=wa_id)) == len(once)
    assert user_turns(two_replicas[1], "whatsapp", wa_id) == 1
    # the same conversation continues on either replica
    assert two_replicas[1].wa_say(wa_id, "ja") and user_turns(two_replicas[0], "whatsapp", wa_id) == 2


def test_a_telegram_update_delivered_to_both_replicas_at_once_is_answered_once(two_replicas):
    chat = 740_000_000 + uuid.uuid4().int % 1_000_000
    update = two_replicas[0].tg_message(chat, "ik zoek werk")
    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(lambda n: two_replicas[n % 2].tg_post(update).status_code, range(6)))
    assert statuses == [200] * 6
    assert user_turns(two_replicas[0], "telegram", chat) == 1
    once = two_replicas[1].tg_say(chat + 1, "ik zoek werk")  # delivered once: one turn's replies
    assert once and len(two_replicas[0].bot_api.calls("sendMessage", chat_id=chat)) == len(once)
