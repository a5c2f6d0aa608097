"""When the action server is slow or down, the resident gets `utter_storing`, never silence."""
from __future__ import annotations

import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import Servers, base_env, free_port, texts

pytestmark = pytest.mark.servers


class SlowActionServer(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server API
        time.sleep(8)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"events": [], "responses": []}')

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def fragile(tmp_path_factory):
    port = free_port()
    slow = ThreadingHTTPServer(("127.0.0.1", port), SlowActionServer)
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    var_dir = tmp_path_factory.mktemp("fragile")
    env = base_env(var_dir, ACTION_TIMEOUT_SECONDS="2", LOCK_LIFETIME_SECONDS="60")
    servers = Servers(env, var_dir, with_actions=False,
                      actions_url=f"http://127.0.0.1:{port}/webhook").start()
    yield servers, slow
    servers.stop()
    slow.server_close()


def test_slow_action_server_gets_the_outage_message_within_the_timeout(fragile):
    servers, _ = fragile
    start = time.monotonic()
    reply = texts(servers.say(f"t-{uuid.uuid4().hex[:8]}", "ik heb schulden"))
    assert time.monotonic() - start < 7
    assert "er is iets mis" in reply and "112" in reply and "113" in reply and "meedenker" in reply


def test_a_failing_session_start_neither_apologises_twice_nor_skips_the_session(fragile):
    servers, _ = fragile
    sender = f"t-{uuid.uuid4().hex[:8]}"
    reply = servers.say(sender, "ik heb schulden")
    assert sum("er is iets mis" in m.get("text", "") for m in reply) == 1
    events = [e["event"] for e in servers.tracker(sender)["events"]]
    assert "session_started" in events and events.index("session_started") < events.index("user")


def test_action_server_down_gets_the_outage_message(fragile):
    servers, slow = fragile
    slow.shutdown()
    slow.server_close()
    reply = texts(servers.say(f"t-{uuid.uuid4().hex[:8]}", "hallo"))
    assert "er is iets mis" in reply and "112" in reply
