"""The werkmodel of onafhankelijke cliëntondersteuning: leefgebieden × doelgroepen, and routes.

This is the one place where these ids live (domain guide §3–§4); everything else imports them,
so a renamed id cannot drift between the classifier, the dialogue, the tickets and the tests.
"""
from __future__ import annotations

from typing import Final

LEEFGEBIEDEN: Final[tuple[str, ...]] = (
    "wonen",
    "leren",
    "werken",
    "sociale_relaties",
    "gezondheid",
    "financien",
)

DOELGROEPEN: Final[tuple[str, ...]] = (
    "jongeren",
    "ouderen",
    "ouders_gezin",
    "nah",
    "ggz",
    "lichamelijke_beperking",
    "verstandelijke_beperking",
    "laag_ses",
    "mantelzorgers",
    "niet_westerse_achtergrond",
)

# Plain Dutch names, for buttons and summaries shown to residents and coordinators.
LEEFGEBIED_LABELS: Final[dict[str, str]] = {
    "wonen": "wonen",
    "leren": "school en leren",
    "werken": "werk en dagbesteding",
    "sociale_relaties": "familie, vrienden en contact met anderen",
    "gezondheid": "gezondheid en zorg",
    "financien": "geld en post",
}

DOELGROEP_LABELS: Final[dict[str, str]] = {
    "jongeren": "jongeren",
    "ouderen": "ouderen",
    "ouders_gezin": "ouders en gezin",
    "nah": "niet-aangeboren hersenletsel",
    "ggz": "psychische klachten",
    "lichamelijke_beperking": "lichamelijke beperking",
    "verstandelijke_beperking": "verstandelijke beperking",
    "laag_ses": "laag inkomen of moeite met lezen",
    "mantelzorgers": "mantelzorgers",
    "niet_westerse_achtergrond": "niet-westerse achtergrond",
}

ROUTE_MEEDENKER: Final = "meedenker"
ROUTE_LUISTEREN: Final = "luisteren"
ROUTE_INFO: Final = "info"
ROUTE_CRISIS_113: Final = "crisis_113"
ROUTE_CRISIS_112: Final = "crisis_112"
ROUTE_CRISIS_VEILIG_THUIS: Final = "crisis_veilig_thuis"

ROUTES: Final[tuple[str, ...]] = (
    ROUTE_MEEDENKER,
    ROUTE_LUISTEREN,
    ROUTE_INFO,
    ROUTE_CRISIS_113,
    ROUTE_CRISIS_112,
    ROUTE_CRISIS_VEILIG_THUIS,
)
CRISIS_ROUTES: Final[frozenset[str]] = frozenset(
    {ROUTE_CRISIS_113, ROUTE_CRISIS_112, ROUTE_CRISIS_VEILIG_THUIS}
)


def is_crisis(route: str | None) -> bool:
    """True for any of the three crisis routes."""
    return route in CRISIS_ROUTES

# Plain Dutch names of the routes, for coordinators (dashboard tables, reports).
# The two kinds of meedenker (domain §5), and a resident's preference between them. The one
# home of these values: the ticket model, the callback form, the advice and the dashboard import them.
INFORMEEL: Final = "informeel"  # volunteer or ervaringsdeskundige
FORMEEL: Final = "formeel"  # paid professional
MEEDENKER_TYPES: Final[tuple[str, ...]] = (INFORMEEL, FORMEEL)
GEEN_VOORKEUR: Final = "geen"  # the resident does not mind which kind
PREFERENCES: Final[tuple[str, ...]] = (*MEEDENKER_TYPES, GEEN_VOORKEUR)

ROUTE_LABELS: Final[dict[str, str]] = {
    ROUTE_MEEDENKER: "meedenker",
    ROUTE_LUISTEREN: "luisterend oor",
    ROUTE_INFO: "informatie",
    ROUTE_CRISIS_113: "crisis: 113",
    ROUTE_CRISIS_112: "crisis: 112",
    ROUTE_CRISIS_VEILIG_THUIS: "crisis: Veilig Thuis",
}
