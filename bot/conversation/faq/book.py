"""The FAQ file (config/faq.yml): its entries, their checks (placeholders, je/u, channels) and the
residents' own examples in data/nlu/ that the matcher learns what is no question from.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final, Iterable, Mapping

import yaml

from bot.errors import ConfigError
from bot.municipality.config_files import read_date, read_mapping
from bot.municipality.helplines import PLACEHOLDERS as HELPLINE_PLACEHOLDERS
from bot.ops.settings import PROJECT_ROOT


FAQ_FILE: Final = PROJECT_ROOT / "config" / "faq.yml"
NLU_DIR: Final = PROJECT_ROOT / "data" / "nlu"

# The topics the dialogue refers to (issues 25, 26): a file without one of them stops the start.
REQUIRED_IDS: Final[tuple[str, ...]] = (
    "privacy_meelezen", "privacy_bewaren", "privacy_wissen", "privacy_bsn", "privacy_anoniem",
    "privacy_delen", "privacy_telefoon_zien", "privacy_snel_weg", "is_mens", "kosten", "onafhankelijk",
    "verwijzing", "taal_tolk", "taal_eigen", "taal_engels", "doof_slechthorend", "iemand_mee",
    "namens_ander", "keukentafel_mee", "keukentafel_wat", "wmo_wat", "luisterlijn_wat",
    "luisterlijn_open", "zmp_chat", "veilig_thuis_chat", "veilig_thuis_wat", "nood_wanneer",
    "welk_nummer", "meedenkers_open", "wat_gebeurt_nu", "wanneer_gebeld", "nummer_beller",
    "duur_gesprek", "waar_afspraak", "wie_meedenker", "kiezen_wisselen", "wat_doet", "wat_niet",
    "sociaal_team", "wijzigen", "annuleren", "referentie_kwijt", "niet_gebeld", "klacht",
    "chat_ipv_bellen", "kanalen", "later_verder", "opnieuw_beginnen", "spoed_vandaag",
    "gemeente_onbekend", "andere_gemeente", "voor_wie_bedoeld", "jongeren", "formulieren", "bezwaar",
    "pgb", "vrijwillig", "wachtlijst", "beroepsgeheim", "huisarts_ipv", "geen_internet", "wat_kan_bot",
    # asked mid-flow and left unanswered in the residents' tests of 2026-12-06 (issues 25, 26)
    "contact_alleen_u", "niemand_weet", "verstuurd",
)
CHANNELS: Final = ("widget", "telegram", "whatsapp")
# Rasa's name for the website widget's channel (channels/rest.py).
CHANNEL_ALIASES: Final = {"rest": "widget"}
LANGUAGES: Final = ("nl", "en")
# Entries whose answer says whether a line is open at this moment ({nu_open}).
NU_OPEN_IDS: Final = frozenset({"luisterlijn_open", "meedenkers_open"})
# The helplines' own placeholders (bot/municipality/helplines.py) and what the FAQ service computes.
PLACEHOLDERS: Final = HELPLINE_PLACEHOLDERS | frozenset({
    "meedenkers_uren", "terugbel_dagen", "terugbellen_uiterlijk", "bewaartermijn", "nu_open",
})
_ID: Final = re.compile(r"^[a-z][a-z0-9_]*$")
_ENTRY_FIELDS: Final = ("id", "vragen", "antwoord", "antwoord_je", "answer_en", "kanalen")
_CHANNEL_FIELDS: Final = frozenset({"antwoord", "antwoord_je", "answer_en"})
# How the conversation addresses the resident (the Rasa slot `aanspreek`, bot/conversation/tone.py): "je" to a
# young resident who writes informally or says "je"; "u" otherwise (and when the slot is empty).
ADDRESS_FORMS: Final = ("u", "je")
# Words that must not appear in an answer in the other form (the tests and the loader use them).
U_WORDS: Final = re.compile(r"\b(?:u|uw)\b", re.IGNORECASE)
JE_WORDS: Final = re.compile(r"\b(?:je|jij|jou|jouw)\b", re.IGNORECASE)


class FaqError(ConfigError, ValueError):
    """The FAQ file is missing, unreadable, or has a bad entry (message: file, entry and field)."""


# --------------------------------------------------------------------------------------------
# The file
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FaqEntry:
    id: str
    vragen: tuple[str, ...]
    antwoord: str
    answer_en: str
    # channel -> (Dutch "u" answer, English answer, Dutch "je" answer), only where the truth
    # differs per channel
    kanalen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The Dutch answer in "je"; the file must have it (load_faq), an entry built in code may not.
    antwoord_je: str = ""

    def template(self, lang: str = "nl", channel: str | None = None, aanspreek: str | None = None) -> str:
        """The answer before its placeholders are filled; "je" only for Dutch (English has one you)."""
        texts = self.kanalen.get(CHANNEL_ALIASES.get(channel or "", channel or ""))
        dutch, english, dutch_je = (texts + ("",))[:3] if texts else (self.antwoord, self.answer_en, self.antwoord_je)
        if lang == "en":
            return english
        return (dutch_je or dutch) if aanspreek == "je" else dutch

    def templates(self) -> Iterable[tuple[str, str, str | None, str]]:
        """(text, language, channel, address form) of every answer of this entry."""
        yield self.antwoord, "nl", None, "u"
        yield self.antwoord_je, "nl", None, "je"
        yield self.answer_en, "en", None, "u"
        for channel, (dutch, english, *dutch_je) in self.kanalen.items():
            yield dutch, "nl", channel, "u"
            yield (dutch_je or [""])[0], "nl", channel, "je"
            yield english, "en", channel, "u"


@dataclass(frozen=True)
class FaqBook:
    checked: date
    entries: Mapping[str, FaqEntry]
    geen_faq: tuple[str, ...]  # messages that are not questions about the service


def _error(path: Path, where: str, message: str) -> FaqError:
    return FaqError(f"{path}: {where}: {message}")


def _text(raw: object, path: Path, where: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _error(path, where, f"must be a text, got {raw!r}")
    return " ".join(raw.split())


def _check_placeholders(text: str, entry_id: str, path: Path, where: str) -> None:
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as problem:
        raise _error(path, where, f"has a broken {{placeholder}}: {problem}") from problem
    for name in fields:
        if name not in PLACEHOLDERS:
            raise _error(path, where, f"unknown placeholder {{{name}}} (known: {', '.join(sorted(PLACEHOLDERS))})")
        if name == "nu_open" and entry_id not in NU_OPEN_IDS:
            raise _error(path, where, f"{{nu_open}} is only computed for {', '.join(sorted(NU_OPEN_IDS))}")


def _check_address(text: str, form: str, path: Path, where: str) -> None:
    """A "je" answer with "u" or "uw" in it (or the other way round) mixes both in one conversation."""
    found = (U_WORDS if form == "je" else JE_WORDS).search(text)
    if found:
        rule = "antwoord_je says je/jij/jouw" if form == "je" else "antwoord says u/uw"
        raise _error(path, where, f"says {found.group(0)!r}; {rule}")


def _entry(raw: object, index: int, path: Path) -> FaqEntry:
    if not isinstance(raw, dict):
        raise _error(path, f"faq[{index}]", "must be a mapping with id, vragen, antwoord, antwoord_je and answer_en")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise _error(path, f"faq[{index}].id", f"must be lowercase letters, digits and _, got {entry_id!r}")
    where = f"faq[{index}] ({entry_id})"
    for key in raw:
        if key not in _ENTRY_FIELDS:
            raise _error(path, f"{where}.{key}", f"is not a known field (known: {', '.join(_ENTRY_FIELDS)})")
    vragen = raw.get("vragen")
    if not isinstance(vragen, list) or not vragen:
        raise _error(path, f"{where}.vragen", "must be a list of questions")
    questions = tuple(_text(q, path, f"{where}.vragen[{i}]") for i, q in enumerate(vragen))
    texts = {key: _text(raw.get(key), path, f"{where}.{key}") for key in ("antwoord", "antwoord_je", "answer_en")}
    kanalen: dict[str, tuple[str, str, str]] = {}
    raw_kanalen = raw.get("kanalen") or {}
    if not isinstance(raw_kanalen, dict):
        raise _error(path, f"{where}.kanalen",
                     f"must map a channel ({', '.join(CHANNELS)}) to antwoord, antwoord_je and answer_en")
    for channel, pair in raw_kanalen.items():
        if channel not in CHANNELS:
            raise _error(path, f"{where}.kanalen.{channel}", f"is not a channel; use {', '.join(CHANNELS)}")
        if not isinstance(pair, dict) or set(pair) != _CHANNEL_FIELDS:
            raise _error(path, f"{where}.kanalen.{channel}", "must have exactly antwoord, antwoord_je and answer_en")
        kanalen[channel] = (_text(pair["antwoord"], path, f"{where}.kanalen.{channel}.antwoord"),
                            _text(pair["answer_en"], path, f"{where}.kanalen.{channel}.answer_en"),
                            _text(pair["antwoord_je"], path, f"{where}.kanalen.{channel}.antwoord_je"))
    entry = FaqEntry(entry_id, questions, texts["antwoord"], texts["answer_en"], kanalen, texts["antwoord_je"])
    for text, lang, channel, form in entry.templates():
        key = "answer_en" if lang == "en" else ("antwoord_je" if form == "je" else "antwoord")
        field_name = f"{where}.{f'kanalen.{channel}.' if channel else ''}{key}"
        _check_placeholders(text, entry_id, path, field_name)
        if lang == "nl":
            _check_address(text, form, path, field_name)
    return entry


def load_faq(path: Path = FAQ_FILE) -> FaqBook:
    """Parse and check the FAQ file; errors name the file, the entry and the field."""
    path = Path(path)
    data = read_mapping(path, FaqError)
    checked = read_date(data, "checked", path, FaqError)
    raw_entries = data.get("faq")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise _error(path, "faq", "must be a list of questions and answers")
    entries: dict[str, FaqEntry] = {}
    for index, raw in enumerate(raw_entries):
        entry = _entry(raw, index, path)
        if entry.id in entries:
            raise _error(path, f"faq[{index}].id", f"{entry.id!r} appears twice")
        entries[entry.id] = entry
    missing = [i for i in REQUIRED_IDS if i not in entries]
    if missing:
        raise _error(path, "faq", f"misses the entries {', '.join(missing)}")
    raw_negatives = data.get("geen_faq") or []
    if not isinstance(raw_negatives, list):
        raise _error(path, "geen_faq", "must be a list of messages")
    negatives = tuple(_text(t, path, f"geen_faq[{i}]") for i, t in enumerate(raw_negatives))
    return FaqBook(checked, entries, negatives)


def resident_examples(nlu_dir: Path = NLU_DIR) -> list[str]:
    """Residents' messages in the Rasa training data that are not questions about the service:
    every intent except the info intents (which are such questions, answered by this FAQ)."""
    texts: list[str] = []
    for path in sorted(Path(nlu_dir).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu") or []:
            intent = block.get("intent") if isinstance(block, dict) else None
            if not intent or intent.startswith("info_"):
                continue
            examples = block.get("examples") or []
            if isinstance(examples, str):  # Rasa's "- text" block form
                texts += [line.strip()[2:].strip() for line in examples.splitlines() if line.strip().startswith("- ")]
            else:
                texts += [e["text"] if isinstance(e, dict) else str(e) for e in examples]
    return [t for t in texts if t.strip()]
