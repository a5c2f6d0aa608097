"""`make bench`: the assistant's speed beside a stock Rasa 3.6 bot, measured in one run.

Everything runs as real processes on free loopback ports:
- the assistant as `make run` starts it (launcher, SQLite, in-memory lock);
- `reference`: a stock Rasa 3.6 bot built from the project's NLU data (config.yml without any
  `addons.` component, RulePolicy, one trivial custom action, SQLite), trained in this run;
- `replicas`: 1 and 2 replicas of the assistant behind HAProxy, on a throwaway PostgreSQL and Redis.
  Without HAProxy, PostgreSQL or Redis on the machine this step is left out (`replicas_skipped`
  says why), everything else is measured, and the last line says how to add the step.
Loads: *residents* (N conversations at once, each sending its next message a random 1–4 s after
the previous answer; half of them short and half long, then the other way round) and *capacity*
(1, 4, 20 clients back to back), each for short (one-turn) and long conversations (the next turns of conversations that already hold 50 turns: one is typed
out turn by turn, the others are copies of it in the tracker store; the first turn after a copy,
the server's first read of it, is sent before the measured turns and reported apart as
`long_first_turn`). Prints one JSON object, writes var/bench/bench.json and bench.png.
All durations are parameters, so tests run a small version (tests/addons/test_bench.py).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import requests
import yaml

from addons.bench_chart import plot
from addons.bench_replicas import REPLICA_HOWTO, start_replicas
from addons.cluster import Cluster, ClusterError, wait_until_up
from addons.ports import free_port
from bot.ops.secrets import environment_with_secrets
from bot.ops.settings import PROJECT_ROOT

# A resident's story over many turns: questions, answers to the summary, the callback offer.
MESSAGES = [
    "hallo",
    "ik kan mijn huur niet meer betalen",
    "mijn moeder heeft dementie en ik zorg elke dag voor haar",
    "wat kost een meedenker",
    "ik voel me erg alleen sinds mijn man is overleden",
    "ja dat klopt",
    "nee",
    "ik heb schulden en de brieven stapelen zich op",
    "is een meedenker onafhankelijk van de gemeente?",
    "dank u wel",
]
STARTUP_SECONDS = 300
_START = time.monotonic()
# What many residents type word for word; every other message of a run is sent once (unique()).
COMMON = frozenset({"hallo", "ja dat klopt", "nee", "dank u wel"})
_SENT = itertools.count(1)


def unique(message: str) -> str:
    """A worry or a question with a number at its end that no other message of the run has.

    Residents describe their worry in their own words, so neither the sentence encoder's cache
    nor anything else keyed on the text may flatter the figures; greetings, yes, no and thanks
    do recur word for word in real conversations and are sent as they are.
    """
    return message if message in COMMON else f"{message} (bericht {next(_SENT)})"


def progress(step: str) -> None:
    """One line per step on stderr; stdout holds only the JSON."""
    elapsed = int(time.monotonic() - _START)
    print(f"[bench {elapsed // 60:02d}:{elapsed % 60:02d}] {step}", file=sys.stderr, flush=True)


@dataclass
class Plan:
    """How much load each step sends; the defaults are `make bench`, tests pass smaller ones."""

    clients: tuple[int, ...] = (1, 4, 20)
    short_turns_per_client: int = 10
    # 40 turns (under 2 s) moved the ratios by ±10 % from run to run; 120 turns of the assistant at
    # 4 clients, eight times in a row: long / short 0.95-1.14 (mean 1.07). The assistant's long /
    # short ratio is a target, so its steps are longer; the stock reference's are compared with
    # larger margins (1.3-4.4x) and kept shorter. On a slow 2-core machine (the reference's short
    # 1-client figure 10 turns per second) 480 and 120 took the whole bench to 11 minutes; 360 and
    # 100 keep it under 10.
    min_turns_per_step: int = 360
    reference_min_turns_per_step: int = 100
    # 4 and 20 clients: short, long, long, short this many times. One round of 240 turns, six
    # times in a row at 20 clients: long / short 0.973-1.078, and the 1-client step 1.000-1.020
    # four times: the assistant's steps are longer and more finely interleaved than the reference's.
    abba_rounds: int = 2
    reference_abba_rounds: int = 1
    long_turns: int = 50
    long_measured_turns: int = 10
    residents: int = 20
    resident_messages: int = 10
    think_seconds: tuple[float, float] = (1.0, 4.0)
    parse_rounds: int = 100
    replica_clients: int = 20
    replica_turns_per_client: int = 10
    seed: int = 12


def _ms(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    if not ordered:
        return {"p50": 0.0, "p95": 0.0}
    return {"p50": round(statistics.median(ordered), 1), "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1)}


class Client:
    """One person's (or one load client's) connection; counts answers that were not proper."""

    failures: list[str] = []
    _lock = threading.Lock()

    def __init__(self, url: str) -> None:
        self.url = f"{url}/webhooks/rest/webhook"
        self.session = requests.Session()

    def say(self, sender: str, message: str) -> float:
        start = time.perf_counter()
        try:
            answer = self.session.post(self.url, json={"sender": sender, "message": unique(message)}, timeout=60)
            ok = answer.status_code == 200 and bool(answer.json())
            problem = "" if ok else f"HTTP {answer.status_code}: {answer.text[:80]}"
        except (requests.RequestException, ValueError) as error:
            problem = f"{type(error).__name__}"
        elapsed = (time.perf_counter() - start) * 1000
        if problem:
            with Client._lock:
                Client.failures.append(problem)
        return elapsed


def _in_parallel(clients: int, work: Callable[[int], list[float]]) -> tuple[list[float], float]:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(work, range(clients)))
    return [t for chunk in results for t in chunk], time.perf_counter() - start


def clone_conversation(database: Path, seed: str, senders: list[str]) -> None:
    """Copy a conversation's stored events under new sender ids (SQLite tracker store).

    A long conversation is then as long for Rasa as one typed turn by turn, without sending
    thousands of turns first: Rasa reads every event of the session on each turn.
    """
    with sqlite3.connect(database) as connection:
        for sender in senders:
            connection.execute("INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                               "SELECT ?, type_name, timestamp, intent_name, action_name, data FROM events "
                               "WHERE sender_id = ? ORDER BY id", (sender, seed))


def long_conversations(url: str, database: Path, plan: Plan, tag: str, senders: list[str]) -> list[float]:
    """Conversations that already hold `long_turns` turns: one typed out, the others copied.

    A copy is written into the database behind the server's back, so the server reads it for the
    first time at its next turn: a cost that a conversation typed into that server turn by turn
    never pays (it pays it once after a restart). That first turn is sent here, and its timings
    are returned to be reported apart (`long_first_turn`); the measured long turns come after it.
    """
    seed = f"{tag}-seed"
    client = Client(url)
    if not _stored(database, seed):
        for n in range(plan.long_turns):
            client.say(seed, MESSAGES[n % len(MESSAGES)])
    clone_conversation(database, seed, senders)
    return [client.say(sender, MESSAGES[plan.long_turns % len(MESSAGES)]) for sender in senders]


def long_message(plan: Plan, n: int) -> str:
    """The message of measured long turn n: after the copied turns and the first one."""
    return MESSAGES[(plan.long_turns + 1 + n) % len(MESSAGES)]


def _stored(database: Path, sender: str) -> bool:
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT 1 FROM events WHERE sender_id = ? LIMIT 1", (sender,)).fetchone() is not None


def capacity(url: str, database: Path, plan: Plan, tag: str,
             first_turns: list[float]) -> dict[str, dict[str, dict[str, float]]]:
    """Back-to-back turns: short = a new conversation per turn; long = the next turns of
    conversations that already hold long_turns turns.

    The host's speed drifts during a run (a shared machine: seen here as ±15 % between two
    halves of a few seconds), so short and long are measured in an order that cancels drift:
    - one client sends a short and a long turn in turn, with the same message, the kind that goes
      first alternating (`_in_turn`); each kind's turns per second is its turns over the time they
      took (one client waits for each answer: the same as wall time);
    - more clients measure short, long, long, short, `abba_rounds` times (ABBA: a steady drift
      slows both alike; `abba`). The long parts hold each conversation's measured turns in order,
      a run of them in each part; the short parts take every other conversation. (The server's
      first read of each copied conversation comes before, in `long_conversations`.)
    """
    figures: dict[str, dict[str, dict[str, float]]] = {"short": {}, "long": {}}
    for clients in plan.clients:
        short_turns = max(plan.short_turns_per_client, -(-plan.min_turns_per_step // clients))
        per_client = max(1, -(-plan.min_turns_per_step // (clients * plan.long_measured_turns)))
        conversations = [[f"{tag}-long-{clients}-{k}-{c}" for c in range(per_client)] for k in range(clients)]
        first_turns += long_conversations(url, database, plan, tag, [s for mine in conversations for s in mine])
        turns = {
            "short": lambda k, clients=clients, turns=short_turns: [
                (f"{tag}-short-{clients}-{k}-{n}", MESSAGES[(k + n) % len(MESSAGES)]) for n in range(turns)],
            "long": lambda k, mine=conversations: [
                (sender, long_message(plan, n)) for sender in mine[k] for n in range(plan.long_measured_turns)],
        }
        if clients == 1:
            progress(f"{tag}: capacity, short and long conversations in turn, 1 client")
            long = turns["long"](0)
            short = [(sender, long[n][1] if n < len(long) else message)
                     for n, (sender, message) in enumerate(turns["short"](0))]
            timings = _in_turn(Client(url), short, long)
            elapsed = {kind: sum(values) / 1000 for kind, values in timings.items()}
        else:
            timings, elapsed = {"short": [], "long": []}, {"short": 0.0, "long": 0.0}
            parts = 2 * plan.abba_rounds
            for kind, part in abba(parts):
                progress(f"{tag}: capacity, {kind} conversations, {clients} clients ({part + 1}/{parts})")

                def work(k: int, kind: str = kind, part: int = part) -> list[float]:
                    mine = turns[kind](k)
                    if kind == "short":
                        mine = mine[part::parts]
                    else:  # per conversation: its measured turns in `parts` runs, in their order
                        each = plan.long_measured_turns
                        mine = [turn for n, turn in enumerate(mine) if parts * (n % each) // each == part]
                    client = Client(url)
                    return [client.say(sender, message) for sender, message in mine]

                measured, seconds = _in_parallel(clients, work)
                timings[kind] += measured
                elapsed[kind] += seconds
        for kind in ("short", "long"):
            figures[kind][str(clients)] = {**_ms(timings[kind]),
                                           "turns_per_second": round(len(timings[kind]) / elapsed[kind], 1),
                                           "turns": len(timings[kind])}
    return figures


def abba(parts: int) -> list[tuple[str, int]]:
    """(kind, part) in the order measured: short 0, long 0, long 1, short 1, short 2, long 2, …"""
    return [(kind, 2 * r + i) for r in range(parts // 2)
            for kind, i in (("short", 0), ("long", 0), ("long", 1), ("short", 1))]


def _in_turn(client: Client, short: list[tuple[str, str]], long: list[tuple[str, str]]) -> dict[str, list[float]]:
    """One client, a short and a long turn in turn, message for message (the longer list's rest
    at the end); which of the two goes first alternates.

    Why: the order of the turns moved the result by more than the conversation's length did.
    One server, 240 + 240 turns a round: the same message, long always second: long / short
    1.016-1.030 (3 rounds); the next message, long always second (the bench before): 0.993-1.000
    (3 rounds); the same message, the first alternating: 1.000-1.020 (4 rounds).
    """
    timings: dict[str, list[float]] = {"short": [], "long": []}
    for n, pair in enumerate(itertools.zip_longest(short, long)):
        order = (("short", pair[0]), ("long", pair[1]))
        for kind, turn in (order if n % 2 == 0 else order[::-1]):
            if turn is not None:
                timings[kind].append(client.say(*turn))
    return timings


def residents(url: str, database: Path, plan: Plan, tag: str, first_turns: list[float]) -> dict[str, dict[str, float]]:
    """People typing: each waits 1–4 s after an answer; long = conversations of long_turns turns.

    Short and long are measured at the same time, under the same load, as on a real evening
    when both kinds of conversation come in: one kind after the other, the host's drift and the
    server's history decided which was faster (long / short p95 0.83-1.25 in four runs of the
    same code on one machine). Two rounds of `residents` people at once, half of them in short
    and half in long conversations; in the second round every person is of the other kind, with
    the same messages and the same pauses. Each kind: residents x resident_messages turns.
    """
    long_senders = [f"{tag}-res-long-{k}" for k in range(plan.residents)]
    first_turns += long_conversations(url, database, plan, tag, long_senders)
    timings: dict[str, list[float]] = {"short": [], "long": []}
    for part in (0, 1):
        progress(f"{tag}: residents, {plan.residents} conversations at once, short and long ({part + 1}/2)")

        def person(k: int, part: int = part) -> tuple[str, list[float]]:
            kind = "long" if (k + part) % 2 else "short"
            rng = random.Random(plan.seed * 1000 + k)  # the same pauses in both rounds
            client = Client(url)
            mine = []
            for n in range(plan.resident_messages):
                time.sleep(rng.uniform(*plan.think_seconds))
                who = long_senders[k] if kind == "long" else f"{tag}-res-{part}-{k}-{n}"
                mine.append(client.say(who, MESSAGES[(k + n) % len(MESSAGES)]))
            return kind, mine

        with ThreadPoolExecutor(max_workers=plan.residents) as pool:
            for kind, mine in pool.map(person, range(plan.residents)):
                timings[kind] += mine
    return {kind: {**_ms(values), "turns": len(values)} for kind, values in timings.items()}


def parse_latency(url: str, token: str, rounds: int) -> dict[str, float]:
    session = requests.Session()
    timings = []
    for n in range(rounds + 1):
        start = time.perf_counter()
        session.post(f"{url}/model/parse", params={"token": token}, json={"text": unique(MESSAGES[n % len(MESSAGES)])},
                     timeout=30).raise_for_status()
        if n:
            timings.append((time.perf_counter() - start) * 1000)
    return _ms(timings)


def rss_mb(proc: subprocess.Popen) -> float:
    for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


@dataclass
class Bot:
    """A Rasa server and its action server, started as separate processes."""

    name: str
    rasa_args: list[str]
    actions_args: list[str]
    env: dict[str, str]
    cwd: Path
    log_dir: Path
    rasa_port: int = field(default_factory=free_port)
    actions_port: int = field(default_factory=free_port)
    procs: list[subprocess.Popen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def start(self) -> "Bot":
        env = dict(self.env, RASA_PORT=str(self.rasa_port), ACTIONS_PORT=str(self.actions_port),
                   ACTION_SERVER_URL=f"http://127.0.0.1:{self.actions_port}/webhook", SANIC_HOST="127.0.0.1")
        for kind, args in (("actions", self.actions_args), ("rasa", self.rasa_args)):
            args = [a.replace("{rasa_port}", str(self.rasa_port)).replace("{actions_port}", str(self.actions_port))
                    for a in args]
            log = open(self.log_dir / f"{self.name}-{kind}.log", "wb")
            self.procs.append(subprocess.Popen([sys.executable, *args], cwd=self.cwd, env=env,
                                               stdout=log, stderr=subprocess.STDOUT))
        return self

    def wait(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        try:
            wait_until_up(f"http://127.0.0.1:{self.actions_port}/health", self.procs, deadline)
            wait_until_up(f"{self.url}/", self.procs, deadline)
        except ClusterError as error:
            raise ClusterError(f"{self.name}: {error}\n{self.log_tails()}") from None
        Client(self.url).say(f"{self.name}-warm-up", "hallo")

    def log_tails(self, lines: int = 15) -> str:
        """The end of each process's log: the bench's folder is removed when it stops."""
        tails = []
        for kind, proc in zip(("actions", "rasa"), self.procs):
            text = (self.log_dir / f"{self.name}-{kind}.log").read_text(encoding="utf-8", errors="replace")
            tails.append(f"--- {self.name} {kind} (exit code {proc.poll()}):\n" + "\n".join(text.splitlines()[-lines:]))
        return "\n".join(tails)

    def rss(self) -> dict[str, float]:
        return {"actions": rss_mb(self.procs[0]), "rasa": rss_mb(self.procs[1])}

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


REFERENCE_ACTIONS = '''"""The reference bot's one trivial custom action (written by addons/bench.py)."""
from rasa_sdk import Action


