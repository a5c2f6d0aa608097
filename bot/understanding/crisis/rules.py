"""All crisis rules in the order they run, and the contexts some of them need or exclude.

The routes are joined most urgent first (crisis_112, crisis_113, crisis_veilig_thuis); within a
route the order of its module is kept.
"""
from __future__ import annotations

import re
from typing import Final

from bot.understanding.crisis.rules_112 import CONTEXT_REQUIRED_112, RULES_112
from bot.understanding.crisis.rules_113 import CONTEXT_EXCLUDED_113, CONTEXT_REQUIRED_113, RULES_113
from bot.understanding.crisis.rules_veilig_thuis import CONTEXT_REQUIRED_VEILIG_THUIS, RULES_VEILIG_THUIS

RULES: Final[list[tuple[str, str, re.Pattern[str]]]] = [*RULES_112, *RULES_113, *RULES_VEILIG_THUIS]

# Rules that do not count when the message says what the words are for.
CONTEXT_EXCLUDED: Final[dict[str, re.Pattern[str]]] = {**CONTEXT_EXCLUDED_113}

# Rules that only count when the message also holds a context.
CONTEXT_REQUIRED: Final[dict[str, re.Pattern[str]]] = {
    **CONTEXT_REQUIRED_VEILIG_THUIS,
    **CONTEXT_REQUIRED_113,
    **CONTEXT_REQUIRED_112,
}
