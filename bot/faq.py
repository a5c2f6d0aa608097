"""Questions residents ask mid-conversation about the service itself, and their short, true answers.

Why this module: "leest de gemeente mee?", "spreekt de meedenker Arabisch?", "is De Luisterlijn nu
open, het is zondag?" come at any step of a conversation. A wrong answer ("Ja…" to "does the
gemeente read along?") is worse than none, so the answers live in one reviewed file
(config/faq.yml), are filled from the configuration that holds each fact (helplines, office hours,
retention), and a message gets an answer only when it is clearly one of those questions.

Matching (docs/faq.md has the figures): the message's sentence embedding (bot/encoder.py, the one
the crisis net and the classifier already use) is compared with every paraphrase in the file and
with residents' own messages that are *not* questions about the service: the resident examples in
data/nlu/ and the file's `geen_faq` list. The nearest paraphrase wins only when it is close enough
(`THRESHOLD`), clearly closer than the best paraphrase of any other question (`MARGIN`) and
clearly closer than the nearest non-question (`NEGATIVE_MARGIN`). So "ik heb schulden, kunnen
jullie helpen?" (a worry, near the hulpvraag examples) and form answers ("Sanne", "Goes") get
None, and the dialogue treats them as it always did.

Nothing is read or embedded at import time. `match` builds the index on first use (embeddings
cached under var/encoder_cache by bot/encoder.embed_cached); `answer` reads the configuration
given to `configure`, or the process settings (bot/settings.py) when none was given.
"""
from __future__ import annotations

import os
import re
import string
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Final, Iterable, Mapping, Sequence

import numpy as np
import yaml

from bot.config_files import read_date, read_mapping
from bot.helplines import Helpline, Helplines, load_helplines
from bot.office_hours import OfficeHours, format_moment, format_time, load_office_hours
from bot.settings import PROJECT_ROOT

__all__ = [
    "FAQ_FILE",
    "REQUIRED_IDS",
    "FaqBook",
    "FaqEntry",
    "FaqError",
    "FaqMatch",
    "FaqMatcher",
    "answer",
    "configure",
    "load_faq",
    "match",
    "match_embedding",
    "resident_examples",
]

FAQ_FILE: Final = PROJECT_ROOT / "config" / "faq.yml"
NLU_DIR: Final = PROJECT_ROOT / "data" / "nlu"

# The topics the dialogue refers to (issue 26): a file without one of them stops the start.
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
)
CHANNELS: Final = ("widget", "telegram", "whatsapp")
# Rasa's name for the website widget's channel (channels/rest.py).
CHANNEL_ALIASES: Final = {"rest": "widget"}
LANGUAGES: Final = ("nl", "en")
# Entries whose answer says whether a line is open at this moment ({nu_open}).
NU_OPEN_IDS: Final = frozenset({"luisterlijn_open", "meedenkers_open"})
PLACEHOLDERS: Final = frozenset({
    "luisterlijn_telefoon", "luisterlijn_chat", "luisterlijn_uren", "luisterlijn_chat_uren",
    "zmp_telefoon", "zmp_gratis", "zmp_chat", "zmp_uren", "nood_telefoon",
    "veilig_thuis_telefoon", "veilig_thuis_uren", "veilig_thuis_chat", "veilig_thuis_chat_uren",
    "meedenkers_uren", "terugbel_dagen", "terugbellen_uiterlijk", "bewaartermijn", "nu_open",
})
_ID: Final = re.compile(r"^[a-z][a-z0-9_]*$")
_ENTRY_FIELDS: Final = ("id", "vragen", "antwoord", "answer_en", "kanalen")

# Matching, chosen by leave-one-out on the file's paraphrases and the resident examples in
# data/nlu/ (scripts/faq_compare.py --tune; never on an evaluation file). Cosines of e5-small
# lie between about 0.7 and 1.0.
THRESHOLD: Final = 0.88
MARGIN: Final = 0.0
NEGATIVE_MARGIN: Final = 0.01
# A message this long is a story, not a question about the service (the nets read it).
MAX_WORDS: Final = 40
_WORD: Final = re.compile(r"[^\W\d_]+")


class FaqError(ValueError):
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
    # channel -> (Dutch answer, English answer), only where the truth differs per channel
    kanalen: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    def template(self, lang: str = "nl", channel: str | None = None) -> str:
        """The answer before its placeholders are filled."""
        texts = self.kanalen.get(CHANNEL_ALIASES.get(channel or "", channel or ""))
        dutch, english = texts if texts else (self.antwoord, self.answer_en)
        return english if lang == "en" else dutch

    def templates(self) -> Iterable[tuple[str, str, str | None]]:
        """(text, language, channel) of every answer of this entry."""
        yield self.antwoord, "nl", None
        yield self.answer_en, "en", None
        for channel, (dutch, english) in self.kanalen.items():
            yield dutch, "nl", channel
            yield english, "en", channel


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


