"""The process's FAQ: the files it was configured with, the model built once (under a lock), and
the two questions callers ask: `match` (which question is this?) and `answer` (its text).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np

from bot.municipality.helplines import Helplines, load_helplines
from bot.municipality.office_hours import OfficeHours, format_moment, load_office_hours
from bot.ops.settings import PROJECT_ROOT
from bot.conversation.faq.book import ADDRESS_FORMS, FAQ_FILE, FaqBook, LANGUAGES, load_faq
from bot.conversation.faq.model import FaqMatch, FaqModel, build_model, reads_as_question
from bot.conversation.faq.english import (
    _describe_en,
    _hours_en,
    _luisterlijn_now,
    _meedenkers_now,
    _moment_en,
    _retention,
)


_lock = threading.RLock()  # configure() takes it too, and may run inside _default_model()
_model: FaqModel | None = None


def _default_model() -> FaqModel:
    global _model
    with _lock:
        if _model is None:
            _model = build_model(_sources().book)
        return _model


def warm_up() -> None:
    """Train or load the model now (at start-up), so the first question is not slow."""
    _default_model()


def match_embedding(vector: np.ndarray, text: str) -> FaqMatch | None:
    """The FAQ question this message asks, or None; `vector` is the message's embedding from
    bot/encoder.embed_one(text), so a parse that already has it does not embed twice."""
    return _default_model().match_vector(vector, text)


def match(text: str) -> FaqMatch | None:
    """The FAQ question this message asks, or None (a worry, a form answer, anything else)."""
    if not reads_as_question(text):
        return None
    from bot.understanding.encoder import embed_one

    return match_embedding(embed_one(text), text)


@dataclass(frozen=True)
class _Sources:
    book: FaqBook
    helplines: Helplines
    hours: OfficeHours
    retention_days: int


_sources_given: _Sources | None = None
DEFAULT_RETENTION_DAYS = 365  # bot/ops/settings.py's default for RETENTION_DAYS


def configure(helplines_file: Path, office_hours_file: Path, retention_days: int,
              faq_file: Path = FAQ_FILE) -> None:
    """Read the files answers are filled from (once per process; errors name the file).

    Processes with settings call it at start: `configure(s.helplines_file, s.office_hours_file,
    s.retention_days)`. Without it, `answer` reads them through bot.ops.settings.get_settings().
    """
    global _sources_given, _model
    if retention_days < 1:
        raise ValueError("retention_days must be at least 1")
    sources = _Sources(load_faq(faq_file), load_helplines(Path(helplines_file)),
                       load_office_hours(Path(office_hours_file)), retention_days)
    with _lock:
        if _model is not None and _sources_given is not None and sources.book != _sources_given.book:
            _model = None  # another file: the model is built again on first use
        _sources_given = sources


def _sources() -> _Sources:
    if _sources_given is None:
        from bot.ops.settings import SettingsError, get_settings

        try:
            settings = get_settings()
            configure(settings.helplines_file, settings.office_hours_file, settings.retention_days)
        except SettingsError:
            # A process without the service's secrets (`rasa test`, a script) still matches and
            # answers, from the files and defaults the settings would use.
            env = os.environ
            configure(Path(env.get("MEEDENKER_HELPLINES_FILE") or PROJECT_ROOT / "config" / "helplines.yml"),
                      Path(env.get("MEEDENKER_OFFICE_HOURS_FILE") or PROJECT_ROOT / "config" / "office_hours.yml"),
                      int(env.get("RETENTION_DAYS") or DEFAULT_RETENTION_DAYS))
    assert _sources_given is not None
    return _sources_given


def _values(sources: _Sources, entry_id: str, lang: str, now: datetime) -> dict[str, str]:
    lines = sources.helplines
    values = dict(lines.template_values())
    if lang == "en":  # free-text hours are Dutch: English gets what can be said without translating them
        for key, hours in (("luisterlijn_uren", lines.luisterlijn.hours),
                           ("luisterlijn_chat_uren", lines.luisterlijn.chat_hours or lines.luisterlijn.hours),
                           ("zmp_uren", lines.zelfmoordpreventie.hours),
                           ("veilig_thuis_uren", lines.veilig_thuis.hours),
                           ("veilig_thuis_chat_uren", lines.veilig_thuis.chat_hours),
                           ("kindertelefoon_uren", lines.kindertelefoon.hours)):
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


def answer(faq_id: str, lang: str = "nl", channel: str | None = None, now: datetime | None = None,
           aanspreek: str | None = None) -> str:
    """The answer to one FAQ question, filled from configuration at `now` (timezone-aware; the
    office's time when omitted). `channel`: widget (or Rasa's 'rest'), telegram, whatsapp, or None
    for an answer that is true on every channel. `aanspreek`: "je" for the Dutch answer in "je"
    (the conversation's slot), "u" or None for "u"."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    if aanspreek is not None and aanspreek not in ADDRESS_FORMS:
        raise ValueError(f"aanspreek must be one of {', '.join(ADDRESS_FORMS)} or None, got {aanspreek!r}")
    sources = _sources()
    entry = sources.book.entries.get(faq_id)
    if entry is None:
        raise KeyError(f"no FAQ entry {faq_id!r} in {FAQ_FILE.name}")
    moment = now or datetime.now(tz=sources.hours.timezone)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("now must be timezone-aware (for example datetime.now(tz=ZoneInfo('Europe/Amsterdam')))")
    text = entry.template(lang, channel, aanspreek).format(**_values(sources, faq_id, lang, moment))
    return " ".join(text.split())
