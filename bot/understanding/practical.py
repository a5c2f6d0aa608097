"""Everyday trouble told with "niet meer": "ik kan de huur niet meer betalen", "mijn moeder kan niet
meer alleen wonen", "ze wil niet meer naar school", "ik slaap er niet meer van".

Why: both crisis models learned "niet meer" as a sign of suicidal thoughts ("ik wil niet meer",
"ik kan niet meer"), and residents' tests (2026-12-06) showed them asking a resident with debts
"denkt u erover om uzelf iets aan te doen?". A human meedenker hears the object: what can no
longer be paid, walked, understood. So a message whose every "niet meer" is tied to such an
everyday object, and which holds no word of risk, is believed as a support question, the way an
explicit denial is (bot/understanding/routing.py). A bare "ik kan niet meer", "ik wil niet meer", "ik weet het
niet meer", or any word of death, life or ending, keeps the models' view; the crisis rules
(bot/understanding/crisis/) fire before this is ever asked.
"""
from __future__ import annotations

import re

from bot.understanding.crisis import normalise

__all__ = ["is_practical_trouble"]

# Any of these anywhere: the message is left to the models and rules.
_RISK = re.compile(
    r"\b(?:dood|doodgaan|sterven|leven|levend|wakker|zelfmoord\w*|zelfdoding|suicid\w*|einde|eind|"
    r"ophouden|stoppen ermee|weg zijn|verdwijnen|aandoen|pillen|springen|ophangen|snijden|"
    r"zin in het leven|niemand mist|last voor|hoop|hopeloos|zinloos|nergens|"
    r"afscheid|vaarwel|testament|op orde|goed zo|bedankt voor alles|bedanken voor al\w*|weggegeven|voorgoed|"
    # Acute danger told with "niet meer": "hij reageert niet meer", "ik weet niet of hij nog ademt".
    r"reageert|reageren|reageerde|ademt|ademen|adem|bewusteloos|onwel|flauw\w*|bloed\w*|ambulance|112|"
    r"beweegt|bewegen|wakker|gevallen|valt|geslagen|slaat|bang|dreigt|pijn|eten en drinken|drinkt)\b"
    r"|\ber niet meer (?:zijn|ben|was|wil zijn)\b|\bniet meer (?:verder|zitten|aan)\b"
)
# "niet meer" followed by what can no longer be done, or by where, what or how.
_AFTER = re.compile(
    r"\bniet meer (?:\w+ ){0,2}?(?:"
    r"betalen|betaald|lopen|werken|fietsen|rijden|autorijden|traplopen|opstaan|douchen|wassen|koken|"
    r"boodschappen|slapen|eten|wonen|thuis wonen|opbrengen|overzien|bijhouden|volgen|vinden|snappen|"
    r"begrijpen|lezen|regelen|invullen|zien|horen|praten met|bellen|terecht|"
    r"(?<=trap niet meer )(?:op|af)|omhoog|naar beneden|alleen|zelfstandig|naar (?:school|werk|mijn werk|zijn werk|haar werk|de \w+|het \w+|huis|buiten|bed)|"
    r"wat (?:ik|we|wij|hij|zij|ze|je) (?:moet|moeten|kan|kunnen|mag|mogen|doen)|hoe|waar|welke|"
    r"met (?:de|het|die|dat|dit|mijn|m'n|mn|al|haar|hem|me|mij|ons)\b|in (?:de|het|die|dat|een|mijn)\b|"
    r"op (?:de|het|die|dat|mijn)\b|van (?:de|het|die|dat|mijn|mn)\b|voor (?:de|het|die|dat|mijn|mn|hem|haar)\b"
    r")"
)
# "niet meer" after what can no longer be done: "ik slaap er niet meer van", "ik snap het niet meer".
_BEFORE = re.compile(
    r"\b(?:slaap|slaapt|sliep|snap|snapt|begrijp|begrijpt|eet|eten|lees|loop|loopt|werkt|werk|"
    r"past|passen|klopt|kloppen|gaat de|gaat het met (?:de|het|mijn) \w+)"
    r" (?:\w+ ){0,3}?niet meer\b"
)
_NIET_MEER = re.compile(r"\bniet meer\b")
# "klaar mee, met al die brieven", "geen zin meer in dit gedoe": done with a thing, not with life.
_DONE_WITH = re.compile(r"\bklaar (?:mee|mee ,|mee\.)? ?(?:met )?(?:al )?(?:die|de|het|dat|dit|dat hele|dit hele) \w+"
                        r"|\bgeen zin meer in (?:al )?(?:die|de|het|dat|dit) \w+")

# A letter saying the resident must leave the house ("ik heb een brief gekregen dat ik uit mijn huis moet"):
# an eviction is today's worry, not danger (residents' round 41: it got "denkt u erover om uzelf iets aan
# te doen?").
_EVICTION = re.compile(r"\b(?:brief|bericht|aanzegging|vonnis|deurwaarder|woningbouw\w*|corporatie|verhuurder|huisbaas)\b"
                       r"(?: \w+| ,){0,12} (?:uit (?:mijn|ons|het|de) (?:huis|woning)|ontruim\w*|uitgezet|uitzetting|eruit)\b")

# An addiction the resident wants to stop or resist ("hoe stop ik met gokken", "wat doe ik als ik vanavond
# weer wil gokken"): the habit is the object of "stoppen", not life (residents' round 44: a 19-year-old
# with gambling debts was asked twice whether he thought of suicide, once after saying no).
_ADDICTION = re.compile(r"\b(?:gok\w*|casino\w*|wedden|weddenschap\w*|drank|drinken|zuipen|alcohol|blow\w*|wiet|"
                        r"roken|sigaretten|coke|cocaine|gamen|gamet|gaming|gambling|gamble|drinking)\b")
_RESIST = re.compile(r"\b(?:stoppen|stop|minderen|laten|afkicken|ophouden|weerstaan|drang|zin om|weer|terugwinnen|winnen|quit)\b")

# Hearing, sight or walking that got worse: "want ik hoor niet zo goed meer" (residents' round 47: a widow giving
# her number with it was asked whether she thought of suicide).
_SENSES = re.compile(r"\b(?:hoor|hoort|zie|ziet|loop|loopt|lees|leest)(?: \w+){0,2}? (?:niet|slecht) (?:zo |erg |heel )?"
                     r"(?:goed |best |scherp |ver )?meer\b")

# Only short messages: a long letter says much more than its "niet meer" (a farewell letter that
# also says "u hoeft mij niet meer te bellen" is the models' and the rules' to judge).
MAX_WORDS = 35


def is_practical_trouble(text: str) -> bool:
    """True when every "niet meer" in a short text has an everyday object, or the text is "done
    with" a thing, and no word of risk or farewell stands anywhere in it."""
    if len(text.split()) > MAX_WORDS:
        return False
    norm = normalise(text).text
    if _RISK.search(norm):
        return False
    occurrences = [m.start() for m in _NIET_MEER.finditer(norm)]
    if not occurrences:
        return ((bool(_DONE_WITH.search(norm)) and "klaar mee ." not in norm) or bool(_EVICTION.search(norm))
                or bool(_ADDICTION.search(norm) and _RESIST.search(norm)) or bool(_SENSES.search(norm)))
    practical = {m.end() - len("niet meer") for m in _BEFORE.finditer(norm)}
    practical |= {m.start() for m in _AFTER.finditer(norm)}
    return all(start in practical for start in occurrences)