def _entry(raw: object, index: int, path: Path) -> FaqEntry:
    if not isinstance(raw, dict):
        raise _error(path, f"faq[{index}]", "must be a mapping with id, vragen, antwoord and answer_en")
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
    texts = {key: _text(raw.get(key), path, f"{where}.{key}") for key in ("antwoord", "answer_en")}
    kanalen: dict[str, tuple[str, str]] = {}
    raw_kanalen = raw.get("kanalen") or {}
    if not isinstance(raw_kanalen, dict):
        raise _error(path, f"{where}.kanalen", f"must map a channel ({', '.join(CHANNELS)}) to antwoord and answer_en")
    for channel, pair in raw_kanalen.items():
        if channel not in CHANNELS:
            raise _error(path, f"{where}.kanalen.{channel}", f"is not a channel; use {', '.join(CHANNELS)}")
        if not isinstance(pair, dict) or set(pair) != {"antwoord", "answer_en"}:
            raise _error(path, f"{where}.kanalen.{channel}", "must have exactly antwoord and answer_en")
        kanalen[channel] = (_text(pair["antwoord"], path, f"{where}.kanalen.{channel}.antwoord"),
                            _text(pair["answer_en"], path, f"{where}.kanalen.{channel}.answer_en"))
    entry = FaqEntry(entry_id, questions, texts["antwoord"], texts["answer_en"], kanalen)
    for text, lang, channel in entry.templates():
        key = "antwoord" if lang == "nl" else "answer_en"
        _check_placeholders(text, entry_id, path, f"{where}.{f'kanalen.{channel}.' if channel else ''}{key}")
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


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FaqMatch:
    id: str
    score: float  # cosine of the message and the nearest paraphrase of this question


@dataclass(frozen=True)
class Scores:
    """Why a message did or did not match: the best question, its runner-up and the nearest
    non-question (for scripts/faq_compare.py and for a reviewer)."""

    best_id: str
    best: float
    second_id: str
    second: float
    negative: float

    def accepts(self, threshold: float = THRESHOLD, margin: float = MARGIN,
                negative_margin: float = NEGATIVE_MARGIN) -> bool:
        return (self.best >= threshold and self.best - self.second >= margin
                and self.best - self.negative >= negative_margin)


def reads_as_question(text: str) -> bool:
    """Cheap checks before the embedding: a lone word without '?' is a form answer ("Sanne",
    "Goes", "dinsdagochtend"), and a long message is a story (the hulpvraag route reads it)."""
    words = _WORD.findall(text)
    if not words or len(text.split()) > MAX_WORDS:
        return False
    return len(words) > 1 or "?" in text


class FaqMatcher:
    """Nearest paraphrase by cosine, with a threshold and two margins (module docstring)."""

    def __init__(self, book: FaqBook, negatives: Sequence[str],
                 embed_many: Callable[[Sequence[str]], np.ndarray]) -> None:
        questions = [(entry.id, q) for entry in book.entries.values() for q in entry.vragen]
        self.ids = np.array([i for i, _ in questions])
        self.questions = [q for _, q in questions]
        self.negatives = list(dict.fromkeys([*book.geen_faq, *negatives]))
        self.question_vectors = embed_many(self.questions)
        self.negative_vectors = embed_many(self.negatives)
        self.labels = sorted(set(self.ids))
        self._label_index = np.array([self.labels.index(i) for i in self.ids])

    def scores(self, vector: np.ndarray, exclude_question: int | None = None,
               exclude_negative: int | None = None) -> Scores:
        """The best and second-best question and the nearest non-question; `exclude_*` leave one
        example out (leave-one-out in scripts/faq_compare.py)."""
        similarity = self.question_vectors @ vector
        if exclude_question is not None:
            similarity[exclude_question] = -1.0
        best_per_label = np.full(len(self.labels), -1.0)
        np.maximum.at(best_per_label, self._label_index, similarity)
        order = np.argsort(best_per_label)[::-1]
        negative = self.negative_vectors @ vector
        if exclude_negative is not None:
            negative[exclude_negative] = -1.0
        return Scores(self.labels[order[0]], float(best_per_label[order[0]]), self.labels[order[1]],
                      float(best_per_label[order[1]]), float(negative.max()) if negative.size else -1.0)

    def match_vector(self, vector: np.ndarray, text: str) -> FaqMatch | None:
        if not reads_as_question(text):
            return None
        scores = self.scores(np.asarray(vector, dtype=np.float32).ravel())
        return FaqMatch(scores.best_id, round(scores.best, 4)) if scores.accepts() else None


def _cache_dir() -> Path:
    """Where bot/encoder.py keeps embeddings of training texts (the crisis net's cache too)."""
    return Path(os.environ.get("MEEDENKER_VAR_DIR") or PROJECT_ROOT / "var") / "encoder_cache"


