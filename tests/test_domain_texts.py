"""Every bot text in domain.yml: plain Dutch at B1 (Flesch-Douma >= 60, no sentence over 20
words), every placeholder filled from configuration, and the right promises in the right places."""
from __future__ import annotations

import re
import string

import pytest
import textstat
import yaml

from bot.municipality.helplines import load_helplines
from bot.ops.settings import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
ENGLISH: set[str] = set()  # responses that exist in English only (none: English is a variation)


def _is_english(variant: dict) -> bool:
    """A variation for residents who write English or another language (Rasa picks it by the slot
    `taal`; the five other languages of issue 27 are checked in tests/bot/understanding/test_languages.py)."""
    return any(c.get("name") == "taal" and c.get("value") != "nl" for c in variant.get("condition") or [])


def _is_je(variant: dict) -> bool:
    """A variation for a young resident who writes informally (slot `aanspreek`, bot/conversation/tone.py)."""
    return any(c.get("name") == "aanspreek" and c.get("value") == "je" for c in variant.get("condition") or [])


# Dutch text of each response (its variation without a language condition, the last such one).
RESPONSES = {name: variant["text"] for name, variants in DOMAIN["responses"].items()
             for variant in variants if not _is_english(variant) and not _is_je(variant)}
# Every variation, Dutch and English, keyed by "name#index".
VARIANTS = {f"{name}#{i}": (variant["text"], _is_english(variant) or name in ENGLISH)
            for name, variants in DOMAIN["responses"].items() for i, variant in enumerate(variants)}
# Placeholders filled by actions from the resident's own words (not from configuration).
DIALOGUE_VALUES = {
    "onderwerpen": "wonen en geld", "kernwoorden": "'huur' en 'schulden'",
    "suggesties": "Goes of Gouda", "referentie": "MD-4K7P2Q",
    "uiterlijk": "dinsdag 1 december", "open_weer": "maandag 30 november om 9 uur",
    "organisaties": "SMWO: helpt bij alle vragen.",
    "contacten": "Gemeente Goes: www.goes.nl. Bel vandaag de gemeente. Zeg dat het niet kan wachten.",
    "naam": "F.", "bereik": "…5678", "moment": "dinsdag, in de ochtend", "gemeente": "Zaanstad", "voorkeur": "geen",
    "plaats": "Zaandam", "suggestie": "Rotterdam",
    "kantoortijd": "maandag tot en met donderdag 9.00 tot 17.00 uur; vrijdag 9.00 tot 16.00 uur",  # office_hours.yml
    "gemeenten": "Borsele, Goes of Tholen",  # the sociale kaart's regions (bot/understanding/coverage.py)
    "antwoord": "Een meedenker is gratis. U betaalt niets.",  # answers from config/faq.yml (tests/bot/conversation/test_faq.py)
}


def filled(text: str) -> str:
    values = dict(load_helplines(PROJECT_ROOT / "config" / "helplines.yml").template_values(), **DIALOGUE_VALUES)
    return text.format(**values)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?።؟])\s+", text) if s.strip()]  # ። ends a Tigrinya sentence


def test_every_placeholder_is_known():
    for name, (text, _) in VARIANTS.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        assert filled(text), name
        assert fields <= set(load_helplines(PROJECT_ROOT / "config" / "helplines.yml").template_values()) | set(DIALOGUE_VALUES), name


@pytest.mark.parametrize("name", sorted(k for k, (_, english) in VARIANTS.items() if not english))
def test_response_is_plain_dutch(name):
    text = filled(VARIANTS[name][0])
    textstat.set_lang("nl")
    score = textstat.flesch_reading_ease(text)
    assert score >= 60, f"{name}: Flesch-Douma {score:.1f} < 60"
    longest = max(len(s.split()) for s in sentences(text))
    assert longest <= 20, f"{name}: a sentence of {longest} words"


JE_VARIANTS = {f"{name}#{i}" for name, variants in DOMAIN["responses"].items()
               for i, variant in enumerate(variants) if _is_je(variant)}


def test_uses_u_not_je_except_in_the_je_variations():
    for name, (text, english) in VARIANTS.items():
        if english:
            continue
        if name in JE_VARIANTS:
            assert not re.search(r"\b(u|uw|uzelf)\b", text), name
        else:
            assert not re.search(r"\b(je|jij|jouw)\b", text, re.IGNORECASE), name


