"""A PostgreSQL database of its own for one test module, on the shared server.

Other branches' tests migrate the shared `test` database too; a database per run keeps their
schema versions and events out of ours.
"""
from __future__ import annotations

import uuid
from contextlib import contextmanager
from typing import Iterator

import sqlalchemy as sa


@contextmanager
def unique_database(server_url: str, prefix: str) -> Iterator[str]:
    base = sa.engine.make_url(server_url)
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield str(base.set(database=name))
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
