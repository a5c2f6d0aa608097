"""What every part of the dashboard's data access shares: the thread-pool guard, the
records the views get back (accounts, sessions, filters, ticket rows and views), the refusals
(Conflict, AtCapacity, Invalid), the limits, and one audit entry.
"""
from __future__ import annotations

import asyncio
import functools
import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Callable, Sequence, TypeVar

from bot.errors import MeedenkerError, RequestRefused
from bot.queue.models import AuditEntry, Ticket
from bot.queue.staff import Meedenker, StatusChange, User


_T = TypeVar("_T")

IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
FREE_FAILURES = 5  # per account and address: then a wait of FIRST_WAIT, doubling up to LONGEST_WAIT
ADDRESS_FREE_FAILURES = 100  # per address, whatever the account: an office shares one address
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
DECAY = timedelta(minutes=15)  # a counter starts again this long after its last failure or lock
MAX_NOTE = 2000
MAX_QUEUE = 1000

# Allowed next statuses. Assigning a meedenker moves nieuw to toegewezen (see assign()).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "nieuw": ("toegewezen", "afgerond", "niet_bereikt", "doorverwezen"),
    "toegewezen": ("in_gesprek", "niet_bereikt", "doorverwezen", "afgerond"),
    "in_gesprek": ("afgerond", "doorverwezen", "niet_bereikt"),
    "niet_bereikt": ("toegewezen", "in_gesprek", "afgerond", "doorverwezen"),
    "afgerond": ("toegewezen",),
    "doorverwezen": ("toegewezen",),
}
CONTACT_STATUSES = ("in_gesprek", "afgerond", "doorverwezen")


class Conflict(RequestRefused, RuntimeError):
    """The form was based on an older version of the ticket."""


class AtCapacity(RequestRefused, RuntimeError):
    """The meedenker has as many open tickets as agreed; confirm to assign anyway."""


class Invalid(RequestRefused, ValueError):
    """A form value that is not allowed; the message is Dutch, for the coordinator."""


class BlockingCallOnLoop(MeedenkerError, RuntimeError):
    """A database function was called on the event loop's thread."""


def off_loop(function: Callable[..., _T]) -> Callable[..., _T]:
    """Refuse to run on a thread that runs an asyncio event loop."""
    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> _T:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return function(*args, **kwargs)
        raise BlockingCallOnLoop(f"{function.__qualname__} must run in Database.run, not on the event loop")
    return guarded


class Database:
    """Runs repository functions in a small thread pool and awaits them."""

    def __init__(self, workers: int = 4) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dashboard-db")

    async def run(self, function: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(function, *args, **kwargs))

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def hash_session_id(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SignInClaim:
    """Step 1 of a sign-in: may the password be checked, and against which hash (None: no account)."""

    allowed: bool
    password_hash: str | None


@dataclass(frozen=True)
class Account:
    """The signed-in user, detached from the database."""

    id: int
    email: str
    role: str
    gemeenten: tuple[str, ...]
    has_totp: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def actor(self) -> str:
        return f"dashboard:{self.email}"


@dataclass(frozen=True)
class SignedIn:
    account: Account
    session_id: str
    csrf_token: str
    stage: str


@dataclass
class Filters:
    status: str = "open"
    gemeente: str = ""
    leefgebied: str = ""
    doelgroep: str = ""
    route: str = ""
    type: str = ""
    meedenker: str = ""
    van: date | None = None
    tot: date | None = None
    taal: str = ""  # a language code, or "tolk": every ticket that needs an interpreter (issue 27)

    def query_items(self) -> list[tuple[str, str]]:
        items = [(k, str(v)) for k, v in vars(self).items() if v not in ("", None)]
        return [(k, v.isoformat() if isinstance(v, date) else v) for k, v in items]


@dataclass
class TicketRow:
    ticket: Ticket
    due_at: datetime
    overdue: bool
    meedenker: Meedenker | None


@dataclass
class Suggestion:
    meedenker: Meedenker
    open_count: int
    score: int
    reasons: list[str]

    @property
    def at_capacity(self) -> bool:
        return self.open_count >= self.meedenker.max_open


@dataclass
class TicketView:
    row: TicketRow
    history: list[StatusChange]
    linked: list[TicketRow]
    suggestions: list[Suggestion]
    next_statuses: tuple[str, ...]
    contact_views: list[AuditEntry] = field(default_factory=list)


@dataclass
class GemeenteRow:
    name: str
    open_tickets: int
    coordinators: list[str]
    meedenkers: list[str]


def _account(user: User) -> Account:
    return Account(user.id, user.email, user.role, tuple(user.gemeenten or ()), user.totp_secret_encrypted is not None)


def _ids(labels: Sequence[dict[str, Any]] | None) -> list[str]:
    return [label["id"] for label in labels or ()]



def _audit(actor: str, action: str, detail: str | None, at: datetime) -> AuditEntry:
    return AuditEntry(ticket_id=None, at=at, actor=actor[:128], action=action, detail=detail)
