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
   negation of the wish). A denial of an act of one's own ("ik ga heus niet voor de trein
   springen") switches off 112/113 hits inside it (``SELF_NEGATIONS``), never Veilig Thuis hits:
   "ik wil niet dat hij me slaat" still tells of violence.
4. A few rules only count when the message also holds a context (``_CONTEXT_REQUIRED``):
   "ik wil springen" with a height or a train, "mijn vader is al uren zoek" with dementia or
   cold, "een stap naar voren" near a platform.
5. Figurative language ("ik schrok me dood", "om gek van te worden", "this is killing me") is
   listed separately; :func:`is_near_miss` lets the caller veto a crisis guess of the model when
   only such language is present. :func:`is_negated_crisis` does the same for an explicit denial
   ("ik wil niet dood hoor, ik wil hulp met mijn schulden"), unless the denial stands next to
   distress the rules leave to the model ("... maar ik zie het niet meer zitten").

Someone else in danger counts too: a friend who says she wants to end her life is 113, a
neighbour on the balcony who threatens to jump now is 112, a child who tells of abuse, an elder
robbed by a carer or a forced marriage is Veilig Thuis.

Priority: crisis_112 (acute danger now) > crisis_113 (suicide) > crisis_veilig_thuis.
When in doubt the rules lean towards flagging: a false alarm costs a resident one extra helpline
number, a miss can cost a life.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from bot.understanding.werkmodel import ROUTE_CRISIS_112, ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS

__all__ = [
    "CrisisSignal",
    "RULES",
    "NEGATIONS",
    "DENIALS",
    "SELF_NEGATIONS",
    "NEAR_MISSES",
    "detect_crisis",
    "crisis_signals",
    "is_near_miss",
    "is_negated_crisis",
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

# A knife in the kitchen is no weapon: "hij zit met een mes brood te smeren".
_KITCHEN: Final = (
    r"(?!(?: [a-z0-9]+){0,3} (?:te )?(?:snijden|smeren|schillen|koken|eten|snijdt|smeert|schilt|brood|"
    r"vlees|groente|groenten|fruit|appel|aardappels|aardappelen|kaas|boter|taart)\b)"
)
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
    r"vaker|gisteravond|vorige week|vorige maand|vorig jaar|afgelopen (?:week|nacht|weekend)|"
    r"elke (?:dag|avond|nacht|week)|iedere (?:dag|avond|nacht)|regelmatig|altijd|weleens|wel eens|"
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
    r"stiefvader|stiefmoeder|schoonmoeder|schoonvader|schoonzoon|schoondochter|neef|nicht|exman|"
    r"exvrouw|exvriend)|ex)"
)
_MY: Final = r"(?:mijn|onze)"
# Carers and neighbours: elder abuse by a carer and child abuse next door also go to Veilig Thuis.
_CARER: Final = (
    r"(?:thuiszorg|thuiszorgmedewerker|thuiszorgmedewerkster|verzorger|verzorgster|verzorgende|"
    r"zorgverlener|zorgmedewerker|huishoudelijke hulp|thuishulp|hulp|oppas|begeleider|begeleidster|"
    r"verpleegster|verpleger|mantelzorger|buurman|buurvrouw|buren|stiefvader|stiefmoeder|"
    r"nieuwe vriend van (?:mijn |haar |zijn )?(?:moeder|vader|ma|pa))"
)
_ACTOR: Final = (
    rf"(?:hij|zij|ze|{_MY} {_HOME}|de vriend van {_MY} {_HOME}|(?:zijn|haar|hun) {_HOME}|"
    rf"(?:de|die|{_MY}|haar|zijn) {_CARER}|opa|oma|oom|papa|mama|pappa|mamma)"
)
_OBJ: Final = (
    rf"(?:me|mij|mijzelf|mezelf|ons|haar|hem|{_MY} {_HOME}|{_MY} (?:hond|kat|baby)|"
    r"de (?:kinderen|kids|kleintjes|baby)|het kind|ons kind|onze kinderen|"
    r"(?:zijn|haar|hun) (?:kinderen|kind|vrouw|man|vriendin|vriend|moeder|vader|zoon|dochter|baby|"
    r"kindje|kindjes|zoontje|dochtertje|oma|opa)|mama|papa)"
)
# Where a blow landed or where someone was thrown: "me tegen de muur gegooid", "me in mijn
# gezicht geslagen", "me van de trap geduwd". At most one short phrase.
_LOC: Final = (
    r"(?: (?:tegen|op|in|door|van|over|onder|uit|met|bij|naar) (?:de|het|een|mijn|haar|zijn|hun|die|"
    r"dat)(?!(?: [a-z0-9]+)? (?:rolstoel|kinderwagen|buggy|wandelwagen|schommel|rollator)\b)"
    r"(?: [a-z0-9]+){1,2}| de trap (?:af|op))?"
)
# After the object: no negation and no idiom ("slaat me met stomheid", "duwt me naar een studie").
_NOT_AFTER_OBJ: Final = (
    r"(?! (?:niet|nooit|not|never|weg|naar|richting|tot|uit het veld|met stomheid|om de oren|"
    r"aan het denken|in de steek|ervan|erover|at|in chess|met (?:een )?(?:rechtszaak|advocaat|boete|"
    r"deurwaarder|incasso|politie|aangifte|brief|uitzetting|ontruiming|rechter)|"
    r"(?:in|op) (?:de|het|haar|zijn|een) (?:rolstoel|kinderwagen|buggy|wandelwagen|schommel|rollator))\b)"
)
_HIT_VERB: Final = (
    r"(?:slaat|slaan|schopt|schoppen|trapt|trappen|duwt|duwen|wurgt|wurgen|mishandelt|mishandelen|"
    r"bedreigt|bedreigen|stompt|stompen|misbruikt|misbruiken|verkracht|verkrachten|randt|"
    r"sloeg|sloegen|schopte|schopten|trapte|duwde|wurgde|mishandelde|bedreigde|stompte|"
    r"misbruikte|verkrachtte|knijpt (?:me|mij|haar) de keel|stalkt|stalken|stalkte)"
)
_HIT_PART: Final = (
    r"(?:geslagen|geschopt|getrapt|geduwd|gewurgd|mishandeld|misbruikt|verkracht|aangerand|"
    r"opgesloten(?! in (?:de|een) (?:lift|trein|auto|parkeergarage))|verwaarloosd|uitgehuwelijkt|bedreigd|"
    r"gestompt|in elkaar geslagen|gestalkt)"
)
_PILLS: Final = (
    r"(?:pillen|pilletjes|pil|tabletten|tabletjes|medicijnen|medicatie|slaappillen|slaappilletjes|"
    r"slaapmiddel|slaapmiddelen|paracetamol|paracetamolletjes|ibuprofen|oxazepam|diazepam|"
    r"temazepam|lorazepam|antidepressiva|insuline|morfine|oxycodon|lithium|pijnstillers|"
    r"xtc|pills|tablets|meds|medication|sleeping pills|painkillers|tylenol|xanax)"
)
_LOTS: Final = (
    r"(?:alle|al mijn|al de|al haar|al zijn|al hun|te veel|teveel|veel te veel|heel veel|ontzettend veel|"
    r"een hoop|"
    r"een heleboel|heleboel|een handvol|handen vol|een berg|tientallen|ontelbaar veel|"
    r"een hele (?:strip|doos|pot|fles|verpakking)|hele (?:strip|doos|pot|fles|verpakking)|"
    r"een (?:doos|doosje|pot|potje|fles|flesje|strip|strip je)|[1-9][0-9]+|twintig|dertig|"
    r"veertig|vijftig|zestig|honderd|tig|all (?:my|the|of my)|too many|a lot of|lots of|"
    r"a bunch of|a handful of|a whole (?:bottle|box|pack|strip) of|the whole (?:bottle|box|pack) of|"
    r"a (?:bottle|box|pack|strip) of|(?:her|his|their) (?:whole|entire) (?:bottle|box|pack) of|"
    r"all (?:her|his|their))"
)
_LEVEN: Final = r"(?:leven|leve)"
_WIL: Final = r"(?:wil|wl|wilde|wou|wilt|zou willen)(?: ik)?"  # "soms wil ik dood"
# A wish, also without "willen": "het liefst zou ik voorgoed verdwijnen", "ik zou er liever ...".
_WISH: Final = rf"(?:{_WIL}|zou(?: ik)?|het liefst|liefst|liever)"
# Someone else (the resident speaks about a friend or relative) or the resident: for reflexive acts.
_SELF: Final = r"(?:mezelf|mijzelf|mijn zelf|zichzelf|zich|hemzelf|haarzelf|zichzelve)"
_NIET: Final = r"(?:niet|nie)"
_END: Final = r"(?= ?(?:$|[.,]))"  # clause end follows

