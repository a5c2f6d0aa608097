"""The second crisis net: recognises crisis by meaning, not by phrase.

Why: residents in danger rarely use the words a rule list expects (a child telling in a child's
words, a farewell, a question about a method). The reviewed rules in bot/crisis.py stay first;
this net is a logistic regression on sentence embeddings (bot/encoder.py, multilingual-e5-small,
Dutch and English) of the crisis and non-crisis examples in data/nlu/. It answers with a
probability per crisis route; bot/routing.py turns a high one into a gentle safety check, never
on its own into the full crisis reply, unless the net is very sure.

The check thresholds are chosen at training time from cross-validated predictions on the training
examples (never from an evaluation file): the highest threshold that still finds `TARGET_RECALL`
of the crisis examples, within [MIN_THRESHOLD, MAX_THRESHOLD]. English messages get a more
sensitive one (`ENGLISH_TARGET_RECALL`): the intent model never saw English, so for them the
semantic net is the only model that reads the meaning.
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from bot.encoder import embed_cached, embed_one
from bot.werkmodel import ROUTE_CRISIS_112, ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS

NONE = "geen"
CLASSES: tuple[str, ...] = (NONE, ROUTE_CRISIS_113, ROUTE_CRISIS_112, ROUTE_CRISIS_VEILIG_THUIS)
TARGET_RECALL = 0.97
ENGLISH_TARGET_RECALL = 0.98
MIN_THRESHOLD = 0.2
MAX_THRESHOLD = 0.5
# Above this the net alone may give the full crisis reply (it is almost never this sure of a
# near-miss in cross-validation); below it and above the threshold: the safety check.
SURE = 0.97
# Regularisation chosen by 5-fold cross-validation on data/nlu (C = 1, 4, 16): 16 finds as
# many crisis examples at the check threshold with fewer non-crisis ones.
_C = 16.0


@dataclass(frozen=True)
class CrisisScores:
    """What the net thinks of one message."""

    crisis: float  # probability that the message is any crisis
    route: str  # the most likely crisis route
    route_probability: float

    def as_dict(self) -> dict[str, float | str]:
        return {"crisis": round(self.crisis, 4), "route": self.route,
                "route_probability": round(self.route_probability, 4)}


class CrisisNet:
    def __init__(self, model: LogisticRegression, threshold: float, cv_recall: float,
                 english_threshold: float | None = None) -> None:
        self.model = model
        self.threshold = threshold
        self.cv_recall = cv_recall
        self.english_threshold = threshold if english_threshold is None else english_threshold

    @classmethod
    def train(cls, texts: Sequence[str], routes: Sequence[str | None],
              cache_dir: Path | None = None) -> "CrisisNet":
        """`routes[i]` is the crisis route of `texts[i]`, or None for a non-crisis example."""
        labels = np.array([CLASSES.index(r) if r in CLASSES else 0 for r in routes])
        vectors = embed_cached(list(texts), cache_dir)
        model = LogisticRegression(C=_C, max_iter=2000, class_weight="balanced")
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
        probabilities = cross_val_predict(model, vectors, labels, cv=folds, method="predict_proba")
        threshold, recall = choose_threshold(1.0 - probabilities[:, 0], labels > 0)
        english, _ = choose_threshold(1.0 - probabilities[:, 0], labels > 0, ENGLISH_TARGET_RECALL)
        model.fit(vectors, labels)
        return cls(model, threshold, recall, english)

    def score(self, text: str) -> CrisisScores:
        return self.score_vector(embed_one(text))

    def score_vector(self, vector: np.ndarray) -> CrisisScores:
        probabilities = self.model.predict_proba(vector.reshape(1, -1))[0]
        by_class = {CLASSES[int(c)]: float(p) for c, p in zip(self.model.classes_, probabilities)}
        crisis_routes = [c for c in CLASSES[1:] if c in by_class]
        best = max(crisis_routes, key=lambda c: by_class[c])
        return CrisisScores(1.0 - by_class.get(NONE, 0.0), best, by_class[best])

    def dumps(self) -> bytes:
        return pickle.dumps({"model": self.model, "threshold": self.threshold, "cv_recall": self.cv_recall,
                             "english_threshold": self.english_threshold})

    @classmethod
    def loads(cls, data: bytes) -> "CrisisNet":
        state = pickle.loads(data)  # noqa: S301 - our own model file
        return cls(state["model"], state["threshold"], state["cv_recall"], state.get("english_threshold"))


def choose_threshold(crisis_probability: np.ndarray, is_crisis: np.ndarray,
                     target: float = TARGET_RECALL) -> tuple[float, float]:
    """The highest threshold that keeps `target` of the crisis examples (and that recall)."""
    positives = np.sort(crisis_probability[is_crisis])
    if positives.size == 0:
        return MIN_THRESHOLD, 1.0
    index = int(np.floor((1.0 - target) * positives.size))
    threshold = float(np.clip(positives[index], MIN_THRESHOLD, MAX_THRESHOLD))
    recall = float(np.mean(positives >= threshold))
    return round(threshold, 4), round(recall, 4)
