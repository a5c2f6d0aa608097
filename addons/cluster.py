"""Several Rasa servers and action servers behind HAProxy, on one machine (`make run-cluster`).

The scale-out path is Rasa's own: every replica is an ordinary `addons.launcher` process; they
share PostgreSQL (tracker store and callback queue) and Redis (the FIFO conversation lock), and
HAProxy (Debian's `haproxy`, configured from deploy/haproxy.cfg) spreads messages over the Rasa
replicas and Rasa's action calls over the action servers, skipping any that fail their health
check. The bench and the cluster tests start the same pieces through `Cluster`.

Usage: python -m addons.cluster [--replicas N]   (needs DATABASE_URL and REDIS_URL)
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import IO

import requests

from addons.ports import free_port
from bot.ops.settings import PROJECT_ROOT

HAPROXY_TEMPLATE = PROJECT_ROOT / "deploy" / "haproxy.cfg"
STARTUP_SECONDS = 240


class ClusterError(RuntimeError):
    """A piece of the cluster did not start; the message names it and its log."""


def render_haproxy(chat_port: int, actions_port: int, rasa_ports: list[int], actions_ports: list[int],
                   server_timeout_seconds: int, host: str = "127.0.0.1") -> str:
    """deploy/haproxy.cfg with this cluster's ports filled in."""
    def servers(prefix: str, ports: list[int]) -> str:
        return "\n".join(f"    server {prefix}{n} {host}:{port} check" for n, port in enumerate(ports, 1))

    return Template(HAPROXY_TEMPLATE.read_text(encoding="utf-8")).substitute(
        bind_host=host, chat_port=chat_port, actions_port=actions_port,
        server_timeout=f"{server_timeout_seconds}s",
        rasa_servers=servers("rasa", rasa_ports), actions_servers=servers("actions", actions_ports))


