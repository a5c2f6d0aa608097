"""The follow-up question's words and buttons, read from domain.yml like every other bot text.

The question is sent by the web process's outbox worker, not by Rasa, so it reads the response
itself; its buttons' payloads there are the answers (geholpen, niet_geholpen, geen_contact).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.queue.models import FOLLOWUP_ANSWERS
from bot.ops.settings import PROJECT_ROOT

QUESTION = "utter_nazorg_na_afloop"


@dataclass(frozen=True)
class Question:
    text: str  # with {referentie}
    buttons: tuple[tuple[str, str], ...]  # (answer, title)

    def for_ticket(self, ticket_id: str) -> str:
        return self.text.replace("{referentie}", ticket_id)


@lru_cache(maxsize=4)
def load_question(domain_file: Path = PROJECT_ROOT / "domain.yml") -> Question:
    """The question of domain.yml; raises ValueError when it or one of its answers is missing."""
    responses = (yaml.safe_load(domain_file.read_text(encoding="utf-8")) or {}).get("responses") or {}
    variants = responses.get(QUESTION) or []
    if not variants or not isinstance(variants[0], dict) or not variants[0].get("text"):
        raise ValueError(f"{domain_file}: response {QUESTION} is missing")
    buttons = tuple((str(b.get("payload")), str(b.get("title"))) for b in variants[0].get("buttons") or [])
    if tuple(answer for answer, _ in buttons) != FOLLOWUP_ANSWERS:
        raise ValueError(f"{domain_file}: {QUESTION} needs the buttons {', '.join(FOLLOWUP_ANSWERS)}, in that order")
    return Question(str(variants[0]["text"]), buttons)
