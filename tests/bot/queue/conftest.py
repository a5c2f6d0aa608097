"""Queue fixtures: each test gets a fresh SQLite file, and on PostgreSQL a schema of its own
(dropped afterwards), so it can run beside other tests using the same database."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from bot.queue.store import TicketStore
from tests.bot.queue.helpers import KEY
from tests.conftest import service_url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'queue.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    base = sa.engine.make_url(service_url("DATABASE_URL"))
    schema = f"mdq_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def store(db_url: str) -> Iterator[TicketStore]:
    queue = TicketStore(db_url, KEY)
    queue.migrate()
    yield queue
    queue.close()
