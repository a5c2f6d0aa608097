"""Building blocks shared by the crisis rules: words, gaps, actors, objects and places.

They are regex fragments that run on the normalised text (see normalise.py): a " " means
"next word" and ","/"." are clause ends. Each route's rules (rules_112, rules_113,
rules_veilig_thuis) and the negations are built from these, so a fragment is changed in one place.
"""
from __future__ import annotations

import re
from typing import Final


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
