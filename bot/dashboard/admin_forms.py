"""Parsing what admins type into account and meedenker forms (also used by the CLI)."""
from __future__ import annotations

import re

from bot.dashboard.repository import Invalid
from bot.municipality.gemeenten import find_gemeente


def parse_gemeenten(text: str) -> list[str]:
    """Official names from a comma- or line-separated list; Invalid names the ones not found."""
    names, unknown = [], []
    for part in re.split(r"[,\n;]+", text or ""):
        if part.strip():
            found = find_gemeente(part.strip())
            (names.append(found) if found else unknown.append(part.strip()[:60]))
    if unknown:
        raise Invalid("Deze gemeenten kennen we niet: " + ", ".join(unknown) + ".")
    return sorted(set(names))
