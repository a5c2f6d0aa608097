"""Tests for bot/conversation/spoed/: a need that cannot wait a working day is found in the words residents
use (teenagers, A2 Dutch, typos, long stories, English), and a worry, a wish or a past event is
not mistaken for one. The lists are grouped by need; each message names the need it must give."""
from __future__ import annotations

import pytest

from bot.conversation.spoed import (
    DETECTED_NEEDS,
    GROUP_YOUNG,
    NEEDS,
    RULES,
    urgent_need,
    urgent_needs,
    urgent_signals,
)

URGENT: list[
    # Residents' round 40: an Eritrean man was twice sent to De Luisterlijn.
    ("ik heb honger. waar kan ik eten krijgen vandaag?", "eten"),
    ("ook ik heb geen geld. twee dagen ik heb niet gegeten", "eten"),tuple[str, str]] = [
    # --- onderdak: no bed tonight ---------------------------------------------------------------
    ("ik heb vannacht geen slaapplek", "onderdak"),
    ("mn vader heeft me eruit gegooid", "onderdak"),
    ("Mijn moeder heeft me gisteren het huis uit gezet en ik weet niet waar ik vannacht moet slapen.", "onderdak"),
    ("ik ben 17 en mn stiefvader gooide me eruit, waar kan ik slapen??", "onderdak"),
    ("ik slaap al twee nachten in mijn auto", "onderdak"),
    ("Ik ben sinds vandaag dakloos.", "onderdak"),
    ("kan nergens heen vannacht", "onderdak"),
    ("waar moet ik vannacht slapen", "onderdak"),
    ("mijn vriend heeft me op straat gezet, ik sta nu buiten met mijn tas", "onderdak"),
    ("ik mag niet meer thuis komen van mijn ouders", "onderdak"),
    ("ouders hebben me buiten gezet omdat ik gestopt ben met school", "onderdak"),
    ("Ik zoek nachtopvang voor vanavond", "onderdak"),
    ("ik heb geen dak boven mijn hoofd", "onderdak"),
    ("Ik geen huis meer. Mijn man zegt ga weg. Waar ik slapen vannacht?", "onderdak"),
    ("yo mn pa heeft me eruit geschopt, niet grappig, waar moet ik pitten", "onderdak"),
    ("Het ging al een tijd slecht thuis. Mijn moeder drinkt en we hadden weer ruzie over mijn vriend. "
     "Vanavond zei ze dat ik mijn spullen moest pakken en nu sta ik met een tas bij het station. "
     "Ik heb geen idee waar ik moet slapen.", "onderdak"),
    ("my dad kicked me out and I have nowhere to sleep tonight", "onderdak"),
    ("I'm homeless since yesterday", "onderdak"),
    ("we slapen vannacht op straat met de kinderen", "onderdak"),
    ("Mijn vriendin zegt dat ik vandaag weg moet uit haar huis en ik heb nergens een slaapplek.", "onderdak"),
    ("ik moet morgen weg uit de opvang en ik weet niet waar ik dan moet slapen", "onderdak"),
    ("ben eruit gegooid door mn moeder, slaap nu bij een vriend maar dat kan maar 1 nacht", "onderdak"),
    ("mijn zoon van 16 is door zijn vader op straat gezet", "onderdak"),
    ("we zijn net uit huis gezet en staan op straat met 2 kinderen", "onderdak"),
    ("mijn huisbaas heeft de sloten vervangen terwijl ik weg was", "onderdak"),
    ("ik zit op straat sinds gisteren", "onderdak"),
    ("Ik heb geen plek om te slapen en het is koud", "onderdak"),
    ("heb ruzie gehad thuis en ze hebben me eruitgegooid, kan ik ergens heen", "onderdak"),
    ("mijn moeder zei ga maar weg en nu sta ik op straat", "onderdak"),
    ("my mum threw me out tonight, I'm 16", "onderdak"),
    ("is er ergens noodopvang in goes? ik ben eruit gezet door mn vriend", "onderdak"),
    ("ik weet nie waar ik moet slapen vannacht", "onderdak"),
    # --- uitzetting: an eviction that is set or under way ------------------------------------------
    ("morgen worden we uit huis gezet", "uitzetting"),
    ("de deurwaarder komt morgen het huis ontruimen", "uitzetting"),
    ("De ontruiming van onze woning staat gepland voor vrijdag.", "uitzetting"),
    ("ik heb een ontruimingsvonnis gekregen, wat nu", "uitzetting"),
    ("we moeten over 3 dagen het huis uit van de woningbouw", "uitzetting"),
    ("Geachte heer, mevrouw, Op 12 december wordt mijn woning ontruimd wegens een huurachterstand. "
     "Ik weet niet waar ik met mijn kinderen naartoe moet.", "uitzetting"),
    ("ze gaan ons volgende week uit huis zetten", "uitzetting"),
    ("de woningcorporatie heeft de ontruiming aangezegd voor donderdag", "uitzetting"),
    ("we are being evicted tomorrow", "uitzetting"),
    ("deurwaarder staat morgen om 9 uur voor de deur om ons eruit te zetten", "uitzetting"),
    ("huisuitzetting is overmorgen en ik heb nog niks geregeld", "uitzetting"),
    ("Brief van rechter. Wij moeten huis uit op 15 januari. Wat ik moet doen?", "uitzetting"),
    ("we hebben een dreigende huisuitzetting, de verhuurder heeft een vonnis", "uitzetting"),
    ("mn moeder krijgt morgen de deurwaarder, we worden eruit gezet", "uitzetting"),
    ("ik heb schulden en mijn huis wordt ontruimd", "uitzetting"),
    ("I got an eviction notice, I have to leave on friday", "uitzetting"),
    ("Ik ben bang dat we morgen uit huis worden gezet, de deurwaarder heeft gebeld.", "uitzetting"),
    # --- energie: gas, electricity or water cut off ---------------------------------------------
    ("ze hebben het gas afgesloten", "energie"),
    ("Vandaag is onze stroom afgesloten omdat we achter liepen met betalen.", "energie"),
    ("morgen wordt het gas afgesloten en ik heb een baby van 3 maanden", "energie"),
    ("energie is eraf gehaald door vattenfall, we zitten in het donker", "energie"),
    ("we zitten zonder stroom want de rekening is niet betaald", "energie"),
    ("our electricity was cut off today", "energie"),
    ("het water is afgesloten, ik kan niet koken of douchen", "energie"),
    ("netbeheerder komt donderdag de meter afsluiten", "energie"),
    ("Gas is dicht. Energie bedrijf heeft afgesloten. Kinderen koud.", "energie"),
    ("Sinds gisteren geen verwarming en geen licht, het energiebedrijf heeft ons afgesloten", "energie"),
    # --- eten: no food ---------------------------------------------------------------------------
    ("we hebben niks meer te eten", "eten"),
    ("Ik heb geen geld voor eten deze week.", "eten"),
    ("de koelkast is leeg en mn kinderen hebben honger", "eten"),
    ("ik heb al 2 dagen niks gegeten want geen geld", "eten"),
    ("hoi ik ben 16, thuis is er nooit eten en ik heb honger", "eten"),
    ("Mijn uitkering is nog niet gestort en we hebben geen eten in huis.", "eten"),
    ("we have no food left for the kids", "eten"),
    ("I can't afford groceries this week", "eten"),
    ("Ik geen eten voor kinderen. Geen geld. Help.", "eten"),
    ("ik kan geen boodschappen doen, mijn rekening is geblokkeerd", "eten"),
    ("Sorry voor het lange bericht. Mijn man is vorige maand vertrokken en heeft de bankrekening "
     "leeggehaald. Ik heb drie kinderen en ik krijg pas over twee weken mijn toeslag. Vandaag heb ik "
     "het laatste brood gegeven en ik weet niet wat ik morgen op tafel moet zetten.", "eten"),
    ("ik sterf van de honger want mijn toeslag is niet gestort, waar is de voedselbank", "eten"),
    ("er is niks meer te eten in huis en het is pas de 10e", "eten"),
    ("we hebben geen eten meer en ik krijg pas over twee weken geld", "eten"),
    # --- medicijnen: no money for medicine, or run out ---------------------------------------------
    ("geen geld voor mijn medicijnen", "medicijnen"),
    ("ik kan mijn insuline niet betalen", "medicijnen"),
    ("De apotheek wil mijn medicijnen niet meegeven omdat ik niet kan betalen.", "medicijnen"),
    ("mijn medicijnen zijn op en ik heb geen geld om nieuwe te halen", "medicijnen"),
    ("I can't afford my meds this month", "medicijnen"),
    ("Medicijn kost geld, ik heb geen geld. Mijn kind ziek.", "medicijnen"),
    ("kan mn pillen nie ophalen bij de apotheek want ik ben blut", "medicijnen"),
    ("ik heb de eigen bijdrage niet en de apotheek geeft mijn puffer niet mee", "medicijnen"),
    ("ik heb geen geld meer voor de medicatie van mijn dochter", "medicijnen"),
    # --- geld: no money at all now -----------------------------------------------------------------
    ("ik heb helemaal geen geld meer", "geld"),
    ("Er staat 0 euro op mijn rekening en ik krijg pas over een week salaris.", "geld"),
    ("mijn rekening is geblokkeerd door beslag en ik heb niks meer", "geld"),
    ("geen cent meer tot het eind van de maand", "geld"),
    ("I have no money left at all", "geld"),
    ("mijn uitkering is niet gestort en ik heb niks", "geld"),
    ("Ik ben blut, echt helemaal niks meer over", "geld"),
    ("heb geen rooie cent meer", "geld"),
    ("Er is beslag op mijn hele loon en er blijft niks over", "geld"),
]

