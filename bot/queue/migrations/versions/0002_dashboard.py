"""The coordinators' dashboard: new statuses, version column, assignment, staff, sessions,
sign-in throttling, meedenkers and status history.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""
from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copies of the allowed values at this revision.
_OLD_STATUSES = "'nieuw', 'in_behandeling', 'gebeld', 'afgerond', 'geannuleerd'"
_STATUSES = "'nieuw', 'toegewezen', 'in_gesprek', 'afgerond', 'niet_bereikt', 'doorverwezen'"
_OLD_ACTIONS = "'created', 'viewed_contact', 'status_changed', 'anonymised', 'erased'"
_ACTIONS = (_OLD_ACTIONS + ", 'assigned', 'signed_in', 'signed_out', 'sign_in_failed', 'user_changed', "
            "'meedenker_changed', 'exported'")
# Today's statuses and what they mean in the dashboard's flow.
_MAPPING = {"in_behandeling": "toegewezen", "gebeld": "in_gesprek", "geannuleerd": "afgerond"}


def _utc(dialect: str) -> datetime:
    now = datetime.now(timezone.utc)
    return now.replace(tzinfo=None) if dialect == "sqlite" else now


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("meedenker_tickets") as batch:
        batch.drop_constraint("ck_meedenker_tickets_status", type_="check")
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("assigned_meedenker_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("first_contact_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_meedenker_tickets_assigned_meedenker_id", ["assigned_meedenker_id"])
    op.create_table(
        "meedenker_status_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ticket_id", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("from_status", sa.String(16), nullable=True),
        sa.Column("to_status", sa.String(16), nullable=False),
        sa.Column("meedenker_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_meedenker_status_history"),
    )
    op.create_index("ix_meedenker_status_history_ticket_id", "meedenker_status_history", ["ticket_id"])
    tickets = sa.table("meedenker_tickets", sa.column("id", sa.String), sa.column("status", sa.String))
    history = sa.table("meedenker_status_history", sa.column("ticket_id", sa.String),
                       sa.column("at", sa.DateTime), sa.column("actor", sa.String),
                       sa.column("from_status", sa.String), sa.column("to_status", sa.String),
                       sa.column("note", sa.Text))
    now = _utc(bind.dialect.name)
    for old, new in _MAPPING.items():
        ids = bind.execute(sa.select(tickets.c.id).where(tickets.c.status == old)).scalars().all()
        if ids:
            bind.execute(tickets.update().where(tickets.c.status == old).values(status=new))
            bind.execute(history.insert(), [
                {"ticket_id": i, "at": now, "actor": "migration", "from_status": old, "to_status": new,
                 "note": f"status '{old}' of the old queue became '{new}'"} for i in ids])
    with op.batch_alter_table("meedenker_tickets") as batch:
        batch.create_check_constraint("status", f"status IN ({_STATUSES})")
    with op.batch_alter_table("meedenker_audit") as batch:
        batch.drop_constraint("ck_meedenker_audit_action", type_="check")
        batch.create_check_constraint("action", f"action IN ({_ACTIONS})")

    op.create_table(
        "meedenker_users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("gemeenten", sa.JSON(), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("totp_secret_encrypted", sa.Text(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_meedenker_users"),
        sa.UniqueConstraint("email", name="uq_meedenker_users_email"),
        sa.CheckConstraint("role IN ('admin', 'coordinator')", name="ck_meedenker_users_role"),
    )
    op.create_table(
        "meedenker_sessions",
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stage", sa.String(16), nullable=False, server_default="ok"),
        sa.PrimaryKeyConstraint("id_hash", name="pk_meedenker_sessions"),
    )
    op.create_index("ix_meedenker_sessions_user_id", "meedenker_sessions", ["user_id"])
    op.create_table(
        "meedenker_sign_in_throttle",
        sa.Column("key", sa.String(96), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_meedenker_sign_in_throttle"),
    )
    op.create_table(
        "meedenker_meedenkers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("leefgebieden", sa.JSON(), nullable=False),
        sa.Column("doelgroepen", sa.JSON(), nullable=False),
        sa.Column("gemeenten", sa.JSON(), nullable=False),
        sa.Column("max_open", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.PrimaryKeyConstraint("id", name="pk_meedenker_meedenkers"),
        sa.CheckConstraint("type IN ('informeel', 'formeel')", name="ck_meedenker_meedenkers_type"),
    )


def downgrade() -> None:
    for table in ("meedenker_meedenkers", "meedenker_sign_in_throttle", "meedenker_sessions", "meedenker_users"):
        op.drop_table(table)
    bind = op.get_bind()
    with op.batch_alter_table("meedenker_audit") as batch:
        batch.drop_constraint(op.f("ck_meedenker_audit_action"), type_="check")
    bind.execute(sa.text(f"DELETE FROM meedenker_audit WHERE action NOT IN ({_OLD_ACTIONS})"))
    with op.batch_alter_table("meedenker_audit") as batch:
        batch.create_check_constraint("action", f"action IN ({_OLD_ACTIONS})")
    with op.batch_alter_table("meedenker_tickets") as batch:
        batch.drop_constraint(op.f("ck_meedenker_tickets_status"), type_="check")
    for old, new in (("toegewezen", "in_behandeling"), ("in_gesprek", "gebeld"), ("niet_bereikt", "in_behandeling"),
                     ("doorverwezen", "afgerond")):
        bind.execute(sa.text("UPDATE meedenker_tickets SET status = :old WHERE status = :new"),
                     {"old": old, "new": new})
    op.drop_index("ix_meedenker_status_history_ticket_id", table_name="meedenker_status_history")
    op.drop_table("meedenker_status_history")
    with op.batch_alter_table("meedenker_tickets") as batch:
        batch.drop_index("ix_meedenker_tickets_assigned_meedenker_id")
        batch.drop_column("first_contact_at")
        batch.drop_column("assigned_meedenker_id")
        batch.drop_column("version")
        batch.create_check_constraint("status", f"status IN ({_OLD_STATUSES})")
