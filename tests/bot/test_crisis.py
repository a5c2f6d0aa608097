"""Tests for bot/crisis.py: the crisis rules must never miss a crisis and must not fire on
figurative language. Every case asserts behaviour; the lists are grouped by what they protect."""
from __future__ import annotations

import pytest

from bot.crisis import (
    NEAR_MISSES,
    RULES,
    CrisisSignal,
    crisis_signals,
    detect_crisis,
    is_near_miss,
    normalise,
)
from bot.werkmodel import (
    CRISIS_ROUTES,
    ROUTE_CRISIS_112,
    ROUTE_CRISIS_113,
    ROUTE_CRISIS_VEILIG_THUIS,
)

# --- crisis_113: direct and indirect suicidal language --------------------------------------
SUICIDE_DUTCH = [
    "ik denk aan zelfmoord",
    "Ik heb de laatste tijd zelfmoordgedachten",
    "ik wil zelfmoord plegen",
    "mijn zoon praat steeds over zelfdoding",
    "ik voel me suïcidaal",
    "ik wil er een eind aan maken",
    "ik ga er een einde aan maken",
    "ik maak er vanavond een eind aan",
    "ik wil een einde maken aan mijn leven",
    "ik wil uit het leven stappen",
    "ik wil niet meer leven",
    "ik wil echt niet meer leven",
    "soms denk ik dat ik niet meer wil leven",
    "ik zou niet meer willen leven",
    "ik wil er niet meer zijn",
    "ik wil er gewoon niet meer zijn",
    "ik wil niet meer bestaan",
    "was ik er maar niet meer",
    "ik wou dat ik dood was",
    "ik wil dood",
    "ik wil gewoon dood",
    "ik ben liever dood",
    "ik ben liever dood dan zo verder te gaan",
    "iedereen is beter af zonder mij",
    "mijn kinderen zijn beter af als ik er niet meer ben",
    "niemand zal me missen",
    "ik hoop dat ik morgen niet meer wakker word",
    "ik wil gaan slapen en nooit meer wakker worden",
    "ik heb geen zin meer in het leven",
    "mijn leven heeft geen zin meer",
    "ik ben het leven zat",
    "ik zie geen uitweg meer",
    "ik denk erover om voor de trein te springen",
    "ik wil van het dak springen",
    "ik ben pillen aan het sparen",
    "ik ga al mijn pillen innemen",
    "hoeveel paracetamol is dodelijk",
    "ik heb een afscheidsbrief geschreven",
    "ik ga mezelf wat aandoen",
    "ik ben bang dat ik mezelf iets aandoe",
    "ik snij mezelf",
    "ik snijd in mijn armen als het te veel wordt",
    "ik wil me ophangen",
    "ik wil mezelf van kant maken",
    "ik wil niet meer. mijn leven is zinloos",
    "ik wil niet meer, ik ben het leven zat",
    "waarom zou ik nog leven",
    "soms wil ik gewoon niet meer wakker worden",
    "soms wil ik dood",
    "mijn dochter van 16 zegt dat ze dood wil",
    "ik heb het gevoel dat iedereen beter af is zonder mij",
    "ik heb een plan, de pillen liggen klaar",
    "mijn vriend zegt dat hij zelfmoord wil plegen",
    "ik heb een touw klaargelegd",
]

# --- crisis_112: acute danger now ------------------------------------------------------------
ACUTE_DUTCH = [
    "ik heb net alle pillen ingenomen",
    "ik heb zojuist een hoop pillen genomen",
    "ik heb te veel pillen geslikt",
    "ik heb een hele strip paracetamol ingenomen",
    "ik heb een overdosis genomen",
    "ik denk dat mijn zoon een overdosis heeft",
    "mijn moeder is bewusteloos",
    "mijn vader ligt op de grond en ademt niet meer",
    "mijn man reageert niet meer en ligt op de vloer",
    "ik krijg haar niet meer wakker",
    "er is brand in ons huis",
    "het huis staat in brand",
    "hij staat met een mes voor de deur",
    "mijn vriend heeft een mes in zijn hand",
    "hij heeft een wapen",
    "ik sta op het spoor",
    "ik sta op de brug",
    "ik sta nu op het dak",
    "ik ga nu springen",
    "hij bloedt heel erg",
    "kom nu",
    "help me nu!!!",
    "bel een ambulance",
    "mijn man slaat me nu",
    "ik heb bleekmiddel gedronken",
    "ik ruik gas in het trappenhuis",
    "mijn vader is gevallen en reageert niet",
    "ik heb net 40 oxazepam genomen",
]