# A person the resident sees in danger (for the 112 rules about someone else).
_PERSON: Final = (
    rf"(?:hij|ze|zij|{_MY} {_HOME}|{_MY} (?:baby|buurman|buurvrouw|opa|oma|schoonmoeder|schoonvader)|"
    r"de baby|iemand|een (?:oude |oudere )?(?:man|vrouw|meneer|mevrouw|jongen|meisje|kind)|"
    r"de (?:buurman|buurvrouw))"
)

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
        rf"|\b(?:took|taken|swallowed|ate)(?: (?:just|like))* {_LOTS} (?:my |her |his )?{_PILLS}\b")),
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
    ("112.brand_gas", ROUTE_CRISIS_112, _F(
        r"\b(?:ik )?ruik (?:hier )?(?:gas|brand)\b|\b(?:ik )?ruik (?:hier )?rook\b(?! van\b)"
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
    # --- crisis_113: thoughts of suicide or of not wanting to live, also indirect -----------
    # The word itself, with typos; not the figurative compounds (zelfmoordactie, -aanslag).
    ("113.zelfmoord", ROUTE_CRISIS_113, _F(
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
    # --- crisis_veilig_thuis: domestic violence, child and elder abuse, threats at home ------
    # Someone at home hits, kicks, pushes, strangles, abuses or threatens the resident or a
    # family member ("mijn man slaat me", "mijn vader slaat mijn moeder", "hij slaat me").
    ("vt.huisgenoot_slaat", ROUTE_CRISIS_VEILIG_THUIS, _F(
        # One group after the actor, so the actor is looked for once per word (speed).
        rf"\b{_ACTOR}(?:"
        # The verb first: "mijn man slaat me", "hij gooide me tegen de muur", "hij greep haar bij
        # de keel".
        rf"{_gapc(5)} (?:{_HIT_VERB} {_OBJ}\b{_NOT_AFTER_OBJ}"
        r"|(?:gooit|gooide|smijt|smeet|duwt|duwde|sleurt|sleurde|sleept|sleepte) "
        rf"{_OBJ}{_A} (?:tegen|door|op|van|de trap|over)\b"
        rf"|(?:trekt|trok) {_OBJ}{_A} aan (?:mijn|haar|zijn|m n) haren\b"
        rf"|(?:pakt|pakte|greep|grijpt|knijpt|kneep) {_OBJ}{_A} (?:bij|aan) (?:de|mijn|m n|haar|zijn) "
        r"(?:keel|nek|hals|strot|haren)\b)"
        # The object first: "hij heeft me geslagen", "hij heeft me tegen de muur gegooid", "hij
        # heeft me bij mijn keel gepakt", and a subordinate clause: "mijn zoon zegt dat zijn
        # vader hem slaat".
        rf"|{_gapc(3)} {_OBJ}{_A}(?: (?:geslagen|geschopt|getrapt|geduwd|gewurgd|mishandeld|"
        r"bedreigd|verkracht|misbruikt|aangerand|slaan|schoppen|wurgen|mishandelen|in elkaar slaan|"
        r"in elkaar geslagen|pijn gedaan|pijn doen)\b"
        rf"|{_LOC} (?:geslagen|geschopt|getrapt|geduwd|gewurgd|gegooid|gesmeten|getrokken|gestompt|"
        r"geknepen)\b"
        r"| (?:bij|aan) (?:mijn|m n|de|haar|zijn) (?:keel|nek|hals|strot|haren) "
        r"(?:gepakt|gegrepen|vastgepakt|getrokken|gesleurd|vastgehouden|geknepen|dichtgeknepen)\b"
        rf"|{_LOC} (?:slaat|schopt|trapt|duwt|wurgt|mishandelt|sloeg|"
        r"schopte|trapte|duwde|wurgde|mishandelde|bedreigt|bedreigde|misbruikt|misbruikte|verkracht|"
        r"verkrachtte|stompt|stompte|gooit|gooide|slaan|schoppen)\b"
        r"(?! (?:over|dicht|aan|op|af|terug|om|weg|mee|uit)\b)))"
        # Inverted word order: "als hij boos is slaat hij me", "soms schopt mijn vader ons".
        rf"|\b{_HIT_VERB} {_ACTOR}{_A} {_OBJ}\b{_NOT_AFTER_OBJ}"
        rf"|\b{_MY} {_HOME}{_gapc(4)} (?:slaat|schopt|mishandelt|slaan|mishandelen)"
        r"(?= (?:[.,]|(?:soms|vaak|altijd|steeds|regelmatig|elke|iedere|weer|als|wanneer|en)\b)|$)"
        r"|\b(?:he|she|my ex|my (?:ex )?(?:husband|wife|boyfriend|girlfriend|partner|dad|father|mom|mum|"
        r"mother|stepdad|stepfather|stepmom|son|daughter|brother|sister|parents|uncle|grandson|carer|"
        r"caregiver)|(?:her|his) (?:husband|wife|boyfriend|girlfriend|partner|dad|father|mom|mother|"
        r"carer|caregiver|son))"
        + _gap(5) + r" (?:hits|beats|kicks|kicked|chokes|choked|strangles|strangled|slaps|slapped|"
        r"punches|punched|pushes|pushed|abuses|abused|threatens|threatened|rapes|raped|hurts|hit|beat|"
        r"hitting|beating|kicking|choking|strangling|slapping|punching|pushing|abusing|threatening|"
        r"hurting|threw|throws|shoved|shoves|dragged|drags)"
        r" (?:me|us|her|him|my \w+|the kids|the children)\b(?! (?:at|in)\b)"
        r"|\b(?:threw|throws|shoved|shoves|slammed|slams) (?:me|her|him) (?:against|into|down|across|on)\b")),
    # Passive: "ik word thuis geslagen", "mijn kind wordt mishandeld", "ik hoor de buurkinderen
    # geslagen worden"; and the resident hitting a child or partner ("ik heb mijn kind geslagen").
    ("vt.wordt_mishandeld", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b(?:ik|we|wij|hij|ze|zij|{_MY} {_HOME}|{_MY} (?:\w+ )?(?:baby|kleinkind|buurvrouw)|"
        r"(?:het |de )?(?:kind|kinderen|kindje|kindjes|baby|buurkinderen|buurkind|buurjongen|"
        r"buurmeisje|buurvrouw|buurvrouwtje))"
        rf"{_gap(3)} (?:word|wordt|worden|werd|werden|ben|is|zijn|was|waren){_gap(6)} {_HIT_PART}\b"
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
        # Inverted: "bij de buren worden de kinderen elke avond uitgescholden en geslagen".
        rf"|\b(?:word|wordt|worden|werd|werden) (?:ik|hij|ze|zij|{_MY} {_HOME}|(?:het |de )?(?:kind|kinderen|"
        rf"kindje|kindjes|baby|buurkinderen|buurkind)|(?:haar|zijn|hun) (?:kinderen|kind|moeder|vader))"
        rf"{_gap(6)} "
        rf"{_HIT_PART}\b"
        # Thrown: "ik werd tegen de muur gegooid" (but "ik word uit mijn huis gegooid" is eviction).
        r"|\b(?:word|wordt|werd|werden|ben|is|was)" + _gap(4) + r" (?:tegen (?:de|het|een) (?:muur|deur|"
        r"kast|grond|vloer|radiator)|op de grond|van de trap|de trap af|door de kamer) (?:gegooid|"
        r"gesmeten|geduwd)\b"
        r"|\b(?:abused|beaten|hit) at home\b|\bi (?:get|got|am|was) (?:beaten|abused|hit) by my\b"
        r"|\b(?:being|getting) (?:beaten|abused|beaten up)\b")),
    # A witness: "ik hoor de buurvrouw haar kinderen slaan", "ik zie mijn vader mijn moeder
    # slaan". Not "ik hoor ze met de deuren slaan".
    # A carer who is afraid of their own hands: "soms pak ik haar te hard vast", "ik knijp hem
    # te hard". Elder or child abuse starts like this; Veilig Thuis also advises carers.
    # Neglect of someone who depends on care: left in dirty nappies, in their own excrement.
    ("vt.verwaarlozing", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:ligt|zit|laat|liet|lag|zat|ligt steeds|blijft)(?: \w+){0,4} in (?:vieze|natte|volle|smerige) "
        r"(?:luiers|luier|kleren|lakens|bed)\b"
        r"|\bin (?:haar|zijn|hun) eigen (?:poep|plas|urine|ontlasting|vuil)\b")),
    ("vt.zelf_te_hard", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\bik (?:pak|grijp|knijp|duw|schud|trek|sla)(?: \w+){0,3} (?:haar|hem|mijn \w+|het kind|de kinderen)"
        r"(?: \w+){0,2} (?:te hard|hardhandig|ruw|pijn)\b"
        r"|\bik (?:haar|hem|mijn \w+|het kind)(?: \w+){0,2} (?:te hard|hardhandig|ruw)(?: \w+){0,2} "
        r"(?:vastpak|vastgrijp|vastpakte|vastgreep|vastgepakt|vastgegrepen|duw|duwde|geduwd|schud|schudde|"
        r"geschud|knijp|kneep|geknepen|geslagen|sla|sloeg)\b")),
    ("vt.ziet_hoort_geweld", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:hoor|hoorde|horen|hoorden|zie|zag|zien|zagen)\b" + _gapc(4) +
        rf" (?:{_OBJ}|kinderen|kind|kindje|kindjes|baby|buurkinderen|buurkind|iemand|ze){_A} (?:slaan|"
        r"schoppen|mishandelen|in elkaar slaan|geslagen worden|mishandeld worden|wurgen)\b")),
    # Blows heard next door: "ik hoor elke avond klappen en de kinderen gillen". Needs a child,
    # a scream or the neighbours in the message (see _CONTEXT_REQUIRED), and not doors or
    # fireworks ("ik hoor de hele nacht deuren klappen").
    ("vt.hoort_klappen", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:hoor|hoorde|horen|hoorden)\b" + _gapc(10) +
        r"(?<!deur)(?<!deuren)(?<!ramen)(?<!kasten)(?<!vuurwerk)(?<!handen)(?<!hand)(?<!ballonnen) klappen\b"
        r"(?! (?:van|met) (?:de |het |een )?(?:deur|deuren|vuurwerk|ramen|handen|knallen|hamer|bouw)\b)")),
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
        # ... but "bang dat mijn zoon zich iets aandoet" is suicide worry (113).
        rf"|\bbang dat (?:hij|ze|zij|{_MY} {_HOME})(?: (?!{_SELF}\b){_WORD}){{0,4}} (?:iets|wat) "
        r"(?:zal |gaat |gaan )?"
        r"aan ?(?:doet|doen|te doen)\b"
        rf"|\bik durf{_A} (?:niet|nie) (?:meer )?(?:naar huis|thuis te komen|terug naar huis)\b"
        rf"|\b(?:ik ben|ik voel me|voel ik me|ben ik){_A} (?:thuis )?(?:niet|nie) (?:meer )?veilig "
        r"(?:thuis|in (?:mijn|ons) (?:eigen )?huis|bij (?:mijn|hem|haar))\b"
        rf"|\bthuis{_A} (?:niet|nie) (?:meer )?veilig\b"
        r"|\b(?:im|i am) (?:so |really )?(?:afraid|scared|terrified) of my (?:ex )?(?:husband|wife|"
        r"partner|boyfriend|girlfriend|dad|father|mom|mum|mother|stepdad|son|brother)\b"
        r"|\bnot safe at home\b|\b(?:scared|afraid|terrified) to go (?:back )?home\b")),
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
        rf"|\b{_ACTOR}(?:{_gap(3)} (?:vermoordt|gaat vermoorden) (?:me|mij)\b"
        rf"|{_gap(3)} (?:me|mij|ons|de kinderen){_A} (?:iets|wat){_A}"
        r"(?: (?:wil|wilt|gaat|zal|zou|kan))? (?:aandoen|aan doen|aandoet|aan te doen)\b"
        rf"|{_gap(3)} maakt (?:me|mij) (?:af|dood)\b"
        rf"|{_gapc(4)} (?:slaat|gooit|smijt|sloeg|gooide) (?:alles|de boel|spullen|"
        r"het servies|dingen)" + _gap(2) + r" (?:kapot|stuk|naar (?:me|mij|mijn hoofd))\b)"
        r"|\bthreaten(?:s|ed)? to kill (?:me|us|my \w+)\b")),
    # Sexual abuse at home, also said indirectly ("mijn vader zit aan me").
    ("vt.seksueel_misbruik", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b{_ACTOR}{_gap(3)} (?:zit|zat|zitten|zaten){_A} aan (?:me|mij|haar(?= ?(?:$|[.,]|(?:en|als|toen|"
        r"terwijl|wanneer|op|onder|tussen|zonder|waar|s nachts)\b))|mijn (?:lichaam|borsten|kruis|billen|"
        r"piemel|plassertje|geslachtsdeel))\b"
        r"|\b(?:dwingt|dwong|dwingen) (?:me|mij|haar)" + _gap(2) + r" (?:tot )?(?:seks|sex)\b"
        r"|\bbetast (?:me|mij|haar)\b|\b(?:forces|forced) me to have sex\b"
        # A child tells: "mijn dochter vertelde dat opa aan haar zit", "dat de oppas haar aanraakt
        # op plekken waar dat niet mag".
        rf"|\b{_ACTOR}{_gap(2)} aan (?:me|mij|haar|hem){_A} (?:zit|zat|zitten|zaten)\b"
        r"|\b(?:aanraakt|aanraakte|aangeraakt|aanraken|betast|betastte|betasten|aanzit|aanzat)"
        + _gapc(6) + r" (?:op (?:rare|verkeerde|intieme|private|gekke) (?:plekken|plaatsen)|op een (?:rare|"
        r"vieze|gekke|verkeerde) manier|(?:op plekken )?waar dat niet mag|onder (?:haar|zijn|mijn) "
        r"(?:kleren|kleding|rok|broek|shirt)|tussen (?:haar|zijn|mijn) benen|in (?:haar|zijn|mijn) kruis)"
        r"|\b(?:op (?:rare|verkeerde|intieme|private) (?:plekken|plaatsen)|onder (?:haar|zijn|mijn) "
        r"(?:kleren|kleding)|tussen (?:haar|zijn|mijn) benen)" + _gap(3) + r" (?:aanraakt|aanraakte|"
        r"aangeraakt|aanraken|betast|betastte|betasten)\b"
        r"|\btouch(?:es|ed|ing)? (?:me|her|him) (?:inappropriately|in (?:private|wrong) places|"
        r"down there)\b")),
    # Forced marriage: "ik moet van mijn ouders trouwen", "ze willen me uithuwelijken", "ik moet
    # trouwen met iemand die ik niet ken". Not "ik ga trouwen, verandert mijn uitkering?".
    ("vt.gedwongen_huwelijk", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:huwelijksdwang|gedwongen (?:huwelijk|trouwen)|uithuwelijken|uit te huwelijken|"
        r"uithuwelijking|uitgehuwelijkt)\b"
        r"|\b(?:moet|moest|moeten|moesten) van (?:mijn|onze|haar|zijn) (?:ouders|familie|vader|moeder|"
        r"oom|broer|broers|opa|schoonfamilie)" + _gap(4) + r" (?:trouwen|te trouwen)\b"
        r"|\b(?:gedwongen|dwingen|dwingt|dwong|dwongen|verplichten|verplicht)" + _gap(4) +
        r" (?:om )?(?:te trouwen|trouwen)\b"
        r"|\b(?:trouwen|trouw|te trouwen) met (?:iemand|een man|een vrouw|een jongen|een meisje|"
        r"mijn neef|mijn nicht)"
        r"(?: \w+){0,3} (?:die|dat) ik (?:niet|nooit|nie) (?:ken|gezien heb|heb gezien|wil)\b"
        r"|\btegen mijn wil(?: in)?" + _gap(3) + r" (?:trouwen|getrouwd|uitgehuwelijkt)\b"
        r"|\btrouwen tegen mijn wil\b"
        r"|\bforced (?:marriage|to marry)\b|\bforc(?:e|es|ing) me to marry\b")),
    # Locked in, not allowed out, money taken: coercive control and elder/financial abuse.
    ("vt.opgesloten_geld", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b(?<!ik )(?:houdt|hield|houden) (?:me|mij|ons|haar|hem|de kinderen|{_MY} {_HOME})"
        r"(?: \w+){0,3} (?:opgesloten|gevangen)\b"
        rf"|\b(?<!ik )(?<!we )(?:sluit|sloot|sluiten) (?:me|mij|ons|haar|hem|de kinderen|{_MY} {_HOME})"
        r"(?: (?:thuis|binnen|soms|vaak|altijd|weer|dan|in (?:huis|de kamer|mijn kamer|haar kamer|"
        r"zijn kamer|de kelder|de schuur|de wc)))* (?:op|in|buiten)\b"
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
        rf"|\b{_ACTOR}(?:{_gap(3)} (?:me|mij|haar|hem|ons|de kinderen){_A} op ?(?:sluit|sluiten|gesloten)\b"
        rf"|{_gapc(4)} (?:pakt|neemt|steelt|jat|houdt|pakte|nam|stal|haalt|haalde|gebruikt|"
        r"hield)" + _gap(3) + r" (?:het |al het |haar |zijn |mijn |ons )?(?:geld|pinpas|bankpas|"
        r"pincode|pensioen|aow|spaargeld|uitkering|loon|salaris)" + _gap(3) +
        rf" (?:af|van (?:haar|hem|mij|me|ons|{_MY} {_HOME}))\b(?! (?:bij|in de gaten|in beheer|op orde|"
        r"voor (?:de |haar |zijn )?boodschappen|om (?:de )?boodschappen|met (?:haar |zijn )?toestemming|"
        r"zoals afgesproken)\b)"
        # "de hulp heeft geld gestolen van mijn oma"
        rf"|{_gap(5)} (?:het |al het |haar |zijn |mijn |ons )?(?:geld|pinpas|bankpas|pincode|"
        r"pensioen|aow|spaargeld|sieraden)" + _gap(3) + r" (?:gestolen|afgepakt|gepikt|gejat|ontvreemd|"
        r"afgenomen|afhandig gemaakt)\b)"
        r"|\b(?:locks|locked) me (?:in|up)\b|\b(?:wont|doesnt) let me (?:leave|go out)\b"
        r"|\b(?:my|her|his) (?:son|daughter|carer|caregiver|grandson|nephew|husband|wife|partner)"
        r"(?: \w+){0,2} (?:takes|took|steals|stole|is stealing|keeps taking) (?:all )?(?:my|her|his) "
        r"(?:money|savings|pension|bank card)\b")),
    # Issue 24: danger in the words residents really use.
    # Violence at home seen by a child: "hij gooit met stoelen terwijl de kinderen erbij zijn".
    ("vt.gooit_met_meubels", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b{_ACTOR}(?:{_gap(2)})? (?:gooit|smijt|gooide|smeet|trapt|schopt|slaat)(?: \w+){{0,3}} "
        r"(?:met )?(?:stoelen|stoel|borden|bord|glazen|de tafel|meubels|spullen|de deur|deuren)"
        r"(?: \w+){0,8} (?:kind|kinderen|kindje|kids|dochter|dochtertje|zoon|zoontje|baby|erbij|ziet|zien|"
        r"huilt|huilen|bang)\b")),
    # A child hurt again and again with an unlikely story: "weer een blauw oog, zou gevallen zijn".
    ("vt.kind_steeds_gewond", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:weer|alweer|opnieuw|steeds|vaak|elke week|telkens)(?: \w+){0,3} (?:een )?"
        r"(?:blauw oog|blauwe plekken|blauwe plek|brandwonden|brandwond|striemen|bult|wonden|gebroken arm)"
        r"(?: \w+| ,){0,8} (?:gevallen|gestoten|trap af|ongelukje|ongeluk)\b"
        r"|\b(?:kind|kindje|jongetje|meisje|zoontje|dochtertje|kinderen)(?: \w+){0,6} "
        r"(?:blauw oog|blauwe plekken|brandwonden|striemen)(?: \w+){0,8} (?:weer|alweer|opnieuw|steeds)"
        r" (?:gevallen|gestoten)\b")),
]

