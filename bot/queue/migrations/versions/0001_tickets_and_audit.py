"""Tickets and audit trail of the callback queue.

Revision ID: 0001
Revises:
Create Date: 2025-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies of the allowed values at this revision; a later change gets its own migration.
_STATUSES = "'nieuw', 'in_behandeling', 'gebeld', 'afgerond', 'geannuleerd'"
_ACTIONS = "'created', 'viewed_contact', 'status_changed', 'anonymised', 'erased'"


def upgrade() -> None:
    op.create_table(
        "meedenker_tickets",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(64), nullable=False),
        sa.Column("sender_hash", sa.String(64), nullable=True),
        sa.Column("idempotency_key", sa.String(255), nullable=False),
        sa.Column("gemeente", sa.String(128), nullable=True),
        sa.Column("leefgebieden", sa.JSON(), nullable=False),
        sa.Column("doelgroepen", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("route", sa.String(32), nullable=False),
        sa.Column("urgency", sa.String(16), nullable=False),
        sa.Column("meedenker_type", sa.String(16), nullable=False),
        sa.Column("opschaal_reasons", sa.JSON(), nullable=False),
        sa.Column("organisations", sa.JSON(), nullable=False),
        sa.Column("preferred_moment", sa.Text(), nullable=True),
        sa.Column("preference", sa.String(16), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("contact_encrypted", sa.Text(), nullable=True),
        sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_meedenker_tickets"),
        sa.UniqueConstraint("idempotency_key", name="uq_meedenker_tickets_idempotency_key"),
        sa.CheckConstraint(f"status IN ({_STATUSES})", name="ck_meedenker_tickets_status"),
        sa.CheckConstraint("urgency IN ('urgent', 'normaal')", name="ck_meedenker_tickets_urgency"),
        sa.CheckConstraint("meedenker_type IN ('informeel', 'formeel')",
                           name="ck_meedenker_tickets_meedenker_type"),
        sa.CheckConstraint("preference IS NULL OR preference IN ('informeel', 'formeel', 'geen')",
                           name="ck_meedenker_tickets_preference"),
    )
    op.create_index("ix_meedenker_tickets_created_at", "meedenker_tickets", ["created_at"])
    op.create_index("ix_meedenker_tickets_sender_hash", "meedenker_tickets", ["sender_hash"])
    op.create_index("ix_meedenker_tickets_status", "meedenker_tickets", ["status"])
    op.create_table(
        "meedenker_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ticket_id", sa.String(16), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_meedenker_audit"),
        sa.CheckConstraint(f"action IN ({_ACTIONS})", name="ck_meedenker_audit_action"),
    )
    op.create_index("ix_meedenker_audit_ticket_id", "meedenker_audit", ["ticket_id"])


def downgrade() -> None:
    op.drop_index("ix_meedenker_audit_ticket_id", table_name="meedenker_audit")
    op.drop_table("meedenker_audit")
    op.drop_index("ix_meedenker_tickets_status", table_name="meedenker_tickets")
    op.drop_index("ix_meedenker_tickets_sender_hash", table_name="meedenker_tickets")
    op.drop_index("ix_meedenker_tickets_created_at", table_name="meedenker_tickets")
    op.drop_table("meedenker_tickets")
