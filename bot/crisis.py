"""Crisis rules: find suicide risk, acute danger and domestic violence in a resident's message.

Why this module exists: the assistant must never miss a crisis (domain guide §4), and crisis
detection must never rest on a model's confidence alone. These hand-written rules therefore run
beside the machine-learned intent model and catch crisis language on their own. They are plain
Python (no Rasa), readable as data, and unit-tested in milliseconds.

How it works:

1. The text is normalised (lower case, accents stripped, chat spellings such as ``mn``/``nie``/
   ``ff``/``'k``/``d'r`` expanded, stretched letters such as ``dooood`` shortened, punctuation
   reduced to ``,`` and ``.`` tokens). Every character of the normalised text remembers where it
   came from, so the ``evidence`` of a signal is always a substring of the original message.
2. Each rule is a ``(rule id, route, compiled regex)`` tuple, grouped by route below. The regexes
   run on the normalised text, so ``" "`` means "next word" and ``,``/``.`` are clause ends.
3. A few negation patterns ("ik denk niet aan zelfmoord", "I'm not going to hurt myself") switch
   off a hit that lies inside them. Most rules avoid negation by construction: the words allowed
   between the parts of a phrase never include a negator, so "ik wil niet dood" does not match
   "ik wil ... dood", while "ik wil niet meer leven" has its own rule ("niet meer" is not a
   negation of the wish).
4. Figurative language ("ik schrok me dood", "om gek van te worden", "this is killing me") is
   listed separately; :func:`is_near_miss` lets the caller veto a crisis guess of the model when
   only such language is present.

Priority: crisis_112 (acute danger now) > crisis_113 (suicide) > crisis_veilig_thuis.
When in doubt the rules lean towards flagging: a false alarm costs a resident one extra helpline
number, a miss can cost a life.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from bot.werkmodel import ROUTE_CRISIS_112, ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS

__all__ = [
    "CrisisSignal",
    "RULES",
    "NEGATIONS",
    "NEAR_MISSES",
    "detect_crisis",
    "crisis_signals",
    "is_near_miss",
    "normalise",
]


@dataclass(frozen=True)
class CrisisSignal:
    """One crisis rule that fired on a message."""

    route: str  # one of the three crisis route ids
    rule: str  # id of the rule that fired, e.g. "113.wil_niet_meer_leven"
    evidence: str  # the exact substring of the original text that matched


# Most urgent first.
ROUTE_PRIORITY: Final[dict[str, int]] = {
    ROUTE_CRISIS_112: 0,
    ROUTE_CRISIS_113: 1,
    ROUTE_CRISIS_VEILIG_THUIS: 2,
}

# --------------------------------------------------------------------------------------------
# Building blocks for the patterns (they run on the normalised text, see normalise()).
# --------------------------------------------------------------------------------------------

_NEG_WORDS: Final = r"niet|nooit|geen|niets|niks|not|never|no|dont|doesnt|didnt|wont|cant|nee|nor|zonder"
_NEG: Final = rf"(?:{_NEG_WORDS})"
_WORD: Final = r"[a-z0-9]+"


def _gap(n: int) -> str:
    """Up to n words, none of them a negator, not crossing a clause end."""
    return rf"(?: (?!{_NEG}\b){_WORD}){{0,{n}}}"


def _gapc(n: int) -> str:
    """Like _gap, but commas may be crossed too ("mijn man, die drinkt, slaat me")."""
    return rf"(?: (?:(?!{_NEG}\b){_WORD}|,)){{0,{n}}}"


# Harmless filler words that may sit inside a phrase ("ik wil echt gewoon dood").
_ADV_WORDS: Final = (
    r"echt|gewoon|gewoonweg|eigenlijk|liever|liefst|het liefst|soms|vaak|graag|heel|zo|nog|"
    r"alleen|maar|nu|al|ook|wel|misschien|steeds|eens|even|weer|serieus|stiekem|best|heus|zeker|"
    r"toch|dan|dus|nou|gwn|egt|ech|vandaag|vanavond|vannacht|morgen|morgenochtend|straks|"
    r"voorgoed|allemaal|helemaal|zelf|erg|af en toe|echt waar|gisteren|eergisteren|vanochtend|"
    r"vanmorgen|vanmiddag|laatst|opnieuw|keihard|hard|net|zojuist|really|just|honestly|so|sometimes|"
    r"seriously|actually|still"
)
_ADV: Final = rf"(?: (?:{_ADV_WORDS}))"


def _adv(n: int = 4) -> str:
    return rf"{_ADV}{{0,{n}}}"


_A: Final = _adv()

# People at home (for domestic violence); "ex man" because hyphens become spaces.
_HOME: Final = (
    r"(?:(?:ex |stief |schoon )?(?:man|vrouw|vriend|vriendin|vriendje|partner|echtgenoot|"
    r"echtgenote|vader|moeder|pa|ma|papa|mama|zoon|dochter|broer|zus|zusje|broertje|oom|tante|"
    r"opa|oma|kleinzoon|kleindochter|ouders|verloofde|huisgenoot|zwager|schoonzus|kind|kinderen|"
    r"stiefvader|stiefmoeder|schoonmoeder|schoonvader|exman|exvrouw|exvriend)|ex)"
)
_MY: Final = r"(?:mijn|onze)"
_ACTOR: Final = rf"(?:hij|zij|ze|{_MY} {_HOME}|de vriend van {_MY} {_HOME})"
_OBJ: Final = (
    rf"(?:me|mij|mijzelf|mezelf|ons|haar|hem|{_MY} {_HOME}|{_MY} (?:hond|kat|baby)|"
    r"de (?:kinderen|kids|kleintjes|baby)|het kind|ons kind|onze kinderen|"
    r"(?:zijn|haar|hun) (?:kinderen|kind|vrouw|man|vriendin|vriend|moeder|vader|zoon|dochter|baby))"
)
# After the object: no negation and no idiom ("slaat me met stomheid", "duwt me naar een studie").
_NOT_AFTER_OBJ: Final = (
    r"(?! (?:niet|nooit|not|never|weg|naar|richting|tot|uit het veld|met stomheid|om de oren|"
    r"aan het denken|in de steek|ervan|erover|at|in chess)\b)"
)
_HIT_VERB: Final = (
    r"(?:slaat|slaan|schopt|schoppen|trapt|trappen|duwt|duwen|wurgt|wurgen|mishandelt|mishandelen|"
    r"bedreigt|bedreigen|stompt|stompen|misbruikt|misbruiken|verkracht|verkrachten|randt|"
    r"sloeg|sloegen|schopte|schopten|trapte|duwde|wurgde|mishandelde|bedreigde|stompte|"
    r"misbruikte|verkrachtte|knijpt (?:me|mij|haar) de keel)"
)
_HIT_PART: Final = (
    r"(?:geslagen|geschopt|getrapt|geduwd|gewurgd|mishandeld|misbruikt|verkracht|aangerand|"
    r"opgesloten|verwaarloosd|uitgehuwelijkt|bedreigd|gestompt|in elkaar geslagen)"
)
_PILLS: Final = (
    r"(?:pillen|pilletjes|pil|tabletten|tabletjes|medicijnen|medicatie|slaappillen|slaappilletjes|"
    r"slaapmiddel|slaapmiddelen|paracetamol|paracetamolletjes|ibuprofen|oxazepam|diazepam|"
    r"temazepam|lorazepam|antidepressiva|insuline|morfine|oxycodon|lithium|pijnstillers|"
    r"xtc|pills|tablets|meds|medication|sleeping pills|painkillers|tylenol|xanax)"
)
_LOTS: Final = (
    r"(?:alle|al mijn|al de|te veel|teveel|veel te veel|heel veel|ontzettend veel|een hoop|"
    r"een heleboel|heleboel|een handvol|handen vol|een berg|tientallen|ontelbaar veel|"
    r"een hele (?:strip|doos|pot|fles|verpakking)|hele (?:strip|doos|pot|fles|verpakking)|"
    r"een (?:doos|doosje|pot|potje|fles|flesje|strip|strip je)|[1-9][0-9]+|twintig|dertig|"
    r"veertig|vijftig|zestig|honderd|tig|all (?:my|the|of my)|too many|a lot of|lots of|"
    r"a bunch of|a handful of|a whole (?:bottle|box|pack|strip) of|the whole (?:bottle|box|pack) of)"
)
_LEVEN: Final = r"(?:leven|leve)"
_WIL: Final = r"(?:wil|wl|wilde|wou|wilt|zou willen)(?: ik)?"  # "soms wil ik dood"
_NIET: Final = r"(?:niet|nie)"
_END: Final = r"(?= ?(?:$|[.,]))"  # clause end follows

_F = re.compile

# --------------------------------------------------------------------------------------------
# The rules: (rule id, route, compiled regex). Grouped by route; most urgent first.
# --------------------------------------------------------------------------------------------

RULES: Final[list[tuple[str, str, re.Pattern[str]]]] = [
    # --- crisis_112: acute danger to life or health, right now ----------------------------
    # Pills or poison just taken in a dangerous amount ("ik heb net alle pillen ingenomen").
    ("112.pillen_ingenomen", ROUTE_CRISIS_112, _F(
        rf"\b{_LOTS}(?: (?:van|mijn|de|die|stuks|mg|gram|oude|sterke|zware|andere)){{0,2}} {_PILLS}"
        rf"{_gap(3)} (?:genomen|ingenomen|geslikt|opgeslikt|opgegeten)\b"
        rf"|\b(?:slik|neem|slikte|nam|slikt|neemt) (?:nu |net |zojuist |nu net )?{_LOTS} {_PILLS}\b"
        rf"|\b(?:took|taken|swallowed|ate)(?: (?:just|like))* {_LOTS} (?:my )?{_PILLS}\b")),
    ("112.overdosis", ROUTE_CRISIS_112, _F(
        r"\b(?:heb|heeft|had|hebben|nam|neemt|genomen)" + _gap(3) + r" (?:een )?overdosis\b(?! gehad)"
        r"|\boverdosis (?:genomen|ingenomen|geslikt|heeft|heb)\b"
        r"|\boverdosed\b|\b(?:took|taken|had|having|has) an overdose\b")),
    ("112.gif_ingenomen", ROUTE_CRISIS_112, _F(
        r"\b(?:heb|heeft|had|hebben)" + _gap(3) + r" (?:gif|bleek|bleekmiddel|chloor|antivries|"
        r"ontstopper|rattengif|spiritus|wasbenzine|terpentine|ammoniak|lampolie)" + _gap(2) +
        r" (?:gedronken|ingenomen|geslikt)\b|\b(?:drank|swallowed) (?:bleach|poison)\b")),
    ("112.bewusteloos", ROUTE_CRISIS_112, _F(
        r"\b(?:is|ligt|raakt|lijkt|ben|zijn|liggen)" + _gap(3) +
        r" (?:bewusteloos|buiten bewustzijn|niet aanspreekbaar|onaanspreekbaar)\b"
        r"|\b(?:unconscious|unresponsive)\b(?! (?:bias|mind|thoughts?)\b)"
        r"|\b(?:wont|will not|doesnt|cant|can t) wake (?:him |her |them )?up\b")),
    ("112.ademt_niet", ROUTE_CRISIS_112, _F(
        r"\b(?:ademt|ademen|ademde)(?: (?:echt|bijna|haast))? (?:niet|nauwelijks|amper|bijna niet|"
        r"haast niet)(?: meer)?\b(?! (?:goed|lekker|rustig|door|meer goed)\b)"
        r"|\b(?:geen ademhaling|stopt met ademen|gestopt met ademen)\b"
        r"|\b(?:kan|kon|krijgt|krijg|kreeg)(?: (?:echt|bijna|haast))? (?:niet|geen)(?: meer)? "
        r"(?:ademen|lucht|adem)\b(?!(?: \w+)? (?:van|door) (?:de |het )?(?:stress|zenuwen|lachen|"
        r"spanning|drukte|schrik|hitte|warmte)\b)"
        r"|\b(?:not breathing|stopped breathing|isnt breathing|no pulse|cant breathe)\b")),
    ("112.reageert_niet", ROUTE_CRISIS_112, _F(
        rf"\b(?:hij|ze|zij|{_MY} {_HOME}|{_MY} (?:baby|buurman|buurvrouw)|de baby){_gap(4)} "
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
    ("112.brand_gas", ROUTE_CRISIS_112, _F(
        r"\b(?:ik )?ruik (?:hier )?(?:gas|brand)\b|\b(?:ik )?ruik (?:hier )?rook\b(?! van\b)"
        r"|\b(?:gaslucht|gaslek)\b|\bi smell gas\b"
        r"|\b(?:staat|staan)" + _gap(3) + r" in (?:de )?(?:brand|fik|vlammen)\b"
        r"|\ber is (?:nu |net |hier |een )*brand\b(?! geweest\b)"
        r"|(?<!de )(?<!die )(?<!een )(?<!deze )\b(?:brand|vuur) in (?:mijn|ons|onze|de|het) "
        r"(?:huis|woning|flat|keuken|kamer|slaapkamer|gebouw|trappenhuis|portiek|schuur|garage|"
        r"appartement)\b"
        r"|\bhelp" + _gap(2) + r" brand\b|\bbrand(?: ,)? help\b|\bvlam in de pan\b"
        r"|\bhet (?:huis|flat|keuken|pand|gebouw) brandt\b"
        r"|\b(?:house|home|flat|apartment|kitchen|building|room|car|everything) (?:is|s) on fire\b"
        r"|\bthere ?s a fire\b|\bthere is a fire\b"
        r"|\bfire in (?:my|the|our) (?:house|home|flat|apartment|kitchen|building)\b")),
    ("112.wapen", ROUTE_CRISIS_112, _F(
        r"\b(?:staat|loopt|komt|zwaait|zit|rent|dreigt|bedreigt|wacht|staan|zwaaien|bedreigen)"
        + _gap(4) + r" met (?:een |het |zijn |haar |de )?(?:mes|messen|keukenmes|wapen|vuurwapen|"
        r"pistool|geweer|bijl|knuppel|honkbalknuppel)\b"
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
        r"(?:knife|gun)\b|\b(?:been|got|was) (?:stabbed|shot)\b")),
    ("112.spoor_brug_dak_nu", ROUTE_CRISIS_112, _F(
        r"\bik (?:sta|zit|ben|lig|loop)(?: (?:nu|al|hier|op dit moment|echt|gewoon))* "
        r"(?:op|aan|naast) (?:het|de|een) (?:spoor|rails|treinrails|spoorlijn|spoorbaan)\b"
        r"|\bik (?:sta|zit)(?: (?:nu|al|hier|op dit moment|echt|gewoon))* op (?:het|de|een) "
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
        r"|\b(?:overal|heel veel|zoveel|zo veel) bloed\b"
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
        r"|\b(?:112 (?:bellen|gebeld)|bellen naar 112)\b"
        r"|\b(?:stuur|bel|bellen|nodig|heb|moet)" + _gap(2) +
        r" (?:een |de )?ambulance\b(?! (?:rekening|kosten|rit)\b)"
        r"|\bcall (?:an ambulance|911|112|999)\b|\bhelp (?:me )?(?:now|quick|quickly)\b"
        r"|\bcome (?:now|quick)\b")),

    # --- crisis_113: thoughts of suicide or of not wanting to live, also indirect -----------
    # The word itself, with typos; not the figurative compounds (zelfmoordactie, -aanslag).
    ("113.zelfmoord", ROUTE_CRISIS_113, _F(
        r"\b(?:zelf ?moor[dt]|selfmoor[dt]|zelfmord|zelmoor[dt]|zelfmoor\b|zelfdoding|suicid|suizid)"
        r"(?! ?(?:actie|acties|missie|missies|aanslag|aanslagen|terrorist|terroristen|commando|"
        r"squad|vest|vesten|drone|drones|mission|bomber|doors?)\b)[a-z]*")),
    ("113.eind_eraan_maken", ROUTE_CRISIS_113, _F(
        rf"\ber{_A} (?:een )?(?:eind|einde|end){_A} aan{_A} (?:maken|te maken|gemaakt|maak)\b"
        rf"|\b(?:maak|maakte|maken) er{_A} (?:een )?(?:eind|einde) aan\b"
        rf"|\b(?:eind|einde) (?:maken |te maken )?aan (?:mijn|het|dit) {_LEVEN}\b"
        rf"|\bmijn {_LEVEN}{_A} (?:beeindigen|beindigen|afsluiten|stoppen|opgeven|te beeindigen)\b"
        rf"|\buit het {_LEVEN}{_A} (?:stappen|te stappen|gaan|te gaan)\b"
        rf"|\been punt achter (?:mijn|het) {_LEVEN}\b"
        r"|\bend (?:my life|it all)\b|\btake my (?:own )?life\b")),
    ("113.wil_niet_meer_leven", ROUTE_CRISIS_113, _F(
        rf"\b(?:{_WIL}|zou){_A} {_NIET} (?:meer|langer){_A} (?:willen )?(?:verder )?(?:{_LEVEN}|bestaan)\b"
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
        r"|\bi wish i (?:wasnt|was not|werent) (?:alive|here|born)\b")),
    ("113.dood_willen", ROUTE_CRISIS_113, _F(
        rf"\b{_WIL}{_A} (?:dood ?(?:gaan|zijn)?|sterven)\b(?!(?: gaan| zijn)? (?:van|door|om|moe|op)\b)"
        r"|\b(?:dat|omdat|want|als) (?:ik|ze|zij|hij)" + _A + r" dood (?:wil|wilt|wilde|wou)(?: gaan| zijn)?\b"
        r"|\bliever dood\b(?! dan\b)"
        r"|\bliever dood dan (?:zo|dit|nog|verder|levend|leven|door)\b"
        r"|\b(?:verlang|verlangen) (?:naar de dood|om dood te)\b"
        rf"|\b(?:ik denk|denk ik){_A} (?:aan|over) (?:de dood|dood gaan|doodgaan|sterven|mijn dood)\b(?! van\b)"
        r"|\bdoodswens\b"
        r"|(?<!dont )(?<!do not )(?<!dont really )\b(?:want|wanna|ready) (?:to )?die\b"
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
        r"|\b(?:im|i am) a burden (?:to|on|for) (?:everyone|everybody|my family)\b")),
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
        rf"|\bwaarom (?:zou ik|leef ik){_A} (?:nog )?(?:{_LEVEN}|doorgaan)\b|\bwaarom leef ik\b"
        r"|\b(?:no reason to live|nothing to live for|tired of (?:living|life)|sick of living|"
        r"whats the point of living)\b|\blife (?:is not|isnt) worth (?:living|it)\b")),
    ("113.geen_uitweg", ROUTE_CRISIS_113, _F(
        r"\bgeen (?:enkele )?uitweg\b|\b(?:see )?no way out\b")),
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
        r"|\bjump (?:off|from) (?:a|the) (?:bridge|roof|building)\b"
        r"|\bjump in front of (?:a|the) train\b")),
    ("113.pillen_plan", ROUTE_CRISIS_113, _F(
        rf"\b{_PILLS}{_gap(3)} (?:aan het )?(?:sparen|gespaard|opsparen|opgespaard|verzamelen|"
        r"verzameld|op te sparen)\b"
        rf"|\b(?:spaar|verzamel|hamster)(?: \w+){{0,2}} {_PILLS}\b"
        rf"|\b(?:alle|al mijn|genoeg|te veel|teveel|heel veel|een hoop) {_PILLS}{_A} "
        r"(?:innemen|in te nemen|nemen|te nemen|slikken|te slikken)\b"
        rf"|\bgenoeg {_PILLS}(?: \w+){{0,3}} om\b"
        rf"|\b{_PILLS}{_gap(2)} (?:liggen|staan) (?:al )?klaar\b|\b{_PILLS} klaargelegd\b"
        rf"|\b{_PILLS} (?:nemen|slikken|innemen|in te nemen|te slikken) (?:om|zodat){_gap(4)} "
        r"(?:dood|niet meer wakker|er niet meer|een eind|te sterven)\b"
        rf"|\bhoeveel {_PILLS}{_gap(5)} (?:dodelijk|dood|te sterven|overlijden)\b"
        rf"|\b(?:dodelijke dosis|lethal dose)\b|\b{_WIL}{_A} (?:een )?overdosis\b"
        rf"|\b(?:saving|stockpiling|hoarding) (?:up )?(?:my )?{_PILLS}\b"
        rf"|\btake all (?:my|the) {_PILLS}\b")),
    ("113.afscheidsbrief", ROUTE_CRISIS_113, _F(
        r"\bafscheids ?brie(?:f|ven|fje)\b|\b(?:goodbye|suicide) (?:letter|note)\b")),
    ("113.mezelf_iets_aandoen", ROUTE_CRISIS_113, _F(
        rf"\b(?:mezelf|mijzelf|mijn zelf){_A} (?:iets|wat){_A} (?:aandoen|aan doen|aan te doen|aandoe)\b"
        # "ik ga me iets aandoen", but not "ik denk dat hij me iets aandoet" (that is a threat).
        rf"|\bik(?: (?!(?:{_NEG_WORDS}|hij|ze|zij|mijn|hem|haar|zijn|iemand)\b){_WORD}){{0,4}}"
        rf" (?:me|mij){_A} (?:iets|wat){_A} (?:aandoen|aan doen|aan te doen|aandoe)\b"
        rf"|\b(?:doe|deed) (?:mezelf|mijzelf|me){_A} (?:iets|wat) aan\b")),
    ("113.zelfbeschadiging", ROUTE_CRISIS_113, _F(
        r"\b(?:zelfbeschadig|zelfverwond|automutilatie|self ?harm)[a-z]*"
        rf"|\b(?:snij|snijd|snijdt|snijden|kras|krassen|beschadig|brand|verwond){_A} (?:mezelf|mijzelf)\b"
        rf"|\b(?:mezelf|mijzelf){_A} (?:snijden|te snijden|krassen|beschadigen|verwonden|pijn doen|"
        r"pijn te doen|pijn gedaan|gesneden|gekrast|verwond|beschadigd)\b"
        rf"|\b(?:snij|snijd|snijden|kras|krassen|gesneden|gekrast){_A} in (?:mijn|me) (?:armen|arm|"
        r"polsen|pols|benen|been|huid|buik|dijen|bovenbenen)\b"
        r"|\b(?:polsen|pols) (?:doorsnijden|door te snijden|open snijden|opensnijden)\b"
        r"|\b(?:want|going|gonna|wanna|urge|keep|started|trying)(?: \w+){0,2} (?:to )?(?:hurt|harm|"
        r"cut) myself\b|\b(?:hurting|harming|cutting) myself\b")),
    ("113.ophangen_van_kant_maken", ROUTE_CRISIS_113, _F(
        rf"\b(?:mezelf|mijzelf|me|mij){_A} (?:op ?hangen|op te hangen)\b"
        rf"|\bhang (?:mezelf|me|mij){_A} op\b"
        rf"|\b(?:mezelf|mijzelf|me|mij){_A} (?:van kant|om het leven|om zeep){_A} (?:maken|te maken|"
        r"brengen|te brengen|helpen|te helpen)\b"
        rf"|\b(?:maak|breng|help) (?:mezelf|mijzelf|me){_A} (?:van kant|om het leven|om zeep)\b"
        rf"|\b(?:mezelf|mijzelf){_A} dood (?:maken|te maken|schieten|te schieten|drinken)\b"
        r"|\b(?:touw|strop)" + _gap(3) + r" (?:gekocht|klaar|klaarliggen|klaargelegd|opgehangen|"
        r"om mijn nek)\b"
        r"|(?<!laughing )\bkill(?:ing)? myself\b(?! (?:laughing|at work|with work)\b)"
        r"|\bhang myself\b")),
    # "ik wil niet meer" at a clause end is ambiguous; it counts only with a life/being context
    # somewhere in the message (see _CONTEXT_REQUIRED).
    ("113.wil_niet_meer_met_context", ROUTE_CRISIS_113, _F(
        rf"\bik {_WIL}(?: (?:echt|gewoon|gewoonweg|helemaal|echt gewoon|gewoon echt))? {_NIET} meer{_END}")),

    # --- crisis_veilig_thuis: domestic violence, child and elder abuse, threats at home ------
    # Someone at home hits, kicks, pushes, strangles, abuses or threatens the resident or a
    # family member ("mijn man slaat me", "mijn vader slaat mijn moeder", "hij slaat me").
    ("vt.huisgenoot_slaat", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b{_ACTOR}{_gapc(5)} {_HIT_VERB} {_OBJ}\b{_NOT_AFTER_OBJ}"
        # Inverted word order: "als hij boos is slaat hij me", "soms schopt mijn vader ons".
        rf"|\b{_HIT_VERB} {_ACTOR}{_A} {_OBJ}\b{_NOT_AFTER_OBJ}"
        rf"|\b{_MY} {_HOME}{_gapc(4)} (?:slaat|schopt|mishandelt|slaan|mishandelen)"
        r"(?= (?:[.,]|(?:soms|vaak|altijd|steeds|regelmatig|elke|iedere|weer|als|wanneer|en)\b)|$)"
        rf"|\b{_ACTOR}{_gapc(3)} {_OBJ}{_A} (?:geslagen|geschopt|getrapt|geduwd|gewurgd|mishandeld|"
        r"bedreigd|verkracht|misbruikt|aangerand|slaan|schoppen|wurgen|mishandelen|in elkaar slaan|"
        r"in elkaar geslagen|pijn gedaan|pijn doen)\b"
        r"|\b(?:he|she|my ex|my (?:ex )?(?:husband|wife|boyfriend|girlfriend|partner|dad|father|mom|mum|"
        r"mother|stepdad|stepfather|stepmom|son|daughter|brother|sister|parents|uncle|grandson))"
        + _gap(3) + r" (?:hits|beats|kicks|kicked|chokes|choked|strangles|strangled|slaps|slapped|"
        r"punches|punched|pushes|pushed|abuses|abused|threatens|threatened|rapes|raped|hurts|hit|beat|"
        r"hitting|beating|kicking|choking|strangling|slapping|punching|pushing|abusing|threatening|"
        r"hurting)"
        r" (?:me|us|her|him|my \w+|the kids|the children)\b(?! (?:at|in)\b)")),
    # Passive: "ik word thuis geslagen", "mijn kind wordt mishandeld", "ik hoor de buurkinderen
    # geslagen worden"; and the resident hitting a child or partner ("ik heb mijn kind geslagen").
    ("vt.wordt_mishandeld", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b(?:ik|we|wij|hij|ze|zij|{_MY} {_HOME}|{_MY} (?:\w+ )?(?:baby|kleinkind|buurvrouw)|"
        r"(?:het |de )?(?:kind|kinderen|kindje|kindjes|baby|buurkinderen|buurkind|buurjongen|"
        r"buurmeisje|buurvrouw|buurvrouwtje))"
        rf"{_gap(3)} (?:word|wordt|worden|werd|werden|ben|is|zijn|was|waren){_gap(4)} {_HIT_PART}\b"
        r"(?! met (?:een )?(?:boete|beslag|ontslag|uitzetting|ontruiming|afsluiting|sancties?|korting|"
        r"deurwaarder|incasso)\b)"
        rf"|\b(?:kind|kinderen|kindje|kindjes|baby|buurkinderen|buurkind|buurvrouw|zoon|dochter|"
        rf"moeder|vader|oma|opa|zus|broer|ik|hij|ze|zij){_gap(3)} {_HIT_PART} "
        r"(?:word|wordt|worden|werd|werden)\b"
        rf"|\bik (?:heb|had){_gap(2)} {_MY} (?:kind|kinderen|zoon|dochter|zoontje|dochtertje|"
        rf"baby|vrouw|man|vriendin|partner|moeder|vader){_A} (?:geslagen|geschopt|mishandeld|"
        r"gewurgd|geduwd)\b"
        rf"|\bik (?:sla|schop|mishandel){_A} {_MY} (?:kind|kinderen|zoon|dochter|zoontje|dochtertje|"
        r"baby|vrouw|man|vriendin|partner|moeder|vader)\b"
        r"|\b(?:abused|beaten|hit) at home\b|\bi (?:get|got|am|was) (?:beaten|abused|hit) by my\b")),
    ("vt.huiselijk_geweld", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:huiselijk geweld|partnergeweld|relationeel geweld|kindermishandeling|kindermisbruik|"
        r"ouderenmishandeling|oudermishandeling|seksueel misbruik|incest|eergerelateerd|eerwraak|"
        r"meisjesbesnijdenis|genitale verminking|financieel misbruik|financiele uitbuiting|"
        r"financieel uitgebuit|mishandeling|gedwongen (?:huwelijk|trouwen)|uitgehuwelijkt|"
        r"uithuwelijking|onveilige thuissituatie|onveilig thuis|verwaarlozing)\b"
        r"|\b(?:domestic|family) (?:violence|abuse)\b|\b(?:child|elder) abuse\b|\babuse at home\b"
        r"|\babusive (?:husband|wife|partner|boyfriend|girlfriend|relationship|father|dad|mother|"
        r"mom|home)\b")),
    # Fear of someone at home, not safe at home.
    ("vt.bang_thuis", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b(?:doods ?)?bang (?:voor|van) {_MY} {_HOME}\b(?! (?:zijn|haar) (?:gezondheid|toekomst|leven|reactie|"
        r"baan|werk|school)\b)"
        rf"|\bbang dat {_ACTOR}{_gap(3)} (?:me|mij|ons|de kinderen|{_MY} \w+){_A} (?:slaat|iets aandoet|"
        r"wat aandoet|vermoordt|pijn doet|dood maakt|doodmaakt|gaat slaan|iets gaat aandoen)\b"
        rf"|\bbang dat (?:hij|ze|zij|{_MY} {_HOME})(?: {_WORD}){{0,4}} (?:iets|wat) (?:zal |gaat |gaan )?"
        r"aan ?(?:doet|doen|te doen)\b"
        rf"|\bik durf{_A} (?:niet|nie) (?:meer )?(?:naar huis|thuis te komen|terug naar huis)\b"
        rf"|\b(?:ik ben|ik voel me|voel ik me|ben ik){_A} (?:thuis )?(?:niet|nie) (?:meer )?veilig "
        r"(?:thuis|in (?:mijn|ons) (?:eigen )?huis|bij (?:mijn|hem|haar))\b"
        rf"|\bthuis{_A} (?:niet|nie) (?:meer )?veilig\b"
        r"|\b(?:im|i am) (?:so |really )?(?:afraid|scared|terrified) of my (?:ex )?(?:husband|wife|"
        r"partner|boyfriend|girlfriend|dad|father|mom|mum|mother|stepdad|son|brother)\b"
        r"|\bnot safe at home\b")),
    # Threats: "hij dreigt me dood te maken", "hij zegt dat hij me vermoordt".
    ("vt.dreigt", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:dreigt|dreigde|dreigen|dreigden)(?: (?:me|mij|ons|haar|hem|de kinderen|mijn \w+))?"
        + _gap(2) + r" (?:dood te (?:maken|slaan|steken)|te vermoorden|te doden|te slaan|"
        r"in elkaar te slaan|iets aan te doen|wat aan te doen|pijn te doen|af te maken|"
        r"neer te steken|te steken|op te sluiten|mee te nemen|af te pakken|kapot te maken|te wurgen)\b"
        r"|\b(?:zegt|zei|roept|riep|schreeuwt|schreeuwde|gezegd|geroepen|appt|stuurt|gedreigd) dat "
        rf"(?:hij|ze|zij){_gap(2)} (?:me|mij|ons|de kinderen|mijn \w+){_A} (?:vermoordt|vermoorden|"
        r"gaat vermoorden|zal vermoorden|doodmaakt|dood maakt|dood gaat maken|gaat doodmaken|"
        r"iets aandoet|iets gaat aandoen|wat aandoet|afmaakt|gaat afmaken|gaat slaan|slaat|steekt|"
        r"neersteekt)\b"
        rf"|\b{_ACTOR}{_gap(3)} (?:vermoordt|gaat vermoorden) (?:me|mij)\b"
        rf"|\b{_ACTOR}{_gap(3)} (?:me|mij|ons|de kinderen){_A} (?:iets|wat){_A}"
        r"(?: (?:wil|wilt|gaat|zal|zou|kan))? (?:aandoen|aan doen|aandoet|aan te doen)\b"
        rf"|\b{_ACTOR}{_gap(3)} maakt (?:me|mij) (?:af|dood)\b"
        rf"|\b{_ACTOR}{_gapc(4)} (?:slaat|gooit|smijt|sloeg|gooide) (?:alles|de boel|spullen|"
        r"het servies|dingen)" + _gap(2) + r" (?:kapot|stuk|naar (?:me|mij|mijn hoofd))\b"
        r"|\bthreaten(?:s|ed)? to kill (?:me|us|my \w+)\b")),
    # Sexual abuse at home, also said indirectly ("mijn vader zit aan me").
    ("vt.seksueel_misbruik", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b{_ACTOR}{_gap(3)} (?:zit|zat|zitten|zaten){_A} aan (?:me|mij|haar|mijn (?:lichaam|borsten|kruis))\b"
        r"|\b(?:dwingt|dwong|dwingen) (?:me|mij|haar)" + _gap(2) + r" (?:tot )?(?:seks|sex)\b"
        r"|\bbetast (?:me|mij|haar)\b|\b(?:forces|forced) me to have sex\b")),
    # Locked in, not allowed out, money taken: coercive control and elder/financial abuse.
    ("vt.opgesloten_geld", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"(?<!ik )\b(?:houdt|hield|houden) (?:me|mij|ons|haar|hem|de kinderen|{_MY} {_HOME})"
        r"(?: \w+){0,3} (?:opgesloten|gevangen)\b"
        rf"|(?<!ik )(?<!we )\b(?:sluit|sloot|sluiten) (?:me|mij|ons|haar|hem|de kinderen|{_MY} {_HOME})"
        r"(?: (?:thuis|binnen|soms|vaak|altijd|weer|dan|in (?:huis|de kamer|mijn kamer|haar kamer|"
        r"zijn kamer|de kelder|de schuur|de wc)))* (?:op|in|buiten)\b"
        rf"|\b{_ACTOR}{_gap(3)} (?:me|mij|haar|hem|ons|de kinderen){_A} op ?(?:sluit|sluiten|gesloten)\b"
        rf"|\b(?:ik|we|wij|ze|zij|hij) (?:zit|zitten|ben|zijn|word|wordt|worden){_gap(2)} opgesloten\b"
        r"|\bmag(?: (?:van (?:hem|haar|hun|" + _MY + r" " + _HOME + r")|echt|gewoon|ook|nog))* "
        r"(?:niet|nie) (?:meer )?(?:het huis uit|de deur uit|naar buiten|buiten komen|alleen naar buiten)\b"
        r"(?! van de (?:dokter|arts|huisarts)\b)"
        r"|\bmag(?: (?:van (?:hem|haar|hun|" + _MY + r" " + _HOME + r")|echt|gewoon|ook|nog))* "
        r"(?:het huis|de deur) (?:niet|nie) (?:meer )?uit\b(?! van de (?:dokter|arts|huisarts)\b)"
        r"|\bmag(?: (?:van (?:hem|haar|hun|" + _MY + r" " + _HOME + r")|echt|gewoon|ook|nog))* "
        r"(?:niemand|geen vrienden|mijn familie|mijn vriendinnen)(?: meer)? (?:zien|spreken|bellen)\b"
        r"|\blaat (?:me|mij|haar|hem)" + _A + r" (?:niet|nie) (?:meer )?(?:naar buiten|het huis uit|"
        r"de deur uit)\b"
        rf"|\b{_ACTOR}{_gapc(4)} (?:pakt|neemt|steelt|jat|houdt|pakte|nam|stal|haalt|haalde|gebruikt|"
        r"hield)" + _gap(3) + r" (?:het |al het |haar |zijn |mijn |ons )?(?:geld|pinpas|bankpas|"
        r"pincode|pensioen|aow|spaargeld|uitkering|loon|salaris)" + _gap(3) +
        rf" (?:af|van (?:haar|hem|mij|me|ons|{_MY} {_HOME}))\b"
        r"|\b(?:locks|locked) me (?:in|up)\b|\b(?:wont|doesnt) let me (?:leave|go out)\b")),
]

# Rules that only count when the message also holds a life/being context.
_CONTEXT_REQUIRED: Final[dict[str, re.Pattern[str]]] = {
    "113.wil_niet_meer_met_context": _F(
        r"\b(?:leven|leve|levens|bestaan|zinloos|dood|sterven|uitzichtloos|geen uitweg|"
        r"er niet meer zijn|alles zat|alles beu|niemand mist me|last voor iedereen|op aarde)\b"),
}

# Negated statements. A rule hit that lies inside one of these spans is dropped
# ("ik denk niet aan zelfmoord", "geen zelfmoordgedachten", "I'm not going to hurt myself").
_NEG_FILLER: Final = (
    r"(?:echt|helemaal|absoluut|zeker|serieus|gelukkig|meer|eens|ooit|aan|over|van|gedachten|"
    r"gedachtes|plannen|neigingen|about|of|thinking|think|thought|thoughts|having|have|any|going|to|"
    r"commit|am|im|want|ever|plan|plans|intention|feeling|sprake|om|really|wanna|gonna|would|will)"
)
NEGATIONS: Final[list[tuple[str, re.Pattern[str]]]] = [
    ("neg.zelfmoord", _F(
        rf"\b(?:niet|nooit|geen|not|never|no|dont|zonder|nee)(?: {_NEG_FILLER}){{0,4}} "
        r"(?:zelf ?moor[dt]|selfmoor[dt]|zelfmord|zelfdoding|suicid|zelfbeschadig|self ?harm)[a-z]*")),
    ("neg.mezelf_en", _F(
        rf"\b(?:not|never|dont|wont|wouldnt|no)(?: {_NEG_FILLER}){{0,4}} (?:to )?(?:hurt|harm|kill|cut) "
        r"myself\b")),
    ("neg.geweld", _F(
        rf"\b(?:geen|niet|nooit|no|not|never)(?: {_NEG_FILLER}){{0,3}} (?:huiselijk geweld|"
        r"kindermishandeling|mishandeling|domestic (?:violence|abuse)|abuse)\b")),
]

# Figurative death, violence and madness language: never crisis on its own.
NEAR_MISSES: Final[list[tuple[str, re.Pattern[str]]]] = [
    ("nm.dood_als_versterker", _F(
        r"\bdood ?(?:moe|op|ziek|eng|gewoon|normaal|stil|leuk|serieus|zonde|saai|nerveus|"
        r"zenuwachtig|benauwd|ongerust)\b|\bdoods ?(?:bang|benauwd)\b")),
    ("nm.me_dood", _F(
        r"\b(?:schrik|schrok|schrokken|schrikken|lach|lachte|lachen|verveel|verveelde|vervelen|erger|"
        r"ergerde|ergeren|werk|werkte|werken|schaam|schaamde|zoek|zocht|betaal|betaalde|pieker|eet|"
        r"zweet|vries|loop|liep)(?: \w+){0,3} (?:me|mij|ons|zich|je|mezelf)" + _A + r" dood\b"
        r"|\b(?:me|mij|ons|zich|je|mezelf)" + _A + r" dood ?(?:geschrokken|gelachen|geergerd|"
        r"verveeld|gewerkt|geschaamd|gezocht|betaald|gelopen)\b"
        r"|\bdood ?(?:geschrokken|gelachen|gewerkt|verveeld)\b|\bdood ?lach[a-z]*|\bdoodschrikken\b")),
    ("nm.dood_van", _F(
        r"\b(?:ga|gaat|gaan|ging|gingen|bijna|half|zowat)(?: \w+){0,2} dood (?:van|door|aan) ")),
    ("nm.sterven_van", _F(
        r"\b(?:sterf|sterft|sterven|stierf)(?: \w+){0,2} (?:van|of) (?:de |het )?(?:honger|dorst|kou|"
        r"warmte|hitte|verveling|schaamte|lachen|nieuwsgierigheid|zenuwen|slaap|hunger)\b")),
    ("nm.dodelijk", _F(
        r"\bdodelijk (?:saai|vermoeiend|vervelend|irritant|eng|serieus|nauwkeurig|vermoeid)\b"
        r"|\bmoordend[a-z]*\b|\bmoord ?(?:weer|dag|feest|wijf|kerel|vent|baan|tempo)\b")),
    ("nm.vermoordt_me", _F(
        r"\bvermoordt (?:me|mij|ons)\b|\bkan (?:hem|haar|je|ze|hen|jullie) wel (?:vermoorden|wurgen|"
        r"schieten|villen|killen|afmaken)\b")),
    ("nm.maakt_me_af", _F(r"\bmaakt (?:me|mij|ons) (?:af|kapot|gek|helemaal gek)\b")),
    ("nm.gek", _F(
        r"\bom gek (?:van )?te worden\b|\bword(?:t|en)?(?: \w+){0,2} (?:gek|knettergek|stapelgek|"
        r"gestoord|krankzinnig|horendol)\b|\b(?:maakt|maken|maak) (?:me|mij|ons)(?: \w+){0,2} "
        r"(?:gek|horendol|knettergek)\b|\bgek (?:van|maken|geworden)\b|\bkrankzinnig\b")),
    ("nm.figuurlijk_geweld", _F(
        r"\bslaat (?:de spijker|alarm|nergens op|de plank mis|op hol|een flater)\b"
        r"|\bvoor (?:mijn|de|zijn|haar) (?:kop|hoofd) (?:slaan|geslagen)\b"
        r"|\bschiet (?:me|mij) een hoedje\b|\bhart stond(?: \w+){0,2} stil\b"
        r"|\bslaat (?:me|mij) (?:met stomheid|uit het veld)\b")),
    ("nm.zelfmoordactie", _F(
        r"\b(?:zelf ?moor[dt]) ?(?:actie|acties|missie|aanslag|aanslagen|terrorist[a-z]*|commando|"
        r"squad|vest|drone[a-z]*)\b|\bsuicide (?:mission|squad|run|doors?|bomber|drill)\b")),
    ("nm.ik_ben_kapot", _F(
        r"\bik ben (?:helemaal |echt |zo )?(?:kapot|op|gesloopt)(?= (?:[.,]|(?:van|na|want)\b)|$)")),
    ("nm.en_killing", _F(
        r"\bkilling it\b|\b(?:this|that|it|its|work|job|heat|traffic|boss|exam|exams|school|feet|back|"
        r"wait|commute|kids|weather|bill|bills|rent|prices)(?: \w+){0,2} (?:is |are |s |re |keeps |"
        r"keep )?killing me\b|\bkill(?:s|ing)? me (?:with|softly)\b")),
    ("nm.en_dead", _F(
        r"\bdead (?:tired|on my feet|beat)\b|\bim (?:so |literally )?dead\b(?= ?(?:$|[.,]|lol|haha|lmao))"
        r"|\b(?:bored|scared|worried|freezing)(?: me)? to death\b|\bdying (?:of|from|to)\b"
        r"|\b(?:could|nearly|almost|literally) die(?:d)? (?:of|from|laughing)\b|\bto die for\b"
        r"|\bdied laughing\b|\bkilling myself (?:laughing|at work)\b")),
    ("nm.en_crazy", _F(
        r"\b(?:drives?|driving) me (?:crazy|nuts|mad|insane|up the wall)\b"
        r"|\bgoing (?:crazy|insane|nuts|mad)\b|\bi could kill (?:him|her|you|them)\b")),
]

# --------------------------------------------------------------------------------------------
# Normalisation with a map back to the original text.
# --------------------------------------------------------------------------------------------

# Chat spellings, applied to whole words after apostrophes are removed ("m'n" -> "mn" -> "mijn").
_CHAT_WORDS: Final[dict[str, str]] = {
    "mn": "mijn",
    "mjn": "mijn",
    "zn": "zijn",
    "nie": "niet",
    "ff": "even",
    "k": "ik",
    "ikke": "ik",
    "t": "het",
    "dr": "er",
    "n": "een",
    "mzelf": "mezelf",
    "mezelve": "mezelf",
    "pilen": "pillen",
    "doot": "dood",
    "mer": "meer",
}
_QUOTES: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_SENTENCE_END: Final = frozenset(".!?;\n")
_COMMA: Final = frozenset(",")


@dataclass(frozen=True)
class Normalised:
    """Normalised text plus, for each of its characters, the index of the original character."""

    original: str
    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text behind text[start:end], widened to whole words."""
        a = self.origin[start]
        b = self.origin[end - 1] + 1
        src = self.original
        while a > 0 and src[a - 1].isalnum() and src[a].isalnum():
            a -= 1
        while b < len(src) and src[b].isalnum() and src[b - 1].isalnum():
            b += 1
        return a, b


