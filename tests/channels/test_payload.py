import json

import pytest

from channels.payload import MAX_MESSAGE_CHARS, PayloadError, is_button_payload, parse_body


def body(**data) -> bytes:
    return json.dumps(data).encode()


def test_a_normal_message():
    incoming = parse_body(body(sender="u-1", message="  ik heb schulden  ", metadata={"message_id": "m1"}))
    assert (incoming.sender, incoming.text, incoming.message_id) == ("u-1", "ik heb schulden", "m1")


@pytest.mark.parametrize("raw,code,status", [
    (b"{broken", "not_json", 400),
    (b"\xff\xfe\xfa", "not_json", 400),
    (b"[1, 2]", "not_json", 400),
    (body(message="hoi"), "no_sender", 400),
    (body(sender="../../etc", message="hoi"), "no_sender", 400),
    (body(sender="u", message=""), "empty", 400),
    (body(sender="u", message="\x00\x01  "), "empty", 400),
    (body(sender="u", message=42), "empty", 400),
    (body(sender="u", message="a" * (MAX_MESSAGE_CHARS + 1)), "too_long", 413),
    (b" " * (70 * 1024), "too_big", 413),
])
def test_bad_bodies_are_refused_with_a_code(raw, code, status):
    with pytest.raises(PayloadError) as error:
        parse_body(raw)
    assert (error.value.code, error.value.status) == (code, status)
    assert error.value.response_name == f"utter_invoer_{code}"


def test_emoji_and_html_are_kept_as_text():
    assert parse_body(body(sender="u", message="😢")).text == "😢"
    assert parse_body(body(sender="u", message="<b>hoi</b>")).text == "<b>hoi</b>"


def test_button_payloads_are_recognised():
    assert is_button_payload('/kies_leefgebied{"leefgebied":"wonen"}')
    assert is_button_payload("/bevestigen")
    assert not is_button_payload("/ ik typ gewoon iets")
    assert not is_button_payload("ik heb een vraag")


def test_every_error_code_has_a_response_in_the_domain():
    import yaml

    from bot.ops.settings import PROJECT_ROOT

    responses = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())["responses"]
    for code in ("not_json", "no_sender", "empty", "too_long", "too_big"):
        assert f"utter_invoer_{code}" in responses
