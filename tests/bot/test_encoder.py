"""The sentence encoder puts messages of the same meaning close together, in Dutch and English."""
import numpy as np

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
