"""Alembic migrations of the callback queue, configured in code (no alembic.ini).

Why in code: every process (CLI, action server, tests) finds the scripts next to this module, and
`upgrade()` takes a PostgreSQL advisory lock first, so two replicas starting together do not both
try to create the tables. The version table has its own name, beside any other Alembic user.
"""
from __future__ import annotations

from pathlib import Path
from typing import Final

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

SCRIPT_DIR: Final = Path(__file__).resolve().parent
VERSION_TABLE: Final = "meedenker_alembic_version"
# pg_advisory_xact_lock key: any fixed 64-bit number, the same in every process ("MEEDENKR").
ADVISORY_LOCK_KEY: Final = 0x4D454544454E4B52


def alembic_config(connection: sa.engine.Connection | None = None) -> Config:
    """An Alembic Config for this folder; env.py runs on `connection` when one is given."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: sa.engine.Engine) -> str | None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def upgrade(engine: sa.engine.Engine) -> None:
    """Bring the schema to head in one transaction; a no-op when it is already there."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Held until commit: a second process waits here, then finds the schema at head.
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
        command.upgrade(alembic_config(connection), "head")