NOT_URGENT: list[str] = [
    # The brief's own examples: a wish or a worry, not today.
    "ik zoek een huurhuis",
    "we krijgen misschien een huurachterstand",
    "ik eet ongezond",
    "mijn medicijnen zijn duur",
    # Wonen without a bed problem.
    "Ik sta al 6 jaar op de wachtlijst voor een sociale huurwoning.",
    "mijn zoon wil op zichzelf gaan wonen",
    "ik heb een huurachterstand van twee maanden, hoe los ik dat op?",
    "kan ik uit huis gezet worden als ik de huur te laat betaal?",
    "Ik ben bang dat we ooit uit huis worden gezet.",
    "we gaan verhuizen naar een kleinere woning",
    "ik zoek een kamer in Utrecht voor mijn studie",
    "mijn vriend slaapt bij mij, mag dat met mijn uitkering?",
    "we willen een huis kopen maar de hypotheek is te laag",
    "de verhuurder wil de huur verhogen",
    "ik heb een brief gekregen over een huurverhoging",
    "de huur is te hoog voor mijn inkomen",
    "Mijn dochter van 17 wil op kamers, kan dat?",
    "ik krijg huurtoeslag, moet ik dat doorgeven als mijn vriend intrekt?",
    "I'm looking for a cheaper apartment",
    "my rent is going up and I'm worried about money",
    "Hoe werkt de Wet gemeentelijke schuldhulpverlening bij een huisuitzetting?",
    # Put out, but not the resident, or only threatened by a parent, or locked out by oneself.
    "ik heb mijn vriend eruit gegooid omdat hij vreemdging",
    "mijn stiefvader dreigt me eruit te gooien als ik 18 ben",
    "ik heb mezelf buitengesloten, sleutels vergeten haha",
    "hij gooit altijd alles eruit wat hij niet nodig heeft",
    "ik ben bang dat ik dakloos word als mijn vriend me verlaat",
    "waar kan ik een slaapbank kopen voor weinig geld",
    "ik slaap slecht de laatste tijd",
    "ik kan 's nachts niet slapen van de zorgen",
    "ik werk als vrijwilliger in de nachtopvang",
    "ik sta op straat te wachten op de bus",
    # Negated or solved.
    "ik ben niet dakloos hoor, ik woon bij mijn moeder",
    "we worden niet uit huis gezet, de corporatie heeft een regeling aangeboden",
    "Het gas is gelukkig niet afgesloten, de leverancier gaf uitstel.",
    "gelukkig hebben we nog genoeg eten in huis",
    "we hebben wel eten, maar geen geld voor de huur",
    # Told as past.
    "Vroeger heb ik op straat geleefd, nu heb ik een eigen huis en wil ik anderen helpen.",
    "Vorig jaar zijn we uit huis gezet. Nu wonen we in een nieuwe woning en gaat het goed.",
    "mijn buurman is vorig jaar uit huis gezet",
    "ik heb jaren geleden een tijd op straat geslapen",
    "Toen ik 17 was gooide mijn vader me eruit, nu ben ik 30 en wil ik jongeren helpen.",
    "Mijn vader zette me vroeger vaak buiten, nu heb ik een eigen huis.",
    # Energie that is not a cut-off.
    "mijn energierekening is veel te hoog",
    "onze wijk gaat van het gas af",
    "we hebben een stroomstoring",
    "ik wil een nieuw energiecontract afsluiten",
    "mijn telefoonabonnement is afgesloten",
    "ik heb een zorgverzekering afgesloten maar snap de polis niet",
    "wat moet ik doen als het gas wordt afgesloten?",
    "Is het waar dat ze in de winter het gas niet mogen afsluiten?",
    "mijn zus heeft het gas laten afsluiten omdat ze gaat verhuizen",
    "ik heb de verwarming uitgezet om geld te besparen",
    "ik heb geen energie meer en voel me afgesloten van de wereld",
    "my phone was cut off",
    # Eten that is not going without.
    "ik wil gezonder eten",
    "mijn dochter eet slecht sinds ze naar de middelbare school gaat",
    "ik heb geen zin om te eten",
    "Ik wil vrijwilligerswerk doen bij de voedselbank.",
    "mijn vader is met pensioen en woont alleen, hij eet niet gezond",
    "mijn moeder heeft dementie en vergeet te eten",
    "ik heb honger lol, wat eten we vanavond",
    "geen eten weggooien, dat vind ik belangrijk",
    "ik mag geen suiker eten van de dokter",
    "we eten vanavond bij mijn moeder",
    "ik doe de boodschappen voor mijn oma",
    "mijn kinderen eten op school een broodje",
    "Geachte heer, mevrouw, Ik wil graag informatie over de voedselbank voor een werkstuk.",
    "I eat too much junk food",
    "the kids are hungry all the time, they're growing so fast",
    "ik weet niet wat ik vanavond moet eten",
    "Aan het eind van de maand heb ik vaak geen eten meer, ik wil leren budgetteren.",
    "ik heb elke maand een week geen geld meer, hoe kan dat beter?",
    # Medicijnen as a worry, a cost or a care task.
    "ik vergeet vaak mijn medicijnen te nemen",
    "de eigen bijdrage voor mijn medicijnen is hoog, is daar een regeling voor?",
    "ik kan de etiketten van mijn medicijnen niet meer lezen",
    "mijn medicijnen zijn bijna op, moet ik een nieuw recept vragen?",
    "my medication is expensive",
    "mijn moeder heeft alzheimer en ik doe haar boodschappen en medicijnen",
    "ik kan mijn medicijnen vandaag niet ophalen want ik moet werken",
    # Geld as a worry or a wish.
    "ik heb schulden en krijg veel brieven",
    "ik kom moeilijk rond van mijn uitkering",
    "ik heb geen geld voor een advocaat",
    "ik heb geen geld meer over voor leuke dingen met de kinderen",
    "Is er een regeling voor mensen met weinig geld?",
    "ik zou graag een budgetcoach willen",
    "ik heb weinig geld maar red me wel",
    "mijn pinpas is kapot, hoe vraag ik een nieuwe aan",
    "de deurwaarder heeft een brief gestuurd over mijn schuld bij de belasting, wat moet ik nu doen",
    "wanneer wordt mijn toeslag gestort",
    "my phone broke and I need a new one",
    "ik weet echt niks meer van die regeling",
]


