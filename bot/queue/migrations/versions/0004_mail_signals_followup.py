"""Issue 29: e-mail to coordinators through an outbox, crisis signals apart from callbacks, and the
follow-up question to residents.

- meedenker_tickets.kind: "callback" or "signal". Existing crisis flags (their idempotency key
  starts with "crisis:" and they have no contact details) become signals.
- meedenker_tickets.followup_*: consent, encrypted address, status and answer of the follow-up.
- meedenker_users.mail_kinds: the kinds of e-mail an account wants (NULL: all).
- meedenker_outbox: mails and follow-ups waiting to be delivered.
- new audit actions for sent and failed mails and for the follow-up.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen copies of the allowed values at this revision.
_OLD_ACTIONS = ("'created', 'viewed_contact', 'status_changed', 'anonymised', 'erased', 'assigned', 'signed_in', "
                "'signed_out', 'sign_in_failed', 'user_changed', 'meedenker_changed', 'exported'")
_ACTIONS = (_OLD_ACTIONS + ", 'mail_sent', 'mail_failed', 'followup_consent', 'followup_sent', "
            "'followup_answered', 'followup_failed', 'urgency_raised'")


def upgrade() -> None:
    with op.batch_alter_table("meedenker_tickets") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="callback"))
        batch.add_column(sa.Column("followup_address_encrypted", sa.Text(), nullable=True))
        batch.add_column(sa.Column("followup_status", sa.String(16), nullable=True))
        batch.add_column(sa.Column("followup_answer", sa.String(16), nullable=True))
        batch.add_column(sa.Column("followup_sent_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("followup_answered_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_meedenker_tickets_kind", ["kind"])
        batch.create_check_constraint("kind", "kind IN ('callback', 'signal')")
        batch.create_check_constraint(
            "followup_status",
            "followup_status IS NULL OR followup_status IN ('agreed', 'queued', 'sent', 'answered', 'not_sent')")
        batch.create_check_constraint(
            "followup_answer",
            "followup_answer IS NULL OR followup_answer IN ('geholpen', 'niet_geholpen', 'geen_contact')")
    op.execute("UPDATE meedenker_tickets SET kind = 'signal' "
               "WHERE idempotency_key LIKE 'crisis:%' AND contact_encrypted IS NULL")
    with op.batch_alter_table("meedenker_users") as batch:
        batch.add_column(sa.Column("mail_kinds", sa.JSON(), nullable=True))
    with op.batch_alter_table("meedenker_audit") as batch:
        batch.drop_constraint(op.f("ck_meedenker_audit_action"), type_="check")
        batch.create_check_constraint("action", f"action IN ({_ACTIONS})")
    op.create_table(
        "meedenker_outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("dedupe_key", sa.String(160), nullable=False),
        sa.Column("ticket_id", sa.String(16), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(254), nullable=True),
        sa.Column("subject", sa.String(255), nullable=True),
        sa.Column("body_text", sa.Text(), nullable=True),
        sa.Column("body_html", sa.Text(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(255), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_meedenker_outbox"),
        sa.UniqueConstraint("dedupe_key", name="uq_meedenker_outbox_dedupe_key"),
        sa.CheckConstraint("kind IN ('new_ticket', 'due_soon', 'digest', 'followup')", name="ck_meedenker_outbox_kind"),
        sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name="ck_meedenker_outbox_status"),
    )
    op.create_index("ix_meedenker_outbox_ticket_id", "meedenker_outbox", ["ticket_id"])
    op.create_index("ix_meedenker_outbox_status", "meedenker_outbox", ["status"])
    op.create_index("ix_meedenker_outbox_next_attempt_at", "meedenker_outbox", ["next_attempt_at"])


def downgrade() -> None:
    op.drop_table("meedenker_outbox")
    bind = op.get_bind()
    with op.batch_alter_table("meedenker_audit") as batch:
        batch.drop_constraint(op.f("ck_meedenker_audit_action"), type_="check")
    bind.execute(sa.text(f"DELETE FROM meedenker_audit WHERE action NOT IN ({_OLD_ACTIONS})"))
    with op.batch_alter_table("meedenker_audit") as batch:
        batch.create_check_constraint("action", f"action IN ({_OLD_ACTIONS})")
    with op.batch_alter_table("meedenker_users") as batch:
        batch.drop_column("mail_kinds")
    with op.batch_alter_table("meedenker_tickets") as batch:
        batch.drop_constraint(op.f("ck_meedenker_tickets_followup_answer"), type_="check")
        batch.drop_constraint(op.f("ck_meedenker_tickets_followup_status"), type_="check")
        batch.drop_constraint(op.f("ck_meedenker_tickets_kind"), type_="check")
        batch.drop_index("ix_meedenker_tickets_kind")
        for column in ("followup_answered_at", "followup_sent_at", "followup_answer", "followup_status",
                       "followup_address_encrypted", "kind"):
            batch.drop_column(column)
