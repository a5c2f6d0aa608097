"""Tracker and lock stores chosen by the settings, never silently.

- Tracker store: SQLite under var/ by default, PostgreSQL when DATABASE_URL is set.
- Lock store: in memory by default (one Rasa process), a FIFO Redis lock when REDIS_URL is set.

Rasa 3.6's RedisLockStore reads a ticket list, changes it in Python and writes it back; two
replicas doing that at once both believe they hold the lock. Here every step is one Lua script,
so Redis itself serialises them: one holder per conversation, served in arrival order.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import logging
import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncGenerator, Optional, Text

import redis
import redis.asyncio
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
import sqlalchemy as sa
import sqlalchemy.orm
import ujson
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore
from rasa.core.tracker_store import SQLTrackerStore

from bot.conversation.recent import Recent
from bot.ops.settings import Settings, get_settings

logger = logging.getLogger(__name__)


class StoreConfigurationError(RuntimeError):
    """A configured store cannot be reached; the process must not start with another one."""


def check_stores(settings: Settings) -> None:
    """Connect once to each configured store, so a wrong URL stops the start with a clear error."""
    url = settings.tracker_store_url
    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 5} if url.startswith("postgres") else {})
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # noqa: BLE001 - re-raised with the setting's name
        raise StoreConfigurationError(f"DATABASE_URL: cannot connect to the tracker store: {error}") from error
    if settings.redis_url:
        try:
            redis.Redis.from_url(settings.redis_url, socket_timeout=5).ping()
        except redis.RedisError as error:
            raise StoreConfigurationError(f"REDIS_URL: cannot connect to the lock store: {error}") from error


# A database restart (a failover, an update) takes a few seconds; ride it out, then give up.
RECONNECT_DELAYS = (0.25, 0.5, 1.0, 2.0)


async def _retrying(work: Any) -> Any:
    """Run a database call in a worker thread, so a slow commit (SQLite's fsync, a busy PostgreSQL)
    never stalls the event loop and the other conversations on it; retry while the database
    cannot be reached (a restart), not on other errors."""
    for delay in (*RECONNECT_DELAYS, None):
        try:
            return await asyncio.to_thread(work)
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
            if delay is None:
                raise
            logger.warning("Tracker store unreachable (%s); retrying in %.2f s.", type(error).__name__, delay)
            await asyncio.sleep(delay)


def _sqlite_write_ahead_log(connection: Any, _record: Any) -> None:
    """SQLite (one server, no PostgreSQL): a write-ahead log with one sync per checkpoint instead of
    two per commit. A crash of the process loses nothing; a power cut may lose the last turns, never
    the file. Deployments with several replicas use PostgreSQL."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


DECODED_CONVERSATIONS = 256


def decode_row(data: str) -> Any:
    """A stored event's JSON, read to the same values as `json.loads` reads it.

    Why: a conversation's first read decodes every row of its session (about 300 kB at fifty
    turns), and `json.loads` took most of that read. ujson (already installed with Sanic) reads
    the same values, floats to the same bits, in two thirds of the time; a row it cannot read is
    read by `json.loads`, which raises for a broken row as Rasa's read does.
    """
    try:
        return ujson.loads(data)
    except (ValueError, TypeError):
        return json.loads(data)


@dataclass
class _Known:
    first_id: int  # the session's first stored row
    last_id: int  # the newest row the tracker holds
    rows: int  # rows from first_id to last_id (a row Rasa cannot read is skipped, but counted)
    tracker: Any  # never changed once kept: every read gets its own copy
    slots: Any  # the domain's slots the tracker was built with


class _Statements:
    """The tracker store's queries, built once as SQL statements with parameters.

    Why: each of Rasa's ORM queries (and ours, written the same way) cost about 0.7 ms of Python to
    build and compile on every turn, more than the database took to answer it. The same SQL, as
    statements SQLAlchemy compiles once: Rasa's "the latest session" filter (`_event_query`:
    rows from the latest `session_started` on, or all rows when there is none) is `in_session`.
    """

    def __init__(self, table: Any) -> None:
        c = table.c
        sender, first, last = sa.bindparam("sender"), sa.bindparam("first"), sa.bindparam("last")
        start = (sa.select(sa.func.max(c.timestamp))
                 .where(c.sender_id == sender, c.type_name == "session_started").scalar_subquery())
        in_session = sa.and_(c.sender_id == sender, sa.or_(c.timestamp >= start, start.is_(None)))
        self.stored_in_session = sa.select(sa.func.count()).select_from(table).where(in_session)
        self.session_rows = sa.select(c.id, c.data).where(in_session).order_by(c.id)
        self.rows_left = (sa.select(sa.func.count(c.id))
                          .where(c.sender_id == sender, c.id >= first, c.id <= last))
        self.newer_rows = (sa.select(c.id, c.type_name, c.data)
                           .where(c.sender_id == sender, c.id > last).order_by(c.id))
        self.any_newer_row = sa.select(c.id).where(c.sender_id == sender, c.id > last).limit(1)
        self.insert = table.insert()


class _DecodedSessions:
    """The latest session of recent conversations, as a tracker, checked on every read.

    Why: Rasa rebuilds the tracker on every turn by decoding every stored row of the session and
    replaying every event; at fifty turns that was a fifth of the cost of a turn and made long
    conversations slower than short ones. Each read still asks the database (so another
    replica's turns, a new session or an erasure from the dashboard are never missed): how many
    rows are left of those known, and which rows are newer. Only newer rows are decoded and
    applied, to a copy; anything unexpected (a row gone, a new session, another model's slots)
    builds the tracker from all rows, as Rasa does.
    """

    def __init__(self, size: int = DECODED_CONVERSATIONS) -> None:
        self._known: "Recent[str, _Known]" = Recent(size)

    def read(self, session: Any, store: "MeedenkerTrackerStore", sender_id: str, slots: Any) -> Optional[Any]:
        from rasa.shared.core.events import deserialise_events
        from rasa.shared.core.trackers import DialogueStateTracker

        from addons.rasa_patches.speed import copy_tracker

        sql = store.statements
        known = self._known.get(sender_id)
        if known is not None and known.slots is slots:
            left = session.execute(sql.rows_left, {"sender": sender_id, "first": known.first_id,
                                                   "last": known.last_id}).scalar()
            if left == known.rows:
                newer = session.execute(sql.newer_rows, {"sender": sender_id, "last": known.last_id}).all()
                if not any(type_name == "session_started" for _, type_name, _ in newer):
                    if newer:
                        tracker = copy_tracker(known.tracker)
                        for new_event in deserialise_events([decode_row(data) for _, _, data in newer]):
                            tracker.update(new_event)
                        known = _Known(known.first_id, newer[-1][0], known.rows + len(newer), tracker, slots)
                        self._remember(sender_id, known)
                    return _as_read(known)
        rows = session.execute(sql.session_rows, {"sender": sender_id}).all()
        if not rows:
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, [decode_row(data) for _, data in rows], slots)
        known = _Known(rows[0][0], rows[-1][0], len(rows), tracker, slots)
        self._remember(sender_id, known)
        return _as_read(known)

    def _remember(self, sender_id: str, known: _Known) -> None:
        self._known.put(sender_id, known)


