import pytest

from bot.understanding.privacy import MASK_BSN, MASK_EMAIL, MASK_IBAN, MASK_PHONE, is_valid_bsn, is_valid_iban, mask_pii


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "1112 22 333", "111.222.333"])
def test_valid_bsn_is_masked(bsn):
    masked = mask_pii(f"mijn bsn is {bsn} hoor")
    assert masked.text == f"mijn bsn is {MASK_BSN} hoor"
    assert masked.had_bsn


def test_nine_digits_failing_the_11_proef_are_kept():
    assert not is_valid_bsn("123456789")
    assert mask_pii("klantnummer 123456789").text == "klantnummer 123456789"


@pytest.mark.parametrize("phone", ["06-12345678", "0612345678", "06 1234 5678", "010-1234567",
                                   "+31 6 12345678", "+31612345678", "0031 20 123 4567", "+44 20 7946 0958"])
def test_phone_numbers_are_masked(phone):
    assert mask_pii(f"bel me op {phone} aub").text == f"bel me op {MASK_PHONE} aub"


def test_email_and_iban_are_masked():
    masked = mask_pii("mail naar jan.de.vries@example.nl of stort op NL91 ABNA 0417 1643 00")
    assert masked.text == f"mail naar {MASK_EMAIL} of stort op {MASK_IBAN}"
    assert set(masked.kinds) == {"email", "iban"}


def test_iban_check_rejects_lookalikes():
    assert is_valid_iban("NL91ABNA0417164300")
    assert not is_valid_iban("NL91ABNA0417164301")


@pytest.mark.parametrize("text", [
    "ik ben 19 en heb 2500 euro schuld",
    "mijn moeder is 84 jaar en woont op nummer 12",
    "ik betaal 850 per maand huur sinds 2019",
    "😢😢😢",
])
def test_ordinary_numbers_and_text_are_untouched(text):
    masked = mask_pii(text)
    assert masked.text == text and masked.kinds == ()


def test_phone_number_glued_to_a_word_is_masked():
    # Found by the fuzz run: a number typed straight after letters stayed in the tracker store.
    assert mask_pii("belmij0611307383 graag").text == "belmij[TELEFOON] graag"
    assert mask_pii("bel 0611307383graag").text == "bel [TELEFOON]graag"
    assert mask_pii("mijnbsn111222333").text == "mijnbsn[BSN]"
    assert mask_pii("code AB1234567890123").text == "code AB1234567890123"
