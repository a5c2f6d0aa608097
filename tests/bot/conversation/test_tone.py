"""bot/conversation/tone.py: "je" to a young resident who writes informally, or to one who says "je"."""
import pytest

from bot.conversation.tone import JE, address


@pytest.mark.parametrize("text", [
    "kun je me helpen?",
    "weet jij waar ik heen moet",
    "ik ben 17 en mn pa heeft me eruit gegooid",
    "ik ben 16 ofzo en mijn ouders doen moeilijk",
    "zit op het mbo en ik heb ff geen plek",
    "dank je, ik ga het proberen",
    # Street talk says it on its own (residents' round 41).
    "yo ff eerlijk ik zit diep in de shit. heb alles vergokt, 4k schuld",
    "wollah mattie ik heb geen doekoe meer",
    # Teenagers' chat abbreviations (residents' round 47).
    "hoi. school is echt te veel rn ik ben zo kapot",
    "ngl ik trek het niet meer met mn huiswerk",
])
def test_je_for_young_informal_or_a_resident_who_says_je(text):
    assert address(text) == JE


@pytest.mark.parametrize("text", [
    "Geachte heer, mevrouw, ik ben 19 jaar en ik schrijf u over mijn huur.",
    "Ik heb schulden en de brieven stapelen zich op.",
    "als je geen geld hebt is alles lastig",  # "je" in general, not to the assistant
    "Mijn moeder van 84 woont alleen.",
    "Mijn broer woont in Goes en zijn yoga-les is dicht.",
    "Ik woon op de Frans Halsstraat en mijn buren maken veel lawaai.",
])
def test_u_otherwise(text):
    assert address(text) is None


@pytest.mark.parametrize("text", ["en je mag gewoon je zeggen hoor", "zeg maar je", "je mag me tutoyeren"])
def test_asking_to_be_called_je_is_heard(text):
    assert address(text) == "je"