class ActionAntwoord(Action):
    def name(self):
        return "action_antwoord"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(response="utter_antwoord")
        return []
'''


def build_reference(directory: Path) -> Path:
    """Write and train the stock Rasa bot; Rasa's cache in `directory` makes a re-run quick."""
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))
    config["pipeline"] = [c for c in config["pipeline"] if not str(c.get("name", "")).startswith("addons.")]
    config["policies"] = [p for p in config["policies"] if not str(p.get("name", "")).startswith("addons.")]
    for component in config["pipeline"]:
        if component.get("name") == "SpacyNLP":
            component["model"] = str(PROJECT_ROOT / component["model"])
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    intents = domain["intents"]
    (directory / "data").mkdir(parents=True, exist_ok=True)
    (directory / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (directory / "domain.yml").write_text(yaml.safe_dump({
        "version": "3.1", "intents": intents, "entities": domain.get("entities", []),
        "actions": ["action_antwoord"],
        "responses": {"utter_antwoord": [{"text": "Dank u voor uw bericht."}]},
    }, allow_unicode=True), encoding="utf-8")
    (directory / "data" / "rules.yml").write_text(yaml.safe_dump({"version": "3.1", "rules": [{
        "rule": "every message gets the trivial action",
        # nlu_fallback too: the shared pipeline has Rasa's FallbackClassifier.
        "steps": [{"or": [{"intent": i} for i in [*intents, "nlu_fallback"]]}, {"action": "action_antwoord"}]}]}),
        encoding="utf-8")
    (directory / "endpoints.yml").write_text(yaml.safe_dump({
        "action_endpoint": {"url": "${ACTION_SERVER_URL}"},
        "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(directory / "reference.db")}}), encoding="utf-8")
    (directory / "credentials.yml").write_text("rest:\n", encoding="utf-8")
    (directory / "bench_reference_actions.py").write_text(REFERENCE_ACTIONS, encoding="utf-8")
    (directory / "reference.db").unlink(missing_ok=True)
    # --skip-validation: the data is the project's own, validated by `make test` (25 s saved here)
    result = subprocess.run([sys.executable, "-m", "rasa", "train", "--skip-validation",
                             "--config", "config.yml", "--domain", "domain.yml",
                             "--data", str(PROJECT_ROOT / "data" / "nlu"), "data/rules.yml", "--out", "models",
                             "--fixed-model-name", "reference", "--quiet"],
                            cwd=directory, capture_output=True, text=True, env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2"))
    model = directory / "models" / "reference.tar.gz"
    if result.returncode != 0 or not model.exists():
        raise SystemExit(f"reference bot did not train:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return model


def ratios(ours: Any, reference: Any) -> Any:
    """ours / reference for every figure both have (latency: < 1 is faster; throughput: > 1 is more)."""
    if isinstance(ours, dict) and isinstance(reference, dict):
        return {k: ratios(v, reference[k]) for k, v in ours.items() if k in reference}
    if isinstance(ours, (int, float)) and isinstance(reference, (int, float)) and reference:
        return round(ours / reference, 2)
    return None


def assistant(work: Path, model: Path) -> tuple[dict[str, str], Bot]:
    """The environment of a bench run in `work`, and the assistant as `make run` starts it there."""
    env = environment_with_secrets(work / "secrets.env")
    for name in ("DATABASE_URL", "REDIS_URL", "RASA_PORT", "ACTIONS_PORT", "ACTION_SERVER_URL"):
        env.pop(name, None)
    env.update(MEEDENKER_VAR_DIR=str(work / "var"), TF_CPP_MIN_LOG_LEVEL="2", PYTHONPATH=str(PROJECT_ROOT),
               LOG_LEVEL="WARNING",
               # All load comes from one loopback address, and a seeded long conversation sends 50
               # turns in seconds: the residents' rate limits would answer most of it with 429.
               MEEDENKER_RATE_PER_IP="1000000", MEEDENKER_RATE_PER_SENDER="10000")
    ours = Bot("meedenker", ["-m", "addons.launcher", "rasa", "--model", str(model)], ["-m", "addons.launcher", "actions"],
               env, PROJECT_ROOT, work)
    return env, ours


def run(plan: Plan, model: Path, out_dir: Path) -> dict:
    work = Path(tempfile.mkdtemp(prefix="meedenker-bench-"))
    os.chmod(work, 0o755)
    Client.failures = []
    env, ours = assistant(work, model)
    reference_dir = out_dir / "reference"
    reference_dir.mkdir(parents=True, exist_ok=True)
    services: list[Any] = []
    cluster: Cluster | None = None
    started: list[Bot] = []
    try:
        progress("starting the assistant and 2 replicas behind HAProxy (own PostgreSQL and Redis); "
                 "training the stock Rasa reference bot")
        started.append(ours.start())
        cluster, skipped = start_replicas(env, work, model, services)
        if skipped is not None:
            progress(f"replica step left out ({skipped}); every other step is measured")
        reference_model = build_reference(reference_dir)
        reference = Bot("reference", ["-m", "rasa", "run", "--model", str(reference_model), "--endpoints", "endpoints.yml",
                                      "--credentials", "credentials.yml", "--interface", "127.0.0.1",
                                      "--port", "{rasa_port}", "--quiet"],
                        ["-m", "rasa_sdk", "--actions", "bench_reference_actions", "--port", "{actions_port}"],
                        dict(env, PYTHONPATH=str(reference_dir)), reference_dir, work)
        started.append(reference.start())
        progress("waiting for both bots and the replicas")
        ours.wait()
        reference.wait()
        if cluster is not None:
            cluster.wait_until_up()  # loaded before anything is measured: no model loading beside it
        figures: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "date": time.strftime("%Y-%m-%d")},
                                   "plan": asdict(plan)}
        progress("parse latency")
        figures["parse_ms"] = parse_latency(ours.url, env["RASA_API_TOKEN"], plan.parse_rounds)
        ours_db, reference_db = work / "var" / "rasa.db", reference_dir / "reference.db"
        ours_first: list[float] = []
        figures["capacity"] = capacity(ours.url, ours_db, plan, "ours", ours_first)
        figures["residents"] = residents(ours.url, ours_db, plan, "ours", ours_first)
        figures["long_first_turn"] = _ms(ours_first)
        figures["rss_mb"] = ours.rss()
        reference_first: list[float] = []
        ref_capacity = capacity(reference.url, reference_db,
                                replace(plan, min_turns_per_step=plan.reference_min_turns_per_step,
                                        abba_rounds=plan.reference_abba_rounds),
                                "reference", reference_first)
        ref_residents = residents(reference.url, reference_db, plan, "reference", reference_first)
        figures["reference"] = {"residents": ref_residents, "capacity": ref_capacity, "rss_mb": reference.rss(),
                                "long_first_turn": _ms(reference_first)}
        ours.stop()
        reference.stop()
        figures["replicas"] = {}
        if skipped is not None:
            figures["replicas_skipped"] = f"{skipped}. {REPLICA_HOWTO}"
        for count in (1, 2) if cluster is not None else ():
            url = cluster.chat_url if count == 2 else cluster.front_for([0])
            progress(f"replicas: {count}, {plan.replica_clients} clients")

            def conversation(k: int, count: int = count) -> list[float]:
                client = Client(url)
                return [client.say(f"replicas-{count}-{k}", MESSAGES[n % len(MESSAGES)])
                        for n in range(plan.replica_turns_per_client)]

            timings, elapsed = _in_parallel(plan.replica_clients, conversation)
            figures["replicas"][str(count)] = {**_ms(timings), "turns_per_second": round(len(timings) / elapsed, 1)}
        figures["ratios"] = {"residents": ratios(figures["residents"], ref_residents),
                             "capacity": ratios(figures["capacity"], ref_capacity)}
        figures["failed_turns"] = len(Client.failures)
        figures["failures"] = sorted(set(Client.failures))[:10]
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "bench.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        plot(figures, out_dir / "bench.png")
        progress(f"done: {out_dir / 'bench.json'}, {out_dir / 'bench.png'}")
        if skipped is not None:
            progress(f"without the replica step ({skipped}). {REPLICA_HOWTO}")
        return figures
    finally:
        for bot in started:
            bot.stop()
        if cluster is not None:
            cluster.stop()
        for service in services:
            service.stop()
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "meedenker.tar.gz")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var" / "bench")
    parser.add_argument("--clients", default="1,4,20", help="capacity steps, comma-separated")
    parser.add_argument("--long-turns", type=int, default=Plan.long_turns)
    parser.add_argument("--long-measured-turns", type=int, default=Plan.long_measured_turns)
    parser.add_argument("--short-turns", type=int, default=Plan.short_turns_per_client)
    parser.add_argument("--min-turns", type=int, default=Plan.min_turns_per_step, help="turns measured per capacity step, at least")
    parser.add_argument("--reference-min-turns", type=int, default=Plan.reference_min_turns_per_step,
                        help="the same for the stock reference bot")
    parser.add_argument("--abba-rounds", type=int, default=Plan.abba_rounds,
                        help="4 and 20 clients: short, long, long, short this many times")
    parser.add_argument("--residents", type=int, default=Plan.residents)
    parser.add_argument("--resident-messages", type=int, default=Plan.resident_messages)
    parser.add_argument("--think", default="1,4", help="seconds a resident waits, min,max")
    parser.add_argument("--parse-rounds", type=int, default=Plan.parse_rounds)
    parser.add_argument("--replica-clients", type=int, default=Plan.replica_clients)
    parser.add_argument("--replica-turns", type=int, default=Plan.replica_turns_per_client)
    args = parser.parse_args(argv)
    low, high = (float(x) for x in args.think.split(","))
    plan = Plan(clients=tuple(int(c) for c in args.clients.split(",")), short_turns_per_client=args.short_turns,
                min_turns_per_step=args.min_turns, reference_min_turns_per_step=args.reference_min_turns,
                abba_rounds=args.abba_rounds,
                long_turns=args.long_turns, long_measured_turns=args.long_measured_turns, residents=args.residents, resident_messages=args.resident_messages,
                think_seconds=(low, high), parse_rounds=args.parse_rounds, replica_clients=args.replica_clients,
                replica_turns_per_client=args.replica_turns)
    print(json.dumps(run(plan, args.model, args.out), indent=2))


if __name__ == "__main__":
    main()
