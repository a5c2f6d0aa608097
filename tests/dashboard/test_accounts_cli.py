"""`python -m bot users add` as an operator runs it: the first admin, from a terminal."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.dashboard.passwords import verify_password
from bot.queue.staff import User
from bot.queue.store import TicketStore
from bot.ops.settings import PROJECT_ROOT
from tests.bot.queue.helpers import KEY
from tests.conftest import base_env


def run(var_dir: Path, *args: str, password: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT, env=base_env(var_dir),
                          input=password + "\n", capture_output=True, text=True, timeout=60)


def test_users_add_creates_an_argon2_account_and_refuses_bad_input(tmp_path):
    assert run(tmp_path, "migrate").returncode == 0
    done = run(tmp_path, "users", "add", "Coord@Example.nl", "--role", "coordinator", "--gemeente", "goes",
               "--gemeente", "Middelburg", "--password-stdin", password="paarden eten graag hooi")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Account coord@example.nl (coordinator) for Goes, Middelburg created.\n"
    assert "paarden" not in done.stdout + done.stderr
    store = TicketStore(f"sqlite:///{tmp_path / 'queue.db'}", KEY)
    with store.session_factory() as session:
        user = session.query(User).one()
    assert user.password_hash.startswith("$argon2id$") and verify_password(user.password_hash, "paarden eten graag hooi")
    assert user.gemeenten == ["Goes", "Middelburg"]
    store.close()

    again = run(tmp_path, "users", "add", "coord@example.nl", "--role", "admin", "--password-stdin",
                password="nog een lang wachtwoord")
    assert again.returncode == 2 and "al een account" in again.stderr
    weak = run(tmp_path, "users", "add", "b@example.nl", "--role", "admin", "--password-stdin", password="welkom123456")
    assert weak.returncode == 2 and "veel gebruikt" in weak.stderr
    nowhere = run(tmp_path, "users", "add", "c@example.nl", "--role", "coordinator", "--password-stdin",
                  password="paarden eten graag hooi")
    assert nowhere.returncode == 2 and "minstens één gemeente" in nowhere.stderr
    no_stdin_flag = run(tmp_path, "users", "add", "d@example.nl", "--role", "admin")
    assert no_stdin_flag.returncode == 2 and "--password-stdin" in no_stdin_flag.stderr
