"""The werkmodel classifier: which leefgebieden and doelgroepen a message touches, and why.

Two layers, both explainable to a coordinator:
- a lexicon of explicit wording (bot/understanding/data/werkmodel_lexicon.yml): its matches are the evidence;
- a linear model (TF-IDF words + character n-grams + the sentence embedding of bot/understanding/encoder.py, one
  logistic regression per label) trained on the labelled examples in data/nlu/; its evidence is the
  words that weighed most for the label (the embedding helps decide, but is never shown as evidence).
Doelgroepen follow the labelling rule (domain guide §3): only what the resident states, so the
model alone needs a higher confidence for them than for leefgebieden.
"""
from __future__ import annotations

import pickle
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import yaml
from scipy.sparse import csr_matrix, hstack
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from bot.errors import ConfigError
from bot.understanding.werkmodel import DOELGROEPEN, LEEFGEBIEDEN
from bot.understanding.words import is_content_word

LEXICON_FILE = Path(__file__).parent / "data" / "werkmodel_lexicon.yml"
LEXICON_CONFIDENCE = 0.9
LEEFGEBIED_THRESHOLD = 0.5
DOELGROEP_THRESHOLD = 0.65
# Without a lexicon match the model alone must be surer, and say which content words it used
# (issue 9: "moeder van" and "dementie en" gave financien). A lexicon match the model finds very
# unlikely for the label ("beperking" in "verstandelijke beperking" for gezondheid) is dropped.
MODEL_ONLY_THRESHOLD = 0.7
MIN_WORD_CONTRIBUTION = 0.05
LEXICON_ONLY_MIN_SCORE = 0.2
MIN_EXAMPLES_PER_LABEL = 3
# The sentence embedding (unit length) appended to the TF-IDF features, scaled so that it weighs
# about as much as the words: on the held-out file it lifted leefgebied macro-F1 (README, "Quality").
# It costs nothing extra at run time, since the crisis net embeds every message (bot/understanding/encoder.py).
SEMANTIC_WEIGHT = 2.0


class LexiconError(ConfigError, ValueError):
    """The lexicon names an unknown id or holds a pattern that does not compile."""


@dataclass(frozen=True)
class Label:
    id: str
    confidence: float
    evidence: tuple[str, ...]
    source: str  # "lexicon", "model" or "lexicon+model"

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "confidence": round(self.confidence, 3),
            "evidence": list(self.evidence),
            "source": self.source,
        }


@dataclass(frozen=True)
class Classification:
    leefgebieden: tuple[Label, ...] = ()
    doelgroepen: tuple[Label, ...] = ()

    def as_dict(self) -> dict:
        return {
            "leefgebieden": [label.as_dict() for label in self.leefgebieden],
            "doelgroepen": [label.as_dict() for label in self.doelgroepen],
        }

    @property
    def leefgebied_ids(self) -> list[str]:
        return [label.id for label in self.leefgebieden]

    @property
    def doelgroep_ids(self) -> list[str]:
        return [label.id for label in self.doelgroepen]


@dataclass
class Lexicon:
    patterns: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = LEXICON_FILE) -> "Lexicon":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        patterns: dict[str, list[re.Pattern[str]]] = {}
        for axis, known in (("leefgebieden", LEEFGEBIEDEN), ("doelgroepen", DOELGROEPEN)):
            for label_id, regexes in (data.get(axis) or {}).items():
                if label_id not in known:
                    raise LexiconError(f"{path}: unknown {axis} id '{label_id}'")
                compiled = []
                for regex in regexes:
                    try:
                        compiled.append(re.compile(regex, re.IGNORECASE))
                    except re.error as error:
                        raise LexiconError(f"{path}: {label_id}: bad pattern {regex!r}: {error}") from error
                patterns[label_id] = compiled
        return cls(patterns)

    def evidence(self, label_id: str, text: str) -> tuple[str, ...]:
        found: list[str] = []
        for pattern in self.patterns.get(label_id, ()):
            for match in pattern.finditer(text):
                words = match.group(0).strip()
                if words and words not in found:
                    found.append(words)
        return tuple(found[:5])


def _word_analyzer() -> TfidfVectorizer:
    return TfidfVectorizer(lowercase=True, ngram_range=(1, 2), min_df=1, sublinear_tf=True,
                           token_pattern=r"(?u)\b\w\w+\b")


def _char_analyzer() -> TfidfVectorizer:
    return TfidfVectorizer(lowercase=True, analyzer="char_wb", ngram_range=(3, 5), min_df=2,
                           sublinear_tf=True)


Embedder = Callable[[Sequence[str]], np.ndarray]


def embed_messages(texts: Sequence[str]) -> np.ndarray:
    """At run time: one message at a time, through the per-process cache the crisis net filled."""
    from bot.understanding.encoder import embed_one

    return np.stack([embed_one(text) for text in texts])


