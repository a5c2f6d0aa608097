import hashlib
import hmac

import pytest

from channels.limits import MAX_MESSAGE_CHARS
from channels.menus import Choice
from channels.whatsapp_messages import WebhookError, parse_webhook, read_delivery, render, signature_ok

PHONE_ID = "1098765"


def webhook(*messages, statuses=None, phone_id=PHONE_ID, field="messages"):
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": phone_id}}
    if messages:
        value["messages"] = list(messages)
    if statuses is not None:
        value["statuses"] = statuses
    return {"object": "whatsapp_business_account", "entry": [{"id": "W", "changes": [{"value": value, "field": field}]}]}


def text(body, wa_id="31612345678", message_id="wamid.1"):
    return {"from": wa_id, "id": message_id, "type": "text", "text": {"body": body}}


def test_signature_is_hmac_sha256_of_the_raw_body():
    raw = b'{"a": 1}'
    good = "sha256=" + hmac.new(b"secret-0123456789", raw, hashlib.sha256).hexdigest()
    assert signature_ok(raw, good, "secret-0123456789")
    assert signature_ok(raw, good.upper().replace("SHA256=", "sha256="), "secret-0123456789")
    assert not signature_ok(raw + b" ", good, "secret-0123456789")
    assert not signature_ok(raw, good, "other-secret-0123456")
    for bad in (None, "", "sha1=abc", good[7:], "sha256="):
        assert not signature_ok(raw, bad, "secret-0123456789")


def test_text_messages_in_order():
    events = parse_webhook(webhook(text(" hoi\x07 ", message_id="m1"), text("/bevestigen", message_id="m2")), PHONE_ID)
    assert [(e.kind, e.wa_id, e.message_id, e.text) for e in events] == [
        ("text", "31612345678", "m1", "hoi"), ("text", "31612345678", "m2", "bevestigen")]


def test_button_and_list_replies_carry_the_payload():
    button = {"from": "316", "id": "m1", "type": "interactive",
              "interactive": {"type": "button_reply", "button_reply": {"id": "/bevestigen", "title": "Ja"}}}
    button["from"] = "31612345678"
    listed = dict(button, id="m2", interactive={"type": "list_reply", "list_reply": {"id": "ochtend", "title": "x"}})
    template = {"from": "31612345678", "id": "m3", "type": "button", "button": {"payload": "/ontkennen", "text": "Nee"}}
    events = parse_webhook(webhook(button, listed, template), PHONE_ID)
    assert [(e.kind, e.text) for e in events] == [("button", "/bevestigen"), ("button", "ochtend"), ("button", "/ontkennen")]


@pytest.mark.parametrize("kind", ["image", "audio", "video", "document", "sticker", "location", "contacts", "unsupported"])
def test_media_are_unsupported(kind):
    [event] = parse_webhook(webhook({"from": "31612345678", "id": "m", "type": kind, kind: {}}), PHONE_ID)
    assert event.kind == "unsupported"


def test_statuses_other_numbers_reactions_and_empty_texts_are_skipped():
    assert parse_webhook(webhook(statuses=[{"id": "wamid.1", "status": "read"}]), PHONE_ID) == []
    assert parse_webhook(webhook(text("hoi"), phone_id="999999"), PHONE_ID) == []
    assert parse_webhook(webhook(text("hoi"), field="account_update"), PHONE_ID) == []
    reaction = {"from": "31612345678", "id": "m", "type": "reaction", "reaction": {"emoji": "x"}}
    assert parse_webhook(webhook(reaction, text("   ")), PHONE_ID) == []


def test_a_too_long_text_is_flagged():
    [event] = parse_webhook(webhook(text("a" * (MAX_MESSAGE_CHARS + 1))), PHONE_ID)
    assert event.kind == "too_long"


@pytest.mark.parametrize("data", [
    None, [], {}, {"object": "page", "entry": []}, {"object": "whatsapp_business_account"},
])
def test_what_is_not_a_webhook_is_refused(data):
    with pytest.raises(WebhookError):
        parse_webhook(data, PHONE_ID)


@pytest.mark.parametrize("bad", [
    text("hoi", wa_id="+31 6 1234"), text("hoi", wa_id=31612345678), text("hoi", message_id=""), "not a message",
])
def test_one_malformed_message_is_skipped_and_the_valid_ones_are_kept(bad):
    # Issue 28: the whole delivery used to be refused, so the valid message was never answered.
    delivery = read_delivery(webhook(text("eerste", message_id="m1"), bad, text("laatste", message_id="m2")), PHONE_ID)
    assert [e.text for e in delivery.events] == ["eerste", "laatste"]
    assert len(delivery.skipped) == 1


@pytest.mark.parametrize("data", [
    {"object": "whatsapp_business_account", "entry": [5]},
    {"object": "whatsapp_business_account", "entry": [{"changes": [
        {"field": "messages", "value": {"metadata": {"phone_number_id": PHONE_ID}, "messages": "x"}}]}]},
])
def test_a_malformed_entry_or_list_is_skipped(data):
    delivery = read_delivery(data, PHONE_ID)
    assert delivery.events == [] and len(delivery.skipped) == 1


def test_render_reply_buttons_list_and_numbered_text():
    two = [Choice("Ja, dat klopt", "/bevestigen"), Choice("Nee, het is anders", "/ontkennen")]
    out = render("316", "Klopt dat?", two, "Kies een antwoord", "Typ het nummer.")
    [body] = out.bodies
    assert body["type"] == "interactive" and body["interactive"]["type"] == "button" and out.menu == []
    assert [b["reply"] for b in body["interactive"]["action"]["buttons"]] == [
        {"id": "/bevestigen", "title": "Ja, dat klopt"}, {"id": "/ontkennen", "title": "Nee, het is anders"}]

    six = [Choice(f"Keuze {n}", f"/k{n}") for n in range(6)]
    [body] = render("316", "Kies", six, "Kies een antwoord", "Typ het nummer.").bodies
    assert body["interactive"]["type"] == "list" and body["interactive"]["action"]["button"] == "Kies een antwoord"
    assert len(body["interactive"]["action"]["sections"][0]["rows"]) == 6

    eleven = [Choice(f"Keuze {n}", f"/k{n}") for n in range(11)]
    out = render("316", "Kies", eleven, "Kies een antwoord", "Typ het nummer.")
    assert out.bodies[0]["type"] == "text" and "11. Keuze 10" in out.bodies[0]["text"]["body"]
    assert out.menu == [c.payload for c in eleven]


def test_long_titles_fall_back_from_buttons_to_a_list_to_numbered_text():
    medium = [Choice("Werk of dagbesteding!", "/a"), Choice("Nee", "/b")]  # 21 > 20, fits a list row
    assert render("316", "X", medium, "Kies", "Typ.").bodies[0]["interactive"]["type"] == "list"
    long = [Choice("Iemand die het zelf meemaakte", "x"), Choice("Nee", "/b")]  # 29 > 24
    assert render("316", "X", long, "Kies", "Typ.").bodies[0]["type"] == "text"


def test_plain_text_is_split_at_the_limit():
    out = render("316", "Dit is een zin. " * 600, [], "Kies", "Typ.")
    assert len(out.bodies) == 3 and all(len(b["text"]["body"]) <= 4096 for b in out.bodies)
    assert all(b["to"] == "316" and b["messaging_product"] == "whatsapp" for b in out.bodies)
