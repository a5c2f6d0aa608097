"""What happens to a resident's text on its way in, before Rasa stores or logs it.

- BSNs, phone numbers, e-mail addresses and IBANs are masked (bot/understanding/privacy.py).
- Inside the callback form, a name or contact detail typed on purpose is the one exception: its
  raw text is sealed (encrypted with the secret key) into the message metadata, and Rasa sees only
  a placeholder. The action unseals it; the tracker store never holds it in plain text.
A message with a crisis signal or a "stop" is never sealed, so the rules and the dialogue see it.

Whether a message answers a contact step depends on the conversation's form step, and only the
Rasa process knows that reliably: under the conversation lock, after the previous message is done
(issue 9: a name sent while "ja" was still being handled was stored in plain text). So a channel
calls `guard_in_channel`, which masks the text and, when the text could be a name or contact
detail, replaces it by a neutral placeholder and carries it encrypted as a candidate; the
hook in addons/rasa_patches/turns.py then calls `settle` with the tracker's form step, under the
lock, to seal it or to turn it back into masked text and drop the sealed copy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from bot.conversation.callback_form import CONTACT_STEPS, is_cancel
from bot.conversation.contact import is_unassigned_mobile, parse_contact, parse_name
from bot.understanding.crisis import detect_crisis
from bot.understanding.noise import is_noise
from bot.understanding.privacy import mask_pii
from bot.queue.crypto import ContactCipher

SEALED_KEY = "sealed"
CANDIDATE_KEY = "sealed_candidate"
PLACEHOLDERS = {"naam": "[NAAM]", "contact": "[CONTACTGEGEVENS]"}
CANDIDATE_PLACEHOLDER = "[BERICHT]"
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Guarded:
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


def _is_contact_answer(step: str, text: str) -> bool:
    if detect_crisis(text) is not None or is_cancel(text) or is_noise(text):
        return False
    if step == "naam":
        return parse_name(text) is not None
    # A 10-digit 06 number in a range no phone has (069...) is sealed too: the form then says what is
    # wrong with it instead of "that has 10 digits and starts with 06" (residents' round 36).
    return parse_contact(text) is not None or is_unassigned_mobile(text)


# More words than this beside the contact detail: the rest is a message of its own, which the
# crisis nets must read ("06 12345678, maar eerlijk gezegd zie ik het niet meer zitten").
MAX_WORDS_BESIDE_CONTACT = 3


def guard(text: str, form_step: Optional[str], secret_key: str) -> Guarded:
    """Mask the text, or seal it when it answers a contact step of the callback form.

    A contact detail with a message beside it is sealed for the form and handed on masked, so
    Rasa reads the message (issue 24: danger told inside a form answer is heard) and stores no
    number or address."""
    if form_step in CONTACT_STEPS and _is_contact_answer(form_step, text):
        sealed = ContactCipher(secret_key).encrypt({"text": text})
        masked = mask_pii(text)
        beside = [w for w in _WORDS.findall(masked.text) if not w.isupper()]
        if form_step == "contact" and masked.kinds and len(beside) > MAX_WORDS_BESIDE_CONTACT:
            return Guarded(masked.text, {SEALED_KEY: sealed, "pii_masked": list(masked.kinds)})
        return Guarded(PLACEHOLDERS[form_step], {SEALED_KEY: sealed})
    masked = mask_pii(text)
    return Guarded(masked.text, {"pii_masked": list(masked.kinds)} if masked.kinds else {})


def unseal(metadata: dict[str, Any] | None, secret_key: str) -> Optional[str]:
    """The raw form answer sealed by `guard`, for the action that reads it."""
    token = (metadata or {}).get(SEALED_KEY)
    if not token:
        return None
    return str(ContactCipher(secret_key).decrypt(token).get("text", ""))


def guard_in_channel(text: str, secret_key: str) -> Guarded:
    """What a channel hands to Rasa: masked text, or a sealed candidate that `settle` decides on."""
    if any(_is_contact_answer(step, text) for step in CONTACT_STEPS):
        return Guarded(CANDIDATE_PLACEHOLDER, {CANDIDATE_KEY: ContactCipher(secret_key).encrypt({"text": text})})
    return guard(text, None, secret_key)


def settle(text: str, metadata: dict[str, Any] | None, form_step: Optional[str], secret_key: str) -> Guarded:
    """Seal a candidate when the conversation waits for a name or contact detail; else mask it.

    Called under the conversation lock with the form step read from the tracker just loaded.
    Other metadata (a message id) is kept; the candidate itself never stays in the metadata.
    """
    metadata = dict(metadata or {})
    token = metadata.pop(CANDIDATE_KEY, None)
    if not token:
        return Guarded(text, metadata)
    raw = str(ContactCipher(secret_key).decrypt(token).get("text", ""))
    decided = guard(raw, form_step, secret_key)
    return Guarded(decided.text, {**metadata, **decided.metadata})
