"""Builders shared by the queue tests: tickets, Rasa-like `events` tables, a Fernet key."""
from __future__ import annotations

import time
from base64 import urlsafe_b64encode
from typing import Any, Iterable

import sqlalchemy as sa

from bot.queue.models import NewTicket

KEY = urlsafe_b64encode(b"k" * 32).decode()  # the same key as tests/conftest.py's base_env
OTHER_KEY = urlsafe_b64encode(b"o" * 32).decode()
NAME, PHONE, EMAIL = "Marieke de Vries", "06-98765432", "marieke.devries@example.nl"


def new_ticket(**overrides: Any) -> NewTicket:
    fields: dict[str, Any] = dict(
        channel="rest",
        sender_id="bewoner-1",
        gemeente="Goes",
        route="meedenker",
        urgency="normaal",
        meedenker_type="formeel",
        summary="Ik heb een brief over bezwaar tegen de Wmo-beslissing. Bel me op 06-12345678.",
        leefgebieden=[{"id": "financien", "confidence": 0.91, "evidence": ["brief", "bezwaar"], "source": "lexicon"}],
        doelgroepen=[{"id": "ouderen", "confidence": 0.7, "evidence": ["mijn moeder"]}],
        opschaal_reasons=["bezwaar", "meerdere wetten"],
        organisations=[{"id": "smwo", "name": "SMWO", "reasons": ["alle vragen"]}],
        preferred_moment="dinsdagmiddag",
        preference="formeel",
        contact={"name": NAME, "phone": PHONE, "email": EMAIL},
    )
    fields.update(overrides)
    return NewTicket(**fields)


def create_events_table(url: str, rows: Iterable[tuple[str, float]]) -> None:
    """An `events` table shaped like Rasa's SQLTrackerStore's, with (sender_id, timestamp) rows."""
    engine = sa.create_engine(url)
    meta = sa.MetaData()
    events = sa.Table(
        "events", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(255), nullable=False, index=True),
        sa.Column("type_name", sa.String(255), nullable=False),
        sa.Column("timestamp", sa.Float),
        sa.Column("intent_name", sa.String(255)),
        sa.Column("action_name", sa.String(255)),
        sa.Column("data", sa.Text),
    )
    meta.create_all(engine)
    with engine.begin() as conn:
        for sender_id, timestamp in rows:
            conn.execute(events.insert().values(sender_id=sender_id, type_name="user", timestamp=timestamp,
                                                intent_name="vraag", data='{"text": "hallo"}'))
    engine.dispose()


def event_senders(url: str) -> list[str]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        senders = list(conn.execute(sa.text("SELECT sender_id FROM events ORDER BY id")).scalars())
    engine.dispose()
    return senders


def days_ago(days: float) -> float:
    return time.time() - days * 86400
