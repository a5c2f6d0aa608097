"""How well two people agree on the werkmodel labels, beside how well the model agrees with each.

Why: leefgebied macro-F1 on the blind sets stayed at 0.80-0.85 whatever was tuned; the question was
whether that is the ceiling of the labels themselves (people disagree) or the model's own gap. A second
annotator who saw neither the sets' labels nor the model's labelled the same support questions
(tests/data/second_annotator.yml). Usage: PYTHONPATH=. .venv/bin/python scripts/annotator_agreement.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from bot.understanding.evaluation import load_cases, multilabel_scores
from bot.understanding.werkmodel import DOELGROEPEN, LEEFGEBIEDEN

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SETS = ("messy_blind_4.yml", "messy_blind_3.yml")
MODEL = Path("models/meedenker.tar.gz")


def _model_labels(texts: list[str]) -> list[frozenset[str]]:
    """The trained model's leefgebieden, read from the werkmodel component inside the Rasa model."""
    import tarfile

    from bot.understanding.classifier import WerkmodelClassifier

    with tarfile.open(MODEL) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("werkmodel.pkl"))
        classifier = WerkmodelClassifier.loads(archive.extractfile(member).read())
    return [frozenset(classifier.classify(text).leefgebied_ids) for text in texts]


def main() -> int:
    first = [c for name in SETS for c in load_cases(DATA / name) if c.route == "meedenker"]
    second = {item["text"]: item for item in yaml.safe_load((DATA / "second_annotator.yml").read_text(encoding="utf-8"))}
    pairs = [(c, second[c.text]) for c in first if c.text in second]
    model = _model_labels([c.text for c, _ in pairs]) if MODEL.exists() else None
    a = [c.leefgebieden for c, _ in pairs]
    b = [frozenset(s["leefgebieden"]) for _, s in pairs]
    figures = {
        "questions": len(pairs),
        "leefgebied_macro_f1_author_vs_second": multilabel_scores(a, b, LEEFGEBIEDEN)[1],
        "doelgroep_macro_f1_author_vs_second": multilabel_scores(
            [c.doelgroepen for c, _ in pairs], [frozenset(s["doelgroepen"]) for _, s in pairs], DOELGROEPEN)[1],
    }
    if model is not None:
        figures["leefgebied_macro_f1_author_vs_model"] = multilabel_scores(a, model, LEEFGEBIEDEN)[1]
        figures["leefgebied_macro_f1_second_vs_model"] = multilabel_scores(b, model, LEEFGEBIEDEN)[1]
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
