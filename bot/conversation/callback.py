"""Turning a finished conversation into a ticket for the callback queue (domain guide §4–§7).

Two moments write a ticket:
- the callback form is complete: one ticket with the classification, the recommended kind of
  meedenker and why (bot/conversation/opschalen.py), up to three organisations (bot/municipality/sociale_kaart/), the
  preferred moment and the encrypted contact details; the reply tells the resident the reference
  and when to expect a call (bot/municipality/office_hours.py);
- a crisis is detected: a crisis *signal* without contact details (issue 29): admins count and
  read signals in their own list; they are no task in the coordinators' queue. When the same
  conversation already has a callback ticket, that ticket becomes urgent: a crisis that comes with
  a callback request is an urgent callback.
Both are idempotent: the key is derived from the conversation, so a retry never makes two.
The texts are response names from domain.yml; this module only fills in their values.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Sequence

from bot.conversation.callback_form import CONTACT_WISH
from bot.conversation.contact import moment_hours
from bot.conversation.dialogue import State, summary_values
from bot.conversation.dialogue.asking import _safe_contact
from bot.municipality.office_hours import OfficeHours, format_moment, load_office_hours
from bot.conversation.opschalen import recommend, separate_questions
from bot.queue import NewTicket, Ticket, TicketStore
from bot.queue.models import KIND_SIGNAL
from bot.queue.crypto import SenderHasher
from bot.ops.settings import Settings
from bot.municipality.sociale_kaart import SocialeKaart, load_sociale_kaart
from bot.understanding.werkmodel import MEEDENKER_TYPES, PREFERENCES, ROUTE_MEEDENKER, is_crisis

logger = logging.getLogger(__name__)

Responses = list[tuple[str, dict[str, str]]]
MAX_SUMMARY_CHARS = 600


@dataclass
class Services:
    """The queue, the sociale kaart and the office hours, created once per process."""

    store: TicketStore
    kaart: SocialeKaart
    hours: OfficeHours
    hasher: SenderHasher  # idempotency keys name the conversation without its raw sender id

    @classmethod
    def from_settings(cls, settings: Settings) -> "Services":
        store = TicketStore.from_settings(settings)
        store.migrate()
        return cls(store, load_sociale_kaart(settings.sociale_kaart_dir),
                   load_office_hours(settings.office_hours_file), SenderHasher(settings.secret_key))


def _labels(axis: dict[str, dict]) -> list[dict]:
    return [{"id": key, "confidence": value.get("confidence", 0.0), "evidence": value.get("evidence", [])}
            for key, value in axis.items()]


def question_summary(state: State, resident_texts: Sequence[str]) -> str:
    """A short summary for the coordinator: the topics, then the resident's own (masked) words.

    `resident_texts` are the messages that describe the worry (bot/conversation/transcript.py), never the
    answers to the form or to a yes/no question.
    """
    words = [t.strip() for t in resident_texts if t and not t.startswith("/") and not t.startswith("[")]
    topics = summary_values(state)["onderwerpen"]
    summary = f"Over {topics}. " + " / ".join(words)
    return summary[:MAX_SUMMARY_CHARS]


def _new_ticket(state: State, channel: str, sender: str, resident_texts: Sequence[str],
                services: Services, contact: dict[str, str] | None, kind: str = "callback") -> NewTicket:
    route = state.route if state.route and state.route != "info" else ROUTE_MEEDENKER
    # A wish in the resident's own words ("een vrouw graag") is no preference the queue knows: it
    # goes into the summary for the coordinator, and the ticket is written all the same.
    wish = state.formulier.get("voorkeur")
    preference = wish if wish in PREFERENCES else None
    summary = question_summary(state, resident_texts)
    if wish and preference is None:
        summary = f"Wens voor de meedenker: {wish}. {summary}"[:MAX_SUMMARY_CHARS]
    elif state.formulier.get("voorkeur_woorden"):  # which of the two informeel meedenkers
        summary = f"Wens voor de meedenker: {state.formulier['voorkeur_woorden']}. {summary}"[:MAX_SUMMARY_CHARS]
    if state.formulier.get(CONTACT_WISH):  # "spreek geen voicemail in": first, read before dialling
        summary = f"Let op bij contact: {state.formulier[CONTACT_WISH]}. {summary}"[:MAX_SUMMARY_CHARS]
    advice = recommend(separate_questions(state.leefgebieden), list(state.doelgroepen), " ".join(resident_texts), route,
                       preference if preference in MEEDENKER_TYPES else None)
    matches = services.kaart.match(state.formulier.get("gemeente"), list(state.leefgebieden),
                                   list(state.doelgroepen), advice.type, text=" ".join(resident_texts))
    return NewTicket(
        channel=channel,
        sender_id=sender,
        route=route,
        # A crisis or a need that cannot wait a working day (bot/conversation/spoed/) is urgent in the queue.
        urgency="urgent" if is_crisis(state.crisis_route) or state.spoed else "normaal",
        meedenker_type=advice.type,
        opschaal_reasons=list(advice.reasons),
        summary=summary,
        gemeente=state.formulier.get("gemeente"),
        leefgebieden=_labels(state.leefgebieden),
        doelgroepen=_labels(state.doelgroepen),
        organisations=[{"id": m.organisatie.id, "name": m.organisatie.name, "reasons": list(m.reasons)}
                       for m in matches],
        preferred_moment=state.formulier.get("moment"),
        preference=preference,
        contact=contact or None,
        kind=kind,
        # Another language is recorded even when replies were in English (Russian); it needs a tolk.
        language=state.tolk or state.taal or "nl",
        interpreter=state.tolk is not None,
    )


def submit_callback(services: Services, state: State, channel: str, sender: str,
                    resident_texts: Sequence[str], now: datetime | None = None) -> tuple[Ticket, Responses]:
    """Write the callback ticket once (keyed by the form) and say what happens next."""
    new = _new_ticket(state, channel, sender, resident_texts, services, dict(state.contact))
    ticket, _created = services.store.create(new, f"callback:{channel}:{state.form_id}")
    now = now or datetime.now(timezone.utc)
    expectation = services.hours.expectation(now)
    # Under violence at home, or when the resident said how (not) to be called ("mijn man mag het niet
    # weten"), the reference is kept only if that is safe (residents' round 40: "Bewaar dit nummer").
    careful = _safe_contact(state) or bool(state.formulier.get(CONTACT_WISH))
    responses: Responses = [("utter_terugbel_klaar_veilig" if careful else "utter_terugbel_klaar",
                             {"referentie": ticket.id})]
    if expectation.open_now:
        responses.append(("utter_terugbel_open", {"uiterlijk": format_moment(expectation.callback_by)}))
    else:
        responses.append(("utter_terugbel_dicht", {"open_weer": format_moment(expectation.next_open, with_time=True),
                                                   "uiterlijk": format_moment(expectation.callback_by)}))
    if _outside_hours(services.hours, state.formulier.get("moment")):
        responses.append(("utter_moment_buiten_kantoortijd", {"kantoortijd": services.hours.describe()}))
    region = services.kaart.region_for(state.formulier.get("gemeente"))
    # A region marked `example: true` holds made-up organisations (config/sociale_kaart/regio-voorbeeld.yml):
    # the coordinator sees them in the ticket, a resident is never sent to one (residents' round 40
    # were told of "Jongerenpunt (voorbeeld)").
    if ticket.organisations and not (region is not None and region.example):
        # The reasons are Dutch text from the sociale kaart: in English, the names alone (issue 27).
        english = state.taal == "en"
        listed = " ".join(f"{org['name']}: {org['reasons'][0] if org['reasons'] and not english else ''}".rstrip(": ")
                          + "." for org in ticket.organisations)
        responses.append(("utter_organisaties", {"organisaties": listed}))
    return ticket, responses


def _outside_hours(hours: OfficeHours, moment: str | None) -> bool:
    """Whether every moment the resident chose falls outside the meedenkers' hours ("avond",
    "zaterdag", "na zevenen"): then the closing says so, instead of a promise that stays silent
    about it (residents' round 36: "na vijven" was accepted while meedenkers work until five)."""
    if not moment:
        return False
    days, clock = moment_hours(moment)
    return not any(hours.works_at(day, hour) for day in (days or [None]) for hour in clock)


def flag_crisis(services: Services, state: State, channel: str, sender: str,
                resident_texts: Sequence[str], now: datetime | None = None) -> Ticket:
    """A crisis signal: one per conversation and day, no contact details. A callback ticket this
    conversation already made (still in the slots) becomes urgent."""
    day = (now or datetime.now(timezone.utc)).date().isoformat()
    new = _new_ticket(state, channel, sender, resident_texts, services, contact=None, kind=KIND_SIGNAL)
    ticket, created = services.store.create(new, f"crisis:{services.hasher(channel, sender)}:{day}")
    if created:
        logger.warning("Crisis conversation flagged as signal %s (route %s).", ticket.id, state.crisis_route)
    if state.ticket_id:
        services.store.make_urgent(state.ticket_id, f"crisis later in the conversation (signal {ticket.id})")
    return ticket


MAX_TODAY = 4  # contacts named for today: enough to choose, short enough to read on a phone


def today_contacts(services: Services, state: State, now: datetime | None = None) -> str:
    """The region's contacts for today's need, open ones first, as one short list (issue 25).

    A resident whose gemeente no region covers gets the national list, never another region's.
    """
    now = now or datetime.now(timezone.utc)
    found = services.kaart.vandaag(state.formulier.get("gemeente"), state.spoed or "onderdak", now,
                                   young="jongeren" in state.doelgroepen)
    lines = []
    # An entry marked as an example has not been checked against public information: not shown.
    for contact in [c for c in found if not c.voorbeeld][:MAX_TODAY]:
        if contact.advies:
            lines.append(contact.offer)
            continue
        how = " of ".join(x for x in (contact.phone, contact.website) if x)
        when = f" ({contact.hours})" if contact.hours else ""
        lines.append(f"{contact.name}: {how}{when}. {contact.offer}")
    return " ".join(line if line.endswith(".") else line + "." for line in lines)