# --- crisis_veilig_thuis: domestic violence, child and elder abuse ---------------------------
DOMESTIC_DUTCH = [
    "mijn man slaat me",
    "mijn vriend schopt me als hij gedronken heeft",
    "mijn vader slaat mijn moeder",
    "mijn partner duwt me tegen de muur",
    "mijn zoon wurgt me soms",
    "mijn moeder slaat me elke dag",
    "hij slaat me",
    "ik word thuis geslagen",
    "mijn kind wordt mishandeld",
    "ik hoor de buurkinderen geslagen worden",
    "de kinderen van de buren worden mishandeld denk ik",
    "hij dreigt me dood te maken",
    "hij dreigt me te slaan als ik wegga",
    "mijn man zegt dat hij me vermoordt als ik wegga",
    "ik ben bang voor mijn man",
    "ik ben doodsbang voor mijn vader",
    "ik durf niet naar huis",
    "ik voel me thuis niet veilig",
    "er is huiselijk geweld bij ons thuis",
    "ik vermoed kindermishandeling bij de buren",
    "het is ouderenmishandeling",
    "ze pakt het geld van mijn moeder af en sluit haar op",
    "mijn broer steelt geld van mijn oma",
    "hij houdt me opgesloten",
    "ik mag het huis niet uit van hem",
    "ik mag van mijn man niemand zien",
    "mijn ex-man heeft me geslagen",
    "ik ben verkracht door mijn stiefvader",
    "ik heb mijn kind geslagen en ik schaam me",
    "mijn man slaat alles kapot",
    "als hij boos is slaat hij me",
    "soms schopt mijn vader ons",
    "mijn vriend heeft me gisteren in elkaar geslagen",
    "ik word door mijn man geslagen",
    "hij wil me iets aandoen",
    "mijn stiefvader zit aan me",
    "mijn partner dwingt me tot seks",
]

# --- English --------------------------------------------------------------------------------
ENGLISH = [
    ("I want to kill myself", ROUTE_CRISIS_113),
    ("i think about suicide every day", ROUTE_CRISIS_113),
    ("I'm suicidal", ROUTE_CRISIS_113),
    ("I want to end my life", ROUTE_CRISIS_113),
    ("I don't want to live anymore", ROUTE_CRISIS_113),
    ("everyone would be better off without me", ROUTE_CRISIS_113),
    ("I want to hurt myself", ROUTE_CRISIS_113),
    ("I want to die", ROUTE_CRISIS_113),
    ("I took too many pills", ROUTE_CRISIS_112),
    ("I think he overdosed", ROUTE_CRISIS_112),
    ("my dad is not breathing", ROUTE_CRISIS_112),
    ("she is unconscious", ROUTE_CRISIS_112),
    ("the kitchen is on fire", ROUTE_CRISIS_112),
    ("he has a knife", ROUTE_CRISIS_112),
    ("my husband hits me", ROUTE_CRISIS_VEILIG_THUIS),
    ("there is abuse at home", ROUTE_CRISIS_VEILIG_THUIS),
    ("I'm afraid of my partner", ROUTE_CRISIS_VEILIG_THUIS),
    ("he threatened to kill me", ROUTE_CRISIS_VEILIG_THUIS),
    ("my ex keeps threatening me", ROUTE_CRISIS_VEILIG_THUIS),
    ("I've been cutting myself again", ROUTE_CRISIS_113),
    ("I have no reason to live", ROUTE_CRISIS_113),
]

# --- Chat spellings and typos ---------------------------------------------------------------
TYPOS = [
    ("ik wil er nie meer zijn", ROUTE_CRISIS_113),
    ("zelfmoort", ROUTE_CRISIS_113),
    ("ik denk aan selfmoord", ROUTE_CRISIS_113),
    ("ik wil niet meer leve", ROUTE_CRISIS_113),
    ("Ik wil dooooood", ROUTE_CRISIS_113),
    ("k wil dr nie meer zijn", ROUTE_CRISIS_113),
    ("IK WIL ER NIET MEER ZIJN!!!", ROUTE_CRISIS_113),
    ("mn man slaat me", ROUTE_CRISIS_VEILIG_THUIS),
    ("m'n vriend slaat me", ROUTE_CRISIS_VEILIG_THUIS),
    ("ik heb ff alle pillen genomen", ROUTE_CRISIS_112),
    ("ik wil er gewoon… niet meer zijn", ROUTE_CRISIS_113),
    ("kom nuuuu", ROUTE_CRISIS_112),
]

