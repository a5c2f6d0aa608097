"""Free loopback ports for the servers that the bench, the cluster and the tests start.

Why not simply port 0: the kernel hands out the same range (ip_local_port_range) as the local
ports of outgoing connections. A server binds seconds after its port was chosen (Rasa imports
for about twenty), and in between a connection to PostgreSQL or Redis of another process can take
that very port as its own end: the server then exits with "address already in use" (seen once
in `make bench`: the action server died before answering). Ports below that range are never
taken that way; each is checked free and handed out once per process.
"""
from __future__ import annotations

import random
import socket
import threading
from pathlib import Path

_LOWEST = 20000
_handed_out: set[int] = set()
_lock = threading.Lock()
_random = random.Random()


def _ephemeral_start() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # Linux's default


def _bindable(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """A loopback port no server listens on, below the ephemeral range, not handed out before."""
    highest = _ephemeral_start() - 1
    with _lock:
        if highest - _LOWEST > 1000:
            for _ in range(200):
                port = _random.randint(_LOWEST, highest)
                if port not in _handed_out and _bindable(port):
                    _handed_out.add(port)
                    return port
        with socket.socket() as sock:  # an unusual port range: the kernel's choice, as before
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        _handed_out.add(port)
        return port
