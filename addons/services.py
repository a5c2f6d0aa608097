"""Throwaway PostgreSQL and Redis servers on free loopback ports, for the bench and fault tests.

Why not the machine's own: a fault test restarts them, and the bench must not share them with
other work on the same machine. Each lives in a temporary directory and is gone after `stop()`.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from addons.ports import free_port


class ServiceError(RuntimeError):
    """A throwaway server could not be started; the message says which and why."""


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise ServiceError(f"PostgreSQL's {name} is not installed (Debian: apt-get install postgresql)")
    return found[-1]


def _wait_for_port(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise ServiceError(f"nothing answers on 127.0.0.1:{port} after {seconds} s")


def _temporary_directory(prefix: str) -> Path:
    # Its own directory under /tmp, readable by the `postgres` user (pytest's are root-only).
    directory = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(directory, 0o755)
    return directory


@dataclass
class OwnPostgres:
    """initdb + pg_ctl in a temporary directory; trust authentication on 127.0.0.1 only."""

    directory: Path = field(default_factory=lambda: _temporary_directory("meedenker-pg-"))
    port: int = field(default_factory=free_port)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _pg_ctl(self, *args: str) -> None:
        command = [_postgres_bin("pg_ctl"), "-D", str(self.directory / "data"), "-l", str(self.directory / "pg.log"),
                   "-w", "-t", "30", *args]
        result = subprocess.run(command, capture_output=True, text=True, user=self._user())
        if result.returncode != 0:
            raise ServiceError(f"pg_ctl {args[0]} failed: {result.stderr.strip() or result.stdout.strip()}")

    @staticmethod
    def _user() -> str | None:
        # PostgreSQL refuses to run as root; CI runs as root, so run it as the `postgres` user.
        return "postgres" if os.geteuid() == 0 else None

    def start(self) -> "OwnPostgres":
        self.directory.mkdir(parents=True, exist_ok=True)
        if self._user():
            shutil.chown(self.directory, user="postgres")
        result = subprocess.run([_postgres_bin("initdb"), "-D", str(self.directory / "data"), "-U", "postgres",
                                 "-A", "trust", "--no-sync", "-E", "UTF8"], capture_output=True, text=True,
                                user=self._user())
        if result.returncode != 0:
            raise ServiceError(f"initdb failed: {result.stderr.strip()}")
        self._pg_ctl("start", "-o", f"-p {self.port} -h 127.0.0.1 -k {self.directory} -c fsync=off "
                                    f"-c max_connections=200")
        return self

    def restart(self) -> None:
        self._pg_ctl("restart", "-m", "fast", "-o", f"-p {self.port} -h 127.0.0.1 -k {self.directory} "
                                                    f"-c fsync=off -c max_connections=200")

    def stop(self) -> None:
        try:
            self._pg_ctl("stop", "-m", "immediate")
        except ServiceError:
            pass
        shutil.rmtree(self.directory, ignore_errors=True)


@dataclass
class OwnRedis:
    """redis-server on a free port, without persistence."""

    directory: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "OwnRedis":
        server = shutil.which("redis-server")
        if server is None:
            raise ServiceError("redis-server is not installed (Debian: apt-get install redis-server)")
        self.directory.mkdir(parents=True, exist_ok=True)
        log = open(self.directory / "redis.log", "ab")
        self.process = subprocess.Popen([server, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
                                         "--appendonly", "no", "--dir", str(self.directory)],
                                        stdout=log, stderr=subprocess.STDOUT)
        log.close()
        _wait_for_port(self.port, 10)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def restart(self, down_seconds: float = 0.5) -> None:
        self.stop()
        time.sleep(down_seconds)
        self.start()
