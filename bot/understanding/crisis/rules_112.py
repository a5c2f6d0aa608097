"""Crisis rules for route crisis_112: acute danger to life or health, right now.

Each rule is a (rule id, route, compiled regex) tuple; order matters only within the list
(rules.py joins the routes, most urgent first). Rules that need or exclude a context in the
message are listed in CONTEXT_REQUIRED_112 at the end.
"""
from __future__ import annotations

import re
from typing import Final

from bot.understanding.crisis.patterns import (
    _KITCHEN,
    _gap,
    _gapc,
    _HOME,
    _MY,
    _ACTOR,
    _OBJ,
    _HIT_VERB,
    _PILLS,
    _LOTS,
    _NIET,
    _PERSON,
    _F,
)
from bot.understanding.werkmodel import ROUTE_CRISIS_112


# Words between "ik zit" and where: "ik zit nu trouwens op de rand van het dak" (a blind
# conversation, told inside the form's consent answer, heard by neither net there).
_NOW_WORDS = r"(?:nu|al|hier|op dit moment|echt|gewoon|trouwens|eigenlijk|dus|inmiddels|alweer|weer|even|hierboven|helemaal alleen|alleen)"


RULES_112: Final[list[tuple[str, str, re.Pattern[str]]]] = [
    # --- crisis_112: acute danger to life or health, right now ----------------------------
    # Pills or poison just taken in a dangerous amount ("ik heb net alle pillen ingenomen").
    ("112.pillen_ingenomen", ROUTE_CRISIS_112, _F(
        rf"\b{_LOTS}(?: (?:van|mijn|de|die|stuks|mg|gram|oude|sterke|zware|andere)){{0,2}} {_PILLS}"
        rf"{_gap(3)} (?:genomen|ingenomen|geslikt|opgeslikt|opgegeten)\b"
        rf"|\b(?:slik|neem|slikte|nam|slikt|neemt) (?:nu |net |zojuist |nu net )?{_LOTS} {_PILLS}\b"
        rf"|\b(?:took|taken|swallowed|ate)(?: (?:just|like))* {_LOTS} (?:my |her |his )?{_PILLS}\b")),
    # Something taken, and a lot of it, without naming pills ("ik heb iets ingenomen. veel.",
    # "heb van alles geslikt, heel veel"): told as now, it is an overdose until shown otherwise.
    ("112.iets_veel_ingenomen", ROUTE_CRISIS_112, _F(
        r"\b(?:ik |hij |ze |zij )?(?:heb|heeft|hebben) (?:net |zojuist |nu |daarnet )?(?:iets|van alles|alles|spul|"
        r"wat) (?:ingenomen|geslikt|opgeslikt)\b(?: \w+| [.,!]){0,3} (?:veel|heel veel|te veel|teveel|een hoop|"
        r"alles|alle)\b(?! (?:water|eten|vitamines?)\b)"
        r"|\b(?:heb|heeft) (?:net |zojuist )?(?:te veel|teveel|veel te veel|heel veel) (?:ingenomen|geslikt)\b"
        r"(?! (?:van de |aan )?(?:water|eten|vitamines?|suiker|koffie)\b)"
        # Not knowing how much was taken (messy_blind_3: "ik heb iets genomen, voel me raar, weet niet
        # meer hoeveel" went unheard by every net).
        r"|\b(?:heb|heeft|hebben) (?:net |zojuist |nu |daarnet )?(?:iets|van alles|alles|spul|wat|pillen|tabletten|"
        r"medicijnen|medicatie)\b(?: \w+){0,2} (?:genomen|ingenomen|geslikt|opgeslikt)\b(?: \w+| [.,!]){0,8} "
        r"(?:(?:ik |hij |ze |zij )?(?:weet|wist|weten) (?:ik |hij |ze |zij )?(?:het )?(?:niet|nie) (?:meer )?|geen idee |no idea )"
        r"(?:hoeveel|how many|how much)\b")),
    # Someone who just said they are ending their life and now does not open or answer: acute
    # ("hij belde dat hij een touw heeft opgehangen. hij doet niet open"), whatever came first.
    ("112.aangekondigd_en_onbereikbaar", ROUTE_CRISIS_112, _F(
        r"\b(?:touw|strop|afscheid\w*|vaarwel|einde eraan|eind eraan|er een eind aan|niet meer leven|"
        r"pillen)\b(?: \w+| [.,]){0,16} (?:doet|deed)(?: (?:hij|ze|zij))? (?:niet|nie) (?:meer )?open\b"
        r"|\b(?:doet|deed)(?: (?:hij|ze|zij))? (?:niet|nie) (?:meer )?open\b(?: \w+| [.,]){0,16} (?:touw|strop|afscheid|vaarwel|"
        r"einde eraan|er een eind aan)\b")),
    ("112.overdosis", ROUTE_CRISIS_112, _F(
        r"\b(?:heb|heeft|had|hebben|nam|neemt|genomen)" + _gap(3) + r" (?:een )?overdosis\b(?! gehad)"
        r"|\boverdosis (?:genomen|ingenomen|geslikt|heeft|heb)\b"
        r"|\boverdosed\b|\b(?:took|taken|had|having|has) an overdose\b")),
    # A child or adult who swallowed something toxic: "heeft iets uit de kast gedronken,
    # schoonmaakmiddel denk ik", "ze heeft een knoopcelbatterij ingeslikt". Either word order.
    ("112.giftig_binnengekregen", ROUTE_CRISIS_112, _F(
        r"\b(?:gedronken|opgedronken|ingeslikt|doorgeslikt|opgegeten|binnengekregen|swallowed|drank|ate)\b"
        r"(?: \w+| ,){0,6} (?:schoonmaakmiddel|wasmiddel|bleek|bleekmiddel|chloor|ontstopper|gootsteenontstopper|vaatwastablet|vaatwasblokje|wascapsule|wasmiddelcapsule|wasbolletje|batterij|batterijtje|knoopcel|knoopcelbatterij|terpentine|lampolie|aanstekervloeistof|spiritus|rattengif|antivries|afwasmiddel|allesreiniger|cleaning product|detergent|bleach|battery)\w*"
        r"|(?:schoonmaakmiddel|wasmiddel|bleek|bleekmiddel|chloor|ontstopper|gootsteenontstopper|vaatwastablet|vaatwasblokje|wascapsule|wasmiddelcapsule|wasbolletje|batterij|batterijtje|knoopcel|knoopcelbatterij|terpentine|lampolie|aanstekervloeistof|spiritus|rattengif|antivries|afwasmiddel|allesreiniger|cleaning product|detergent|bleach|battery)\w* (?:\w+ |, ){0,6}(?:gedronken|opgedronken|ingeslikt|doorgeslikt|opgegeten|"
        r"binnengekregen|swallowed)\b"
        r"|\biets uit de kast (?:gedronken|opgedronken|gegeten|opgegeten|ingeslikt)\b")),
    ("112.gif_ingenomen", ROUTE_CRISIS_112, _F(
        r"\b(?:heb|heeft|had|hebben)" + _gap(3) + r" (?:gif|bleek|bleekmiddel|chloor|antivries|"
        r"ontstopper|rattengif|spiritus|wasbenzine|terpentine|ammoniak|lampolie)" + _gap(2) +
        r" (?:gedronken|ingenomen|geslikt)\b|\b(?:drank|swallowed) (?:bleach|poison)\b")),
    ("112.bewusteloos", ROUTE_CRISIS_112, _F(
        r"\b(?:is|ligt|raakt|lijkt|ben|zijn|liggen)" + _gap(3) +
        r" (?:bewusteloos|buiten bewustzijn|niet aanspreekbaar|onaanspreekbaar)\b"
        r"|\b(?:unconscious|unresponsive)\b(?! (?:bias|mind|thoughts?)\b)"
        r"|\b(?:wont|will not|doesnt|cant|can t) wake (?:him |her |them )?up\b"
        # English: lying / fallen / bleeding and not moving.
        r"|\b(?:lying|collapsed|fell|fallen|bleeding|on the floor)\b(?: \w+| ,){0,10} "
        r"(?:not moving|isnt moving|wont move|doesnt move|not responding|not waking up)\b")),
    ("112.ademt_niet", ROUTE_CRISIS_112, _F(
        r"\b(?:ademt|ademen|ademde)(?: (?:echt|bijna|haast))? (?:niet|nauwelijks|amper|bijna niet|"
        r"haast niet)(?: meer)?\b(?! (?:goed|lekker|rustig|door|meer goed)\b)"
        r"|\b(?:geen ademhaling|stopt met ademen|gestopt met ademen)\b"
        r"|\b(?:kan|kon|krijgt|krijg|kreeg)(?: (?:echt|bijna|haast))? (?:niet|geen)(?: meer)? "
        r"(?:ademen|lucht|adem)\b(?!(?: \w+)? (?:van|door) (?:de |het )?(?:stress|zenuwen|lachen|"
        r"spanning|drukte|schrik|hitte|warmte)\b)"
        r"|\b(?:not breathing|stopped breathing|isnt breathing|no pulse|cant breathe)\b")),
    ("112.reageert_niet", ROUTE_CRISIS_112, _F(
        rf"\b(?:hij|ze|zij|{_MY} {_HOME}|{_MY} (?:baby|buurman|buurvrouw)|de baby){_gap(6)} "
        r"reageert (?:(?:helemaal|echt|totaal) )?(?:niet|nergens (?:meer )?op)(?: meer)?"
        r"(?= ?(?:$|[.,]|en\b|ademt|help|wat|ik\b|hij\b|ze\b|we\b))")),
    ("112.niet_wakker_te_krijgen", ROUTE_CRISIS_112, _F(
        r"\b(?:krijg|krijgen|kregen|kreeg)(?: (?:hem|haar|hen|ze|mijn \w+|de baby))? (?:echt |gewoon )?"
        r"niet (?:meer )?wakker\b(?! (?:voor|om|op tijd|in de ochtend)\b)"
        r"|\bis niet (?:meer )?wakker te krijgen\b"
        rf"|\b(?:hij|ze|zij|{_MY} {_HOME}|de baby|{_MY} baby){_gap(2)} wordt niet (?:meer )?wakker\b")),
    ("112.hart_epilepsie", ROUTE_CRISIS_112, _F(
        r"\b(?:heeft|krijgt|krijg|heb|kreeg)" + _gap(2) +
        r" (?:een )?(?:hartaanval|hartstilstand|epileptische aanval|allergische shock|"
        r"anafylactische shock)\b(?! (?:gehad|gekregen)\b)"
        r"|\b(?:ben|is|zijn) (?:\w+ )?aan het reanimeren\b|\breanimeer\b"
        r"|\b(?:having|has) a heart attack\b")),
    # Chest pain now that spreads or comes with shortness of breath or sweat: a heart attack until a
    # doctor says otherwise (messy_blind_4: "al een half uur pijn op mijn borst die naar mijn arm
    # trekt", at the end of a question about the household, went unheard).
    ("112.pijn_op_de_borst", ROUTE_CRISIS_112, _F(
        r"\b(?:heb|heeft|voel|voelt|krijg|krijgt|zit)(?: \w+){0,5} (?:(?:drukkende|hevige|erge|veel|zware) )?"
        r"(?:pijn|druk) op (?:mijn|de|zijn|haar|me|mn) borst\b(?: \w+| [.,]){0,10} "
        r"(?:arm|armen|kaak|uitstraalt|straalt|trekt|benauwd|zweet|zweten|zweterig|klam|misselijk|duizelig|adem)\b"
        r"|\b(?:chest pain|pain in (?:my|his|her) chest)\b(?: \w+| [.,]){0,10} (?:arm|jaw|breath|sweat\w*|dizzy)\b")),
    ("112.brand_gas", ROUTE_CRISIS_112, _F(
        r"\b(?:ik )?ruik (?:hier )?(?:gas|brand)\b|\b(?:ik )?ruik (?:hier )?rook\b(?! van\b)"
        # "ik ruik al de hele middag gas in de keuken" (messy_blind_4, inside a letter about coffee mornings)
        r"|\b(?:ik |we |wij )?(?:ruik|ruiken|rook)(?: \w+){1,5} (?:gas|gaslucht)\b(?! (?:rekening|prijs|prijzen|fornuis)\b)"
        r"|\b(?:het )?(?:ruikt|stinkt|rook|stonk) (?:hier |al |echt |heel )*(?:\w+ ){0,2}naar gas\b"
        r"|\bsmell(?:s|ing)? (?:of )?gas\b"
        r"|\b(?:gaslucht|gaslek)\b|\bi smell gas\b"
        r"|\b(?:staat|staan)" + _gap(3) + r" in (?:de )?(?:brand|fik|vlammen)\b"
        r"|\ber is (?:nu |net |hier |een )*brand\b(?! geweest\b)"
        r"|\b(?<!de )(?<!die )(?<!een )(?<!deze )(?:brand|vuur) in (?:mijn|ons|onze|de|het) "
        r"(?:huis|woning|flat|keuken|kamer|slaapkamer|gebouw|trappenhuis|portiek|schuur|garage|"
        r"appartement)\b"
        r"|\bhelp" + _gap(2) + r" brand\b|\bbrand(?: ,)? help\b|\bvlam in de pan\b"
        r"|\bhet (?:huis|flat|keuken|pand|gebouw) brandt\b"
        r"|\b(?:er )?brandt? het (?:in|hier|bij)\b|\bhet brandt (?:in|hier|bij ons|boven|beneden)\b"
        r"|\b(?:house|home|flat|apartment|kitchen|building|room|car|everything) (?:is|s) on fire\b"
        r"|\bthere ?s a fire\b|\bthere is a fire\b"
        r"|\bfire in (?:my|the|our) (?:house|home|flat|apartment|kitchen|building)\b"
        # Smoke where it should not be ("er is rook in het trappenhuis"), not a chimney or a
        # complaint about the neighbours' wood stove ("last van rook").
        r"|\b(?<!last van )(?<!stank van )(?<!klachten over )(?:er (?:is|hangt|komt)|overal|heel veel|"
        r"veel|dikke|zwarte) rook(?: \w+){0,2} (?:in|uit|onder) (?:het|de|ons|onze|mijn) (?:huis|woning|"
        r"trappenhuis|gang|portiek|keuken|flat|kamer|slaapkamer|meterkast|deur|gebouw|lift|kelder|"
        r"schuur|garage|appartement|stopcontact)\b(?!(?: \w+){0,4} (?:sigaret|sigaretten|roken|rookt|"
        r"roker|rokers|wiet|blowen|blowt|houtkachel|open haard|barbecue|bbq)\b)"
        r"|\b(?:staat|zit|is) (?:helemaal )?(?:vol|onder de) rook\b"
        r"|\b(?:smoke everywhere|full of smoke|there ?s smoke|there is smoke)\b")),
    ("112.wapen", ROUTE_CRISIS_112, _F(
        r"\b(?:staat|loopt|komt|zwaait|zit|rent|dreigt|bedreigt|wacht|staan|zwaaien|bedreigen)"
        + _gap(4) + r" met (?:een |het |zijn |haar |de )?(?:mes|messen|keukenmes|wapen|vuurwapen|"
        r"pistool|geweer|bijl|knuppel|honkbalknuppel)\b" + _KITCHEN +
        r"|\b(?:heeft|hebben|had|pakt|pakte|grijpt|greep|houdt|trekt|trok)" + _gap(2) +
        r" (?:een |het |zijn |haar |de )?(?:mes|keukenmes|wapen|vuurwapen|pistool|geweer|bijl|"
        r"knuppel)" + _gap(3) + r" (?:vast|gepakt|gegrepen|getrokken|in (?:zijn|haar|de) hand|"
        r"op (?:me|mij|ons|mijn \w+) gericht|tegen (?:mijn|me|mij) (?:keel|hals|buik|lijf))\b"
        r"|\b(?:pakt|pakte|grijpt|greep) (?:een |het |zijn |haar |de )?(?:mes|keukenmes|wapen|pistool|"
        r"geweer|bijl)\b"
        r"|\b(?:heeft|hebben) (?:een |echt een )?(?:wapen|vuurwapen|pistool|geweer)\b"
        r"|\b(?:richt|richtte|houdt) (?:een |het |zijn |haar |de )?(?:mes|pistool|wapen|geweer) "
        r"(?:op|tegen)\b"
        r"|\b(?:neergestoken|neergeschoten|doodgestoken|doodgeschoten|met een mes gestoken)\b"
        r"|\bsteekt (?:me|mij|hem|haar) (?:neer|dood)\b"
        r"|\b(?:has|got|holding|pulled|pointing) (?:a|his|her|the) (?:knife|gun|weapon|pistol|rifle)\b"
        r"|\b(?:threatening|threatens|threatened|attacking|coming at|came at)(?: \w+){0,3} with a "
        r"(?:knife|gun)\b|\b(?:been|got|was) (?:stabbed|shot)\b"
        # A stranger with a weapon: "er is iemand met een mes in het trappenhuis".
        r"|\b(?:iemand|een (?:man|vrouw|jongen|gast|vent|kerel|persoon|groep)|mannen|jongens) met "
        r"(?:een |zijn |haar )?(?:mes|messen|pistool|vuurwapen|wapen|geweer|bijl|machete|kapmes)\b"
        + _KITCHEN +
        r"|\b(?:man|guy|someone|somebody|person|woman|boy|men) with a (?:knife|gun|weapon|machete)\b")),
    ("112.spoor_brug_dak_nu", ROUTE_CRISIS_112, _F(
        r"\bik (?:sta|zit|ben|lig|loop)(?: " + _NOW_WORDS + r")* "
        r"(?:op|aan|naast) (?:het|de|een) (?:spoor|rails|treinrails|spoorlijn|spoorbaan)\b"
        r"|\bik (?:sta|zit)(?: " + _NOW_WORDS + r")* op (?:het|de|een) "
        r"(?:dak|brug|rand van (?:het|de|een) (?:dak|brug|flat|balkon|gebouw)|reling|balkonrand)\b"
        r"|\bim (?:standing |sitting |now )?(?:on|at) (?:the|a) (?:bridge|roof|rooftop|ledge|"
        r"edge of the roof|tracks|railway|train tracks|railroad)\b|\b(?:im )?about to jump\b")),
    ("112.springt_nu", ROUTE_CRISIS_112, _F(
        r"\bik (?:ga )?(?:nu|nu meteen|zo meteen|zometeen|meteen)(?: echt)? springen\b"
        r"|\bik spring (?:nu|nu meteen|zo meteen|zometeen)\b"
        r"|\bik (?:ga |neem |slik )?(?:nu|zo meteen|zometeen)(?: echt)? (?:alle|al mijn|al de) "
        + _PILLS + r"(?: (?:nemen|innemen|slikken|in))?\b"
        r"|\bpolsen (?:door ?gesneden|opengesneden|doorgesneden)\b"
        r"|\bgoing to jump now\b")),
    ("112.bloedt_hevig", ROUTE_CRISIS_112, _F(
        r"\b(?:bloedt|bloed|bloeden|bloedde)(?: (?:heel|zo|echt|nog steeds|nog))* (?:erg|hevig|enorm|"
        r"ontzettend|verschrikkelijk|als een rund|heel veel|zoveel|zo veel|flink|hard)\b"
        # ... but not "heel veel bloed laten prikken".
        r"|\b(?:overal|heel veel|zoveel|zo veel) bloed\b(?! (?:laten |te )?(?:prikken|geprikt|afnemen|"
        r"afgenomen|doneren|gedoneerd|geven|gegeven|onderzoek|onderzoeken|testen|getest|waarden)\b)"
        r"|\b(?:plas|plassen) bloed\b"
        r"|\b(?:zit|ligt|zitten|liggen) (?:helemaal )?onder het bloed\b"
        r"|\bbloed (?:spuit|gutst|stroomt|spuugt)\b|\b(?:spuit|gutst|stroomt) (?:het )?bloed\b"
        r"|\b(?:het bloeden|de bloeding|bloeding) (?:stopt|wil|gaat) niet\b"
        r"|\bbleeding (?:a lot|heavily|badly|so much|everywhere)\b|\bso much blood\b"
        r"|\bwont stop bleeding\b")),
    ("112.geweld_nu", ROUTE_CRISIS_112, _F(
        rf"\b{_ACTOR}{_gapc(4)} {_HIT_VERB} {_OBJ}(?: (?:weer|nog|echt))* (?:nu|op dit moment|"
        r"op dit ogenblik|nu net|right now)\b"
        r"|\b(?:nu|op dit moment)" + _gap(3) + r" aan het (?:slaan|schoppen|wurgen|steken|mishandelen)\b"
        rf"|\b{_ACTOR}{_gap(3)} (?:probeert|trapt|breekt|ramt)" + _gap(2) +
        r" (?:binnen te komen|de deur in(?: te trappen)?|in te breken)\b"
        r"|\b(?:hes|he is|shes|she is) (?:hitting|beating|strangling|choking|attacking) "
        r"(?:me|us|my \w+) (?:right )?now\b")),
    ("112.hulp_nu", ROUTE_CRISIS_112, _F(
        r"\b(?:help|kom|red)(?: (?:me|mij|ons|hem|haar))? (?:nu|snel|nu snel|onmiddellijk|direct|"
        r"meteen)\b(?= ?(?:$|[.,]|alsjeblieft|aub|pls|please|help|snel|nu\b))"
        r"|\bbel (?:nu |snel |meteen )?(?:112|een ambulance|de ambulance)\b"
        # Not "112 bellen omdat ik geen bed heb??": said back in disbelief (residents' tests).
        r"|\b(?:112 (?:bellen|gebeld)|bellen naar 112)\b(?! (?:omdat|voor zoiets|voor dit|voor een|om een)\b)"
        r"|\b(?:stuur|bel|bellen|nodig|heb|moet)" + _gap(2) +
        r" (?:een |de )?ambulance\b(?! (?:rekening|kosten|rit)\b)"
        r"|\bcall (?:an ambulance|911|112|999)\b|\bhelp (?:me )?(?:now|quick|quickly)\b"
        r"|\bcome (?:now|quick)\b")),

    # Someone is on a height and threatens to jump, right now ("mijn buurman staat op het
    # balkon en dreigt te springen"). Thoughts of jumping without being there: 113 below.
    ("112.dreigt_te_springen", ROUTE_CRISIS_112, _F(
        rf"\b(?:{_PERSON}|die|wie|ik)\b{_gapc(8)} (?:dreigt|dreigen|dreig|staat op het punt)" + _gap(2) +
        r"(?: (?:naar beneden|eraf|ervanaf|er vanaf|van (?:het|de|een) \w+))? (?:te springen|springen)\b"
        r"|\b(?:staat|zit|hangt|klimt|klom|staan|zitten|sta|lig|ligt)" + _gapc(3) +
        r" (?:op|over|aan|buiten|naast|langs) (?:het|de|een|zijn|haar) (?:balkon|dak|brug|reling|"
        r"rand|vensterbank|spoor|rails|balustrade|galerij|kade|balkonrand|dakrand|"
        r"rand van (?:het|de|een) \w+)\b" + _gapc(10) +
        r" (?:springen|springt|spring|te springen|eraf|naar beneden|dreigt|wil springen)\b"
        r"(?! (?:in|op|uit|over)\b)"
        r"|\b(?:is|s|standing|sitting)(?: \w+){0,2} (?:on|at) (?:the|a|her|his) (?:balcony|bridge|"
        r"roof|ledge|edge|railing|tracks)\b(?: \w+){0,4} (?:jump|jumping)\b"
        r"|\bthreaten(?:s|ing|ed) to jump\b")),
    # A vulnerable person missing now: dementia, confusion or cold ("mijn vader met dementie is
    # al uren zoek en het vriest"). Needs that context (see _CONTEXT_REQUIRED), because "mijn
    # sleutels zijn zoek" or a teenager who is late is no emergency.
    ("112.vermist_kwetsbaar", ROUTE_CRISIS_112, _F(
        rf"\b(?:{_PERSON}|en|die)(?: (?:met|heeft) (?:dementie|alzheimer))? (?:is|zijn|raakte|wordt|"
        r"worden|loopt)(?: (?:al|nu|nog|nog steeds|sinds \w+|al sinds \w+|urenlang|al uren|uren|"
        r"al een uur|al \w+ uur|de hele \w+|vanaf \w+|ineens|opeens|weer|zomaar|gewoon|alweer|vannacht|"
        r"vanochtend|vanmorgen|vanmiddag|vanavond|gisteravond|gisteren|net|zojuist))* "
        r"(?:zoek|vermist|weggelopen|verdwenen|verdwaald|niet thuisgekomen|niet thuis gekomen|"
        r"niet (?:meer )?teruggekomen|buiten in de kou|rond in de kou)\b(?! naar\b)"
        r"|\b(?:al uren|sinds \w+|de hele \w+|al \w+ uur|urenlang) weg\b(?! (?:van|uit|naar|bij|met|voor)\b)"
        rf"|\b(?:kunnen|kan|konden|kon) (?:hem|haar|{_MY} {_HOME}) (?:nergens|niet)(?: meer)? vinden\b"
        r"|\b(?:he|she|my (?:mom|mum|mother|dad|father|husband|wife|grandma|grandmother|grandpa|"
        r"grandfather|son|daughter|neighbour|neighbor|brother|sister))(?: \w+){0,4} (?:is|s|has been|"
        r"went|got|gone) (?:missing|wandered off|lost)\b")),
    # Fallen, collapsed, lying still: "mijn moeder is gevallen en beweegt niet meer", "hij ligt
    # op de grond en kan niet opstaan". Not "beweegt niet genoeg", not a fall last year.
    ("112.gevallen_beweegt_niet", ROUTE_CRISIS_112, _F(
        rf"\b{_PERSON}{_gap(6)} (?:beweegt|bewoog) (?:(?:helemaal|echt|totaal) )?{_NIET}(?: meer)?"
        r"(?= ?(?:$|[.,]|en\b|help|ademt|reageert|wat|ik\b|hij\b|ze\b|we\b))"
        rf"|\b{_PERSON}{_gap(4)} (?:ligt|lag){_gap(4)} (?:roerloos|bewegingloos|levenloos)\b"
        r"|\bligt(?: (?:al|nog|nu|hier))* (?:op de grond|op de vloer|in de badkamer|in de douche|"
        r"in de gang|onderaan de trap|op straat|in de tuin|op de stoep)" + _gapc(5) +
        r" (?:kan|komt|krijg ik|krijgen we)(?: (?:hem|haar))? (?:niet|nie)(?: meer)? (?:op|overeind|opstaan|"
        r"omhoog)\b"
        r"|\bligt (?:al|nu al) (?:uren|urenlang|de hele nacht|de hele dag|een uur|\w+ uur) "
        r"(?:op de grond|op de vloer|in de badkamer|onderaan de trap)\b"
        r"|\b(?:is|zakte|viel) (?:net |zojuist |zonet |ineens |opeens |plotseling )+(?:in elkaar(?: gezakt)?|"
        r"flauwgevallen|flauw gevallen|neergevallen)\b"
        r"|\b(?:in elkaar gezakt|flauwgevallen|gevallen) en (?:reageert|ademt|beweegt) niet(?: meer)?"
        r"(?= ?(?:$|[.,]|en\b|help|wat|ik\b|hij\b|ze\b|we\b))"
        r"|\b(?:he|she|someone|somebody|a man|a woman|my (?:mom|mum|mother|dad|father|husband|wife|son|"
        r"daughter|baby|child|grandma|grandmother|grandpa|grandfather|partner|boyfriend|girlfriend|"
        r"brother|sister|friend|neighbour|neighbor))(?: \w+){0,4} (?:isnt|is not|s not|not) "
        r"(?:moving|responding|waking up)\b(?! (?:to|on|since|for|well|much|fast|quickly)\b)"
        r"|\b(?:he|she|someone|somebody|a man|a woman|my (?:mom|mum|mother|dad|father|husband|wife|son|"
        r"daughter|grandma|grandmother|grandpa|grandfather|partner|brother|sister|friend|neighbour|"
        r"neighbor)) (?:just )?collapsed\b")),

    # Issue 24: someone not seen for days.
    # An old or lonely neighbour or relative who has not opened the door or answered for days.
    ("112.dagen_niet_gezien", ROUTE_CRISIS_112, _F(
        r"\b(?:doet|deed|heeft|opent|opende|reageert|reageerde|neemt|nam)(?: \w+){0,3} (?:al )?"
        r"(?:twee|drie|vier|vijf|2|3|4|5|een paar|paar|meerdere|dagen|dag)(?: \w+){0,2}"
        r" (?:de deur niet (?:open|meer open)|niet (?:meer )?open|niet (?:meer )?(?:de telefoon )?op)\b"
        r"|\b(?:al )?(?:twee|drie|vier|vijf|2|3|4|5|een paar|paar|meerdere) dagen(?: \w+){0,4} "
        r"(?:niet (?:meer )?(?:gezien|gehoord|open gedaan|opengedaan|buiten geweest)|geen teken van leven)\b"
        r"|\bpost (?:stapelt|ligt)(?: \w+){0,3} (?:achter|voor) de deur(?: \w+){0,6} (?:niet (?:open|op)|"
        r"niemand)\b")),
]

