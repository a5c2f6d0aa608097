"""What reaches Rasa from a resident: masked text, or a sealed form answer."""
from base64 import urlsafe_b64encode

from bot.conversation.intake import (
    CANDIDATE_KEY,
    CANDIDATE_PLACEHOLDER,
    PLACEHOLDERS,
    SEALED_KEY,
    guard,
    guard_in_channel,
    settle,
    unseal,
)

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


def test_a_06_number_in_a_range_no_phone_has_is_sealed_so_the_form_can_say_what_is_wrong():
    # Residents' round 36: "0698765432" was masked, and the form answered "a mobile number has 10
    # digits and starts with 06" to a number that has both.
    guarded = guard("0698765432", "contact", KEY)
    assert guarded.text == PLACEHOLDERS["contact"] and "98765432" not in str(guarded.metadata)
    assert unseal(guarded.metadata, KEY) == "0698765432"


def test_a_contact_detail_with_a_message_beside_it_is_sealed_and_the_message_read_masked():
    text = "06 48213377, maar eerlijk gezegd zie ik het niet meer zitten"
    guarded = guard(text, "contact", KEY)
    assert guarded.text == "[TELEFOON], maar eerlijk gezegd zie ik het niet meer zitten"
    assert unseal(guarded.metadata, KEY) == text and guarded.metadata["pii_masked"] == ["phone"]


def test_a_crisis_or_a_stop_inside_the_form_is_never_sealed():
    assert guard("ik wil er niet meer zijn", "naam", KEY).text == "ik wil er niet meer zijn"
    assert guard("stop", "naam", KEY).text == "stop"


def test_an_invalid_contact_answer_is_masked_not_sealed():
    guarded = guard("weet ik niet", "contact", KEY)
    assert guarded.text == "weet ik niet" and unseal(guarded.metadata, KEY) is None


# --- Channel and lock: the decision to seal is taken with the form step read under the lock ---


def test_a_possible_name_leaves_the_channel_only_as_a_sealed_candidate():
    guarded = guard_in_channel("Fenna Wibaut", KEY)
    assert guarded.text == CANDIDATE_PLACEHOLDER and "Fenna" not in str(guarded.metadata)
    assert CANDIDATE_KEY in guarded.metadata and SEALED_KEY not in guarded.metadata


def test_a_candidate_at_the_name_step_is_sealed_under_the_lock():
    guarded = guard_in_channel("Fenna Wibaut", KEY)
    settled = settle(guarded.text, {**guarded.metadata, "message_id": "m1"}, "naam", KEY)
    assert settled.text == PLACEHOLDERS["naam"] and unseal(settled.metadata, KEY) == "Fenna Wibaut"
    assert CANDIDATE_KEY not in settled.metadata and settled.metadata["message_id"] == "m1"


def test_a_candidate_outside_the_form_becomes_masked_text_and_the_sealed_copy_is_dropped():
    guarded = guard_in_channel("06 48213377", KEY)
    assert guarded.text == CANDIDATE_PLACEHOLDER
    settled = settle(guarded.text, guarded.metadata, None, KEY)
    assert "48213377" not in settled.text and settled.metadata == {"pii_masked": ["phone"]}
    plain = settle(guard_in_channel("Goes", KEY).text, guard_in_channel("Goes", KEY).metadata, "gemeente", KEY)
    assert plain.text == "Goes" and plain.metadata == {}


def test_text_that_cannot_be_a_contact_answer_is_only_masked_in_the_channel():
    for text in ("ik wil er niet meer zijn", "stop", "asdfgh", "ik heb schulden en kan de huur niet betalen"):
        guarded = guard_in_channel(text, KEY)
        assert guarded.text == text and CANDIDATE_KEY not in guarded.metadata
        assert settle(guarded.text, guarded.metadata, "naam", KEY).text == text
