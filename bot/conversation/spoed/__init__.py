"""Urgent needs: find a resident who needs help TODAY (no bed tonight, eviction tomorrow, no food).

Why this module exists: a 17-year-old put out of the house, with no bed tonight, was told that a
meedenker would call on Monday or Tuesday (issue 25). A need that cannot wait a working day is
not a crisis (no 112, 113 or Veilig Thuis), but the resident must hear what can happen today: the
region's same-day contacts (``bot/sociale_kaart.vandaag``) and an urgent callback. This module
names that need from the resident's words; the dialogue decides what to say.

The needs are a fixed set, shared with the sociale kaart files (``voor:`` of a ``vandaag`` entry):

=========== =====================================================================
onderdak    no bed tonight: put out of the house, sleeping outside, homeless now
uitzetting  an eviction that is set (tomorrow, Friday, a date) or under way
energie     gas, electricity or water cut off, or cut off on a set day
eten        no food in the house, no money for food
medicijnen  no money for medicines, the pharmacy will not hand them over, run out
geld        no money at all now (an empty or blocked account, nothing until payday)
jongeren    not a need but a group: entries only for young people (De Kindertelefoon)
=========== =====================================================================

How it works, in the style of ``bot/understanding/crisis/`` (whose :func:`~bot.understanding.crisis.normalise` it uses):

1. The text is normalised (lower case, accents and apostrophes gone, ``mn`` -> ``mijn``, ``nie``
   -> ``niet``, punctuation reduced to ``,`` and ``.`` tokens), so ``" "`` in a pattern means
   "next word".
2. Each :class:`Rule` is a regex for one need, with examples it must and must not match. A rule
   is *timed* when its own words say when ("morgen", "vrijdag", "op 12 december", "vannacht").
   An untimed rule describes a state that is urgent by itself ("ze hebben het gas afgesloten",
   "we hebben niks meer te eten", "mijn vader heeft me eruit gegooid").
3. Negation is handled by construction: the words allowed between the parts of a phrase never
   include ``niet``/``geen``/``nooit``, so "het gas is gelukkig niet afgesloten" does not match.
4. A worry or a hypothesis before an untimed hit in the same sentence switches it off ("ik ben
   bang dat we uit huis worden gezet", "wat moet ik doen als het gas wordt afgesloten?"): that
   is a question for a meedenker, not for today. A timed hit stays ("ik ben bang dat we morgen
   uit huis worden gezet").
5. A clause told as long past ("vorig jaar", "jaren geleden", "toen ik 17 was") switches off the
   hits inside it, unless the same clause speaks of now ("nu weer", "vannacht"). A message that
   says the need was solved after the hit ("nu woon ik bij mijn oma") switches off untimed hits
   before it.
6. A sentence that puts an untimed need weeks or months ahead ("over een jaar", "nog 2
   maanden") or makes it a monthly pattern ("aan het eind van de maand", "elke maand") is not
   for today (``LATER``). A few rules are switched off by words that give them another meaning
   in the message (``CONTEXT_EXCLUDED``: night care for someone with dementia is not a bed for
   the resident).

When in doubt the rules lean towards *not* flagging a need: unlike the crisis rules, a miss here
still leaves the resident with a meedenker, while a false "what can happen today" answer to
"ik zoek een huurhuis" tells a resident that the assistant did not listen.

Where things are: the needs and records (needs.py), the rules (rules.py) and the engine with
its guards (engine.py). Callers import from this package only.
"""
from __future__ import annotations

from bot.conversation.spoed.needs import (
    DETECTED_NEEDS,
    GROUP_YOUNG,
    NEEDS,
    ONDERDAK,
    Rule,
    UrgentSignal,
)
from bot.conversation.spoed.rules import (
    RULES,
)
from bot.conversation.spoed.engine import (
    urgent_need,
    urgent_needs,
    urgent_signals,
)

__all__ = [
    "DETECTED_NEEDS",
    "GROUP_YOUNG",
    "NEEDS",
    "ONDERDAK",
    "RULES",
    "Rule",
    "UrgentSignal",
    "urgent_need",
    "urgent_needs",
    "urgent_signals",
]
