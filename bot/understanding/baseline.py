"""A plain TF-IDF + logistic regression baseline, trained on the same NLU data.

It shows what the real pipeline (spaCy features, crisis rules, lexicon with evidence, routing) adds; the README
reports both from `make evaluate`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from bot.understanding.evaluation import Prediction
from bot.understanding.routing import route_for_intent
from bot.understanding.werkmodel import CRISIS_ROUTES, DOELGROEPEN, LEEFGEBIEDEN


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    leefgebieden: frozenset[str]
    doelgroepen: frozenset[str]


class Baseline:
    def __init__(self, examples: Sequence[Example]) -> None:
        texts = [e.text for e in examples]
        self.vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        x = self.vectorizer.fit_transform(texts)
        self.intents = LogisticRegression(max_iter=2000, class_weight="balanced").fit(x, [e.intent for e in examples])
        self.labels: dict[str, LogisticRegression] = {}
        for label in (*LEEFGEBIEDEN, *DOELGROEPEN):
            y = np.array([label in e.leefgebieden or label in e.doelgroepen for e in examples], dtype=int)
            if 0 < y.sum() < len(y):
                self.labels[label] = LogisticRegression(max_iter=2000, class_weight="balanced").fit(x, y)

    def predict(self, text: str) -> Prediction:
        x = self.vectorizer.transform([text])
        intent = str(self.intents.predict(x)[0])
        found = {label for label, model in self.labels.items() if model.predict_proba(x)[0, 1] >= 0.5}
        route = route_for_intent(intent)
        return Prediction(frozenset(found & set(LEEFGEBIEDEN)), frozenset(found & set(DOELGROEPEN)),
                          route, tier="volledig" if route in CRISIS_ROUTES else None)