# Rules that do not count when the message says what the words are for (issue 24's near-misses:
# old medicines saved to hand in at the pharmacy, a farewell letter to colleagues at retirement).
_CONTEXT_EXCLUDED: Final[dict[str, re.Pattern[str]]] = {
    "113.pillen_plan": _F(r"\b(?:inleveren|in te leveren|lever ik in|weggooien|weg te gooien|gooi ik weg|"
                          r"terugbrengen|terug te brengen|over de datum|houdbaarheidsdatum)\b"),
    "113.afscheidsbrief": _F(r"\b(?:collega|collegas|pensioen|afscheidsreceptie|juf|meester|klasgenoten|"
                             r"verhuis|verhuizen|verhuizing|nieuwe baan|stage|vrijwilligers|vereniging)\b"),
}

# Rules that only count when the message also holds a life/being context.
_CONTEXT_REQUIRED: Final[dict[str, re.Pattern[str]]] = {
    "vt.hoort_klappen": _F(
        r"\b(?:kind|kinderen|kindje|kindjes|kids|baby|buurkinderen|buurkind|zoontje|dochtertje|gil|"
        r"gillen|gilt|gegil|huilen|huilt|gehuil|schreeuwen|schreeuwt|geschreeuw|krijsen|au|help|"
        r"buurvrouw|buurman|buren|slaan|mama)\b"),
    "113.stap_naar_voren": _F(
        r"\b(?:perron|trein|treinen|spoor|spoorlijn|rails|metro|tram|afgrond|reling|brug|station|"
        r"platform|train|tracks)\b"),
    "113.spring_gedachten": _F(
        r"\b(?:perron|trein|treinen|spoor|spoorlijn|rails|metro|tram|brug|bruggen|afgrond|reling|"
        r"balkon|dak|flat|raam|verdieping|hoogte|hoog|klif|toren|parkeergarage|rivier|gracht|kanaal|"
        r"viaduct|bridge|train|platform|roof|balcony|tracks|cliff)\b"),
    "112.vermist_kwetsbaar": _F(
        r"\b(?:dementie|dement|demente|dementerend|alzheimer|alzheimers|verward|in de war|"
        r"geheugenproblemen|vergeetachtig|kou|koud|vriest|vriezen|vorst|ijskoud|sneeuw|pyjama|"
        r"nachtpon|nachthemd|zonder jas|geen jas|dementia|freezing|cold|confused)\b"),
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
    # What a helpline is for, asked or told: "113 is toch voor zelfmoord? daar gaat het niet om".
    # Only the word in that phrase: "113 is voor zelfmoord en ik denk eraan" keeps the models' view.
    ("neg.lijn_voor", _F(
        r"\b(?:113|0800 ?0113|die lijn|dat nummer|die chat|dat)(?: is| zijn)(?: (?:toch|alleen|niet|dat|die|er))* "
        r"(?:voor|over) (?:mensen (?:die|met) (?:\w+ ){0,2})?(?:zelf ?moor[dt]|zelfdoding|suicid)[a-z]*")),
    ("neg.geweld", _F(
        rf"\b(?:geen|niet|nooit|no|not|never)(?: {_NEG_FILLER}){{0,3}} (?:huiselijk geweld|"
        r"kindermishandeling|mishandeling|domestic (?:violence|abuse)|abuse)\b")),
]

