"""What the second blind messy set (tests/data/messy_blind_2.yml, issue 24) found, each as a rule
or a routing fact, with the models made calm so that only the words decide."""
import pytest

from bot.understanding.crisis_net import CrisisScores
from bot.understanding.routing import TIER_CHECK, TIER_FULL, decide_route

THRESHOLD = 0.5
CALM = CrisisScores(0.01, "crisis_113", 0.01)


def _decide(text: str):
    return decide_route(text, "hulpvraag", 0.9, False, CALM, THRESHOLD)


@pytest.mark.parametrize("text, route", [
    ("ik heb iets ingenomen. veel.", "crisis_112"),
    ("heb net te veel ingenomen, alles draait", "crisis_112"),
    ("ewa mn kicks heb ik aan mn broertje gegeven, heb het toch niet meer nodig waar ik heen ga", "crisis_113"),
    ("Mi no wani libi moro. Brada, ik ben op.", "crisis_113"),
    ("mi wani dede", "crisis_113"),
    ("Mijn buurman belde net dat hij een touw heeft opgehangen. Ik sta voor zijn deur en hij doet niet open.",
     "crisis_112"),
])
def test_danger_in_everyday_or_sranan_words_gets_the_full_reply(text, route):
    decision = _decide(text)
    assert decision.tier == TIER_FULL and decision.route == route, decision


@pytest.mark.parametrize("text, suspected", [
    ("thuis is niet veilig", "crisis_veilig_thuis"),
    ("bij ons thuis is het niet meer veilig", "crisis_veilig_thuis"),
    ("home is not safe", "crisis_veilig_thuis"),
    ("ik heb iets ingenomen", "crisis_112"),
    # Next session, after heavy-but-ordinary training made the nets calmer: children who saw it.
    ("hij is weer tekeer gegaan. mijn kinderen hebben alles gehoord", "crisis_veilig_thuis"),
    # Short ordinary training data made both nets calmer on these (it was not kept): the words themselves ask.
    ("durf niet naar huis, hij wordt dan weer zo boos", "crisis_veilig_thuis"),
    ("zeg tegen mn moeder dat het niet haar schuld is. ik ben er klaar mee, met alles", "crisis_113"),
    ("ik heb iets genomen", "crisis_112"),
])
def test_a_few_words_that_may_be_danger_ask_the_safety_check(text, suspected):
    decision = _decide(text)
    assert decision.tier == TIER_CHECK and decision.suspected == suspected, decision


@pytest.mark.parametrize("text", [
    "ik heb iets ingenomen voor de hoofdpijn, mag dat met mijn andere medicijnen?",
    "ik heb te veel gegeten met kerst",
    "waar ik heen ga op vakantie heb ik geen jas nodig",
    "ik voel me niet veilig in de wijk, er wordt veel ingebroken",
    "mijn moeder doet niet open, ze is vast boodschappen doen",
    "zeg tegen mijn moeder dat ik later bel over de huur",
    "het is niet haar schuld dat de huur omhoog ging",
    "ik heb iets genomen tegen de griep, mag ik dan autorijden?",
])
def test_everyday_sentences_like_them_are_no_rule(text):
    assert _decide(text).tier is None


@pytest.mark.parametrize("text", [
    "Geachte mevrouw, Mijn vader heeft in 2019 een ernstige depressie doorgemaakt, waarin hij ook aan "
    "zelfdoding heeft gedacht. Dat is gelukkig verleden tijd; hij is al jaren stabiel. Thans zoekt hij "
    "vrijwilligerswerk.",
    "In uw folder las ik dat men bij gedachten aan zelfdoding 113 kan bellen. Ik heb zelf geen zorgen "
    "van die aard. Mijn zoon zoekt werk.",
    "Quick question about 113 - is it only for people who are suicidal? I'm not, just burnt out.",
])
def test_danger_told_as_over_or_asked_about_a_leaflet_is_never_the_full_reply(text):
    assert _decide(text).tier != TIER_FULL


def test_danger_told_now_stays_the_full_reply_when_a_calm_sentence_follows():
    decision = _decide("Ik wil niet meer leven. Het gaat al jaren slecht met mijn werk.")
    assert decision.tier == TIER_FULL and decision.route == "crisis_113"
