import pytest

from bot.language import is_english


@pytest.mark.parametrize("text", ["I want to kill myself", "my husband hits me", "Do you speak English?",
                                  "Hi, I need help with my rent please"])
def test_english_is_recognised(text):
    assert is_english(text)


@pytest.mark.parametrize("text", ["ik wil een mens spreken", "help me", "mijn partner is boos op me",
                                  "ik heb een job nodig", "hallo", "😢"])
def test_dutch_is_not_english(text):
    assert not is_english(text)
