"""A queue (SQLite, and PostgreSQL in a schema of its own), an SMTP server on loopback, and an
outbox worker between them whose clock the test sets."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator
from zoneinfo import ZoneInfo

import pytest

from bot.dashboard.repository import Repository
from bot.municipality.office_hours import load_office_hours
from bot.ops.outbox_worker import OutboxWorker
from bot.queue.outbox import Outbox
from bot.queue.store import TicketStore
from bot.ops.settings import PROJECT_ROOT, Settings
from tests.bot.queue.conftest import db_url, pg_url, sqlite_url  # noqa: F401 - fixtures used here
from tests.bot.queue.helpers import KEY, new_ticket
from tests.conftest import base_env
from tests.mail.smtp_server import SmtpServer

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A Tuesday morning on which the office is open.
TUESDAY_10 = datetime(2027, 3, 2, 10, 0, tzinfo=AMSTERDAM)
DASHBOARD = "https://dashboard.gemeente.example"
PASSWORD = "lange-zinnen-zijn-sterk"


@dataclass
class MailSetup:
    store: TicketStore
    repo: Repository
    smtp: SmtpServer
    settings: Settings
    worker: OutboxWorker
    counter: int = 0

    @property
    def outbox(self) -> Outbox:
        return self.worker.outbox

    def user(self, role: str, gemeenten: tuple[str, ...] = (), kinds: list[str] | None = None) -> Any:
        self.counter += 1
        account = self.repo.add_user(f"{role}{self.counter}@smwo.example", role, gemeenten, PASSWORD, "test")
        if kinds is not None:
            self.repo.set_mail_kinds(account.id, kinds, "test")
        return account

    def ticket(self, created: datetime = TUESDAY_10, **fields: Any) -> Any:
        self.counter += 1
        ticket, _ = self.store.create(new_ticket(sender_id=f"bewoner-{self.counter}", **fields),
                                      f"test:{self.counter}", now=created)
        return ticket

    def mails_to(self, address: str) -> list[Any]:
        return [r for r in self.smtp.received if address in r.envelope_to]


def make_setup(url: str, folder: Path, implicit_tls: bool = False) -> MailSetup:
    smtp = SmtpServer(folder, implicit_tls=implicit_tls).start()
    settings = Settings.from_env(base_env(folder, **smtp.env(), MEEDENKER_DASHBOARD_URL=DASHBOARD,
                                          DATABASE_URL=url))
    store = TicketStore(url, KEY)
    store.migrate()
    hours = load_office_hours(PROJECT_ROOT / "config" / "office_hours.yml")
    return MailSetup(store, Repository(store, hours), smtp, settings, OutboxWorker(store, hours, settings))


@pytest.fixture
def mail(db_url: str, tmp_path: Path) -> Iterator[MailSetup]:
    setup = make_setup(db_url, tmp_path)
    yield setup
    setup.smtp.stop()
    setup.store.close()
