"""Words that raise a doubt, never the full crisis reply: the safety check asks what is going on.

Why a tier of its own: "thuis is niet veilig" or "ik heb iets ingenomen" may be danger now, or
may not; a resident who writes so little must be asked, and one model's silence is no answer
(a fresh blind set, issue 24: "thuis is niet veilig" went unheard by both nets). A rule here
never gives the full reply, so a wider net costs a question, not a wrong alarm.
"""
from __future__ import annotations

import re
from typing import Final

from bot.understanding.crisis.normalise import normalise
from bot.understanding.werkmodel import ROUTE_CRISIS_112, ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS

# (rule id, route the check is about, pattern on the normalised text)
DOUBTS: Final[tuple[tuple[str, str, re.Pattern[str]], ...]] = (
    ("doubt.vt.thuis_niet_veilig", ROUTE_CRISIS_VEILIG_THUIS, re.compile(
        r"\b(?:thuis|bij ons thuis|in (?:mijn|ons) huis) (?:is|voelt)(?: het)? (?:niet|nie|geen) (?:meer )?veilig\b"
        r"|\b(?:ik )?(?:voel me|ben|zijn we|voelen we ons) (?:thuis )?(?:niet|nie) (?:meer )?veilig"
        r"(?: \w+){0,2} (?:thuis|in (?:mijn|ons) (?:eigen )?huis|bij (?:mijn|onze) (?:man|vrouw|vriend|vriendin|"
        r"partner|vader|moeder|ouders|ex))\b"
        r"|\b(?:ik |we |wij )?(?:durf|durven) (?:niet|nie) (?:meer )?(?:naar huis|thuis te (?:komen|slapen|zijn))\b"
        r"|\b(?:not|isnt|is not) safe (?:at home|in my (?:own )?home|home)\b|\bhome (?:is not|isnt) safe\b")),
    # Children who saw or heard it ("hij is weer begonnen. de kinderen hebben het gezien"): at home,
    # that may be violence; the check asks (the nets read it at 0.29-0.50, around their threshold).
    ("doubt.vt.kinderen_zagen_het", ROUTE_CRISIS_VEILIG_THUIS, re.compile(
        r"\b(?:de|mijn|mn|onze|ons) (?:kinderen|kids|kinders|kleine|kleintjes|zoon|zoontje|dochter|dochtertje|"
        r"jongens|meiden) (?:hebben|heeft) (?:het|alles|dat) (?:weer |allemaal |ook )?(?:gezien|gehoord|meegemaakt)\b")),
    # A message for a parent or a loved one that sounds like a last one ("zeg tegen mn moeder dat het
    # niet haar schuld is"): a farewell without the word suicide is asked about (issue 24).
    ("doubt.113.laatste_boodschap", ROUTE_CRISIS_113, re.compile(
        r"\b(?:zeg|zeggen|vertel|vertellen) (?:tegen |aan )?(?:mijn|mn|m'n|me|onze) (?:moeder|mama|ma|vader|papa|pa|ouders|"
        r"vrouw|man|vriendin|vriend|zus|broer|kinderen|kids|dochter|zoon)\b(?: \w+){0,3} (?:dat )?(?:het |t )?(?:niet|nie) "
        r"(?:haar|zijn|jullie|hun) schuld (?:is|was)\b"
        r"|\b(?:tell|say to) my (?:mom|mum|mother|dad|father|parents|wife|husband|sister|brother|kids)\b(?: \w+){0,3} "
        r"(?:it'?s|it is|it was) not (?:her|his|their|your) fault\b")),
    # Wanting to be with someone who died ("mijn moeder is in januari overleden, mijn vader in mei ... ik
    # wil gewoon bij ze zijn": messy_blind_4, unheard by every net): it may be grief, or a wish to die.
    ("doubt.113.bij_de_doden_zijn", ROUTE_CRISIS_113, re.compile(
        r"\b(?:overleden|gestorven|overlijden|begraven|gecremeerd|dood|died|passed away)\b(?: \w+| [.,]){0,60} "
        r"(?:ik wil|ik zou|wil ik|i want|i just want)(?: \w+){0,3} (?:bij|naar|with) (?:ze|hen|hem|haar|them|him|her|"
        r"(?:mijn|mn|my) (?:moeder|vader|ma|pa|mama|papa|man|vrouw|ouders|kind|zoon|dochter|mum|mom|dad|husband|wife|"
        r"parents|son|daughter))(?: \w+)? (?:zijn|toe|gaan|be)\b(?! (?:op|om|in|met|morgen|zondag|vandaag)\b)")),
    # "soms denk ik dat ik beter bij haar kan zijn" from a widower filling in the form (residents' round 45:
    # no question at all): being with someone who died may be a wish to die; asked, gently.
    ("doubt.113.beter_bij_haar", ROUTE_CRISIS_113, re.compile(
        r"\bik (?:beter|liever) (?:ook )?bij (?:haar|hem|ze|hen|(?:mijn|mn|m'n) (?:vrouw|man|moeder|vader|ma|pa|mama|papa|"
        r"kind|zoon|dochter|partner)) (?:kan|kon|zou|ben|was|had) (?:kunnen )?(?:zijn|gaan)\b"
        r"(?! (?:wonen|logeren|slapen|eten|blijven|vanavond|morgen|vandaag|op|om|in|met)\b)"
        r"|\bi(?:'d| would)? (?:rather|better) be with (?:her|him|them)\b")),
    # "ik ben er gewoon echt klaar mee, met alles" (residents' round 40: a young man deep in gambling
    # debts said it twice and was never asked): done with everything may be done with living.
    ("doubt.113.klaar_met_alles", ROUTE_CRISIS_113, re.compile(
        r"\b(?:ben|bn) (?:er |het )?(?:\w+ ){0,3}klaar (?:mee|me)\b(?: ,)?(?: \w+){0,2} met (?:alles|het leven|mijn leven|dit leven)\b"
        r"|\bklaar met (?:het leven|mijn leven|dit leven|leven)\b|\b(?:done|finished) with (?:everything|life|it all)\b")),
    # "mijn schoonzoon geeft de kleine soms een tik als hij niet luistert" (residents' round 41, told
    # inside a question about school): hitting a child, asked about.
    ("doubt.vt.tik_geven", ROUTE_CRISIS_VEILIG_THUIS, re.compile(
        r"\b(?:geeft|gaf|geven|gaven|krijgt|kreeg)\s+(?:de kleine|hem|haar|ze|de kinderen|het kind|mijn \w+|ons \w+|onze \w+|"
        r"zijn \w+|haar \w+)?\s*(?:soms |wel eens |weleens |vaak |regelmatig |af en toe |steeds )?(?:een )?"
        r"(?:tik|tikken|klap|klappen|pak slaag|draai om de oren|mep|oorvijg)\b")),
    # "I sometimes don't see the point of anything anymore", "ik zie het nut van niks meer" (residents'
    # round 41: unheard after a no to an earlier, needless check).
    ("doubt.113.geen_nut_meer", ROUTE_CRISIS_113, re.compile(
        r"\b(?:dont|do not|cant|can not|cannot) see (?:the|any) point (?:of|in) (?:anything|living|life|it all|going on)\b"
        r"|\bwhats the point of (?:living|life|anything|it all)\b"
        r"|\bzie (?:het|er|de) (?:nut|zin) (?:niet )?(?:meer )?(?:van|in) (?:niks|niets|het leven|leven|alles) (?:meer)?\b")),
    # "u luistert niet. ik kan echt niet meer hoor" from an exhausted carer (residents' round 46: read as
    # "nee" to the callback, "Dat is goed"): a message that is only that, or that after a short complaint,
    # is asked about gently. Inside a story ("ik zorg dag en nacht voor haar, ik kan niet meer") it is not.
    ("doubt.113.kan_niet_meer", ROUTE_CRISIS_113, re.compile(
        r"^(?:(?:\w+ ){1,5}[.!]+ )?(?:en |maar |echt )?ik kan (?:(?:echt|gewoon|het|dit|even|zo|al|nu) )*niet meer"
        r"(?: (?:hoor|echt|joh|aan|zo|nu))*(?: [.!,]+)*$")),
    ("doubt.112.iets_ingenomen", ROUTE_CRISIS_112, re.compile(
        r"\bik heb (?:net |zojuist |daarnet )?(?:iets|wat|spul) (?:ingenomen|genomen|geslikt|opgeslikt)"
        r"(?= ?(?:$|[.,!]|en (?:ik|nu)\b))"
        r"|\bi (?:took|have taken|swallowed) something(?= ?(?:$|[.,!]))")),
)


def doubt(text: str) -> tuple[str, str] | None:
    """(rule id, route) of the first doubt in the text, or None."""
    norm = normalise(text).text
    for rule_id, route, pattern in DOUBTS:
        if pattern.search(norm):
            return rule_id, route
    return None
