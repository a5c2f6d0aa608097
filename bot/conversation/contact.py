"""What a resident types into the callback form: phone, e-mail, name, moment and preference.

A meedenker calls or mails back with what we store here, so a wrong number means no callback at
all. We therefore accept the many ways people write a number or a day ("mijn nummer is 06 1234
5678", "dinsdagochtend"), but refuse what cannot be right, and the form asks again (domain §7:
ask only what a callback needs). Everything returned is normalised for storage and for a plain
Dutch summary. Pure functions, no Rasa: the form actions call these.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Hashable

from bot.understanding.werkmodel import FORMEEL, GEEN_VOORKEUR, INFORMEEL


def _fold(text: str) -> str:
    """Lower case without accents, with one kind of apostrophe: "’s Ochtends" -> "'s ochtends"."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'").replace("‘", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


# ---------------------------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------------------------

# A run of digits with the separators people use; "(0)" is the trunk prefix in "+31 (0)6 ...".
_PHONE_CANDIDATE = re.compile(r"(?<![\w+@])\+?[\d(][\d \-./()]*\d(?![\w@])")
_TRUNK_AFTER_COUNTRY = re.compile(r"^(?:\+|00)\s*(\d{1,3})\s*\(0\)\s*")
# Dutch numbers after the leading 0 (9 digits). Geographic: 01-05 and 07. Mobile: 061-065, 068.
# Non-geographic numbers a person can answer: 084/087 (personal and internet telephony), 085/088
# (companies). Refused: 066 (pagers), 067 (dial-up data), 0800/090x (free and paid service
# numbers: a callback to a service number makes no sense), 097 (machine-to-machine).
_NL_VALID = re.compile(r"^(?:[1-57]\d|6[1-58]|8[4578])\d{7}$")
E164_MIN_DIGITS = 8  # digits after "+" or "00", country code included
E164_MAX_DIGITS = 15


def is_unassigned_mobile(text: str) -> bool:
    """A Dutch 06 number of 10 digits in a range no phone has (066, 067, 060, 069): the resident
    did type 10 digits starting with 06, so the form says what is wrong with this one."""
    digits = re.sub(r"[\s\-./()]", "", text)
    found = re.search(r"(?<!\d)(?:\+31|0031|0)(6\d{8})(?!\d)", digits)
    return found is not None and not _NL_VALID.match(found.group(1))


def _phone_from_candidate(candidate: str) -> str | None:
    text = candidate.strip()
    text = _TRUNK_AFTER_COUNTRY.sub(r"+\1", text)  # "+31 (0)6 ..." -> "+316 ..."
    digits = re.sub(r"[ \-./()]", "", text)
    if digits.startswith("+"):
        international = digits[1:]
    elif digits.startswith("00"):
        international = digits[2:]
    elif digits.startswith("0"):
        international = "31" + digits[1:]
    else:
        return None  # no prefix: could be anything (a BSN, an amount, an order number)
    if not international.isdigit() or international.startswith("0"):
        return None
    if international.startswith("31"):
        national = international[2:]
        if national.startswith("0"):  # "+31 06 ..." — people keep the 0 after the country code
            national = national[1:]
        if not _NL_VALID.match(national):
            return None
        international = "31" + national
    elif not E164_MIN_DIGITS <= len(international) <= E164_MAX_DIGITS:
        return None
    elif international.startswith("1") and len(international) != 11:
        return None  # North America: always 1 + 10 digits; "0012345678" is a typo, not a number
    if len(set(international[-7:])) == 1:  # 06-11111111, 010-0000000: obviously made up
        return None
    return "+" + international


def _split_candidate(candidate: str) -> list[str]:
    """Two numbers typed after each other: split where a new group starts with 0 or +."""
    pieces: list[str] = []
    for group in re.split(r"\s+", candidate.strip()):
        if pieces and group[:1] in ("0", "+") and not group.startswith("(0)"):
            pieces.append(group)
        elif pieces:
            pieces[-1] += " " + group
        else:
            pieces.append(group)
    return pieces


def parse_phone(text: str) -> str | None:
    """The first valid phone number in the text as E.164 ("+31612345678"), else None."""
    for match in _PHONE_CANDIDATE.finditer(text):
        candidate = match.group(0)
        phone = _phone_from_candidate(candidate)
        if phone:
            return phone
        pieces = _split_candidate(candidate)
        if len(pieces) > 1:
            for piece in pieces:
                phone = _phone_from_candidate(piece)
                if phone:
                    return phone
    return None


# ---------------------------------------------------------------------------------------------
# E-mail
# ---------------------------------------------------------------------------------------------

_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_TLD = re.compile(r"^[a-z]{2,63}$")
_LEADING_PUNCTUATION = "<([{\"'"
_TRAILING_PUNCTUATION = ">)]}\"'.,;:!?"


def _email_from_token(token: str) -> str | None:
    token = token.lstrip(_LEADING_PUNCTUATION).rstrip(_TRAILING_PUNCTUATION)
    if token.lower().startswith("mailto:"):
        token = token[7:]
    if token.count("@") != 1 or len(token) > 254:
        return None
    local, domain = token.split("@")
    domain = domain.lower()
    if not 1 <= len(local) <= 64 or not _LOCAL.match(local):
        return None
    labels = domain.split(".")
    if len(domain) > 253 or len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    if not _TLD.match(labels[-1]):
        return None
    return f"{local}@{domain}"


def parse_email(text: str) -> str | None:
    """The first plausible e-mail address in the text (domain lower-cased), else None."""
    for token in text.split():
        if "@" in token:
            email = _email_from_token(token)
            if email:
                return email
    return None


@dataclass(frozen=True)
class Contact:
    phone: str | None = None  # E.164
    email: str | None = None


def parse_contact(text: str) -> Contact | None:
    """Phone and/or e-mail from one answer ("06 12345678 of jan@example.nl"); None if neither."""
    email = parse_email(text)
    # Digits inside an e-mail address are not a phone number.
    rest = " ".join(token for token in text.split() if "@" not in token)
    phone = parse_phone(rest)
    if phone is None and email is None:
        return None
    return Contact(phone=phone, email=email)



# What a resident asks of the call itself, told beside the number ("06... maar spreek geen voicemail
# in", "alleen na 9 uur, mijn man mag het niet weten"): the meedenker must know it before dialling
# (residents' round 39: it was lost, the ticket held the number alone).
_CONTACT_WISH = re.compile(
    r"voicemail|\binspreken|spreek\s+(?:niks|niets|geen)|(?:geen|niet)\s+(?:sms\w*|app(?:en|je|jes)?|whats\s?app\w*|bericht\w*)\b"
    r"|anoniem|priv[eé]\s*nummer|onderdrukt|(?:laat|laten)\s+(?:\w+\s+){0,3}overgaan|ophangen|hang\s+(?:\w+\s+)?op\b"
    r"|\bniet\s+(?:op)?nemen|neem\s+(?:ik\s+)?niet\s+op|mag\s+(?:het|dit|dat)?\s*niet\s+(?:weten|zien|horen)"
    r"|\balleen\s+(?:(?:per\s+)?e?-?mail\w*|bellen|overdag|s?\s*(?:ochtends|middags|avonds)|op\s+werk|als|tussen|na|voor)\b"
    r"|\bniet\s+(?:bellen|mailen|na|voor|tussen|op)\b|\b(?:na|voor|tussen)\s+\d"
    # Who should be there and how to talk (residents' round 46: "mijn kleinzoon moet erbij zijn" was lost
    # at the contact question): the meedenker needs it as much as the number.
    r"|\berbij\s+(?:zijn|zitten|hebben|komen|is)\b|\baanwezig\b|\bmee(?:luisteren|praten|kijken|komen)\b"
    r"|\b(?:slechthorend|doof|gehoorapparaat|stotter\w*)\b|\bhoor\s+(?:slecht|niet\s+goed|bijna\s+niks)\b"
    r"|\b(?:in\s+het\s+)?(?:engels|turks|arabisch|pools|tolk)\b|\bspreek\s+(?:geen|weinig|niet\s+goed|slecht)\s+nederlands\b"
    r"|\b(?:speak|talk)\s+(?:in\s+)?english\b|\bin\s+english\b",
    re.IGNORECASE)
_FILLER_EDGES = re.compile(r"^(?:[\s,.;:!-]|en\b|maar\b|of\b|dat\s+is\b|is\b)+|[\s,.;:-]+$", re.IGNORECASE)
MAX_WISH_CHARS = 200


def contact_wish(text: str) -> str | None:
    """How the resident asks to be contacted, in their own words without the detail itself, or None.

    Why: a meedenker who leaves a voicemail on the phone a violent partner checks does harm; what
    was said with the number goes into the ticket and the read-back. Masked like every stored text.
    """
    if not _CONTACT_WISH.search(text):
        return None
    from bot.understanding.privacy import MASK_EMAIL, MASK_PHONE, mask_pii

    rest = mask_pii(text).text
    for mask in (MASK_PHONE, MASK_EMAIL):
        rest = rest.replace(mask, " ")
    rest = re.sub(r"\b(?:mijn\s+)?(?:(?:telefoon|mobiel|06)?\s*nummer|e-?mail(?:adres)?|mail)\s+(?:is|:)\s*", " ", rest,
                  flags=re.IGNORECASE)
    rest = " ".join(rest.split())
    previous = None
    while previous != rest:
        previous, rest = rest, _FILLER_EDGES.sub("", rest).strip()
    if not _CONTACT_WISH.search(rest):
        return None
    return rest[:MAX_WISH_CHARS]

# ---------------------------------------------------------------------------------------------
# Name or pseudonym
# ---------------------------------------------------------------------------------------------

NAME_MAX_CHARS = 60
NAME_MAX_WORDS = 5
_GREETING = re.compile(r"^(?:hallo|hoi|hey|hee|goedemorgen|goedemiddag|goedenavond|ok|oke|oké|okay|ja|jawel|prima|goed)\b[\s,!.]*", re.I)
# "heb ik al gezegd. na 7 uur s avonds": the complaint is said to us, it is no part of the answer.
_ALREADY_SAID = re.compile(
    r"(?:^|[.,!;]\s*|\s)(?:(?:dat\s+|het\s+)?(?:(?:heb|had)\s+ik|(?:zei|schreef|typte)\s+ik)"
    r"(?:\s+(?:toch|net|al|zojuist|eerder|daarnet|in\s+het\s+begin|(?:twee|drie|\d)\s+keer|vaker|ook))*"
    r"(?:\s+(?:gezegd|geschreven|verteld|getypt|gegeven|ingevuld|genoemd))?"
    r"|(?:ook\s+)?al(?:\s+(?:twee|drie|\d)\s+keer)?\s+(?:gezegd|geschreven|verteld|getypt|gegeven|genoemd))\s*[.,!;]*(?=\s|$)",
    re.IGNORECASE)


def without_complaint(text: str) -> str:
    """The answer without "heb ik al gezegd" around it ("mijn naam is marco, dat schreef ik toch")."""
    without = _ALREADY_SAID.sub(" ", text)
    return (without.strip(" .,!;") if without != text else text.strip()) or text.strip()
_NAME_PREFIX = re.compile(
    r"^(?:ik\s+heet|mijn\s+naam\s+is|noem\s+(?:mij|me)(?:\s+maar)?|zeg\s+maar|naam|ik\s+ben|dit\s+is"
    r"|met)\b[\s:,]*",
    re.IGNORECASE,
)
_NAME_NOEMEN = re.compile(r"^(?:je|u)\s+mag\s+(?:mij|me)\s+(?:wel\s+)?(.+?)\s+noemen$", re.IGNORECASE)
# "A. is goed", "Jan mag ook": the name with a word that it will do (residents' round 42: refused).
_NAME_SUFFIX = re.compile(r"\s+(?:hoor|graag|alstublieft|alsjeblieft|aub|(?:is|dat\s+is)\s+(?:ook\s+)?(?:goed|prima|genoeg|ok[eé]?)"
                          r"|mag\s+ook|volstaat)$", re.IGNORECASE)
# One word of a name: letters (any script, accents) joined by hyphens or apostrophes, an initial
# with a dot ("A.", "J.P."), or a particle like "'t" or "d'".
_NAME_WORD = re.compile(r"^(?:(?:[^\W\d_]\.)+|['’]?[^\W\d_]+(?:[-'’][^\W\d_]+)*['’]?\.?)$")
# Words that make an answer a sentence rather than a name. First names that are also Dutch
# words (Ben, Wil, Roos, Dag, Rik) are left out on purpose.
_NOT_NAME_WORDS = frozenset("""
    ik je jij jou u uw wij we ze zij hij mij me mijn ons jullie iemand niemand alles
    weet weten niet niks niets geen nee ja jawel oke ok okay prima goed
    waarom wat hoe wie waar wanneer hoezo welke
    stop stoppen help hulp hallo hoi doei sorry dank bedankt
    wilt willen moet moeten kan kun kunt mag heb hebt heeft hebben doe doet zeg zeggen
    is zijn was liever anoniem prive naam heet noem vertel vertellen
    dat dit deze daar hier nu even maar toch want omdat als
    moe ziek bang boos verdrietig blij eenzaam alleen klaar benieuwd
    moeder vader mantelzorger test bot computer
""".split())


def _strip_edges(text: str) -> str:
    text = text.strip().rstrip(",!?;:").strip()
    # A closing full stop goes, but not the dot of a last initial ("Jan V.").
    if text.endswith(".") and not re.search(r"(?:^|[\s.])[^\W\d_]\.$", text):
        text = text[:-1].rstrip()
    return text.lstrip(" ,.!?;:")


def parse_name(text: str) -> str | None:
    """A name or pseudonym as the resident wrote it, without "ik heet"; None if not a name."""
    name = _strip_edges(" ".join(without_complaint(text).split()))
    name = _strip_edges(_GREETING.sub("", name, count=1))
    noemen = _NAME_NOEMEN.match(name)
    if noemen:
        name = noemen.group(1)
    for _ in range(2):  # "naam: ik ben Fatima"
        name = _strip_edges(_NAME_PREFIX.sub("", name, count=1))
    name = _strip_edges(_NAME_SUFFIX.sub("", name))
    # "meneer Jansen, Piet", "de Vries, Riet": a surname first, as on a form (residents' round 41: refused twice).
    name = re.sub(r"\s*,\s*(?=\S)", " ", name)
    if not name or len(name) > NAME_MAX_CHARS:
        return None
    words = name.split()
    if len(words) > NAME_MAX_WORDS or not all(_NAME_WORD.match(word) for word in words):
        return None
    if {_fold(word.strip(".'’")) for word in words} & _NOT_NAME_WORDS or _fold(name) == "het":
        return None
    return name


# ---------------------------------------------------------------------------------------------
# Moment for the callback
# ---------------------------------------------------------------------------------------------

WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
DOORDEWEEKS = "doordeweeks"
WEEKEND = "weekend"
DAGEN = ("vandaag", "morgen", "overmorgen", *WEEKDAGEN, DOORDEWEEKS, WEEKEND)  # display order
DAGDELEN = ("ochtend", "middag", "avond")

_DAY_LABELS = {WEEKEND: "in het weekend"}
_DAY_WORDS = {
    **{day: day for day in WEEKDAGEN},
    "ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag", "vr": "vrijdag",
    "za": "zaterdag",  # "zo" is left out: it is mostly the word "zo"
    "vandaag": "vandaag", "morgen": "morgen", "overmorgen": "overmorgen",
    "doordeweeks": DOORDEWEEKS, "werkdagen": DOORDEWEEKS, "werkdag": DOORDEWEEKS,
    "weekdagen": DOORDEWEEKS, "doordeweekse": DOORDEWEEKS,
    "weekend": WEEKEND, "weekenden": WEEKEND, "zaterdags": "zaterdag", "zondags": "zondag",
}
for _day in WEEKDAGEN[:5]:
    _DAY_WORDS[_day + "s"] = _day          # "dinsdags", "'s dinsdags"
    _DAY_WORDS[_day + "en"] = _day         # "op dinsdagen"
# English, for a resident who writes it (residents' round 41: "Afternoon, and in English please" was no moment).
_DAY_WORDS.update({"monday": "maandag", "tuesday": "dinsdag", "wednesday": "woensdag", "thursday": "donderdag",
                   "friday": "vrijdag", "saturday": "zaterdag", "sunday": "zondag", "today": "vandaag",
                   "tomorrow": "morgen", "weekdays": DOORDEWEEKS})
_DAY_WORDS["zaterdagen"] = "zaterdag"
_DAY_WORDS["zondagen"] = "zondag"
_DAGDEEL_WORDS = {
    "ochtend": "ochtend", "ochtends": "ochtend", "sochtends": "ochtend", "morgens": "ochtend",
    "smorgens": "ochtend", "voormiddag": "ochtend", "ochtenden": "ochtend",
    "middag": "middag", "middags": "middag", "smiddags": "middag", "namiddag": "middag",
    "middagen": "middag", "lunchtijd": "middag",
    "avond": "avond", "avonds": "avond", "savonds": "avond", "avonden": "avond",
    "morning": "ochtend", "mornings": "ochtend", "afternoon": "middag", "afternoons": "middag",
    "evening": "avond", "evenings": "avond",
}
# "dinsdagochtend", "morgenmiddag", "vrijdagavond", "maandagmorgen".
_COMPOUND = re.compile(
    r"^(" + "|".join(sorted({*WEEKDAGEN, "morgen", "overmorgen", "vandaag"}, key=len, reverse=True))
    + r")(ochtend|morgen|middag|avond)$"
)
_ANY_PHRASES = re.compile(
    r"\b(?:(?:het\s+|dat\s+)?maakt?\s+(?:me\s+|mij\s+|mn\s+)?(?:niet|nie|niks|niets|nix)\s+uit|geen\s+voorkeur|maakt_niet_uit"
    r"|(?:is\s+|da'?s\s+)?(?:mij|me)\s+(?:om\s+het\s+even|gelijk|egaal)|egaal|doesn'?t\s+matter|no\s+preference"
    r"|om\s+het\s+even|altijd|wanneer\s+(?:het\s+)?(?:u|jullie|je)\s+wil(?:t|len)?|alles\s+(?:is\s+)?goed"
    r"|elk\s+moment|(?:elke|iedere)\s+dag|alle\s+dagen|(?:de\s+)?hele\s+dag"
    r"|zo\s+snel\s+mogelijk|zsm|zo\s+vroeg\s+mogelijk)\b"
)
# "niet", "geen", "behalve" turn the days or parts of the day right after them into "not then",
# across small words ("niet op maandag of dinsdag") but no further ("niet eerder dan dinsdag").
_NEGATION = frozenset({"niet", "geen", "behalve", "nooit", "zonder"})
_POSITIVE_BREAK = frozenset({"maar", "wel", "liefst", "liever", "graag"})
_FILLERS = frozenset({"op", "in", "de", "het", "een", "s", "tijdens", "om", "rond", "of", "en"})
# Between a day and its "niet": "donderdag kan toch niet", "maandag lukt me niet", "vrijdag ben ik niet
# thuis" (residents' round 41: the day that could not was noted as the moment).
_BEFORE_LATE_NEGATION = frozenset({"kan", "kun", "gaat", "lukt", "past", "toch", "helaas", "echt", "me", "mij", "ik",
                                   "dus", "eigenlijk", "ben", "zijn", "is"})
# What may follow that "niet": the end, a pause, "maar", or the reason ("maandag kan niet want ...").
_AFTER_LATE_NEGATION = frozenset({"want", "omdat", "dan", "door", "vanwege", "thuis"})
_PUNCTUATION = frozenset(",;.!?")


def _scan(tokens: list[str], lookup: Callable[[str], list]) -> dict[Hashable, bool]:
    """What the tokens ask for: value -> True (wanted) or False (only ever "niet ...")."""
    found: list[list] = []  # [value, wanted]
    negating = False
    last: list[int] = []     # the items just named, for "maandag niet"
    for i, token in enumerate(tokens):
        if token == "," and negating and last and i + 1 < len(tokens) and lookup(tokens[i + 1]):
            continue  # "niet op maandag, dinsdag of donderdag": one list, all of it "not then" (round 40)
        if token == "liever" and last and tokens[i + 1:i + 2] == ["niet"]:
            continue  # "ochtend liever niet": the "niet" belongs to the part of the day (residents' round 44)
        if token in _PUNCTUATION or token in _POSITIVE_BREAK:
            negating, last = False, []
            continue
        if token in _NEGATION:
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if last and (following is None or following in _PUNCTUATION or following in _POSITIVE_BREAK
                         or following in _AFTER_LATE_NEGATION):
                for index in last:  # "maandag niet, dinsdag wel"
                    found[index][1] = False
                last = []
            else:
                negating, last = True, []
            continue
        values = lookup(token)
        if values:
            indices = []
            for value in values:
                found.append([value, not negating])
                indices.append(len(found) - 1)
            last = last + indices if i and tokens[i - 1] in ("of", "en") else indices
        elif token in _BEFORE_LATE_NEGATION and last:
            continue  # "donderdag kan toch niet": the "niet" still belongs to the day
        elif token not in _FILLERS:
            negating, last = False, []
    result: dict[Hashable, bool] = {}
    for value, wanted in found:
        result[value] = result.get(value, False) or wanted
    return result


@dataclass(frozen=True)
class Moment:
    days: tuple[str, ...] = ()      # in DAGEN order; empty: no day given
    dagdelen: tuple[str, ...] = ()  # in DAGDELEN order; empty: no part of the day given
    any: bool = False               # "maakt niet uit": no wish at all

    def label(self) -> str:
        """Plain Dutch for the summary the resident confirms: "dinsdag of donderdag, in de ochtend"."""
        if self.any or not (self.days or self.dagdelen):
            return "maakt niet uit"
        parts = []
        if len(self.days) >= 3 and self._one_span():
            parts.append(f"{self.days[0]} tot en met {self.days[-1]}")
        elif self.days:
            parts.append(_join_of([_DAY_LABELS.get(day, day) for day in self.days]))
        if self.dagdelen:
            parts.append("in de " + _join_of(list(self.dagdelen)))
        return ", ".join(parts)


    def _one_span(self) -> bool:
        """Whether the days are weekdays one after the other ("dinsdag tot en met donderdag")."""
        if not all(day in WEEKDAGEN for day in self.days):
            return False
        places = [WEEKDAGEN.index(day) for day in self.days]
        return places == list(range(places[0], places[0] + len(places)))


def _join_of(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " of " + items[-1]


def _tokens(text: str) -> list[str]:
    text = _fold(text)
    text = re.sub(r"'s[\s-]*(?=[a-z])", "s", text)  # "'s ochtends" -> "sochtends"
    text = re.sub(r"\bdoor\s+de\s+week\b", "doordeweeks", text)
    text = re.sub(r"\b(?:in\s+)?het\s+weekend\b", "weekend", text)
    return re.findall(r"[a-z_]+|[,;.!?]", text)


def _moment_words(token: str) -> list[tuple[str, str]]:
    if token == "overdag":  # "doordeweeks overdag" (residents' round 44: read back as "-")
        return [("deel", "ochtend"), ("deel", "middag")]
    compound = _COMPOUND.match(token)
    if compound:
        part = compound.group(2)
        return [("dag", _DAY_WORDS[compound.group(1)]), ("deel", "ochtend" if part == "morgen" else part)]
    if token in _DAY_WORDS:
        return [("dag", _DAY_WORDS[token])]
    if token in _DAGDEEL_WORDS:
        return [("deel", _DAGDEEL_WORDS[token])]
    return []


def is_moment_word(word: str) -> bool:
    """A day or a part of the day ("dinsdag", "'s ochtends" folded to "sochtends", "vrijdagavond")."""
    return bool(_moment_words(_fold(word)))


# "maandag tot vrijdag", "ma t/m do", "di-do": every day of the span (residents' round 42: read back
# as "maandag of vrijdag").
_DAY_SPAN = re.compile(r"\b([a-z]+)\s*(?:tot\s+en\s+met|t\s*/\s*m|t\.m\.|tm|tot|-|–)\s*([a-z]+)\b")


def spans_as_days(folded: str) -> str:
    """Folded text with each span of days written out ("dinsdag woensdag donderdag")."""
    def days(found: re.Match[str]) -> str:
        first, last = (_DAY_WORDS.get(word) for word in found.groups())
        if first not in WEEKDAGEN or last not in WEEKDAGEN or WEEKDAGEN.index(first) >= WEEKDAGEN.index(last):
            return found.group(0)
        span = WEEKDAGEN[WEEKDAGEN.index(first):WEEKDAGEN.index(last) + 1]
        return DOORDEWEEKS if span == WEEKDAGEN[:5] else " ".join(span)
    return _DAY_SPAN.sub(days, folded)


# "niet zeggen tegen mn ma": a mother, not Monday (residents' round 47: read back as "Moment: maandag").
_MOTHER = re.compile(r"\b(?:mn|mijn|m'?n|me|je|jouw|haar|zijn|z'?n|onze|ons|tegen|met|van|aan)\s+(?:ma|pa)\b")


def parse_moment(text: str) -> Moment | None:
    """Days and parts of the day a resident prefers, or "maakt niet uit"; None if neither."""
    folded = spans_as_days(_MOTHER.sub(" ", _fold(text)).strip())
    said_any = bool(_ANY_PHRASES.search(folded))
    found = _scan(_tokens(_ANY_PHRASES.sub(" , ", folded)), _moment_words)
    days = {value: wanted for (kind, value), wanted in found.items() if kind == "dag"}
    delen = {value: wanted for (kind, value), wanted in found.items() if kind == "deel"}
    chosen_days = _resolve(days, DAGEN, _day_complement)
    chosen_delen = _resolve(delen, DAGDELEN, lambda no: [d for d in DAGDELEN if d not in no])
    if chosen_days is None or chosen_delen is None:
        return None
    if not chosen_days and not chosen_delen:
        return Moment(any=True) if said_any else None
    return Moment(days=chosen_days, dagdelen=chosen_delen)


# Clock times a resident types for a callback: "tussen 13 en 15 uur", "na 19.00", "om half 3",
# "vanaf zessen". Hours alone are an answer a meedenker can read (residents' round 38: "tussen 13 en
# 15 uur" was refused three times). A long run of digits is a phone number, never a time.
_HOUR = r"(?<![\d.:])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?(?![\d.:]?\d)"
_PREPOSITION = r"(?:tussen|vanaf|van|na|voor|om|rond|tot|omstreeks)"
_CLOCK_TIME = re.compile(
    _HOUR + r"\s*(?:uur|u|h)\b|\b" + _PREPOSITION + r"\s+" + _HOUR
    + r"|\b(?:tienen|elven|twaalven|enen|tweeen|drieen|vieren|vijven|zessen|zevenen|achten|negenen)\b"
    + r"|\bhalf\s+(?:\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\b"
)
# The clock words as typed, with a range ("tussen 13 en 15 uur", "13-15u"), to keep beside a moment.
_CLOCK_PHRASE = re.compile(
    r"\b(?:" + _PREPOSITION + r"\s+)?" + _HOUR + r"(?:\s*(?:en|tot|-)\s*" + _HOUR + r")?\s*(?:uur|u|h)\b"
    r"|\b" + _PREPOSITION + r"\s+" + _HOUR,
    re.IGNORECASE)
_HOUR_WORDS = {"enen": 13, "tweeen": 14, "drieen": 15, "vieren": 16, "vijven": 17, "zessen": 18,
               "zevenen": 19, "achten": 20, "negenen": 21, "tienen": 10, "elven": 11, "twaalven": 12}


def says_clock_time(text: str) -> bool:
    """Whether the text names a time of day ("tussen 13 en 15 uur", "na zevenen", "om 10u")."""
    return bool(_CLOCK_TIME.search(_fold(text)))


def clock_phrase(text: str) -> str | None:
    """The clock time as the resident typed it ("na 5 uur", "tussen 13 en 15 uur"), or None."""
    found = _CLOCK_PHRASE.search(text)
    return found.group(0).strip() if found else None


def clock_hours(text: str) -> list[int]:
    """The hours named as clock times, in the 24-hour clock where the words say so ("na zevenen"
    is 19, "half 8 's avonds" 20); bare small numbers stay as typed."""
    folded = _fold(text)
    hours = [_HOUR_WORDS[w] for w in re.findall(r"[a-z]+", folded) if w in _HOUR_WORDS]
    for match in _CLOCK_TIME.finditer(folded):
        for number in re.findall(r"(?<![\d.:])(\d{1,2})", match.group(0))[:1]:
            # "half 3" is half past two
            hours.append(int(number) - 1 if match.group(0).startswith("half") else int(number))
    span = re.search(r"\btussen\s+(\d{1,2})(?:[:.]\d\d)?\s*(?:uur\s+)?en\s+(\d{1,2})", folded)
    if span:
        hours.extend(int(h) for h in span.groups())
    return hours


# "Evening" starts where office hours end for the resident; a part of the day as an hour to test.
_DAGDEEL_HOURS = {"ochtend": 10, "middag": 14, "avond": 19}


def moment_hours(text: str) -> tuple[list[int], list[int | None]]:
    """The weekdays (0 is Monday; empty: any) and hours (None: any) a moment answer asks for, to
    see whether meedenkers work then. Hours 1 to 7 typed bare are afternoon ("tussen 2 en 4")."""
    moment = parse_moment(text)
    days: list[int] = []
    hours: list[int | None] = []
    if moment and not moment.any:
        for day in moment.days:
            if day in WEEKDAGEN:
                days.append(WEEKDAGEN.index(day))
            elif day == WEEKEND:
                days.extend((5, 6))
            elif day == DOORDEWEEKS:
                days.extend(range(5))
        hours.extend(_DAGDEEL_HOURS[deel] for deel in moment.dagdelen)
    hours.extend(hour + 12 if 1 <= hour <= 7 else hour for hour in clock_hours(text))
    return days, hours or [None]


def _day_complement(excluded: set[str]) -> list[str]:
    if excluded == {WEEKEND}:
        return [DOORDEWEEKS]
    if excluded == {DOORDEWEEKS}:
        return [WEEKEND]
    if excluded <= set(WEEKDAGEN):
        return [day for day in WEEKDAGEN if day not in excluded]
    return []  # "niet morgen": what is left is no clear wish


def _resolve(found: dict[str, bool], order: tuple[str, ...],
             complement: Callable[[set[str]], list[str]]) -> tuple[str, ...] | None:
    """Wanted items in display order; "niet 's avonds" alone means the other parts of the day."""
    wanted = {item for item, yes in found.items() if yes}
    if not wanted and found:
        wanted = set(complement(set(found)))
        if not wanted:
            return None
    return tuple(item for item in order if item in wanted)


# ---------------------------------------------------------------------------------------------
# Informal or formal meedenker (domain §5)
# ---------------------------------------------------------------------------------------------

PREFERENCE_INFORMEEL = INFORMEEL
PREFERENCE_FORMEEL = FORMEEL
PREFERENCE_GEEN = GEEN_VOORKEUR
# Read back in the words of the question's own buttons: "Wens: informeel" meant nothing to residents.
PREFERENCE_LABELS = {PREFERENCE_INFORMEEL: "een vrijwilliger of iemand die het zelf meemaakte",
                     PREFERENCE_FORMEEL: "iemand die dit als werk doet", PREFERENCE_GEEN: "maakt niet uit"}
_PREFERENCE_WORDS = {
    "informeel": PREFERENCE_INFORMEEL, "informele": PREFERENCE_INFORMEEL,
    "vrijwilliger": PREFERENCE_INFORMEEL, "vrijwillige": PREFERENCE_INFORMEEL,
    "vrijwilligster": PREFERENCE_INFORMEEL,
    "ervaringsdeskundige": PREFERENCE_INFORMEEL, "ervaringsdeskundig": PREFERENCE_INFORMEEL,
    "formeel": PREFERENCE_FORMEEL, "formele": PREFERENCE_FORMEEL,
    "beroepskracht": PREFERENCE_FORMEEL, "professional": PREFERENCE_FORMEEL,
    "professioneel": PREFERENCE_FORMEEL, "professionele": PREFERENCE_FORMEEL,
    "prof": PREFERENCE_FORMEEL, "beroeps": PREFERENCE_FORMEEL,
}
_PREFERENCE_ANY = re.compile(
    r"\b(?:(?:het\s+|dat\s+)?maakt?\s+(?:me\s+|mij\s+|mn\s+)?(?:niet|nie|niks|niets|nix)\s+uit|geen\s+voorkeur|maakt_niet_uit"
    r"|(?:is\s+|da'?s\s+)?(?:mij|me)\s+(?:om\s+het\s+even|gelijk|egaal)|egaal|doesn'?t\s+matter|no\s+preference"
    r"|om\s+het\s+even|allebei|beide|beiden|(?:is\s+)?allemaal\s+goed|^geen$)"
)


# Someone who went through it themselves, in the resident's words or the button's.
_EXPERIENCED_WORDS = (r"\b(?:(?:het|dit|dat)\s+)?zelf\s+(?:heeft\s+|hebben\s+|heb\s+)?(?:mee\s*gemaakt|meemaakte|meemaakt|doorgemaakt)"
                      r"|\b(?:met|heeft|uit)\s+(?:eigen\s+)?ervaring\b|\blived\s+experience|\bbeen\s+through\s+it")


# The buttons' own titles, typed or pasted ("Iemand die het zelf meemaakte"), and their plain
# variants: a resident who types what a button says has chosen it.
_PREFERENCE_PHRASES = (
    (re.compile(_EXPERIENCED_WORDS), PREFERENCE_INFORMEEL),
    (re.compile(r"\b(?:als|voor\s+(?:zijn|haar|hun))\s+werk\b|\bvoor\s+zijn\s+beroep|\bdoes\s+(?:this|it)\s+for\s+(?:a\s+)?(?:living|work)"
                r"|\bprofessionally\b|\bbetaalde?\s+kracht|\bhulpverlener\b"), PREFERENCE_FORMEEL),
)


# Two of the question's three buttons mean informeel; the read-back and the ticket say which one the
# resident chose (residents' round 39: "een vrijwilliger" was read back as "een vrijwilliger of iemand
# die het zelf meemaakte", and a correction could not change it).
_VOLUNTEER = re.compile(r"\bvrijwillig\w*|\bvolunteer\w*")
_EXPERIENCED = re.compile(r"\bervaringsdeskundig\w*|" + _EXPERIENCED_WORDS)


def preference_words(text: str) -> str:
    """Which informeel meedenker the answer names: "een vrijwilliger", "iemand die het zelf
    meemaakte", or "" when it names neither or both."""
    folded = _fold(text)
    if re.search(r"\b(?:geen|niet|liever\s+niet)\b", folded):
        return ""
    volunteer, experienced = bool(_VOLUNTEER.search(folded)), bool(_EXPERIENCED.search(folded))
    if volunteer == experienced:
        return ""
    return "een vrijwilliger" if volunteer else "iemand die het zelf meemaakte"


def parse_preference(text: str) -> str | None:
    """"informeel", "formeel" or "geen" (no preference); None when the answer says neither."""
    folded = " ".join(_fold(text).split()).strip(" .!?")
    if _PREFERENCE_ANY.search(folded):
        return PREFERENCE_GEEN
    phrased = {value for pattern, value in _PREFERENCE_PHRASES if pattern.search(folded)}
    if len(phrased) == 1 and not re.search(r"\b(?:geen|niet|liever\s+niet)\b", folded):
        return phrased.pop()
    found = _scan(re.findall(r"[a-z_]+|[,;.!?]", folded),
                  lambda token: [_PREFERENCE_WORDS[token]] if token in _PREFERENCE_WORDS else [])
    wanted = {value for value, yes in found.items() if yes}
    if not wanted and len(found) == 1:
        # Two choices only: "liever geen vrijwilliger" means a professional.
        wanted = {PREFERENCE_FORMEEL if PREFERENCE_INFORMEEL in found else PREFERENCE_INFORMEEL}
    return wanted.pop() if len(wanted) == 1 else None
