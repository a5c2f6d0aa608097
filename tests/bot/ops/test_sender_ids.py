import pytest

from bot.ops.sender_ids import conversation_id, platform_id

KEY = "k" * 44


def test_stable_per_channel_and_never_the_number():
    first = conversation_id("whatsapp", "31612345678", KEY)
    assert first == conversation_id("whatsapp", "31612345678", KEY)
    assert first.startswith("whatsapp-") and "31612345678" not in first
    assert first != conversation_id("telegram", "31612345678", KEY)
    assert first != conversation_id("whatsapp", "31612345678", "x" * 44)


@pytest.mark.parametrize("channel,given,expected", [
    ("whatsapp", "+31 6 1234 5678", "31612345678"), ("whatsapp", "0031-6-12345678", "31612345678"),
    ("whatsapp", "31612345678", "31612345678"), ("telegram", " 7100001 ", "7100001"), ("telegram", "-100123", "-100123"),
])
def test_platform_ids_as_the_platform_sends_them(channel, given, expected):
    assert platform_id(channel, given) == expected


@pytest.mark.parametrize("channel,given", [("whatsapp", "06 1234"), ("whatsapp", "abc"), ("telegram", "@naam"),
                                           ("rest", "123")])
def test_bad_platform_ids_are_refused(channel, given):
    with pytest.raises(ValueError):
        platform_id(channel, given)
