"""Every database read and write of the dashboard, as plain synchronous functions.

Why synchronous and guarded: SQLAlchemy 1.4 with psycopg2/sqlite3 blocks, and Sanic serves every
request on one event loop. The app calls these only through `Database.run` (a thread pool); the
`@off_loop` guard raises if one is ever called on the loop's thread, so a forgotten `await
db.run(...)` fails every test instead of silently stalling all coordinators.

Scope: a coordinator sees a ticket when its gemeente is theirs, or when it has no gemeente (a
crisis flag) and a ticket of the same conversation is in one of theirs. Anything else is "not
found", exactly as if it did not exist.
"""
from __future__ import annotations

import asyncio
import builtins
import functools
import hashlib
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Callable, Iterable, Sequence, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased

from bot.errors import MeedenkerError, NotFound, RequestRefused
from bot.followup.records import queue_on_close
from bot.mail.kinds import MAIL_KINDS, chosen_kinds
from bot.municipality.office_hours import OfficeHours
from bot.understanding.privacy import mask_pii
from bot.queue.models import (
    KIND_CALLBACK,
    MEEDENKER_TYPES,
    OPEN_STATUSES,
    STATUSES,
    AuditEntry,
    Ticket,
    normalise_ticket_id,
    utcnow,
)
from bot.queue.staff import ROLES, Meedenker, SignInThrottle, StaffSession, StatusChange, User
from bot.queue.store import TicketStore
from bot.understanding.werkmodel import DOELGROEP_LABELS, DOELGROEPEN, LEEFGEBIED_LABELS, LEEFGEBIEDEN, ROUTES

from bot.dashboard.passwords import check_password, hash_password, verify_password

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


