"""Every database read and write of the dashboard, as plain synchronous functions.

Why synchronous and guarded: SQLAlchemy 1.4 with psycopg2/sqlite3 blocks, and Sanic serves every
request on one event loop. The app calls these only through `Database.run` (a thread pool); the
`@off_loop` guard raises if one is ever called on the loop's thread, so a forgotten `await
db.run(...)` fails every test instead of silently stalling all coordinators.

Scope: a coordinator sees a ticket when its gemeente is theirs, or when it has no gemeente (a
crisis flag) and a ticket of the same conversation is in one of theirs. Anything else is "not
found", exactly as if it did not exist.

Where things are: shared records, limits and the thread-pool guard (common.py); one module per
feature, each a mixin of `Repository` (accounts.py, tickets.py, meedenkers.py, audit.py).
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from bot.dashboard.repository.accounts import Accounts
from bot.dashboard.repository.audit import Audit
from bot.dashboard.repository.common import (
    AtCapacity,
    BlockingCallOnLoop,
    Conflict,
    Database,
    Filters,
    Invalid,
    SignedIn,
    TicketRow,
    TicketView,
    hash_session_id,
    off_loop,
)
from bot.dashboard.repository.meedenkers import MeedenkersAndGemeenten
from bot.dashboard.repository.tickets import Tickets
from bot.municipality.office_hours import OfficeHours
from bot.queue.models import utcnow
from bot.queue.store import TicketStore

__all__ = [
    "Repository",
    "AtCapacity",
    "BlockingCallOnLoop",
    "Conflict",
    "Database",
    "Filters",
    "Invalid",
    "SignedIn",
    "TicketRow",
    "TicketView",
    "hash_session_id",
    "off_loop",
]


class Repository(Accounts, Tickets, MeedenkersAndGemeenten, Audit):
    """The dashboard's queries over the queue's database (the TicketStore's engine): one object for
    the app, its methods grouped by feature in accounts.py, tickets.py, meedenkers.py and audit.py."""

    def __init__(self, store: TicketStore, hours: OfficeHours, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.hours = hours
        self.clock = clock
        self._sessions = store.session_factory
