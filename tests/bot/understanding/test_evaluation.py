from pathlib import Path

import pytest

from bot.understanding.evaluation import Case, EvalFileError, Prediction, failed_gates, load_cases, score

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


def test_meedenker_type_and_label_precision_figures():
    cases = [
        Case("a", F({"wonen"}), F(), "meedenker", meedenker_type="informeel"),
        Case("b", F({"financien"}), F(), "meedenker", meedenker_type="formeel"),
        Case("c", F(), F(), "crisis_113", meedenker_type="formeel"),
        Case("d", F(), F(), "info"),
    ]
    preds = [
        Prediction(F({"wonen", "gezondheid"}), F(), "meedenker", 1.0, meedenker_type="formeel"),
        Prediction(F({"financien"}), F(), "meedenker", 1.0, meedenker_type="formeel"),
        Prediction(F(), F(), "crisis_113", 1.0, meedenker_type="formeel"),
        Prediction(F(), F(), "info", 1.0, meedenker_type="informeel"),
    ]
    figures = score(cases, preds)
    assert figures["meedenker_type_cases"] == 3
    assert figures["meedenker_type_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert figures["informeel_share"] == 0.0 and figures["informeel_share_expected"] == pytest.approx(1 / 3, abs=1e-3)
    assert figures["leefgebied_precision"]["gezondheid"] == 0.0 and figures["leefgebied_precision"]["wonen"] == 1.0


def test_an_unknown_meedenker_type_is_refused(tmp_path: Path):
    path = tmp_path / "eval.yml"
    path.write_text('- text: "x"\n  route: meedenker\n  meedenker_type: vrijwillig\n')
    with pytest.raises(EvalFileError, match="meedenker_type"):
        load_cases(path)


def test_the_recommendation_counts_separate_questions_not_weak_labels():
    from bot.understanding.evaluation import predicted_meedenker_type

    weak = {"route": "meedenker", "doelgroepen": [{"id": "ouderen"}, {"id": "mantelzorgers"}], "leefgebieden": [
        {"id": "gezondheid", "confidence": 0.95, "evidence": ["dementie", "zorg"]},
        {"id": "financien", "confidence": 0.72, "evidence": ["moeder"]},
    ]}
    text = "mijn moeder van 82 heeft dementie en ik kan de zorg niet meer aan"
    assert predicted_meedenker_type(weak, text) == "informeel"
    strong = dict(weak, leefgebieden=[*weak["leefgebieden"][:1],
                                      {"id": "financien", "confidence": 0.9, "evidence": ["schulden"]}])
    assert predicted_meedenker_type(strong, text + " en ik heb schulden") == "formeel"


def test_figures_per_writing_style_when_the_file_marks_it(tmp_path):
    # Issue 24: make evaluate reports per style; ordinary messages' alarms by tier.
    from bot.understanding.evaluation import Prediction, load_cases, score

    path = tmp_path / "messy.yml"
    path.write_text("""
- {text: "ik wil dood", style: typos, leefgebieden: [gezondheid], doelgroepen: [], route: crisis_113, kind: crisis}
- {text: "huur te hoog", style: typos, leefgebieden: [wonen], doelgroepen: [], route: meedenker}
- {text: "Geachte, mijn schulden", style: formal_letter, leefgebieden: [financien], doelgroepen: [], route: meedenker}
""", encoding="utf-8")
    cases = load_cases(path)
    predictions = [Prediction(frozenset({"gezondheid"}), frozenset(), "meedenker", tier="check", suspected="crisis_113"),
                   Prediction(frozenset({"wonen"}), frozenset(), "meedenker", tier="check", suspected="crisis_112"),
                   Prediction(frozenset({"financien"}), frozenset(), "meedenker")]
    figures = score(cases, predictions)
    assert figures["by_style"]["typos"]["crisis_recall_any_tier"] == 1.0
    assert figures["by_style"]["typos"]["ordinary_safety_check"] == 1.0
    assert figures["by_style"]["formal_letter"]["ordinary_safety_check"] == 0.0
    # No crisis message in this style: nothing to report, so no gate reads it as "heard none".
    assert figures["by_style"]["formal_letter"]["crisis_recall_any_tier"] is None
    assert figures["ordinary_safety_check"] == 0.5 and figures["crisis_right_route_any_tier"] == 1.0
