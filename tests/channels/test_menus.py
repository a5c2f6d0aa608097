import pytest

from channels.menus import Choice, choices_and_links, chosen, numbered, split_text


def test_choices_links_and_junk():
    choices, links = choices_and_links([{"title": "Ja", "payload": "/bevestigen"}, {"title": "Bel", "url": "tel:112"},
                                        "junk", {"title": "", "payload": "x"}, {"payload": "/x"}])
    assert choices == [Choice("Ja", "/bevestigen")] and links == []


def test_numbered_text_and_the_answer_back():
    choices = [Choice("Wonen", "/a"), Choice("Geld", "/b")]
    assert numbered("Waar gaat het over?", choices, "Typ het nummer.") == \
        "Waar gaat het over?\n\n1. Wonen\n2. Geld\n\nTyp het nummer."
    assert chosen("2", ["/a", "/b"]) == "/b"
    assert chosen(" 1. ", ["/a", "/b"]) == "/a"
    assert chosen("3", ["/a", "/b"]) is None
    assert chosen("0", ["/a"]) is None
    assert chosen("1", []) is None
    assert chosen("1 huis", ["/a"]) is None


@pytest.mark.parametrize("text,limit", [("Dit is een zin. " * 600, 4096), ("a" * 9000, 4096),
                                        ("woord " * 3000, 1000), ("kort", 4096), ("alinea\n\n" * 900, 4096)])
def test_split_text_keeps_every_word_within_the_limit(text, limit):
    pieces = split_text(text, limit)
    assert all(0 < len(p) <= limit for p in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_split_prefers_sentence_ends():
    pieces = split_text("Dit is een zin. " * 600, 4096)
    assert len(pieces) == 3 and all(p.endswith(".") for p in pieces)
