"""The evaluation set must not overlap the training data, exactly or nearly."""
from __future__ import annotations

import re

import pytest
import yaml

from bot.ops.settings import PROJECT_ROOT


def normalise(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def training_texts() -> list[str]:
    found = []
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for example in block.get("examples") or []:
                found.append(example["text"] if isinstance(example, dict) else str(example))
    return found


def trigrams(text: str) -> set[tuple[str, ...]]:
    words = normalise(text).split()
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


# The blind messy set was written without seeing the training data; its shortest messages ("werk",
# "ik wil niet meer leven") coincide with training phrases by nature, not by copying.
@pytest.mark.parametrize("name,minimum,min_words", [("eval.yml", 250, 0), ("holdout.yml", 140, 0),
                                                    ("messy_blind.yml", 250, 8)])
def test_no_exact_or_near_duplicates_between_eval_and_training(name, minimum, min_words):
    cases = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / name).read_text(encoding="utf-8"))
    train = training_texts()
    assert len(cases) >= minimum and len(train) >= 500
    train_norm = {normalise(t) for t in train}
    train_grams = [(t, trigrams(t)) for t in train]
    problems = []
    for case in cases:
        text = case["text"]
        if len(normalise(text).split()) < min_words:
            continue
        if normalise(text) in train_norm:
            problems.append(f"exact: {text!r}")
            continue
        grams = trigrams(text)
        if len(grams) < 3:
            continue
        for other, other_grams in train_grams:
            if other_grams and len(grams & other_grams) / len(grams | other_grams) >= 0.6:
                problems.append(f"near: {text!r} ~ {other!r}")
                break
    assert not problems, "\n".join(problems[:20])


def test_eval_set_covers_every_label_and_route():
    from bot.understanding.werkmodel import DOELGROEPEN, LEEFGEBIEDEN, ROUTES

    cases = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "eval.yml").read_text(encoding="utf-8"))
    for label in LEEFGEBIEDEN:
        assert sum(label in c["leefgebieden"] for c in cases) >= 25, label
    for label in DOELGROEPEN:
        assert sum(label in c["doelgroepen"] for c in cases) >= 12, label
    for route in ROUTES:
        assert sum(c["route"] == route for c in cases) >= 12, route
