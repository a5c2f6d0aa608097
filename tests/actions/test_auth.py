"""Issue 28, finding 1: the action server answers only the Rasa server (a secret header)."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
import requests

from actions.auth import secret_matches
from bot.queue import NewTicket
from bot.ops.secrets import ensure_dev_secrets
from bot.ops.settings import ACTION_SECRET_HEADER, PROJECT_ROOT, Settings, SettingsError
from tests.conftest import base_env, free_port

SECRET = base_env(Path("/tmp"))["ACTION_SERVER_SECRET"]


def _call(name: str = "action_reageer") -> dict:
    """What Rasa posts to /webhook: a forged crisis tracker here, which must not queue a ticket."""
    return {"next_action": name, "sender_id": "vervalst", "version": "3.6.2", "domain": {},
            "tracker": {"sender_id": "vervalst", "slots": {"crisis_route": "crisis_113"},
                        "latest_message": {"text": "help", "intent": {"name": "crisis_113", "confidence": 1.0},
                                           "entities": [], "metadata": {}},
                        "events": [], "paused": False, "followup_action": None, "active_loop": {},
                        "latest_action_name": "action_listen"}}


@pytest.fixture(scope="module")
def action_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    var_dir = tmp_path_factory.mktemp("actions-auth")
    port = free_port()
    log = open(var_dir / "actions.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "addons.launcher", "actions"], cwd=PROJECT_ROOT,
                            env=base_env(var_dir, ACTIONS_PORT=str(port)), stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if requests.get(f"{url}/health", timeout=2).status_code == 200:
                break
        except requests.RequestException:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail((var_dir / "actions.log").read_text(errors="replace")[-3000:])
        time.sleep(0.3)
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.mark.parametrize("headers", [{}, {ACTION_SECRET_HEADER: "wrong-" + SECRET[6:]},
                                     {ACTION_SECRET_HEADER: SECRET[:-1]}, {"X-Other": SECRET}])
def test_a_call_without_the_secret_header_gets_401_and_queues_nothing(action_server, headers):
    answer = requests.post(f"{action_server}/webhook", json=_call(), headers=headers, timeout=30)
    assert answer.status_code == 401 and answer.json() == {"error": "unauthorized"}
    listed = requests.get(f"{action_server}/actions", headers=headers, timeout=30)
    assert listed.status_code == 401


def test_the_rasa_servers_call_with_the_secret_is_answered(action_server):
    answer = requests.post(f"{action_server}/webhook", json=_call(), headers={ACTION_SECRET_HEADER: SECRET},
                           timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.json()["responses"]
    assert requests.get(f"{action_server}/health", timeout=10).status_code == 200  # load balancers


def test_both_servers_refuse_to_start_without_the_secret(tmp_path):
    env = base_env(tmp_path, ACTIONS_PORT=str(free_port()))
    del env["ACTION_SERVER_SECRET"]
    for process in ("actions", "rasa"):
        result = subprocess.run([sys.executable, "-m", "addons.launcher", process], cwd=PROJECT_ROOT, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode != 0 and "ACTION_SERVER_SECRET" in result.stderr


def test_a_short_or_header_unsafe_secret_stops_the_start(settings_env):
    for bad in ("kort", "x" * 31, "a" * 40 + "\r\nX-Evil: 1", "a" * 40 + " b"):
        with pytest.raises(SettingsError, match="ACTION_SERVER_SECRET"):
            Settings.from_env(dict(settings_env, ACTION_SERVER_SECRET=bad))


def test_make_run_generates_the_secret_and_keeps_it(tmp_path):
    path = tmp_path / "secrets.env"
    path.write_text("RASA_API_TOKEN=oud-token-0123456789\n", encoding="utf-8")  # a file from before issue 28
    first = ensure_dev_secrets(path)
    assert ensure_dev_secrets(path)["ACTION_SERVER_SECRET"] == first["ACTION_SERVER_SECRET"]
    assert Settings.from_env(dict(base_env(tmp_path), **first)).action_server_secret == first["ACTION_SERVER_SECRET"]


def test_rasa_sends_the_secret_header_from_endpoints_yml(monkeypatch):
    from rasa.core.utils import read_endpoints_from_path

    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:5055/webhook")
    monkeypatch.setenv("ACTION_SERVER_SECRET", SECRET)
    endpoints = read_endpoints_from_path(PROJECT_ROOT / "endpoints.yml")
    assert endpoints.action.headers == {ACTION_SECRET_HEADER: SECRET}


def test_the_comparison_is_exact():
    assert secret_matches(SECRET, SECRET)
    assert not secret_matches(None, SECRET) and not secret_matches("", SECRET)
    assert not secret_matches(SECRET + "x", SECRET) and not secret_matches(SECRET.upper(), SECRET)
    assert not secret_matches("\udcff" + SECRET, SECRET)


@pytest.mark.parametrize("forged", ['=HYPERLINK("http://x")', "Goes <script>", "Atlantis", "goes ", ""])
def test_a_gemeente_not_on_the_list_is_never_stored(forged):
    ticket = NewTicket(channel="rest", sender_id="s", route="crisis_113", urgency="urgent", meedenker_type="formeel",
                       summary="Over crisis.", gemeente=forged)
    assert ticket.gemeente is None
    assert NewTicket(channel="rest", sender_id="s", route="meedenker", meedenker_type="formeel", summary="x",
                     gemeente="Goes").gemeente == "Goes"
