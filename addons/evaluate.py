"""`make evaluate`: run the trained Rasa model on a labelled file and print one JSON object.

The figures of the real pipeline come first; `baseline` holds the same figures for a plain
TF-IDF + logistic regression trained on the same data/nlu examples.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

from addons.quiet import quiet_libraries
from bot.understanding.baseline import Baseline, Example
from bot.understanding.evaluation import Prediction, load_cases, predicted_meedenker_type, score
from bot.ops.settings import PROJECT_ROOT


def training_examples(nlu_dir: Path) -> list[Example]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(nlu_dir))
    examples = []
    for message in data.intent_examples:
        meta = (message.get("metadata") or {}).get("example") or {}
        examples.append(Example(message.get("text"), message.get("intent"),
                                frozenset(meta.get("leefgebieden") or []), frozenset(meta.get("doelgroepen") or [])))
    return examples


async def _predict_all(model: Path, texts: list[str]) -> list[Prediction]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    await agent.parse_message("opwarmen")
    predictions = []
    for text in texts:
        start = time.perf_counter()
        parsed = await agent.parse_message(text)
        elapsed = (time.perf_counter() - start) * 1000
        werkmodel = parsed.get("werkmodel") or {}
        predictions.append(Prediction(
            frozenset(label["id"] for label in werkmodel.get("leefgebieden", [])),
            frozenset(label["id"] for label in werkmodel.get("doelgroepen", [])),
            werkmodel.get("route"),
            elapsed,
            tier=werkmodel.get("crisis_tier"),
            suspected=werkmodel.get("crisis_suspected"),
            meedenker_type=predicted_meedenker_type(werkmodel, text),
        ))
    return predictions


def evaluate(data: Path, model: Path, with_baseline: bool = True) -> dict:
    cases = load_cases(data)
    texts = [case.text for case in cases]
    figures = score(cases, asyncio.run(_predict_all(model, texts)))
    figures = {"data": str(data), "model": str(model), **figures}
    if with_baseline:
        baseline = Baseline(training_examples(PROJECT_ROOT / "data" / "nlu"))
        base = score(cases, [baseline.predict(text) for text in texts])
        figures["baseline"] = {k: v for k, v in base.items()
                               if k not in ("misclassified", "per_label", "crisis_missed", "near_miss_alarmed")
                               and not k.startswith("meedenker_type") and not k.startswith("informeel")}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PROJECT_ROOT / "tests" / "data" / "eval.yml")
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "meedenker.tar.gz")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    quiet_libraries()
    figures = evaluate(args.data, args.model, not args.no_baseline)
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
