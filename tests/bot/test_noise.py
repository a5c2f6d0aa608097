"""What counts as noise: no word in it could answer a question (bot/noise.py)."""
import pytest

from bot.noise import is_noise


@pytest.mark.parametrize("text", [
    "", "   ", "?", "??", "...", "k", "j", "x", "hmm", "Hmmm...", "ehm", "uhm?", "😀", "🙈🙈🙈", "👍",
    "xyz", "asdfgh", "qwerty", "sdkfjhsdf", "jkljkl", "aaaaa", "asdf jkl", "zxcvbn!",
])
def test_noise(text):
    assert is_noise(text)


@pytest.mark.parametrize("text", [
    "ja", "nee", "ok", "oké", "prima", "ja hoor", "hmm ja", "hmm nee", "Sanne", "Bo", "Jo", "06 12345678",
    "0612345678", "Goes", "'s-Hertogenbosch", "Schiermonnikoog", "ochtend", "dinsdagochtend",
    "maakt niet uit", "ggz", "pgb", "thx", "ik wil een mens", "/bevestigen", "82",
])
def test_words_that_can_answer_are_not_noise(text):
    assert not is_noise(text)
