"""The second crisis net: recognises crisis by meaning, not by phrase.

Why: residents in danger rarely use the words a rule list expects (a child telling in a child's
words, a farewell, a question about a method). The reviewed rules in bot/understanding/crisis/ stay first;
this net is a logistic regression on sentence embeddings (bot/understanding/encoder.py, multilingual-e5-small,
Dutch and English) of the crisis and non-crisis examples in data/nlu/, beside TF-IDF word and
character features of the same texts: by meaning alone the net could not tell "we zitten elkaar
in de weg" from violence at home (README, "Crisis: two nets"). It answers with a
probability per crisis route; bot/understanding/routing.py turns a high one into a gentle safety check, never
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
from scipy.sparse import csr_matrix, hstack
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from bot.understanding.encoder import embed_cached, embed_one
from bot.understanding.languages import DUTCH, detect
from bot.understanding.werkmodel import ROUTE_CRISIS_112, ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS

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
# The embedding's weight beside the TF-IDF features, chosen by the same cross-validation
# (2488 examples, 97 % of crisis examples above the threshold): embeddings alone put 14.0 % of the
# non-crisis examples above it, embeddings ×2 with TF-IDF 6.2 %, ×4 with TF-IDF 7.1 %.
EMBEDDING_WEIGHT = 2.0


@dataclass
class Features:
    """TF-IDF words and character n-grams of the training texts, and the weighted embedding."""

    words: TfidfVectorizer
    chars: TfidfVectorizer

    @classmethod
    def fit(cls, texts: Sequence[str]) -> "Features":
        words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True)
        return cls(words.fit(texts), chars.fit(texts))

    def transform(self, texts: Sequence[str], vectors: np.ndarray):
        return hstack([self.words.transform(texts), self.chars.transform(texts),
                       csr_matrix(vectors * EMBEDDING_WEIGHT)]).tocsr()


class _WithFeatures(BaseEstimator, ClassifierMixin):
    """Fits the TF-IDF vocabulary inside each fold, so cross-validation sees no held-out words."""

    def __init__(self, texts: Sequence[str] = (), vectors: np.ndarray | None = None) -> None:
        self.texts = texts
        self.vectors = vectors

    def fit(self, rows: np.ndarray, labels: np.ndarray) -> "_WithFeatures":
        index = rows.ravel().astype(int)
        self.features_ = Features.fit([self.texts[i] for i in index])
        self.model_ = LogisticRegression(C=_C, max_iter=3000, class_weight="balanced")
        self.model_.fit(self._x(index), labels)
        self.classes_ = self.model_.classes_
        return self

    def _x(self, index: np.ndarray):
        return self.features_.transform([self.texts[i] for i in index], self.vectors[index])

    def predict_proba(self, rows: np.ndarray) -> np.ndarray:
        return self.model_.predict_proba(self._x(rows.ravel().astype(int)))


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
    """Dutch messages: embeddings with TF-IDF (`model`, `features`); English ones: embeddings only
    (`english_model`), since the TF-IDF vocabulary is Dutch and on English it only adds noise (in
    cross-validation it lost English crisis examples the embeddings alone found)."""

    def __init__(self, model: LogisticRegression, threshold: float, cv_recall: float,
                 english_threshold: float | None = None, features: Features | None = None,
                 english_model: LogisticRegression | None = None) -> None:
        self.model = model
        self.threshold = threshold
        self.cv_recall = cv_recall
        self.english_threshold = threshold if english_threshold is None else english_threshold
        self.features = features  # None: a model of embeddings only (trained before TF-IDF was added)
        self.english_model = english_model

    @classmethod
    def train(cls, texts: Sequence[str], routes: Sequence[str | None],
              cache_dir: Path | None = None) -> "CrisisNet":
        """`routes[i]` is the crisis route of `texts[i]`, or None for a non-crisis example."""
        texts = list(texts)
        labels = np.array([CLASSES.index(r) if r in CLASSES else 0 for r in routes])
        vectors = embed_cached(texts, cache_dir)
        rows = np.arange(len(texts)).reshape(-1, 1)
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
        probabilities = cross_val_predict(_WithFeatures(texts, vectors), rows, labels, cv=folds, method="predict_proba")
        threshold, recall = choose_threshold(1.0 - probabilities[:, 0], labels > 0)
        english_model = LogisticRegression(C=_C, max_iter=2000, class_weight="balanced")
        by_meaning = cross_val_predict(english_model, vectors, labels, cv=folds, method="predict_proba")
        english, _ = choose_threshold(1.0 - by_meaning[:, 0], labels > 0, ENGLISH_TARGET_RECALL)
        final = _WithFeatures(texts, vectors).fit(rows, labels)
        return cls(final.model_, threshold, recall, english, final.features_, english_model.fit(vectors, labels))

    def score(self, text: str) -> CrisisScores:
        vector = embed_one(text)
        # Any language but Dutch is read by meaning only: the TF-IDF words are Dutch (issue 27).
        if self.english_model is not None and detect(text) != DUTCH:
            return self._scores(self.english_model.predict_proba(vector.reshape(1, -1))[0])
        if self.features is None:
            return self.score_vector(vector)
        return self._scores(self.model.predict_proba(self.features.transform([text], vector.reshape(1, -1)))[0])

    def score_vector(self, vector: np.ndarray) -> CrisisScores:
        """Embeddings-only models (the text is needed for the TF-IDF features)."""
        return self._scores(self.model.predict_proba(vector.reshape(1, -1))[0])

    def _scores(self, probabilities: np.ndarray) -> CrisisScores:
        by_class = {CLASSES[int(c)]: float(p) for c, p in zip(self.model.classes_, probabilities)}
        crisis_routes = [c for c in CLASSES[1:] if c in by_class]
        best = max(crisis_routes, key=lambda c: by_class[c])
        return CrisisScores(1.0 - by_class.get(NONE, 0.0), best, by_class[best])

    def dumps(self) -> bytes:
        return pickle.dumps({"model": self.model, "threshold": self.threshold, "cv_recall": self.cv_recall,
                             "english_threshold": self.english_threshold, "features": self.features,
                             "english_model": self.english_model})

    @classmethod
    def loads(cls, data: bytes) -> "CrisisNet":
        state = pickle.loads(data)  # noqa: S301 - our own model file
        return cls(state["model"], state["threshold"], state["cv_recall"], state.get("english_threshold"),
                   state.get("features"), state.get("english_model"))


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
