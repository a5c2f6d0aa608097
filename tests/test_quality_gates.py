"""The quality gates of issue 4 on our own evaluation file (tests/data/eval.yml), through the
trained model exactly as `make evaluate` runs it. The figures are an estimate, not a target:
the eval file is written apart from the training data (tests/test_data_independence.py)."""
from __future__ import annotations

import pytest

from addons.evaluate import evaluate
from bot.ops.settings import PROJECT_ROOT
from tests.conftest import MODEL

GATES_MIN = {"leefgebied_macro_f1": 0.85, "doelgroep_macro_f1": 0.80, "route_accuracy": 0.90, "crisis_recall": 1.0}
GATES_MAX = {"false_crisis_rate": 0.02}


def scored(name: str) -> dict:
    """`make evaluate` of one file in tests/data with the trained model."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run 'make train' (make test does it)")
    return evaluate(PROJECT_ROOT / "tests" / "data" / name, MODEL, with_baseline=False)


@pytest.fixture(scope="module")
def figures() -> dict:
    return scored("eval.yml")


@pytest.mark.parametrize("name,minimum", sorted(GATES_MIN.items()))
def test_figure_reaches_its_gate(figures, name, minimum):
    missed = [c["text"] for c in figures["misclassified"]
              if name == "crisis_recall" and c["expected"]["route"].startswith("crisis")
              and not (c["predicted"]["route"] or "").startswith("crisis")]
    assert figures[name] >= minimum, f"{name} = {figures[name]} < {minimum}; crisis missed: {missed}"


@pytest.mark.parametrize("name,maximum", sorted(GATES_MAX.items()))
def test_figure_stays_under_its_gate(figures, name, maximum):
    false_alarms = [c["text"] for c in figures["misclassified"]
                    if (c["predicted"]["route"] or "").startswith("crisis")
                    and not c["expected"]["route"].startswith("crisis")]
    assert figures[name] <= maximum, f"{name} = {figures[name]} > {maximum}; false alarms: {false_alarms}"


# Issue 8: on tests/data/eval.yml no figure may fall below what had landed before the semantic
# crisis net (README, 2026-11-25); a false alarm rate may not rise above it.
# Doelgroep macro-F1 (0.905 then) fell to 0.896 when issue 9 gave a doelgroep only with
# content-word evidence; with the sentence embedding as a feature (bot/understanding/classifier.py) it is back
# above what had landed, so it is gated again.
LANDED_MIN = {"leefgebied_macro_f1": 0.852, "doelgroep_macro_f1": 0.905, "route_accuracy": 0.938,
              "crisis_recall": 1.0, "crisis_exact": 0.983}
LANDED_MAX = {"false_crisis_rate": 0.015}


@pytest.mark.parametrize("name,landed", sorted(LANDED_MIN.items()))
def test_eval_figure_is_no_lower_than_before_the_semantic_net(figures, name, landed):
    assert figures[name] >= landed, f"{name} = {figures[name]} < {landed} (landed before issue 8)"


@pytest.mark.parametrize("name,landed", sorted(LANDED_MAX.items()))
def test_eval_false_alarms_are_no_higher_than_before_the_semantic_net(figures, name, landed):
    assert figures[name] <= landed, f"{name} = {figures[name]} > {landed}: {figures['near_miss_alarmed']}"


# Issue 8's gates on the blind crisis set (tests/data/crisis_blind.yml, written by a helper who saw
# neither rules, training data nor other evaluation files): recall in either tier per route, and
# how often a near-miss gets the full crisis reply or the safety check.
BLIND_RECALL_PER_ROUTE = 0.95
BLIND_NEAR_MISS_FULL = 0.03
BLIND_NEAR_MISS_CHECK = 0.15


@pytest.fixture(scope="module")
def blind() -> dict:
    return scored("crisis_blind.yml")


@pytest.mark.parametrize("route", ["crisis_112", "crisis_113", "crisis_veilig_thuis"])
def test_blind_crisis_recall_in_either_tier_per_route(blind, route):
    figures = blind["crisis_by_route"][route]
    assert figures["cases"] >= 40
    assert figures["recall_any_tier"] >= BLIND_RECALL_PER_ROUTE, (
        f"{route}: {figures}; missed: {blind['crisis_missed']}")


def test_blind_near_misses_rarely_get_the_full_crisis_reply(blind):
    full = [a["text"] for a in blind["near_miss_alarmed"] if a["tier"] == "volledig"]
    assert blind["near_miss_full_crisis"] <= BLIND_NEAR_MISS_FULL, full


def test_blind_near_misses_rarely_get_the_safety_check(blind):
    checked = [a["text"] for a in blind["near_miss_alarmed"] if a["tier"] == "check"]
    assert blind["near_miss_safety_check"] <= BLIND_NEAR_MISS_CHECK, checked


def test_blind_set_covers_english_and_near_misses(blind):
    assert blind["near_miss_cases"] >= 100 and blind["crisis_recall_english"] >= BLIND_RECALL_PER_ROUTE

# Issue 9: honest labels and an honest informeel/formeel recommendation.
LEEFGEBIED_PRECISION_MIN = 0.80
MEEDENKER_TYPE_ACCURACY_MIN = 0.85
INFORMEEL_SHARE_SLACK = 0.05  # the recommendation may not drift to formeel behind our backs


@pytest.mark.parametrize("label", ["wonen", "leren", "werken", "sociale_relaties", "gezondheid", "financien"])
def test_every_leefgebied_is_right_when_given(figures, label):
    wrong = [c["text"] for c in figures["misclassified"]
             if label in c["predicted"]["leefgebieden"] and label not in c["expected"]["leefgebieden"]]
    precision = figures["leefgebied_precision"][label]
    assert precision >= LEEFGEBIED_PRECISION_MIN, f"{label} precision {precision}; wrongly given to: {wrong[:10]}"


def test_the_meedenker_type_follows_the_domain_guide(figures):
    assert figures["meedenker_type_cases"] >= 200
    assert figures["meedenker_type_accuracy"] >= MEEDENKER_TYPE_ACCURACY_MIN


def test_informeel_where_it_can(figures):
    assert figures["informeel_share"] >= figures["informeel_share_expected"] - INFORMEEL_SHARE_SLACK, (
        f"informeel {figures['informeel_share']} vs expected {figures['informeel_share_expected']}")


# The blind everyday set (tests/data/everyday_blind.yml: 170 ordinary worries without danger,
# written by a helper who saw neither training data, rules nor other evaluation files, committed
# before it was first scored). An everyday question about debts or a parent with dementia should
# almost never be asked "Bent u in gevaar?", and never get the full crisis reply by mistake.
EVERYDAY_FULL_MAX = 0.01
EVERYDAY_CHECK_MAX = 0.05


@pytest.fixture(scope="module")
def everyday() -> dict:
    return scored("everyday_blind.yml")


def test_everyday_worries_get_no_crisis_reply_and_rarely_the_safety_check(everyday):
    assert everyday["near_miss_cases"] >= 150
    alarmed = everyday["near_miss_alarmed"]
    assert everyday["near_miss_full_crisis"] <= EVERYDAY_FULL_MAX, [a["text"] for a in alarmed if a["tier"] == "volledig"]
    assert everyday["near_miss_safety_check"] <= EVERYDAY_CHECK_MAX, [a["text"] for a in alarmed if a["tier"] == "check"]


def test_everyday_worries_reach_the_right_route(everyday):
    assert everyday["route_accuracy"] >= 0.90 and everyday["leefgebied_macro_f1"] >= 0.80


# Issue 24: the blind messy set (tests/data/messy_blind.yml: 313 first messages in 12 writing styles,
# 78 crisis, 51 near-misses, written by a helper who saw no code, training data or other evaluation
# file, committed before its first score). First and final scores are in the README ("The words
# residents really use"). Recall is gated at the issue's target; the false-alarm and leefgebied
# lines guard what was reached, which is still short of the target (0.5 % / 3 % / 0.85).
MESSY_RECALL_PER_STYLE = 0.97
MESSY_RIGHT_ROUTE = 0.95
MESSY_ORDINARY_FULL_MAX = 0.02
MESSY_ORDINARY_CHECK_MAX = 0.065  # 0.08 until the heavy-but-ordinary round (measured 0.051)
MESSY_LEEFGEBIED_MACRO_F1 = 0.83
MESSY_DOELGROEP_MACRO_F1 = 0.88


@pytest.fixture(scope="module")
def messy() -> dict:
    return scored("messy_blind.yml")


def test_messy_set_covers_the_styles_and_routes(messy):
    assert len(messy["by_style"]) >= 10 and messy["cases"] >= 250
    assert all(r["cases"] >= 20 for r in messy["crisis_by_route"].values()) and messy["near_miss_cases"] >= 30


@pytest.mark.parametrize("style", ["typos", "dictation", "low_literacy", "second_language", "straattaal",
                                   "formal_letter", "long_story", "for_someone_else", "vague", "flemish",
                                   "surinamese", "english"])
def test_danger_is_heard_in_every_writing_style(messy, style):
    figures = messy["by_style"][style]
    assert figures["crisis_recall_any_tier"] >= MESSY_RECALL_PER_STYLE, (figures, messy["crisis_missed"])


def test_danger_in_messy_text_gets_the_right_numbers(messy):
    assert messy["crisis_right_route_any_tier"] >= MESSY_RIGHT_ROUTE


def test_ordinary_messy_messages_rarely_get_a_crisis_reply(messy):
    alarmed = messy["near_miss_alarmed"]
    assert messy["ordinary_full_reply"] <= MESSY_ORDINARY_FULL_MAX, [a["text"] for a in alarmed if a["tier"] == "volledig"]
    assert messy["ordinary_safety_check"] <= MESSY_ORDINARY_CHECK_MAX, [a["text"] for a in alarmed if a["tier"] == "check"]


def test_messy_support_questions_are_placed_on_the_werkmodel(messy):
    assert messy["support_leefgebied_macro_f1"] >= MESSY_LEEFGEBIED_MACRO_F1
    assert messy["support_doelgroep_macro_f1"] >= MESSY_DOELGROEP_MACRO_F1



# The second blind messy set and the heavy-but-ordinary set (tests/data/messy_blind_2.yml, 264
# messages; tests/data/heavy_ordinary.yml, 380: 300 heavy but not a crisis, 80 subtle crises), both
# written by helpers who saw no code or data. heavy_ordinary.yml then served to choose the long-
# message check threshold and MODEL_FULL_SEMANTIC (bot/understanding/routing.py), so its figures are
# no longer blind; messy_blind_2 was used for the previous round's fixes. First -> now (check):
# messy_blind_2 0.069 -> 0.054, heavy_ordinary 0.110 -> 0.080 (full 0.067 -> 0.010).
# A fourth, tests/data/messy_blind_3.yml (320: 250 ordinary or near-miss, 70 crises; 2026-12-07),
# first score: crisis either tier 0.986 (one miss), full reply on ordinary 0.020, check 0.072; it
# then served for issue 24 round 4 (docs/measurements.md): 1.000, 0.000, 0.072.
# A fifth, tests/data/messy_blind_5.yml (300 in 15 styles: 70 crises, 45 near-misses; 2026-12-07, by a
# helper who read only domain.md, conversation.md and docs/labelling.md), first score on the model of
# that day: crisis either tier 1.000 and right route 1.000 in every style, full reply on ordinary
# 0.004, check 0.035, leefgebied macro-F1 0.818 (lowest precision 0.60, sociale_relaties). Not tuned on.
FURTHER_SETS = {"messy_blind_2.yml": (0.005, 0.065), "heavy_ordinary.yml": (0.02, 0.09), "messy_blind_3.yml": (0.005, 0.085),
                "messy_blind_4.yml": (0.005, 0.065), "messy_blind_5.yml": (0.01, 0.045)}


@pytest.fixture(scope="module", params=sorted(FURTHER_SETS))
def further(request) -> tuple[str, dict]:
    return request.param, scored(request.param)


def test_further_blind_sets_hear_danger_in_every_style(further):
    name, figures = further
    low = {style: f["crisis_recall_any_tier"] for style, f in figures["by_style"].items()
           if f.get("crisis_recall_any_tier") is not None and f["crisis_recall_any_tier"] < MESSY_RECALL_PER_STYLE}
    assert len(figures["by_style"]) >= 10 and low == {}, (name, low, figures["crisis_missed"])
    assert figures["crisis_right_route_any_tier"] >= MESSY_RIGHT_ROUTE, name


def test_further_blind_sets_rarely_alarm_on_ordinary_messages(further):
    name, figures = further
    full, check = FURTHER_SETS[name]
    alarmed = figures["near_miss_alarmed"]
    assert figures["ordinary_full_reply"] <= full, (name, [a["text"] for a in alarmed if a["tier"] == "volledig"])
    assert figures["ordinary_safety_check"] <= check, (name, [a["text"] for a in alarmed if a["tier"] == "check"])
