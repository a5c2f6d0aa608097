"""The outbox worker: every few seconds, queue the mails that are due and deliver what waits.

It runs as a background task of the web process (bot/dashboard/app.py), each round in a thread of
its own: a mail or chat server that is slow or down never holds up a dashboard page, and never a
conversation turn (those only write tickets; this worker finds them). Several web replicas may run
it at once: queuing is idempotent on the outbox's keys and every row is claimed before it is sent.
"""
from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Protocol

from sqlalchemy.exc import SQLAlchemyError

from bot.mail.compose import Mail
from bot.mail.kinds import MAIL_KINDS
from bot.mail.planner import MailPlanner
from bot.mail.smtp import PermanentMailError, SmtpConnection
from bot.municipality.office_hours import OfficeHours
from bot.queue.models import utcnow
from bot.queue.outbox import Outbox, OutboxMessage
from bot.queue.staff import User
from bot.queue.store import TicketStore
from bot.ops.settings import Settings

logger = logging.getLogger(__name__)


class FollowupDelivery(Protocol):
    """Sends the follow-up question of one outbox row (bot/followup/delivery.py)."""

    def deliver(self, message: OutboxMessage, now: datetime) -> None: ...


@dataclass
class Round:
    """What one round did, for tests and the log."""

    queued: int = 0
    mailed: int = 0
    mail_failures: int = 0
    followups: int = 0


class OutboxWorker:
    """One round at a time: `run_round()` is synchronous and blocking, for a worker thread."""

    def __init__(self, store: TicketStore, hours: OfficeHours, settings: Settings,
                 followups: FollowupDelivery | None = None, clock: Callable[[], datetime] = utcnow) -> None:
        self.settings = settings
        self.clock = clock
        self._sessions = store.session_factory
        self.outbox = Outbox(store.session_factory)
        self.planner = MailPlanner(store.session_factory, hours, settings.mail, settings.dashboard_url) \
            if settings.mail else None
        self.followups = followups

    @property
    def has_work(self) -> bool:
        return self.planner is not None or self.followups is not None

    def run_round(self, now: datetime | None = None) -> Round:
        now = now or self.clock()
        done = Round()
        if self.planner is not None:
            done.queued = self.planner.plan(now)
            self._mail(now, done)
        if self.followups is not None:
            for message_id in self.outbox.due(now, ("followup",)):
                message = self.outbox.claim(message_id, now)
                if message is not None:
                    self.followups.deliver(message, now)
                    done.followups += 1
        self.outbox.clean(now)
        return done

    def _active(self, user_id: int | None) -> bool:
        with self._sessions() as session:
            user = session.get(User, user_id) if user_id is not None else None
            return bool(user and user.active)

    def _mail(self, now: datetime, done: Round) -> None:
        with SmtpConnection(self.settings.mail) as smtp:
            for message_id in self.outbox.due(now, MAIL_KINDS):
                message = self.outbox.claim(message_id, now)
                if message is None:
                    continue
                detail = f"{message.kind} mail to account {message.user_id}"
                if not message.recipient or not self._active(message.user_id):
                    self.outbox.failed(message, now, "account inactive", permanent=True, action="mail_failed",
                                       detail=detail)
                    continue
                try:
                    smtp.send(message.recipient, Mail(message.subject or "", message.body_text or "",
                                                      message.body_html or ""))
                except PermanentMailError as error:
                    self.outbox.failed(message, now, str(error), permanent=True, action="mail_failed", detail=detail)
                    done.mail_failures += 1
                    logger.error("Mail %d (%s) refused by the mail server: %s", message.id, detail, error)
                except (smtplib.SMTPException, ssl.SSLError, OSError) as error:
                    gave_up = self.outbox.failed(message, now, type(error).__name__, permanent=False,
                                                 action="mail_failed", detail=detail)
                    done.mail_failures += 1
                    logger.warning("Mail %d (%s) not sent (%s); %s", message.id, detail, type(error).__name__,
                                   "given up" if gave_up else "tried again later")
                    return  # the server is unreachable: the rest waits for the next round
                else:
                    self.outbox.delivered(message, now, "mail_sent", detail)
                    done.mailed += 1


async def run_forever(worker: OutboxWorker, poll_seconds: int) -> None:
    """The web process's background task: one round, then a pause; an error is logged, not fatal."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outbox")
    loop = asyncio.get_running_loop()
    try:
        while True:
            try:
                done = await loop.run_in_executor(pool, worker.run_round)
                if done.queued or done.mailed or done.mail_failures or done.followups:
                    logger.info("Outbox: %d queued, %d mailed, %d mail failures, %d follow-ups.",
                                done.queued, done.mailed, done.mail_failures, done.followups)
            except (SQLAlchemyError, OSError) as error:
                logger.error("Outbox round failed (%s); trying again in %d s.", type(error).__name__, poll_seconds)
            await asyncio.sleep(poll_seconds)
    finally:
        pool.shutdown(wait=False)


def start_in(app: Any, worker: OutboxWorker, poll_seconds: int) -> None:
    """Register the background task on a Sanic app (started with the server, cancelled at its stop)."""
    @app.after_server_start
    async def _start(app: Any, _loop: Any) -> None:
        app.ctx.outbox_task = asyncio.get_running_loop().create_task(run_forever(worker, poll_seconds))

    @app.before_server_stop
    async def _stop(app: Any, _loop: Any) -> None:
        task = getattr(app.ctx, "outbox_task", None)
        if task is not None:
            task.cancel()