# The resident denies doing something to themselves: "ik ga heus niet voor de trein springen",
# "ik wil niet stoppen met leven, wel met roken", "I'm not going to end my life". The span runs
# from "ik" to the end of the short verb phrase: it stops at a clause end and at words that start
# a new statement ("maar", "want", "en", "ik", ...), so "ik wil niet naar school maar ik wil
# dood" keeps its signal. "niet meer" is no denial ("ik wil niet meer leven"). These spans only
# switch off 112 and 113 hits: "ik wil niet dat mijn man me slaat" still goes to Veilig Thuis.
_SPAN_STOP: Final = (
    r"maar|want|omdat|wel|en|ik|dus|toch|of|alleen|soms|niemand|iedereen|hij|zij|ze|je|jij|we|wij|"
    r"dan|als|terwijl|hoewel|wil|wilt|ga|gaat|zal|moet|but|and|i|so|because|though"
)
SELF_NEGATIONS: Final[list[tuple[str, re.Pattern[str]]]] = [
    ("neg.ik_ga_niet", _F(
        r"\bik (?:ga|zal|zou|wil|ben|denk)(?: (?:echt|heus|zeker|absoluut|helemaal|toch|natuurlijk|"
        r"hoor|er|heus wel|echt wel))* (?:niet|nooit|nie)\b(?! (?:meer|langer|mer|verder)\b)"
        rf"(?: (?!(?:{_SPAN_STOP})\b)[a-z0-9]+){{0,8}}")),
    ("neg.im_not_going_to", _F(
        r"\b(?:im not|i am not|im never|i will not|i wont|i would never|i would not|i wouldnt|"
        r"i will never|i never|i have no (?:plans?|intention) (?:to|of))\b"
        rf"(?: (?!(?:{_SPAN_STOP})\b)[a-z0-9]+){{0,8}}")),
]