# --- Crisis hidden in a long message about other things -------------------------------------
HIDDEN = [
    (
        "Goedemiddag, ik heb een vraag over de huurtoeslag want die is gestopt en ik snap de brief "
        "van de Belastingdienst niet. Ook moet ik nog een formulier invullen voor de Wmo voor mijn "
        "moeder. Eerlijk gezegd zie ik het niet meer zitten en wil ik er niet meer zijn. Kan iemand "
        "mij helpen met die brief?",
        ROUTE_CRISIS_113,
    ),
    (
        "Ik zoek een nieuwe woning omdat het huis te klein is voor ons vijven en de schulden lopen "
        "op. Mijn vriend drinkt veel en als hij boos is slaat hij me, maar daar gaat het nu niet om. "
        "Welke woningcorporatie moet ik bellen?",
        ROUTE_CRISIS_VEILIG_THUIS,
    ),
    (
        "ik wil weten hoe de schuldhulp werkt, ik heb een brief van de deurwaarder gekregen en "
        "ik slaap slecht. ik heb net een hele doos slaappillen ingenomen. wat moet ik met die brief",
        ROUTE_CRISIS_112,
    ),
    (
        "Mijn oma van 84 woont bij mijn tante. Ik ga er elke week langs voor de boodschappen. "
        "Laatst zag ik dat mijn tante de pinpas van oma afpakt, en ze sluit haar op in haar kamer "
        "als ze weggaat. Kan de gemeente iets regelen voor dagbesteding?",
        ROUTE_CRISIS_VEILIG_THUIS,
    ),
    (
        "Dag, ik ben mantelzorger voor mijn man met MS en ik ben zo moe. De thuiszorg komt te laat, "
        "de aanvraag voor een traplift loopt al maanden. Soms denk ik: iedereen is beter af zonder "
        "mij. Hoe vraag ik respijtzorg aan?",
        ROUTE_CRISIS_113,
    ),
]

# --- Negations: not crisis by rule ----------------------------------------------------------
NEGATIONS = [
    "ik wil niet dood, ik wil hulp",
    "ik wil niet dood maar ik weet het echt niet meer",
    "ik denk niet aan zelfmoord",
    "ik heb geen gedachten aan zelfmoord",
    "geen zelfmoordgedachten, wel veel zorgen over geld",
    "ik ga mezelf niets aandoen",
    "ik zou mezelf nooit iets aandoen",
    "ik ben niet suïcidaal, ik ben gewoon moe",
    "ik zou nooit zelfmoord plegen",
    "I'm not going to hurt myself",
    "I don't want to die",
    "mijn man slaat me niet, maar hij schreeuwt wel veel",
    "er is geen sprake van huiselijk geweld",
    "ik wil niet meer",
    "ik wil niet meer naar die school",
]

# --- Near misses: figurative language, never crisis, and is_near_miss is True ---------------
NEAR_MISS = [
    "ik schrok me dood",
    "ik ben me dood geschrokken van die brief",
    "ik ben doodmoe",
    "ik ben dood op na die dag",
    "ik word doodziek van die wachtlijst",
    "ik ga dood van de zenuwen voor mijn examen",
    "ik ga dood van het lachen",
    "ik ga dood van de warmte in dit huis",
    "dat was dodelijk saai",
    "die rekening vermoordt me",
    "om gek van te worden",
    "ik word gek van de buren",
    "ik word er knettergek van",
    "mijn baas maakt me af als ik weer te laat ben",
    "ik sterf van de honger",
    "wat een zelfmoordactie van de gemeente om de bibliotheek te sluiten",
    "die bezuiniging is een zelfmoordmissie",
    "ik lach me dood om dat filmpje",
    "ik verveel me dood hier",
    "ik schaam me dood",
    "ik ben doodsbang voor de tandarts",
    "ik kan hem wel wurgen",
    "dat slaat nergens op",
    "mijn moeder slaat de spijker op zijn kop",
    "mijn hart stond even stil toen ik de brief zag",
    "wat een moordend tempo op mijn werk",
    "de stress maakt me gek",
    "ik ben helemaal kapot",
    "you're killing it",
    "I'm dead tired",
    "this is killing me",
    "my feet are killing me",
    "my boss drives me crazy",
    "I'm bored to death",
    "I'm going crazy with all these forms",
    "I nearly died laughing",
    "I'm killing myself laughing",
    "ik word gek van het formulier voor de bijzondere bijstand",
]

