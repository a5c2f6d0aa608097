"""Paired probe: are long conversations dearer than short ones, message for message?

One client; N copied 50-turn conversations (made as `make bench` makes them); each of their next
ten messages is also sent as the first message of a new conversation, turn by turn. Prints, per
message and in all, the mean wall time and the CPU time of the Rasa server and of the action
server (every thread's /proc/PID/task/*/schedstat). Why beside the bench: pairing by message
takes the messages' own costs out, which the bench's throughput figures cannot. README, "Speed".

Usage: .venv/bin/python scripts/long_short_probe.py [N] [--in-a-row]   (N=30: about 2 minutes;
127.0.0.1 only; --in-a-row: each conversation's ten turns one after another, as the bench)
"""
from __future__ import annotations

import collections
import glob
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from addons import bench  # noqa: E402
from bot.ops.settings import PROJECT_ROOT  # noqa: E402


def cpu_ms(pid: int) -> float:
    """CPU milliseconds of every thread of a process so far."""
    total = 0
    for path in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        try:
            total += int(Path(path).read_text().split()[0])
        except (OSError, ValueError, IndexError):
            pass  # a thread that ended meanwhile
    return total / 1e6


def probe(url: str, database: Path, pids: dict[str, int], conversations: int,
          conversation_after_conversation: bool = False) -> dict:
    """(kind, message) -> [(wall ms, rasa CPU ms, actions CPU ms), ...]"""
    plan = bench.Plan()
    senders = [f"probe-long-{k}" for k in range(conversations)]
    bench.long_conversations(url, database, plan, "probe", senders)
    client = bench.Client(url)
    found: dict = collections.defaultdict(list)
    # turn by turn over the conversations, or each conversation's ten turns in a row (as the
    # bench's one client sends them)
    turns = range(plan.long_measured_turns)
    order = ([(n, k) for k in range(conversations) for n in turns] if conversation_after_conversation
             else [(n, k) for n in turns for k in range(conversations)])
    for n, k in order:
        message = bench.long_message(plan, n)
        for kind, who in (("short", f"probe-short-{n}-{k}"), ("long", senders[k])):
            before = {name: cpu_ms(pid) for name, pid in pids.items()}
            wall = client.say(who, message)
            after = {name: cpu_ms(pid) for name, pid in pids.items()}
            found[(kind, message)].append((wall, after["rasa"] - before["rasa"],
                                           after["actions"] - before["actions"]))
    return found


def report(found: dict) -> None:
    def means(rows: list) -> str:
        return " / ".join(f"{statistics.mean(row[i] for row in rows):6.2f}" for i in range(3))

    print(f"{'message':40s}  {'short: wall / rasa / actions ms':>30s}  {'long: wall / rasa / actions ms':>30s}")
    for message in bench.MESSAGES:
        print(f"{message[:40]:40s}  {means(found[('short', message)]):>30s}  {means(found[('long', message)]):>30s}")
    for kind in ("short", "long"):
        rows = [row for (k, _), values in found.items() if k == kind for row in values]
        print(f"{kind:5s} ({len(rows)} turns): {means(rows)}")


def main(argv: list[str]) -> None:
    conversations = int(argv[0]) if argv and argv[0].isdigit() else 30
    in_a_row = "--in-a-row" in argv
    work = Path(tempfile.mkdtemp(prefix="meedenker-probe-"))
    _, ours = bench.assistant(work, PROJECT_ROOT / "models" / "meedenker.tar.gz")
    ours.start()
    try:
        ours.wait()
        pids = {"actions": ours.procs[0].pid, "rasa": ours.procs[1].pid}
        report(probe(ours.url, work / "var" / "rasa.db", pids, conversations, in_a_row))
    finally:
        ours.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
