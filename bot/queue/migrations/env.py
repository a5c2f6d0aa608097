"""Alembic environment of the callback queue, run by bot.queue.migrations.upgrade()."""
from __future__ import annotations

from alembic import context

from bot.queue.migrations import VERSION_TABLE
from bot.queue.models import metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if context.is_offline_mode() or connection is None:
        raise RuntimeError("queue migrations run online only, through bot.queue.migrations.upgrade()")
    context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run()
