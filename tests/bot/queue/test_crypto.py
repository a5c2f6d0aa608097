import pytest

from bot.queue.crypto import ContactCipher, InvalidSecretKeyError, SenderHasher, WrongSecretKeyError
from tests.bot.queue.helpers import EMAIL, KEY, NAME, OTHER_KEY, PHONE


def test_contact_round_trip_without_plaintext_in_the_token():
    contact = {"name": NAME, "phone": PHONE, "email": EMAIL}
    token = ContactCipher(KEY).encrypt(contact)
    assert not any(value in token for value in contact.values())
    assert ContactCipher(KEY).decrypt(token) == contact


def test_wrong_key_is_a_clear_error_without_the_secret():
    token = ContactCipher(KEY).encrypt({"name": NAME})
    with pytest.raises(WrongSecretKeyError) as error:
        ContactCipher(OTHER_KEY).decrypt(token)
    message = str(error.value)
    assert "MEEDENKER_SECRET_KEY" in message and "not the key" in message
    assert KEY not in message and OTHER_KEY not in message


@pytest.mark.parametrize("bad", ["", "short", "x" * 44, KEY[:-4]])
def test_malformed_key_names_the_setting_not_the_value(bad):
    with pytest.raises(InvalidSecretKeyError, match="MEEDENKER_SECRET_KEY") as error:
        ContactCipher(bad)
    assert not bad or bad not in str(error.value)


def test_sender_hash_is_keyed_and_channel_specific():
    hasher = SenderHasher(KEY)
    digest = hasher("telegram", "12345")
    assert digest == SenderHasher(KEY)("telegram", "12345")
    assert len(digest) == 64 and "12345" not in digest
    assert digest != hasher("whatsapp", "12345")
    assert digest != SenderHasher(OTHER_KEY)("telegram", "12345")