class Repository:
    """The dashboard's queries over the queue's database (the TicketStore's engine)."""

    def __init__(self, store: TicketStore, hours: OfficeHours, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.hours = hours
        self.clock = clock
        self._sessions = store.session_factory

    # --- accounts -----------------------------------------------------------------------------

    @off_loop
    def add_user(self, email: str, role: str, gemeenten: Iterable[str], password: str, actor: str) -> Account:
        email = email.strip().lower()
        if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
            raise Invalid("Vul een geldig e-mailadres in.")
        if role not in ROLES:
            raise Invalid("Kies de rol admin of coordinator.")
        names = sorted({g.strip() for g in gemeenten if g.strip()})
        if role == "coordinator" and not names:
            raise Invalid("Een coördinator heeft minstens één gemeente.")
        check_password(password, email)
        with self._sessions.begin() as session:
            if session.execute(sa.select(User.id).where(User.email == email)).first():
                raise Invalid("Er is al een account met dit e-mailadres.")
            user = User(email=email, role=role, gemeenten=names, password_hash=hash_password(password),
                        active=True, created_at=self.clock())
            session.add(user)
            session.flush()
            session.add(_audit(actor, "user_changed", f"account {user.id} created ({role})", self.clock()))
            return _account(user)

    @off_loop
    def users(self) -> builtins.list[User]:
        with self._sessions() as session:
            return builtins.list(session.execute(sa.select(User).order_by(User.email)).scalars())

    @off_loop
    def update_user(self, user_id: int, *, gemeenten: Iterable[str] | None = None, active: bool | None = None,
                    actor: str) -> None:
        with self._sessions.begin() as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFound(user_id)
            if gemeenten is not None:
                user.gemeenten = sorted({g.strip() for g in gemeenten if g.strip()})
            if active is not None:
                user.active = active
                if not active:
                    session.execute(sa.delete(StaffSession).where(StaffSession.user_id == user_id))
            session.add(_audit(actor, "user_changed", f"account {user_id} changed", self.clock()))

    @off_loop
    def mail_kinds(self, user_id: int) -> tuple[str, ...]:
        """The kinds of e-mail this account gets (issue 29)."""
        with self._sessions() as session:
            user = session.get(User, user_id)
            return chosen_kinds(user.mail_kinds if user else ())

    @off_loop
    def set_mail_kinds(self, user_id: int, kinds: Iterable[str], actor: str) -> tuple[str, ...]:
        chosen = [kind for kind in MAIL_KINDS if kind in set(kinds)]
        with self._sessions.begin() as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFound(user_id)
            user.mail_kinds = chosen
            session.add(_audit(actor, "user_changed", f"account {user_id}: e-mail "
                               + (", ".join(chosen) if chosen else "none"), self.clock()))
        return tuple(chosen)

    # --- signing in ---------------------------------------------------------------------------

    @staticmethod
    def _throttle_keys(email: str, ip: str) -> list[str]:
        """The account at this address (FREE_FAILURES), and the address alone (ADDRESS_FREE_FAILURES).

        No key for the account alone: anyone who knows a coordinator's e-mail address could keep
        it locked from anywhere (issue 28)."""
        account = hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()[:40]
        return [f"pair:{account}:{ip[:48]}", f"ip:{ip[:64]}"]

    def _count_attempt(self, session: Session, key: str, free: int, now: datetime) -> bool:
        """Count one attempt on `key` atomically; False (nothing counted) while it is locked.

        One INSERT .. ON CONFLICT DO UPDATE, so concurrent attempts never collide on the key (no
        IntegrityError, no 5xx) and each sees the count of those before it: the lock that the
        `free`-th attempt sets holds for every later one, also under a flood (issue 28).
        """
        table = SignInThrottle.__table__
        column = table.c
        stamp = column.updated_at.type
        insert = (sqlite_insert if session.bind.dialect.name == "sqlite" else postgresql_insert)(table)
        locked = sa.and_(column.locked_until.isnot(None), column.locked_until > sa.literal(now, stamp))
        stale = sa.and_(column.updated_at < sa.literal(now - DECAY, stamp), sa.or_(
            column.locked_until.is_(None), column.locked_until < sa.literal(now - DECAY, stamp)))
        session.execute(insert.values(key=key, failures=1, locked_until=None, updated_at=now).on_conflict_do_update(
            index_elements=[column.key], set_={
                "failures": sa.case((locked, column.failures), (stale, 1), else_=column.failures + 1),
                "locked_until": sa.case((locked, column.locked_until), (stale, sa.null()),
                                        else_=column.locked_until),
                "updated_at": sa.case((locked, column.updated_at), else_=sa.literal(now, stamp)),
            }))
        row = session.execute(sa.select(column.failures, column.locked_until).where(column.key == key)).one()
        if row.locked_until is not None and row.locked_until > now:
            return False
        if row.failures >= free:
            wait = min(FIRST_WAIT * 2 ** min(row.failures - free, 20), LONGEST_WAIT)
            session.execute(sa.update(table).where(column.key == key).values(locked_until=now + wait))
        return True

    def _release(self, session: Session, key: str, free: int) -> None:
        """Give back one counted attempt (it turned out right), and the lock it may have set."""
        table = SignInThrottle.__table__
        column = table.c
        session.execute(sa.update(table).where(column.key == key, column.failures > 0)
                        .values(failures=column.failures - 1))
        session.execute(sa.update(table).where(column.key == key, column.failures < free)
                        .values(locked_until=None))

    @off_loop
    def claim_sign_in(self, email: str, ip: str) -> SignInClaim:
        """Step 1 of signing in: count the attempt and fetch the hash to check, in one short
        transaction. A locked key is refused here, before any password is hashed."""
        now = self.clock()
        pair, address = self._throttle_keys(email, ip)
        with self._sessions.begin() as session:
            allowed = self._count_attempt(session, pair, FREE_FAILURES, now) and \
                self._count_attempt(session, address, ADDRESS_FREE_FAILURES, now)
            if not allowed:
                session.add(_audit(f"ip:{ip[:64]}", "sign_in_failed", "locked", now))
                return SignInClaim(False, None)
            user = session.execute(
                sa.select(User).where(User.email == email.strip().lower(), User.active.is_(True))
            ).scalar_one_or_none()
            return SignInClaim(True, user.password_hash if user else None)

    @off_loop
    def finish_sign_in(self, email: str, ip: str, password_ok: bool, require_2fa: bool) -> SignedIn | None:
        """Step 3 of signing in, after the password was checked in the hashing pool."""
        now = self.clock()
        pair, address = self._throttle_keys(email, ip)
        with self._sessions.begin() as session:
            user = session.execute(
                sa.select(User).where(User.email == email.strip().lower(), User.active.is_(True))
            ).scalar_one_or_none()
            if not password_ok or user is None:
                session.add(_audit(f"ip:{ip[:64]}", "sign_in_failed", None, now))
                return None
            self._release(session, address, ADDRESS_FREE_FAILURES)
            # With a second factor the count is cleared only once the code is right too.
            if user.totp_secret_encrypted is None:
                session.execute(sa.delete(SignInThrottle).where(SignInThrottle.key == pair))
            else:
                self._release(session, pair, FREE_FAILURES)
            raw = secrets.token_urlsafe(32)
            stage = "ok"
            if user.totp_secret_encrypted is not None:
                stage = "pending_totp"
            elif require_2fa and user.role == "admin":
                stage = "setup_totp"
            staff_session = StaffSession(id_hash=hash_session_id(raw), user_id=user.id,
                                         csrf_token=secrets.token_urlsafe(32), created_at=now,
                                         last_seen_at=now, stage=stage)
            session.add(staff_session)
            session.add(_audit(f"dashboard:{user.email}", "signed_in", None, now))
            return SignedIn(_account(user), raw, staff_session.csrf_token, stage)

    @off_loop
    def sign_in(self, email: str, password: str, ip: str, require_2fa: bool) -> SignedIn | None:
        """All three steps in the calling thread (the CLI and tests); the dashboard runs step 2,
        the password hash, in its own bounded pool (bot/dashboard/hashing.py)."""
        claim = self.claim_sign_in(email, ip)
        if not claim.allowed:
            return None
        return self.finish_sign_in(email, ip, verify_password(claim.password_hash, password), require_2fa)

    @off_loop
    def second_factor_failed(self, raw_session_id: str, email: str, ip: str, reused: bool = False) -> None:
        """A wrong or reused code counts like a wrong password and ends the half-open session: the
        next try starts at the password again, which the lock-out guards."""
        now = self.clock()
        pair, _address = self._throttle_keys(email, ip)
        with self._sessions.begin() as session:
            self._count_attempt(session, pair, FREE_FAILURES, now)
            session.execute(sa.delete(StaffSession).where(StaffSession.id_hash == hash_session_id(raw_session_id)))
            session.add(_audit(f"dashboard:{email}", "sign_in_failed",
                               "second-factor code used before" if reused else "wrong second-factor code", now))

    @off_loop
    def load_session(self, raw_id: str) -> SignedIn | None:
        """The session behind a cookie, touched; None (and deleted) when idle or too old."""
        now = self.clock()
        with self._sessions.begin() as session:
            staff_session = session.get(StaffSession, hash_session_id(raw_id))
            if staff_session is None:
                return None
            user = session.get(User, staff_session.user_id)
            if user is None or not user.active or now - staff_session.last_seen_at > IDLE_TIMEOUT \
                    or now - staff_session.created_at > ABSOLUTE_TIMEOUT:
                session.delete(staff_session)
                return None
            staff_session.last_seen_at = now
            return SignedIn(_account(user), raw_id, staff_session.csrf_token, staff_session.stage)

    @off_loop
    def end_session(self, raw_id: str) -> None:
        with self._sessions.begin() as session:
            staff_session = session.get(StaffSession, hash_session_id(raw_id))
            if staff_session is not None:
                user = session.get(User, staff_session.user_id)
                session.delete(staff_session)
                session.add(_audit(f"dashboard:{user.email}" if user else "dashboard", "signed_out", None,
                                   self.clock()))

    @off_loop
    def totp_secret(self, user_id: int) -> str | None:
        with self._sessions() as session:
            user = session.get(User, user_id)
            return user.totp_secret_encrypted if user else None

    @off_loop
    def use_totp_step(self, user_id: int, step: int) -> bool:
        """Claim a second-factor time step: True once, False when this step or a later one was
        already used by the account (a replayed code, issue 28 finding 5).

        One conditional UPDATE, so two requests with the same code cannot both pass: PostgreSQL
        makes the second wait for the first's row lock and then finds the step taken; SQLite runs
        writes one at a time."""
        table = User.__table__
        with self._sessions.begin() as session:
            claimed = session.execute(
                sa.update(table)
                .where(table.c.id == user_id,
                       sa.or_(table.c.totp_last_step.is_(None), table.c.totp_last_step < step))
                .values(totp_last_step=step))
            return claimed.rowcount == 1

    @off_loop
    def set_totp(self, user_id: int, encrypted_secret: str, raw_session_id: str, step: int | None = None) -> None:
        """Enrol a new secret; `step` is the time step of the code that confirmed it (used once)."""
        with self._sessions.begin() as session:
            user = session.get(User, user_id)
            user.totp_secret_encrypted = encrypted_secret
            user.totp_last_step = step
            staff_session = session.get(StaffSession, hash_session_id(raw_session_id))
            if staff_session is not None:
                staff_session.stage = "ok"
            session.add(_audit(f"dashboard:{user.email}", "user_changed", "second factor enrolled", self.clock()))

    @off_loop
    def pass_second_factor(self, raw_session_id: str, email: str, ip: str = "") -> None:
        with self._sessions.begin() as session:
            staff_session = session.get(StaffSession, hash_session_id(raw_session_id))
            if staff_session is not None:
                staff_session.stage = "ok"
            session.execute(sa.delete(SignInThrottle).where(SignInThrottle.key == self._throttle_keys(email, ip)[0]))

    # --- tickets ------------------------------------------------------------------------------

    def _scope(self, account: Account) -> sa.sql.ColumnElement:
        if account.is_admin:
            return sa.true()
        names = builtins.list(account.gemeenten)
        other = aliased(Ticket)
        linked = sa.exists().where(other.sender_hash == Ticket.sender_hash, other.channel == Ticket.channel,
                                   other.gemeente.in_(names))
        return sa.or_(Ticket.gemeente.in_(names),
                      sa.and_(Ticket.gemeente.is_(None), Ticket.sender_hash.isnot(None), linked))

    def due_at(self, ticket: Ticket) -> datetime:
        """The first-contact promise given to the resident when the ticket was made."""
        return self.hours.callback_by(ticket.created_at)

    def _row(self, ticket: Ticket, meedenkers: dict[int, Meedenker]) -> TicketRow:
        due = self.due_at(ticket)
        overdue = ticket.first_contact_at is None and ticket.status in ("nieuw", "toegewezen", "niet_bereikt") \
            and self.clock() > due
        return TicketRow(ticket, due, overdue, meedenkers.get(ticket.assigned_meedenker_id or -1))

    def _local_day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.hours.timezone)

    @off_loop
    def queue(self, account: Account, filters: Filters) -> builtins.list[TicketRow]:
        """Urgent first, then the oldest waiting. Crisis signals are no work: they have their own
        list (bot/dashboard/signals.py)."""
        query = sa.select(Ticket).where(self._scope(account), Ticket.kind == KIND_CALLBACK)
        if filters.status == "open":
            query = query.where(Ticket.status.in_(("nieuw",) + OPEN_STATUSES))
        elif filters.status in STATUSES:
            query = query.where(Ticket.status == filters.status)
        if filters.gemeente:
            query = query.where(Ticket.gemeente == filters.gemeente)
        if filters.taal == "tolk":
            query = query.where(Ticket.interpreter.is_(True))
        elif filters.taal:
            query = query.where(Ticket.language == filters.taal)
        if filters.route in ROUTES:
            query = query.where(Ticket.route == filters.route)
        if filters.type in MEEDENKER_TYPES:
            query = query.where(Ticket.meedenker_type == filters.type)
        if filters.meedenker.isdigit():
            query = query.where(Ticket.assigned_meedenker_id == int(filters.meedenker))
        elif filters.meedenker == "geen":
            query = query.where(Ticket.assigned_meedenker_id.is_(None))
        if filters.van:
            query = query.where(Ticket.created_at >= self._local_day_start(filters.van))
        if filters.tot:
            query = query.where(Ticket.created_at < self._local_day_start(filters.tot + timedelta(days=1)))
        urgent_first = sa.case((Ticket.urgency == "urgent", 0), else_=1)
        query = query.order_by(urgent_first, Ticket.created_at, Ticket.id).limit(MAX_QUEUE)
        with self._sessions() as session:
            tickets = builtins.list(session.execute(query).scalars())
            meedenkers = {m.id: m for m in session.execute(sa.select(Meedenker)).scalars()}
        # The werkmodel labels are JSON lists: filtered here, the same on SQLite and PostgreSQL.
        if filters.leefgebied:
            tickets = [t for t in tickets if filters.leefgebied in _ids(t.leefgebieden)]
        if filters.doelgroep:
            tickets = [t for t in tickets if filters.doelgroep in _ids(t.doelgroepen)]
        return [self._row(t, meedenkers) for t in tickets]

    @off_loop
    def status_counts(self, account: Account) -> dict[str, int]:
        query = sa.select(Ticket.status, sa.func.count()).where(
            self._scope(account), Ticket.kind == KIND_CALLBACK).group_by(Ticket.status)
        with self._sessions() as session:
            found = dict(session.execute(query).all())
        return {status: int(found.get(status, 0)) for status in STATUSES}

    def _visible(self, session: Session, account: Account, ticket_id: str) -> Ticket:
        ticket = session.execute(
            sa.select(Ticket).where(Ticket.id == normalise_ticket_id(ticket_id), self._scope(account))
        ).scalar_one_or_none()
        if ticket is None:
            raise NotFound(ticket_id)
        return ticket

    @off_loop
    def ticket(self, account: Account, ticket_id: str) -> TicketView:
        with self._sessions() as session:
            ticket = self._visible(session, account, ticket_id)
            meedenkers = {m.id: m for m in session.execute(sa.select(Meedenker)).scalars()}
            history = builtins.list(session.execute(
                sa.select(StatusChange).where(StatusChange.ticket_id == ticket.id).order_by(StatusChange.id)
            ).scalars())
            linked: builtins.list[Ticket] = []
            if ticket.sender_hash is not None:
                linked = builtins.list(session.execute(
                    sa.select(Ticket).where(Ticket.sender_hash == ticket.sender_hash,
                                            Ticket.channel == ticket.channel, Ticket.id != ticket.id,
                                            self._scope(account)).order_by(Ticket.created_at)
                ).scalars())
            views = builtins.list(session.execute(
                sa.select(AuditEntry).where(AuditEntry.ticket_id == ticket.id,
                                            AuditEntry.action == "viewed_contact").order_by(AuditEntry.id)
            ).scalars())
            suggestions = self._suggest(session, ticket, builtins.list(meedenkers.values()))
        return TicketView(self._row(ticket, meedenkers), history, [self._row(t, meedenkers) for t in linked],
                          suggestions, TRANSITIONS.get(ticket.status, ()), views)

    @staticmethod
    def _open_counts(session: Session) -> dict[int, int]:
        rows = session.execute(
            sa.select(Ticket.assigned_meedenker_id, sa.func.count())
            .where(Ticket.assigned_meedenker_id.isnot(None), Ticket.status.in_(OPEN_STATUSES))
            .group_by(Ticket.assigned_meedenker_id)
        ).all()
        return {int(k): int(v) for k, v in rows}

    def _suggest(self, session: Session, ticket: Ticket, meedenkers: Sequence[Meedenker]) -> builtins.list[Suggestion]:
        """Fitting meedenkers first: kind, gemeente, expertise, then spare capacity."""
        counts = self._open_counts(session)
        leef, doel = set(_ids(ticket.leefgebieden)), set(_ids(ticket.doelgroepen))
        result = []
        for m in meedenkers:
            if not m.active:
                continue
            reasons, score = [], 0
            if m.type == ticket.meedenker_type:
                score += 4
                reasons.append(f"{m.type}, zoals aanbevolen")
            if ticket.gemeente and ticket.gemeente in (m.gemeenten or ()):
                score += 3
                reasons.append(f"werkt in {ticket.gemeente}")
            shared = sorted((leef & set(m.leefgebieden or ())) | (doel & set(m.doelgroepen or ())))
            if shared:
                score += 2 * len(shared)
                names = {**LEEFGEBIED_LABELS, **DOELGROEP_LABELS}
                reasons.append("kennis van " + ", ".join(names.get(x, x) for x in shared))
            open_count = counts.get(m.id, 0)
            if open_count < m.max_open:
                score += 1
                reasons.append(f"ruimte: {open_count} van {m.max_open} open")
            else:
                reasons.append(f"vol: {open_count} van {m.max_open} open")
            result.append(Suggestion(m, open_count, score, reasons))
        return sorted(result, key=lambda s: (-s.score, s.at_capacity, s.meedenker.name))

    def _bump(self, session: Session, ticket: Ticket, version: int) -> None:
        """Compare-and-set on the version column: a stale form changes nothing."""
        done = session.execute(
            sa.update(Ticket).where(Ticket.id == ticket.id, Ticket.version == version)
            .values(version=version + 1).execution_options(synchronize_session=False)
        ).rowcount
        if done != 1:
            raise Conflict(ticket.id)

    @staticmethod
    def _note(note: str) -> str | None:
        note = (note or "").strip()[:MAX_NOTE]
        return mask_pii(note).text if note else None

    @off_loop
    def change_status(self, account: Account, ticket_id: str, version: int, to_status: str, note: str) -> None:
        now = self.clock()
        with self._sessions.begin() as session:
            ticket = self._visible(session, account, ticket_id)
            if ticket.version != version:
                raise Conflict(ticket.id)
            if to_status not in TRANSITIONS.get(ticket.status, ()):
                raise Invalid("Deze stap kan niet vanuit de huidige status.")
            self._bump(session, ticket, version)
            values: dict[str, Any] = {"status": to_status}
            if to_status in CONTACT_STATUSES and ticket.first_contact_at is None:
                values["first_contact_at"] = now
            session.execute(sa.update(Ticket).where(Ticket.id == ticket.id).values(**values)
                            .execution_options(synchronize_session=False))
            session.add(StatusChange(ticket_id=ticket.id, at=now, actor=account.actor, from_status=ticket.status,
                                     to_status=to_status, note=self._note(note)))
            session.add(AuditEntry(ticket_id=ticket.id, at=now, actor=account.actor, action="status_changed",
                                   detail=f"{ticket.status} -> {to_status}"))
            queue_on_close(session, ticket, to_status, now)  # the resident's follow-up question (issue 29)

    @off_loop
    def assign(self, account: Account, ticket_id: str, version: int, meedenker_id: int, confirmed: bool,
               note: str) -> None:
        now = self.clock()
        with self._sessions.begin() as session:
            ticket = self._visible(session, account, ticket_id)
            if ticket.version != version:
                raise Conflict(ticket.id)
            meedenker = session.get(Meedenker, meedenker_id)
            if meedenker is None or not meedenker.active:
                raise Invalid("Kies een meedenker uit de lijst.")
            open_count = self._open_counts(session).get(meedenker.id, 0)
            if ticket.assigned_meedenker_id != meedenker.id and open_count >= meedenker.max_open and not confirmed:
                raise AtCapacity(meedenker.name)
            self._bump(session, ticket, version)
            to_status = "toegewezen" if ticket.status in ("nieuw", "afgerond", "doorverwezen") else ticket.status
            session.execute(sa.update(Ticket).where(Ticket.id == ticket.id)
                            .values(assigned_meedenker_id=meedenker.id, status=to_status)
                            .execution_options(synchronize_session=False))
            session.add(StatusChange(ticket_id=ticket.id, at=now, actor=account.actor, from_status=ticket.status,
                                     to_status=to_status, meedenker_id=meedenker.id, note=self._note(note)))
            session.add(AuditEntry(ticket_id=ticket.id, at=now, actor=account.actor, action="assigned",
                                   detail=f"meedenker {meedenker.id}" + (" (over capacity, confirmed)"
                                                                         if open_count >= meedenker.max_open else "")))

    @off_loop
    def contact(self, account: Account, ticket_id: str) -> dict[str, str | None] | None:
        """Decrypted contact details; the store writes the audit row (who, when) first."""
        with self._sessions() as session:
            ticket = self._visible(session, account, ticket_id)
        return self.store.contact(ticket.id, account.actor)

    @off_loop
    def erase(self, account: Account, ticket_id: str, tracker_url: str) -> int:
        """Erase the resident behind this ticket: all their tickets and their conversation."""
        if not account.is_admin:
            raise NotFound(ticket_id)
        with self._sessions() as session:
            ticket = self._visible(session, account, ticket_id)
        tickets, _events = self.store.erase_resident(ticket.id, tracker_url, actor=account.actor)
        return tickets

    @off_loop
    def transcript(self, account: Account, ticket_id: str, tracker_url: str) -> builtins.list[tuple[str, str]]:
        """(who, text) of the conversation behind a ticket, masked again for display."""
        with self._sessions() as session:
            ticket = self._visible(session, account, ticket_id)
        sender = self.store.tracker_sender_of(tracker_url, ticket.id)
        if sender is None:
            return []
        return [(who, mask_pii(text).text) for who, text in self.store.conversation_texts(tracker_url, sender)]

    @off_loop
    def tickets_for_facts(self, account: Account, gemeente: str, start: date, end: date) \
            -> builtins.list[tuple[Ticket, Meedenker | None]]:
        query = sa.select(Ticket).where(self._scope(account),
                                        Ticket.created_at >= self._local_day_start(start),
                                        Ticket.created_at < self._local_day_start(end + timedelta(days=1)))
        if gemeente:
            query = query.where(Ticket.gemeente == gemeente)
        with self._sessions() as session:
            meedenkers = {m.id: m for m in session.execute(sa.select(Meedenker)).scalars()}
            return [(t, meedenkers.get(t.assigned_meedenker_id or -1))
                    for t in session.execute(query.order_by(Ticket.created_at)).scalars()]

    # --- meedenkers ---------------------------------------------------------------------------

    @off_loop
    def meedenkers(self) -> builtins.list[tuple[Meedenker, int]]:
        with self._sessions() as session:
            counts = self._open_counts(session)
            rows = session.execute(sa.select(Meedenker).order_by(Meedenker.active.desc(), Meedenker.name)).scalars()
            return [(m, counts.get(m.id, 0)) for m in rows]

    @off_loop
    def save_meedenker(self, actor: str, *, name: str, type: str, leefgebieden: Sequence[str],
                       doelgroepen: Sequence[str], gemeenten: Sequence[str], max_open: int,
                       meedenker_id: int | None = None, active: bool = True) -> int:
        name = name.strip()
        if not name or len(name) > 128:
            raise Invalid("Vul een naam in (hoogstens 128 tekens).")
        if type not in MEEDENKER_TYPES:
            raise Invalid("Kies informeel of formeel.")
        if not 0 <= max_open <= 100:
            raise Invalid("Het maximum aantal open tickets ligt tussen 0 en 100.")
        leef = [x for x in leefgebieden if x in LEEFGEBIEDEN]
        doel = [x for x in doelgroepen if x in DOELGROEPEN]
        with self._sessions.begin() as session:
            m = session.get(Meedenker, meedenker_id) if meedenker_id else Meedenker()
            if m is None:
                raise NotFound(meedenker_id)
            m.name, m.type, m.leefgebieden, m.doelgroepen = name, type, leef, doel
            m.gemeenten, m.max_open, m.active = sorted(set(gemeenten)), max_open, active
            session.add(m)
            session.flush()
            session.add(_audit(actor, "meedenker_changed", f"meedenker {m.id} saved", self.clock()))
            return m.id

    # --- gemeenten ---------------------------------------------------------------------------

    @off_loop
    def gemeenten_overview(self) -> builtins.list[GemeenteRow]:
        """Every gemeente with tickets, coordinators or meedenkers; uncovered ones first."""
        with self._sessions() as session:
            open_counts = dict(session.execute(
                sa.select(Ticket.gemeente, sa.func.count()).where(Ticket.gemeente.isnot(None),
                                                                  Ticket.kind == KIND_CALLBACK,
                                                                  Ticket.status.in_(("nieuw",) + OPEN_STATUSES))
                .group_by(Ticket.gemeente)).all())
            users = builtins.list(session.execute(sa.select(User).where(User.active.is_(True))).scalars())
            meedenkers = builtins.list(session.execute(
                sa.select(Meedenker).where(Meedenker.active.is_(True))).scalars())
        names = set(open_counts) | {g for u in users for g in u.gemeenten or ()} | \
            {g for m in meedenkers for g in m.gemeenten or ()}
        rows = [GemeenteRow(
            name=name, open_tickets=int(open_counts.get(name, 0)),
            coordinators=sorted(u.email for u in users if u.role == "coordinator" and name in (u.gemeenten or ())),
            meedenkers=sorted(m.name for m in meedenkers if name in (m.gemeenten or ())),
        ) for name in names]
        return sorted(rows, key=lambda r: (bool(r.coordinators), -r.open_tickets, r.name))

    @off_loop
    def add_coordinator_to_gemeente(self, email: str, gemeente: str, actor: str) -> None:
        with self._sessions.begin() as session:
            user = session.execute(sa.select(User).where(User.email == email.strip().lower(),
                                                         User.role == "coordinator")).scalar_one_or_none()
            if user is None:
                raise Invalid("Kies een coördinator uit de lijst.")
            user.gemeenten = sorted(set(user.gemeenten or ()) | {gemeente})
            session.add(_audit(actor, "user_changed", f"account {user.id}: gemeente {gemeente} added", self.clock()))

    # --- audit --------------------------------------------------------------------------------

    @off_loop
    def audit(self, limit: int = 500) -> builtins.list[AuditEntry]:
        with self._sessions() as session:
            return builtins.list(session.execute(
                sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).scalars())

    @off_loop
    def record(self, actor: str, action: str, detail: str | None = None) -> None:
        with self._sessions.begin() as session:
            session.add(_audit(actor, action, detail, self.clock()))


def _audit(actor: str, action: str, detail: str | None, at: datetime) -> AuditEntry:
    return AuditEntry(ticket_id=None, at=at, actor=actor[:128], action=action, detail=detail)
