"""A real dashboard process per test module and database (SQLite, and PostgreSQL in a schema of its
own), reached over HTTP on a free loopback port; the test seeds data through the same queue."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests
import sqlalchemy as sa

from bot.dashboard.repository import Repository
from bot.municipality.office_hours import load_office_hours
from bot.queue.staff import SignInThrottle
from bot.queue.store import TicketStore
from bot.ops.settings import PROJECT_ROOT
from tests.bot.queue.helpers import KEY, new_ticket
from tests.conftest import base_env, free_port, service_url

SESSION_SECRET = "test-session-secret-0123456789abcdefghij"
PASSWORD = "lange-zinnen-zijn-sterk"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Client(requests.Session):
    """A browser-like client: base URL, no redirects followed unless asked, CSRF from the page."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        return super().request(method, self.base + url if url.startswith("/") else url, *args, **kwargs)

    def get(self, url: str, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.setdefault("allow_redirects", False)
        return super().get(url, **kwargs)

    def csrf(self, page: str) -> str:
        answer = self.get(page, allow_redirects=True)
        found = CSRF.findall(answer.text)
        assert found, f"no CSRF token on {page} ({answer.status_code})"
        return found[-1]  # the page's own form, after the sign-out form in the header

    def submit(self, page: str, action: str, data: dict[str, Any]) -> requests.Response:
        return self.post(action, data={"csrf_token": self.csrf(page), **data})

    def login(self, email: str, password: str = PASSWORD) -> requests.Response:
        return self.submit("/login", "/login", {"email": email, "password": password})


@dataclass
class Dashboard:
    url: str
    store: TicketStore
    repo: Repository
    tracker_url: str
    proc: subprocess.Popen
    log: Path
    counter: list[int] = field(default_factory=lambda: [0])

    def client(self) -> Client:
        return Client(self.url)

    def signed_in(self, email: str, password: str = PASSWORD) -> Client:
        client = self.client()
        answer = client.login(email, password)
        assert answer.status_code == 303, answer.text[-600:]
        return client

    def user(self, role: str = "coordinator", gemeenten: tuple[str, ...] = ("Goes",), password: str = PASSWORD,
             email: str | None = None) -> str:
        self.counter[0] += 1
        email = email or f"{role}{self.counter[0]}-{uuid.uuid4().hex[:6]}@example.nl"
        self.repo.add_user(email, role, gemeenten, password, "test")
        return email

    def ticket(self, created_at: datetime | None = None, key: str | None = None, **overrides: Any):
        self.counter[0] += 1
        overrides.setdefault("sender_id", f"bewoner-{uuid.uuid4().hex[:8]}")
        ticket, _ = self.store.create(new_ticket(**overrides), key or f"test:{uuid.uuid4().hex}",
                                      now=created_at or datetime.now(timezone.utc) - timedelta(minutes=5))
        return ticket

    def meedenker(self, name: str, type: str = "formeel", max_open: int = 3, **extra: Any) -> int:
        return self.repo.save_meedenker("test", name=name, type=type, leefgebieden=extra.get("leefgebieden", []),
                                        doelgroepen=extra.get("doelgroepen", []),
                                        gemeenten=extra.get("gemeenten", ["Goes"]), max_open=max_open)

    def conversation(self, sender: str, texts: list[tuple[str, str]]) -> None:
        """Rasa-like `events` rows ("user"/"bot", text) for one conversation in the tracker store."""
        engine = sa.create_engine(self.tracker_url)
        meta = sa.MetaData()
        events = sa.Table("events", meta, sa.Column("id", sa.Integer, primary_key=True),
                          sa.Column("sender_id", sa.String(255), nullable=False),
                          sa.Column("type_name", sa.String(255), nullable=False), sa.Column("timestamp", sa.Float),
                          sa.Column("intent_name", sa.String(255)), sa.Column("action_name", sa.String(255)),
                          sa.Column("data", sa.Text))
        meta.create_all(engine)
        with engine.begin() as conn:
            for kind, text in texts:
                conn.execute(events.insert().values(sender_id=sender, type_name=kind, timestamp=1.0,
                                                    data=json.dumps({"text": text})))
        engine.dispose()

    def execute(self, statement: Any) -> None:
        with self.store.session_factory.begin() as session:
            session.execute(statement)


def _pg_schema_url() -> tuple[str, Any]:
    base = sa.engine.make_url(service_url("DATABASE_URL"))
    schema = f"mdd_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    url = base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    return url, drop


def start_dashboard(var_dir: Path, database_url: str | None, **more: str) -> Dashboard:
    port = free_port()
    extra = {**more, "DASHBOARD_PORT": str(port), "DASHBOARD_SESSION_SECRET": SESSION_SECRET}
    if database_url:
        extra["DATABASE_URL"] = database_url
    env = base_env(var_dir, **extra)
    log = var_dir / f"dashboard-{port}.log"
    proc = subprocess.Popen([sys.executable, "-m", "tests.dashboard.serve"], cwd=PROJECT_ROOT, env=env,
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            pytest.fail(f"the dashboard exited at start:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url + "/health", timeout=2).status_code == 200:
                break
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the dashboard did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    queue_url = database_url or f"sqlite:///{var_dir / 'queue.db'}"
    store = TicketStore(queue_url, KEY)
    repo = Repository(store, load_office_hours(PROJECT_ROOT / "config" / "office_hours.yml"))
    return Dashboard(url, store, repo, database_url or f"sqlite:///{var_dir / 'rasa.db'}", proc, log)


def stop_dashboard(dashboard: Dashboard) -> None:
    dashboard.store.close()
    dashboard.proc.terminate()
    try:
        dashboard.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        dashboard.proc.kill()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def dashboard(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    var_dir = tmp_path_factory.mktemp("dashboard")
    drop = None
    url = None
    if request.param == "postgresql":
        url, drop = _pg_schema_url()
    running = start_dashboard(var_dir, url)
    try:
        yield running
    finally:
        stop_dashboard(running)
        if drop:
            drop()


@pytest.fixture(autouse=True)
def _fresh_throttle(request: pytest.FixtureRequest) -> Iterator[None]:
    """Sign-in failures of one test (all from 127.0.0.1) must not lock out the next."""
    yield
    if "dashboard" in request.fixturenames:
        request.getfixturevalue("dashboard").execute(sa.delete(SignInThrottle))