def test_the_lists_are_large_and_varied_enough():
    assert len(URGENT) >= 60 and len(NOT_URGENT) >= 60
    assert {need for _, need in URGENT} == set(DETECTED_NEEDS)
    assert len({text for text, _ in URGENT}) == len(URGENT)
    assert len(set(NOT_URGENT)) == len(NOT_URGENT)


@pytest.mark.parametrize("text, need", URGENT)
def test_an_urgent_need_is_named(text, need):
    assert urgent_need(text) == need, urgent_signals(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_a_worry_a_wish_or_the_past_is_not_urgent(text):
    assert urgent_need(text) is None, urgent_signals(text)


# --- the rules as data: each rule's own examples ---------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_matches_its_examples_and_misses_its_counter_examples(rule):
    assert rule.matches, "every rule shows at least one message it is for"
    assert rule.need in DETECTED_NEEDS
    for text in rule.matches:
        assert rule.id in [s.rule for s in urgent_signals(text)], text
    for text in rule.misses:
        assert rule.id not in [s.rule for s in urgent_signals(text)], text


def test_rule_ids_are_unique_and_name_their_need():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(rule.id.split(".")[0] == rule.need for rule in RULES)


# --- behaviour the dialogue relies on ------------------------------------------------------------


def test_the_needs_match_the_sociale_kaart_vocabulary():
    assert NEEDS == (*DETECTED_NEEDS, GROUP_YOUNG)
    assert GROUP_YOUNG == "jongeren"


def test_a_bed_tonight_comes_before_food_and_money():
    text = "mijn vader heeft me eruit gegooid, ik heb geen geld meer en niks te eten"
    assert urgent_needs(text) == ["onderdak", "eten", "geld"]
    assert urgent_need(text) == "onderdak"


def test_evidence_is_the_residents_own_words():
    text = "Mn VADER heeft me er uit gegooid!!"
    signal = urgent_signals(text)[0]
    assert signal.need == "onderdak"
    assert signal.evidence in text
    assert "gegooid" in signal.evidence


def test_a_worry_about_a_set_day_stays_urgent_but_a_vague_worry_does_not():
    assert urgent_need("ik ben bang dat het gas morgen wordt afgesloten") == "energie"
    assert urgent_need("ik ben bang dat het gas wordt afgesloten") is None


def test_a_past_clause_does_not_hide_todays_need():
    text = "Vorig jaar sliep ik al eens op straat. Nu heeft mijn vriend me eruit gegooid."
    assert urgent_need(text) == "onderdak"
    assert urgent_need("jaren geleden sliep ik op straat en vannacht weer") == "onderdak"


def test_a_solved_need_is_not_urgent_but_a_stopgap_is():
    assert urgent_need("mijn vader heeft me eruit gegooid, nu woon ik bij mijn oma") is None
    assert urgent_need("mijn vader heeft me eruit gegooid, nu woon ik bij mijn oma maar dat kan niet lang") \
        == "onderdak"


def test_empty_and_punctuation_only_messages():
    assert urgent_need("") is None
    assert urgent_need("?!") is None
    assert urgent_signals("   ") == []
