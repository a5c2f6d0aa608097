"""The dashboard's tables beside the queue: staff accounts, their sessions, sign-in throttling,
the meedenkers directory and each ticket's status history.

Why in the queue's database and MetaData: one Alembic history, one transaction for a status change
and its history row, and erasure of a ticket can reach its history in the same place.
Sessions are stored server-side (only a hash of the session id), so signing out really ends one.
"""
from __future__ import annotations

from typing import Final

import sqlalchemy as sa

from bot.queue.models import MEEDENKER_TYPES, Base, UTCDateTime, _in

ROLES: Final[tuple[str, ...]] = ("admin", "coordinator")


class User(Base):
    """A coordinator or admin of the dashboard. `gemeenten` limits what a coordinator sees."""

    __tablename__ = "meedenker_users"
    __table_args__ = (sa.CheckConstraint(_in("role", ROLES), name="role"),)

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    email = sa.Column(sa.String(254), nullable=False, unique=True)
    role = sa.Column(sa.String(16), nullable=False)
    gemeenten = sa.Column(sa.JSON, nullable=False)
    password_hash = sa.Column(sa.String(255), nullable=False)
    totp_secret_encrypted = sa.Column(sa.Text, nullable=True)
    # The TOTP time step (unix time // 30) of the last code accepted: a code is used once (0003).
    totp_last_step = sa.Column(sa.BigInteger, nullable=True)
    active = sa.Column(sa.Boolean, nullable=False, server_default=sa.true(), default=True)
    created_at = sa.Column(UTCDateTime(), nullable=False)
    # The kinds of e-mail this account wants (bot/mail/kinds.py); NULL: every kind (revision 0004).
    mail_kinds = sa.Column(sa.JSON, nullable=True)


class StaffSession(Base):
    """One signed-in browser. `id_hash` is SHA-256 of the cookie's session id, never the id."""

    __tablename__ = "meedenker_sessions"

    id_hash = sa.Column(sa.String(64), primary_key=True)
    user_id = sa.Column(sa.Integer, nullable=False, index=True)
    csrf_token = sa.Column(sa.String(64), nullable=False)
    created_at = sa.Column(UTCDateTime(), nullable=False)
    last_seen_at = sa.Column(UTCDateTime(), nullable=False)
    # "pending_totp": password correct, code still to come; "setup_totp": must enrol first.
    stage = sa.Column(sa.String(16), nullable=False, server_default="ok", default="ok")


class SignInThrottle(Base):
    """Failed sign-ins per account key or per IP; a growing wait after the fifth."""

    __tablename__ = "meedenker_sign_in_throttle"

    key = sa.Column(sa.String(96), primary_key=True)
    failures = sa.Column(sa.Integer, nullable=False)
    locked_until = sa.Column(UTCDateTime(), nullable=True)
    updated_at = sa.Column(UTCDateTime(), nullable=False)


class Meedenker(Base):
    """Someone who calls residents back: a volunteer (informeel) or a professional (formeel)."""

    __tablename__ = "meedenker_meedenkers"
    __table_args__ = (sa.CheckConstraint(_in("type", MEEDENKER_TYPES), name="type"),)

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    name = sa.Column(sa.String(128), nullable=False)
    type = sa.Column(sa.String(16), nullable=False)
    leefgebieden = sa.Column(sa.JSON, nullable=False)
    doelgroepen = sa.Column(sa.JSON, nullable=False)
    gemeenten = sa.Column(sa.JSON, nullable=False)
    max_open = sa.Column(sa.Integer, nullable=False)
    active = sa.Column(sa.Boolean, nullable=False, server_default=sa.true(), default=True)


class StatusChange(Base):
    """One step in a ticket's life, with the coordinator's optional (masked) note."""

    __tablename__ = "meedenker_status_history"

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    ticket_id = sa.Column(sa.String(16), nullable=False, index=True)
    at = sa.Column(UTCDateTime(), nullable=False)
    actor = sa.Column(sa.String(128), nullable=False)
    from_status = sa.Column(sa.String(16), nullable=True)
    to_status = sa.Column(sa.String(16), nullable=False)
    meedenker_id = sa.Column(sa.Integer, nullable=True)
    note = sa.Column(sa.Text, nullable=True)
