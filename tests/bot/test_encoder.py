"""The sentence encoder puts messages of the same meaning close together, in Dutch and English."""
import os

import numpy as np
import pytest

from bot.encoder import DIM, embed, embed_one


def test_embeddings_are_normalised_and_sized():
    vectors = embed(["ik wil er niet meer zijn", "hoe vraag ik huurtoeslag aan"])
    assert vectors.shape == (2, DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_same_meaning_is_closer_than_another_topic():
    a = embed_one("mijn man slaat mij")
    b = embed_one("my husband hits me")
    c = embed_one("ik zoek een baan als kok")
    assert float(a @ b) > float(a @ c)


def test_empty_input_gives_no_rows():
    assert embed([]).shape == (0, DIM)


_THREADS_PROBE = """
import os, sys
import sklearn.linear_model  # as in the Rasa server: loads the same OpenMP runtime first
from bot import encoder
if sys.argv[1] != "default":
    encoder.use_threads(int(sys.argv[1]))
import threading
before = len(os.listdir("/proc/self/task"))
vector = encoder.embed_one("ik kan mijn huur niet meer betalen")
# As in the Rasa server: the parse (and so the encoder) runs in a worker thread.
worker = threading.Thread(target=encoder.embed_one, args=("mijn moeder heeft dementie",))
worker.start()
worker.join()
print(len(os.listdir("/proc/self/task")) - before, os.environ.get("OMP_NUM_THREADS"), round(float(vector @ vector), 3))
"""


def _threads_started(setting: str) -> list[str]:
    import subprocess
    import sys

    from bot.settings import PROJECT_ROOT

    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", _THREADS_PROBE, setting], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_a_server_embeds_on_one_thread_and_leaves_the_environment_as_it_was():
    assert _threads_started("1") == ["0", "None", "1.0"]  # no OpenMP thread spinning beside the server
    started, environment, norm = _threads_started("default")
    assert int(started) >= 1 and environment == "None" and norm == "1.0"  # training: every core


def test_threads_cannot_change_once_the_encoder_is_loaded(monkeypatch):
    from bot import encoder

    monkeypatch.setattr(encoder, "_threads", None)
    encoder.embed_one("hallo")
    with pytest.raises(RuntimeError, match="already loaded"):
        encoder.use_threads(1)


def test_a_prefetched_message_is_embedded_while_the_caller_does_other_work_and_only_once(monkeypatch):
    import time

    from bot import encoder

    embed_one("warm-up: het model is geladen")
    start = time.perf_counter()
    direct = embed_one("ik slaap slecht door de zorgen om geld")
    one_embedding = time.perf_counter() - start
    calls = []
    original = encoder.embed
    monkeypatch.setattr(encoder, "embed", lambda texts: calls.append(list(texts)) or original(texts))

    text = "mijn buurman maakt elke nacht lawaai en ik kan niet meer slapen"
    encoder.prefetch(text)
    encoder.prefetch(text)  # the same message twice (crisis net and werkmodel ask alike): one embedding
    time.sleep(3 * one_embedding + 0.05)  # the server reads the tracker and runs the first components
    start = time.perf_counter()
    vector = embed_one(text)
    waited = time.perf_counter() - start
    assert waited < one_embedding / 2
    assert calls == [[text]]
    assert np.allclose(vector, original([text])[0]) and direct.shape == (DIM,)
    assert np.allclose(embed_one(text), vector) and calls == [[text]]  # then from the cache


def test_a_message_that_was_not_prefetched_is_embedded_as_before():
    from bot import encoder

    encoder.prefetch("een ander bericht dat nooit wordt gelezen")
    vector = embed_one("ik zoek hulp bij mijn administratie")
    assert np.allclose(vector, embed(["ik zoek hulp bij mijn administratie"])[0], atol=1e-6)
