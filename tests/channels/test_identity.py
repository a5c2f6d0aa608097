from channels.identity import conversation_id

KEY = "k" * 44


def test_stable_per_channel_and_never_the_number():
    first = conversation_id("whatsapp", "31612345678", KEY)
    assert first == conversation_id("whatsapp", "31612345678", KEY)
    assert first.startswith("whatsapp-") and "31612345678" not in first
    assert first != conversation_id("telegram", "31612345678", KEY)
    assert first != conversation_id("whatsapp", "31612345678", "x" * 44)
