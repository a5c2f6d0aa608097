"""The kinds of e-mail a dashboard account can choose, with their Dutch names for the settings page."""
from __future__ import annotations

from typing import Final, Sequence

NEW_TICKET: Final = "new_ticket"
DUE_SOON: Final = "due_soon"
DIGEST: Final = "digest"
MAIL_KINDS: Final[tuple[str, ...]] = (NEW_TICKET, DUE_SOON, DIGEST)
KIND_LABELS: Final[dict[str, str]] = {
    NEW_TICKET: "Direct bij een nieuw terugbelverzoek in mijn gemeenten",
    DUE_SOON: "Als een ticket bijna te laat is en nog geen meedenker heeft",
    DIGEST: "Eén keer per dag een overzicht van de open tickets",
}


def chosen_kinds(stored: Sequence[str] | None) -> tuple[str, ...]:
    """An account's kinds: NULL in the database means every kind (the default for a new account)."""
    if stored is None:
        return MAIL_KINDS
    return tuple(kind for kind in MAIL_KINDS if kind in stored)
