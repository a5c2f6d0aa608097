"""Generated requests against every webhook over real HTTP (targets in tests/fuzz/targets.py).

Zero 5xx, every answer JSON with a message for the resident, zero unhandled exceptions in the
servers' logs; afterwards no personal number planted in the inputs is found in the tracker store,
the callback queue or the logs. `make test` sends FUZZ_EXAMPLES=300 per target; `make fuzz` 10,000.
"""
from __future__ import annotations

import os
import re
import sqlite3
import time
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings

from tests.conftest import Servers, base_env
from tests.fuzz.targets import TARGETS, Request, Target

pytestmark = pytest.mark.servers

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
NUMBER_RUN = re.compile(r"\d[\d .\-]{7,}\d")
UNHANDLED = re.compile(r"Traceback \(most recent call last\)|Unhandled exception|Exception occurred while handling")


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("fuzz")
    servers = Servers(base_env(var_dir), var_dir).start()
    yield servers, var_dir
    servers.stop()


def stored_text(var_dir: Path) -> str:
    """Everything the tracker store and the queue hold, as one string."""
    chunks = []
    for name in ("rasa.db", "queue.db"):
        path = var_dir / name
        if not path.exists():
            continue
        with sqlite3.connect(path) as connection:
            tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            for table in tables:
                for row in connection.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - our own table names
                    chunks.append(" ".join(str(value) for value in row))
    return "\n".join(chunks)


def _national(number: str) -> str:
    """The digits of a number, with +31 / 0031 written as a leading 0."""
    digits = re.sub(r"\D", "", number)
    if digits.startswith("0031"):
        return "0" + digits[4:]
    if digits.startswith("31") and len(digits) == 11:
        return "0" + digits[2:]
    return digits


@pytest.mark.timeout(600 + int(EXAMPLES * 0.4))  # about 0.1–0.3 s a request on a busy 2-core machine
@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_generated_requests_get_polite_answers_and_leave_no_personal_numbers(fuzzed, target: Target):
    servers, var_dir = fuzzed
    session = requests.Session()
    url = f"{servers.url}{target.path}"
    planted: set[str] = set()
    counts = {"requests": 0, "2xx": 0, "4xx": 0}
    started = time.monotonic()

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES <= 500,
              suppress_health_check=list(HealthCheck))
    @given(target.requests())
    def one(request: Request) -> None:
        answer = session.post(url, data=request.body, headers=request.headers, timeout=30)
        counts["requests"] += 1
        planted.update(request.planted)
        assert answer.status_code < 500, f"HTTP {answer.status_code} for {request.body[:200]!r}: {answer.text[:300]}"
        counts["2xx" if answer.status_code < 300 else "4xx"] += 1
        body = answer.json()
        messages = body if isinstance(body, list) else body.get("messages")
        assert messages and all(m.get("text") for m in messages), f"no message for the resident: {body}"
        assert "Traceback" not in answer.text

    one()
    logs = servers.logs()
    unhandled = UNHANDLED.search(logs)
    assert unhandled is None, logs[max(0, unhandled.start() - 2000):][:4000]
    haystacks = {"tracker store and queue": stored_text(var_dir), "logs": logs}
    numbers = {name: {_national(run) for run in NUMBER_RUN.findall(text)} for name, text in haystacks.items()}
    for value in planted:
        for name, text in haystacks.items():
            for written in {value, value.replace(" ", "")}:
                # Not inside a longer number (a confidence such as 0.99999999067 is no BSN).
                found = re.search(rf"(?<![\d]){re.escape(written)}(?![\d])", text)
                assert found is None, f"{value!r} found in the {name}: {text[max(0, found.start() - 80):found.end() + 80]!r}"
            # A phone number or BSN written differently (spaces, dots, +31): compare the digits.
            if value[:2].isdigit() or value.startswith("+") or value.startswith("06"):
                assert _national(value) not in numbers[name], f"{value!r} (its digits) found in the {name}"
    print(f"\nfuzz {target.name}: {counts['requests']} requests in {time.monotonic() - started:.0f} s, "
          f"{counts['2xx']} answered, {counts['4xx']} refused politely, 0 server errors; "
          f"{len(planted)} planted personal numbers, none stored or logged")
