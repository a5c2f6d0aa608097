"""The chart of `make bench` (var/bench/bench.png): latency, throughput and replicas side by side."""
from __future__ import annotations

from pathlib import Path


def plot(figures: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (latency, throughput, replicas) = plt.subplots(1, 3, figsize=(15, 4.5))
    for name, source, style in (("Meedenker", figures["capacity"], "-"),
                                ("stock Rasa 3.6", figures["reference"]["capacity"], "--")):
        for kind, marker in (("short", "o"), ("long", "s")):
            clients = [int(c) for c in source[kind]]
            rows = [source[kind][str(c)] for c in clients]
            label = f"{name}, {kind}"
            latency.plot(clients, [r["p95"] for r in rows], style, marker=marker, label=f"{label} p95")
            throughput.plot(clients, [r["turns_per_second"] for r in rows], style, marker=marker, label=label)
    latency.set(title="Latency per turn (p95)", xlabel="clients at once", ylabel="ms")
    throughput.set(title="Throughput", xlabel="clients at once", ylabel="turns per second")
    counts = sorted(figures["replicas"], key=int)
    replicas.bar([f"{c} replica{'s' if c != '1' else ''}" for c in counts],
                 [figures["replicas"][c]["turns_per_second"] for c in counts], color=["#7a9cc6", "#2d5d9b"])
    replicas.set(title="Behind HAProxy (PostgreSQL + Redis)", ylabel="turns per second")
    if not counts:
        replicas.text(0.5, 0.5, "not measured:\n" + str(figures.get("replicas_skipped", "")).split(". ")[0],
                      ha="center", va="center", transform=replicas.transAxes, wrap=True)
    for axis in (latency, throughput):
        axis.set_xscale("log")
        axis.set_xticks([int(c) for c in figures["capacity"]["short"]])
        axis.set_xticklabels(list(figures["capacity"]["short"]))
        axis.legend(fontsize=7)
        axis.grid(alpha=0.3)
    fig.suptitle(f"make bench, {figures['machine']['cpus']} CPU cores, {figures['machine']['date']}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
