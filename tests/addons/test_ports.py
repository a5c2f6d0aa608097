"""Ports for the servers the bench and the tests start (addons/ports.py)."""
from __future__ import annotations

import socket

from addons import ports


def test_ports_are_free_distinct_and_never_ones_an_outgoing_connection_could_take():
    handed = [ports.free_port() for _ in range(50)]
    assert len(set(handed)) == 50
    assert all(ports._LOWEST <= port < ports._ephemeral_start() for port in handed)
    for port in handed:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", port))  # raises if something holds it


def test_a_port_a_server_listens_on_is_not_handed_out(monkeypatch):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        taken = server.getsockname()[1]
        choices = iter([taken, taken, 23456, 23457])
        monkeypatch.setattr(ports._random, "randint", lambda low, high: next(choices))
        monkeypatch.setattr(ports, "_ephemeral_start", lambda: 65000)
        ports._handed_out.discard(23456)
        port = ports.free_port()
    assert port != taken
    assert port in (23456, 23457)  # 23456 unless something on this machine holds it
