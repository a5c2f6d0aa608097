"""Issue 27: the language a resident wrote in, and whether the callback needs an interpreter.

- meedenker_tickets.language: "nl", "en", "ar", "tr", "pl", "uk", "ti" or "ru" (another language,
  answered in English); NULL on tickets from before this revision (they were Dutch or English).
- meedenker_tickets.interpreter: the meedenker calls back with an interpreter.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meedenker_tickets") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=True))
        batch.add_column(sa.Column("interpreter", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.create_index("ix_meedenker_tickets_language", ["language"])


def downgrade() -> None:
    with op.batch_alter_table("meedenker_tickets") as batch:
        batch.drop_index("ix_meedenker_tickets_language")
        batch.drop_column("interpreter")
        batch.drop_column("language")
