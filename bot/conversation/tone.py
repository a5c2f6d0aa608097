"""How to address the resident: "je" or "u" (issue 25, tone).

A meedenker says "je" to a young person who writes informally, and to anyone who says "je" to
them; "u" otherwise. Why it matters: a 17-year-old put out of the house was called "u" throughout
and felt talked down to. Once "je", the conversation stays "je" (the NLU component sets the slot
`aanspreek` only when this module says so; Rasa keeps it).
"""
from __future__ import annotations

import re

JE = "je"

# The resident addresses the assistant with "je"/"jij": "kun je me helpen", "weet jij", "heb je".
_SAYS_JE = re.compile(
    r"\b(?:kun|kan|kon|wil|weet|ben|heb|mag|zou|snap|begrijp|ken|help|hoor|zie|denk|vind|doe|ga)\s+(?:je|jij)\b"
    r"|\b(?:jij|jou|jouw)\b|\bdank\s+je\b|\bbedankt\s+he\b"
    # Asks for it: "je mag gewoon je zeggen hoor", "zeg maar je", "mag ik je zeggen", "tutoyeren".
    r"|\b(?:je|jij)\s+(?:zeggen|zegt)\b|\bzeg\s+(?:maar\s+)?(?:je|jij)\b|\btutoyeren\b",
    re.IGNORECASE,
)
# Says they are young: an age from 12 to 21, or school words of a pupil.
_YOUNG = re.compile(
    r"\bik\s+ben\s+(?:pas\s+|net\s+|bijna\s+)?(?:1[2-9]|2[01])\b|\b(?:1[2-9]|2[01])\s*(?:jaar|jr|j)\b"
    r"|\b(?:brugklas|onderbouw|bovenbouw|vmbo|havo|vwo|mbo|stage|mijn\s+mentor|mn\s+mentor|m'n\s+mentor)\b"
    r"|\bmijn\s+(?:ouders|pa|ma)\b|\bmn\s+(?:ouders|pa|ma|vader|moeder)\b|\bthuis\s+wonen\b",
    re.IGNORECASE,
)
# Writes informally: chat spelling, no capitals, slang.
_INFORMAL = re.compile(
    r"\b(?:ff|effe|mn|m'n|zn|wtf|kk|ofzo|ofz|idk|btw|lol|ik\s+weet\s+nie|nie|wa|iets\s+ofzo|man|bro|ouwe|heftig|echt\s+kut|kut|fk)\b"
    r"|\?\?|!!",
    re.IGNORECASE,
)


# Street talk only young people write ("yo ff eerlijk", "mattie", "wollah", "doekoe"): "je" on its own
# (residents' round 41: "yo ff eerlijk ik zit diep in de shit" was asked "denkt u erover...").
_STREET = re.compile(
    r"\b(?:yo|bro|mattie|matties|wollah|wallah|ik\s+zweer|skeer|doekoe|osso|bradda|sahbi|sahbie|ewa|waggie|"
    r"fittie|tagga|fissa|swa|bruh|wyf"
    # Chat abbreviations of teenagers (residents' round 47: "hoi. school is echt te veel rn" was called "u").
    r"|rn|ngl|istg|tbh|wss|omg|fr\s+fr)\b",
    re.IGNORECASE,
)


def address(text: str) -> str | None:
    """JE when the resident says "je" to the assistant, or writes informally and says they are
    young; None when nothing in this message says so (the earlier choice stays)."""
    if _SAYS_JE.search(text) or _STREET.search(text):
        return JE
    if _YOUNG.search(text) and (_INFORMAL.search(text) or text[:1].islower()):
        return JE
    return None
