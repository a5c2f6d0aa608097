"""The rules for urgent needs, each with examples it must and must not match, built from shared
building blocks that run on normalised text.
"""
from __future__ import annotations

import re
from typing import Final

from bot.conversation.spoed.needs import ENERGIE, ETEN, GELD, MEDICIJNEN, ONDERDAK, Rule, UITZETTING


# --------------------------------------------------------------------------------------------
# Building blocks (they run on normalised text: lower case, single spaces, "," and "." tokens).
# --------------------------------------------------------------------------------------------

_NEG: Final = r"(?:niet|nooit|geen|niets|niks|not|never|no|dont|didnt|wont|nee)"
_W: Final = r"[a-z0-9]+"


def _gap(n: int) -> str:
    """Up to n words, none of them a negator, not crossing a clause end."""
    return rf"(?: (?!{_NEG}\b){_W}){{0,{n}}}"


_DAY: Final = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
_MONTH: Final = (r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
                 r"december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)")
_COUNT: Final = r"(?:\d+|een paar|twee|drie|vier|vijf|zes|zeven|tien|a few|two|three|four|five)"
# "Today or very soon": the words that make a rule timed.
_SOON: Final = (
    rf"(?:vandaag|vanavond|vannacht|vanmiddag|vanochtend|vanmorgen|straks|zo meteen|morgen|"
    rf"morgenochtend|morgenvroeg|morgenmiddag|overmorgen|deze week|dit weekend|volgende week|"
    rf"per direct|per vandaag|meteen|direct|nu|binnen {_COUNT} (?:dagen|dag|uur)|"
    rf"over {_COUNT} (?:dagen|dag|uur)|(?:op |aanstaande |komende |as )?{_DAY}(?:ochtend|middag|avond)?|"
    rf"(?:op )?(?:de )?\d{{1,2}}(?:e|ste|de)? {_MONTH}|"
    rf"tonight|today|tomorrow|this week|next week|this weekend|right now|now|"
    rf"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in {_COUNT} days)"
)
# A set day: _SOON without "nu", "meteen", "straks" ("de deurwaarder schreef, wat moet ik nu doen").
_WHEN: Final = (
    rf"(?:vandaag|vanavond|vannacht|vanmiddag|morgen|morgenochtend|morgenvroeg|morgenmiddag|overmorgen|"
    rf"deze week|dit weekend|volgende week|binnen {_COUNT} (?:dagen|dag)|over {_COUNT} (?:dagen|dag)|"
    rf"(?:in|binnen) (?:een|1) week|"
    rf"(?:op |aanstaande |komende |as )?{_DAY}(?:ochtend|middag|avond)?|"
    rf"(?:op )?(?:de )?\d{{1,2}}(?:e|ste|de)? {_MONTH}|"
    rf"tonight|today|tomorrow|this week|next week|this weekend|"
    rf"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in {_COUNT} days)"
)
_ME: Final = r"(?:me|mij|ons|us)"
_HOME_PEOPLE: Final = (
    r"(?:vader|moeder|pa|ma|papa|mama|ouders|stiefvader|stiefmoeder|stiefpa|stiefma|vriend|vriendin|"
    r"man|vrouw|partner|ex|oom|tante|opa|oma|broer|zus|familie|huisbaas|verhuurder|huisgenoot|"
    r"huisgenoten|schoonmoeder|schoonvader|dad|mum|mom|parents|stepdad|stepmom|boyfriend|girlfriend|"
    r"husband|wife|landlord)"
)
_OUT: Final = (r"(?:eruit|er uit|buiten|naar buiten|op straat|de deur uit|het huis uit|uit huis|uit het huis|"
               r"de straat op)")
_THROWN: Final = r"(?:gegooid|geschopt|getrapt|gezet|gestuurd|gejaagd|geflikkerd|gesodemieterd|gebonjourd)"
# Put out of a job, a class or a club is another matter: "ik ben vandaag buitengegooid op mijn werk".
_NOT_HOME: Final = (r"(?!(?: \w+){0,3} (?:werk|school|klas|les|baan|stage|club|groepsapp|app|chat|training|"
                    r"kantine|winkel|feest|kroeg|cafe|disco|vereniging|team|opleiding|mbo)\b)")