_lock = threading.RLock()  # configure() may run inside _default_matcher()
_matcher: FaqMatcher | None = None


def _default_matcher() -> FaqMatcher:
    global _matcher
    with _lock:
        if _matcher is None:
            from bot.encoder import embed_cached  # the model loads on first use only

            directory = _cache_dir()
            _matcher = FaqMatcher(_sources().book, resident_examples(), lambda texts: embed_cached(texts, directory))
        return _matcher


def match_embedding(vector: np.ndarray, text: str) -> FaqMatch | None:
    """The FAQ question this message asks, or None; `vector` is the message's embedding from
    bot/encoder.embed_one(text), so a parse that already has it does not embed twice."""
    return _default_matcher().match_vector(vector, text)


def match(text: str) -> FaqMatch | None:
    """The FAQ question this message asks, or None (a worry, a form answer, anything else)."""
    if not reads_as_question(text):
        return None
    from bot.encoder import embed_one

    return match_embedding(embed_one(text), text)


# --------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------

DAYS_EN: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN: Final = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December")
_ALWAYS: Final = re.compile(r"\b24/7\b|\bdag en nacht\b.*\b(?:7|zeven|alle) dagen\b|\b(?:elke|iedere) dag\b.*\bdag en nacht\b"
                            r"|\bdag en nacht\b.*\b(?:elke|iedere) dag\b")
_LIMITED: Final = re.compile(r"\b(?:behalve|niet|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
                             r"werkdag\w*|weekend|feestdag\w*|vaste tijden|van \d|tot \d)\b")
_ON_WEBSITE_EN: Final = "at the times on its website"
_ALWAYS_EN: Final = "day and night, 7 days a week"


def always_open(hours: str | None) -> bool:
    """Whether a line's free-text hours say day and night, every day ("dag en nacht, 7 dagen per
    week", "24/7"). Only then may an answer say the line is open now."""
    text = " ".join((hours or "").lower().split())
    return bool(_ALWAYS.search(text)) and not _LIMITED.search(text)


def _hours_en(hours: str | None) -> str:
    return _ALWAYS_EN if always_open(hours) else _ON_WEBSITE_EN


def _moment_en(moment: datetime | date, with_time: bool = False) -> str:
    text = f"{DAYS_EN[moment.weekday()]} {moment.day} {MONTHS_EN[moment.month - 1]}"
    if with_time and isinstance(moment, datetime):
        text += f" at {moment.hour}:{moment.minute:02d}"
    return text


def _describe_en(hours: OfficeHours) -> str:
    """OfficeHours.describe() in English: 'Monday to Thursday 9:00 to 17:00; Friday 9:00 to 16:00'."""
    parts: list[str] = []
    day = 0
    while day < 7:
        end = day
        while end + 1 < 7 and hours.hours[end + 1] == hours.hours[day]:
            end += 1
        if hours.hours[day]:
            days = DAYS_EN[day] if end == day else (f"{DAYS_EN[day]} and {DAYS_EN[end]}" if end == day + 1
                                                    else f"{DAYS_EN[day]} to {DAYS_EN[end]}")
            times = " and ".join(f"{a.hour}:{a.minute:02d} to {b.hour}:{b.minute:02d}" for a, b in hours.hours[day])
            parts.append(f"{days} {times}")
        day = end + 1
    return "; ".join(parts)


def _retention(days: int, lang: str) -> str:
    if days % 365 == 0:
        years = days // 365
        if lang == "en":
            return "a year" if years == 1 else f"{years} years"
        return "een jaar" if years == 1 else f"{years} jaar"
    return f"{days} days" if lang == "en" else f"{days} dagen"


def _when_back(hours: OfficeHours, now: datetime, lang: str) -> str:
    """'vandaag vanaf 13.00 uur', 'morgen vanaf 9.00 uur', 'vanaf maandag 30 november om 9.00 uur'."""
    moment = hours.next_open(now)
    days = (moment.date() - hours.today(now)).days
    if lang == "en":
        if days == 0:
            return f"today from {moment.hour}:{moment.minute:02d}"
        if days == 1:
            return f"tomorrow from {moment.hour}:{moment.minute:02d}"
        return f"from {_moment_en(moment, with_time=True)}"
    if days == 0:
        return f"vandaag vanaf {format_time(moment)}"
    if days == 1:
        return f"morgen vanaf {format_time(moment)}"
    return f"vanaf {format_moment(moment, with_time=True)}"


def _meedenkers_now(hours: OfficeHours, now: datetime, lang: str) -> str:
    if hours.is_open(now):
        return "The meedenkers are working now." if lang == "en" else "De meedenkers zijn nu aan het werk."
    if lang == "en":
        return f"The meedenkers are not working now; they are back {_when_back(hours, now, lang)}."
    return f"Nu zijn de meedenkers er niet; ze zijn er {_when_back(hours, now, lang)} weer."