# Explicit denials of suicidal intent or danger, for is_negated_crisis(). They are not rule
# negations: they only tell the caller that a model-only crisis guess contradicts what the
# resident says ("ik wil niet dood hoor, ik wil hulp met mijn schulden").
DENIALS: Final[list[tuple[str, re.Pattern[str]]]] = [
    # "ik denk niet aan zelfmoord", "I'm not going to hurt myself" (not "geen huiselijk geweld")
    *[(rule_id, pattern) for rule_id, pattern in NEGATIONS if rule_id in {"neg.zelfmoord", "neg.mezelf_en", "neg.lijn_voor"}],
    ("deny.wil_niet_dood", _F(
        r"\b(?:ik )?(?:wil|wl|wou|zou)(?: (?:echt|helemaal|absoluut|zeker|heus|gewoon|natuurlijk))* "
        r"(?:niet|nie|nooit)(?: (?:echt|helemaal|absoluut|zeker|hoor))* (?:dood|doodgaan|dood gaan|sterven|"
        r"een eind aan mijn leven maken|uit het leven stappen)\b(?! (?:meer|maar dan|dan)\b)")),
    ("deny.mezelf_niets", _F(
        r"\b(?:ik )?(?:ga|wil|zal|zou|doe)(?: (?:echt|heus|zeker|absoluut|natuurlijk))* "
        r"(?:mezelf|mijzelf|me) "
        r"(?:niets|niks|nooit iets|nooit wat|geen pijn|geen kwaad)(?: \w+)? (?:aan|aandoen|aan doen|doen)\b"
        r"|\b(?:mezelf|mijzelf) (?:niets|niks|nooit iets) (?:aandoen|aan doen|aan te doen)\b")),
    ("deny.geen_gedachten", _F(
        r"\b(?:geen|niet|nooit) (?:aan )?(?:doodsgedachten|doodswens|gedachten (?:aan|over) (?:de dood|"
        r"dood gaan|doodgaan|sterven)|plannen om (?:er een eind|mezelf|dood))"
        r"|\bik (?:ben|voel me) (?:niet|helemaal niet|echt niet) (?:suicidaal|in gevaar|wanhopig genoeg)\b"
        r"|\b(?:ik ben|we zijn) (?:nu )?(?:gewoon )?veilig\b|\bniemand is in gevaar\b"
        r"|\ber is geen (?:acuut )?gevaar\b")),
    ("deny.en", _F(
        r"\bi (?:dont|do not|really dont) (?:want|wanna|plan|intend) (?:to )?(?:die|kill myself|end my life|"
        r"hurt myself|harm myself)\b"
        r"|\b(?:im|i am) not (?:suicidal|going to (?:kill|hurt|harm) myself|in danger|thinking (?:of|about) "
        r"(?:suicide|killing myself|ending my life))\b"
        r"|\b(?:im|i am) (?:safe|not in danger)\b|\bno one is in danger\b|\bnobody is in danger\b")),
]

