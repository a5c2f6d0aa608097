"""Helpline numbers, loaded from configuration (config/helplines.yml), never written in code.

Numbers change; a municipality updates the file and its `checked` date without a code change.
Responses in domain.yml use the placeholders from `template_values()`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

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
        """Values for the `{placeholders}` in domain.yml responses."""
        return {
            "luisterlijn_telefoon": self.luisterlijn.phone,
            "luisterlijn_chat": self.luisterlijn.chat_url or "",
            "luisterlijn_uren": self.luisterlijn.hours or "",
            "zmp_telefoon": self.zelfmoordpreventie.phone,
            "zmp_gratis": self.zelfmoordpreventie.phone_free or "",
            "zmp_chat": self.zelfmoordpreventie.chat_url or "",
            "nood_telefoon": self.noodnummer.phone,
            "veilig_thuis_telefoon": self.veilig_thuis.phone,
            "veilig_thuis_chat": self.veilig_thuis.chat_url or "",
            "veilig_thuis_chat_uren": self.veilig_thuis.chat_hours or "",
            "luisterlijn_chat_uren": self.luisterlijn.chat_hours or self.luisterlijn.hours or "",
            "kindertelefoon_telefoon": self.kindertelefoon.phone,
            "kindertelefoon_chat": self.kindertelefoon.chat_url or "",
            "kindertelefoon_uren": self.kindertelefoon.hours or "",
            "politie_telefoon": self.politie.phone,
            # tel: links for buttons that dial, where the channel allows.
            "luisterlijn_tel": f"tel:{self.luisterlijn.phone_dial}",
            "zmp_tel": f"tel:{_digits(self.zelfmoordpreventie.phone)}",
            "zmp_gratis_tel": f"tel:{self.zelfmoordpreventie.phone_dial}",
            "nood_tel": f"tel:{self.noodnummer.phone_dial}",
            "veilig_thuis_tel": f"tel:{self.veilig_thuis.phone_dial}",
        }


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit() or ch == "+")


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