READ_AS = "_meedenker_read_as"  # on a tracker this store read: (its newest row's id, its rows)


def _as_read(known: _Known) -> Any:
    """A copy of the known tracker, marked with what the database held when it was read."""
    from addons.rasa_patches.speed import copy_tracker

    tracker = copy_tracker(known.tracker)
    setattr(tracker, READ_AS, (known.last_id, known.rows))
    return tracker


def stored_rows(session: Any, statements: _Statements, tracker: Any) -> int:
    """How many rows of the tracker's latest session are stored: the events before those go
    unsaved. A tracker this store read holds that count, as long as no row came after it (under
    the conversation's lock none does); otherwise Rasa's count over the session's rows, whose
    cost grew with the length of the conversation."""
    read_as = getattr(tracker, READ_AS, None)
    if read_as is not None:
        last_id, rows = read_as
        if session.execute(statements.any_newer_row, {"sender": tracker.sender_id, "last": last_id}).first() is None:
            return rows
    return session.execute(statements.stored_in_session, {"sender": tracker.sender_id}).scalar()


class MeedenkerTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose database comes from the settings (SQLite or PostgreSQL)."""

    def __init__(self, domain: Any = None, host: Optional[str] = None, event_broker: Any = None,
                 **kwargs: Any) -> None:
        try:
            url = get_settings().tracker_store_url
            if url.startswith("sqlite:///"):
                path = Path(url[len("sqlite:///"):])
                path.parent.mkdir(parents=True, exist_ok=True)
                super().__init__(domain=domain, dialect="sqlite", db=str(path), event_broker=event_broker)
            else:
                super().__init__(domain=domain, dialect="postgresql", host=url, event_broker=event_broker)
        except (ImportError, AttributeError) as error:
            # Rasa swallows these two and falls back to an in-memory store: refuse instead.
            raise StoreConfigurationError(f"tracker store cannot be created: {error}") from error
        self._reconnecting_engine()
        self._decoded = _DecodedSessions()
        self.statements = _Statements(self.SQLEvent.__table__)

    def _reconnecting_engine(self) -> None:
        """PostgreSQL: check a pooled connection before use, so a restarted database costs no
        failed turn. SQLite: keep connections open in a pool (SQLAlchemy 1.4 opens and closes a
        file connection per session, with the write-ahead-log pragmas each time: two per turn)."""
        from rasa.core.tracker_store import create_engine_kwargs

        url = self.engine.url
        self.engine.dispose()
        if url.get_backend_name() == "sqlite":
            # Reads and writes run in worker threads; a pooled connection serves one at a time.
            self.engine = sa.create_engine(url, poolclass=sa.pool.QueuePool,
                                           connect_args={"check_same_thread": False})
            sa.event.listen(self.engine, "connect", _sqlite_write_ahead_log)
        else:
            self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[Any]:
        """As Rasa's, but reads the `data` column only (no ORM object per stored event), in a
        worker thread, and decodes only the rows stored since this process last read the
        conversation (`_DecodedSessions`)."""
        from rasa.shared.core.trackers import DialogueStateTracker

        if not self.domain:
            return None
        slots = self.domain.slots

        def read() -> Optional[Any]:
            with self.session_scope() as session:
                if not fetch_events_from_all_sessions:
                    return self._decoded.read(session, self, sender_id, slots)
                rows = self._event_query(session, sender_id, True).with_entities(self.SQLEvent.data).all()
                events = [decode_row(data) for (data,) in rows]
            return DialogueStateTracker.from_dict(sender_id, events, slots) if events else None

        return await _retrying(read)

    async def save(self, tracker: Any) -> None:
        """As Rasa's (only the events not stored yet: the rows stored since the latest session
        start, `stored_rows`), retried while the database restarts; the new rows go in as one
        insert, without an ORM object and unit of work for each."""
        await self.stream_events(tracker)

        def write() -> None:
            with self.session_scope() as session:
                stored = stored_rows(session, self.statements, tracker)
                rows = []
                for event in itertools.islice(tracker.events, stored, None):
                    data = event.as_dict()
                    rows.append({"sender_id": tracker.sender_id, "type_name": event.type_name,
                                 "timestamp": data.get("timestamp"),
                                 "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
                                 "action_name": data.get("name"), "data": json.dumps(data)})
                if rows:
                    session.execute(self.statements.insert, rows)
                session.commit()

        await _retrying(write)


_ISSUE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ticket = redis.call('INCR', KEYS[3])
redis.call('ZADD', KEYS[1], ticket, ticket)
redis.call('HSET', KEYS[2], ticket, now + tonumber(ARGV[1]))
local ttl = tonumber(ARGV[1]) * 2
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('PEXPIRE', KEYS[3], ttl)
return ticket
"""
# 1: this ticket is first in line; 0: wait; -1: this ticket expired or is gone.
_TURN = """
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return -1 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
while true do
  local head = redis.call('ZRANGE', KEYS[1], 0, 0)
  if #head == 0 then return -1 end
  local expires = tonumber(redis.call('HGET', KEYS[2], head[1]) or '0')
  if expires > now then
    if head[1] == ARGV[1] then return 1 end
    return 0
  end
  redis.call('ZREM', KEYS[1], head[1])
  redis.call('HDEL', KEYS[2], head[1])
  if head[1] == ARGV[1] then return -1 end
end
"""
_RELEASE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return redis.call('ZCARD', KEYS[1])
"""


class FifoRedisLockStore(LockStore):
    """A per-conversation FIFO lock whose every step is atomic in Redis (safe across replicas)."""

    def __init__(self, url: str, key_prefix: str = "meedenker:lock:") -> None:
        self._url = url
        self._prefix = key_prefix
        self._clients: dict[int, redis.asyncio.Redis] = {}
        self._sync = redis.Redis.from_url(url, socket_timeout=5)
        super().__init__()

    def _client(self) -> redis.asyncio.Redis:
        loop_id = id(asyncio.get_running_loop())
        if loop_id not in self._clients:
            # After Redis restarts, every pooled connection is dead, and the next turn on each
            # replica failed on it (an apology to a resident, seen in the restart fault test). A
            # connection idle for a second is checked with PING first, and one failed on a
            # connection error is tried once more on a new one: a dead server ran nothing, and
            # each script is safe to run again (a second ticket waits behind a lost one, which
            # expires with the lock's lifetime; releasing twice removes nothing more).
            self._clients[loop_id] = redis.asyncio.Redis.from_url(
                self._url, socket_timeout=5, health_check_interval=1,
                retry=Retry(NoBackoff(), 1), retry_on_error=[redis.ConnectionError])
        return self._clients[loop_id]

    def _keys(self, conversation_id: str) -> list[str]:
        base = f"{self._prefix}{{{conversation_id}}}"
        return [f"{base}:queue", f"{base}:expires", f"{base}:counter"]

    @asynccontextmanager
    async def lock(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 0.02) -> AsyncGenerator[TicketLock, None]:
        client = self._client()
        keys = self._keys(conversation_id)
        lifetime_ms = int(lock_lifetime * 1000)
        ticket = str(await client.eval(_ISSUE, 3, *keys, lifetime_ms))
        try:
            delay = min(wait_time_in_seconds, 0.02)
            while True:
                turn = int(await client.eval(_TURN, 2, keys[0], keys[1], ticket))
                if turn == 1:
                    break
                if turn == -1:
                    raise LockError(f"Lock ticket for conversation '{conversation_id}' expired while waiting.")
                await asyncio.sleep(delay)
                delay = min(delay * 1.5, 0.25)
            yield TicketLock(conversation_id)
        finally:
            await client.eval(_RELEASE, 2, keys[0], keys[1], ticket)

    # The ticket-list API of the base class is not used with this store; answer it from Redis.
    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        return TicketLock(conversation_id) if self._sync.exists(self._keys(conversation_id)[0]) else None

    def delete_lock(self, conversation_id: Text) -> None:
        self._sync.delete(*self._keys(conversation_id))

    def save_lock(self, lock: TicketLock) -> None:
        raise LockError("FifoRedisLockStore keeps its queue in Redis; save_lock is not supported.")


class MeedenkerLockStore(LockStore):
    """Factory named in endpoints.yml: Redis when REDIS_URL is set, else in memory."""

    def __new__(cls, endpoint_config: Any = None) -> LockStore:  # type: ignore[misc]
        url = get_settings().redis_url
        if url:
            logger.info("Lock store: FIFO Redis lock (REDIS_URL is set).")
            return FifoRedisLockStore(url)
        logger.info("Lock store: in memory (one Rasa process; set REDIS_URL for replicas).")
        return InMemoryLockStore()
