"""The output channels' real HTTP clients against the fake APIs: numbered text and its menu."""
import asyncio

import httpx

from bot.ops.channel_settings import TelegramSettings, WhatsAppSettings
from channels.menus import Choice, chosen
from channels.state import MemoryState
from channels.telegram import TelegramOutput, make_bot
from channels.whatsapp import WhatsAppOutput
from tests.channels.fake_apis import FakeApi

LONG = [Choice("Iemand die het zelf meemaakte", "ervaringsdeskundige"), Choice("Maakt niet uit", "maakt niet uit")]


async def label(name: str) -> str:
    return {"utter_kanaal_kies": "Kies een antwoord", "utter_kanaal_typ_nummer": "Typ het nummer."}[name]


def test_whatsapp_numbered_text_when_titles_are_too_long_and_the_number_maps_back():
    graph = FakeApi("graph").start()
    config = WhatsAppSettings("EAAG" + "x" * 30, "a" * 32, "v" * 20, "1234567", api_url=graph.url)

    async def scenario():
        state = MemoryState()
        async with httpx.AsyncClient() as client:
            output = WhatsAppOutput(client, config, "31612345678", state, "whatsapp-abc", label)
            await output.send_response("whatsapp-abc", {"text": "Wie wilt u?", "buttons": [
                {"title": c.title, "payload": c.payload} for c in LONG]})
        return await state.take_menu("whatsapp-abc")

    try:
        menu = asyncio.run(scenario())
        [call] = graph.calls("/v21.0/1234567/messages")
    finally:
        graph.stop()
    assert call.headers["Authorization"] == "Bearer EAAG" + "x" * 30
    assert call.body["type"] == "text"
    assert "1. Iemand die het zelf meemaakte\n2. Maakt niet uit" in call.body["text"]["body"]
    assert chosen("1", menu) == "ervaringsdeskundige"


def test_telegram_long_text_is_split_and_the_keyboard_rides_on_the_last_piece():
    bot_api = FakeApi("telegram").start()
    config = TelegramSettings("123456789:AAH" + "x" * 32, "s" * 20, api_url=bot_api.url)

    async def scenario():
        bot = make_bot(config)
        output = TelegramOutput(bot, 42, MemoryState(), "telegram-abc", label)
        await output.send_response("telegram-abc", {"text": "Dit is een zin. " * 600, "buttons": [
            {"title": "Ja", "payload": "/bevestigen"}, {"title": "Bel 113", "url": "tel:113"}]})
        await bot.shutdown()

    try:
        asyncio.run(scenario())
        calls = bot_api.calls("sendMessage")
    finally:
        bot_api.stop()
    assert len(calls) == 3 and all(len(c.body["text"]) <= 4096 for c in calls)
    assert all(c.path == f"/bot{config.bot_token}/sendMessage" for c in calls)
    assert "reply_markup" not in calls[0].body
    assert calls[-1].body["reply_markup"] == {"inline_keyboard": [[{"text": "Ja", "callback_data": "/bevestigen"}]]}
