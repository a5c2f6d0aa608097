"""Crisis numbers never depend on the action server (issue 8): Rasa sends them by rule.

The Rasa server runs with an action server URL where nothing listens, so every custom action
fails; each crisis route must still get its own numbers, in Dutch and in English, and the
outage message names 112, 113 and Veilig Thuis.
"""
from __future__ import annotations

import uuid

import pytest

from tests.conftest import Servers, base_env, free_port, texts

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def no_actions(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("no-actions")
    env = base_env(var_dir, ACTION_TIMEOUT_SECONDS="2", LOCK_LIFETIME_SECONDS="60")
    servers = Servers(env, var_dir, with_actions=False,
                      actions_url=f"http://127.0.0.1:{free_port()}/webhook").start()
    yield servers
    servers.stop()


def say(servers: Servers, message: str) -> list[dict]:
    return servers.say(f"na-{uuid.uuid4().hex[:10]}", message)


@pytest.mark.parametrize("message,numbers", [
    ("mijn man slaat me en ik durf niet naar huis", ["0800-2000", "112"]),
    ("ik wil niet meer leven", ["113", "0800-0113", "112"]),
    ("mijn vader ligt op de grond en ademt niet meer", ["112"]),
])
def test_each_crisis_route_gets_its_numbers_with_the_action_server_down(no_actions, message, numbers):
    reply = say(no_actions, message)
    shown = texts(reply)
    for number in numbers:
        assert number in shown, f"{number} missing for {message!r}: {shown}"
    assert "{" not in shown, f"a placeholder was not filled: {shown}"
    # The crisis reply comes first, the outage message (which names every number) after it.
    assert "er is iets mis" not in reply[0]["text"]
    assert "er is iets mis" in shown and "0800-2000" in shown and "113" in shown


def test_english_resident_in_danger_gets_veilig_thuis_in_english(no_actions):
    reply = say(no_actions, "my husband beats me and I am afraid to go home")
    first = reply[0]["text"]
    assert "Veilig Thuis" in first and "0800-2000" in first and "Call" in first


def test_dial_buttons_carry_tel_links_from_configuration(no_actions):
    reply = say(no_actions, "ik wil er een eind aan maken")
    urls = [b.get("url") for m in reply for b in m.get("buttons") or []]
    assert "tel:+318000113" in urls and "tel:112" in urls
