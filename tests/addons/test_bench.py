"""`make bench` in miniature: the same steps and output, with a few turns instead of thousands."""
from __future__ import annotations

import json

import pytest

from addons.bench import Plan, ratios, run
from bot.ops.settings import PROJECT_ROOT
from tests.conftest import MODEL

pytestmark = pytest.mark.servers


def test_ratios_compare_every_figure_both_have():
    assert ratios({"a": {"p95": 50.0, "x": 1}, "b": 3}, {"a": {"p95": 100.0}, "b": 0}) == {"a": {"p95": 0.5}, "b": None}


def test_each_worry_is_sent_once_so_no_cache_of_the_text_flatters_the_figures():
    from addons.bench import COMMON, MESSAGES, unique

    worries = [m for m in MESSAGES if m not in COMMON]
    sent = [unique(m) for m in worries for _ in range(3)]
    assert len(set(sent)) == len(sent) and len(worries) >= 5
    assert all(s.startswith(m) for s, m in zip(sent, [m for m in worries for _ in range(3)]))
    assert [unique(m) for m in sorted(COMMON)] == sorted(COMMON)  # "nee" recurs word for word in real life


def test_a_short_bench_measures_both_bots_and_both_cluster_sizes(tmp_path):
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run 'make train'")
    plan = Plan(clients=(1, 2), short_turns_per_client=2, min_turns_per_step=4, reference_min_turns_per_step=4, long_turns=4, long_measured_turns=2,
                residents=2, resident_messages=2,
                think_seconds=(0.05, 0.1), parse_rounds=5, replica_clients=2, replica_turns_per_client=2)
    # The reference bot's folder is kept between runs, so Rasa's training cache makes it quick.
    out = PROJECT_ROOT / "var" / "bench-test"
    figures = run(plan, MODEL, out)
    written = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(figures))
    assert (out / "bench.png").stat().st_size > 10_000
    assert figures["failed_turns"] == 0, figures["failures"]
    for source in (figures, figures["reference"]):
        for kind in ("short", "long"):
            assert source["residents"][kind]["p95"] >= source["residents"][kind]["p50"] > 0
            assert source["residents"][kind]["turns"] == 4  # residents x messages, both kinds in each round
            assert set(source["capacity"][kind]) == {"1", "2"}
            assert all(row["turns_per_second"] > 0 for row in source["capacity"][kind].values())
            assert [source["capacity"][kind][c]["turns"] for c in ("1", "2")] == [4, 4]  # at least min_turns_per_step
        # the server's first read of each copied conversation is reported apart, not hidden
        assert source["long_first_turn"]["p95"] >= source["long_first_turn"]["p50"] > 0
    assert figures["parse_ms"]["p50"] > 0 and figures["rss_mb"]["rasa"] > 100
    from addons.bench_replicas import replica_step_missing

    if replica_step_missing() is None:
        assert set(figures["replicas"]) == {"1", "2"}
    else:  # a machine without HAProxy: every other figure, and how to add the step
        assert figures["replicas"] == {} and "apt-get install haproxy" in figures["replicas_skipped"]
    assert figures["ratios"]["capacity"]["long"]["2"]["turns_per_second"] > 0


def test_one_client_sends_each_message_to_both_kinds_and_alternates_which_goes_first():
    from addons.bench import _in_turn

    class Recording:
        sent: list[tuple[str, str]] = []

        def say(self, sender: str, message: str) -> float:
            self.sent.append((sender, message))
            return 1.0

    client = Recording()
    short = [("s0", "a"), ("s1", "b"), ("s2", "c")]
    long = [("l", "a"), ("l", "b")]
    timings = _in_turn(client, short, long)  # type: ignore[arg-type]
    assert client.sent == [("s0", "a"), ("l", "a"), ("l", "b"), ("s1", "b"), ("s2", "c")]
    assert len(timings["short"]) == 3 and len(timings["long"]) == 2


def test_more_clients_measure_short_long_long_short_each_round():
    from addons.bench import abba

    assert abba(4) == [("short", 0), ("long", 0), ("long", 1), ("short", 1),
                       ("short", 2), ("long", 2), ("long", 3), ("short", 3)]


def test_without_haproxy_the_replica_step_starts_nothing_and_names_the_reason(tmp_path, monkeypatch):
    import shutil

    from addons import bench_replicas

    real_which = shutil.which
    monkeypatch.setattr(bench_replicas.shutil, "which", lambda name: None if name == "haproxy" else real_which(name))
    services: list = []
    cluster, reason = bench_replicas.start_replicas({}, tmp_path, tmp_path / "model.tar.gz", services)
    assert cluster is None and services == []
    assert reason == "haproxy is not installed"
    assert "apt-get install haproxy" in bench_replicas.REPLICA_HOWTO and "make bench" in bench_replicas.REPLICA_HOWTO


def test_the_chart_is_drawn_without_the_replica_step(tmp_path):
    from addons.bench_chart import plot

    row = {"p50": 10.0, "p95": 20.0, "turns_per_second": 5.0}
    capacity = {kind: {"1": row, "4": row} for kind in ("short", "long")}
    figures = {"machine": {"cpus": 2, "date": "2026-12-06"}, "capacity": capacity,
               "reference": {"capacity": capacity}, "replicas": {},
               "replicas_skipped": "haproxy is not installed. To add the replica step: ..."}
    plot(figures, tmp_path / "bench.png")
    assert (tmp_path / "bench.png").stat().st_size > 10_000
