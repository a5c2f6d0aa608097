"""Masking of personal numbers in residents' free text (AVG, domain guide §7).

Every message is masked at the channel edge, before Rasa stores or logs it. Contact details given
on purpose in the callback form take another path (encrypted), so masking here can be strict.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MASK_BSN = "[BSN]"
MASK_PHONE = "[TELEFOON]"
MASK_EMAIL = "[E-MAIL]"
MASK_IBAN = "[IBAN]"

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# IBAN: two letters, two check digits, 11-30 alphanumerics, optionally grouped by spaces.
_IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?\b")
# Phone: +31/0031/0 prefixes, Dutch mobile and landline, and other international numbers.
# Letters may touch it ("tel0612345678graag"), digits may not.
_PHONE = re.compile(
    r"(?<![\d+])(?:"
    r"(?:\+|00)\d{1,3}[ \-.]?(?:\(0\))?[ \-.]?\d(?:[ \-.]?\d){6,11}"  # international
    r"|0\d(?:[ \-.]?\d){8}"  # national: 0 + 9 digits (06-12345678, 010 123 4567)
    r")(?!\d)"
)
# BSN candidates: nine digits, optionally written in groups (123.456.782 / 1234 56 782).
# Letters may touch it ("bsn123456782"), digits may not.
_BSN = re.compile(r"(?<![\d.])(\d(?:[ .]?\d){7,8})(?!\d)")
# Any number written in groups: digits separated by spaces, dashes (also typographic ones), dots,
# slashes or parentheses, with spaces around a separator ("06 - 48213388", "(010) 1234567",
# "111/222/333"). Its digits alone decide whether it is a BSN or a phone number (issue 28).
_GAP = r"(?:[ \t\u00a0]{0,3}(?:[\-./()\u2010-\u2015\u2212][ \t\u00a0]{0,3}){1,2}|[ \t\u00a0]{1,3})"
_GROUPED = re.compile(rf"(?<![\d+])(?:\+|\(\s?)?\d(?:{_GAP}?\d){{7,15}}(?!\d)")
# Invisible and direction-control characters: they let text show reversed or hidden to a
# coordinator (U+202E) and split a number so masking misses it (U+200B). Removed before storing.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u2069\ufeff\U000e0000-\U000e007f]")


def strip_invisible(text: str) -> str:
    """The text without zero-width, soft-hyphen and bidirectional control characters."""
    return _INVISIBLE.sub("", text)


def is_valid_bsn(digits: str) -> bool:
    """The 11-proef for a citizen service number (8 or 9 digits)."""
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0 and digits != "000000000"


def is_valid_iban(candidate: str) -> bool:
    """ISO 13616 mod-97 check, so ordinary words and codes are not masked as IBANs."""
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or not compact[:2].isalpha():
        return False
    rearranged = compact[4:] + compact[:4]
    try:
        number = int("".join(str(int(ch, 36)) for ch in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


@dataclass(frozen=True)
class Masked:
    text: str
    kinds: tuple[str, ...]  # which kinds were found, e.g. ("bsn", "phone")

    @property
    def had_bsn(self) -> bool:
        return "bsn" in self.kinds


def _grouped_kind(written: str) -> str | None:
    """"bsn" or "phone" for a number written in groups, judged on its digits; None otherwise."""
    digits = "".join(str(int(d)) for d in re.findall(r"\d", written))
    if len(digits) == 9 and is_valid_bsn(digits):
        return "bsn"
    if written.startswith("+") and 8 <= len(digits) <= 15:
        return "phone"
    if digits.startswith("00") and 11 <= len(digits) <= 17:
        return "phone"
    if digits.startswith("0") and not digits.startswith("00") and len(digits) == 10:
        return "phone"
    return None


def _mask_grouped(text: str, kinds: list[str]) -> str:
    """Mask numbers written in groups. Two numbers in a row ("(06) 48213399 (06) 48213388") make
    one long candidate: its longest leading part that is a BSN or phone number is masked, and the
    search goes on after it."""
    out: list[str] = []
    pos = 0
    while True:
        match = _GROUPED.search(text, pos)
        if match is None:
            out.append(text[pos:])
            return "".join(out)
        written = match.group(0)
        ends = [m.end() for m in re.finditer(r"\d", written)][7:]  # at least eight digits
        for end in reversed(ends):
            kind = _grouped_kind(written[:end])
            if kind is not None:
                if kind not in kinds:
                    kinds.append(kind)
                out.append(text[pos:match.start()] + (MASK_BSN if kind == "bsn" else MASK_PHONE))
                pos = match.start() + end
                break
        else:  # nothing here: look again from the next character (a later group may start one)
            out.append(text[pos:match.start() + 1])
            pos = match.start() + 1


def mask_pii(text: str) -> Masked:
    """Replace BSNs (11-proef), IBANs (mod-97), phone numbers and e-mail addresses.

    Invisible and direction-control characters are removed first, so what is stored is what a
    coordinator sees, and a zero-width space cannot hide a number from the masking.
    """
    kinds: list[str] = []
    text = strip_invisible(text)

    def note(kind: str, replacement: str):
        def _sub(match: re.Match[str]) -> str:
            if kind not in kinds:
                kinds.append(kind)
            return replacement

        return _sub

    text = _EMAIL.sub(note("email", MASK_EMAIL), text)

    def _iban(match: re.Match[str]) -> str:
        if is_valid_iban(match.group(0)):
            if "iban" not in kinds:
                kinds.append("iban")
            return MASK_IBAN
        return match.group(0)

    text = _IBAN.sub(_iban, text)

    def _bsn(match: re.Match[str]) -> str:
        digits = re.sub(r"[ .]", "", match.group(1))
        if len(digits) == 9 and is_valid_bsn(digits):
            if "bsn" not in kinds:
                kinds.append("bsn")
            return MASK_BSN
        return match.group(0)

    # Grouped numbers first, judged whole: "(010001268)0" is a phone number, not a BSN in brackets.
    text = _mask_grouped(text, kinds)
    # BSN before phone: a 9-digit number passing the 11-proef is a BSN, not a phone number.
    text = _BSN.sub(_bsn, text)

    text = _PHONE.sub(note("phone", MASK_PHONE), text)
    return Masked(text=text, kinds=tuple(kinds))
