"""Tests for bot/understanding/crisis/: the crisis rules must never miss a crisis and must not fire on
figurative language. Every case asserts behaviour; the lists are grouped by what they protect."""
from __future__ import annotations

import pytest

from bot.understanding.crisis import (
    NEAR_MISSES,
    RULES,
    CrisisSignal,
    crisis_signals,
    detect_crisis,
    is_near_miss,
    is_negated_crisis,
    is_told_as_past_or_information,
    normalise,
)
from bot.understanding.werkmodel import (
    CRISIS_ROUTES,
    ROUTE_CRISIS_112,
    ROUTE_CRISIS_113,
    ROUTE_CRISIS_VEILIG_THUIS,
)

# --- crisis_113: direct and indirect suicidal language --------------------------------------
SUICIDE_DUTCH = [
    "ik denk aan zelfmoord",
    # Residents' round 47: a widow's answer to the safety check.
    "soms denk ik wel aan niet meer leven ja, eerlijk gezegd. maar ik heb geen plan of zo",
    "ik denk er soms aan om niet meer te leven",
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
    "nee ik denk niet aan niet meer leven hoor",
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


# --- More, written as residents write: spreektaal, typos, no punctuation, someone else -----
# Groups: indirect suicidal language, a friend or relative who wants to die (113 unless an act
# happens now), acute danger to someone else (112), violence at home also in the past tense,
# elder and child abuse, forced marriage (Veilig Thuis), and English for the three routes.
# --- crisis_113, indirect: disappearing, stopping, rest in death, being a burden -----------
SUICIDE_INDIRECT = [
    "ik wil gewoon voorgoed verdwijnen",
    "het liefst zou ik voorgoed verdwijnen en dat niemand me zoekt",
    "soms wil ik verdwijnen, voor altijd",
    "ik wil voor altijd weg",
    "k wil voorgoed weg van deze wereld",
    "ik wil stoppen met alles, ook met leven",
    "ik wil stoppen met leven",
    "eigenlijk wil ik gewoon stoppen met het leven",
    "ik wil ermee stoppen. met leven bedoel ik",
    "ik ben klaar met het leven",
    "ik ben er klaar mee, klaar met leven",
    "het lijkt me rustig om dood te zijn",
    "het lijkt me echt fijn om dood te zijn eerlijk gezegd",
    "dood zijn lijkt me heerlijk rustig",
    "de dood lijkt me een verlossing",
    "het zou een opluchting zijn als ik er niet meer was",
    "ik denk er steeds vaker aan om er niet meer te zijn",
    "ik denk erover na om er niet meer te zijn",
    "ik hoop er morgen niet meer te zijn",
    "ik zou er liever niet meer zijn",
    "het is voor iedereen beter als ik er niet meer ben",
    "ik kan dit leven niet meer dragen",
    "ik hou dit leven niet meer vol",
    "ik kan dit leven niet langer volhouden",
    "ik trek dit leven niet meer",
    "ik zie het leven niet meer zitten",
    "ik kan dit bestaan niet meer aan",
    "als ik op het perron sta denk ik steeds, een stap naar voren en het is klaar",
    "op het perron denk ik aan één stap naar voren als de trein komt",
    "elke keer als ik op het station sta wil ik voor de trein springen",
    "ik denk eraan om van de brug te springen",
    "als ik over de brug fiets wil ik er soms vanaf springen",
    "ik woon op 9 hoog en denk er steeds vaker aan om te springen",
    "ze zijn allemaal beter af zonder mij",
    "zonder mij is iedereen beter af",
    "mijn kinderen zijn beter zonder mij",
    "de wereld is beter zonder mij",
    "ik ben een last",
    "ik ben alleen maar een last voor mijn kinderen",
    "ik voel me een last voor iedereen",
    "ik ben iedereen tot last",
    "ik neem afscheid van iedereen",
    "ik heb vandaag afscheid genomen van iedereen",
    "vaarwel iedereen, sorry voor alles",
    "ik heb een plan om er een eind aan te maken",
    "ik heb al een plan gemaakt, de pillen liggen klaar",
    "k wil dood gwn",
    "ik wil eigenlijk liever dood",
    "ik wil niet dood maar ik wil ook niet meer leven",  # negates one phrase, states another
    "ik wil niet verder leven",
]

# --- crisis_113, someone else: a friend or relative says they want to end their life ------
SUICIDE_THIRD_PARTY = [
    "mijn vriendin appt dat ze er een eind aan wil maken",
    "mijn zoon zegt dat hij er een einde aan gaat maken",
    "mijn broer wil zich van kant maken",
    "mijn vader zegt dat hij zichzelf iets gaat aandoen",
    "ik ben bang dat mijn zoon zich iets aandoet",
    "mijn vriend zei gisteren dat hij zich wil ophangen",
    "mijn moeder zegt steeds dat ze er niet meer wil zijn",
    "mijn dochter van 15 heeft pillen gespaard",
    "mijn man zegt dat we beter af zijn zonder hem en dat hij niet meer wil leven",
    "mn beste vriendin stuurde net dat ze niet meer wil leven wat moet ik doen",
    "mijn zus heeft een afscheidsbrief geschreven",
    "mijn vader heeft dementie en nu zegt mijn moeder dat ze dood wil",
    "mijn buurman zei dat hij een einde aan zijn leven wil maken",
    "mijn vriend dreigde vorige week te springen",
]

# --- crisis_112: acute danger now, often someone else ------------------------------------
ACUTE_MORE = [
    "mijn buurman staat op het balkon en dreigt te springen",
    "er staat iemand op de brug die wil springen",
    "mijn zoon zit op de rand van het dak en zegt dat hij springt",
    "mijn vriend dreigt nu van het balkon te springen",
    "ik sta op het balkon en wil springen",
    "mijn vader met dementie is al uren zoek en het vriest",
    "mijn moeder heeft alzheimer en is sinds vanochtend weg, ze heeft geen jas aan",
    "mijn opa is dementerend en is weggelopen, we kunnen hem nergens vinden",
    "mijn schoonvader met dementie is vermist, hij liep in zijn pyjama naar buiten",
    "mijn moeder is gevallen en beweegt niet meer",
    "mijn vader is van de trap gevallen en reageert niet",
    "hij ligt op de grond en beweegt niet",
    "mijn oma is gevallen en ligt op de grond, ze kan niet opstaan",
    "mijn moeder ligt al uren op de grond in de badkamer",
    "mijn man is net in elkaar gezakt",
    "mijn zoon heeft te veel pillen genomen",
    "mijn moeder heeft al haar pillen ingenomen",
    "ze heeft een hele doos paracetamol geslikt",
    "mijn vriendin heeft net 30 oxazepam geslikt en ze wordt heel suf",
    "ze bloedt heel veel",
    "er is heel veel bloed",
    "hij ligt in een plas bloed",
    "het bloed spuit eruit",
    "onze keuken staat in de fik",
    "er is rook in het trappenhuis en het alarm gaat",
    "er loopt een man met een mes door de straat",
    "er staat een man met een mes voor mijn deur",
    "mijn ex staat voor de deur met een mes",
    "help mijn man ademt niet meer",
]

# --- crisis_veilig_thuis: partner violence (also past tense), children, elders, coercion ---
DOMESTIC_MORE = [
    "mijn partner heeft me tegen de muur gegooid",
    "mijn man gooide me tegen de muur",
    "hij heeft me gisteren van de trap geduwd",
    "gisteren heeft mijn vriend me in mijn gezicht geslagen",
    "ik ben door mijn man van de trap geduwd",
    "mijn vriend sloeg me gisteravond weer",
    "mn vriend heeft me vorige week geschopt toen ik zwanger was",
    "hij trok me aan mn haren door de kamer",
    "ik hoor elke avond de kinderen van de buren gillen en ik hoor klappen",
    "ik hoor de buurvrouw haar kinderen slaan",
    "de buurman slaat zijn kinderen, ik hoor het elke avond",
    "bij de buren worden de kinderen elke avond uitgescholden en geslagen",
    "de thuiszorgmedewerker slaat mijn moeder",
    "mijn oma wordt geslagen door haar verzorger",
    "de verzorgster pakt geld van mijn vader af",
    "mijn broer haalt steeds geld van de rekening van mijn moeder",
    "de hulp heeft geld gestolen van mijn oma",
    "mijn zoon pakt mijn pinpas af en zegt dat hij me anders slaat",
    "mijn man bedreigt me",
    "ik word bedreigd door mijn ex",
    "mijn ex stalkt me en staat elke avond voor mijn deur",
    "mijn ouders willen dat ik trouw met iemand die ik niet ken",
    "ik moet van mijn ouders trouwen deze zomer",
    "ik word gedwongen om te trouwen",
    "ze willen me uithuwelijken",
    "mijn dochter vertelde dat opa aan haar zit",
    "mijn zoon zegt dat zijn vader hem slaat",
    "een meisje uit de klas vertelde me dat ze thuis geslagen wordt",
    "mijn dochter van 7 vertelde dat de oppas haar aanraakt op plekken waar dat niet mag",
    "haar man slaat haar en ze durft niet weg",
    "mijn man slaat me niet, maar hij wurgt me als hij dronken is",  # negates one, states another
]

ENGLISH_MORE = [
    ("I want to end it all", ROUTE_CRISIS_113),
    ("i dont want to live anymore", ROUTE_CRISIS_113),
    ("I just want to disappear forever", ROUTE_CRISIS_113),
    ("I'm going to kill myself", ROUTE_CRISIS_113),
    ("I'm thinking about ending my life", ROUTE_CRISIS_113),
    ("I feel like a burden to everyone", ROUTE_CRISIS_113),
    ("I'm such a burden", ROUTE_CRISIS_113),
    ("everyone would be better off if I was gone", ROUTE_CRISIS_113),
    ("my friend says she wants to kill herself", ROUTE_CRISIS_113),
    ("my brother told me he wants to end his life", ROUTE_CRISIS_113),
    ("I want to stop living", ROUTE_CRISIS_113),
    ("I don't want to be here anymore", ROUTE_CRISIS_113),
    ("I've been thinking about jumping off the bridge", ROUTE_CRISIS_113),
    ("this is goodbye, I'm sorry for everything", ROUTE_CRISIS_113),
    ("someone is not breathing", ROUTE_CRISIS_112),
    ("my mom fell and isn't moving", ROUTE_CRISIS_112),
    ("she's on the balcony threatening to jump", ROUTE_CRISIS_112),
    ("there's a man with a knife outside my door", ROUTE_CRISIS_112),
    ("my grandmother has dementia and has been missing for hours, it's freezing", ROUTE_CRISIS_112),
    ("she swallowed a bottle of pills", ROUTE_CRISIS_112),
    ("he collapsed and is not responding", ROUTE_CRISIS_112),
    ("my husband hits me", ROUTE_CRISIS_VEILIG_THUIS),
    ("my boyfriend hit me last night", ROUTE_CRISIS_VEILIG_THUIS),
    ("my partner pushed me down the stairs", ROUTE_CRISIS_VEILIG_THUIS),
    ("my dad beats my mom", ROUTE_CRISIS_VEILIG_THUIS),
    ("he threw me against the wall", ROUTE_CRISIS_VEILIG_THUIS),
    ("I hear the neighbours kids being beaten every night", ROUTE_CRISIS_VEILIG_THUIS),
    ("my parents are forcing me to marry", ROUTE_CRISIS_VEILIG_THUIS),
    ("my son takes my money and threatens me", ROUTE_CRISIS_VEILIG_THUIS),
    ("I'm scared to go home", ROUTE_CRISIS_VEILIG_THUIS),
]

HIDDEN_MORE = [
    (
        "hoi ik heb een vraag over bijzondere bijstand want mijn wasmachine is kapot en ik heb "
        "al een betalingsregeling bij de energie en de zorgverzekering en ik slaap slecht. "
        "eerlijk gezegd lijkt het me soms rustig om dood te zijn. maar goed kan ik die "
        "wasmachine aanvragen bij de gemeente",
        ROUTE_CRISIS_113,
    ),
    (
        "Goedemorgen. Wij wonen met 4 kinderen in een huurhuis met schimmel in de badkamer en de "
        "kinderen hoesten steeds. De woningcorporatie doet niks. Mijn man heeft me vorige week "
        "tegen de muur gegooid toen ik erover begon. Waar kan ik een klacht indienen over de "
        "schimmel?",
        ROUTE_CRISIS_VEILIG_THUIS,
    ),
    (
        "ik ben mantelzorger voor mijn vader hij heeft dementie en woont nog thuis. ik heb net "
        "gebeld met de thuiszorg maar hij is al uren zoek en het vriest buiten en hij heeft "
        "alleen zijn pantoffels aan. ook wil ik weten of er dagbesteding is",
        ROUTE_CRISIS_112,
    ),
    (
        "Mijn vriendin appt net dat ze er een eind aan wil maken. Ze heeft ook schulden en haar "
        "uitkering is gestopt, daarom vraag ik namens haar of jullie iets kunnen doen met die "
        "schulden",
        ROUTE_CRISIS_113,
    ),
    (
        "we hebben een achterstand met de huur van drie maanden en de huisbaas dreigt met "
        "ontruiming. ik werk parttime en het lukt gewoon niet. ik denk er steeds vaker aan om "
        "er niet meer te zijn. is er een potje voor huurachterstand",
        ROUTE_CRISIS_113,
    ),
]

# --- Not crisis: negations, ordinary worries, and near misses of the new rules -------------
NEGATIONS_MORE = [
    "ik wil niet dood hoor, ik wil gewoon hulp met mijn schulden",
    "ik denk niet aan zelfmoord, maar ik weet niet hoe ik de huur moet betalen",
    "ik wil niet stoppen met leven, ik wil stoppen met roken",
    "ik ga heus niet van het balkon springen, maar ik ben wel wanhopig",
    "ik ga niet voor de trein springen hoor",
    "ik ben niet suicidaal, ik wil alleen even praten",
    "I'm not suicidal, I just need help with my rent",
    "I don't want to kill myself, I just need someone to talk to",
    "nee ik wil mezelf niks aandoen",
    "ik zou mezelf nooit van kant maken, ik heb kinderen",
    "ik wil niet voorgoed verdwijnen, ik wil alleen even rust",
    "ik denk niet dat mijn kinderen beter af zijn zonder mij",
    "ik word niet geslagen, ik heb gewoon een vraag over de huurtoeslag",
]

ORDINARY_MORE = [
    "schimmel in de badkamer en de kinderen hoesten",
    "mijn huisbaas wil me eruit zetten",
    "I got a letter I don't understand",
    "I just need someone to talk to, I feel lonely",
    "ik heb adhd denk ik",
    "mijn moeder is gevallen vorig jaar en heeft nu een rollator",
    "ik ben er klaar mee met die instanties",
    "ik wil voorgoed weg uit deze wijk",
    "ik wil voor altijd weg uit dit huis, kan ik urgentie krijgen",
    "de schimmel moet voorgoed verdwijnen",
    "ik wil dat mijn schulden voorgoed verdwijnen",
    "ik wil stoppen met roken",
    "ik moet stoppen met leven boven mijn stand",
    "ik ben klaar met mijn opleiding en zoek werk",
    "wie zorgt er voor mijn zoon als ik er niet meer ben",
    "als ik er niet meer ben, wat gebeurt er dan met mijn huis",
    "mijn moeder is er niet meer, ze is vorig jaar overleden",
    "mijn vader wil thuis sterven, het is fijn om te sterven in je eigen bed",
    "ik wil mijn kinderen niet tot last zijn",
    "ik wil geen last zijn voor mijn dochter, daarom vraag ik thuiszorg aan",
    "ik heb last van mijn rug",
    "ik voel me een last kwijt nu de schulden geregeld zijn",
    "ik sta op het perron en de trein heeft vertraging",
    "de conducteur zei dat iedereen een stap naar achteren moest doen op het perron",
    "ik moest rennen om de trein te halen",
    "mijn man staat op het balkon te roken",
    "mijn zoon zit op het dak om de goot te maken",
    "de kinderen springen in het zwembad",
    "mijn vader met dementie loopt soms weg, kan ik een gps tracker krijgen",
    "mijn moeder heeft dementie en is op zoek naar een verpleeghuis",
    "mijn vader heeft dementie en zijn gehoorapparaat is weer zoek",
    "mijn vader beweegt niet genoeg sinds zijn operatie",
    "mijn oma is vorige week gevallen en moet nu revalideren",
    "mijn moeder is al twee keer gevallen, kan ze een valalarm krijgen",
    "mijn vader ligt in het ziekenhuis en kan niet opstaan zonder hulp",
    "ik hoor de hele nacht deuren klappen bij de buren",
    "ik hoor de buren de hele nacht schreeuwen, is dat geluidsoverlast",
    "de buren gooien hun afval over de schutting",
    "mijn vader gooit alles weg",
    "mijn zoon beheert het geld van mijn moeder",
    "mijn broer houdt het geld van mijn vader bij",
    "ik ga trouwen, verandert mijn uitkering",
    "mijn dochter vertelde dat de juf haar een compliment gaf",
    "the bridge is closed and I can't get to work",
    "ik kan de huur niet meer dragen",
    "ik hou het financieel niet meer vol",
    "mijn leven staat op zijn kop door die schulden",
    "mijn opa is vorig jaar overleden en ik mis hem",
    "ik heb een plan nodig voor mijn schulden",
    "ik neem afscheid van mijn oude huis",
    "ik heb afscheid genomen van iedereen op mijn werk want ik ga met pensioen",
    "ik word uit mijn huis gegooid door de woningcorporatie",
    "de gemeente heeft ons met een boete bedreigd",
    "er komt rook uit de schoorsteen van de buren",
    "ik heb last van rook in huis van de houtkachel van de buren",
    "mijn man zit met een mes brood te smeren",
    "ik heb heel veel bloed laten prikken bij de huisarts",
    "is er een zwembad met een glijbaan in de buurt, de kinderen willen springen",
    "kan iemand mij helpen met de aanvraag voor een traplift",
    "mijn zoon van 17 wil op kamers en ik weet niet hoe dat zit met de toeslagen",
    "mijn moeder wordt vergeetachtig en raakt soms de weg kwijt in de supermarkt",
    "I feel lonely since my wife died",
    "my landlord threatens to evict me",
    "I need help with my debts",
]

NEAR_MISS_MORE = [
    "doodmoe",
    "ik ga dood van de stress",
    "die rekeningen maken me kapot",
    "ik schrok me dood van de aanmaning",
    "om gek van te worden met die formulieren",
    "I need help with my debts, the bills are killing me",
]

NEGATED_CRISIS = [
    "ik wil niet dood hoor, ik wil gewoon hulp met mijn schulden",
    "ik denk niet aan zelfmoord, maar ik weet niet hoe ik de huur moet betalen",
    "ik ben niet suïcidaal, ik ben gewoon moe",
    "I'm not suicidal, I just need help with my rent",
    "I don't want to die, I want a bigger house",
    "nee ik ga mezelf niks aandoen, ik wil een afspraak",
    "geen zelfmoordgedachten, wel veel zorgen over geld",
    "ik wil echt niet dood, ik wil gewoon een meedenker",
]

NOT_NEGATED_CRISIS = [
    "ik denk niet aan zelfmoord maar ik wil er soms niet meer zijn",  # a rule fires
    "ik wil niet dood, maar ik zie het niet meer zitten",  # denial next to distress
    "ik wil niet dood maar ik kan niet meer",
    "ik wil niet dood, ik wil gewoon dat het stopt",
    "ik heb schulden en weet niet wat ik moet doen",  # no denial at all
    "mijn man slaat me niet, maar hij controleert alles",  # not a denial of danger
    "ik schrok me dood",  # figurative: is_near_miss, not a denial
]

# Fresh phrasings of the same families, kept apart to check that the rules generalise.
GENERALISE = [
    ("ik wil er gewoon niet meer zijn snap je", ROUTE_CRISIS_113),
    ("eerlijk gezegd hoef ik er niet meer te zijn", ROUTE_CRISIS_113),
    ("soms denk ik dat het beter is als ik er niet meer ben", ROUTE_CRISIS_113),
    ("ik zou het liefst voor altijd gaan slapen", ROUTE_CRISIS_113),
    ("ik wil gwn stoppen met leven ik trek het niet meer", ROUTE_CRISIS_113),
    ("dood lijkt me soms gewoon rustig", ROUTE_CRISIS_113),
    ("het lijkt me zo rustig om er niet meer te zijn", ROUTE_CRISIS_113),
    ("ik kan het leven niet meer aan", ROUTE_CRISIS_113),
    ("mijn familie heeft het beter zonder mij", ROUTE_CRISIS_113),
    ("ik sta vaak op het perron en denk dan aan springen", ROUTE_CRISIS_113),
    ("ik wil van de flat springen", ROUTE_CRISIS_113),
    ("mijn moeder appte dat ze er een eind aan gaat maken", ROUTE_CRISIS_113),
    ("mijn vriend heeft gezegd dat hij uit het leven wil stappen", ROUTE_CRISIS_113),
    ("mijn dochter snijdt zichzelf", ROUTE_CRISIS_113),
    ("ik heb alles geregeld en afscheid genomen van de wereld", ROUTE_CRISIS_113),
    ("ik heb schulden bij de belasting en cjib en ik zie geen uitweg meer soms denk ik erover om "
     "voorgoed te verdwijnen", ROUTE_CRISIS_113),
    ("mn vriendin zegt steeds dat ze beter dood kan zijn", ROUTE_CRISIS_113),
    ("het lijkt me een opluchting om niet meer wakker te worden", ROUTE_CRISIS_113),
    ("mijn broertje van 14 zegt dat hij zich van kant wil maken", ROUTE_CRISIS_113),
    ("als ik over de brug loop denk ik steeds eraan om te springen", ROUTE_CRISIS_113),
    ("mijn buurvrouw zit op de reling van haar balkon en dreigt te springen", ROUTE_CRISIS_112),
    ("er zit een jongen op de brug die naar beneden wil springen", ROUTE_CRISIS_112),
    ("mijn oma heeft dementie en is al sinds vanmiddag vermist", ROUTE_CRISIS_112),
    ("mijn moeder met dementie is vannacht weggelopen en nog niet terug, het vriest", ROUTE_CRISIS_112),
    ("mijn vader ligt onderaan de trap en reageert niet", ROUTE_CRISIS_112),
    ("mijn man heeft net een hele pot slaappillen geslikt", ROUTE_CRISIS_112),
    ("er staat iemand met een mes in het portiek", ROUTE_CRISIS_112),
    ("mijn vader is in elkaar gezakt en ademt niet", ROUTE_CRISIS_112),
    ("er brand het in de keuken", ROUTE_CRISIS_112),
    ("mijn vrouw is flauwgevallen en reageert niet", ROUTE_CRISIS_112),
    ("mijn vriend heeft me gisteren geslagen", ROUTE_CRISIS_VEILIG_THUIS),
    ("ik werd door mijn man tegen de grond gegooid", ROUTE_CRISIS_VEILIG_THUIS),
    ("hij heeft me bij mijn keel gepakt", ROUTE_CRISIS_VEILIG_THUIS),
    ("ik hoor de buurman zijn vrouw slaan", ROUTE_CRISIS_VEILIG_THUIS),
    ("de buurkinderen worden geslagen door hun vader", ROUTE_CRISIS_VEILIG_THUIS),
    ("mijn oom heeft mijn dochter aangeraakt onder haar kleren", ROUTE_CRISIS_VEILIG_THUIS),
    ("mijn schoonzoon pakt steeds geld van mijn moeder af", ROUTE_CRISIS_VEILIG_THUIS),
    ("ik word door mijn familie gedwongen te trouwen", ROUTE_CRISIS_VEILIG_THUIS),
    ("mijn dochter van 12 zegt dat haar stiefvader haar slaat", ROUTE_CRISIS_VEILIG_THUIS),
    ("de buren schreeuwen elke nacht en ik hoor het kindje huilen en klappen", ROUTE_CRISIS_VEILIG_THUIS),
    ("I wanna end it all tonight", ROUTE_CRISIS_113),
    ("my sister said she wants to end her life", ROUTE_CRISIS_113),
    ("my wife threatens to kill me", ROUTE_CRISIS_VEILIG_THUIS),
]

# One crisis phrase denied, another stated: the stated one counts.
DENIED_THEN_STATED = [
    ("ik wil niet dood maar ik wil ook niet meer leven", ROUTE_CRISIS_113),
    ("ik denk niet aan zelfmoord, maar ik wil er soms niet meer zijn", ROUTE_CRISIS_113),
    ("ik ga niet voor de trein springen maar ik wil wel dood", ROUTE_CRISIS_113),
    ("ik ben niet suïcidaal maar ik heb net al mijn pillen ingenomen", ROUTE_CRISIS_112),
    ("I'm not suicidal but I took too many pills", ROUTE_CRISIS_112),
    ("mijn man slaat me niet, maar hij wurgt me als hij dronken is", ROUTE_CRISIS_VEILIG_THUIS),
    ("ik wil niet naar huis want mijn vader slaat me", ROUTE_CRISIS_VEILIG_THUIS),
    ("ik wil niet dat mijn man me iets aandoet", ROUTE_CRISIS_VEILIG_THUIS),
    ("ik wil niet dood, mijn vriendin wil er een eind aan maken", ROUTE_CRISIS_113),
    ("ik wil niet dat mijn kinderen weten dat ik dood wil", ROUTE_CRISIS_113),
]

# Near misses of the new rules: everyday worries that share their words.
ORDINARY_SHARED_WORDS = [
    "mijn moeder heeft dementie en we kunnen haar paspoort niet meer vinden",
    "mijn moeder heeft dementie en haar kat is vermist",
    "mijn kat is al uren zoek en het vriest",
    "mijn moeder heeft dementie, ze is al de hele dag weg bij de dagbesteding",
    "mijn vader heeft alzheimer en verdwaalt soms, welke hulp is er",
    "mijn moeder wordt vergeetachtig en raakt soms de weg kwijt in de supermarkt",
    "mijn baby beweegt niet veel",
    "mijn moeder is vorig jaar gevallen en beweegt niet meer zo goed",
    "mijn vader ligt al uren op de bank tv te kijken",
    "de waterleiding dreigt te springen door de vorst",
    "mijn dochter wil graag springen op de trampoline, we wonen in een flat",
    "ik wil springen van geluk want we krijgen eindelijk een flat",
    "ik wil springen",
    "ik sta bij het raam en zie de kinderen springen",
    "ik wil niet verder leven van een uitkering",
    "op mijn werk moest ik een stap naar voren zetten, ik reis elke dag met de trein",
    "het is beter als ik er niet meer ben om vijf uur, dan kan de monteur komen",
    "we moeten stoppen met leven alsof er geen morgen is",
    "het is afscheid nemen van mijn moeder, ze gaat naar het verpleeghuis",
    "we gaan verhuizen en nemen afscheid van de buren",
    "de buren duwen hun kinderen op de schommel",
    "mijn broer duwt mijn moeder in de rolstoel naar de markt",
    "de hulp haalt geld van de rekening van mijn moeder voor de boodschappen",
    "ik hoor de kerkklok elke nacht slaan",
    "ik hoor de kinderen in hun handen klappen",
    "mijn dochter zit aan haar plassertje, is dat normaal op haar leeftijd",
    "ik zat opgesloten in de lift",
    "er hangt rook in de gang omdat de buren roken",
    "mijn ex bedreigt me met een rechtszaak over de alimentatie",
    "mijn buurman heeft een mes geslepen voor de barbecue",
    "ik heb een brief van de gemeente over mijn bijstand en ik snap er niks van",
    "ik wil weg uit deze buurt, er is veel overlast",
    "het leven is zo duur geworden dat ik niet rondkom",
    "het leven is niet meer te betalen",
    "ik wil graag stoppen met mijn uitkering want ik heb werk",
    "mijn oma is vorige maand overleden, hoe regel ik de uitvaart",
    "mijn vader is niet bang om dood te gaan, hij wil euthanasie",
    "mijn kind wordt gepest op school",
    "ik voel me alleen sinds mijn man dood is",
    "het is een last om alle formulieren in te vullen",
    "ik heb geen zin meer in dat gedoe met de belastingdienst",
    "ik moet trouwen voor mijn verblijfsvergunning, kan dat",
    "my son is not responding to my texts",
    "my landlord is not responding to my emails",
    "my dad has dementia and his wallet is missing",
    "I want to move to a bigger house",
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


# --- The families added for recall, and their near misses ------------------------------------
@pytest.mark.parametrize("text", SUICIDE_INDIRECT)
def test_indirect_suicide_language_routes_to_113(text: str) -> None:
    assert _assert_found(text, ROUTE_CRISIS_113).rule.startswith("113.")


@pytest.mark.parametrize("text", SUICIDE_THIRD_PARTY)
def test_someone_else_who_wants_to_die_routes_to_113(text: str) -> None:
    assert _assert_found(text, ROUTE_CRISIS_113).rule.startswith("113.")


@pytest.mark.parametrize("text", ACUTE_MORE)
def test_acute_danger_to_someone_else_routes_to_112(text: str) -> None:
    assert _assert_found(text, ROUTE_CRISIS_112).rule.startswith("112.")


@pytest.mark.parametrize("text", DOMESTIC_MORE)
def test_more_violence_at_home_routes_to_veilig_thuis(text: str) -> None:
    assert _assert_found(text, ROUTE_CRISIS_VEILIG_THUIS).rule.startswith("vt.")


@pytest.mark.parametrize(("text", "route"), ENGLISH_MORE + HIDDEN_MORE + GENERALISE + DENIED_THEN_STATED)
def test_more_phrasings_find_their_route(text: str, route: str) -> None:
    _assert_found(text, route)


@pytest.mark.parametrize("text", NEGATIONS_MORE)
def test_more_negations_are_not_crisis(text: str) -> None:
    assert crisis_signals(text) == []
    assert not is_near_miss(text)


@pytest.mark.parametrize("text", ORDINARY_MORE + ORDINARY_SHARED_WORDS)
def test_more_ordinary_messages_are_neither(text: str) -> None:
    assert crisis_signals(text) == [], crisis_signals(text)
    assert not is_near_miss(text)


@pytest.mark.parametrize("text", NEAR_MISS_MORE)
def test_more_near_misses(text: str) -> None:
    assert detect_crisis(text) is None, crisis_signals(text)
    assert is_near_miss(text)


def test_someone_jumping_now_is_112_before_113() -> None:
    routes = [s.route for s in crisis_signals("mijn vriend dreigt nu van het balkon te springen")]
    assert routes[0] == ROUTE_CRISIS_112
    assert ROUTE_CRISIS_113 in routes  # the thought is there too, for the follow-up
    # A threat last week, without an act now, is 113.
    signal = detect_crisis("mijn vriend dreigde vorige week te springen")
    assert signal is not None and signal.route == ROUTE_CRISIS_113


def test_worry_that_someone_hurts_themselves_is_113_not_a_threat() -> None:
    signals = crisis_signals("ik ben bang dat mijn zoon zich iets aandoet")
    assert [s.route for s in signals] == [ROUTE_CRISIS_113]


def test_context_rules_need_their_context() -> None:
    # Jumping thoughts count with a height or a train in the message.
    assert detect_crisis("ik wil springen") is None
    signal = detect_crisis("ik woon op 9 hoog en wil springen")
    assert signal is not None and signal.rule == "113.spring_gedachten"
    # A missing person counts as acute with dementia, confusion or cold in the message.
    assert detect_crisis("mijn vader is al uren zoek") is None
    signal = detect_crisis("mijn vader met dementie is al uren zoek")
    assert signal is not None and signal.rule == "112.vermist_kwetsbaar"
    # One step forward counts near a train, not as "een stap naar voren zetten".
    assert detect_crisis("een stap naar voren en het is klaar") is None
    signal = detect_crisis("op het perron denk ik: een stap naar voren en het is klaar")
    assert signal is not None and signal.rule == "113.stap_naar_voren"


def test_a_denial_of_self_harm_does_not_hide_violence_at_home() -> None:
    # "ik wil niet ..." switches off 112/113 hits inside it, never Veilig Thuis hits.
    signal = detect_crisis("ik wil niet dat hij me weer slaat")
    assert signal is not None and signal.route == ROUTE_CRISIS_VEILIG_THUIS
    assert detect_crisis("ik ga echt niet van de brug springen") is None


@pytest.mark.parametrize(
    ("text", "rule", "evidence"),
    [
        ("Ik wil VOORGOED verdwijnen.", "113.voorgoed_verdwijnen", "wil VOORGOED verdwijnen"),
        ("ik wil stoppen met alles, ook met leven", "113.stoppen_met_leven",
         "stoppen met alles, ook met leven"),
        ("Het lijkt me rustig om dood te zijn", "113.dood_lijkt_fijn", "rustig om dood te zijn"),
        ("ik denk er vaak aan om er niet meer te zijn", "113.er_niet_meer_zijn", "om er niet meer te zijn"),
        ("Ik ben een last", "113.beter_af_zonder_mij", "Ik ben een last"),
        ("m'n vriendin appt dat ze er een eind aan wil maken", "113.eind_eraan_maken",
         "er een eind aan wil maken"),
        ("Mijn buurman dreigt te springen!!", "112.dreigt_te_springen", "Mijn buurman dreigt te springen"),
        ("mn moeder is gevallen en beweegt niet meer", "112.gevallen_beweegt_niet",
         "mn moeder is gevallen en beweegt niet meer"),
        ("Hij heeft me tegen de muur gegooid", "vt.huisgenoot_slaat", "Hij heeft me tegen de muur gegooid"),
        ("ik moet van mijn ouders trouwen", "vt.gedwongen_huwelijk", "moet van mijn ouders trouwen"),
    ],
)
def test_evidence_of_new_rules_is_the_original_text(text: str, rule: str, evidence: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert (signal.rule, signal.evidence) == (rule, evidence)


# --- is_negated_crisis: the caller's veto of a model-only crisis guess ----------------------
@pytest.mark.parametrize("text", NEGATED_CRISIS)
def test_explicit_denials_are_negated_crisis(text: str) -> None:
    assert is_negated_crisis(text)
    assert detect_crisis(text) is None


@pytest.mark.parametrize("text", NOT_NEGATED_CRISIS + SUICIDE_DUTCH[:10] + ["", "   "])
def test_no_veto_without_a_clean_denial(text: str) -> None:
    assert not is_negated_crisis(text)


# --- Speed: the rules run on every message ----------------------------------------------------
def _best_ms(text: str, runs: int = 5) -> float:
    import time

    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        detect_crisis(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def test_a_long_message_is_checked_fast() -> None:
    worry = (
        "Goedemiddag, ik heb een vraag over de huurtoeslag want die is gestopt en ik snap de brief "
        "van de Belastingdienst niet. Mijn moeder heeft dementie en woont alleen, mijn man werkt "
        "veel en de kinderen hoesten door de schimmel in de badkamer. Kan iemand mij helpen? "
    )
    text = (worry * 20)[:2000]
    detect_crisis(text)  # warm up
    assert _best_ms(text) < 20
    crisis = (worry * 20)[:1950] + " ik wil er niet meer zijn"
    assert detect_crisis(crisis) is not None
    assert _best_ms(crisis) < 20


# --- Families added after evaluation runs showed misses (own eval file, then the held-out file),
# each tested here with phrasings of its own.

@pytest.mark.parametrize("text,route", [
    ("ik snap niet waarom ik elke dag nog zou opstaan", "crisis_113"),
    ("waarom zou ik nog doorgaan, niemand mist me", "crisis_113"),
    ("de schulden, de ruzies. wat heeft het allemaal nog voor zin", "crisis_113"),
    ("wat heeft mijn leven eigenlijk voor zin", "crisis_113"),
    ("ik denk wel eens dat ik beter voor altijd weg kan gaan", "crisis_113"),
    ("dan zou het beter zijn als ik voorgoed kan verdwijnen", "crisis_113"),
    ("mijn vader heeft dementie en ik knijp hem soms te hard als hij niet luistert", "crisis_veilig_thuis"),
    ("ik ben zo moe dat ik mijn dochter te hard heb geduwd en nu ben ik bang", "crisis_veilig_thuis"),
    ("mijn dochter heeft een vaatwastablet opgegeten wat moet ik doen", "crisis_112"),
    ("hij heeft bleekmiddel gedronken uit een flesje", "crisis_112"),
    ("our toddler swallowed a battery", "crisis_112"),
    ("my dad fell in the bathroom, he is bleeding and not moving", "crisis_112"),
    ("laat ook maar, morgen ben ik er toch al niet meer", "crisis_113"),
    ("ik loop vaak naar de brug en denk waarom eigenlijk niet", "crisis_113"),
    ("mijn oom ligt de hele dag in natte luiers, niemand helpt hem", "crisis_veilig_thuis"),
    ("de buurvrouw zit al dagen in haar eigen urine", "crisis_veilig_thuis"),
])
def test_added_families_are_detected(text, route):
    signal = detect_crisis(text)
    assert signal is not None and signal.route == route, text


@pytest.mark.parametrize("text", [
    "wat heeft het voor zin om nog een brief te sturen naar de gemeente",
    "waarom zou ik doorgaan met die opleiding als ik geen stage vind",
    "ik pak de brieven van de belasting te laat op",
    "wat heeft het allemaal voor zin als ze toch niet terugbellen",
    "als ik er niet meer ben wie zorgt er dan voor mijn zoon met autisme",
    "ik sta elke dag op het perron en de trein is altijd te laat",
    "morgen ben ik er niet, dan ben ik bij mijn zus",
    "de baby heeft natte luiers nodig, waar haal ik goedkope luiers",
    "ik heb schoonmaakmiddel gekocht maar het werkt niet tegen de schimmel",
])
def test_added_families_do_not_fire_on_ordinary_messages(text):
    assert detect_crisis(text) is None, text


def test_crisis_told_as_long_past_or_for_a_lesson_is_recognised_as_such():
    from bot.understanding.crisis import is_told_as_past_or_information as told
    assert told("Ik heb lang geleden een zelfmoordpoging gedaan. Nu gaat het al jaren goed.")
    assert told("we maken op school een spreekbeurt over huiselijk geweld")
    assert told("I was abused as a child, I am fine now and need help with my debts")
    assert not told("mijn vader sloeg me vroeger en nu slaat hij me weer")
    assert not told("ik wil niet meer leven")
    assert not told("vroeger ging het goed, maar vannacht wil ik er een eind aan maken")


# Issue 24: danger in the words residents use, and what is over, fiction or a tantrum.
@pytest.mark.parametrize("text,route", [
    ("Geachte heer/mevrouw, Ik heb mijn zaken op orde gebracht. De kat gaat naar de buren. Dank voor alle hulp.",
     "crisis_113"),
    ("mijn papieren zijn geregeld en de hond mag naar mijn dochter. bedankt voor alles", "crisis_113"),
    ("mijn zus stuurde me net een afscheidsberichtje, wat moet ik doen", "crisis_113"),
    ("geen moment. er komt geen morgen", "crisis_113"),
    ("mijn buurvrouw van 85 doet al twee dagen de deur niet open", "crisis_112"),
    ("de buurman is al drie dagen niet gezien", "crisis_112"),
    ("hij gooit met stoelen terwijl mijn dochter erbij staat", "crisis_veilig_thuis"),
    ("het kind van de buren heeft weer een blauw oog, ze zou gevallen zijn", "crisis_veilig_thuis"),
])
def test_everyday_words_for_danger_are_heard(text, route):
    signal = detect_crisis(text)
    assert signal is not None and signal.route == route, signal


@pytest.mark.parametrize("text", [
    "mijn administratie is op orde. kunt u mij helpen met de belasting? bedankt voor alles",
    "de hond gaat naar de buren als ik op vakantie ben",
    "ik heb drie dagen niet geslapen van de zorgen over de huur",
    "mijn zoon is weer gevallen met de fiets en heeft een blauwe plek, hoe vraag ik een fietscursus aan",
])
def test_everyday_words_alone_are_no_danger(text):
    assert detect_crisis(text) is None


@pytest.mark.parametrize("text", [
    "vorige week brand in onze flat, niemand gewond. waar kan ik tijdelijk wonen",
    "mijn zoon van 8 riep ik wil dood omdat hij geen ijsje kreeg",
    "in de serie die ik kijk pleegt de hoofdpersoon zelfmoord, heftig",
    "vorig jaar heb ik een zelfmoordpoging gedaan, nu gaat het beter. ik zoek werk",
])
def test_danger_told_as_over_fiction_or_tantrum_is_at_most_asked_about(text):
    assert is_told_as_past_or_information(text)


# Residents' tests (issue 25): a woman asking about violence at home said "113 is toch voor
# zelfmoord? daar gaat het niet om" and got the suicide reply, then "Bent u nu veilig?" three times.
@pytest.mark.parametrize("text", [
    "113 is toch voor zelfmoord? daar gaat het niet om. als ik veilig thuis bel gaan die dan naar de politie?",
    "die lijn is toch alleen voor mensen met zelfmoordgedachten",
])
def test_what_a_helpline_is_for_is_no_signal_and_believed(text):
    assert detect_crisis(text) is None and is_negated_crisis(text)


@pytest.mark.parametrize("text", [
    "113 is voor zelfmoord en ik wil zelfmoord plegen", "ik wil 113 bellen voor zelfmoord gedachten",
    "is dat voor zelfmoord? want daar denk ik aan",
])
def test_the_word_beside_what_a_line_is_for_still_counts(text):
    assert detect_crisis(text) is not None


@pytest.mark.parametrize("text", [
    "ja ok maar vanavond nog? bellen ze mn moeder dan? want die kiest toch voor hem",  # Dutch "want die"
    "112 bellen omdat ik geen bed heb?? serieus. kan ik bij een vriend slapen?",
])
def test_dutch_words_that_look_like_danger_are_no_rule_hit(text):
    assert detect_crisis(text) is None


@pytest.mark.parametrize("text", ["i want die", "i wanna die", "I want to die", "moet ik 112 bellen", "ik heb 112 gebeld"])
def test_the_danger_those_rules_are_for_is_still_heard(text):
    assert detect_crisis(text) is not None


@pytest.mark.parametrize("text", ["Ik vind het niet prettig dat U dat steeds vraagt", "waarom vraagt u dat nou weer?"])
def test_annoyance_at_being_asked_again_is_no_sign_of_danger(text):
    assert is_near_miss(text)


# FAQ helper's finding: a question for a way to die got an FAQ answer; no rule heard it.
@pytest.mark.parametrize("text", ["wat is de snelste pijnloze manier", "hoe kan ik pijnloos doodgaan",
                                  "wat is een pijnloze manier om er uit te stappen", "painless way to die"])
def test_asking_for_a_way_to_die_is_heard(text):
    signal = detect_crisis(text)
    assert signal is not None and signal.route == "crisis_113"


@pytest.mark.parametrize("text", ["pijnloze manier van ontharen", "een pijnloze methode voor het trekken van een kies",
                                  "de snelste manier om naar utrecht te gaan"])
def test_painless_treatments_and_quick_ways_are_no_danger(text):
    assert detect_crisis(text) is None
