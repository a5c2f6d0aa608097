"""Long messages are scored sentence by sentence (issue 24): the segments a reader would weigh."""
from bot.understanding.segments import MAX_SEGMENTS, segment_at, segments, sentences


def test_a_one_sentence_or_short_message_has_no_segments_of_its_own():
    assert segments("ik heb schulden en weet niet wat ik moet doen") == []
    assert segments("Ik heb schulden. De huur is te hoog. Ik weet het niet meer.") == []  # whole text is short
    assert segments("geen moment. er komt geen morgen") == []  # "geen moment." is too short alone


def test_each_sentence_keeps_its_place_in_the_original_text():
    text = ("Ik heb schulden bij de belasting en bij de zorgverzekering en ik weet niet meer hoeveel.  "
            "De huur is ook te hoog, al maanden, en de verhuurder stuurt steeds boze brieven!\n"
            "Ik heb net al mijn pillen genomen en ik weet niet waarom ik dit nu typ")
    found = segments(text)
    assert [s.text for s in found] == [
        "Ik heb schulden bij de belasting en bij de zorgverzekering en ik weet niet meer hoeveel.",
        "De huur is ook te hoog, al maanden, en de verhuurder stuurt steeds boze brieven!",
        "Ik heb net al mijn pillen genomen en ik weet niet waarom ik dit nu typ"]
    assert all(text[s.start:s.end] == s.text for s in found)


def test_a_too_short_sentence_is_read_with_its_neighbour():
    found = segments("Hallo. Ik heb een vraag over mijn huurtoeslag van dit jaar en van vorig jaar. Nee. Dat bedrag "
                     "klopt niet meer sinds maart, want mijn zoon woont nu bij mij in en verdient zelf ook wat "
                     "met zijn bijbaan in de supermarkt.")
    assert [s.text for s in found] == ["Hallo. Ik heb een vraag over mijn huurtoeslag van dit jaar en van vorig jaar. Nee.",
                                       "Dat bedrag klopt niet meer sinds maart, want mijn zoon woont nu bij mij in "
                                       "en verdient zelf ook wat met zijn bijbaan in de supermarkt."]


def test_a_letter_of_many_sentences_costs_a_bounded_number_of_segments():
    text = " ".join(f"Dit is zin nummer {n} van mijn lange brief." for n in range(40))
    found = segments(text)
    assert len(found) == MAX_SEGMENTS
    assert found[0].start == 0 and found[-1].end == len(text)
    assert "".join(text[s.start:s.end] for s in found).replace(" ", "") == text.replace(" ", "")


def test_the_sentence_at_a_position():
    text = "Eerst dit. Dan komt het echte verhaal."
    assert segment_at(text, text.index("echte")) == "Dan komt het echte verhaal."
    assert [s.text for s in sentences("ik wil niet meer...ik kan niet meer")] == ["ik wil niet meer...",
                                                                                    "ik kan niet meer"]
