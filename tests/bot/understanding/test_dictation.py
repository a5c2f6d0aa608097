"""Dictated punctuation (residents' round 45: a woman of 78 dictating on her phone)."""
import pytest

from bot.understanding.dictation import read_dictation


@pytest.mark.parametrize("spoken, written", [
    ("ja dat klopt punt hoe vraag ik dat aan en wie betaalt dat vraagteken ik heb alleen aow",
     "ja dat klopt. hoe vraag ik dat aan en wie betaalt dat? ik heb alleen aow"),
    ("wat vraagteken nee er is geen gevaar hoor punt ik gaf mijn naam punt",
     "wat? nee er is geen gevaar hoor. ik gaf mijn naam."),
    ("mevrouw de klerk komma riet de klerk punt mijn nummer is 06-12345678 punt",
     "mevrouw de klerk, riet de klerk. mijn nummer is 06-12345678."),
    ("ochtend punt mag ineke erbij zijn vraagteken", "ochtend. mag ineke erbij zijn?"),
])
def test_dictated_marks_are_read_as_marks(spoken, written):
    assert read_dictation(spoken) == written


@pytest.mark.parametrize("text", [
    "ik sta op het punt mijn huis te verliezen",
    "dat is een punt. wat kost het?",
    "ik heb een vraag over de komma in mijn brief, wat betekent dat?",
    "punt",
])
def test_the_words_themselves_stay(text):
    assert read_dictation(text) == text

