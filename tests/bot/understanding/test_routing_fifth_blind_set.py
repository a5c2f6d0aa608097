"""What the fifth blind messy set (tests/data/messy_blind_4.yml, issue 24) found at its first score,
each as a rule or a routing fact, with the models made calm so that only the words decide."""
import pytest

from bot.understanding.crisis_net import CrisisScores
from bot.understanding.routing import TIER_CHECK, TIER_FULL, decide_route

THRESHOLD = 0.5
CALM = CrisisScores(0.01, "crisis_113", 0.01)


def _decide(text: str):
    return decide_route(text, "hulpvraag", 0.9, False, CALM, THRESHOLD)


@pytest.mark.parametrize("text, route", [
    # Unheard by every net, or heard as the wrong route by the intent model alone.
    ("Goedemiddag. Ik ben 83 en woon alleen. Ik zou graag wat meer mensen zien. Ik schrijf het maar even op: "
     "ik ruik al de hele middag gas in de keuken en ik word er duizelig van. Zijn er activiteiten voor ouderen?",
     "crisis_112"),
    ("hallo ik wil graag hulp met mijn huishouden want ik kan niet goed lopen en oh ik heb ook al een half uur "
     "pijn op mijn borst die naar mijn arm trekt is dat erg", "crisis_112"),
    ("Als buurman maak ik mij zorgen: de man heeft dementie en zijn vrouw bindt hem vast aan de stoel als zij "
     "boodschappen gaat doen. Wat kan ik hiermee?", "crisis_veilig_thuis"),
    ("Man doet pijn. Ik ben bang. Hij slaapt nu.", "crisis_veilig_thuis"),
    ("Dit is mijn laatste bericht. De kat is bij de buren en de sleutel ligt onder de mat. Bedankt voor het proberen.",
     "crisis_113"),
    ("mijn vader zei gisteren dat hij zijn jachtgeweer heeft schoongemaakt 'voor als het moment komt'. hij is "
     "sinds zijn ontslag heel somber", "crisis_113"),
])
def test_danger_told_in_passing_or_in_few_words_gets_the_full_reply_and_the_right_number(text, route):
    decision = _decide(text)
    assert decision.tier == TIER_FULL and decision.route == route, decision


def test_wanting_to_be_with_parents_who_died_asks_about_suicide():
    decision = _decide("Mijn moeder is in januari overleden, mijn vader in mei. Ik regel alles alleen, het huis, "
                       "de papieren, de notaris. Ik wil gewoon bij ze zijn.")
    assert decision.tier == TIER_CHECK and decision.suspected == "crisis_113", decision


@pytest.mark.parametrize("text", [
    "I'm writing a school paper on suicide prevention in the Netherlands. Who pays for 113 and De Luisterlijn?",
    "Ik schrijf voor het wijkblad een stuk over eenzaamheid onder ouderen, ook over zelfdoding. Mag ik uitleggen "
    "wat een meedenker doet?",
    "Mijn dochter van 8 vroeg wat 'zelfmoord' betekent, ze had het op het schoolplein gehoord. Hoe leg ik dat uit?",
    "Mijn collega zegt dat ik carrière-zelfmoord pleeg als ik minder ga werken voor de zorg voor mijn moeder.",
])
def test_the_word_written_about_explained_to_a_child_or_as_a_figure_gets_no_alarm(text):
    assert _decide(text).tier is None


@pytest.mark.parametrize("text", [
    "mijn vader is overleden, ik wil bij mijn moeder zijn op zondag",
    "ik bind de hond vast voor de supermarkt",
    "mijn man doet pijn aan zijn rug, kan hij hulp krijgen in huis?",
    "dit is mijn laatste bericht over de huur, daarna bel ik wel",
    "de gasrekening is zo hoog, ik ruik het geld weglopen",
    "ik had vorig jaar pijn op de borst, nu wil ik gezonder leven",
])
def test_everyday_sentences_like_them_are_no_alarm(text):
    assert _decide(text).tier is None, _decide(text)


def test_a_denial_in_a_young_mans_words_is_believed_and_done_with_everything_is_asked():
    """Residents' round 40: "niet zo bedoeld als dat ik dood wil ofzo, gewoon de schulden" got the full
    113 reply, while "ik ben er gewoon echt klaar mee, met alles" had got no question at all."""
    denied = _decide("ja klopt. en ff voor de duidelijkheid, niet zo bedoeld als dat ik dood wil ofzo, gewoon de schulden")
    assert denied.tier is None, denied
    done = _decide("weet niet man bellen is niet echt mn ding. ik ben er gewoon echt klaar mee, met alles")
    assert done.tier == TIER_CHECK and done.suspected == "crisis_113", done
    assert _decide("ik ben er klaar mee, die brieven van de belasting").tier is None
    assert _decide("ik wil dood").tier == TIER_FULL


