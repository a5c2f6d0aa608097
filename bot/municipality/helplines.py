"""Helpline numbers, loaded from configuration (config/helplines.yml), never written in code.

Numbers change; a municipality updates the file and its `checked` date without a code change.
Responses in domain.yml use the placeholders from `template_values()`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Final

from bot.errors import ConfigError
from bot.municipality.config_files import read_date, read_mapping

_PHONE = re.compile(r"^[0-9 +\-]{3,20}$")


class HelplineConfigError(ConfigError, ValueError):
    """The helplines file is missing a line or has a malformed number."""


@dataclass(frozen=True)
class Helpline:
    name: str
    phone: str
    phone_dial: str
    chat_url: str | None = None
    hours: str | None = None
    phone_free: str | None = None
    chat_hours: str | None = None  # the chat's hours when they differ from the phone's


@dataclass(frozen=True)
class Helplines:
    checked: date
    luisterlijn: Helpline
    zelfmoordpreventie: Helpline
    noodnummer: Helpline
    veilig_thuis: Helpline
    # Children and teenagers under violence at home are pointed here too (residents' round 45: a boy of
    # 15 got only the adult Veilig Thuis text).
    kindertelefoon: Helpline
    # The police without an emergency: to report a crime or ask advice (residents' round 46: a father asked
    # three times whether he should call the police about his son being hit).
    politie: Helpline

    def template_values(self) -> dict[str, str]:
        """Values for the `{placeholders}` in domain.yml responses and config/faq.yml answers."""
        return {name: value(getattr(self, line)) for name, (line, value) in _TEMPLATE.items()}


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit() or ch == "+")


# Placeholder -> (line, its value). One table, so the FAQ's placeholder check (faq/book.py) and the
# responses know the same names: a line added here cannot be forgotten there.
_TEMPLATE: Final[dict[str, tuple[str, Callable[[Helpline], str]]]] = {
    "luisterlijn_telefoon": ("luisterlijn", lambda line: line.phone),
    "luisterlijn_chat": ("luisterlijn", lambda line: line.chat_url or ""),
    "luisterlijn_uren": ("luisterlijn", lambda line: line.hours or ""),
    "luisterlijn_chat_uren": ("luisterlijn", lambda line: line.chat_hours or line.hours or ""),
    "zmp_telefoon": ("zelfmoordpreventie", lambda line: line.phone),
    "zmp_gratis": ("zelfmoordpreventie", lambda line: line.phone_free or ""),
    "zmp_chat": ("zelfmoordpreventie", lambda line: line.chat_url or ""),
    "zmp_uren": ("zelfmoordpreventie", lambda line: line.hours or ""),
    "nood_telefoon": ("noodnummer", lambda line: line.phone),
    "veilig_thuis_telefoon": ("veilig_thuis", lambda line: line.phone),
    "veilig_thuis_chat": ("veilig_thuis", lambda line: line.chat_url or ""),
    "veilig_thuis_uren": ("veilig_thuis", lambda line: line.hours or ""),
    "veilig_thuis_chat_uren": ("veilig_thuis", lambda line: line.chat_hours or ""),
    "kindertelefoon_telefoon": ("kindertelefoon", lambda line: line.phone),
    "kindertelefoon_chat": ("kindertelefoon", lambda line: line.chat_url or ""),
    "kindertelefoon_uren": ("kindertelefoon", lambda line: line.hours or ""),
    "politie_telefoon": ("politie", lambda line: line.phone),
    # tel: links for buttons that dial, where the channel allows.
    "luisterlijn_tel": ("luisterlijn", lambda line: f"tel:{line.phone_dial}"),
    "zmp_tel": ("zelfmoordpreventie", lambda line: f"tel:{_digits(line.phone)}"),
    "zmp_gratis_tel": ("zelfmoordpreventie", lambda line: f"tel:{line.phone_dial}"),
    "nood_tel": ("noodnummer", lambda line: f"tel:{line.phone_dial}"),
    "veilig_thuis_tel": ("veilig_thuis", lambda line: f"tel:{line.phone_dial}"),
}
PLACEHOLDERS: Final = frozenset(_TEMPLATE)




def _line(data: dict, key: str, path: Path) -> Helpline:
    raw = data.get(key)
    if not isinstance(raw, dict):
        raise HelplineConfigError(f"{path}: section '{key}' is missing")
    for field_name in ("name", "phone", "phone_dial"):
        if not raw.get(field_name):
            raise HelplineConfigError(f"{path}: '{key}.{field_name}' is missing")
    for field_name in ("phone", "phone_dial", "phone_free"):
        value = raw.get(field_name)
        if value and not _PHONE.match(str(value)):
            raise HelplineConfigError(f"{path}: '{key}.{field_name}' is not a phone number: {value!r}")
    return Helpline(**{k: str(v) for k, v in raw.items()})


def load_helplines(path: Path) -> Helplines:
    """Parse and validate the helplines file; errors name the file and the field."""
    data = read_mapping(path, HelplineConfigError)
    checked = read_date(data, "checked", path, HelplineConfigError)
    return Helplines(
        checked=checked,
        luisterlijn=_line(data, "luisterlijn", path),
        zelfmoordpreventie=_line(data, "zelfmoordpreventie", path),
        noodnummer=_line(data, "noodnummer", path),
        veilig_thuis=_line(data, "veilig_thuis", path),
        kindertelefoon=_line(data, "kindertelefoon", path),
        politie=_line(data, "politie", path),
    )
