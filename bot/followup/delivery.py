"""Sending the follow-up question of an outbox row to Telegram or WhatsApp.

Called by the outbox worker (bot/ops/outbox_worker.py) in the web process, never in a turn. WhatsApp
accepts a free-form message only within 24 hours of the resident's last message; later only an
approved template (WHATSAPP_FOLLOWUP_TEMPLATE). Without one the question is not sent, and the
ticket says so. A refusal that will not change (the resident blocked the bot, a bad number) is
final; a network error or an overloaded API is tried again later by the outbox.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.exc import SQLAlchemyError

from bot.errors import DeliveryError
from bot.followup.messages import telegram_message, whatsapp_buttons, whatsapp_template
from bot.followup.records import Followups
from bot.followup.texts import Question, load_question
from bot.queue.outbox import Outbox, OutboxMessage
from bot.queue.store import TicketStore
from bot.ops.sender_ids import conversation_id
from bot.ops.settings import Settings

logger = logging.getLogger(__name__)
WHATSAPP_WINDOW = timedelta(hours=24)
WINDOW_MARGIN = timedelta(minutes=30)  # a message on its way must not arrive just after the window
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


class Refused(DeliveryError, RuntimeError):
    """The platform will not take this message, now or later."""


class FollowupSender:
    """Delivers one follow-up per call; `deliver` never raises for a platform's answer."""

    def __init__(self, store: TicketStore, settings: Settings, question: Question | None = None) -> None:
        self.store = store
        self.settings = settings
        self.followups = Followups(store)
        self.outbox = Outbox(store.session_factory)
        self.question = question or load_question()
        self._client = httpx.Client(timeout=TIMEOUT)

    def deliver(self, message: OutboxMessage, now: datetime) -> None:
        found = self.followups.address_of(message.ticket_id)
        if found is None:  # erased, anonymised, or no longer waiting for this question
            self.outbox.failed(message, now, "ticket gone", permanent=True, action="followup_failed",
                               detail="no ticket waiting for this question")
            return
        ticket, address = found
        channel = address.get("channel")
        try:
            how = self._send(channel, str(address.get("address")), ticket.id, now)
        except Refused as error:
            self.followups.mark(ticket.id, "not_sent", now)
            self.outbox.failed(message, now, str(error), permanent=True, action="followup_failed", detail=str(channel))
            logger.warning("Follow-up of ticket %s not sent: %s", ticket.id, error)
        except (httpx.HTTPError, SQLAlchemyError, OSError) as error:
            if self.outbox.failed(message, now, type(error).__name__, permanent=False, action="followup_failed",
                                  detail=str(channel)):
                self.followups.mark(ticket.id, "not_sent", now)
            logger.warning("Follow-up of ticket %s not sent yet (%s).", ticket.id, type(error).__name__)
        else:
            self.followups.mark(ticket.id, "sent", now)
            self.outbox.delivered(message, now, "followup_sent", how)

    def _send(self, channel: Any, address: str, ticket_id: str, now: datetime) -> str:
        if channel == "telegram":
            return self._telegram(address, ticket_id)
        if channel == "whatsapp":
            return self._whatsapp(address, ticket_id, now)
        raise Refused(f"unknown channel {channel!r}")

    def _telegram(self, chat_id: str, ticket_id: str) -> str:
        config = self.settings.telegram
        if config is None:
            raise Refused("the Telegram channel is off")
        answer = self._client.post(f"{config.api_url}/bot{config.bot_token}/sendMessage",
                                   json=telegram_message(chat_id, ticket_id, self.question))
        self._check(answer, "Telegram")
        return "on telegram"

    def _whatsapp(self, wa_id: str, ticket_id: str, now: datetime) -> str:
        config = self.settings.whatsapp
        if config is None:
            raise Refused("the WhatsApp channel is off")
        sender = conversation_id("whatsapp", wa_id, self.settings.secret_key)
        last = self.store.last_message_at(self.settings.tracker_store_url, sender)
        if last is not None and now - datetime.fromtimestamp(last, now.tzinfo) < WHATSAPP_WINDOW - WINDOW_MARGIN:
            body, how = whatsapp_buttons(wa_id, ticket_id, self.question), "on whatsapp, within 24 hours"
        elif self.settings.whatsapp_followup_template:
            body = whatsapp_template(wa_id, ticket_id, self.question, self.settings.whatsapp_followup_template,
                                     self.settings.whatsapp_followup_language)
            how = f"on whatsapp, template {self.settings.whatsapp_followup_template}"
        else:
            raise Refused("outside WhatsApp's 24 hours and no WHATSAPP_FOLLOWUP_TEMPLATE")
        answer = self._client.post(config.messages_url, json=body,
                                   headers={"Authorization": f"Bearer {config.access_token}"})
        self._check(answer, "Graph API")
        return how

    @staticmethod
    def _check(answer: httpx.Response, api: str) -> None:
        """4xx but 429 is final (blocked, unknown chat, template not approved); 429 and 5xx are retried."""
        if answer.status_code < 400:
            return
        if answer.status_code == 429 or answer.status_code >= 500:
            raise httpx.HTTPStatusError(f"{api} answered {answer.status_code}", request=answer.request,
                                        response=answer)
        raise Refused(f"{api} refused it (HTTP {answer.status_code})")

    def close(self) -> None:
        self._client.close()


def delivery_for(store: TicketStore, settings: Settings) -> FollowupSender | None:
    """A sender when Telegram or WhatsApp is on; None otherwise (no follow-up can be asked)."""
    if settings.telegram is None and settings.whatsapp is None:
        return None
    return FollowupSender(store, settings)