def test_residents_round_41_a_tik_and_no_point_are_asked_and_a_tax_assessment_is_no_danger():
    """A grandmother's "geeft de kleine soms een tik" went unheard; an expat's "voorlopige aanslag" got
    the suicide check three times, and his "I don't see the point of anything anymore" nothing after it."""
    tik = _decide("Mijn kleinzoon heeft problemen op school. Mijn schoonzoon geeft de kleine soms een tik als hij "
                  "niet luistert. Waar kan ik heen met de schoolproblemen?")
    assert tik.tier == TIER_CHECK and tik.suspected == "crisis_veilig_thuis", tik
    point = decide_route("Honestly I sometimes don't see the point of anything anymore.", "engels", 0.5, False,
                         CALM, THRESHOLD, check_declined=True)
    assert point.tier == TIER_CHECK and point.suspected == "crisis_113", point
    worried = CrisisScores(0.7, "crisis_113", 0.7)
    tax = decide_route("I got a letter about a voorlopige aanslag. Is this a fine? Can I pay in instalments?",
                       "engels", 0.5, False, worried, THRESHOLD)
    assert tax.tier is None, tax
    assert _decide("ik geef de bal een tik en hij rolt weg").tier is None


def test_an_eviction_letter_is_todays_worry_not_danger():
    """Residents' round 41: "ik heb een brief gekregen dat ik uit mijn huis moet" got "denkt u erover om
    uzelf iets aan te doen?" from the semantic net alone."""
    worried = CrisisScores(0.7, "crisis_113", 0.7)
    letter = decide_route("ik heb een brief gekregen dat ik uit mijn huis moet. ik woon in goes", "hulpvraag", 0.6,
                          True, worried, THRESHOLD)
    assert letter.tier is None, letter
    own = decide_route("de deurwaarder zegt dat ik eruit moet en ik wil dood", "hulpvraag", 0.6, True, worried, THRESHOLD)
    assert own.tier == TIER_FULL


def test_deep_in_the_shit_over_gambling_debts_is_asked_not_given_the_113_reply():
    """Residents' round 41: "yo ff eerlijk ik zit diep in de shit. heb alles vergokt, 4k schuld" got the whole
    113 reply from both models; a figure of speech gets at most the check, the words themselves still decide."""
    sure = CrisisScores(0.97, "crisis_113", 0.9)
    debt = decide_route("yo ff eerlijk ik zit diep in de shit. heb alles vergokt, 4k schuld", "crisis_113", 0.97,
                        True, sure, THRESHOLD)
    assert debt.tier == TIER_CHECK and debt.suspected == "crisis_113", debt
    own = decide_route("ik zit diep in de shit en ik wil dood", "crisis_113", 0.97, True, sure, THRESHOLD)
    assert own.tier == TIER_FULL and own.route == "crisis_113", own


@pytest.mark.parametrize("text", [
    "waarom zelfdoding?? ik denk niet aan dat",
    "mijn vader wordt door niemand mishandeld",
    "nee hoor, niemand slaat hier iemand",
    "kan ik mezelf blokkeren voor gokken",
    "kan ik mezelf laten uitsluiten van het casino",
])
def test_residents_round_42_denials_and_gambling_self_exclusion_get_no_alarm_however_sure_the_models(text):
    """A money question's "waarom zelfdoding?? ik denk niet aan dat" got the full 113 reply; a daughter's
    "mijn vader wordt door niemand mishandeld" was read as violence; "mezelf blokkeren voor gokken" as suicide."""
    sure = CrisisScores(0.9, "crisis_113", 0.8)
    assert decide_route(text, "crisis_113", 0.9, False, sure, THRESHOLD).tier is None


@pytest.mark.parametrize("text, route", [
    ("niemand weet dat hij mij slaat", "crisis_veilig_thuis"),
    ("mijn vader wordt mishandeld door niemand anders dan mijn broer", "crisis_veilig_thuis"),
    ("waarom wil ik zelfmoord plegen", "crisis_113"),
    ("ik wil mezelf blokkeren, ik wil dood", "crisis_113"),
])
def test_the_same_words_around_real_danger_keep_it(text, route):
    decision = _decide(text)
    assert decision.tier == TIER_FULL and decision.route == route, decision


@pytest.mark.parametrize("text", [
    "zaandam zei ik toch al in het begin",
    "Ja, dat klopt. Mijn slaapkamer is boven en ik moet mij aan de leuning optrekken. Ik ben bang dat ik eens val.",
    "Nu snap ik er helemaal niks meer van. Gaat er nou iemand bellen of niet?",
])
def test_residents_round_43_frustration_and_fear_of_falling_are_figures_not_danger(text):
    """Each got "denkt u erover om uzelf iets aan te doen?" or "Is iemands leven in gevaar?"."""
    from bot.understanding.crisis import is_near_miss
    assert is_near_miss(text)


@pytest.mark.parametrize("text", ["ik wil dood, zei ik toch al", "ik ben bang dat hij me weer slaat"])
def test_danger_beside_those_words_is_still_danger(text):
    from bot.understanding.crisis import is_near_miss
    assert not is_near_miss(text)
