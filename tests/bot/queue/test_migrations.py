import threading

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bot.queue import migrations
from bot.queue.models import metadata
from bot.queue.store import TicketStore
from tests.bot.queue.helpers import KEY, create_events_table, days_ago, event_senders, new_ticket


def tables(url: str) -> set[str]:
    engine = sa.create_engine(url)
    names = set(sa.inspect(engine).get_table_names())
    engine.dispose()
    return names


def test_migrating_twice_is_a_no_op(db_url):
    store = TicketStore(db_url, KEY)
    assert not store.schema_is_current()
    store.migrate()
    ticket, _ = store.create(new_ticket(), "k")
    store.migrate()
    assert store.schema_is_current()
    assert migrations.current_revision(store._engine) == migrations.head_revision() == "0006"
    assert {"meedenker_tickets", "meedenker_audit", "meedenker_alembic_version", "meedenker_users",
            "meedenker_sessions", "meedenker_meedenkers", "meedenker_status_history"} <= tables(db_url)
    assert store.get(ticket.id) is not None
    store.close()


def test_migrating_beside_rasas_events_leaves_them_alone(db_url):
    create_events_table(db_url, [("bewoner-1", days_ago(1))])
    store = TicketStore(db_url, KEY)
    store.migrate()
    assert "events" in tables(db_url) and event_senders(db_url) == ["bewoner-1"]
    store.close()


def test_the_migrations_match_the_models(db_url):
    store = TicketStore(db_url, KEY)
    store.migrate()
    with store._engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True,
            "include_name": lambda name, kind, parent: kind != "table" or name.startswith("meedenker_")
            and name != migrations.VERSION_TABLE,
        })
        assert compare_metadata(context, metadata) == []
    store.close()


@pytest.mark.postgres
def test_concurrent_migrations_on_postgresql_wait_for_each_other(pg_url):
    # Without the advisory lock the racing CREATE TABLEs block each other: fail fast, not hang.
    url = sa.engine.make_url(pg_url)
    url = url.update_query_dict({"options": url.query["options"] + " -clock_timeout=20s"})
    stores = [TicketStore(url.render_as_string(hide_password=False), KEY) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    errors = []

    def migrate(store: TicketStore) -> None:
        try:
            barrier.wait()
            store.migrate()
        except (sa.exc.SQLAlchemyError, threading.BrokenBarrierError) as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=migrate, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert all(store.schema_is_current() for store in stores)
    for store in stores:
        store.close()


def test_revision_0002_maps_todays_statuses_and_records_it_in_the_history(db_url):
    from alembic import command

    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        command.upgrade(migrations.alembic_config(conn), "0001")
        for i, status in enumerate(("nieuw", "in_behandeling", "gebeld", "afgerond", "geannuleerd")):
            conn.execute(sa.text(
                "INSERT INTO meedenker_tickets (id, created_at, channel, idempotency_key, leefgebieden, doelgroepen, "
                "route, urgency, meedenker_type, opschaal_reasons, organisations, status) VALUES "
                "(:id, :at, 'rest', :key, '[]', '[]', 'meedenker', 'normaal', 'formeel', '[]', '[]', :status)"),
                {"id": f"MD-T{i}", "at": "2026-11-30 10:00:00", "key": f"k{i}", "status": status})
    store = TicketStore(db_url, KEY)
    store.migrate()
    assert [store.get(f"MD-T{i}").status for i in range(5)] == [
        "nieuw", "toegewezen", "in_gesprek", "afgerond", "afgerond"]
    assert all(store.get(f"MD-T{i}").version == 1 for i in range(5))
    with engine.connect() as conn:
        history = conn.execute(sa.text("SELECT ticket_id, from_status, to_status FROM meedenker_status_history "
                                       "ORDER BY ticket_id")).all()
    assert [tuple(h) for h in history] == [("MD-T1", "in_behandeling", "toegewezen"),
                                          ("MD-T2", "gebeld", "in_gesprek"), ("MD-T4", "geannuleerd", "afgerond")]
    with pytest.raises(sa.exc.IntegrityError):
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE meedenker_tickets SET status = 'gebeld' WHERE id = 'MD-T0'"))
    store.close()
    engine.dispose()


def test_revision_0002_downgrades_cleanly(db_url):
    from alembic import command

    store = TicketStore(db_url, KEY)
    store.migrate()
    store.close()
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        command.downgrade(migrations.alembic_config(conn), "0001")
    assert "meedenker_users" not in tables(db_url) and "meedenker_tickets" in tables(db_url)
    engine.dispose()