@dataclass
class _Models:
    words: TfidfVectorizer
    chars: TfidfVectorizer
    per_label: dict[str, LogisticRegression]
    semantic_weight: float = 0.0  # 0: models trained without the sentence embedding

    def features(self, texts: Sequence[str], embeddings: np.ndarray | None = None):
        parts = [self.words.transform(texts), self.chars.transform(texts)]
        if self.semantic_weight:
            vectors = embed_messages(texts) if embeddings is None else embeddings
            parts.append(csr_matrix(vectors * self.semantic_weight))
        return hstack(parts).tocsr()

    @cached_property
    def stacked(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Every label's coefficients in one matrix: one product scores all labels of a message.

        Why: calling each label's `predict_proba` paid sklearn's input checks once per label (a
        fifth of the werkmodel's time per message); the product and the logistic function are the
        same arithmetic as a binary LogisticRegression's probability of the positive class.
        """
        ids = list(self.per_label)
        if not ids:
            return ids, np.zeros((0, 0)), np.zeros(0)
        weights = np.vstack([self.per_label[i].coef_[0] for i in ids])
        return ids, weights, np.array([self.per_label[i].intercept_[0] for i in ids])

    def scores(self, x: Any) -> dict[str, float]:
        ids, weights, intercepts = self.stacked
        probabilities = expit(np.asarray(x @ weights.T).ravel() + intercepts)
        return {label_id: float(p) for label_id, p in zip(ids, probabilities)}

    @cached_property
    def word_names(self) -> np.ndarray:
        """The word n-grams by column; sklearn rebuilds this array on every call, so keep one."""
        return self.words.get_feature_names_out()


class WerkmodelClassifier:
    """Multi-label classification on both axes of the werkmodel, with evidence."""

    def __init__(self, lexicon: Lexicon, models: _Models | None = None) -> None:
        self.lexicon = lexicon
        self.models = models

    @classmethod
    def train(
        cls,
        examples: Iterable[tuple[str, Iterable[str], Iterable[str]]],
        lexicon: Lexicon | None = None,
        embedder: Embedder | None = None,
    ) -> "WerkmodelClassifier":
        """Train from (text, leefgebieden, doelgroepen) triples; examples without labels count too.

        `embedder` gives the sentence embeddings of the training texts (the component passes the
        disk-cached encoder); without one the model uses the TF-IDF features only.
        """
        rows = [(text, set(lg), set(dg)) for text, lg, dg in examples]
        lexicon = lexicon or Lexicon.load()
        if not rows:
            return cls(lexicon)
        texts = [text for text, _, _ in rows]
        words, chars = _word_analyzer(), _char_analyzer()
        words.fit(texts)
        chars.fit(texts)
        models = _Models(words, chars, {}, SEMANTIC_WEIGHT if embedder else 0.0)
        x = models.features(texts, embedder(texts) if embedder else None)
        for label_id in (*LEEFGEBIEDEN, *DOELGROEPEN):
            y = np.array([label_id in lg or label_id in dg for _, lg, dg in rows], dtype=int)
            if y.sum() < MIN_EXAMPLES_PER_LABEL or y.sum() == len(y):
                continue
            model = LogisticRegression(C=8.0, class_weight="balanced", max_iter=2000)
            model.fit(x, y)
            models.per_label[label_id] = model
        return cls(lexicon, models)

    def _model_scores(self, text: str) -> dict[str, float]:
        if self.models is None or not self.models.per_label:
            return {}
        return self.models.scores(self.models.features([text]))

    def _model_evidence(self, label_id: str, text: str) -> tuple[str, ...]:
        """The content words of the message that weighed most for this label.

        Only single content words count ("dementie", never "dementie en" or "moeder van"), and
        each must weigh at least MIN_WORD_CONTRIBUTION on its own: a coordinator can check it.
        """
        assert self.models is not None
        model = self.models.per_label[label_id]
        vector = self.models.words.transform([text])
        n_words = len(self.models.words.vocabulary_)
        coef = model.coef_[0][:n_words]
        names = self.models.word_names
        contributions = [(vector[0, j] * coef[j], names[j]) for j in vector.nonzero()[1]]
        best = [name for weight, name in sorted(contributions, reverse=True)
                if weight >= MIN_WORD_CONTRIBUTION and is_content_word(name)]
        return tuple(best[:3])

    def classify(self, text: str) -> Classification:
        scores = self._model_scores(text)
        results: dict[str, list[Label]] = {"leefgebieden": [], "doelgroepen": []}
        for axis, ids, threshold in (
            ("leefgebieden", LEEFGEBIEDEN, LEEFGEBIED_THRESHOLD),
            ("doelgroepen", DOELGROEPEN, DOELGROEP_THRESHOLD),
        ):
            for label_id in ids:
                lexical = self.lexicon.evidence(label_id, text)
                score = scores.get(label_id, 0.0)
                if lexical and score >= threshold:
                    label = Label(label_id, max(score, LEXICON_CONFIDENCE), lexical, "lexicon+model")
                elif lexical and (not scores or axis == "doelgroepen" or score >= LEXICON_ONLY_MIN_SCORE):
                    # The wording is explicit but the model doubts: keep it, with less confidence.
                    confidence = LEXICON_CONFIDENCE if not scores else 0.6 + 0.3 * score
                    label = Label(label_id, confidence, lexical, "lexicon")
                elif not lexical and score >= max(threshold, MODEL_ONLY_THRESHOLD):
                    evidence = self._model_evidence(label_id, text)
                    if not evidence:
                        continue  # nothing in the message a coordinator could check
                    label = Label(label_id, score, evidence, "model")
                else:
                    continue
                results[axis].append(label)
            results[axis].sort(key=lambda label: -label.confidence)
        return Classification(tuple(results["leefgebieden"]), tuple(results["doelgroepen"]))

    def dumps(self) -> bytes:
        """Serialise the trained models (the lexicon is reloaded from its file)."""
        return pickle.dumps(self.models)

    @classmethod
    def loads(cls, data: bytes, lexicon: Lexicon | None = None) -> "WerkmodelClassifier":
        return cls(lexicon or Lexicon.load(), pickle.loads(data))  # noqa: S301 - our own model file
