"""Sending the follow-up question (filled in with part 3 of issue 29)."""
from __future__ import annotations

from typing import Any


def delivery_for(store: Any, settings: Any) -> None:
    return None