_vocabulary: set[str] | None = None


def _known_words() -> set[str]:
    """Words the rules know, to decide how to shorten stretched letters (nuuu -> nu, dooood -> dood)."""
    global _vocabulary
    if _vocabulary is None:
        words: set[str] = set(_CHAT_WORDS.values())
        patterns = [p for _, _, p in RULES] + [p for _, p in NEAR_MISSES] + list(_CONTEXT_REQUIRED.values())
        for pattern in patterns:
            source = re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)
            words.update(re.findall(r"[a-z]{2,}", source))
        _vocabulary = words
    return _vocabulary


def _shorten_runs(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Shorten runs of 3+ equal letters to 2 or 1, preferring a spelling the rules know."""
    runs: list[tuple[int, int]] = []  # (start, end) of runs of length >= 3
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and chars[j][0] == chars[i][0]:
            j += 1
        if j - i >= 3:
            runs.append((i, j))
        i = j
    if not runs:
        return chars
    known = _known_words()
    best: list[tuple[str, int]] | None = None
    for keep in itertools.islice(itertools.product((2, 1), repeat=len(runs)), 64):
        out: list[tuple[str, int]] = []
        pos = 0
        for (start, end), k in zip(runs, keep):
            out.extend(chars[pos:start])
            out.append((chars[start][0], chars[start][1]))
            if k == 2:
                out.append((chars[end - 1][0], chars[end - 1][1]))
            pos = end
        out.extend(chars[pos:])
        if best is None:
            best = out
        if "".join(c for c, _ in out) in known:
            return out
    assert best is not None
    return best


def normalise(text: str) -> Normalised:
    """Lower-case, strip accents, expand chat spellings, shorten stretched letters, and reduce
    punctuation to ``,`` (comma) and ``.`` (sentence end) tokens, all separated by single spaces.
    """
    # 1. Fold characters, remembering the original index of each.
    folded: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char.translate(_QUOTES)):
            if unicodedata.combining(part):
                continue
            for lower in part.lower():
                folded.append((lower, index))

    # 2. Split into words and clause tokens.
    tokens: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []

    def flush() -> None:
        if current:
            tokens.append(list(current))
            current.clear()

    def boundary(mark: str, index: int) -> None:
        if not tokens:
            return
        last = tokens[-1]
        if len(last) == 1 and last[0][0] in ",.":
            if mark == "." and last[0][0] == ",":
                tokens[-1] = [(".", index)]
            return
        tokens.append([(mark, index)])

    for pos, (char, index) in enumerate(folded):
        if char.isalnum() or char == "'":
            current.append((char, index))
            continue
        flush()
        if char == ".":
            prev_dot = pos > 0 and folded[pos - 1][0] == "."
            next_dot = pos + 1 < len(folded) and folded[pos + 1][0] == "."
            if not (prev_dot or next_dot):  # an ellipsis is a pause, not a sentence end
                boundary(".", index)
        elif char in _SENTENCE_END:
            boundary(".", index)
        elif char in _COMMA:
            boundary(",", index)
    flush()

    # 3. Per word: drop apostrophes, shorten stretched letters, expand chat spellings.
    words: list[list[tuple[str, int]]] = []
    for token in tokens:
        if token[0][0] in ",.":
            words.append(token)
            continue
        chars = [(c, i) for c, i in token if c != "'"]
        if not chars:
            continue
        chars = _shorten_runs(chars)
        word = "".join(c for c, _ in chars)
        replacement = _CHAT_WORDS.get(word)
        if replacement is not None:
            first, last = chars[0][1], chars[-1][1]
            chars = [(c, first if n < len(replacement) - 1 else last) for n, c in enumerate(replacement)]
        words.append(chars)
    while words and words[-1][0][0] in ",." and len(words[-1]) == 1:
        words.pop()

    # 4. Join with single spaces.
    out_chars: list[str] = []
    origin: list[int] = []
    for n, word in enumerate(words):
        if n:
            out_chars.append(" ")
            origin.append(word[0][1])
        for c, i in word:
            out_chars.append(c)
            origin.append(i)
    return Normalised(original=text, text="".join(out_chars), origin=tuple(origin))


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,.":
        start += 1
    while end > start and text[end - 1] in " ,.":
        end -= 1
    return start, end


def crisis_signals(text: str) -> list[CrisisSignal]:
    """All signals found (deduplicated), most urgent first."""
    norm = normalise(text)
    if not norm.text:
        return []
    negated = [m.span() for _, pattern in NEGATIONS for m in pattern.finditer(norm.text)]
    found: list[tuple[int, int, CrisisSignal]] = []
    for rule_id, route, pattern in RULES:
        context = _CONTEXT_REQUIRED.get(rule_id)
        if context is not None and not context.search(norm.text):
            continue
        for match in pattern.finditer(norm.text):
            start, end = _trimmed(norm.text, *match.span())
            if start >= end:
                continue
            if any(a <= start and end <= b for a, b in negated):
                continue
            a, b = norm.original_span(start, end)
            found.append((ROUTE_PRIORITY[route], start, CrisisSignal(route, rule_id, text[a:b])))
    found.sort(key=lambda item: (item[0], item[1]))
    signals: list[CrisisSignal] = []
    for _, _, signal in found:
        if signal not in signals:
            signals.append(signal)
    return signals


def detect_crisis(text: str) -> CrisisSignal | None:
    """The most urgent signal in the text, or None. Priority: crisis_112 > crisis_113 > crisis_veilig_thuis."""
    signals = crisis_signals(text)
    return signals[0] if signals else None


def is_near_miss(text: str) -> bool:
    """True when the text contains figurative death/violence/madness language (doodmoe, schrok me dood,
    om gek van te worden, ...) and no crisis signal. The caller uses this to veto a model-only crisis guess."""
    norm = normalise(text)
    if not any(pattern.search(norm.text) for _, pattern in NEAR_MISSES):
        return False
    return not crisis_signals(text)