# Distress that the rules deliberately leave to the model ("ik zie het niet meer zitten", "ik
# kan niet meer"). With one of these next to a denial ("ik wil niet dood, maar ik zie het niet
# meer zitten") the model's crisis guess is not vetoed: 113 also helps people who doubt.
_SOFT_RISK: Final = _F(
    r"\bzie (?:het|t)(?: \w+)? (?:niet|nie) (?:meer )?zitten\b"
    r"|\bik kan (?:het )?(?:niet|nie) meer(?: aan)?(?= ?(?:$|[.,]|en\b|maar\b))"
    r"|\b(?:trek|hou|houd) (?:het|dit)(?: \w+)? (?:niet|nie) (?:meer|langer)\b"
    r"|\bweet (?:het )?(?:echt )?(?:niet|nie) meer\b"
    r"|\b(?:hopeloos|uitzichtloos|wanhopig|ten einde raad|geen hoop|geen toekomst|geen zin meer|"
    r"wil(?: \w+)? dat (?:alles|het) (?:stopt|ophoudt)|alles (?:stopt|ophoudt)|"
    r"hopeless|cant go on|cant do this anymore|cant take it anymore|no hope|want it to stop|"
    r"want it all to stop)"
)

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
    ("nm.maakt_me_af", _F(
        r"\b(?:maakt|maken|maakten|maakte) (?:me|mij|ons)(?: (?:echt|helemaal|gewoon|nog))* "
        r"(?:af|kapot|gek|gesloopt)\b")),
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
    # Issue 24: figures of speech and near-accidents residents use in messy text.
    ("nm.alledaags", _F(
        r"\b(?:water|h2o) (?:staat|stond|komt|kwam)(?: \w+){0,3} (?:aan|tot aan|tot) (?:de|me|mijn|mn) ?lippe?n?\b"
        r"|\b(?:vermoord|vermoordt|maakt|maak)(?: \w+){0,2} (?:me|mij|jou|je) (?:dood )?als\b"
        r"|\b(?:de dood|het graf) (?:in ?jagen|injagen|in jaagt)\b|\bover mijn lijk\b"
        r"|\bbijna (?:gevallen|gevalle|gestruikeld|uitgegleden|van de (?:trap|ladder) gevallen)\b"
        r"|\ber is (?:niks|niets) (?:ergs )?gebeurd\b|\bschrik(?:ken)? me (?:een hoedje|rot|wezenloos)\b"
        r"|\bverschoot me\b|\bik (?:word|wordt) (?:soms |echt )?zot\b")),
    # Frustration with the assistant itself (residents' tests, 2026-12-06): "dat heb ik al gezegd".
    ("nm.frustratie", _F(
        r"\b(?:dat|het) (?:heb|had) ik (?:\w+ ){0,5}?(?:toch |net |al |toch al |net al )+(?:gezegd|verteld|geschreven|getypt|gegeven|ingevuld|gestuurd|genoemd)\b"
        r"|\b(?:heb|had) ik (?:u |je |jullie )?(?:toch |net |al |zojuist |eerder )+(?:gezegd|verteld|geschreven|getypt|gegeven|ingevuld|gestuurd|genoemd)\b"
        r"|\bik (?:zei|zeg|schreef) (?:het |dat )?(?:toch|net|al)(?: al| net)?\b|\bdat (?:zei|zeg|schreef|typte) ik (?:toch|net|al|zojuist|net al)\b"
        r"|\b(?:je|u) (?:snapt|begrijpt) (?:het|me|mij) (?:toch |echt )?(?:niet|nie)\b|\bwaar haalt u dat vandaan\b"
        # "Ik vind het niet prettig dat U dat steeds vraagt", "waarom vraag je dat nou weer?"
        r"|\b(?:dat|waarom) (?:u|je|jij|jullie) (?:dat|dit|het|me|mij)? ?(?:steeds|telkens|weer|nou|nu|elke keer|alweer)(?: weer)? (?:vraagt|vragen|vraag)\b"
        r"|\bwaarom (?:vraagt|vraag) (?:u|je|jij|jullie) (?:dat|dit|het)\b")),
    ("nm.moe", _F(r"^(?:(?!\b(?:dood|leven|wakker|stoppen|weg|ophouden|suicidaal|zelfmoord\w*|zelfdoding)\b).)*\b(?:ik ben|ben) (?:gewoon |zo |heel |echt |erg |ontzettend |doodop |)*(?:moe|uitgeput|op)\b(?:(?!\b(?:dood|leven|wakker|stoppen|weg|ophouden|suicidaal|zelfmoord\w*|zelfdoding)\b).)*$")),
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