_ENERGY: Final = (
    r"(?:gas|stroom|elektra|elektriciteit|licht|energie|water|warm water|verwarming|de cv|meter|gasmeter|"
    r"stroommeter|elektriciteitsmeter|watermeter)"
)
_SUPPLIER: Final = (
    r"(?:energiebedrijf|energie bedrijf|energieleverancier|energie leverancier|leverancier|netbeheerder|"
    r"waterbedrijf|drinkwaterbedrijf|eneco|essent|vattenfall|nuon|greenchoice|budget energie|"
    r"stedin|liander|enexis|evides|vitens|brabant water)"
)
_MEDS: Final = (
    r"(?:medicijnen|medicijn|medicatie|medicine|medicines|medication|meds|insuline|insulin|pillen|"
    r"pilletjes|tabletten|puffer|pufjes|inhalator|inhaler|antibiotica|zalf|recept|prescription|"
    r"epilepsiemedicatie|hartmedicatie|antidepressiva|methadon)"
)
_FOOD: Final = r"(?:eten|voedsel|boodschappen|brood|melk|babyvoeding|flesvoeding|luiers|food|groceries)"
_NOTHING_LEFT: Final = (r"(?:niks|niets|nix|geen cent|geen geld|geen euro|0 euro|nul euro)(?: meer)?(?: over)?"
                        r"(?= ?(?:$|[.,]|en\b|maar\b|op\b|in\b|tot\b|want\b))")
_MONEY_WAIT: Final = r"(?:uitkering|loon|salaris|toeslag|toeslagen|bijstand|studiefinanciering|geld|leefgeld|zakgeld)"

# "geen eten weggooien", "geen eten meegenomen": about food, not about having none.
_NOT_THAT_FOOD: Final = (r"(?! (?:weggooien|weg te gooien|verspillen|bestellen|meenemen|meegenomen|mee|op school|"
                         r"met|van de|gekookt|gemaakt|klaar|bij me|bij mij|nodig)\b)")

_F = re.compile


def _rule(rule_id: str, need: str, pattern: str, matches: tuple[str, ...], misses: tuple[str, ...] = (),
          timed: bool = False) -> Rule:
    return Rule(rule_id, need, _F(pattern), timed, matches, misses)


# --------------------------------------------------------------------------------------------
# The rules, grouped per need, most urgent need first.
# --------------------------------------------------------------------------------------------

