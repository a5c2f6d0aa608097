"""Shared fixtures: a valid environment, free loopback ports, and real server processes."""
from __future__ import annotations

import atexit
import functools
import os
import subprocess
import sys
import time
import uuid
from base64 import urlsafe_b64encode
from pathlib import Path
from typing import Iterator

import pytest
import requests

from addons.ports import free_port  # noqa: F401 - the tests import it from here
from bot.ops.settings import PROJECT_ROOT, reset_settings_cache

MODEL = PROJECT_ROOT / "models" / "meedenker.tar.gz"


def base_env(var_dir: Path, **extra: str) -> dict[str, str]:
    """A complete, valid environment for one process, without DATABASE_URL/REDIS_URL unless given."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update({
        "RASA_API_TOKEN": "test-token-0123456789abcdef",
        "MEEDENKER_SECRET_KEY": urlsafe_b64encode(b"k" * 32).decode(),
        "DASHBOARD_SESSION_SECRET": "test-dashboard-session-secret-0123456789abcdef",
        "ACTION_SERVER_SECRET": "test-action-server-secret-0123456789abcdef",
        "MEEDENKER_VAR_DIR": str(var_dir),
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONPATH": str(PROJECT_ROOT),
    })
    env.update(extra)
    return env


@pytest.fixture
def settings_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = base_env(tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    reset_settings_cache()
    yield env
    reset_settings_cache()


class Servers:
    """A Rasa server and an action server started with the project's launcher."""

    def __init__(self, env: dict[str, str], log_dir: Path, with_actions: bool = True,
                 actions_url: str | None = None) -> None:
        self.rasa_port = free_port()
        self.actions_port = free_port()
        self.env = dict(env, RASA_PORT=str(self.rasa_port), ACTIONS_PORT=str(self.actions_port),
                        ACTION_SERVER_URL=actions_url or f"http://127.0.0.1:{self.actions_port}/webhook")
        self.log_dir = log_dir
        self.procs: list[subprocess.Popen] = []
        self.with_actions = with_actions

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def _spawn(self, name: str, *args: str) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}-{self.rasa_port}.log", "wb")
        return subprocess.Popen([sys.executable, "-m", "addons.launcher", *args], cwd=PROJECT_ROOT,
                                env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def start(self) -> "Servers":
        if not MODEL.exists():
            pytest.fail(f"{MODEL} is missing: run 'make train' (make test does it)")
        if self.with_actions:
            self.procs.append(self._spawn("actions", "actions"))
        self.procs.append(self._spawn("rasa", "rasa", "--model", str(MODEL)))
        deadline = time.monotonic() + 240
        targets = [f"{self.url}/"]
        if self.with_actions:
            targets.append(f"http://127.0.0.1:{self.actions_port}/health")
        for target in targets:
            while True:
                if any(p.poll() is not None for p in self.procs):
                    self.stop()
                    pytest.fail(f"a server exited during start; logs in {self.log_dir}:\n{self.logs()[-4000:]}")
                try:
                    if requests.get(target, timeout=2).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                if time.monotonic() > deadline:
                    self.stop()
                    pytest.fail(f"servers did not start in time:\n{self.logs()[-4000:]}")
                time.sleep(0.5)
        return self

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.log_dir.glob("*.log")))

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()

    def say(self, sender: str, message: str, **extra: object) -> list[dict]:
        answer = requests.post(f"{self.url}/webhooks/rest/webhook",
                               json={"sender": sender, "message": message, **extra}, timeout=60)
        answer.raise_for_status()
        return answer.json()

    def tracker(self, sender: str) -> dict:
        answer = requests.get(f"{self.url}/conversations/{sender}/tracker",
                              params={"token": self.env["RASA_API_TOKEN"]}, timeout=30)
        answer.raise_for_status()
        return answer.json()


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """One Rasa server + action server on free ports, SQLite tracker store in a temp dir."""
    var_dir = tmp_path_factory.mktemp("var")
    running = Servers(base_env(var_dir), var_dir).start()
    yield running
    running.stop()


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


# Where PostgreSQL and Redis answer on a developer's machine when no URL is set.
LOCAL_SERVICES = {
    "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/test",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def _answers(name: str, url: str) -> str | None:
    """None when the service at `url` answers a real request; else why not."""
    try:
        if name == "REDIS_URL":
            import redis

            redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
        else:
            import sqlalchemy as sa

            engine = sa.create_engine(url, connect_args={"connect_timeout": 2})
            try:
                with engine.connect() as connection:
                    connection.execute(sa.text("SELECT 1"))
            finally:
                engine.dispose()
    except Exception as error:  # noqa: BLE001 - any failure means: not usable here
        return f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
    return None


@functools.lru_cache(maxsize=None)
def _local_service(name: str) -> tuple[str, str | None]:
    """The local service's URL, and why it cannot be used (None when it can).

    PostgreSQL gets a database of its own for this test run (dropped at exit): the local `test`
    database is shared with other runs, whose tables and migrations must not meet ours.
    """
    url = LOCAL_SERVICES[name]
    problem = _answers(name, url)
    if problem is not None or name != "DATABASE_URL":
        return url, problem
    import sqlalchemy as sa

    database = f"meedenker_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{database}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()

    atexit.register(drop)
    return sa.engine.make_url(url).set(database=database).render_as_string(hide_password=False), None


def service_url(name: str) -> str:
    """DATABASE_URL / REDIS_URL for tests against the real services.

    Set: used as given. Unset: the default local address is used when the service answers
    there; otherwise the test is skipped with the reason (and fails in CI, which must have both).
    """
    url = os.environ.get(name)
    if url:
        return url
    local, problem = _local_service(name)
    if problem is None:
        return local
    if os.environ.get("CI"):
        pytest.fail(f"{name} must be set in CI (.ci/run sets it); nothing answers at {local} ({problem})")
    pytest.skip(f"{name} is not set and nothing answers at {local} ({problem})")
