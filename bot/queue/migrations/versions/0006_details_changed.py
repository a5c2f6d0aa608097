"""A resident's change after the ticket (residents' round 38): the new audit action
"details_changed", which names the fields changed, never their values.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copies of the allowed values at this revision and the one before.
_OLD_ACTIONS = ("'created', 'viewed_contact', 'status_changed', 'anonymised', 'erased', 'assigned', 'signed_in', "
                "'signed_out', 'sign_in_failed', 'user_changed', 'meedenker_changed', 'exported', 'mail_sent', "
                "'mail_failed', 'followup_consent', 'followup_sent', 'followup_answered', 'followup_failed', "
                "'urgency_raised'")
_ACTIONS = _OLD_ACTIONS + ", 'details_changed'"


def upgrade() -> None:
    with op.batch_alter_table("meedenker_audit") as batch:
        batch.drop_constraint(op.f("ck_meedenker_audit_action"), type_="check")
        batch.create_check_constraint("action", f"action IN ({_ACTIONS})")


def downgrade() -> None:
    with op.batch_alter_table("meedenker_audit") as batch:
        batch.drop_constraint(op.f("ck_meedenker_audit_action"), type_="check")
    op.get_bind().execute(sa.text(f"DELETE FROM meedenker_audit WHERE action NOT IN ({_OLD_ACTIONS})"))
    with op.batch_alter_table("meedenker_audit") as batch:
        batch.create_check_constraint("action", f"action IN ({_OLD_ACTIONS})")
