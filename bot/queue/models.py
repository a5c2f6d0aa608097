"""The callback queue's data: tickets for a meedenker to call back, and their audit trail.

Tables are prefixed `meedenker_` and hang off their own MetaData, so they can share a PostgreSQL
database with Rasa's `events` table without either side's migrations touching the other.
Contact details never appear here in plain text: the store encrypts them (bot/queue/crypto.py)
and keeps only a keyed hash of the resident's sender id, which is enough to erase on request.
"""
from __future__ import annotations

import logging
import math
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Final, Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import declarative_base

from bot.municipality.gemeenten import all_gemeenten
from bot.understanding.werkmodel import DOELGROEPEN, LEEFGEBIEDEN, MEEDENKER_TYPES, PREFERENCES, ROUTES

logger = logging.getLogger(__name__)

STATUS_NIEUW: Final = "nieuw"
STATUSES: Final[tuple[str, ...]] = ("nieuw", "toegewezen", "in_gesprek", "afgerond", "niet_bereikt", "doorverwezen")
# Statuses of revision 0001 and what revision 0002 made of them.
LEGACY_STATUSES: Final[dict[str, str]] = {
    "in_behandeling": "toegewezen", "gebeld": "in_gesprek", "geannuleerd": "afgerond",
}
OPEN_STATUSES: Final[tuple[str, ...]] = ("toegewezen", "in_gesprek", "niet_bereikt")
URGENCIES: Final[tuple[str, ...]] = ("urgent", "normaal")
CONTACT_FIELDS: Final[tuple[str, ...]] = ("name", "phone", "email")
AUDIT_ACTIONS: Final[tuple[str, ...]] = (
    "created", "viewed_contact", "status_changed", "anonymised", "erased",
    # Added by revision 0002, for the dashboard.
    "assigned", "signed_in", "signed_out", "sign_in_failed", "user_changed", "meedenker_changed",
    "exported",
    # Added by revision 0004 (issue 29): e-mail to coordinators, the residents' follow-up question.
    "mail_sent", "mail_failed", "followup_consent", "followup_sent", "followup_answered", "followup_failed",
    "urgency_raised",
    # Added by revision 0006: a resident changed a detail after the ticket.
    "details_changed",
)
# A callback is work for a coordinator; a signal is a crisis conversation without contact details
# (revision 0004): counted and readable by admins, never in the work queue.
KIND_CALLBACK: Final = "callback"
KIND_SIGNAL: Final = "signal"
TICKET_KINDS: Final[tuple[str, ...]] = (KIND_CALLBACK, KIND_SIGNAL)
# The languages a ticket may record (issue 27; bot/understanding/languages.py, kept here without importing it).
LANGUAGES: Final[tuple[str, ...]] = ("nl", "en", "ar", "tr", "pl", "uk", "ti", "ru")
# The follow-up question to a resident on Telegram or WhatsApp (revision 0004).
FOLLOWUP_STATUSES: Final[tuple[str, ...]] = ("agreed", "queued", "sent", "answered", "not_sent")
FOLLOWUP_ANSWERS: Final[tuple[str, ...]] = ("geholpen", "niet_geholpen", "geen_contact")

# Ticket references are read out over the phone: no 0/O, 1/I/L or U/V look-alikes.
ID_PREFIX: Final = "MD-"
ID_ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTWXYZ"
ID_LENGTH: Final = 6

metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})
Base = declarative_base(metadata=metadata)


def new_ticket_id() -> str:
    """A short random reference like "MD-4K7P2Q" (29^6 ≈ 600 million; the store retries a clash)."""
    return ID_PREFIX + "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))


