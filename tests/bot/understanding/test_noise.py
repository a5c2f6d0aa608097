"""What counts as noise: no word in it could answer a question (bot/understanding/noise.py)."""
import pytest

from bot.understanding.noise import is_noise


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


def test_a_text_asked_about_again_is_judged_once_and_the_text_is_not_kept(monkeypatch):
    from bot.understanding import noise

    judged = []
    original = noise._judge
    monkeypatch.setattr(noise, "_judge", lambda text: judged.append(text) or original(text))
    text = "mijn buurman Jan de Vries belt elke nacht aan (bericht 7)"
    assert [is_noise(text) for _ in range(5)] == [False] * 5
    assert is_noise("asdfgh qwer (7)") and is_noise("asdfgh qwer (7)")
    assert judged == [text, "asdfgh qwer (7)"]
    assert all(isinstance(key, bytes) and len(key) == 16 for key in noise._judged)
    assert not any(b"Vries" in key for key in noise._judged)


def test_the_kept_judgements_stay_bounded(monkeypatch):
    from bot.understanding import noise

    from bot.conversation.recent import Recent

    monkeypatch.setattr(noise, "_judged", Recent(50))
    for n in range(200):
        assert not is_noise(f"ik heb een vraag over zorg nummer {n}")
    assert len(noise._judged) == 50
