"""`make bench`: speed figures as JSON — NLU parse latency in-process, and whole conversation
turns over HTTP against real servers (Rasa + action server on free loopback ports)."""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from addons.quiet import quiet_libraries
from bot.secrets import environment_with_secrets
from bot.settings import PROJECT_ROOT

MESSAGES = [
    "hallo",
    "ik kan mijn huur niet meer betalen",
    "mijn moeder heeft dementie en ik zorg elke dag voor haar",
    "wat kost een meedenker",
    "ik voel me erg alleen",
    "ja dat klopt",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ms(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50": round(statistics.median(ordered), 1),
        "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        "max": round(ordered[-1], 1),
    }


async def _parse_latency(model: Path, rounds: int) -> dict[str, float]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    await agent.parse_message("opwarmen")
    timings = []
    for i in range(rounds):
        start = time.perf_counter()
        await agent.parse_message(MESSAGES[i % len(MESSAGES)])
        timings.append((time.perf_counter() - start) * 1000)
    return _ms(timings)


def _turns_over_http(model: Path, turns: int, clients: int) -> dict:
    var_dir = Path(tempfile.mkdtemp(prefix="meedenker-bench-"))
    env = environment_with_secrets(var_dir / "secrets.env")
    rasa_port, actions_port = _free_port(), _free_port()
    env.update(MEEDENKER_VAR_DIR=str(var_dir), RASA_PORT=str(rasa_port), ACTIONS_PORT=str(actions_port),
               ACTION_SERVER_URL=f"http://127.0.0.1:{actions_port}/webhook", TF_CPP_MIN_LOG_LEVEL="2",
               PYTHONPATH=str(PROJECT_ROOT))
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    log = open(var_dir / "servers.log", "wb")
    procs = [
        subprocess.Popen([sys.executable, "-m", "addons.launcher", "actions"], cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log),
        subprocess.Popen([sys.executable, "-m", "addons.launcher", "rasa", "--model", str(model)], cwd=PROJECT_ROOT,
                         env=env, stdout=log, stderr=log),
    ]
    url = f"http://127.0.0.1:{rasa_port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                if requests.get(url, timeout=2).ok and requests.get(f"http://127.0.0.1:{actions_port}/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                raise SystemExit(f"servers did not start; see {var_dir / 'servers.log'}")
            time.sleep(0.5)

        def turn(i: int) -> float:
            start = time.perf_counter()
            answer = requests.post(f"{url}/webhooks/rest/webhook", timeout=60,
                                   json={"sender": f"bench-{i % clients}-{i // 50}", "message": MESSAGES[i % len(MESSAGES)]})
            answer.raise_for_status()
            return (time.perf_counter() - start) * 1000

        turn(-1)
        sequential = [turn(i) for i in range(turns)]
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            concurrent = list(pool.map(turn, range(turns)))
        elapsed = time.perf_counter() - start
        return {"turn_ms_sequential": _ms(sequential), "turn_ms_concurrent": _ms(concurrent),
                "clients": clients, "turns": turns, "turns_per_second": round(turns / elapsed, 1)}
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "meedenker.tar.gz")
    parser.add_argument("--turns", type=int, default=120)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    quiet_libraries()
    figures = {
        "machine": {"cpus": os.cpu_count()},
        "parse_ms": asyncio.run(_parse_latency(args.model, args.turns)),
        **_turns_over_http(args.model, args.turns, args.clients),
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