# A crisis told as something long past ("lang geleden", "jaren terug", "vroeger", "years ago") or
# asked about for a lesson or project: a rule hit in such a message earns the safety check, not
# the full reply, unless the message also speaks of now ("nu weer", "opnieuw", "again").
TOLD_AS_PAST: Final = _F(
    r"\b(?:lang|jaren|jaar|maanden) geleden\b|\b(?:van|sinds) jaren (?:terug|geleden)\b|\bjaren terug\b"
    r"|\bvroeger\b|\btoen ik (?:klein|kind|jong) was\b|\bals kind\b|\bin mijn jeugd\b"
    r"|\b(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien) jaar (?:geleden|terug)\b"
    r"|\bnu (?:al )?(?:jaren|lang) (?:niet meer|goed)\b|\bgaat (?:het )?(?:al )?(?:jaren|lang) goed\b"
    r"|\byears ago\b|\bwhen i was (?:a child|young|little)\b|\bas a child\b|\bin the past\b"
)
TOLD_FOR_INFORMATION: Final = _F(
    r"\b(?:spreekbeurt|werkstuk|profielwerkstuk|schoolproject|project voor school|presentatie|"
    r"voorlichting|voorlichtingsmateriaal|lesmateriaal|een les over|les over|scriptie|onderzoek naar)\b"
    r"|\b(?:school project|for a school|presentation about|for a class|research on)\b"
)
# A crisis told as over, or as fiction, or as a young child's tantrum (issue 24): at most the
# safety check, for acute danger too ("vorige week brand in de flat, niemand gewond").
TOLD_AS_OVER: Final = _F(
    r"\bniemand (?:is |was |raakte )?(?:gewond|gewond geraakt)\b|\bis (?:gelukkig )?(?:geblust|uitgegaan)\b"
    r"|\biedereen is (?:op tijd |gelukkig )*(?:naar buiten|veilig|ongedeerd)\b"
    r"|\b(?:in|uit) (?:een |de |die |dat |deze )?(?:serie|film|boek|roman|tv ?serie|documentaire|game|"
    r"toneelstuk|podcast|soap|aflevering)\b|\bop (?:tv|televisie|netflix|het nieuws)\b"
    r"|\b(?:zoon|dochter|zoontje|dochtertje|kind|kindje|jongste|peuter|kleuter|pikin)(?: \w+){0,2} van "
    r"(?:[2-9]|twee|drie|vier|vijf|zes|zeven|acht|negen)(?: jaar)?(?: \w+){0,4} "
    r"(?:riep|schreeuwde|gilde|zei|krijste|brulde)(?: \w+| ,){0,12} (?:omdat|toen|driftbui|boos|woedend|"
    r"mocht|kreeg|ijsje|snoep|tablet|gamen|spelen|playstation)\b"
    r"|\bover (?:een |de |die |dat |deze )?(?:serie|film|boek|documentaire|game|aflevering)\b"
    r"|\b(?:serie|film|boek|documentaire|game|aflevering) (?:waarin|waar)\b"
    r"|\b(?:maar |toen )?(?:hij|zij|ze) bleek (?:gewoon |achteraf |toch |later )?(?:bij|op|in|naar|weg|niks|"
    r"niets|in orde|ongedeerd|op vakantie)\b"
    r"|\bnobody (?:got |was )?(?:hurt|injured)\b|\bno one (?:got |was )?(?:hurt|injured)\b"
    r"|\b(?:in|watching|watched|saw) (?:a |the |this |that )?(?:series|film|movie|show|book|documentary|"
    r"tv show|game)\b"
)
# Softer signs that danger is over; "nog steeds", "weer" and the like (ABOUT_NOW) outweigh them.
TOLD_AS_OVER_SOFT: Final = _F(
    r"\b(?:nu |inmiddels )(?:gaat het|gaat t|is alles)(?: \w+){0,2} (?:beter|goed|weer goed|in orde)\b"
    r"|\bhet gaat (?:nu |inmiddels )(?:\w+ ){0,2}(?:beter|goed)\b|\bdat is (?:nu )?(?:voorbij|achter de rug)\b"
    r"|\bvorig jaar\b|\bgeen contact meer\b|\b(?:zijn|ben) (?:nu |inmiddels )?(?:gescheiden|uit elkaar)\b"
    r"|\b(?:doing|feel|feeling|am) (?:much |a lot |so much )?better now\b|\blast year\b"
)
ABOUT_NOW: Final = _F(
    r"\b(?:weer|opnieuw|nog steeds|nog altijd|deze week|vandaag|vannacht|gisteren|"
    r"again|still|right now|tonight)\b"
)

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
        if char < "\x80":  # ASCII (nearly every character): no accents to strip, no odd quotes
            folded.append((char.lower(), index))
            continue
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
    return list(_crisis_signals(text))


