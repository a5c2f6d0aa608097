"""Process-wide things the actions share, created on first use (never at import time)."""
from __future__ import annotations

from functools import lru_cache

from bot.conversation.callback import Services
from bot.municipality.helplines import load_helplines
from bot.ops.settings import get_settings


@lru_cache(maxsize=1)
def helpline_values() -> dict[str, str]:
    """Numbers for the response placeholders, from config/helplines.yml."""
    return load_helplines(get_settings().helplines_file).template_values()


@lru_cache(maxsize=1)
def services() -> Services:
    """The queue (migrated on first use), the sociale kaart and the office hours."""
    return Services.from_settings(get_settings())