def wait_until_up(url: str, procs: list[subprocess.Popen], deadline: float) -> None:
    while True:
        if any(p.poll() is not None for p in procs):
            raise ClusterError(f"a process exited while waiting for {url}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            raise ClusterError(f"{url} did not answer within {STARTUP_SECONDS} s")
        time.sleep(0.5)


@dataclass
class Replica:
    """One Rasa server and one action server, started with the project's launcher."""

    rasa_port: int
    actions_port: int
    rasa: subprocess.Popen | None = None
    actions: subprocess.Popen | None = None


@dataclass
class Cluster:
    """N replicas and one HAProxy; `chat_url` is where residents' messages go."""

    env: dict[str, str]
    replicas: int
    log_dir: Path
    model: Path = PROJECT_ROOT / "models" / "meedenker.tar.gz"
    lock_lifetime_seconds: int = 60
    chat_port: int = field(default_factory=free_port)
    actions_front_port: int = field(default_factory=free_port)
    members: list[Replica] = field(default_factory=list)
    haproxy: subprocess.Popen | None = None
    extra: list[subprocess.Popen] = field(default_factory=list)
    _logs: list[IO[bytes]] = field(default_factory=list)

    @property
    def chat_url(self) -> str:
        return f"http://127.0.0.1:{self.chat_port}"

    def _spawn(self, name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "ab")
        self._logs.append(log)
        return subprocess.Popen(args, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)

    def _replica_env(self, member: Replica) -> dict[str, str]:
        return dict(self.env, RASA_PORT=str(member.rasa_port), ACTIONS_PORT=str(member.actions_port),
                    ACTION_SERVER_URL=f"http://127.0.0.1:{self.actions_front_port}/webhook",
                    LOCK_LIFETIME_SECONDS=str(self.lock_lifetime_seconds))

    def start_rasa(self, index: int) -> None:
        member = self.members[index]
        member.rasa = self._spawn(f"rasa-{index + 1}", [sys.executable, "-m", "addons.launcher", "rasa",
                                                         "--model", str(self.model)], self._replica_env(member))

    def start(self) -> "Cluster":
        self.launch()
        try:
            self.wait_until_up()
        except ClusterError:
            self.stop()
            raise
        return self

    def launch(self) -> "Cluster":
        """Start every process without waiting for them (the bench starts it while it measures)."""
        haproxy = shutil.which("haproxy")
        if haproxy is None:
            raise ClusterError("haproxy is not installed (Debian: apt-get install haproxy)")
        self.members = [Replica(free_port(), free_port()) for _ in range(self.replicas)]
        config = self.log_dir / "haproxy.cfg"
        config.write_text(render_haproxy(self.chat_port, self.actions_front_port,
                                         [m.rasa_port for m in self.members], [m.actions_port for m in self.members],
                                         self.lock_lifetime_seconds + 10), encoding="utf-8")
        check = subprocess.run([haproxy, "-c", "-q", "-f", str(config)], capture_output=True, text=True)
        if check.returncode != 0:
            raise ClusterError(f"haproxy refused {config}: {check.stderr.strip()}")
        for index, member in enumerate(self.members):
            # Started together: the queue's migration takes an advisory lock in PostgreSQL.
            member.actions = self._spawn(f"actions-{index + 1}", [sys.executable, "-m", "addons.launcher", "actions"],
                                         self._replica_env(member))
        for index in range(self.replicas):
            self.start_rasa(index)
        self.haproxy = self._spawn("haproxy", [haproxy, "-db", "-f", str(config)], dict(os.environ))
        return self

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        for index, member in enumerate(self.members):
            for name, proc, url in (("actions", member.actions, f"http://127.0.0.1:{member.actions_port}/health"),
                                    ("rasa", member.rasa, f"http://127.0.0.1:{member.rasa_port}/")):
                try:
                    wait_until_up(url, [proc], deadline)  # type: ignore[list-item]
                except ClusterError as error:
                    raise ClusterError(f"{name} replica {index + 1}: {error}; "
                                       f"see {self.log_dir}/{name}-{index + 1}.log") from None
        # HAProxy marks a server up after two passed checks (about 2 s).
        self.wait_for_backends(self.replicas, deadline)

    def backends_up(self) -> int:
        """How many Rasa replicas HAProxy would send a message to now."""
        up = 0
        for member in self.members:
            try:
                up += requests.get(f"http://127.0.0.1:{member.rasa_port}/", timeout=2).status_code == 200
            except requests.RequestException:
                pass
        return up

    def wait_for_backends(self, count: int, deadline: float) -> None:
        while self.backends_up() < count:
            if time.monotonic() > deadline:
                raise ClusterError(f"fewer than {count} Rasa replicas answer")
            time.sleep(0.5)
        time.sleep(2.5)
        wait_until_up(f"{self.chat_url}/", [self.haproxy], deadline)  # type: ignore[list-item]

    def front_for(self, indices: list[int]) -> str:
        """A second HAProxy that sends messages only to these replicas (the bench's "1 replica")."""
        port = free_port()
        config = self.log_dir / f"haproxy-{port}.cfg"
        config.write_text(render_haproxy(port, free_port(), [self.members[i].rasa_port for i in indices],
                                         [self.members[i].actions_port for i in indices],
                                         self.lock_lifetime_seconds + 10), encoding="utf-8")
        proc = self._spawn(f"haproxy-{port}", [shutil.which("haproxy") or "haproxy", "-db", "-f", str(config)],
                           dict(os.environ))
        self.extra.append(proc)
        url = f"http://127.0.0.1:{port}"
        time.sleep(2.5)  # two passed health checks
        wait_until_up(f"{url}/", [proc], time.monotonic() + 30)
        return url

    def kill_rasa(self, index: int) -> None:
        """SIGKILL, as a crash or an out-of-memory kill would: no clean shutdown."""
        proc = self.members[index].rasa
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)

    def processes(self) -> list[subprocess.Popen]:
        procs = [p for m in self.members for p in (m.rasa, m.actions) if p is not None]
        return procs + ([self.haproxy] if self.haproxy is not None else []) + self.extra

    def stop(self) -> None:
        for proc in self.processes():
            if proc.poll() is None:
                proc.terminate()
        for proc in self.processes():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        for log in self._logs:
            log.close()


def main(argv: list[str] | None = None) -> int:
    from bot.ops.secrets import environment_with_secrets

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    args = parser.parse_args(argv)
    env = environment_with_secrets(PROJECT_ROOT / "var" / "secrets.env")
    missing = [name for name in ("DATABASE_URL", "REDIS_URL") if not env.get(name)]
    if missing:
        print(f"{' and '.join(missing)} must be set: replicas share PostgreSQL and Redis.", file=sys.stderr)
        return 2
    log_dir = Path(tempfile.mkdtemp(prefix="meedenker-cluster-"))
    cluster = Cluster(env, args.replicas, log_dir, chat_port=int(env.get("RASA_PORT", "5005")))
    try:
        cluster.start()
    except ClusterError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"\n{args.replicas} replicas behind HAProxy: POST {cluster.chat_url}/webhooks/rest/webhook"
          f"\nLogs: {log_dir}\nCtrl-C stops everything.", flush=True)
    stopping: list[int] = []
    signal.signal(signal.SIGTERM, lambda signum, _frame: stopping.append(signum))
    try:
        while not stopping and all(p.poll() is None for p in cluster.processes()):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
