import pytest
import yaml

from bot.ops.settings import PROJECT_ROOT
from channels.limits import MAX_MESSAGE_CHARS
from channels.menus import Choice, Link, choices_and_links
from channels.telegram_messages import CALLBACK_DATA_BYTES, UpdateError, keyboard_rows, parse_update


def message(text=None, chat_type="private", chat_id=42, **extra):
    body = {"message_id": 1, "date": 0, "chat": {"id": chat_id, "type": chat_type},
            "from": {"id": chat_id, "is_bot": False, "first_name": "A"}, **extra}
    if text is not None:
        body["text"] = text
    return {"update_id": 7, "message": body}


def test_a_private_text_message():
    event = parse_update(message("  ik heb schulden\x00 "))
    assert (event.kind, event.update_id, event.chat_id, event.text) == ("text", 7, 42, "ik heb schulden")


@pytest.mark.parametrize("text", ["/start", "/start abc", "/start@meedenker_bot"])
def test_start_is_a_greeting(text):
    event = parse_update(message(text))
    assert (event.kind, event.text) == ("start", "/groet")


def test_a_typed_command_is_text_not_an_intent():
    assert parse_update(message("/bevestigen")).text == "bevestigen"
    assert parse_update(message("/startpagina")).kind == "text"


def test_a_callback_query_carries_the_payload_and_its_id():
    update = {"update_id": 8, "callback_query": {"id": "cq1", "from": {"id": 42}, "data": "/bevestigen",
                                                 "message": {"message_id": 3, "chat": {"id": 42, "type": "private"}}}}
    event = parse_update(update)
    assert (event.kind, event.chat_id, event.text, event.callback_id) == ("button", 42, "/bevestigen", "cq1")


def test_a_callback_without_message_is_answered_but_ignored():
    event = parse_update({"update_id": 8, "callback_query": {"id": "cq1", "from": {"id": 42}, "data": "x"}})
    assert (event.kind, event.callback_id) == ("ignore", "cq1")


@pytest.mark.parametrize("extra", [{"sticker": {}}, {"photo": [{}]}, {"voice": {}}, {"location": {}}, {"document": {}}])
def test_media_are_unsupported(extra):
    assert parse_update(message(None, **extra)).kind == "unsupported"


def test_edited_messages_groups_bots_and_service_updates():
    edited = message("hoi")
    edited["edited_message"] = edited.pop("message")
    assert parse_update(edited).kind == "edited"
    assert parse_update(message("ik heb schulden", chat_type="group")).kind == "ignore"
    assert parse_update(message("/start", chat_type="supergroup")).kind == "group"
    bot = message("hoi")
    bot["message"]["from"]["is_bot"] = True
    assert parse_update(bot).kind == "ignore"
    assert parse_update(message(None, new_chat_members=[{}])).kind == "ignore"
    assert parse_update({"update_id": 9, "my_chat_member": {}}).kind == "ignore"
    assert parse_update({"update_id": 9, "channel_post": {"text": "x"}}).kind == "ignore"


def test_a_too_long_text_is_flagged():
    assert parse_update(message("a" * (MAX_MESSAGE_CHARS + 1))).kind == "too_long"


@pytest.mark.parametrize("data", [None, [], "x", 5, {}, {"update_id": "1"}, {"update_id": True},
                                  {"update_id": 1, "callback_query": {"data": "x"}}])
def test_what_is_not_an_update_is_refused(data):
    with pytest.raises(UpdateError):
        parse_update(data)


def test_broken_inner_shapes_are_ignored_not_errors():
    assert parse_update({"update_id": 1, "message": {"chat": "x"}}).kind == "ignore"
    assert parse_update({"update_id": 1, "message": {"chat": {"id": "42"}}}).kind == "ignore"
    assert parse_update({"update_id": 1, "message": {"chat": {"id": 42, "type": "private"}, "text": 5}}).kind == "ignore"


def test_keyboard_one_button_per_row_and_http_links_only():
    choices, links = choices_and_links([{"title": "Ja", "payload": "/bevestigen"}, {"title": "Bel", "url": "tel:113"},
                                        {"title": "Site", "url": "https://113.nl"}])
    assert links == [Link("Site", "https://113.nl")]
    assert keyboard_rows(choices, links) == [[{"text": "Ja", "callback_data": "/bevestigen"}],
                                             [{"text": "Site", "url": "https://113.nl"}]]


def test_a_payload_too_long_for_callback_data_asks_for_numbered_text():
    assert keyboard_rows([Choice("Lang", "/x" + "a" * CALLBACK_DATA_BYTES)], []) is None


def test_every_button_payload_in_the_domain_fits_telegram():
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    for name, variants in domain["responses"].items():
        for variant in variants:
            for button in variant.get("buttons", []):
                if "payload" in button:
                    payload = button["payload"].replace("{{", "{").replace("}}", "}")
                    assert len(payload.encode()) <= CALLBACK_DATA_BYTES, name