@lru_cache(maxsize=512)
def _crisis_signals(text: str) -> tuple[CrisisSignal, ...]:
    """Why cached: one message is checked by the channel's gate, the router and the opschaal
    advice; the rules are the same for the life of the process and signals are immutable."""
    norm = normalise(text)
    if not norm.text:
        return ()
    negated = [m.span() for _, pattern in NEGATIONS for m in pattern.finditer(norm.text)]
    self_negated = [m.span() for _, pattern in SELF_NEGATIONS for m in pattern.finditer(norm.text)]
    found: list[tuple[int, int, CrisisSignal]] = []
    for rule_id, route, pattern in RULES:
        context = _CONTEXT_REQUIRED.get(rule_id)
        if context is not None and not context.search(norm.text):
            continue
        excluded = _CONTEXT_EXCLUDED.get(rule_id)
        if excluded is not None and excluded.search(norm.text):
            continue
        for match in pattern.finditer(norm.text):
            start, end = _trimmed(norm.text, *match.span())
            if start >= end:
                continue
            if any(a <= start and end <= b for a, b in negated):
                continue
            if route != ROUTE_CRISIS_VEILIG_THUIS and any(a <= start and end <= b for a, b in self_negated):
                continue
            a, b = norm.original_span(start, end)
            found.append((ROUTE_PRIORITY[route], start, CrisisSignal(route, rule_id, text[a:b])))
    found.sort(key=lambda item: (item[0], item[1]))
    signals: list[CrisisSignal] = []
    for _, _, signal in found:
        if signal not in signals:
            signals.append(signal)
    return tuple(signals)


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


def is_negated_crisis(text: str) -> bool:
    """True when the text explicitly denies suicidal intent or danger ("ik wil niet dood",
    "ik denk niet aan zelfmoord", "I'm not suicidal", "ik ga mezelf niks aandoen") and no crisis
    rule fires. The caller uses this to veto a model-only crisis guess.

    Deliberately narrow: a denial next to distress the rules leave to the model ("ik wil niet
    dood, maar ik zie het niet meer zitten") is no veto, and "mijn man slaat me niet, maar ..."
    is none either, because the rest of such a message often tells of other harm.
    """
    norm = normalise(text)
    if not any(pattern.search(norm.text) for _, pattern in DENIALS):
        return False
    if _SOFT_RISK.search(norm.text):
        return False
    return not crisis_signals(text)


def is_told_as_past_or_information(text: str) -> bool:
    """True when a crisis is told as long past or asked about for a lesson, and not as happening now.

    Why: "ik heb lang geleden een zelfmoordpoging gedaan, nu gaat het goed" or "we maken een les
    over huiselijk geweld" is not a resident in danger now; the caller gives such a message the
    gentle safety check (with the numbers in view) instead of the full crisis reply.
    """
    norm = normalise(text).text
    if TOLD_AS_OVER.search(norm):
        return True
    if ABOUT_NOW.search(norm):
        return False
    return bool(TOLD_AS_PAST.search(norm) or TOLD_FOR_INFORMATION.search(norm) or TOLD_AS_OVER_SOFT.search(norm))


def is_told_as_over(text: str) -> bool:
    """True when danger is told as over, as fiction or as a young child's tantrum; unlike
    is_told_as_past_or_information, this softens acute danger (112) to the safety check too."""
    norm = normalise(text).text
    return bool(TOLD_AS_OVER.search(norm) or (TOLD_AS_OVER_SOFT.search(norm) and not ABOUT_NOW.search(norm)))
