"""What reaches Rasa from a resident: masked text, or a sealed form answer."""
from base64 import urlsafe_b64encode

from bot.intake import PLACEHOLDERS, guard, unseal

KEY = urlsafe_b64encode(b"s" * 32).decode()


def test_outside_the_form_personal_numbers_are_masked_and_nothing_is_sealed():
    guarded = guard("bel me op 06 12345678 of mail a.b@example.nl", None, KEY)
    assert "12345678" not in guarded.text and "example.nl" not in guarded.text
    assert "sealed" not in guarded.metadata and set(guarded.metadata["pii_masked"]) == {"phone", "email"}


def test_a_name_in_the_form_is_sealed_and_only_the_placeholder_is_stored():
    guarded = guard("Fenna Wibaut", "naam", KEY)
    assert guarded.text == PLACEHOLDERS["naam"] and "Fenna" not in str(guarded.metadata)
    assert unseal(guarded.metadata, KEY) == "Fenna Wibaut"


def test_a_contact_detail_in_the_form_is_sealed():
    guarded = guard("mijn nummer is 06 48213377", "contact", KEY)
    assert guarded.text == PLACEHOLDERS["contact"] and "48213377" not in str(guarded.metadata)
    assert unseal(guarded.metadata, KEY) == "mijn nummer is 06 48213377"


def test_a_crisis_or_a_stop_inside_the_form_is_never_sealed():
    assert guard("ik wil er niet meer zijn", "naam", KEY).text == "ik wil er niet meer zijn"
    assert guard("stop", "naam", KEY).text == "stop"


def test_an_invalid_contact_answer_is_masked_not_sealed():
    guarded = guard("weet ik niet", "contact", KEY)
    assert guarded.text == "weet ik niet" and unseal(guarded.metadata, KEY) is None