# Rules that only count when the message also holds a life/being context.
CONTEXT_REQUIRED_112: Final[dict[str, re.Pattern[str]]] = {
    "112.vermist_kwetsbaar": _F(
        r"\b(?:dementie|dement|demente|dementerend|alzheimer|alzheimers|verward|in de war|"
        r"geheugenproblemen|vergeetachtig|kou|koud|vriest|vriezen|vorst|ijskoud|sneeuw|pyjama|"
        r"nachtpon|nachthemd|zonder jas|geen jas|dementia|freezing|cold|confused)\b"),
}


# Examples per rule (style.md "Rules readable as data"): for every rule id of crisis_112, the messages
# it must match and near phrasings it must not match (figures of speech, negations, another meaning).
# Checked by tests/bot/understanding/test_crisis_rule_examples.py; add a case here when a rule changes.
EXAMPLES_112: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "112.pijn_op_de_borst": (
        ("ik heb al een half uur pijn op mijn borst die naar mijn arm trekt",
         "mijn man heeft drukkende pijn op de borst en hij zweet heel erg", "I have chest pain going into my arm"),
        ("ik had vorig jaar pijn op de borst", "mijn knie doet pijn en mijn arm ook"),
    ),
    "112.pillen_ingenomen": (
        ("ik heb net alle pillen ingenomen", "ik heb een hele strip pillen geslikt", "I just took all my pills"),
        ("ik heb mijn pillen ingenomen zoals de dokter zei", "ik vergeet soms mijn pillen in te nemen"),
    ),
    "112.iets_veel_ingenomen": (
        ("ik heb iets ingenomen. veel.", "heb van alles geslikt, heel veel", "ik heb net te veel ingenomen",
         "ik heb iets genomen, voel me raar, weet niet meer hoeveel"),
        ("ik heb te veel water gedronken", "ik heb iets ingenomen tegen de hoofdpijn"),
    ),
    "112.aangekondigd_en_onbereikbaar": (
        ("mijn zus stuurde een afscheidsbericht en nu doet ze niet open", "hij belde dat hij een touw heeft opgehangen. hij doet niet open",
         "mijn broer appte dat hij er een eind aan maakt en hij doet niet open"),
        ("de buurman doet niet open, ik wil mijn pakketje ophalen",),
    ),
    "112.overdosis": (
        ("mijn vriend heeft een overdosis genomen", "ze heeft net een overdosis ingenomen", "he overdosed"),
        ("wat is een overdosis paracetamol eigenlijk", "hij heeft ooit een overdosis gehad"),
    ),
    "112.giftig_binnengekregen": (
        ("mijn zoontje heeft iets uit de kast gedronken, schoonmaakmiddel denk ik",
         "ze heeft een knoopcelbatterij ingeslikt", "hij heeft bleek gedronken"),
        ("ik heb het schoonmaakmiddel in de kast gezet", "waar lever ik oude batterijen in"),
    ),
    "112.gif_ingenomen": (
        ("hij heeft rattengif gedronken", "ze heeft bleekmiddel geslikt", "my son drank bleach"),
        ("ik heb rattengif gekocht tegen de muizen",),
    ),
    "112.bewusteloos": (
        ("mijn moeder ligt bewusteloos op de grond", "hij is niet aanspreekbaar", "she is unconscious"),
        ("ik was gisteren zo moe dat ik als een blok sliep", "unconscious bias training op het werk"),
    ),
    "112.ademt_niet": (
        ("de baby ademt niet", "hij krijgt geen lucht meer", "he is not breathing"),
        ("ik kan niet ademen van het lachen", "hij ademt niet goed door zijn neus"),
    ),
    "112.reageert_niet": (
        ("mijn vader reageert niet meer", "de baby reageert nergens op, help"),
        ("de woningcorporatie reageert niet op mijn mail", "hij reageert niet op mijn appjes"),
    ),
    "112.niet_wakker_te_krijgen": (
        ("ik krijg hem niet wakker", "mijn moeder is niet wakker te krijgen", "de baby wordt niet wakker"),
        ("ik krijg hem niet wakker voor school", "ik word niet wakker van mijn wekker"),
    ),
    "112.hart_epilepsie": (
        ("mijn man heeft een hartaanval", "ze krijgt een epileptische aanval", "we zijn hem aan het reanimeren"),
        ("mijn man heeft vorig jaar een hartaanval gehad",),
    ),
    "112.brand_gas": (
        ("ik ruik al de hele middag gas in de keuken", "er is brand in het trappenhuis", "de keuken staat in brand", "help brand"),
        ("ik heb last van rook van de houtkachel van de buren", "er is vorig jaar brand geweest"),
    ),
    "112.wapen": (
        ("mijn buurman staat voor de deur met een mes", "hij heeft een pistool",
         "er is iemand met een mes in het trappenhuis"),
        ("ik heb een nieuw keukenmes gekocht", "mijn zoon snijdt groenten met een mes"),
    ),
    "112.spoor_brug_dak_nu": (
        ("ik sta nu op het spoor", "ik zit op de rand van het dak", "im on the bridge",
         "ja dat mag. ik zit nu trouwens op de rand van het dak van onze flat"),
        ("ik sta op de wachtlijst", "ik ben op het station en mijn trein is vertraagd"),
    ),
    "112.springt_nu": (
        ("ik ga nu springen", "ik spring nu", "ik neem nu al mijn pillen"),
        ("ik ga morgen springen op de trampoline met de kinderen", "ik spring even binnen bij de bakker"),
    ),
    "112.bloedt_hevig": (
        ("hij bloedt heel erg", "er is overal bloed", "de bloeding stopt niet"),
        ("ik moet heel veel bloed laten prikken", "ik heb een bloedneus gehad"),
    ),
    "112.geweld_nu": (
        ("mijn man slaat me nu", "hij probeert de deur in te trappen", "he is hitting me right now"),
        ("mijn man slaat me nooit", "we gaan nu tennissen"),
    ),
    "112.hulp_nu": (
        ("help me nu", "bel een ambulance", "kom snel alsjeblieft"),
        ("kun je me helpen met mijn huurtoeslag", "112 bellen omdat ik geen bed heb??",
         "de ambulance rekening is te hoog"),
    ),
    "112.dreigt_te_springen": (
        ("mijn buurman staat op het balkon en dreigt te springen", "mijn zus zit op de reling en wil springen",
         "my neighbour threatens to jump"),
        ("mijn dochter staat op het balkon en springt in het zwembad", "de kat zit op het balkon"),
    ),
    "112.vermist_kwetsbaar": (
        ("mijn vader met dementie is al uren zoek", "mijn moeder is weggelopen en het vriest",
         "mijn oma is in de war en is vermist"),
        ("mijn sleutels zijn zoek", "mijn zoon is al uren weg naar zijn vrienden"),
    ),
    "112.gevallen_beweegt_niet": (
        ("mijn moeder is gevallen en beweegt niet meer", "hij ligt op de grond en kan niet opstaan",
         "mijn vader is net in elkaar gezakt"),
        ("mijn moeder beweegt niet genoeg", "mijn moeder is vorig jaar gevallen"),
    ),
    "112.dagen_niet_gezien": (
        ("mijn buurvrouw doet al drie dagen de deur niet open",
         "ik heb mijn oude buurman al drie dagen niet gezien",
         "de post stapelt zich op achter de deur en niemand doet open"),
        ("mijn buurvrouw is twee weken op vakantie", "de buurman doet nooit open voor colporteurs"),
    ),
}
