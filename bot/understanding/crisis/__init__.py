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
2. Each rule is a ``(rule id, route, compiled regex)`` tuple, in one module per route. The regexes
   run on the normalised text, so ``" "`` means "next word" and ``,``/``.`` are clause ends.
3. A few negation patterns ("ik denk niet aan zelfmoord", "I'm not going to hurt myself") switch
   off a hit that lies inside them. Most rules avoid negation by construction: the words allowed
   between the parts of a phrase never include a negator, so "ik wil niet dood" does not match
   "ik wil ... dood", while "ik wil niet meer leven" has its own rule ("niet meer" is not a
   negation of the wish). A denial of an act of one's own ("ik ga heus niet voor de trein
   springen") switches off 112/113 hits inside it (``SELF_NEGATIONS``), never Veilig Thuis hits:
   "ik wil niet dat hij me slaat" still tells of violence.
4. A few rules only count when the message also holds a context (``CONTEXT_REQUIRED``):
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

Where things are: the building blocks (patterns.py), the rules per route with the contexts they
need or exclude (rules_112.py, rules_113.py, rules_veilig_thuis.py, joined in rules.py), the
negations and denials (negation.py), the figures of speech (figures_of_speech.py), the crisis
told as past, over or for a lesson (told_as_past.py), normalisation (normalise.py) and the engine
that runs them (engine.py). Beside its rules each route module keeps EXAMPLES_<route>: per rule id
the messages it must and must not match, checked by tests/bot/understanding/test_crisis_rule_examples.py.
Callers import from this package only.
"""
from __future__ import annotations

from bot.understanding.crisis.engine import (
    ROUTE_PRIORITY,
    CrisisSignal,
    crisis_signals,
    detect_crisis,
    is_near_miss,
    is_negated_crisis,
    is_told_as_long_ago,
    is_told_as_over,
    is_told_as_past_or_information,
)
from bot.understanding.crisis.figures_of_speech import NEAR_MISSES
from bot.understanding.crisis.negation import DENIALS, NEGATIONS, SELF_NEGATIONS
from bot.understanding.crisis.normalise import Normalised, normalise
from bot.understanding.crisis.rules import RULES
from bot.understanding.crisis.told_as_past import TOLD_AS_PAST

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
    "Normalised",
    "ROUTE_PRIORITY",
    "TOLD_AS_PAST",
    "is_told_as_long_ago",
    "is_told_as_over",
    "is_told_as_past_or_information",
]
