import pytest

from bot.understanding.language import is_english


@pytest.mark.parametrize("text", ["I want to kill myself", "my husband hits me", "Do you speak English?",
                                  "Hi, I need help with my rent please"])
def test_english_is_recognised(text):
    assert is_english(text)


@pytest.mark.parametrize("text", ["ik wil een mens spreken", "help me", "mijn partner is boos op me",
                                  "ik heb een job nodig", "hallo", "😢"])
def test_dutch_is_not_english(text):
    assert not is_english(text)


def test_a_short_message_keeps_the_conversations_language_unless_it_says_which():
    from bot.understanding.language import short_language
    assert short_language("yes", "nl") == "en" and short_language("yes please", "nl") == "en"
    assert short_language("ja", "en") == "nl" and short_language("nee", "en") == "nl"
    for text in ("ok", "Sanne", "06 1234 5678", "F.", "👍"):
        assert short_language(text, "nl") is None, text  # the slot keeps its value
    assert short_language("I cannot pay my rent this month", "en") == "en"
