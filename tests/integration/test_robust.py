"""A conversation that does not break (issue 9), through the real servers over HTTP.

The action server sits behind a small proxy on loopback that holds every action call for a
moment, so a message can arrive while the previous one of the same conversation is still being
handled: exactly the window in which a name used to be stored in plain text.
"""
from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
import requests

from bot.ops.settings import ACTION_SECRET_HEADER
from tests.conftest import Servers, base_env, free_port, texts

pytestmark = pytest.mark.servers
ACTION_DELAY_SECONDS = 0.6
ASK_CONTACT = "Hoe kan de meedenker u bereiken?"


class SlowActionProxy:
    """Forwards Rasa's action calls to the action server after a pause."""

    def __init__(self, port: int) -> None:
        self.target = ""
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                time.sleep(ACTION_DELAY_SECONDS)
                # Pass Rasa's secret on: the action server answers nothing else (issue 28).
                answer = requests.post(proxy.target + self.path, data=body, timeout=30, headers={
                    "Content-Type": "application/json",
                    ACTION_SECRET_HEADER: self.headers.get(ACTION_SECRET_HEADER, "")})
                self.send_response(answer.status_code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self, target: str) -> None:
        self.target = target
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def slow_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    var_dir = tmp_path_factory.mktemp("var-robust")
    proxy_port = free_port()
    proxy = SlowActionProxy(proxy_port)
    running = Servers(base_env(var_dir), var_dir, actions_url=f"http://127.0.0.1:{proxy_port}/webhook")
    proxy.start(f"http://127.0.0.1:{running.actions_port}")
    running.start()
    yield running
    running.stop()
    proxy.stop()


def new_sender() -> str:
    return f"robust-{uuid.uuid4().hex[:12]}"


def stored_events(servers: Servers, sender: str) -> str:
    with sqlite3.connect(Path(servers.env["MEEDENKER_VAR_DIR"]) / "rasa.db") as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ?", (sender,)).fetchall()
    return "\n".join(row[0] for row in rows)


def slot(servers: Servers, sender: str, name: str) -> object:
    return servers.tracker(sender)["slots"].get(name)


def to_consent_question(servers: Servers, sender: str) -> None:
    assert "meedenker" in texts(servers.say(sender, "ik wil een mens spreken"))
    assert "Mag ik ze vragen?" in texts(servers.say(sender, "ja"))


def test_a_name_sent_while_the_gemeente_is_still_handled_is_sealed(slow_servers):
    sender = new_sender()
    to_consent_question(slow_servers, sender)
    assert "In welke gemeente" in texts(slow_servers.say(sender, "ja"))
    replies: dict[str, list[dict]] = {}
    moments: dict[str, float] = {}

    def send(key: str, message: str) -> None:
        moments[f"{key}-sent"] = time.monotonic()
        replies[key] = slow_servers.say(sender, message)
        moments[f"{key}-answered"] = time.monotonic()

    yes = threading.Thread(target=send, args=("ja", "Goes"))
    yes.start()
    time.sleep(0.15)  # "Goes" is now inside Rasa, waiting for its (slow) action
    name = threading.Thread(target=send, args=("naam", "Fenna Wibaut"))
    name.start()
    yes.join(60)
    name.join(60)
    assert moments["naam-sent"] < moments["ja-answered"], "the name did not arrive during the gemeente"
    assert "Hoe mag de meedenker u noemen?" in texts(replies["ja"])
    assert ASK_CONTACT in texts(replies["naam"])  # the form took the name as its answer
    stored = stored_events(slow_servers, sender)
    assert "Fenna" not in stored and "Wibaut" not in stored
    assert "[NAAM]" in stored
    assert "Fenna" not in str(slow_servers.tracker(sender))


def test_a_name_like_message_outside_the_form_is_stored_masked_not_sealed(slow_servers):
    sender = new_sender()
    reply = texts(slow_servers.say(sender, "Goes"))
    assert reply
    stored = stored_events(slow_servers, sender)
    assert '"text": "Goes"' in stored and "sealed_candidate" not in stored and "[BERICHT]" not in stored


@pytest.mark.parametrize("noise", ["xyz", "hmm", "?", "🙈🙈", "asdfgh", "k"])
def test_noise_at_the_consent_question_does_not_start_the_form(slow_servers, noise):
    sender = new_sender()
    to_consent_question(slow_servers, sender)
    reply = slow_servers.say(sender, noise)
    said = texts(reply)
    assert "begrijp ik niet" in said and "Mag ik ze vragen?" in said
    assert any(b.get("payload") == "/bevestigen" for m in reply for b in m.get("buttons", []))
    assert slot(slow_servers, sender, "wacht_op") == "toestemming"
    again = texts(slow_servers.say(sender, "qwerty"))
    assert "Een mens kan u beter helpen" in again and "Hoe mag de meedenker u noemen?" not in again


def test_noise_at_a_form_step_asks_the_step_again_with_its_buttons(slow_servers):
    sender = new_sender()
    to_consent_question(slow_servers, sender)
    slow_servers.say(sender, "ja")
    slow_servers.say(sender, "Goes")
    assert ASK_CONTACT in texts(slow_servers.say(sender, "Sanne"))
    assert "Wanneer komt het u goed uit?" in texts(slow_servers.say(sender, "06 48213377"))
    reply = slow_servers.say(sender, "hmm")
    assert "begrijp ik niet" in texts(reply) and "Wanneer komt het u goed uit?" in texts(reply)
    assert {b.get("payload") for m in reply for b in m.get("buttons", [])} >= {"ochtend", "avond"}
    assert slot(slow_servers, sender, "wacht_op") == "form:moment"


def _expire_session(servers: Servers, sender: str) -> None:
    """Move every stored event of the conversation two hours back, as if the resident left.

    Directly in the tracker store: Rasa's SQL store only appends, so its API cannot rewrite
    the past.
    """
    with sqlite3.connect(Path(servers.env["MEEDENKER_VAR_DIR"]) / "rasa.db") as connection:
        changed = connection.execute(
            "UPDATE events SET timestamp = timestamp - 7200, "
            "data = json_set(data, '$.timestamp', json_extract(data, '$.timestamp') - 7200) "
            "WHERE sender_id = ?", (sender,)).rowcount
    assert changed > 0


def test_a_conversation_that_returns_after_the_session_expired_starts_fresh(slow_servers):
    sender = new_sender()
    to_consent_question(slow_servers, sender)
    assert "In welke gemeente" in texts(slow_servers.say(sender, "ja"))
    assert "Hoe mag de meedenker u noemen?" in texts(slow_servers.say(sender, "Goes"))
    _expire_session(slow_servers, sender)
    reply = texts(slow_servers.say(sender, "ja"))
    assert ASK_CONTACT not in reply and "Hoe mag de meedenker u noemen?" not in reply
    assert slot(slow_servers, sender, "wacht_op") is None
    assert slot(slow_servers, sender, "form_id") is None


def test_after_a_crisis_the_new_session_shows_the_crisis_reminder_first(slow_servers):
    sender = new_sender()
    assert "0800-2000" in texts(slow_servers.say(sender, "mijn man slaat me en ik durf niet naar huis"))
    _expire_session(slow_servers, sender)
    reply = slow_servers.say(sender, "hallo")
    assert reply and "Denk aan de nummers" in reply[0]["text"]
    assert slot(slow_servers, sender, "crisis_route") == "crisis_veilig_thuis"
