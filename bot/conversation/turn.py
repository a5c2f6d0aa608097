"""One resident turn from the action server's point of view, without Rasa.

The adapter (actions/reageer.py) hands in the slots, the latest message and a way to read the
conversation's earlier texts (read only for a ticket: most turns need none of them); this module
unseals form answers, asks bot/conversation/dialogue/ what to do, carries out the effects (a callback
ticket, an urgent crisis flag) and returns the responses and the new slots. A queue that cannot
be written never silences the conversation: the crisis reply always goes out, and a failed
callback gets an apology with how to reach a human.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any, Callable, Sequence

from sqlalchemy.exc import SQLAlchemyError

from bot.conversation import callback_form
from bot.conversation import faq, tone
from bot.understanding import languages
from bot.conversation.callback import Responses, Services, flag_crisis, submit_callback, today_contacts
from bot.conversation.dialogue import (EFFECT_FLAG_CRISIS, EFFECT_SUBMIT, EFFECT_UPDATE, EFFECT_VANDAAG, FAQ_RESPONSE,
                                       WAIT_CONTROLE, State, fresh_session, next_step)
from bot.followup import consent
from bot.followup.records import Followups
from bot.conversation.intake import unseal
from bot.queue import QueueKeyError
from bot.queue.crypto import ContactCipher

logger = logging.getLogger(__name__)
CONTACT_SLOT = "contact_sealed"
ADDRESS_SLOT = "aanspreek"  # domain.yml; set from the entity addons/werkmodel_component.py adds


@dataclass(frozen=True)
class Turn:
    responses: Responses
    slots: dict[str, Any]


def run_turn(slots: dict[str, Any], message: dict[str, Any], channel: str, sender: str,
             resident_texts: Callable[[], Sequence[str]], services: Callable[[], Services], secret_key: str) -> Turn:
    """Decide and carry out one turn; `services` and `resident_texts` are called only when a ticket
    must be written, so an ordinary turn of a long conversation costs no more than a short one's."""
    cipher = ContactCipher(secret_key)
    metadata = message.get("metadata") or {}
    intent = (message.get("intent") or {}).get("name") or ""
    if slots.get("wacht_op") == consent.WAIT_CONSENT:
        agreed = consent.consent_answer(intent)
        if agreed is not None:  # the follow-up question after the ticket (issue 29)
            responses = consent.record_consent(lambda: Followups(services().store), slots.get("ticket_id"), channel, sender,
                                               agreed, metadata, secret_key)
            return Turn(responses, {**slots, "wacht_op": None})
        slots = {**slots, "wacht_op": None}  # anything else: the question lapses, the turn goes on
    sealed_contact = slots.get(CONTACT_SLOT)
    state = State.from_slots(slots, cipher.decrypt(sealed_contact) if sealed_contact else None)
    # The website widget talks over REST too; it says so, because it shows a crisis bar and has
    # a "Snel weg" button that other REST clients lack.
    client = "widget" if channel == "rest" and metadata.get("client") == "widget" else channel
    entities = {e["entity"]: e["value"] for e in message.get("entities") or [] if "entity" in e}
    reply = next_step(
        state,
        intent,
        message.get("werkmodel"),
        message.get("text") or "",
        entities,
        had_bsn="bsn" in (metadata.get("pii_masked") or []),
        form_text=unseal(metadata, secret_key),
        channel=client,
    )
    # "je" or "u" (bot/conversation/tone.py): the slot, or this message's entity when the slot is not yet set.
    aanspreek = slots.get(ADDRESS_SLOT) or entities.get(ADDRESS_SLOT)
    responses, state = [_filled(name, values, state, aanspreek) for name, values in reply.responses], reply.state
    if EFFECT_FLAG_CRISIS in reply.effects:
        try:
            flag_crisis(services(), state, channel, sender, resident_texts())
        except (SQLAlchemyError, QueueKeyError, OSError) as error:
            logger.error("Could not flag crisis conversation in the queue: %s", type(error).__name__)
    if EFFECT_VANDAAG in reply.effects:
        try:
            contacts = today_contacts(services(), state)
        except (SQLAlchemyError, QueueKeyError, OSError) as error:
            logger.error("Could not read today's contacts: %s", type(error).__name__)
            contacts = ""
        # Without a list the resident still hears the urgent callback offer and the lines (domain.yml).
        responses = [(name, {"contacten": contacts}) if name == "utter_spoed_vandaag" else (name, values)
                     for name, values in responses if name != "utter_spoed_vandaag" or contacts]
    if EFFECT_SUBMIT in reply.effects:
        try:
            ticket, extra = submit_callback(services(), state, channel, sender, resident_texts())
        except (SQLAlchemyError, QueueKeyError, OSError) as error:
            # Keep every answer: sending the last one again retries (the same form id, one ticket).
            logger.error("Could not write the callback ticket: %s", type(error).__name__)
            responses.append(("utter_terugbel_mislukt", {}))
            state = replace(state, wacht_op=WAIT_CONTROLE)  # a "ja" again writes it
        else:
            # With an interpreter: one line in the resident's language, not the Dutch dates and names.
            responses += [("utter_tolk_klaar", {"referentie": ticket.id})] if state.tolk else extra
            state = replace(state, ticket_id=ticket.id, contact={}, form_id=None, formulier={})
            if consent.asks_consent(channel) and not state.tolk:  # Telegram, WhatsApp: one question after closing?
                responses.append((consent.ASK, {}))
                state = replace(state, wacht_op=consent.WAIT_CONSENT)
    if EFFECT_UPDATE in reply.effects:
        try:
            services().store.update_details(state.ticket_id or "", contact=dict(state.contact) or None,
                                            preferred_moment=state.formulier.get("moment"),
                                            gemeente=state.formulier.get("gemeente"),
                                            preference=state.formulier.get("voorkeur"))
        except (SQLAlchemyError, QueueKeyError, OSError, LookupError) as error:
            logger.error("Could not change the ticket's details: %s", type(error).__name__)
            responses = [("utter_terugbel_mislukt", {}) if name == "utter_ticket_gewijzigd" else (name, values)
                         for name, values in responses]
        state = replace(state, contact={}, formulier={})
    if state.taal == languages.ENGLISH:  # dates, topics and form values in English too (issue 27)
        responses = [(name, languages.english_values(values)) for name, values in responses]
    new_slots = state.as_slots()
    new_slots[CONTACT_SLOT] = cipher.encrypt(state.contact) if state.contact else None
    return Turn(responses, new_slots)


def _filled(name: str, values: dict[str, str], state: State,
            aanspreek: str | None = None) -> tuple[str, dict[str, str]]:
    """An FAQ answer's text for this channel, language, hour and form of address (config/faq.yml):
    a resident the other replies call "je" (domain.yml's condition on the slot) gets "je" here too."""
    if name != FAQ_RESPONSE:
        return name, values
    form = tone.JE if aanspreek == tone.JE else None
    return name, {"antwoord": faq.answer(values["faq"], state.taal or "nl", values.get("kanaal"), aanspreek=form)}


def session_start_slots(slots: dict[str, Any]) -> dict[str, Any]:
    """Every slot's value for a new session: fresh, except that a crisis is remembered."""
    fresh = fresh_session(State.from_slots(slots)).as_slots()
    fresh[CONTACT_SLOT] = None
    return fresh
