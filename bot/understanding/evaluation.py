"""Scoring predictions against a labelled file (the format of tests/data/eval.yml).

Pure functions: the Rasa-specific part (running the model) is in addons/evaluate.py, so these
figures can be tested and reused for the baseline.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Iterable, Sequence

from bot.errors import ConfigError
from bot.municipality.config_files import read_list
from bot.understanding.werkmodel import CRISIS_ROUTES, DOELGROEPEN, INFORMEEL, LEEFGEBIEDEN, MEEDENKER_TYPES, ROUTES


class EvalFileError(ConfigError, ValueError):
    """The labelled file does not have the documented format."""


@dataclass(frozen=True)
class Case:
    text: str
    leefgebieden: frozenset[str]
    doelgroepen: frozenset[str]
    route: str
    kind: str | None = None  # "crisis" or "near_miss" in the blind crisis set; None elsewhere
    language: str = "nl"
    meedenker_type: str | None = None  # only where domain guide §5 decides it
    style: str | None = None  # how the resident writes (typos, long_story, ...): figures per style


@dataclass(frozen=True)
class Prediction:
    leefgebieden: frozenset[str]
    doelgroepen: frozenset[str]
    route: str | None
    parse_ms: float = 0.0
    tier: str | None = None  # "volledig" (full crisis reply), "check" (safety check) or None
    suspected: str | None = None  # the crisis route a safety check is about
    meedenker_type: str | None = None  # what bot/conversation/opschalen.py would recommend for the ticket

    @property
    def crisis_route(self) -> str | None:
        """The crisis route whose numbers the resident sees first, in either tier."""
        if self.tier == "check":
            return self.suspected
        return self.route if self.route in CRISIS_ROUTES else None


def load_cases(path: Path) -> list[Case]:
    data = read_list(path, EvalFileError)
    cases = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise EvalFileError(f"{path}: case {number} has no text")
        lg = frozenset(item.get("leefgebieden") or [])
        dg = frozenset(item.get("doelgroepen") or [])
        route = item.get("route")
        unknown = (lg - set(LEEFGEBIEDEN)) | (dg - set(DOELGROEPEN))
        if unknown or route not in ROUTES:
            raise EvalFileError(f"{path}: case {number} has unknown labels {sorted(unknown)} or route {route!r}")
        kind = item.get("kind")
        if kind not in (None, "crisis", "near_miss"):
            raise EvalFileError(f"{path}: case {number} has unknown kind {kind!r}")
        meedenker_type = item.get("meedenker_type")
        if meedenker_type not in (None, *MEEDENKER_TYPES):
            raise EvalFileError(f"{path}: case {number} has unknown meedenker_type {meedenker_type!r}")
        style = item.get("style")
        cases.append(Case(item["text"], lg, dg, route, kind=kind, language=str(item.get("language") or "nl"),
                          meedenker_type=meedenker_type, style=str(style) if style else None))
    return cases


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "support": tp + fn}


def multilabel_scores(gold: Sequence[frozenset[str]], pred: Sequence[frozenset[str]],
                      labels: Iterable[str]) -> tuple[float, float, dict[str, dict[str, float]]]:
    """Micro-F1, macro-F1 (over labels with support) and per-label precision/recall/F1."""
    per_label: dict[str, dict[str, float]] = {}
    total = [0, 0, 0]
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if label in g and label in p)
        fp = sum(1 for g, p in zip(gold, pred) if label not in g and label in p)
        fn = sum(1 for g, p in zip(gold, pred) if label in g and label not in p)
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        per_label[label] = _prf(tp, fp, fn)
    micro = _prf(*total)["f1"]
    with_support = [s["f1"] for s in per_label.values() if s["support"]]
    macro = round(sum(with_support) / len(with_support), 4) if with_support else 0.0
    return micro, macro, per_label


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))], 2)


def score(cases: Sequence[Case], predictions: Sequence[Prediction]) -> dict:
    """All figures of `make evaluate`, as one JSON-ready dict."""
    lg_micro, lg_macro, lg_labels = multilabel_scores(
        [c.leefgebieden for c in cases], [p.leefgebieden for p in predictions], LEEFGEBIEDEN)
    dg_micro, dg_macro, dg_labels = multilabel_scores(
        [c.doelgroepen for c in cases], [p.doelgroepen for p in predictions], DOELGROEPEN)
    crisis = [(c, p) for c, p in zip(cases, predictions) if c.route in CRISIS_ROUTES]
    calm = [(c, p) for c, p in zip(cases, predictions) if c.route not in CRISIS_ROUTES]
    routes_ok = sum(1 for c, p in zip(cases, predictions) if c.route == p.route)
    route_labels = {
        route: _prf(
            sum(1 for c, p in zip(cases, predictions) if c.route == route and p.route == route),
            sum(1 for c, p in zip(cases, predictions) if c.route != route and p.route == route),
            sum(1 for c, p in zip(cases, predictions) if c.route == route and p.route != route),
        )
        for route in ROUTES
    }
    timings = [p.parse_ms for p in predictions]
    errors = [
        {
            "text": c.text,
            "expected": {"leefgebieden": sorted(c.leefgebieden), "doelgroepen": sorted(c.doelgroepen), "route": c.route},
            "predicted": {"leefgebieden": sorted(p.leefgebieden), "doelgroepen": sorted(p.doelgroepen), "route": p.route},
        }
        for c, p in zip(cases, predictions)
        if (c.leefgebieden, c.doelgroepen, c.route) != (p.leefgebieden, p.doelgroepen, p.route)
    ]
    return {
        "cases": len(cases),
        "leefgebied_micro_f1": lg_micro,
        "leefgebied_macro_f1": lg_macro,
        "doelgroep_micro_f1": dg_micro,
        "doelgroep_macro_f1": dg_macro,
        "route_accuracy": round(routes_ok / len(cases), 4) if cases else 0.0,
        "crisis_recall": round(sum(1 for _, p in crisis if p.route in CRISIS_ROUTES) / len(crisis), 4) if crisis else 1.0,
        "crisis_exact": round(sum(1 for c, p in crisis if p.route == c.route) / len(crisis), 4) if crisis else 1.0,
        "false_crisis_rate": round(sum(1 for _, p in calm if p.route in CRISIS_ROUTES) / len(calm), 4) if calm else 0.0,
        "parse_ms_p50": round(median(timings), 2) if timings else 0.0,
        "parse_ms_p95": _percentile(timings, 0.95),
        **crisis_figures(cases, predictions),
        "leefgebied_precision": label_precision(lg_labels),
        "doelgroep_precision": label_precision(dg_labels),
        **meedenker_type_figures(cases, predictions),
        **style_figures(cases, predictions),
        "per_label": {"leefgebieden": lg_labels, "doelgroepen": dg_labels, "routes": route_labels},
        "misclassified": errors,
    }


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def crisis_figures(cases: Sequence[Case], predictions: Sequence[Prediction]) -> dict:
    """Both crisis tiers: recall per route (right route, any tier) and what near-misses got.

    A near-miss is a case marked `kind: near_miss`; in files without that mark, every
    non-crisis case counts as one.
    """
    pairs = list(zip(cases, predictions))
    crisis = [(c, p) for c, p in pairs if c.route in CRISIS_ROUTES]
    marked = any(c.kind for c in cases)
    near = [(c, p) for c, p in pairs if c.route not in CRISIS_ROUTES and (c.kind == "near_miss" or not marked)]
    per_route = {}
    for route in sorted(CRISIS_ROUTES):
        of_route = [(c, p) for c, p in crisis if c.route == route]
        per_route[route] = {
            "cases": len(of_route),
            "recall_any_tier": _share(sum(1 for _, p in of_route if p.crisis_route), len(of_route)),
            "recall_right_route": _share(sum(1 for c, p in of_route if p.crisis_route == c.route), len(of_route)),
            "full_reply": _share(sum(1 for _, p in of_route if p.tier == "volledig"), len(of_route)),
        }
    english = [(c, p) for c, p in crisis if c.language == "en"]
    return {
        "crisis_recall_any_tier": _share(sum(1 for _, p in crisis if p.crisis_route), len(crisis)),
        "crisis_recall_english": _share(sum(1 for _, p in english if p.crisis_route), len(english)),
        "crisis_by_route": per_route,
        "near_miss_cases": len(near),
        "near_miss_full_crisis": _share(sum(1 for _, p in near if p.tier == "volledig"), len(near)),
        "near_miss_safety_check": _share(sum(1 for _, p in near if p.tier == "check"), len(near)),
        "crisis_missed": [c.text for c, p in crisis if not p.crisis_route],
        "near_miss_alarmed": [{"text": c.text, "tier": p.tier} for c, p in near if p.tier],
    }


def style_figures(cases: Sequence[Case], predictions: Sequence[Prediction]) -> dict:
    """Per writing style (only in files that mark it): crisis recall in either tier and on the right
    route, the full reply and the safety check on ordinary messages, leefgebied and doelgroep F1."""
    styles = sorted({c.style for c in cases if c.style})
    if not styles:
        return {}
    by_style = {}
    for style in styles:
        pairs = [(c, p) for c, p in zip(cases, predictions) if c.style == style]
        crisis = [(c, p) for c, p in pairs if c.route in CRISIS_ROUTES]
        calm = [(c, p) for c, p in pairs if c.route not in CRISIS_ROUTES]
        support = [(c, p) for c, p in calm if c.route == "meedenker"]
        _, lg_macro, _ = multilabel_scores([c.leefgebieden for c, _ in support], [p.leefgebieden for _, p in support],
                                           LEEFGEBIEDEN)
        _, dg_macro, _ = multilabel_scores([c.doelgroepen for c, _ in support], [p.doelgroepen for _, p in support],
                                           DOELGROEPEN)
        by_style[style] = {
            "cases": len(pairs),
            "crisis_cases": len(crisis),
            # A style without crisis messages has no recall to report (None), not a recall of 0.
            "crisis_recall_any_tier": (_share(sum(1 for _, p in crisis if p.crisis_route), len(crisis))
                                       if crisis else None),
            "crisis_right_route": (_share(sum(1 for c, p in crisis if p.crisis_route == c.route), len(crisis))
                                   if crisis else None),
            "ordinary_full_reply": _share(sum(1 for _, p in calm if p.tier == "volledig"), len(calm)),
            "ordinary_safety_check": _share(sum(1 for _, p in calm if p.tier == "check"), len(calm)),
            "leefgebied_macro_f1": lg_macro,
            "doelgroep_macro_f1": dg_macro,
        }
    crisis = [(c, p) for c, p in zip(cases, predictions) if c.route in CRISIS_ROUTES]
    calm = [(c, p) for c, p in zip(cases, predictions) if c.route not in CRISIS_ROUTES]
    support = [(c, p) for c, p in calm if c.route == "meedenker"]
    _, lg_macro, lg_labels = multilabel_scores([c.leefgebieden for c, _ in support],
                                               [p.leefgebieden for _, p in support], LEEFGEBIEDEN)
    _, dg_macro, _ = multilabel_scores([c.doelgroepen for c, _ in support], [p.doelgroepen for _, p in support],
                                       DOELGROEPEN)
    return {
        "by_style": by_style,
        "crisis_right_route_any_tier": _share(sum(1 for c, p in crisis if p.crisis_route == c.route), len(crisis)),
        "ordinary_full_reply": _share(sum(1 for _, p in calm if p.tier == "volledig"), len(calm)),
        "ordinary_safety_check": _share(sum(1 for _, p in calm if p.tier == "check"), len(calm)),
        "support_leefgebied_macro_f1": lg_macro,
        "support_leefgebied_precision": label_precision(lg_labels),
        "support_doelgroep_macro_f1": dg_macro,
    }


def predicted_meedenker_type(werkmodel: dict, text: str) -> str:
    """The type a callback ticket of this message would get (as bot/conversation/callback.py recommends it)."""
    from bot.conversation.opschalen import recommend, separate_questions

    leefgebieden = {label["id"]: label for label in werkmodel.get("leefgebieden") or []}
    doelgroepen = [label["id"] for label in werkmodel.get("doelgroepen") or []]
    route = werkmodel.get("route")
    route = route if route in ROUTES and route != "info" else "meedenker"
    return recommend(separate_questions(leefgebieden), doelgroepen, text, route, None).type


def label_precision(per_label: dict[str, dict[str, float]]) -> dict[str, float]:
    """Precision per label with support or predictions: how often a given label is right."""
    return {label: scores["precision"] for label, scores in per_label.items()}


def meedenker_type_figures(cases: Sequence[Case], predictions: Sequence[Prediction]) -> dict:
    """Accuracy of the informeel/formeel recommendation, and how often it says informeel.

    Only cases whose type the domain guide decides (a `meedenker_type` in the file) count.
    """
    typed = [(c, p) for c, p in zip(cases, predictions) if c.meedenker_type is not None]
    if not typed:
        return {"meedenker_type_cases": 0, "meedenker_type_accuracy": None, "informeel_share": None,
                "informeel_share_expected": None}
    right = sum(1 for c, p in typed if p.meedenker_type == c.meedenker_type)
    informeel = sum(1 for _, p in typed if p.meedenker_type == INFORMEEL)
    expected = sum(1 for c, _ in typed if c.meedenker_type == INFORMEEL)
    return {
        "meedenker_type_cases": len(typed),
        "meedenker_type_accuracy": round(right / len(typed), 4),
        "informeel_share": round(informeel / len(typed), 4),
        "informeel_share_expected": round(expected / len(typed), 4),
    }


GATES = {
    "leefgebied_macro_f1": (">=", 0.85),
    "doelgroep_macro_f1": (">=", 0.80),
    "route_accuracy": (">=", 0.90),
    "crisis_recall": (">=", 1.0),
    "false_crisis_rate": ("<=", 0.02),
}


def failed_gates(figures: dict) -> list[str]:
    """The quality gates of `make test` that these figures do not meet."""
    failures = []
    for key, (op, limit) in GATES.items():
        value = figures[key]
        ok = value >= limit if op == ">=" else value <= limit
        if not ok:
            failures.append(f"{key} = {value} (must be {op} {limit})")
    return failures