def _luisterlijn_now(line: Helpline, lang: str) -> str:
    """Open now only when the configured text says day and night, every day (no clock for free text)."""
    phone, chat = line.hours, line.chat_hours or line.hours
    if always_open(phone) and always_open(chat):
        return (f"Yes, {line.name} is open now: you can call and chat {_ALWAYS_EN}." if lang == "en"
                else f"Ja, {line.name} is nu open: u kunt {phone} bellen en chatten.")
    if always_open(phone):
        return (f"You can call {line.name} now, {_ALWAYS_EN}; the chat is open {_ON_WEBSITE_EN}." if lang == "en"
                else f"U kunt {line.name} nu bellen, want dat kan {phone}; de chat is open {chat or 'op vaste tijden'}.")
    if lang == "en" or not phone:
        return (f"{line.name} is open {_ON_WEBSITE_EN}." if lang == "en"
                else f"Kijk op de website van {line.name} wanneer zij open zijn.")
    return f"De telefoon van {line.name} is open {phone}, de chat {chat}."


@dataclass(frozen=True)
class _Sources:
    book: FaqBook
    helplines: Helplines
    hours: OfficeHours
    retention_days: int


_sources_given: _Sources | None = None


def configure(helplines_file: Path, office_hours_file: Path, retention_days: int,
              faq_file: Path = FAQ_FILE) -> None:
    """Read the files answers are filled from (once per process; errors name the file).

    Processes with settings call it at start: `configure(s.helplines_file, s.office_hours_file,
    s.retention_days)`. Without it, `answer` reads them through bot.settings.get_settings().
    """
    global _sources_given, _matcher
    if retention_days < 1:
        raise ValueError("retention_days must be at least 1")
    sources = _Sources(load_faq(faq_file), load_helplines(Path(helplines_file)),
                       load_office_hours(Path(office_hours_file)), retention_days)
    with _lock:
        if _matcher is not None and _sources_given is not None and sources.book != _sources_given.book:
            _matcher = None  # another file: the index is built again on first use
        _sources_given = sources


def _sources() -> _Sources:
    if _sources_given is None:
        from bot.settings import get_settings

        settings = get_settings()
        configure(settings.helplines_file, settings.office_hours_file, settings.retention_days)
    assert _sources_given is not None
    return _sources_given


def _values(sources: _Sources, entry_id: str, lang: str, now: datetime) -> dict[str, str]:
    lines = sources.helplines
    values = dict(lines.template_values())
    values["zmp_uren"] = lines.zelfmoordpreventie.hours or ""
    values["veilig_thuis_uren"] = lines.veilig_thuis.hours or ""
    if lang == "en":  # free-text hours are Dutch: English gets what can be said without translating them
        for key, hours in (("luisterlijn_uren", lines.luisterlijn.hours),
                           ("luisterlijn_chat_uren", lines.luisterlijn.chat_hours or lines.luisterlijn.hours),
                           ("zmp_uren", lines.zelfmoordpreventie.hours),
                           ("veilig_thuis_uren", lines.veilig_thuis.hours),
                           ("veilig_thuis_chat_uren", lines.veilig_thuis.chat_hours)):
            values[key] = _hours_en(hours)
    hours = sources.hours
    values["meedenkers_uren"] = _describe_en(hours) if lang == "en" else hours.describe()
    values["terugbel_dagen"] = str(hours.callback_within_working_days)
    by = hours.callback_by(now)
    values["terugbellen_uiterlijk"] = _moment_en(by) if lang == "en" else format_moment(by)
    values["bewaartermijn"] = _retention(sources.retention_days, lang)
    if entry_id == "luisterlijn_open":
        values["nu_open"] = _luisterlijn_now(lines.luisterlijn, lang)
    elif entry_id == "meedenkers_open":
        values["nu_open"] = _meedenkers_now(hours, now, lang)
    return values


def answer(faq_id: str, lang: str = "nl", channel: str | None = None, now: datetime | None = None) -> str:
    """The answer to one FAQ question, filled from configuration at `now` (timezone-aware; the
    office's time when omitted). `channel`: widget (or Rasa's 'rest'), telegram, whatsapp, or None
    for an answer that is true on every channel."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    sources = _sources()
    entry = sources.book.entries.get(faq_id)
    if entry is None:
        raise KeyError(f"no FAQ entry {faq_id!r} in {FAQ_FILE.name}")
    moment = now or datetime.now(tz=sources.hours.timezone)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("now must be timezone-aware (for example datetime.now(tz=ZoneInfo('Europe/Amsterdam')))")
    text = entry.template(lang, channel).format(**_values(sources, faq_id, lang, moment))
    return " ".join(text.split())
