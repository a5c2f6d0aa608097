"""Crisis rules for route crisis_113: thoughts of suicide or of not wanting to live, also indirect.

Each rule is a (rule id, route, compiled regex) tuple (rules.py joins the routes, most urgent
first). Rules that need or exclude a context in the message are listed at the end
(CONTEXT_REQUIRED_113, CONTEXT_EXCLUDED_113).
"""
from __future__ import annotations

import re
from typing import Final

from bot.understanding.crisis.patterns import (
    _NEG_WORDS,
    _WORD,
    _gap,
    _A,
    _PILLS,
    _LEVEN,
    _WIL,
    _WISH,
    _SELF,
    _NIET,
    _END,
    _F,
)
from bot.understanding.werkmodel import ROUTE_CRISIS_113


RULES_113: Final[list[tuple[str, str, re.Pattern[str]]]] = [
    # --- crisis_113: thoughts of suicide or of not wanting to live, also indirect -----------
    # The word itself, with typos; not the figurative compounds (zelfmoordactie, -aanslag).
    # Not a figure of speech for a bad move ("carrière-zelfmoord", "sociale zelfmoord"; messy_blind_4
    # gave "carrière-zelfmoord pleeg als ik minder ga werken" the full reply).
    ("113.zelfmoord", ROUTE_CRISIS_113, _F(
        r"(?<!carriere )(?<!sociale )(?<!politieke )(?<!financiele )(?<!commerciele )(?<!electorale )"
        r"\b(?:zelf ?moor[dt]|selfmoor[dt]|zelfmord|zelmoor[dt]|zelfmoor\b|zelfdoding|suicid|suizid)"
        r"(?! ?(?:actie|acties|missie|missies|aanslag|aanslagen|terrorist|terroristen|commando|"
        r"squad|vest|vesten|drone|drones|mission|bomber|doors?)\b)[a-z]*")),
    # Asking for a way to die: "wat is de snelste pijnloze manier", "hoe kan ik pijnloos doodgaan",
    # "painless way to die". Not "pijnloze behandeling", "pijnloos ontharen" (no way, no dying).
    ("113.methode", ROUTE_CRISIS_113, _F(
        r"\bpijnlo(?:os|ze|zer|zere)(?: \w+){0,2} (?:(?:manier|methode)\b(?! (?:van|voor|om (?!te sterven|dood|er ?uit|een eind|zelfmoord)))"
        r"|(?:dood|sterven|doodgaan|dood gaan|inslapen|eruit|einde)\b)"
        r"|\b(?:snelste|makkelijkste|zekerste|beste) (?:pijnloze |snelle )?(?:manier|methode) (?:om )?(?:te )?(?:sterven|dood te gaan|"
        r"er uit te stappen|eruit te stappen|zelfmoord te plegen|een eind(?:e)? aan)"
        r"|\b(?:manier|methode) om (?:pijnloos |snel )?(?:te sterven|dood te gaan|er ?uit te stappen|een eind(?:e)? aan (?:mijn|m'n|mn) leven)"
        r"|\bpainless (?:way|method) (?:to|of) (?:die|dying|end it|kill myself)\b|\b(?:quickest|easiest|fastest) way to (?:die|end it|kill myself)\b")),
    ("113.eind_eraan_maken", ROUTE_CRISIS_113, _F(
        # A modal verb may sit between "aan" and "maken": "dat ze er een eind aan wil maken".
        rf"\ber{_A} (?:een )?(?:eind|einde|end){_A} aan{_A}(?: (?:wil|wilt|wou|wilde|ga|gaat|gaan|"
        rf"zal|zou|zouden|kan|moet|willen|gaan|wel)){{0,2}}{_A} (?:maken|te maken|gemaakt|maak|maakt)\b"
        rf"|\b(?:maak|maakte|maken|maakt) er{_A} (?:een )?(?:eind|einde) aan\b"
        rf"|\b(?:eind|einde) (?:maken |te maken )?aan (?:mijn|het|dit|zijn|haar|hun) {_LEVEN}\b(?! van\b)"
        rf"|\b(?:mijn|zijn|haar) {_LEVEN}{_A} (?:beeindigen|beindigen|afsluiten|stoppen|opgeven|"
        r"te beeindigen)\b"
        rf"|\buit het {_LEVEN}{_A}(?: (?:wil|wilt|wou|wilde|gaat|ga|zal|zou|gaan))? "
        r"(?:stappen|te stappen|gaan|te gaan|stapt)\b"
        rf"|\been punt achter (?:mijn|het|zijn|haar) {_LEVEN}\b"
        rf"|\b{_SELF}{_A} (?:van het leven (?:beroven|te beroven)|het leven (?:benemen|te benemen))\b"
        r"|\bend(?:ing|ed|s)? (?:my|his|her|their) (?:own )?life\b|\bend(?:ing)? it all\b"
        r"|\btak(?:e|ing) (?:my|his|her|their) (?:own )?life\b")),
    ("113.wil_niet_meer_leven", ROUTE_CRISIS_113, _F(
        rf"\b(?:{_WIL}|zou){_A} {_NIET} (?:meer|langer|verder){_A} (?:willen )?(?:verder )?(?:{_LEVEN}|bestaan)\b"
        # ... but not "leven van een uitkering", "leven in deze wijk".
        r"(?! van\b| op (?:straat|kamers|een kamer)\b"
        r"| in (?:dit|deze|dat|die) (?:huis|woning|buurt|wijk|stad|flat)\b)"
        rf"|\b{_NIET} (?:meer|langer){_A} {_WIL}{_A} (?:{_LEVEN}|bestaan)\b"
        rf"|\b{_WIL} het {_LEVEN}{_A} {_NIET} meer\b"
        r"|\b(?:dont|do not|didnt|no longer)(?: really)? (?:want|wanna|wish)(?: to)? "
        r"(?:live|be alive|exist|be here anymore|be here any more)\b")),
    ("113.er_niet_meer_zijn", ROUTE_CRISIS_113, _F(
        rf"\b{_WIL}{_A} (?:er|hier op aarde|op deze wereld){_A} {_NIET} (?:meer|langer){_A} "
        r"(?:zijn|bestaan|wezen)\b"
        rf"|\b{_WIL}{_A} {_NIET} (?:meer|langer) (?:zijn|bestaan){_END}"
        rf"|\ber{_A} {_NIET} (?:meer|langer){_A} {_WIL}{_A} (?:zijn|bestaan)\b"
        r"|\b(?:was|ben) ik (?:er )?maar (?:niet meer|dood|nooit geboren)\b"
        r"|\b(?:wou|wilde|zou willen|wens|wenste|wish) (?:dat )?ik" + _A +
        r" (?:er )?(?:niet (?:meer )?(?:was|bestond|geboren was)|dood was|nooit geboren)\b"
        r"|\bi wish i (?:wasnt|was not|werent) (?:alive|here|born)\b"
        # "ik denk er steeds vaker aan om er niet meer te zijn", "ik hoop er morgen niet meer te
        # zijn", "ik zou er liever niet meer zijn". Not "als ik er niet meer ben, wie zorgt dan
        # voor mijn zoon?": a parent planning ahead is no wish to die.
        rf"|\bom er{_A} {_NIET} (?:meer|langer){_A} te (?:zijn|bestaan)\b"
        rf"|\b(?:hoop|hoopte|wens|wenste|verlang|zou|hoef|hoeft)(?: ik)?{_A} er{_A} {_NIET} "
        rf"(?:meer|langer){_A} "
        r"(?:te )?(?:zijn|bestaan)\b(?! (?:op|om|na|bij|als|wanneer|tijdens|vanaf|tot)\b)")),
    ("113.dood_willen", ROUTE_CRISIS_113, _F(
        rf"\b{_WIL}{_A} (?:dood ?(?:gaan|zijn)?|sterven)\b(?!(?: gaan| zijn)? (?:van|door|om|moe|op)\b)"
        r"|\b(?:dat|omdat|want|als) (?:ik|ze|zij|hij)" + _A + r" dood (?:wil|wilt|wilde|wou)(?: gaan| zijn)?\b"
        r"|\bliever dood\b(?! dan\b)"
        r"|\bliever dood dan (?:zo|dit|nog|verder|levend|leven|door)\b"
        r"|\b(?:verlang|verlangen) (?:naar de dood|om dood te)\b"
        rf"|\b(?:ik denk|denk ik){_A} (?:aan|over) (?:de dood|dood gaan|doodgaan|sterven|mijn dood)\b(?! van\b)"
        # "soms denk ik wel aan niet meer leven ja" (residents' round 47: a widow's answer to the check, lost)
        rf"|\b(?:ik denk|denk ik|dacht ik|ik dacht)(?: (?:wel|soms|vaak|steeds|weleens|wel eens|ook|nog|echt|er|"
        rf"eerlijk gezegd|af en toe)){{0,3}} (?:aan|over) (?:het )?{_NIET} meer (?:te )?(?:willen )?{_LEVEN}\b(?! van\b)"
        rf"|\b(?:ik denk|denk ik|dacht ik|ik dacht)(?: \w+){{0,3}} (?:er )?aan om {_NIET} meer te {_LEVEN}\b(?! van\b)"
        r"|\bdoodswens\b"
        # "ik kan beter dood zijn", "ze zegt dat ze beter dood kan zijn"
        r"|\b(?:ik|ze|zij|hij)(?: (?:kan|ben|is|zou|was|zijn|eigenlijk|echt|gewoon|toch|net zo))* beter "
        r"dood\b(?! (?:dan|van)\b)"
        # Not Dutch "want die" (because that one): "want die kiest toch voor hem" (residents' tests).
        r"|\b(?<!dont )(?<!do not )(?<!dont really )(?:(?:want|ready) to|wanna) die\b|\bi (?:really |just )?want die\b"
        r"(?! (?:of|from|laughing)\b)"
        r"|\bwish i (?:was|were) dead\b|\bwant to be dead\b")),
    ("113.beter_af_zonder_mij", ROUTE_CRISIS_113, _F(
        r"\bbeter af(?: (?:is|zijn|zou zijn|zouden zijn|was|waren|zullen zijn))? "
        r"(?:zonder (?:mij|me)|als ik (?:er )?(?:niet|nie) (?:meer )?(?:ben|was|besta)|"
        r"als ik dood (?:ben|was|ga)|als ik weg (?:ben|was))\b"
        r"|\bniemand (?:zal|zou|gaat)(?: \w+)? (?:me|mij) missen\b"
        rf"|\bik ben{_A} (?:een )?last voor (?:iedereen|mijn familie|mijn omgeving)\b"
        r"|\bbetter off (?:without me|dead|if i (?:was|were) (?:gone|dead|not here))\b"
        r"|\b(?:no one|nobody|noone) (?:would|will) (?:miss me|care if i died)\b"
        r"|\b(?:im|i am) a burden (?:to|on|for) (?:everyone|everybody|my family)\b"
        r"|\bzonder (?:mij|me) (?:is|zijn|zou|zouden|was|waren|hebben|heeft|wordt|worden)" + _gap(3) +
        r" (?:beter|gelukkiger|blijer|makkelijker)\b"
        r"|\b(?:is|zijn|zou|zouden|was|waren|hebben het|heeft het|wordt|worden)" + _gap(3) +
        r" (?:beter|gelukkiger|blijer|makkelijker) zonder (?:mij|me)\b"
        # "ik ben een last", "ik voel me alleen maar een last"; not "ik wil geen last zijn", not
        # "ik heb last van mijn rug", not "ik ben een last kwijt".
        rf"|\bik (?:ben|voel me|voel mij){_A} (?:een|zon|zo n|alleen maar een|niets dan een|niks dan een|"
        r"enkel een) (?:last|blok aan het been|molensteen)\b(?!(?: ,)? (?:kwijt|van|minder|lichter)\b)"
        rf"|\bik ben iedereen{_A} tot last\b"
        r"|\b(?:im|i am|i feel like|i feel)" + _gap(2) + r" (?:such |just |only )?a burden\b")),
    ("113.niet_meer_wakker_worden", ROUTE_CRISIS_113, _F(
        rf"\b(?:hoop|wens|wou|bid|zou willen) (?:dat )?ik{_A} (?:niet|nooit|nie) (?:meer )?wakker "
        r"(?:word|wordt|te worden|worden)\b"
        rf"|\b{_WIL}{_A} (?:niet|nooit|nie) meer wakker (?:worden|te worden)\b"
        rf"|\b(?:slapen|inslapen|in slaap vallen) en (?:niet|nooit|nie) meer wakker (?:worden|te worden|word)\b"
        r"|\b(?:hope|wish) i (?:dont|do not|never|wont) wake up\b"
        r"|\bdont want to wake up (?:again|anymore|ever)\b|\bnever wake up again\b")),
    ("113.geen_zin_in_leven", ROUTE_CRISIS_113, _F(
        rf"\bgeen (?:zin|reden)(?: meer)? (?:in (?:het|mijn|dit) {_LEVEN}|om (?:nog )?(?:te|verder te) {_LEVEN}|"
        rf"meer om te {_LEVEN})\b"
        rf"|\b(?:het|mijn|dit) {_LEVEN}{_A} (?:heeft|had){_A} geen (?:zin|nut)\b"
        rf"|\b(?:het|mijn|dit) {_LEVEN} is{_A} (?:zinloos|niet (?:meer )?de moeite(?: waard)?|"
        r"niks meer waard|niets (?:meer )?waard)\b"
        rf"|\b(?:ben|is|zijn|voel)(?: me| mij)?{_A} (?:het )?{_LEVEN}{_A} (?:zat|beu|moe)\b"
        r"|\blevens ?moe\b"
        r"|\b(?:geen|niks|niets)(?: meer)? om (?:nog )?voor te leven\b"
        rf"|\bwaarom (?:zou ik|leef ik){_A} (?:nog )?(?:{_LEVEN}|doorgaan)\b(?! (?:met|naar|bij|voor)\b)"
        r"|\bwaarom leef ik\b"
        # "ik zie niet waarom ik morgen nog zou opstaan": no reason left to get up or go on.
        r"|\bwaarom (?:ik|zou ik)(?: (?:morgen|nog|zou|ooit|elke dag|iedere dag|eigenlijk|\w+ ochtend)){0,3} "
        r"(?:opstaan|op te staan|doorgaan|door te gaan|verder gaan)\b(?! (?:met|naar|bij|voor)\b)"
        # "wat heeft het allemaal nog voor zin", "wat heeft mijn leven voor zin" (not "... om te bellen").
        rf"|\bwat heeft (?:het allemaal|dit allemaal|mijn {_LEVEN}|het {_LEVEN}|dit {_LEVEN})"
        r"(?: (?:nog|eigenlijk|nou|nu|allemaal))* voor (?:zin|nut)\b(?! (?:om|als|dat)\b)"
        r"|\b(?:no reason to live|nothing to live for|tired of (?:living|life)|sick of living|"
        r"whats the point of living)\b|\blife (?:is not|isnt) worth (?:living|it)\b")),
    # Not being there any more, said as a plan: "tegen de tijd dat die belt ben ik er toch niet
    # meer". Not "als ik er niet meer ben, wie zorgt dan voor mijn zoon" (planning for old age).
    ("113.er_straks_niet_meer", ROUTE_CRISIS_113, _F(
        r"\bben ik er (?:toch|al|dan al|straks|morgen|waarschijnlijk|allang) (?:al )?niet meer\b"
        r"|\bik ben er (?:toch|straks|morgen|binnenkort|vannacht|dan) (?:al )?niet meer\b"
        r"|\bi (?:wont|will not) be (?:here|around|alive) (?:by then|anymore|tomorrow)\b")),
    # Standing at the tracks or a height with the thought "waarom eigenlijk niet".
    ("113.bij_spoor_waarom_niet", ROUTE_CRISIS_113, _F(
        r"\b(?:sta|stond|zit|zat|loop|liep|ga)(?: \w+){0,3} (?:bij|langs|op|naar) (?:het spoor|de rails|"
        r"het perron|de spoorbaan|de brug|het dak|de flat|de rand)\b(?: \w+| ,){0,10} "
        r"(?:waarom (?:eigenlijk |ook |dan )?niet|springen|ervoor (?:gaan|springen)|eronder)\b")),
    ("113.geen_uitweg", ROUTE_CRISIS_113, _F(
        r"\bgeen (?:enkele )?uitweg\b|\b(?:see )?no way out\b")),
    # Wanting to disappear for good: "ik wil voorgoed verdwijnen", "ik wil voor altijd weg",
    # "het liefst zou ik voorgoed slapen". Not "ik wil voorgoed weg uit deze wijk", not "de
    # schimmel moet voorgoed verdwijnen" (no wish of a person).
    ("113.voorgoed_verdwijnen", ROUTE_CRISIS_113, _F(
        rf"\b{_WISH}{_A} (?:voorgoed|voor altijd|voor eeuwig|voor eens en altijd){_A} (?:verdwijnen|"
        r"weg(?: zijn| gaan| wezen)?|slapen|gaan slapen|inslapen|in slaap vallen)\b"
        r"(?!(?: ,)? (?:uit|van (?!deze wereld|de wereld|de aarde)|naar|bij|hier|daar|met|om|zonder|"
        r"voor|in)\b)"
        rf"|\b{_WISH}{_A} (?:verdwijnen|weg|slapen|gaan slapen|inslapen)(?: ,)? (?:voorgoed|voor altijd|"
        r"voor eeuwig)\b(?! (?:uit|naar|bij|hier|van)\b)"
        r"|\b(?:ik|hij|ze|zij) (?:ga|gaat|verdwijn|verdwijnt)(?: \w+)? (?:voorgoed|voor altijd) "
        r"(?:verdwijnen\b|slapen\b|(?=[.,]|$))"
        r"|\bverdwijn (?:ik|hij|ze|zij) (?:voorgoed|voor altijd)\b"
        # "dat ik beter voorgoed kan verdwijnen": being better off gone for good.
        rf"|\bbeter(?: (?:zijn|wezen) als ik)?{_A} (?:voorgoed|voor altijd)(?: (?:kan|kon|zou|zou kunnen))? "
        r"(?:verdwijnen|weg|dood|er niet meer)\b"
        r"|\b(?:disappear|vanish|sleep|be gone|go to sleep) (?:forever|for good|for ever)\b")),
    # Stopping with life: "ik wil stoppen met leven", "stoppen met alles, ook met leven",
    # "ik ben klaar met het leven". Not "stoppen met leven boven mijn stand".
    ("113.stoppen_met_leven", ROUTE_CRISIS_113, _F(
        r"\b(?:stop|stoppen|te stoppen|stopt|ophouden|op te houden|ophoud|kappen|te kappen|klaar)"
        r"(?: (?:met alles|ermee))?(?: ,)?(?: (?:ook|gewoon|echt|en|dus|eigenlijk|zeg maar)){0,3} "
        rf"met (?:het |mijn |dit )?(?:{_LEVEN}|bestaan)\b(?! (?:boven|op|van|als|alsof|zoals|in|met|zonder|"
        r"volgens|lang)\b)"
        rf"|\bermee (?:stoppen|ophouden|kappen)(?: [.,])? met (?:het |mijn )?{_LEVEN}\b"
        r"|\bstop (?:living|existing)\b|\b(?:done|finished) with (?:life|living)\b")),
    # Death as rest or relief: "het lijkt me rustig om dood te zijn", "dood zijn lijkt me fijn",
    # "het is beter voor iedereen als ik er niet meer ben". Not "het is niet fijn om dood te
    # gaan", not "fijn om thuis te sterven" (palliative care).
    ("113.dood_lijkt_fijn", ROUTE_CRISIS_113, _F(
        r"\b(?<!niet )(?<!geen )(?<!nooit )(?:rustig|rustiger|fijn|fijner|heerlijk|prettig|beter|lekker|"
        r"mooi|vredig|makkelijk|makkelijker|een opluchting|opluchting|een verlossing|verlossing|"
        r"verlossend|een uitweg|de oplossing|een oplossing|het beste)"
        r"(?: (?:zijn|is|me|mij|voor iedereen|voor (?:mijn|hen|ze|hun) ?\w*|echt|wel|gewoon|misschien|"
        r"eigenlijk|toch|ook|allemaal|dan|lijken))* (?:om )?(?:dood te (?:zijn|gaan)"
        r"|te sterven(?! (?:in|thuis|bij|omringd|met|op)\b)"
        rf"|er {_NIET} meer te zijn|{_NIET} meer te (?:leven|bestaan)|{_NIET} meer wakker te worden|"
        r"voorgoed te (?:verdwijnen|slapen)|als ik (?:er )?(?:dood|niet meer) (?:ben|was|zou zijn|"
        rf"ga|besta)|als ik er {_NIET} (?:meer|langer) (?:ben|was|zou zijn|besta))\b"
        r"(?! (?:op|om|na|bij|als|wanneer|tijdens|vanaf|tot)\b)"
        rf"|\b(?:dood(?: zijn| gaan| te zijn)?|doodgaan|de dood|sterven|er {_NIET} meer zijn|{_NIET} meer "
        r"wakker worden) (?:lijkt|leek|zou)(?: (?:me|mij|het|zijn))*" + _A +
        r" (?:\w+ )?(?:rustig|fijn|heerlijk|prettig|vredig|lekker|een opluchting|een verlossing|"
        r"de oplossing|een uitweg|beter dan dit|makkelijker)\b"
        r"|\b(?:being dead|death|dying|not existing) (?:sounds|seems|would be|feels)(?: \w+)? "
        r"(?:peaceful|nice|like a relief|a relief|easier|better|like the only way)\b")),
    # This life can no longer be carried: "ik kan dit leven niet meer dragen", "ik hou dit
    # leven niet meer vol", "ik zie het leven niet meer zitten". Not "het leven is niet meer te
    # betalen".
    ("113.leven_niet_meer_dragen", ROUTE_CRISIS_113, _F(
        rf"\b(?:dit|het|mijn|zon|zo n) (?:{_LEVEN}|bestaan){_A} {_NIET} (?:meer|langer){_A} (?:dragen|"
        r"volhouden|vol|aan|trekken|uithouden|uit|verdragen|aankunnen|aan kunnen|zitten)\b"
        rf"|\b(?:kan|hou|houd|trek|wil)(?: ik)? (?:dit|het|mijn|zon|zo n) (?:{_LEVEN}|bestaan){_A} {_NIET} "
        rf"(?:meer|langer){_END}"
        r"|\bcant (?:bear|stand|take|handle) (?:this|my) life\b")),
    # Saying goodbye for good: "ik neem afscheid van iedereen", "vaarwel iedereen". Not a
    # goodbye to a house, a job or a colleague.
    ("113.afscheid", ROUTE_CRISIS_113, _F(
        r"\bafscheid (?:nemen|genomen|neem|te nemen|nam|namen) van (?:de wereld|het leven|dit leven|"
        r"mijn leven)\b"
        r"|\bik (?:neem|nam|heb|had|wil|ga|moet)" + _gap(3) + r" afscheid (?:nemen |genomen |te nemen )?"
        r"van (?:iedereen|jullie allemaal|alles en iedereen|iedereen die (?:ik ken|van me houdt))\b"
        r"(?!(?: ,)? (?:in|op|bij|uit|van|hier|daar|die|want|omdat|voor)\b)"
        r"|\bvaarwel (?:iedereen|allemaal|wereld|lieve)\b"
        # "Dit is mijn laatste bericht. De kat is bij de buren" (messy_blind_4: the intent model alone
        # heard it, as 112): a last message is a farewell unless it says what it is the last of.
        r"|\b(?:dit is|dit wordt|this is) (?:mijn|my) (?:aller)?laatste (?:bericht|berichtje|appje|message)\b"
        r"(?!(?: \w+){0,4} (?:over|aan|voor|in|op|van|want|omdat|hierover|deze week|vandaag)\b)"
        r"|\b(?:dit is|het is) (?:mijn |een )?(?:definitief )?afscheid\b(?!(?: ,)? (?:van|voor|op|bij|nemen|"
        r"genomen|geweest|was)\b)"
        r"|\b(?:this is|its) (?:my )?goodbye\b|\bgoodbye (?:everyone|world|forever|cruel world)\b"
        r"|\bsaying goodbye to (?:everyone|everybody)\b")),
    ("113.springen_trein_brug", ROUTE_CRISIS_113, _F(
        r"\b(?:voor|onder) (?:de|een) (?:trein|metro|vrachtwagen|auto|bus|tram)" + _gap(2) +
        r" (?:springen|springt|spring|sprong|gaan liggen|te springen|te gaan liggen|lopen|stappen|"
        r"gooien|te gooien)\b"
        r"|\b(?:spring|springen|springt|sprong|gooi|gooien|storten|stort)(?: (?:mezelf|me|mij))?"
        + _gap(3) + r" (?:voor|onder) (?:de|een) (?:trein|metro|vrachtwagen|bus|tram)\b"
        r"|\b(?:van|vanaf|af) (?:het|de|een) (?:dak|brug|flat|balkon|gebouw|toren|klif)" + _gap(3) +
        r" (?:springen|te springen|spring|gooien|te gooien|storten|te storten)\b"
        r"|\b(?:spring|springen|springt|gooi|gooien|stort|storten)(?: (?:mezelf|me|mij))?" + _gap(3) +
        r" (?:van|vanaf|af) (?:het|de|een) (?:dak|brug|flat|balkon|gebouw|toren|klif)\b"
        r"|\bik (?:ga|loop|fiets|rij)(?: (?:nu|zo|straks|zometeen|vanavond|vannacht|meteen))* naar "
        r"(?:het spoor|de rails|de spoorlijn|de treinrails)\b"
        r"|\b(?:dreigde|dreigden|gedreigd)" + _gap(3) + r" te springen\b"
        r"|\bjump(?:ing)? (?:off|from) (?:a|the) (?:bridge|roof|building|balcony)\b"
        r"|\b(?:jump|jumping|step|stepping) in front of (?:a|the) (?:train|bus|truck|car)\b")),
    # One step forward, when the message speaks of a train or a platform ("op het perron denk ik:
    # één stap naar voren en het is klaar"). Not the idiom "een stap naar voren zetten".
    ("113.stap_naar_voren", ROUTE_CRISIS_113, _F(
        r"\b(?:een|1|eentje|een kleine|n) (?:stap|stapje) (?:naar voren|naar de rand|over de rand|"
        r"over de reling|te ver naar voren)\b(?! (?:zetten|te zetten|gezet|in (?:mijn|je|het) (?:leven|werk|"
        r"carriere))\b)")),
    # Thoughts of jumping, when the message speaks of a train, a
    # platform or a height ("op het perron denk ik: één stap naar voren", "als ik over de brug
    # fiets wil ik er soms vanaf springen"). Needs that context (see _CONTEXT_REQUIRED).
    ("113.spring_gedachten", ROUTE_CRISIS_113, _F(
        rf"\b{_WIL}(?: er)?{_A}(?: (?:vanaf|eraf|ervanaf|af|naar beneden|ervoor|eronder))? (?:springen|"
        r"te springen|spring|gaan liggen)\b(?! (?:in|op|uit|over|van (?:vreugde|blijdschap|geluk))\b)"
        r"|\b(?:denk|dacht|denken|overweeg|fantaseer)(?: ik)?(?: (?:er|erover|eraan|aan|over|na|steeds|"
        r"vaker|vaak|soms|wel|echt|weleens|veel|constant|nog|al|serieus|elke dag|iedere dag|de hele dag|"
        r"dan|daar|weer|even))"
        r"{1,6} (?:om )?(?:te springen|springen|ervoor te (?:springen|stappen|gaan liggen)|"
        r"eraf te springen|ervanaf te springen|naar beneden te springen)\b(?! (?:in|op|uit)\b)"
        r"|\b(?:ervoor|eronder) (?:te )?(?:springen|spring|stappen|gaan liggen)\b"
        r"|\bthink(?:ing)? (?:about|of) (?:jumping|stepping in front)\b")),
    ("113.pillen_plan", ROUTE_CRISIS_113, _F(
        rf"\b{_PILLS}{_gap(3)} (?:aan het )?(?:sparen|gespaard|opsparen|opgespaard|verzamelen|"
        r"verzameld|op te sparen)\b"
        rf"|\b(?:spaar|verzamel|hamster)(?: \w+){{0,2}} {_PILLS}\b"
        rf"|\b(?:alle|al mijn|genoeg|te veel|teveel|heel veel|een hoop) {_PILLS}{_A} "
        r"(?:innemen|in te nemen|nemen|te nemen|slikken|te slikken)\b"
        rf"|\bgenoeg {_PILLS}(?: \w+){{0,3}} om\b"
        rf"|\b{_PILLS}{_gap(2)} (?:liggen|staan) (?:al )?klaar\b|\b{_PILLS} klaargelegd\b"
        # "ik heb de pillen al liggen" (residents' round 40, after the safety check: the summary followed)
        rf"|\b(?:ik )?heb (?:de |die |mijn |alle |genoeg )?{_PILLS} (?:al |hier |thuis |nu )*(?:liggen|klaarliggen|klaarstaan)\b"
        rf"|\b{_PILLS} (?:nemen|slikken|innemen|in te nemen|te slikken) (?:om|zodat){_gap(4)} "
        r"(?:dood|niet meer wakker|er niet meer|een eind|te sterven)\b"
        rf"|\bhoeveel {_PILLS}{_gap(5)} (?:dodelijk|dood|te sterven|overlijden)\b"
        rf"|\b(?:dodelijke dosis|lethal dose)\b|\b{_WIL}{_A} (?:een )?overdosis\b"
        rf"|\b(?:saving|stockpiling|hoarding) (?:up )?(?:my )?{_PILLS}\b"
        rf"|\btake all (?:my|the) {_PILLS}\b")),
    ("113.afscheidsbrief", ROUTE_CRISIS_113, _F(
        r"\bafscheids ?brie(?:f|ven|fje)\b|\b(?:goodbye|suicide) (?:letter|note)\b")),
    ("113.mezelf_iets_aandoen", ROUTE_CRISIS_113, _F(
        rf"\b{_SELF}{_A} (?:iets|wat){_A}(?: (?:gaat|gaan|zal|zou|wil|wilt|kan))? (?:aandoen|aan doen|"
        r"aan te doen|aandoe|aandoet|aan gaat doen|aan zal doen|aangedaan)\b"
        # "ik ga me iets aandoen", but not "ik denk dat hij me iets aandoet" (that is a threat).
        rf"|\bik(?: (?!(?:{_NEG_WORDS}|hij|ze|zij|mijn|hem|haar|zijn|iemand)\b){_WORD}){{0,4}}"
        rf" (?:me|mij){_A} (?:iets|wat){_A} (?:aandoen|aan doen|aan te doen|aandoe)\b"
        rf"|\b(?:doe|deed) (?:mezelf|mijzelf|me){_A} (?:iets|wat) aan\b")),
    ("113.zelfbeschadiging", ROUTE_CRISIS_113, _F(
        r"\b(?:zelfbeschadig|zelfverwond|automutilatie|self ?harm)[a-z]*"
        rf"|\b(?:snij|snijd|snijdt|snijden|kras|krast|krassen|beschadig|beschadigt|brand|verwond|verwondt)"
        rf"{_A} (?:mezelf|mijzelf|zichzelf|hemzelf|haarzelf)\b"
        rf"|\b(?:mezelf|mijzelf){_A} (?:snijden|te snijden|krassen|beschadigen|verwonden|pijn doen|"
        r"pijn te doen|pijn gedaan|gesneden|gekrast|verwond|beschadigd)\b"
        rf"|\b(?:snij|snijd|snijden|kras|krassen|gesneden|gekrast){_A} in (?:mijn|me) (?:armen|arm|"
        r"polsen|pols|benen|been|huid|buik|dijen|bovenbenen)\b"
        r"|\b(?:polsen|pols) (?:doorsnijden|door te snijden|open snijden|opensnijden)\b"
        r"|\b(?:want|going|gonna|wanna|urge|keep|started|trying)(?: \w+){0,2} (?:to )?(?:hurt|harm|"
        r"cut) myself\b|\b(?:hurting|harming|cutting) myself\b")),
    ("113.ophangen_van_kant_maken", ROUTE_CRISIS_113, _F(
        rf"\b(?:{_SELF}|me|mij){_A}(?: (?:wil|wilt|gaat|zal|zou))? (?:op ?hangen|op te hangen)\b"
        r"(?! aan (?:details|kleinigheden|woorden|dat|die)\b)"
        rf"|\b(?:hang|hangt) (?:{_SELF}|me|mij){_A} op\b"
        rf"|\b(?:{_SELF}|me|mij){_A} (?:van kant|om het leven|om zeep){_A}(?: (?:wil|wilt|gaat|zal|zou))? "
        r"(?:maken|te maken|brengen|te brengen|helpen|te helpen)\b"
        rf"|\b(?:maak|maakt|breng|brengt|help|helpt) (?:{_SELF}|me){_A} (?:van kant|om het leven|om zeep)\b"
        rf"|\b{_SELF}{_A} dood (?:maken|te maken|schieten|te schieten|drinken)\b"
        r"|\b(?:touw|strop)" + _gap(3) + r" (?:gekocht|klaar|klaarliggen|klaargelegd|opgehangen|"
        r"om mijn nek)\b"
        r"|\b(?<!laughing )kill(?:ing)? myself\b(?! (?:laughing|at work|with work)\b)"
        r"|\bhang myself\b"
        r"|\b(?:kill|killing|kills|hurt|hurting|hang) (?:herself|himself|themselves)\b")),
    # "ik wil niet meer" at a clause end is ambiguous; it counts only with a life/being context
    # somewhere in the message (see _CONTEXT_REQUIRED).
    ("113.wil_niet_meer_met_context", ROUTE_CRISIS_113, _F(
        rf"\bik {_WIL}(?: (?:echt|gewoon|gewoonweg|helemaal|echt gewoon|gewoon echt))? {_NIET} meer{_END}")),

    # Issue 24: a farewell told in everyday words.
    # A farewell without the word suicide: affairs put in order, who gets the pet, thanks for all.
    # Sranan ("Surinaams"): "mi wani dede" (I want to die), "mi no wani libi moro" (I do not want
    # to live any more), "kiri mi srefi" (kill myself).
    ("113.sranan", ROUTE_CRISIS_113, _F(
        r"\bmi (?:wani|wan|e wani) (?:dede|kiri mi ?srefi)\b|\bmi no (?:wani|wan) libi (?:moro|ete|no moro)\b"
        r"|\bkiri mi ?srefi\b")),
    # Giving one's things away "because I will not need them where I am going".
    ("113.weggeven_waar_ik_heen_ga", ROUTE_CRISIS_113, _F(
        r"\b(?:niet meer nodig|niet nodig|toch niet meer nodig|toch niet nodig)(?: \w+| [.,]){0,3} "
        r"waar ik (?:heen|naartoe|naar toe) ga\b"
        r"|\bwaar ik (?:heen|naartoe|naar toe) ga(?: \w+| [.,]){0,5} (?:niet (?:meer )?nodig|heb ik (?:\w+ )?niks aan)\b"
        r"|\b(?:where i am going|where im going)(?: \w+){0,4} (?:need|use)\b")),
    # A weapon or rope kept "voor als het moment komt" (messy_blind_4: a father who cleaned his
    # hunting rifle "voor als het moment komt" was heard as 112 by the intent model alone).
    ("113.wapen_voor_het_moment", ROUTE_CRISIS_113, _F(
        r"\b(?:geweer|jachtgeweer|pistool|revolver|vuurwapen|wapen|touw|strop)\b(?: \w+| [.,]){0,12} "
        r"voor als (?:het moment|het zover|de tijd|mijn tijd)(?: \w+)? (?:komt|is|daar is|gekomen)\b"
        r"|\bvoor als (?:het moment|het zover) (?:komt|is)\b(?: \w+| [.,]){0,6} (?:geweer|jachtgeweer|pistool|"
        r"vuurwapen|wapen|touw|strop)\b")),
    ("113.zaken_op_orde", ROUTE_CRISIS_113, _F(
        r"\b(?:mijn |alle )?(?:zaken|papieren|spullen|administratie|testament) (?:heb ik |zijn |staan )?"
        r"(?:nu |allemaal |netjes |alvast )*(?:op orde|geregeld|afgehandeld)(?: \w+| [.,]){0,16}"
        r" (?:afscheid|vaarwel|(?:dank|bedankt)(?:je|jullie|u)? voor (?:alles|alle)|(?:kat|hond|poes|konijn|katten|"
        r"honden|vogel)(?: \w+){0,3} (?:gaat|mag|naar|voor|krijgt))"
        r"|\b(?:de |mijn |onze )?(?:kat|hond|poes|katten|honden|konijn|vogels?|vissen)(?: \w+){0,2} "
        r"(?:gaat|gaan|mag|mogen|breng ik|heb ik)(?: \w+){0,3} naar (?:de buren|de buurvrouw|de buurman|"
        r"mijn (?:zus|broer|moeder|vader|dochter|zoon|vriendin|vriend))(?: \w+| [.,]){0,16}"
        r" (?:afscheid|vaarwel|(?:dank|bedankt)(?:je|jullie|u)? voor (?:alles|alle)|niet meer (?:zijn|ben)|"
        r"als ik er niet meer ben|zaken|op orde)"
        r"|\b(?:een |haar |zijn |mijn )?(?:afscheidsbericht|afscheidsberichtje|afscheidsappje|"
        r"afscheidssms|afscheidstekst|afscheidsmail)\b"
        r"|\ber komt (?:voor mij |voor mij )?geen morgen(?: meer)?\b"
        r"|\bik (?:zal|ga) er (?:morgen|straks|vannacht|na vandaag) niet meer zijn\b")),
]

