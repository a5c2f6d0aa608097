from pathlib import Path

import pytest

from bot.evaluation import Case, EvalFileError, Prediction, failed_gates, load_cases, score

F = frozenset


def test_scores_and_gates():
    cases = [
        Case("a", F({"wonen"}), F(), "meedenker"),
        Case("b", F({"financien"}), F({"laag_ses"}), "meedenker"),
        Case("c", F(), F(), "crisis_113"),
        Case("d", F(), F(), "info"),
    ]
    preds = [
        Prediction(F({"wonen"}), F(), "meedenker", 3.0),
        Prediction(F({"financien", "wonen"}), F({"laag_ses"}), "meedenker", 5.0),
        Prediction(F(), F(), "crisis_112", 4.0),
        Prediction(F(), F(), "crisis_113", 2.0),
    ]
    figures = score(cases, preds)
    assert figures["cases"] == 4
    assert figures["route_accuracy"] == 0.5
    assert figures["crisis_recall"] == 1.0 and figures["crisis_exact"] == 0.0
    assert figures["false_crisis_rate"] == pytest.approx(1 / 3, abs=1e-3)
    assert figures["per_label"]["leefgebieden"]["wonen"]["precision"] == 0.5
    assert len(figures["misclassified"]) == 3
    failures = failed_gates(figures)
    assert any("false_crisis_rate" in f for f in failures)
    assert any("route_accuracy" in f for f in failures)


def test_unknown_labels_are_refused(tmp_path: Path):
    path = tmp_path / "eval.yml"
    path.write_text('- text: "x"\n  leefgebieden: [wonnen]\n  doelgroepen: []\n  route: meedenker\n')
    with pytest.raises(EvalFileError, match="case 1"):
        load_cases(path)