def _u_counterpart(name: str, je_variant: dict) -> str:
    """The "u" text a "je" variation stands for: the Dutch variation with the same other conditions (the safety
    check has one per suspected route), else the response's Dutch default."""
    others = [c for c in je_variant.get("condition") or [] if c.get("name") != "aanspreek"]
    for variant in DOMAIN["responses"][name]:
        if not _is_je(variant) and (variant.get("condition") or []) == others and others:
            return variant["text"]
    return RESPONSES[name]


def test_every_je_variation_has_a_dutch_default_with_the_same_placeholders():
    for key in JE_VARIANTS:
        name, index = key.split("#")
        fields = {f for _, f, _, _ in string.Formatter().parse(VARIANTS[key][0]) if f}
        counterpart = _u_counterpart(name, DOMAIN["responses"][name][int(index)])
        assert fields == {f for _, f, _, _ in string.Formatter().parse(counterpart) if f}, key


@pytest.mark.parametrize("name", ["utter_groet", "utter_buiten_bereik", "utter_niet_begrepen",
                                  "utter_crisis_blijf", "utter_crisis_113_blijf", "utter_crisis_vt_blijf",
                                  "utter_crisis_112_blijf"])
def test_says_it_is_a_computer(name):
    assert "computer" in RESPONSES[name]


@pytest.mark.parametrize("name", ["utter_groet", "utter_afscheid", "utter_storing",
                                  "utter_aanbod_meedenker"])
def test_says_how_to_reach_a_human(name):
    assert re.search(r"meedenker|mens|person", RESPONSES[name])


@pytest.mark.parametrize("name,numbers", [
    ("utter_crisis_113", ["{zmp_telefoon}", "{zmp_gratis}", "{zmp_chat}", "{nood_telefoon}"]),
    ("utter_crisis_112", ["{nood_telefoon}"]),
    ("utter_crisis_veilig_thuis", ["{veilig_thuis_telefoon}", "{nood_telefoon}"]),
    ("utter_luisterlijn", ["{luisterlijn_telefoon}", "{luisterlijn_chat}"]),
    ("utter_storing", ["{nood_telefoon}", "{zmp_telefoon}", "{zmp_gratis}", "{veilig_thuis_telefoon}"]),
])
def test_numbers_come_from_configuration(name, numbers):
    for placeholder in numbers:
        assert placeholder in RESPONSES[name]


def test_dial_buttons_use_configured_numbers():
    values = load_helplines(PROJECT_ROOT / "config" / "helplines.yml").template_values()
    for name, variants in DOMAIN["responses"].items():
        for button in (b for v in variants for b in v.get("buttons", [])):
            if "url" in button:
                assert button["url"].format(**values).startswith("tel:"), name
                assert not re.search(r"\d", button["url"]), f"{name}: a number written into domain.yml"


def test_no_response_asks_for_a_bsn():
    for name, text in RESPONSES.items():
        if "BSN" in text or "burgerservicenummer" in text:
            assert name == "utter_geen_bsn"


@pytest.mark.parametrize("name", sorted(k for k, (_, english) in VARIANTS.items() if english))
def test_english_variations_are_short_and_plain(name):
    # textstat's English syllable counter needs a download; sentence length is what we can measure.
    parts = sentences(filled(VARIANTS[name][0]))
    assert max(len(s.split()) for s in parts) <= 20, name
    assert sum(len(s.split()) for s in parts) / len(parts) <= 12, name


@pytest.mark.parametrize("route,number", [("crisis_113", "{zmp_gratis}"), ("crisis_112", "{nood_telefoon}"),
                                          ("crisis_veilig_thuis", "{veilig_thuis_telefoon}")])
def test_every_crisis_route_has_an_english_reply_and_a_safety_check_with_its_number(route, number):
    english = [v["text"] for v in DOMAIN["responses"][f"utter_{route}"] if _is_english(v)]
    assert english and number in english[0]
    checks = [v for v in DOMAIN["responses"]["utter_veiligheid_check"]
              if {"name": "vermoedelijke_crisis", "type": "slot", "value": route} in (v.get("condition") or [])]
    assert len(checks) == 3 and all(number in v["text"] for v in checks)  # Dutch "u", Dutch "je", English
    assert all([b.get("payload") for b in v["buttons"]][:2] == ["/bevestigen", "/ontkennen"] for v in checks)


def test_safety_check_without_a_suspected_route_shows_every_number():
    default = [v["text"] for v in DOMAIN["responses"]["utter_veiligheid_check"] if not v.get("condition")]
    assert len(default) == 1
    for number in ("{nood_telefoon}", "{zmp_gratis}", "{veilig_thuis_telefoon}"):
        assert number in default[0]
