"""Issue 28, finding 4, on real servers: after an erasure nothing is answered from memory, and the
SQLite files the servers write are readable by their owner only."""
from __future__ import annotations

import stat
import uuid
from pathlib import Path

import requests

from bot.queue.store import TicketStore
from tests.conftest import Servers


def _send(servers: Servers, sender: str, message_id: str, text: str) -> list[dict]:
    answer = requests.post(f"{servers.url}/webhooks/rest/webhook", timeout=60,
                           json={"sender": sender, "message": text, "metadata": {"message_id": message_id}})
    answer.raise_for_status()
    return answer.json()


def _user_texts(servers: Servers, sender: str) -> list[str]:
    return [e.get("text") for e in servers.tracker(sender)["events"] if e["event"] == "user"]


def test_a_replayed_message_id_after_an_erasure_is_not_answered_from_memory(servers: Servers):
    sender, message_id = f"wis-{uuid.uuid4().hex[:8]}", "m-1"
    first = _send(servers, sender, message_id, "hallo")
    assert first and _send(servers, sender, message_id, "hallo") == first  # a retry: the same answer
    assert _user_texts(servers, sender) == ["hallo"]  # ... and no second turn

    var_dir = Path(servers.env["MEEDENKER_VAR_DIR"])
    store = TicketStore(f"sqlite:///{var_dir / 'queue.db'}", servers.env["MEEDENKER_SECRET_KEY"])
    try:
        assert store.erase_tracker_events(f"sqlite:///{var_dir / 'rasa.db'}", sender) > 0
    finally:
        store.close()
    assert _user_texts(servers, sender) == []

    _send(servers, sender, message_id, "hallo")
    # Handled as a new message (the conversation starts again), not answered from the old turn.
    assert _user_texts(servers, sender) == ["hallo"]


def test_the_servers_sqlite_files_are_owner_only(servers: Servers):
    _send(servers, f"mode-{uuid.uuid4().hex[:8]}", "m-1", "hallo")
    var_dir = Path(servers.env["MEEDENKER_VAR_DIR"])
    files = [p for p in var_dir.iterdir() if p.name.startswith(("rasa.db", "queue.db"))]
    assert {"rasa.db", "queue.db"} <= {p.name for p in files}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, f"{path.name}: {oct(path.stat().st_mode)}"