def normalise_ticket_id(raw: str) -> str:
    """Accept what a coordinator types: any case, spaces, with or without the "MD-" prefix."""
    text = raw.strip().upper().replace(" ", "")
    if not text.startswith(ID_PREFIX):
        text = ID_PREFIX + text.removeprefix("MD")
    return text


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(sa.TypeDecorator):
    """Timezone-aware UTC datetimes on every database (SQLite has no time zones: store naive UTC)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("datetimes stored in the queue must be timezone-aware")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Ticket(Base):
    """A request for a callback by a meedenker, as the coordinator sees it."""

    __tablename__ = "meedenker_tickets"
    __table_args__ = (
        sa.CheckConstraint(_in("status", STATUSES), name="status"),
        sa.CheckConstraint(_in("urgency", URGENCIES), name="urgency"),
        sa.CheckConstraint(_in("meedenker_type", MEEDENKER_TYPES), name="meedenker_type"),
        sa.CheckConstraint(f"preference IS NULL OR {_in('preference', PREFERENCES)}", name="preference"),
        sa.CheckConstraint(_in("kind", TICKET_KINDS), name="kind"),
        sa.CheckConstraint(f"followup_status IS NULL OR {_in('followup_status', FOLLOWUP_STATUSES)}",
                           name="followup_status"),
        sa.CheckConstraint(f"followup_answer IS NULL OR {_in('followup_answer', FOLLOWUP_ANSWERS)}",
                           name="followup_answer"),
    )

    id = sa.Column(sa.String(16), primary_key=True)
    created_at = sa.Column(UTCDateTime(), nullable=False, index=True)
    channel = sa.Column(sa.String(64), nullable=False)
    sender_hash = sa.Column(sa.String(64), nullable=True, index=True)
    idempotency_key = sa.Column(sa.String(255), nullable=False, unique=True)
    gemeente = sa.Column(sa.String(128), nullable=True)
    leefgebieden = sa.Column(sa.JSON, nullable=False)
    doelgroepen = sa.Column(sa.JSON, nullable=False)
    summary = sa.Column(sa.Text, nullable=True)
    route = sa.Column(sa.String(32), nullable=False)
    urgency = sa.Column(sa.String(16), nullable=False)
    meedenker_type = sa.Column(sa.String(16), nullable=False)
    opschaal_reasons = sa.Column(sa.JSON, nullable=False)
    organisations = sa.Column(sa.JSON, nullable=False)
    preferred_moment = sa.Column(sa.Text, nullable=True)
    preference = sa.Column(sa.String(16), nullable=True)
    status = sa.Column(sa.String(16), nullable=False, index=True)
    contact_encrypted = sa.Column(sa.Text, nullable=True)
    anonymised_at = sa.Column(UTCDateTime(), nullable=True)
    # Revision 0002: optimistic concurrency, the meedenker assigned, the first real conversation.
    version = sa.Column(sa.Integer, nullable=False, server_default="1", default=1)
    assigned_meedenker_id = sa.Column(sa.Integer, nullable=True, index=True)
    first_contact_at = sa.Column(UTCDateTime(), nullable=True)
    # Revision 0004: callback or crisis signal; the follow-up question (address encrypted like contact).
    kind = sa.Column(sa.String(16), nullable=False, server_default=KIND_CALLBACK, default=KIND_CALLBACK, index=True)
    followup_address_encrypted = sa.Column(sa.Text, nullable=True)
    followup_status = sa.Column(sa.String(16), nullable=True)
    followup_answer = sa.Column(sa.String(16), nullable=True)
    followup_sent_at = sa.Column(UTCDateTime(), nullable=True)
    followup_answered_at = sa.Column(UTCDateTime(), nullable=True)
    # Revision 0005 (issue 27): the resident's language, and whether the callback needs an interpreter.
    language = sa.Column(sa.String(8), nullable=True, index=True)
    interpreter = sa.Column(sa.Boolean, nullable=False, server_default=sa.false(), default=False)

    @property
    def is_signal(self) -> bool:
        return self.kind == KIND_SIGNAL

    @property
    def has_contact(self) -> bool:
        return self.contact_encrypted is not None

    def as_dict(self) -> dict[str, Any]:
        """Every field a coordinator may see without an audit entry: no ciphertext, no sender hash."""
        return {
            "id": self.id,
            "created_at": self.created_at,
            "channel": self.channel,
            "gemeente": self.gemeente,
            "route": self.route,
            "urgency": self.urgency,
            "meedenker_type": self.meedenker_type,
            "preference": self.preference,
            "status": self.status,
            "summary": self.summary,
            "leefgebieden": self.leefgebieden,
            "doelgroepen": self.doelgroepen,
            "opschaal_reasons": self.opschaal_reasons,
            "organisations": self.organisations,
            "preferred_moment": self.preferred_moment,
            "has_contact": self.has_contact,
            "anonymised_at": self.anonymised_at,
            "version": self.version,
            "assigned_meedenker_id": self.assigned_meedenker_id,
            "first_contact_at": self.first_contact_at,
            "kind": self.kind,
            "followup_status": self.followup_status,
            "followup_answer": self.followup_answer,
            "followup_sent_at": self.followup_sent_at,
            "followup_answered_at": self.followup_answered_at,
            "language": self.language,
            "interpreter": self.interpreter,
        }


class AuditEntry(Base):
    """Who did what to a ticket, and when. Kept after erasure, so `detail` must never hold PII."""

    __tablename__ = "meedenker_audit"
    __table_args__ = (sa.CheckConstraint(_in("action", AUDIT_ACTIONS), name="action"),)

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    # No foreign key: the row must outlive an erased ticket. NULL for conversation-only erasures.
    ticket_id = sa.Column(sa.String(16), nullable=True, index=True)
    at = sa.Column(UTCDateTime(), nullable=False)
    actor = sa.Column(sa.String(128), nullable=False)
    action = sa.Column(sa.String(32), nullable=False)
    detail = sa.Column(sa.Text, nullable=True)


def _choice(name: str, value: str | None, allowed: Sequence[str], optional: bool = False) -> None:
    if value is None and optional:
        return
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")


def _known_gemeente(value: Any) -> str | None:
    """The gemeente when it is on the official list (bot/municipality/data/gemeenten.yml), else None.

    It comes from the tracker, which the action server cannot fully trust: a made-up value (a
    spreadsheet formula, markup) is dropped with a warning, never stored; the ticket itself is kept,
    so a crisis ticket still reaches a coordinator.
    """
    if value is None:
        return None
    if isinstance(value, str) and value in all_gemeenten():
        return value
    logger.warning("Ticket gemeente dropped: not on the list of municipalities (%d characters).",
                   len(value) if isinstance(value, str) else 0)
    return None


def _strings(name: str, values: Any) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise ValueError(f"{name} must be a list of strings")
    result = []
    for value in values:
        if not isinstance(value, str):
            raise ValueError(f"{name} must be a list of strings; got {value!r}")
        result.append(value)
    return result


def _labels(name: str, labels: Any, allowed: Sequence[str]) -> list[dict[str, Any]]:
    """Keep {id, confidence, evidence} of each label; unknown werkmodel ids are a bug upstream."""
    if isinstance(labels, (str, Mapping)) or not isinstance(labels, Sequence):
        raise ValueError(f"{name} must be a list of {{id, confidence, evidence}}")
    result = []
    for label in labels:
        if not isinstance(label, Mapping) or label.get("id") not in allowed:
            raise ValueError(f"{name}: unknown or missing id in {label!r}")
        confidence = label.get("confidence")
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) \
                or not math.isfinite(confidence) or not 0 <= confidence <= 1:
            raise ValueError(f"{name}: confidence of {label['id']!r} must be a number from 0 to 1")
        evidence = _strings(f"{name}: evidence of {label['id']!r}", label.get("evidence", []))
        result.append({"id": label["id"], "confidence": float(confidence), "evidence": evidence})
    return result


def _organisations(values: Any) -> list[dict[str, Any]]:
    if isinstance(values, (str, Mapping)) or not isinstance(values, Sequence):
        raise ValueError("organisations must be a list of {id, name, reasons}")
    result = []
    for org in values:
        if not isinstance(org, Mapping) or not isinstance(org.get("id"), str) \
                or not isinstance(org.get("name"), str):
            raise ValueError(f"organisations: each needs a string id and name; got {org!r}")
        reasons = _strings(f"organisations: reasons of {org['id']!r}", org.get("reasons", []))
        result.append({"id": org["id"], "name": org["name"], "reasons": reasons})
    return result


def _contact(contact: Mapping[str, Any] | None) -> dict[str, str | None] | None:
    """{name, phone, email} with blanks as None; None when nothing to call back on was given."""
    if contact is None:
        return None
    if not isinstance(contact, Mapping):
        raise ValueError("contact must be a mapping with name, phone and email")
    unknown = set(contact) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"contact has unknown fields: {', '.join(sorted(unknown))}")
    result: dict[str, str | None] = {}
    for key in CONTACT_FIELDS:
        value = contact.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"contact {key} must be text")
        result[key] = (value or "").strip() or None
    if not any(result.values()):
        return None
    if not (result["phone"] or result["email"]):
        raise ValueError("contact needs a phone number or an e-mail address to call back on")
    return result


@dataclass(frozen=True, kw_only=True)
class NewTicket:
    """What the conversation hands to the queue. Validated here, so a bad ticket fails in the action
    that builds it, not later in front of a coordinator. `sender_id` is raw: the store hashes it."""

    channel: str
    sender_id: str
    route: str
    meedenker_type: str
    summary: str
    urgency: str = "normaal"
    gemeente: str | None = None
    leefgebieden: Sequence[Mapping[str, Any]] = ()
    doelgroepen: Sequence[Mapping[str, Any]] = ()
    opschaal_reasons: Sequence[str] = ()
    organisations: Sequence[Mapping[str, Any]] = ()
    preferred_moment: str | None = None
    preference: str | None = None
    contact: Mapping[str, Any] | None = field(default=None, repr=False)
    kind: str = KIND_CALLBACK
    language: str | None = None  # the resident's language (bot/understanding/languages.py); None: not known
    interpreter: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.channel, str) or not self.channel or "\x00" in self.channel:
            raise ValueError("channel must be a non-empty name")
        if not isinstance(self.sender_id, str) or not self.sender_id:
            raise ValueError("sender_id must be a non-empty string")
        if not isinstance(self.summary, str):
            raise ValueError("summary must be text")
        _choice("route", self.route, ROUTES)
        _choice("urgency", self.urgency, URGENCIES)
        _choice("meedenker_type", self.meedenker_type, MEEDENKER_TYPES)
        _choice("preference", self.preference, PREFERENCES, optional=True)
        _choice("kind", self.kind, TICKET_KINDS)
        _choice("language", self.language, LANGUAGES, optional=True)
        object.__setattr__(self, "gemeente", _known_gemeente(self.gemeente))
        # Canonical plain lists and dicts, so the JSON columns hold exactly the documented shape.
        object.__setattr__(self, "leefgebieden", _labels("leefgebieden", self.leefgebieden, LEEFGEBIEDEN))
        object.__setattr__(self, "doelgroepen", _labels("doelgroepen", self.doelgroepen, DOELGROEPEN))
        object.__setattr__(self, "opschaal_reasons", _strings("opschaal_reasons", self.opschaal_reasons))
        object.__setattr__(self, "organisations", _organisations(self.organisations))
        object.__setattr__(self, "contact", _contact(self.contact))
