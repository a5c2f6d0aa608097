"""NLU pipeline component: the semantic crisis net (bot/understanding/crisis_net.py) on every parsed message.

It runs before the werkmodel component, which combines its scores with the crisis rules and the
intent model (bot/understanding/routing.py). The sentence encoder is loaded once per process, on the first
message or at training, never at import time.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.understanding.crisis_net import CrisisNet
from bot.understanding.segments import segments
from bot.ops.settings import PROJECT_ROOT
from bot.understanding.werkmodel import CRISIS_ROUTES

MODEL_FILE = "crisis_net.pkl"
CRISIS_NET_KEY = "crisis_net"


def cache_dir() -> Path:
    """Where training embeddings are kept; both components embed the same training texts."""
    return Path(os.environ.get("MEEDENKER_VAR_DIR") or PROJECT_ROOT / "var") / "encoder_cache"


def source_digest(*modules: Any) -> str:
    """A digest of the modules' source: in a component's config, a code change retrains it."""
    sources = b"".join(Path(m.__file__).read_bytes() for m in modules)
    return hashlib.sha256(sources).hexdigest()[:16]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class CrisisNetComponent(GraphComponent):
    """Adds `crisis_net` (probability of any crisis, the likeliest route, the check threshold)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Rasa reuses a cached component when its config and data are unchanged; the source's
        # digest in the config makes a change to the net's code retrain it too.
        import bot.understanding.crisis_net
        import bot.understanding.encoder
        import bot.understanding.language

        return {"source_digest": source_digest(bot.understanding.crisis_net, bot.understanding.encoder, bot.understanding.language)}

    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 net: Optional[CrisisNet] = None) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self._net = net

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CrisisNetComponent":
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        routes = [m.get(INTENT) if m.get(INTENT) in CRISIS_ROUTES else None for m in examples]
        self._net = CrisisNet.train([m.get(TEXT) for m in examples], routes, cache_dir())
        with self._model_storage.write_to(self._resource) as directory:
            (directory / MODEL_FILE).write_bytes(self._net.dumps())
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "CrisisNetComponent":
        with model_storage.read_from(resource) as directory:
            net = CrisisNet.loads((directory / MODEL_FILE).read_bytes())
        return cls(model_storage, resource, net)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        if self._net is None:
            return messages
        for message in messages:
            text = message.get(TEXT) or ""
            if not text.strip() or text.startswith("/"):
                continue
            scores = self._net.score(text)
            # Each sentence of a long message too (bot/understanding/segments.py), by offsets: no second copy of
            # the resident's words in the parse data.
            parts = [{"start": part.start, "end": part.end, **self._net.score(part.text).as_dict()}
                     for part in segments(text)]
            message.set(CRISIS_NET_KEY, {**scores.as_dict(), "threshold": self._net.threshold,
                                         "english_threshold": self._net.english_threshold,
                                         "segments": parts}, add_to_output=True)
        return messages