# Rules that only count when the message also holds a life/being context.
CONTEXT_REQUIRED_113: Final[dict[str, re.Pattern[str]]] = {
    "113.stap_naar_voren": _F(
        r"\b(?:perron|trein|treinen|spoor|spoorlijn|rails|metro|tram|afgrond|reling|brug|station|"
        r"platform|train|tracks)\b"),
    "113.spring_gedachten": _F(
        r"\b(?:perron|trein|treinen|spoor|spoorlijn|rails|metro|tram|brug|bruggen|afgrond|reling|"
        r"balkon|dak|flat|raam|verdieping|hoogte|hoog|klif|toren|parkeergarage|rivier|gracht|kanaal|"
        r"viaduct|bridge|train|platform|roof|balcony|tracks|cliff)\b"),
    "113.wil_niet_meer_met_context": _F(
        r"\b(?:leven|leve|levens|bestaan|zinloos|dood|sterven|uitzichtloos|geen uitweg|"
        r"er niet meer zijn|alles zat|alles beu|niemand mist me|last voor iedereen|op aarde)\b"),
}

# Rules that do not count when the message says what the words are for (issue 24's near-misses:
# old medicines saved to hand in at the pharmacy, a farewell letter to colleagues at retirement).
CONTEXT_EXCLUDED_113: Final[dict[str, re.Pattern[str]]] = {
    "113.pillen_plan": _F(r"\b(?:inleveren|in te leveren|lever ik in|weggooien|weg te gooien|gooi ik weg|"
                          r"terugbrengen|terug te brengen|over de datum|houdbaarheidsdatum)\b"),
    "113.afscheidsbrief": _F(r"\b(?:collega|collegas|pensioen|afscheidsreceptie|juf|meester|klasgenoten|"
                             r"verhuis|verhuizen|verhuizing|nieuwe baan|stage|vrijwilligers|vereniging)\b"),
}


