"""Accounts, mail choices, signing in with throttling, sessions and the second factor (TOTP).

A failed sign-in costs the account and the address a try; past FREE_FAILURES a wait doubles up
to LONGEST_WAIT, and every step is in the audit log.
"""
from __future__ import annotations

import builtins
import hashlib
import secrets
from datetime import datetime, time
from typing import Any, Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.errors import NotFound
from bot.mail.kinds import MAIL_KINDS, chosen_kinds
from bot.queue.staff import ROLES, SignInThrottle, StaffSession, User
from bot.dashboard.passwords import check_password, hash_password, verify_password
from bot.dashboard.repository.common import (
    IDLE_TIMEOUT,
    ABSOLUTE_TIMEOUT,
    FREE_FAILURES,
    ADDRESS_FREE_FAILURES,
    FIRST_WAIT,
    LONGEST_WAIT,
    DECAY,
    Invalid,
    off_loop,
    hash_session_id,
    SignInClaim,
    Account,
    SignedIn,
    _account,
    _audit,
)


class Accounts:
    """Accounts, mail choices, signing in with throttling, sessions and the second factor (TOTP)."""

    _sessions: Any
    clock: Callable[[], datetime]

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