RULES: Final[tuple[Rule, ...]] = (
    # --- onderdak: no bed tonight -----------------------------------------------------------
    _rule("onderdak.geen_slaapplek", ONDERDAK,
          r"\b(?:geen|nergens een|niet eens een|zonder) (?:eigen )?(?:slaapplek|slaapplaats|slaap plek|"
          r"plek om te (?:slapen|pitten|blijven|overnachten)|plek voor vannacht|bed voor vannacht|"
          r"onderdak|dak boven (?:mijn|ons|het|me|m|zijn|haar) (?:hoofd|kop)|huis meer|woning meer|"
          r"thuis meer)\b(?! nodig\b)",
          ("ik heb vannacht geen slaapplek", "ik heb geen dak boven mijn hoofd", "ik heb geen huis meer"),
          ("ik heb geen eigen huis, ik woon bij mijn ouders", "er is geen slaapplek nodig")),
    _rule("onderdak.waar_slapen", ONDERDAK,
          r"\b(?:weet|weten|heb|hebben) (?:echt |gewoon |nu )?(?:niet|geen idee|geen flauw idee) "
          r"(?:meer )?waar (?:ik|we|wij|hij|zij|ze|mijn \w+)" + _gap(3) + r" (?:slapen|pitten|overnachten)\b"
          r"|\bwaar (?:moet|moeten|kan|kunnen|mag|mogen) (?:ik|we|wij|hij|zij|ze) (?:nu |dan |vannacht |"
          r"vanavond |vandaag |in godsnaam )*(?:slapen|pitten|overnachten|heen vannacht|naartoe vannacht)\b"
          r"|\bwaar (?:ik|we) (?:vannacht |vanavond )?(?:moet |mot |kan )?(?:slapen|pitten)\b"
          r"|\bwaar (?:moet|mot|kan|moeten|kunnen) (?:ik|we) (?:nu )?(?:vannacht|vanavond) "
          r"(?:wonen|wone|heen|naartoe)\b"
          r"|\bwaar (?:ik|we) (?:moet|mot|kan|moeten) (?:wonen|wone|slapen|heen) (?:vannacht|vanavond|nu)\b",
          ("ik weet niet waar ik vannacht moet slapen", "waar moet ik slapen??", "Waar ik slapen vannacht?",
           "waar moeten we vanavond heen", "Waar ik moet wonen nu?"),
          ("ik weet niet waarom ik slecht slaap", "de werkplaats gaat dicht, waar moet ik dan heen",
           "de gemeente zegt dat ik niet in het chalet mag wonen, waar moet ik nu wonen")),
    _rule("onderdak.nergens_heen", ONDERDAK,
          r"\b(?:kan|kunnen|kon) (?:echt |nu |vannacht |vanavond )*nergens (?:meer )?(?:heen|naartoe|naar toe|"
          r"terecht|slapen|blijven)\b(?! met (?:mijn|deze|die|dit|m|het|dat|onze) )"
          r"|\bnergens (?:om )?(?:te )?(?:slapen|heen te gaan)\b"
          r"|\bnowhere to (?:sleep|stay|go|live)\b|\bno (?:place|where|bed|roof) (?:for (?:me|us) )?"
          r"(?:to (?:sleep|stay)|for tonight|over (?:my|our) head)\b",
          ("kan nergens heen vannacht", "I have nowhere to sleep tonight", "there is no place for me to stay"),
          ("ik kan nergens heen met mijn vragen over de toeslag",)),
    _rule("onderdak.buiten_slapen", ONDERDAK,
          r"\b(?:slaap|slapen|sliep|sliepen|slaapt|lig|liggen|overnacht|overnachten|pit|pitten)"
          r"(?: (?:ik|we|wij|hij|zij|ze|nu|al|vannacht|vanavond|sinds|gisteren|dagen|nachten|twee|drie|\d+|een|"
          r"paar|week|weken|"
          r"noodgedwongen|gewoon|dus|maar))* (?:op straat|buiten|in (?:de|mijn|een|ons|onze|m) (?:auto|park|"
          r"portiek|tent|fietsenstalling|trappenhuis|station|bushokje|schuur|garage|parkeergarage)|"
          r"in het (?:park|station|bos|portiek|bushokje)|onder (?:een|de) brug)\b"
          r"|\b(?:sleeping|sleep|slept|living) (?:rough|on the streets?|outside|in (?:my|the|a|our) car|"
          r"in (?:a|the) park)\b",
          ("ik slaap al twee nachten in mijn auto", "we slapen vannacht op straat met de kinderen",
           "I'm sleeping in my car"),
          ("ik slaap slecht de laatste tijd",)),
    _rule("onderdak.op_straat", ONDERDAK,
          r"\b(?:sta|staan|zit|zitten|stond|stonden|beland|belandt|belanden|terechtgekomen) "
          r"(?:ik |we |wij |hij |zij |ze )?"
          r"(?:nu |sinds vandaag |vandaag |vanavond |ineens |opeens |gewoon |echt |letterlijk |al )*"
          r"(?:op straat|buiten op straat)\b(?! te )",
          ("ik zit op straat", "nu sta ik op straat met mijn tas"),
          ("ik sta op straat te wachten op de bus",)),
    _rule("onderdak.dakloos", ONDERDAK,
          r"\b(?:ben|is|zijn|zit|zitten|raak|raakt|geraakt|werd|word|wordt|worden|geworden|im|i am|we are|"
          r"were|are|is now|got)" + _gap(4) + r" (?:dakloos|dakloze|thuisloos|homeless)\b"
          r"|\bdakloos (?:geworden|sinds)\b",
          ("Ik ben sinds vandaag dakloos.", "mijn zoon is dakloos", "I'm homeless since yesterday"),
          ("ik ben niet dakloos hoor", "ik werk met daklozen")),
    _rule("onderdak.eruit_gezet", ONDERDAK,
          # Done to the resident (or someone they ask for), by a person: "heeft me eruit gegooid",
          # "ben eruit geschopt", "gooide me het huis uit", "heeft ons uit huis gezet".
          rf"(?:\b{_ME}{_gap(4)} {_OUT} {_THROWN}\b"
          rf"|\b(?:ben|is|zijn|werd|werden)(?: (?!{_NEG}\b){_W}){{0,5}} "
          rf"(?:eruit|er uit|buiten|de deur uit|op straat|het huis uit|uit huis|uit het huis) {_THROWN}\b"
          rf"|\b(?:eruit|buiten)(?:gegooid|geschopt|gezet|getrapt)\b"
          rf"|\b(?:gooide|gooiden|schopte|schopten|trapte|trapten|zette|zetten|stuurde|stuurden|joeg|joegen|"
          rf"gooit|gooien|schopt|zet) {_ME}(?: (?!{_NEG}\b){_W}){{0,3}} {_OUT}\b"
          rf"|\b(?:kicked|threw|thrown|kicks|throws|put|chucked|locked) (?:me|us|him|her) out\b"
          rf"|\b(?:got|been|was|were|am|are|is) (?:kicked|thrown|chucked|locked) out\b"
          rf"|\b(?:heeft|hebben|had|hadden) (?:hem|haar)(?: (?!{_NEG}\b){_W}){{0,3}} {_OUT} {_THROWN}\b"
          rf"){_NOT_HOME}",
          ("mn vader heeft me eruit gegooid", "ouders hebben me buiten gezet", "my dad kicked me out",
           "mijn zoon van 16 is door zijn vader op straat gezet", "zijn vader heeft hem uit huis gezet"),
          ("ik heb mijn vriend eruit gegooid", "ik heb mezelf buitengesloten", "mijn stiefvader dreigt me eruit "
           "te gooien als ik 18 ben", "ik ben vandaag buitengegooid op mijn werk")),
    _rule("onderdak.mag_niet_thuis", ONDERDAK,
          r"\b(?:mag|mogen) (?:ik |we |wij |hij |zij |ze )?(?:er |daar )?niet meer (?:thuis |naar huis |"
          r"bij (?:mijn|ons|onze) \w+ |in huis )(?:komen|wonen|slapen|blijven|terug|binnen|in)\b"
          r"|\b(?:mag|mogen) (?:ik |we |wij |hij |zij |ze )?thuis niet meer (?:komen|wonen|slapen|blijven)\b"
          r"|\b(?:mag|mogen) (?:ik |we |hij |zij |ze )?niet meer (?:thuis|naar huis|binnen)\b"
          r"(?= ?(?:$|[.,]|van\b|sinds\b|want\b|omdat\b|en\b|of\b))"
          r"|\b(?:sloten|slot)" + _gap(2) + r" (?:vervangen|veranderd|verwisseld|omgezet)\b"
          r"|\b(?:cant|can not|cannot|not allowed to) (?:go|come) (?:back )?home\b",
          ("ik mag niet meer thuis komen van mijn ouders", "mijn huisbaas heeft de sloten vervangen"),
          ("ik mag niet meer thuis roken", "Nu hij zegt ik mag niet meer komen.")),
    _rule("onderdak.moet_weg", ONDERDAK,
          rf"\b(?:moet|moeten|moest|moesten|must|have to|need to)(?: {_W}){{0,3}} {_SOON}(?: {_W}){{0,2}} "
          rf"(?:weg (?:bij|uit)|weg zijn (?:bij|uit)|vertrekken uit|out of)\b"
          rf"|\b(?:moet|moeten)(?: {_W}){{0,2}} (?:weg|vertrekken) (?:uit|bij) (?:de|het|mijn|haar|zijn|hun|ons|"
          rf"onze) (?:opvang|hostel|kamer|huis|woning|appartement|vriend|vriendin|ex|oma|tante|oom|zus|broer)"
          rf"(?: {_W}){{0,2}} {_SOON}\b",
          ("ik moet vandaag weg bij mijn vriend", "ik moet morgen weg uit de opvang"),
          ("ik moet vandaag weg naar de tandarts",), timed=True),
    _rule("onderdak.zoekt_opvang", ONDERDAK,
          r"\b(?:zoek|zoeken|nodig|waar is|waar zit|is er|hoe kom ik aan|hoe kom ik in|kan ik (?:naar|in)|"
          r"moet ik naar|bel|bellen|need|looking for)(?: (?!werk\b|vrijwilliger)\w+){0,3} (?:een )?(?:nachtopvang|"
          r"noodopvang|crisisopvang|daklozenopvang|dak en thuislozenopvang|sleep in|sleepin|slaapplek|"
          r"slaapplaats|opvang voor (?:vannacht|vanavond|daklozen|dak en thuislozen)|bed voor vannacht|"
          r"maatschappelijke opvang|homeless shelter|shelter|place to sleep)\b"
          r"|\bvoor (?:mensen|iemand|jongeren) die (?:op straat|buiten) (?:slapen|slaapt|leven|leeft)\b",
          ("Ik zoek nachtopvang voor vanavond", "is er noodopvang in Goes?", "I need a shelter"),
          ("ik werk als vrijwilliger in de nachtopvang",
           "mijn moeder heeft dementie, is er nachtopvang of logeeropvang")),

    # --- uitzetting: an eviction that is set or under way ----------------------------------
    _rule("uitzetting.wordt_uitgezet", UITZETTING,
          rf"\b(?:word|wordt|worden|gaan|gaat|komen|komt)(?: (?!{_NEG}\b){_W}){{0,4}} "
          r"(?:uit (?:het |ons |mijn |onze |de |m )?huis|uit (?:de|onze|mijn) woning|eruit|op straat) "
          r"(?:gezet|zetten)\b"
          r"|\b(?:huis|woning|flat|appartement)(?: (?!{_NEG}\b){_W}){0,2} (?:wordt|worden|gaat|gaan)"
          rf"(?: (?!{_NEG}\b){_W}){{0,3}} (?:ontruimd|ontruimen|leeggehaald)\b"
          r"|\b(?:wordt|worden) (?:mijn|ons|onze|het|de) (?:huis|woning) (?:ontruimd|leeggehaald)\b"
          r"|\b(?:uit (?:het |ons |mijn |onze )?huis|uit (?:de|onze|mijn) woning|eruit|er uit|op straat) "
          r"(?:word|wordt|worden) gezet\b"
          r"|\b(?:om )?(?:ons|me|mij)(?: \w+){0,2} (?:eruit|uit (?:het |ons )?huis|op straat) te zetten\b"
          r"|\b(?:being|getting|get|be|will be) evicted\b|\bevicting (?:me|us)\b",
          ("morgen worden we uit huis gezet", "ze gaan ons volgende week uit huis zetten",
           "mijn huis wordt ontruimd", "we are being evicted tomorrow"),
          ("we worden niet uit huis gezet", "kan ik uit huis gezet worden als ik de huur te laat betaal")),
    _rule("uitzetting.ontruiming_gepland", UITZETTING,
          rf"\b(?:ontruiming|ontruimen|ontruimd|huisuitzetting|huis uitzetting|uitzetting|uitgezet|eviction|"
          rf"evicted)\b(?: (?:{_W}|,)){{0,8}} {_WHEN}\b"
          rf"|\b{_WHEN}(?: (?:{_W}|,)){{0,8}} (?:ontruiming|ontruimen|ontruimd|huisuitzetting|huis uitzetting|"
          rf"uitzetting|uitgezet|eviction|evicted|uit (?:ons |het |mijn )?huis (?:word |wordt |worden )?gezet)\b"
          rf"|\b(?:moet|moeten|mot)(?: {_W}){{0,2}} (?:uit (?:het |ons |mijn |onze |de )?(?:huis|woning)|"
          rf"(?:het |ons |mijn |onze |de )?(?:huis|woning) uit)(?: {_W}){{0,3}} "
          rf"{_WHEN}\b|\b(?:moet|moeten)(?: {_W}){{0,1}} {_WHEN}(?: {_W}){{0,2}} (?:het |ons |mijn |onze |de )?"
          rf"(?:huis|woning) uit\b"
          rf"|\b(?:eruit|er uit|weg) (?:moet|moeten|mot) (?:voor|op|per) (?:de |het )?(?:eerste|1e|"
          rf"\d{{1,2}}(?:e|ste|de)?|{_DAY}|eind van de maand|einde van de maand)\b",
          ("de deurwaarder komt morgen het huis ontruimen", "De ontruiming staat gepland voor vrijdag.",
           "de verhuurder zegt dat ik eruit moet voor de eerste",
           "Wij moeten huis uit op 15 januari", "huisuitzetting is overmorgen",
           "ik moet uit huis in een week"),
          ("de ontruiming is niet doorgegaan",), timed=True),
    _rule("uitzetting.vonnis", UITZETTING,
          r"\b(?:ontruimingsvonnis|ontruimings vonnis|vonnis (?:tot|voor|van|over|met) (?:de )?ontruiming|"
          r"aanzegging (?:tot |van |voor )?(?:de )?ontruiming|ontruiming aangezegd|ontruiming (?:is )?"
          r"aangekondigd|ontruimingsdatum|datum (?:van|voor) (?:de )?(?:ontruiming|uitzetting)|dreigende "
          r"(?:huis ?)?(?:uitzetting|ontruiming)|brief (?:over|van|met|voor) (?:de |een )?ontruiming|"
          r"dreigt (?:met )?(?:een )?(?:ontruiming|huisuitzetting|uitzetting)|eviction notice|"
          r"notice to (?:quit|vacate))\b"
          r"|\bbrief(?: \w+){0,4} (?:ontruiming|huisuitzetting|uitzetting)\b"
          r"|\b(?:dreigen|dreigt|dreigde) (?:ons|me|mij) (?:uit (?:het )?huis|eruit) te zetten\b",
          ("ik heb een ontruimingsvonnis gekregen, wat nu", "we kregen een eviction notice",
           "corporatie stuurt brief met woord ontruiming",
           "de corporatie heeft een brief gestuurd over ontruiming"),
          ("hoe werkt schuldhulp bij een huisuitzetting",)),

    # --- energie: gas, electricity or water cut off ------------------------------------------
    _rule("energie.afgesloten", ENERGIE,
          rf"\b{_ENERGY}(?: (?!{_NEG}\b|weer\b|contract\b|abonnement\b){_W}){{0,4}} (?:afgesloten|afgekoppeld|"
          r"dichtgedraaid|dicht gedraaid|eraf gehaald|er af gehaald|afgeknepen)\b"
          r"(?! (?:van|voor) (?:de |het )?(?:wereld|buitenwereld|rest|anderen|mensen))"
          rf"|\b(?:afgesloten|afgekoppeld) van (?:het |de )?{_ENERGY}\b"
          rf"|\b{_SUPPLIER}(?: (?!{_NEG}\b){_W}){{0,5}} (?:afgesloten|afgekoppeld|dichtgedraaid|eraf gehaald|"
          r"afsloot|afsloten|afsluit)\b"
          r"|\b(?:heb|hebben|zit|zitten|is|er is)(?: (?:echt|al|nu|sinds|gisteren|vandaag|dagen))* geen "
          r"(?:gas|stroom|elektriciteit|elektra|warm water) meer\b"
          r"|\b(?:power|electricity|gas|heating|water|lights?)(?: \w+){0,3} (?:was |were |is |got |has been |"
          r"have been |been )?(?:cut off|shut off|disconnected|turned off)\b"
          r"|\b(?:cut|shut) off (?:my|our|the) (?:power|electricity|gas|heating|water)\b",
          ("ze hebben het gas afgesloten", "Vandaag is onze stroom afgesloten", "our electricity was cut off today",
           "ik heb geen gas meer sinds de energieleverancier me afsloot",
           "Energie bedrijf heeft afgesloten"),
          ("het gas is gelukkig niet afgesloten", "mijn telefoonabonnement is afgesloten",
           "ik wil een energiecontract afsluiten")),
    _rule("energie.wordt_afgesloten", ENERGIE,
          rf"\b(?:gaan|gaat|komen|komt|willen|wil)(?: (?!{_NEG}\b){_W}){{0,4}} {_ENERGY}(?: {_W}){{0,2}} "
          r"(?:afsluiten|af sluiten|afkoppelen|dichtdraaien|eraf halen)\b"
          rf"|\b{_ENERGY}(?: (?!{_NEG}\b){_W}){{0,3}} (?:wordt|worden)(?: (?!{_NEG}\b){_W}){{0,3}} "
          r"(?:afgesloten|afgekoppeld|dichtgedraaid)\b",
          ("het gas wordt morgen afgesloten", "netbeheerder komt donderdag de meter afsluiten"),
          ("mijn zus heeft het gas laten afsluiten omdat ze verhuist",)),
    _rule("energie.afsluiting_gepland", ENERGIE,
          rf"\b(?:afsluiting|afsluiten) (?:van )?(?:het |de |onze |ons |mijn )?{_ENERGY}(?: {_W}){{0,4}} {_WHEN}\b"
          rf"|\b{_WHEN}(?: (?:{_W}|,)){{0,6}} (?:afsluiting|afsluiten) (?:van )?(?:het |de |onze |ons |mijn )?"
          rf"{_ENERGY}\b"
          rf"|\b{_WHEN}(?: {_W}){{0,3}} (?:wordt|worden|gaat|gaan|komen|komt) (?:ze )?(?:het|de|ons|onze|mijn) "
          rf"{_ENERGY}(?: (?!{_NEG}\b){_W}){{0,2}} (?:afgesloten|afsluiten|dichtgedraaid|dichtdraaien)\b"
          rf"|\b{_ENERGY}(?: (?:wordt|worden|gaat|gaan))? {_WHEN}(?: (?:wordt|worden))? "
          r"(?:afgesloten|afgekoppeld|dichtgedraaid)\b",
          ("morgen wordt het gas afgesloten", "afsluiting van de stroom staat voor vrijdag",
           "het gas morgen wordt afgesloten"),
          ("morgen wordt het gas niet afgesloten",), timed=True),
    _rule("energie.zonder", ENERGIE,
          r"\b(?:zit|zitten|zaten|ben|zijn|are|im|we re|were|been)(?: (?:nu|al|sinds|gisteren|vandaag|dagen|"
          r"twee|drie|\d+|een|week|in het donker en))* (?:zonder|without) (?:gas|stroom|elektriciteit|licht|"
          r"verwarming|water|power|electricity|heating)\b"
          r"(?!(?: \w+){0,6} (?:storing|kapot|defect|lek|outage|broken))",
          ("we zitten zonder stroom want de rekening is niet betaald", "we are without power since monday"),
          ("we zitten zonder stroom door een storing",)),

    # --- eten: no food -----------------------------------------------------------------------
    _rule("eten.niks_te_eten", ETEN,
          r"\b(?:heb|hebben|heeft|heef|had|hadden|is|er is|zit|zitten|krijg|krijgt|krijgen|ik|we|wij|thuis is|er|"
          r"in huis is|meer)(?: (?:echt|gewoon|helemaal|al|nu|sinds|gisteren|dagen|vandaag|thuis|er))* "
          r"(?:geen|niks|niets|nix|nooit|niet genoeg|nauwelijks|bijna geen|bijna niks|bijna niets) "
          r"(?:meer )?(?:te )?(?:eten|voedsel|food)\b" + _NOT_THAT_FOOD +
          r"|(?:^|[.,] |\ben )(?:geen|niks|niets) (?:meer )?(?:te )?(?:eten|voedsel)\b" + _NOT_THAT_FOOD +
          r"|\b(?:no|nothing|hardly any|not enough) (?:food|to eat)\b"
          r"|\b(?:dont|do not|didnt|dont ever) (?:get|have) (?:any )?food\b",
          ("we hebben niks meer te eten", "Ik geen eten voor kinderen.", "we have no food left for the kids"),
          ("geen eten weggooien, dat vind ik belangrijk", "ik heb geen zin om te eten")),
    _rule("eten.geen_geld_voor_eten", ETEN,
          rf"\b(?:geen|niet genoeg|te weinig|nauwelijks) (?:geld|cent|euro)(?: meer)?(?: over)? (?:voor|om)"
          rf"(?: {_W}){{0,2}} (?:te )?{_FOOD}\b"
          rf"|\b(?:kan|kunnen|kon|konden)(?: {_W}){{0,3}} (?:geen|niet|niks) (?:meer )?(?:de )?{_FOOD}"
          r"(?: (?:meer|kopen|betalen|halen|doen)){1,2}\b"
          rf"|\b(?:kan|kunnen) (?:de |mijn |onze )?{_FOOD} niet (?:meer )?(?:betalen|kopen|doen|halen)\b"
          r"|\b(?:cant|can not|cannot|couldnt) (?:afford|buy|pay for) (?:any )?(?:food|groceries)\b"
          r"|\bno money (?:left )?(?:for|to buy) (?:food|groceries)\b",
          ("Ik heb geen geld voor eten deze week.", "ik kan geen boodschappen doen", "I can't afford groceries"),
          ("ik heb geen geld voor een advocaat",)),
    _rule("eten.honger", ETEN,
          r"\b(?:kinderen|kids|kind|kindje|baby|zoon|dochter|zoontje|dochtertje|kleine)(?: \w+){0,2} "
          r"(?:heeft|hebben|had|hadden) honger\b(?! (?:als|na|omdat ze groeien)\b)"
          r"|\b(?:honger|hongerig)(?: (?:\w+|,)){0,8} (?:geen geld|niks|niets|voedselbank|niet gestort|leeg)\b"
          r"|\b(?:geen geld|niks|niets|voedselbank|niet gestort|leeg)(?: (?:\w+|,)){0,8} (?:honger|hongerig)\b"
          r"|\b(?:al|sinds)(?: \w+){0,3} (?:niks|niets|niet|nix) (?:meer )?gegeten\b"
          # "ik heb honger. waar kan ik eten krijgen vandaag?", "twee dagen ik heb niet gegeten" (residents'
          # round 40: an Eritrean man was twice sent to De Luisterlijn)
          r"|\bwaar (?:kan|kunnen|moet|moeten) (?:ik|we|wij) (?:vandaag |nu |gratis |hier )?(?:eten|voedsel)(?: \w+)? "
          r"(?:krijgen|halen|vinden)\b"
          r"|\b(?:twee|drie|vier|[2-9]) dagen (?:ik |al )?(?:heb )?(?:ik )?(?:niet|niks|niets|nix) (?:meer )?gegeten\b"
          r"|\b(?:havent|have not|hadnt|didnt) eaten (?:in|for|since)\b"
          r"|\b(?:koelkast|kast|kasten|keukenkast|voorraadkast|fridge)(?: (?:is|zijn|staat|is nu))? "
          r"(?:helemaal |echt |compleet )?(?:leeg|empty)\b|\blege (?:koelkast|kasten|keukenkasten)\b"
          r"|\b(?:het|mijn|ons|onze|our|my) (?:laatste|last) (?:brood|eten|boterham|food)\b(?! van de dag)"
          r"|\bweet (?:echt )?niet (?:meer )?(?:wat|hoe) (?:ik|we)(?: \w+){0,4} (?:op tafel|te eten (?:moet |moeten )?"
          r"geven|eten (?:moet|moeten|kan|kunnen) (?:kopen|betalen|geven))\b",
          ("de koelkast is leeg en mn kinderen hebben honger", "ik heb al 2 dagen niks gegeten",
           "ik sterf van de honger want mijn toeslag is niet gestort"),
          ("ik heb honger lol, wat eten we vanavond",)),

    # --- medicijnen: no money for medicine, or run out ----------------------------------------
    _rule("medicijnen.geen_geld", MEDICIJNEN,
          rf"\b(?:geen|niet genoeg|te weinig) (?:geld|cent)(?: meer)?(?: over)? (?:voor|om)(?: {_W}){{0,3}} "
          rf"(?:{_MEDS}|apotheek|eigen bijdrage|eigen risico)\b"
          rf"|\b{_MEDS}(?: (?:\w+|,)){{0,10}} (?:geen geld|niet betalen|kan niet betalen|niet kan betalen|"
          r"blut|platzak|skeer|no money|cant pay|cant afford)\b"
          rf"|\b(?:geen geld|niet betalen|kan niet betalen|no money)(?: (?:\w+|,)){{0,6}} {_MEDS}\b"
          rf"|\b(?:kan|kunnen|kon)(?: {_W}){{0,3}} {_MEDS}(?: {_W}){{0,3}} niet (?:meer )?(?:betalen|kopen|"
          r"veroorloven)\b"
          rf"|\b(?:cant|can not|cannot|couldnt) (?:afford|pay for|buy|get) (?:my |our |her |his )?{_MEDS}\b",
          ("geen geld voor mijn medicijnen", "ik kan mijn insuline niet betalen", "I can't afford my meds",
           "Medicijn kost geld, ik heb geen geld."),
          ("mijn medicijnen zijn duur", "ik kan de etiketten van mijn medicijnen niet meer lezen")),
    _rule("medicijnen.apotheek_weigert", MEDICIJNEN,
          r"\b(?:apotheek|apotheker|pharmacy)(?: (?!niet\b)\w+){0,6} (?:niet mee|niet meegeven|weigert|"
          r"weigerde|niet geven|niet afgeven|wont give|refuses|refused)\b"
          r"|\b(?:apotheek|apotheker)(?: \w+){0,4} (?:wil|mag|wilde|geeft|gaf)(?: \w+){0,4} niet "
          r"(?:mee|meegeven|geven|afgeven|leveren)\b",
          ("De apotheek wil mijn medicijnen niet meegeven", "de apotheek geeft mijn puffer niet mee"),
          ("de apotheek is vandaag dicht",)),
    _rule("medicijnen.op", MEDICIJNEN,
          rf"\b{_MEDS} (?:zijn|is) (?:nu |al |helemaal |echt )*op\b(?! (?:tijd|voorraad|recept|de|het|een|mijn)\b)"
          rf"|\b(?:ran|run|running) out of (?:my |our |her |his )?{_MEDS}\b",
          ("mijn medicijnen zijn op en ik heb geen geld", "I ran out of my insulin"),
          ("mijn medicijnen zijn bijna op", "de medicijnen zijn op recept")),

    # --- geld: no money at all now ---------------------------------------------------------------
    _rule("geld.geen_geld", GELD,
          r"(?<!krijg )(?<!krijgt )(?<!krijgen )(?<!heeft )"
          r"\b(?:geen|nul|0) (?:geld|cent|euro|rooie cent|rode cent|stuiver)(?: (?:meer|over|op zak))+"
          r"(?! (?:over )?(?:voor|om|te)\b)"
          r"|\b(?:helemaal|echt|totaal|compleet|letterlijk) (?:geen|0) (?:geld|cent|euro)"
          r"(?: meer)?(?: op (?:mijn|de|onze) rekening)?(?= ?(?:$|[.,]|en\b|maar\b|tot\b|want\b))"
          r"|\bgeen (?:rooie|rode) (?:cent|duit)\b"
          r"|\b(?:0|nul|geen) (?:euro|cent|geld) (?:meer )?op (?:mijn|de|onze|m) (?:rekening|bank)\b"
          r"|\bgeen geld (?:meer )?(?:tot|voor) (?:het )?(?:eind|einde) van de maand\b"
          r"|\bgeen geld (?:meer )?tot (?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|volgende week|"
          r"de \d+(?:e|ste|de)?|de uitkering|mijn uitkering|mijn salaris|het salaris|payday)\b"
          r"|\b(?:no|zero) money (?:left|at all)\b|\b(?:not|no) (?:a penny|a cent|one cent)\b"
          r"|\bbroke (?:until|till|til)\b",
          ("ik heb helemaal geen geld meer", "geen cent meer tot het eind van de maand",
           "I have no money left at all", "Er staat 0 euro op mijn rekening"),
          ("ik heb geen geld meer over voor leuke dingen", "ik heb geen geld voor een advocaat")),
    _rule("geld.rekening_leeg", GELD,
          r"\b(?:rekening|bankrekening|betaalrekening|bankpas|pinpas|account)(?: \w+){0,2} "
          r"(?:is|staat|zijn|was|werd|is nu|is helemaal) (?:helemaal |volledig )?"
          r"(?:leeg|leeggehaald|leeg gehaald|op nul|op 0|geblokkeerd|bevroren|empty|frozen|blocked)\b"
          r"|\bbeslag op (?:mijn|ons|onze|m|zijn|haar) (?:hele |volledige )?(?:loon|uitkering|rekening|salaris)"
          r"(?: (?:\w+|,)){0,6} (?:niks|niets|geen geld|geen cent) (?:meer )?over\b",
          ("mijn rekening is geblokkeerd door beslag", "my account is frozen"),
          ("ik wil een nieuwe rekening openen",)),
    _rule("geld.niet_gestort", GELD,
          rf"\b{_MONEY_WAIT} (?:is |zijn |werd |wordt )?(?:nog )?(?:steeds )?niet (?:gestort|binnen|"
          r"overgemaakt|uitbetaald|betaald|binnengekomen)(?: (?:\w+|,)){0,8} " + _NOTHING_LEFT +
          r"|\b" + _NOTHING_LEFT + r"(?: (?:\w+|,)){0,8} (?:niet gestort|niet binnen|niet betaald|niet uitbetaald)\b"
          r"|\b(?:blut|platzak|skeer)(?: (?:\w+|,)){0,6} (?:tot (?:de|het|eind|einde|vrijdag|maandag|volgende)|"
          + _NOTHING_LEFT + r")"
          r"|\b(?:im|i am|we are|were) (?:so |totally |completely |flat )?broke\b",
          ("mijn uitkering is niet gestort en ik heb niks", "ik ben blut, echt helemaal niks meer over"),
          ("wanneer wordt mijn toeslag gestort", "mijn loon is nog niet binnen. hoe betaal ik de huur?",
           "wallah ik ben zo skeer, heb 3 klarna dingen open staan")),
)