# Examples per rule (style.md "Rules readable as data"): for every rule id of crisis_113, the messages
# it must match and near phrasings it must not match (figures of speech, negations, another meaning).
# Checked by tests/bot/understanding/test_crisis_rule_examples.py; add a case here when a rule changes.
EXAMPLES_113: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "113.wapen_voor_het_moment": (
        ("hij heeft zijn jachtgeweer schoongemaakt voor als het moment komt",
         "ik heb een touw gekocht, voor als het zover is"),
        ("ik heb medicijnen in huis voor als het nodig is", "mijn man heeft een jachtgeweer voor de jacht"),
    ),
    "113.zelfmoord": (
        ("ik denk aan zelfmoord", "ik heb zelfmoordgedachten", "i feel suicidal"),
        ("ik heb een documentaire over een zelfmoordaanslag gezien", "mijn collega zegt dat het carrière-zelfmoord is", "het was een zelfmoordactie van de spits"),
    ),
    "113.methode": (
        ("wat is de snelste pijnloze manier om te sterven", "hoe kan ik pijnloos doodgaan", "painless way to die"),
        ("is er een pijnloze behandeling voor mijn tanden", "pijnloos ontharen, kan dat"),
    ),
    "113.eind_eraan_maken": (
        ("ik wil er een eind aan maken", "ze zegt dat ze er een eind aan wil maken",
         "ik wil uit het leven stappen"),
        ("ik wil een eind maken aan de ruzie met de buren", "er komt een eind aan de bouw"),
    ),
    "113.wil_niet_meer_leven": (
        ("ik wil niet meer leven", "ik wil niet langer leven", "i dont want to live anymore"),
        ("ik wil niet meer leven van een uitkering", "ik wil niet meer leven in deze wijk"),
    ),
    "113.er_niet_meer_zijn": (
        ("ik wil er niet meer zijn", "was ik er maar niet meer",
         "ik denk er steeds vaker aan om er niet meer te zijn"),
        ("als ik er niet meer ben, wie zorgt dan voor mijn zoon?", "ik wil er morgen graag zijn"),
    ),
    "113.dood_willen": (
        ("ik wil dood", "ik ben liever dood", "i want to die"),
        ("ik wil niet dood", "ik ga dood van de honger", "ik schrok me dood"),
    ),
    "113.beter_af_zonder_mij": (
        ("iedereen is beter af zonder mij", "niemand zal me missen", "ik ben een last voor iedereen"),
        ("ik heb last van mijn rug", "ik wil niemand tot last zijn met mijn vraag"),
    ),
    "113.niet_meer_wakker_worden": (
        ("ik hoop dat ik niet meer wakker word", "ik wil gaan slapen en niet meer wakker worden",
         "i hope i dont wake up"),
        ("ik word niet meer wakker van de buren", "ik hoop dat ik morgen op tijd wakker word"),
    ),
    "113.geen_zin_in_leven": (
        ("ik heb geen zin meer in het leven", "mijn leven heeft geen zin", "ik ben het leven zat"),
        ("ik heb geen zin in de verjaardag", "mijn leven is duur geworden"),
    ),
    "113.er_straks_niet_meer": (
        ("tegen de tijd dat die belt ben ik er toch niet meer", "ik ben er morgen niet meer"),
        ("ik ben er morgen niet, kan het overmorgen", "als ik er niet meer ben, wie zorgt dan voor mijn zoon?"),
    ),
    "113.bij_spoor_waarom_niet": (
        ("ik sta bij het spoor en denk waarom eigenlijk niet", "ik stond op de brug en dacht aan springen"),
        ("ik sta bij het spoor te wachten op de trein naar mijn werk",),
    ),
    "113.geen_uitweg": (
        ("ik zie geen uitweg meer", "er is geen enkele uitweg", "i see no way out"),
        ("de nooduitgang was geblokkeerd", "we zoeken een uitweg uit de schulden samen met de schuldhulp"),
    ),
    "113.voorgoed_verdwijnen": (
        ("ik wil voorgoed verdwijnen", "ik wil voor altijd weg", "het liefst zou ik voorgoed slapen"),
        ("ik wil voorgoed weg uit deze wijk", "de schimmel moet voorgoed verdwijnen"),
    ),
    "113.stoppen_met_leven": (
        ("ik wil stoppen met leven", "stoppen met alles, ook met leven", "ik ben klaar met het leven"),
        ("stoppen met leven boven mijn stand", "ik wil stoppen met roken"),
    ),
    "113.dood_lijkt_fijn": (
        ("het lijkt me rustig om dood te zijn", "dood zijn lijkt me fijn",
         "het is beter voor iedereen als ik er niet meer ben"),
        ("het is niet fijn om dood te gaan", "het is fijn om thuis te sterven, omringd door familie"),
    ),
    "113.leven_niet_meer_dragen": (
        ("ik kan dit leven niet meer dragen", "ik hou dit leven niet meer vol",
         "ik zie het leven niet meer zitten"),
        ("het leven is niet meer te betalen", "ik kan de boodschappen niet meer dragen"),
    ),
    "113.afscheid": (
        ("ik neem afscheid van iedereen", "vaarwel iedereen", "dit is mijn afscheid",
         "Dit is mijn laatste bericht. De kat is bij de buren."),
        ("ik neem afscheid van mijn collega's", "dit is mijn afscheid van de vereniging",
         "dit is mijn laatste bericht over de huur"),
    ),
    "113.springen_trein_brug": (
        ("ik wil voor de trein springen", "ik spring van de brug", "ik ga nu naar het spoor"),
        ("ik moet de trein halen", "de kinderen springen van de duikplank"),
    ),
    "113.stap_naar_voren": (
        ("op het perron denk ik: een stap naar voren en het is klaar",
         "bij de trein denk ik steeds, een stapje naar voren"),
        ("ik wil een stap naar voren zetten in mijn carriere", "bij de gymles moesten we een stap naar voren doen"),
    ),
    "113.spring_gedachten": (
        ("als ik over de brug fiets wil ik er soms vanaf springen",
         "ik denk er steeds aan om te springen, ik woon op de tiende verdieping"),
        ("ik wil springen op de trampoline", "de kinderen willen in het zwembad springen vanaf de kant"),
    ),
    "113.pillen_plan": (
        ("ik ben pillen aan het sparen", "ik wil al mijn pillen innemen", "hoeveel pillen zijn dodelijk",
         "ik heb de pillen al liggen"),
        ("ik heb oude pillen gespaard om in te leveren bij de apotheek", "ik moet mijn pillen innemen"),
    ),
    "113.afscheidsbrief": (
        ("ik heb een afscheidsbrief geschreven", "ik schrijf afscheidsbrieven aan mijn kinderen"),
        ("ik schrijf een afscheidsbrief voor mijn collega's bij mijn pensioen",),
    ),
    "113.mezelf_iets_aandoen": (
        ("ik ga mezelf iets aandoen", "ik ben bang dat ik mezelf iets aandoe", "ik ga me iets aandoen"),
        ("ik ga mezelf niks aandoen", "ik denk dat hij me iets aandoet"),
    ),
    "113.zelfbeschadiging": (
        ("ik snijd mezelf", "ik doe aan zelfbeschadiging", "i keep cutting myself"),
        ("ik sneed me per ongeluk aan een mes bij het koken",),
    ),
    "113.ophangen_van_kant_maken": (
        ("ik wil mezelf ophangen", "ik ga mezelf van kant maken", "i want to kill myself"),
        ("ik hang mezelf niet op aan details", "ik hang de was op"),
    ),
    "113.wil_niet_meer_met_context": (
        ("ik wil niet meer. het leven is zinloos", "ik wil gewoon niet meer, ik zie geen uitweg"),
        ("ik wil niet meer naar die school", "ik wil niet meer. die buren maken zoveel herrie"),
    ),
    "113.sranan": (
        ("mi wani dede", "mi no wani libi moro", "mi e wani kiri mi srefi"),
        ("mi wani go na oso",),
    ),
    "113.weggeven_waar_ik_heen_ga": (
        ("neem mijn jas maar, die heb ik niet meer nodig waar ik heen ga",
         "waar ik heen ga heb ik mijn spullen niet meer nodig"),
        ("waar ik heen ga op vakantie is het warm", "ik heb de kinderwagen niet meer nodig"),
    ),
    "113.zaken_op_orde": (
        ("mijn zaken zijn op orde. bedankt voor alles", "de kat gaat naar de buurvrouw als ik er niet meer ben",
         "er komt voor mij geen morgen meer"),
        ("mijn papieren zijn op orde voor de huurtoeslag", "de kat gaat naar de buurvrouw als ik op vakantie ben"),
    ),
}