# --- Ordinary messages: no crisis, no near miss ---------------------------------------------
ORDINARY = [
    "de gemeente reageert niet op mijn mail",
    "mijn moeder reageert niet op mijn berichten",
    "ik heb schulden en weet niet wat ik moet doen",
    "mijn pillen zijn op, waar haal ik nieuwe",
    "ik heb mijn pillen genomen",
    "ik heb 10 jaar pillen genomen voor mijn rug",
    "na de brand van vorig jaar zoek ik een nieuwe woning",
    "ik word bedreigd met een boete van de gemeente",
    "ik krijg mijn zoon niet wakker voor school",
    "ik ben beter af zonder hem, hij is eindelijk weg",
    "kan ik zelf kiezen wie mijn meedenker wordt?",
    "mijn vader heeft een hartaanval gehad en nu zoek ik thuiszorg",
    "kom nu op, dit moet toch sneller kunnen",
    "ik sluit me soms op in mijn kamer om te lezen",
    "ik heb vroeger eens een overdosis gehad maar ben nu clean",
    "mijn vader is vorig jaar overleden aan een overdosis",
    "de verhuurder dreigt me uit huis te zetten",
    "ik wil een einde maken aan mijn abonnement",
    "ik wil niet meer leven van een uitkering",
    "ik wil niet langer in deze wijk wonen",
    "ik mag het huis niet uit van de dokter na mijn operatie",
    "ik ben bang voor mijn vader zijn gezondheid",
    "mijn zoon slaat zijn huiswerk over",
    "mijn dochter slaat dicht als ik over school begin",
    "de rekening van de ambulance is hoog",
    "ik zit op de rand van mijn bed",
    "ik sta op het perron",
    "ik pak een mes om brood te snijden",
    "ik heb me gesneden aan een mes tijdens het koken",
    "er is brand geweest in onze flat",
    "ik neem veel pillen voor mijn hart",
    "mijn zoon van 19 reageert niet meer op mijn appjes",
    "I hurt myself playing football",
    "he beat me at chess",
]


def _assert_found(text: str, route: str) -> CrisisSignal:
    signal = detect_crisis(text)
    assert signal is not None, f"missed crisis: {text!r}"
    assert signal.route == route, f"{text!r}: got {signal}"
    assert signal.evidence, signal
    assert signal.evidence in text, f"evidence {signal.evidence!r} not in {text!r}"
    assert not is_near_miss(text)
    return signal


@pytest.mark.parametrize("text", SUICIDE_DUTCH)
def test_suicide_language_routes_to_113(text: str) -> None:
    signal = _assert_found(text, ROUTE_CRISIS_113)
    assert signal.rule.startswith("113.")


@pytest.mark.parametrize("text", ACUTE_DUTCH)
def test_acute_danger_routes_to_112(text: str) -> None:
    signal = _assert_found(text, ROUTE_CRISIS_112)
    assert signal.rule.startswith("112.")


@pytest.mark.parametrize("text", DOMESTIC_DUTCH)
def test_domestic_violence_routes_to_veilig_thuis(text: str) -> None:
    signal = _assert_found(text, ROUTE_CRISIS_VEILIG_THUIS)
    assert signal.rule.startswith("vt.")


@pytest.mark.parametrize(("text", "route"), ENGLISH)
def test_english_phrasings(text: str, route: str) -> None:
    _assert_found(text, route)


@pytest.mark.parametrize(("text", "route"), TYPOS)
def test_chat_spellings_and_typos(text: str, route: str) -> None:
    _assert_found(text, route)


@pytest.mark.parametrize(("text", "route"), HIDDEN)
def test_crisis_hidden_in_long_message(text: str, route: str) -> None:
    _assert_found(text, route)


@pytest.mark.parametrize("text", NEGATIONS)
def test_negations_are_not_crisis(text: str) -> None:
    assert detect_crisis(text) is None, crisis_signals(text)
    assert crisis_signals(text) == []
    assert not is_near_miss(text)  # a negation is not figurative language: no veto


