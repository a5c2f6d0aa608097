"""Dutch names for the ids shown in the dashboard, as Jinja filters (one place for the wording)."""
from __future__ import annotations

from datetime import datetime
from typing import Final
from zoneinfo import ZoneInfo

from jinja2 import Environment

from bot.municipality.office_hours import MONTHS
from bot.understanding.werkmodel import DOELGROEP_LABELS, FORMEEL, INFORMEEL, LEEFGEBIED_LABELS

STATUS_LABELS: Final[dict[str, str]] = {
    "nieuw": "Nieuw",
    "toegewezen": "Toegewezen",
    "in_gesprek": "In gesprek",
    "afgerond": "Afgerond",
    "niet_bereikt": "Niet bereikt",
    "doorverwezen": "Doorverwezen",
}
ROUTE_LABELS: Final[dict[str, str]] = {
    "meedenker": "Meedenker",
    "luisteren": "Luisterend oor",
    "info": "Informatie",
    "crisis_113": "Crisis: 113",
    "crisis_112": "Crisis: 112",
    "crisis_veilig_thuis": "Crisis: Veilig Thuis",
}
TYPE_LABELS: Final[dict[str, str]] = {INFORMEEL: "Informeel (vrijwilliger)", FORMEEL: "Formeel (beroepskracht)"}
ACTION_LABELS: Final[dict[str, str]] = {
    "created": "ticket gemaakt",
    "viewed_contact": "contactgegevens bekeken",
    "status_changed": "status gewijzigd",
    "anonymised": "geanonimiseerd",
    "erased": "gewist",
    "assigned": "meedenker toegewezen",
    "signed_in": "ingelogd",
    "signed_out": "uitgelogd",
    "sign_in_failed": "inloggen mislukt",
    "user_changed": "account gewijzigd",
    "meedenker_changed": "meedenker gewijzigd",
    "exported": "CSV geëxporteerd",
    "mail_sent": "e-mail verstuurd",
    "mail_failed": "e-mail niet verstuurd",
    "followup_consent": "inwoner wil een vraag na afloop",
    "followup_sent": "vraag na afloop verstuurd",
    "followup_answered": "vraag na afloop beantwoord",
    "followup_failed": "vraag na afloop niet verstuurd",
    "urgency_raised": "urgent gemaakt",
    "details_changed": "inwoner heeft gegevens gewijzigd",
}

FOLLOWUP_LABELS: Final[dict[str, str]] = {
    "agreed": "de inwoner wil na afloop één vraag krijgen",
    "queued": "wordt verstuurd",
    "sent": "verstuurd, nog geen antwoord",
    "answered": "beantwoord",
    "not_sent": "niet verstuurd",
}
ANSWER_LABELS: Final[dict[str, str]] = {
    "geholpen": "contact gehad, en het hielp",
    "niet_geholpen": "contact gehad, maar het hielp niet",
    "geen_contact": "geen contact gehad",
}


# The resident's language on a ticket (issue 27); "tolk" filters on every ticket with an interpreter.
LANGUAGE_LABELS: Final[dict[str, str]] = {
    "nl": "Nederlands", "en": "Engels", "ar": "Arabisch", "tr": "Turks", "pl": "Pools", "uk": "Oekraïens",
    "ti": "Tigrinya", "ru": "Russisch (andere taal)",
}
WITH_INTERPRETER = "tolk"


def register_filters(env: Environment, zone: ZoneInfo) -> None:
    def when(value: datetime | None) -> str:
        if value is None:
            return "–"
        local = value.astimezone(zone)
        return f"{local.day} {MONTHS[local.month - 1][:3]} {local.year} {local.hour:02d}:{local.minute:02d}"

    env.filters["when"] = when
    env.filters["status"] = lambda s: STATUS_LABELS.get(s, s)
    env.filters["route"] = lambda s: ROUTE_LABELS.get(s, s or "–")
    env.filters["type"] = lambda s: TYPE_LABELS.get(s, s or "–")
    env.filters["leefgebied"] = lambda s: LEEFGEBIED_LABELS.get(s, s)
    env.filters["doelgroep"] = lambda s: DOELGROEP_LABELS.get(s, s)
    env.filters["action"] = lambda s: ACTION_LABELS.get(s, s)
    env.filters["followup"] = lambda s: FOLLOWUP_LABELS.get(s, s)
    env.filters["answer"] = lambda s: ANSWER_LABELS.get(s, s)
    env.filters["taal"] = lambda s: LANGUAGE_LABELS.get(s, s or "onbekend")
    env.globals.update(STATUS_LABELS=STATUS_LABELS, ROUTE_LABELS=ROUTE_LABELS, TYPE_LABELS=TYPE_LABELS,
                       LEEFGEBIED_LABELS=LEEFGEBIED_LABELS, DOELGROEP_LABELS=DOELGROEP_LABELS,
                       LANGUAGE_LABELS=LANGUAGE_LABELS)
