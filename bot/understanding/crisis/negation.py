"""Negations and denials: when a crisis rule's words are said as not being so.

NEGATIONS drop any rule hit inside them; SELF_NEGATIONS drop 112 and 113 hits inside a denial
of one's own act; DENIALS (with _SOFT_RISK) let is_negated_crisis() veto a model-only crisis guess.
"""
from __future__ import annotations

import re
from typing import Final

from bot.understanding.crisis.patterns import _F


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
    # "niet zo bedoeld als dat ik dood wil ofzo, gewoon de schulden" (residents' round 40: the full 113 reply)
    ("neg.niet_zo_bedoeld", _F(
        r"\b(?:niet|nie) (?:zo )?bedoeld(?: \w+){0,3} (?:dat |alsof )?ik (?:dood|er niet meer|niet meer (?:wil )?leven|"
        r"mezelf (?:iets )?(?:wil )?aandoen|zelfmoord)(?: (?:wil|wilde|plegen|ga|ben))?\b"
        r"|\b(?:niet|nie) (?:dat|alsof) ik (?:echt )?(?:dood wil|er niet meer wil zijn|zelfmoord wil plegen|mezelf iets wil aandoen)\b")),
    # What a helpline is for, asked or told: "113 is toch voor zelfmoord? daar gaat het niet om".
    # Only the word in that phrase: "113 is voor zelfmoord en ik denk eraan" keeps the models' view.
    ("neg.lijn_voor", _F(
        r"\b(?:113|0800 ?0113|die lijn|dat nummer|die chat|dat)(?: is| zijn)(?: (?:toch|alleen|niet|dat|die|er))* "
        r"(?:voor|over) (?:mensen (?:die|met) (?:\w+ ){0,2})?(?:zelf ?moor[dt]|zelfdoding|suicid)[a-z]*")),
    # "waarom zelfdoding?? ik denk niet aan dat": the assistant's own word asked back (residents' round 42,
    # a money question then got the full 113 reply). Only as a question: "waarom wil ik zelfmoord" keeps it.
    ("neg.waarom_zelfdoding", _F(
        r"\bwaarom (?:(?:vraagt|vraag|begint|begin|zegt|zeg|heeft|heb|noemt|noem|geeft|geef|komt|kom) (?:u|je|jij|jullie) "
        # "waarom noemt u steeds die nummers van zelfdoding?" (residents' round 46: the full 113 reply)
        r"(?:(?:steeds|telkens|nou|nu|weer|toch|elke keer|de hele tijd) )*(?:het |dat |die |de )?"
        r"(?:(?:nummers?|vraag|vragen|telefoonnummers?) )?(?:over |naar |van |met |aan )?)"
        r"(?:zelf ?moor[dt]|zelfdoding|suicid)[a-z]*(?: \.|\s*$)"
        # "waarom zelfdoding?? ik denk niet aan dat": the bare "waarom" only with the denial after it
        r"|\bwaarom (?:zelf ?moor[dt]|zelfdoding|suicid)[a-z]*(?: \.)+ (?:ik denk (?:er |daar )?niet aan"
        r"|daar heb ik het (?:toch )?niet over|dat (?:zei|bedoel|bedoelde) ik (?:toch )?niet)\b"
        # "why you ask me about suicide?? i only ask about language" (residents' round 45: the full 113
        # reply in English, after the resident had said no to the check)
        r"|\bwhy (?:(?:do |did |are |would )?(?:you|u) (?:ask|asking|asked|say|saying|said|talk|talking|mention|"
        r"mentioning|keep asking|start|starting|bring up|bringing up)(?: (?:me|this|that|it))? (?:about |of |up )?)"
        r"(?:suicid|self ?harm|killing myself)[a-z]*(?: \.|\s*$)")),
    # "mijn vader wordt door niemand mishandeld", "niemand slaat hier iemand" (residents' round 42: read as
    # a disclosure of violence). Only "niemand" right before the act: "niemand weet dat hij slaat" keeps it.
    ("neg.niemand", _F(
        r"\bniemand (?:(?:hier|thuis|ooit|echt) )?(?:mishandelt|slaat|sloeg|bedreigt|doet (?:mij|me|hem|haar|ons) "
        r"(?:\w+ )?pijn|maakt (?:mij|me) bang)\b"
        r"|\b(?:\w+ ){0,3}(?:wordt|werd|word|worden|werden|is|ben|zijn|was) door niemand (?:\w+ )?"
        r"(?:mishandeld|geslagen|bedreigd|pijn gedaan)\b"
        r"|\b(?:nobody|no one) (?:hurts|hits|abuses|threatens) (?:me|him|her|us)\b")),
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
    *[(rule_id, pattern) for rule_id, pattern in NEGATIONS if rule_id in {"neg.zelfmoord", "neg.mezelf_en", "neg.lijn_voor",
                                                                             "neg.niet_zo_bedoeld", "neg.waarom_zelfdoding",
                                                                             "neg.niemand"}],
    # "ik denk niet aan dat" (second-language word order), "daar denk ik niet aan" (round 42).
    ("deny.denk_niet_aan_dat", _F(
        r"\bik denk (?:er )?(?:echt |helemaal |absoluut |zeker )?(?:niet|nie|nooit) aan (?:dat|dit|zoiets|zo iets)\b"
        r"|\bdaar denk ik (?:echt |helemaal |absoluut |zeker )?(?:niet|nie|nooit) aan\b")),
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