@pytest.mark.parametrize("text", NEAR_MISS)
def test_near_misses_are_not_crisis(text: str) -> None:
    assert detect_crisis(text) is None, crisis_signals(text)
    assert is_near_miss(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_are_neither(text: str) -> None:
    assert detect_crisis(text) is None, crisis_signals(text)
    assert not is_near_miss(text)


def test_a_threat_by_someone_else_is_not_self_harm() -> None:
    signal = detect_crisis("ik denk dat hij me iets wil aandoen")
    assert signal is not None
    assert signal.route == ROUTE_CRISIS_VEILIG_THUIS
    assert all(s.route != ROUTE_CRISIS_113 for s in crisis_signals("ik denk dat hij me iets wil aandoen"))


def test_ambiguous_ik_wil_niet_meer_needs_a_life_context() -> None:
    assert detect_crisis("ik wil niet meer") is None
    assert detect_crisis("ik wil niet meer. ik heb geen zin in school") is None
    signal = detect_crisis("ik wil niet meer. mijn leven is een puinhoop")
    assert signal is not None and signal.rule == "113.wil_niet_meer_met_context"


def test_near_miss_language_with_a_real_signal_is_not_a_near_miss() -> None:
    text = "ik ben doodmoe en ik wil er niet meer zijn"
    assert detect_crisis(text) is not None
    assert not is_near_miss(text)


# --- Priority and the shape of the answer ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "routes"),
    [
        (
            "ik wil er niet meer zijn en ik heb net alle pillen ingenomen",
            [ROUTE_CRISIS_112, ROUTE_CRISIS_113],
        ),
        (
            "mijn man slaat me en ik wil dood",
            [ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS],
        ),
        (
            "mijn man slaat me. nu staat hij met een mes in de keuken. ik wil niet meer leven",
            [ROUTE_CRISIS_112, ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS],
        ),
    ],
)
def test_signals_are_ordered_most_urgent_first(text: str, routes: list[str]) -> None:
    signals = crisis_signals(text)
    seen = list(dict.fromkeys(s.route for s in signals))
    assert seen == routes
    detected = detect_crisis(text)
    assert detected is not None and detected.route == routes[0]
    assert detected == signals[0]


def test_signals_are_deduplicated() -> None:
    text = "ik wil dood. ik wil dood. ik wil dood."
    signals = crisis_signals(text)
    assert len(signals) == len(set(signals)) == 1
    assert signals[0] == CrisisSignal(ROUTE_CRISIS_113, "113.dood_willen", "wil dood")


@pytest.mark.parametrize(
    ("text", "rule", "evidence"),
    [
        ("Ik wil NIET meer leven.", "113.wil_niet_meer_leven", "wil NIET meer leven"),
        ("ik wil er nie meer zijn", "113.er_niet_meer_zijn", "wil er nie meer zijn"),
        ("Ik wil dooooood!!", "113.dood_willen", "wil dooooood"),
        ("Mn man slaat me", "vt.huisgenoot_slaat", "Mn man slaat me"),
        ("Zelfmoordgedachten heb ik al weken", "113.zelfmoord", "Zelfmoordgedachten"),
        ("ik voel me suïcidaal", "113.zelfmoord", "suïcidaal"),
        ("Ik heb   net ALLE pillen ingenomen", "112.pillen_ingenomen", "ALLE pillen ingenomen"),
        ("iedereen is beter af zonder me", "113.beter_af_zonder_mij", "beter af zonder me"),
    ],
)
def test_evidence_is_the_original_text(text: str, rule: str, evidence: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.rule == rule
    assert signal.evidence == evidence
    assert signal.evidence in text


def test_empty_and_blank_text() -> None:
    for text in ("", "   ", "...", "!!!"):
        assert detect_crisis(text) is None
        assert crisis_signals(text) == []
        assert not is_near_miss(text)


# --- Normalisation --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik  wil   NIET", "ik wil niet"),
        ("suïcidaal", "suicidaal"),
        ("mn ff nie", "mijn even niet"),
        ("'k wil 't niet, d'r", "ik wil het niet , er"),
        ("dooooood", "dood"),
        ("nuuuuu", "nu"),
        ("nee. ja! toch? ok", "nee . ja . toch . ok"),
        ("ik wil... niet", "ik wil niet"),
        ("ex-man", "ex man"),
        ("I’m dead", "im dead"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    norm = normalise(text)
    assert norm.text == expected
    assert len(norm.origin) == len(norm.text)
    assert all(0 <= i < len(text) for i in norm.origin)


# --- The rule table itself ------------------------------------------------------------------
def test_rule_table_is_well_formed() -> None:
    prefixes = {ROUTE_CRISIS_112: "112.", ROUTE_CRISIS_113: "113.", ROUTE_CRISIS_VEILIG_THUIS: "vt."}
    ids = [rule_id for rule_id, _, _ in RULES]
    assert len(ids) == len(set(ids))
    for rule_id, route, _pattern in RULES:
        assert route in CRISIS_ROUTES
        assert rule_id.startswith(prefixes[route])
    # Grouped by route, most urgent first.
    order = [route for _, route, _ in RULES]
    assert order == sorted(order, key=[ROUTE_CRISIS_112, ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS].index)
    assert {route for _, route, _ in RULES} == set(CRISIS_ROUTES)
    assert all(rule_id.startswith("nm.") for rule_id, _ in NEAR_MISSES)
