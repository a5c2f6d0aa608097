"""What a message is, besides an answer: the readers the dialogue asks before it moves on.

A meedenker first hears what a message is (conversation guide, "Listen before moving on"): a stop,
a correction, "bellen is te eng", "hij komt eraan", a change of a detail given earlier. Each reader
here is a small pattern over the resident's words, tested on its own (tests/bot/conversation/test_reading.py);
the dialogue (bot/conversation/dialogue/) decides what to do with it.
"""
from __future__ import annotations

import re
import unicodedata

from bot.understanding.classifier import Lexicon
from bot.understanding.werkmodel import LEEFGEBIED_LABELS, LEEFGEBIEDEN


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[’`]", "'", text)


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# "113 bellen is een te grote stap", "ik durf niet te bellen", "kan ik niet gewoon typen".
_CALLING_TOO_BIG = _any(
    r"\b(?:te\s+(?:grote|groot|zware|zwaar|moeilijke?|eng)\s+(?:stap|drempel))\b",
    r"\bbellen\s+(?:is|vind\s+ik|voelt)\s+(?:\w+\s+)?(?:te\s+)?(?:eng|moeilijk|zwaar|veel|groot|spannend)\b",
    r"\b(?:durf|kan|wil|ga)\s+(?:ik\s+)?(?:echt\s+)?(?:niet|nie|geen)\s+(?:te\s+)?(?:bellen|praten|telefoneren)\b",
    r"\b(?:ik\s+)?(?:durf|kan)\s+(?:het|dat)\s+niet\s+(?:te\s+)?(?:bellen|zeggen)\b",
    r"\bniet\s+(?:durven|kunnen|willen)\s+bellen\b|\bbellen\s+durf\s+ik\s+niet\b|\bbellen\s+lukt\s+(?:me\s+|mij\s+)?niet\b",
    r"\bliever\s+(?:niet\s+bellen|chatten|typen|schrijven)\b|\bkan\s+(?:ik\s+)?(?:ook\s+)?(?:niet\s+)?(?:gewoon\s+)?(?:chatten|typen)\b",
    r"\bbellen\s+(?:is\s+)?(?:niks|niets)\s+voor\s+mij\b|\bgeen\s+(?:beltegoed|telefoontegoed)\b",
    r"\b(?:can'?t|cannot|don'?t\s+want\s+to|too\s+scared\s+to|afraid\s+to)\s+(?:call|phone|talk)\b|\brather\s+(?:chat|text|type)\b",
    r"\bcalling\s+is\s+too\b",
    # "ik ga niet naar 113 bellen, daar word ik bang van", "113 bellen durf ik niet", "ik bel niet".
    r"\b(?:ga|wil|durf|kan)\s+(?:ik\s+)?(?:echt\s+)?(?:niet|nie|nooit)\s+(?:naar\s+)?(?:113|de\s+113|0800[\s-]?0113|die\s+lijn|daar|ze|hen|jullie)\s+(?:te\s+)?(?:bellen|op\s*bellen)\b",
    r"\b(?:113|0800[\s-]?0113)\s+bellen\s+(?:durf|wil|kan|ga)\s+ik\s+niet\b|\bik\s+bel\s+(?:echt\s+)?(?:niet|nooit)\b",
    r"\bbellen\b[^.!?]{0,40}\b(?:word|wordt|raak)\s+ik\s+(?:bang|zenuwachtig|paniekerig)\b|\bbang\s+(?:om|voor)\s+(?:te\s+)?bellen\b",
)

# "Hij komt eraan": the person the resident is afraid of is near. Only read in a conversation
# about violence at home (the dialogue decides that), where it asks for one short line.
_ABUSER_NEAR = _any(
    # Not "hij is er nog niet", "hij is er NIET", "hij komt er over 10 min" (residents' round 40: a
    # 16-year-old asking where to chat got "Sluit dit gesprek nu" three times).
    r"\b(?:hij|ze|zij|mijn\s+man|mn\s+man|m'n\s+man|mijn\s+vriend|mijn\s+partner|mijn\s+ex)\s+(?:komt|is)\s+"
    r"(?:er\s*)?(?:nu\s+)?(?:aan|thuis|binnen|terug|eraan|hier|er)\b"
    r"(?!\s+(?:(?:nog|nu|echt|dus|gelukkig|gewoon|vandaag)\s+)*(?:niet|nie|pas|over\s+\w+\s+(?:min|minuten|uur|kwartier)|vanavond|morgen|straks|later)\b)",
    r"\b(?:hij|ze|zij)\s+staat\s+(?:voor|aan|bij)\s+de\s+deur\b|\bik\s+hoor\s+(?:hem|haar)\s+(?:thuiskomen|binnenkomen|de\s+deur|op\s+de\s+trap)\b",
    r"\bik\s+hoor\s+de\s+(?:sleutel|deur|auto)\b|\b(?:moet|ga)\s+(?:nu\s+)?(?:snel\s+)?(?:stoppen|weg|ophouden)\s*,?\s*(?:hij|ze|zij)\b",
    r"\b(?:he|she)(?:'s|\s+is)\s+(?:coming|home|back|here)\b|\bi\s+hear\s+(?:him|her)\b",
    # Residents' round 39: "hij wordt wakker, ik moet stoppen" got the summary with 'slaat' on screen.
    r"\b(?:hij|ze|zij|mijn\s+man|mn\s+man|m'n\s+man|mijn\s+vriend|mijn\s+partner)\s+(?:wordt|werd|is)\s+(?:net\s+)?wakker\b",
    r"\bik\s+moet\s+(?:nu\s+)?(?:snel\s+)?(?:stoppen|ophouden|weg)\s*[.!]*\s*$",
    r"\b(?:he|she)(?:'s|\s+is)\s+waking\s+up\b|\bi\s+(?:have|need)\s+to\s+(?:stop|go)\s+now\b",
)

# "Ok ze is weer weg": the person the resident was afraid of has gone again (after "hij komt eraan").
_ABUSER_GONE = _any(
    r"\b(?:hij|ze|zij|mijn\s+man|mn\s+man|m'n\s+man|mijn\s+vriend|mijn\s+partner|mijn\s+moeder|mijn\s+vader)\s+is\s+"
    r"(?:\w+\s+)?(?:weer\s+)?(?:weg|vertrokken|de\s+deur\s+uit|naar\s+(?:zijn|haar)\s+werk|boven|naar\s+bed|slapen)\b",
    r"\b(?:he|she)(?:'s|\s+is)\s+(?:gone|left)\b",
)


def abuser_gone(text: str) -> bool:
    """"Ok ze is weer weg": after closing the chat in a hurry, the resident is back."""
    return bool(_ABUSER_GONE.search(_fold(text)))


# "Kan hij dit zien?": whether someone else can read this chat.
_CAN_SEE = _any(
    r"\b(?:kan|kunnen|ziet|zien|leest|lezen)\s+(?:hij|ze|zij|mijn\s+man|m'?n\s+man|mn\s+man|mijn\s+partner|mijn\s+vriend|iemand(?:\s+anders)?)\s+"
    r"(?:dit|dat|het|deze|mijn)?\s*(?:\w+\s+)?(?:zien|lezen|terugzien|terugvinden|meelezen)?\b.*\b(?:gesprek|chat|bericht\w*|telefoon|dit)\b",
    r"\b(?:kan|ziet)\s+(?:hij|ze|zij|mijn\s+man)\s+(?:dit|het)\s+(?:zien|lezen)\b",
    r"\bcan\s+(?:he|she|someone)\s+(?:see|read)\s+(?:this|my)\b",
    r"\bhoe\s+(?:haal|wis|verwijder)\s+ik\s+(?:dit|het|deze)\s+(?:gesprek|chat)\s*(?:weg)?\b|\bgesprek\s+(?:wissen|weghalen|verwijderen)\b",
)

# "Stop": the form, the conversation, or taken back.
# "stop" again, or "ik doe het later wel" (residents' round 36, each got "Sorry, dat begrijp ik niet"):
# the questions stop, the conversation stays, and "toch doorgaan" takes it back.
_STOP_FORM = _any(r"^\s*(?:stop|stoppen)?\s*(?:de|met\s+de)\s+vragen\b", r"\balleen\s+de\s+vragen\b", r"\bhet\s+formulier\b",
                  r"^\s*(?:stop|stoppen|ik\s+stop|ik\s+wil\s+stoppen)\s*[.!]*\s*$",
                  r"\b(?:ik\s+doe\s+het|doe\s+ik\s+het|ik\s+kom)\s+(?:wel\s+)?(?:later|een\s+andere\s+keer|morgen)\b",
                  r"^\s*(?:later|een\s+andere\s+keer|nu\s+even\s+niet|even\s+niet)\b")
_STOP_ALL = _any(r"\b(?:het\s+)?(?:hele\s+)?gesprek\b", r"\balles\b", r"\bhelemaal\b", r"\bwhole\s+conversation\b|\beverything\b")
_GO_ON = _any(r"^\s*(?:toch\s+)?(?:door|doorgaan|verder|ga\s+(?:maar\s+)?(?:door|verder)|niet\s+stoppen)\b",
              r"\btoch\s+(?:door|verder)\b|\bik\s+wil\s+(?:toch\s+)?(?:door|verder)\b|\bgo\s+on\b|\bcontinue\b",
              # "toch wel", "ik wil toch dat de meedenker belt" (residents' round 36: a goodbye followed)
              r"^\s*(?:nee\s*,?\s*)?(?:ja\s*,?\s*)?toch\s+wel\b|\bik\s+wil\s+toch\s+(?:dat|wel|graag|gebeld|bellen)\b"
              r"|\btoch\s+(?:wel\s+)?(?:bellen|gebeld\s+worden)\b")

# "Weet ik niet", "zeg ik liever niet": a field the resident may skip.
_SKIP = _any(
    r"^\s*(?:dat\s+)?(?:weet\s+ik\s+(?:niet|nie)|geen\s+idee|ik\s+weet\s+(?:het\s+)?(?:niet|nie))\b",
    r"\b(?:zeg|vertel|geef|noem)\s+ik\s+(?:liever|echt)\s+niet\b|\bliever\s+niet\b|\bsla\s+(?:maar\s+)?over\b|\boverslaan\b",
    r"\bverder\s+zonder\b|\bzonder\s+(?:naam|gemeente|woonplaats)\b|\bI\s+don'?t\s+know\b|\bskip\b|\brather\s+not\b",
)

# "Mijn nummer is toch 06…", "ander nummer": a detail given earlier is changed.
_CHANGE = {
    "contact": _any(r"\b(?:mijn|mn|m'n)\s+(?:nummer|telefoonnummer|mail|e-?mail(?:adres)?)\s+is\s+(?:toch|eigenlijk|anders)\b",
                    r"\b(?:ander|verkeerd|nieuw)e?\s+(?:nummer|telefoonnummer|mailadres|e-?mailadres)\b",
                    r"\bnummer\s+(?:klopt|was)\s+niet\b|\b(?:nummer|mail)\s+(?:veranderen|wijzigen|aanpassen)\b"),
    "naam": _any(r"\b(?:mijn|mn|m'n)\s+naam\s+is\s+(?:toch|eigenlijk)\b|\bnaam\s+(?:veranderen|wijzigen|aanpassen)\b|\bandere\s+naam\b"),
    "moment": _any(r"\b(?:ander|beter)\s+(?:moment|tijd|dagdeel|dag)\b|\b(?:moment|tijd)\s+(?:veranderen|wijzigen|aanpassen)\b"),
    "gemeente": _any(r"\b(?:andere|verkeerde)\s+(?:gemeente|woonplaats)\b|\bgemeente\s+(?:veranderen|wijzigen|klopt\s+niet)\b"),
    "voorkeur": _any(r"\b(?:andere|ander)\s+(?:meedenker|wens|voorkeur)\b|\bvoorkeur\s+(?:veranderen|wijzigen)\b"),
}

# A correction of the summary: "het gaat niet over school", "geen schulden", "werk klopt niet".
_NOT_ABOUT = re.compile(
    r"\b(?:het\s+)?(?:gaat|ging)\s+(?:\w+\s+)?(?:niet|nie)\s+(?:over|om)\s+(?P<a>[\w\s'-]{2,40}?)(?=[,.;!?]|\s+maar\b|\s+en\b|$)"
    r"|\b(?:niet|nie)\s+over\s+(?P<b>[\w\s'-]{2,40}?)(?=[,.;!?]|\s+maar\b|\s+en\b|$)"
    r"|\b(?P<c>[\w'-]{3,30}(?:\s+[\w'-]{3,30})?)\s+klopt\s+(?:niet|nie)\b"
    r"|\b(?:it'?s|it\s+is|is)\s+not\s+about\s+(?P<d>[\w\s'-]{2,40}?)(?=[,.;!?]|\s+but\b|$)"
    # "nee niet werk, brief" (A2 Dutch), "not about geld en post", "i write NOT geld en post"
    # "nee niet geld en post, het gaat over ..." (residents' round 47: read back as "geld en post" again)
    r"|(?:^|[.!?]\s*)(?:nee[\s,.!]*)?(?:niet|nie)\s+(?P<e>[\w'-]{3,30}(?:\s+(?:en|of)\s+[\w'-]{3,30})?)(?=\s*[,.;!?]|\s+maar\b|$)"
    r"|\bnot\s+(?:about\s+)?(?P<f>[\w\s'-]{2,40}?)(?=[,.;!?]|\s+but\b|$)"
    # "neen, gezondheid niet." (residents' round 45: the summary named gezondheid again)
    r"|(?:^|[.!?,]\s*)(?:nee|neen|nope)?[\s,]*(?P<g>[\w'-]{3,30})\s+(?:niet|nie)(?=\s*[,.;!?]|$)",
    re.IGNORECASE,
)
# Only a short reply that is nothing but the denial: "ik heb geen werk" is a worry, not a correction.
_GEEN = re.compile(r"^\s*(?:nee[\s,.!]*)?(?:het\s+is\s+|het\s+gaat\s+om\s+)?(?:geen|niks\s+met|niets\s+met)\s+(?P<x>[\w'-]{3,30})\s*[.!]?\s*$",
                   re.IGNORECASE)

# Negation before a word of evidence: "niemand doet me pijn" is not about pain.
# Only words that deny the whole event: "geen geld", "niet betalen", "nooit werk" are worries.
_NEGATORS = frozenset({"niemand", "nobody", "noone"})
_NEGATION_REACH = 4  # words between the negator and the evidence


def calling_too_big(text: str) -> bool:
    """"Bellen is een te grote stap": offer a chat instead of a phone call."""
    return bool(_CALLING_TOO_BIG.search(_fold(text)))


# A plan for now told after danger was heard ("ik ga ze vanavond nemen", "vannacht doe ik het"): the
# "ze" or "het" is the danger told before (residents' round 40: it got the listening line).
_PLAN_NOW = _any(
    r"\bik\s+(?:neem|slik|doe)\s+(?:ze|het|die|dat|alles)\s+(?:\w+\s+){0,2}(?:vanavond|vannacht|straks|zo|nu|"
    r"meteen|morgen|vandaag)\b(?!\s+(?:niet|nie)\b)"
    r"|\bik\s+ga\s+(?:ze|het|die|dat|alles)\s+(?:\w+\s+){0,2}(?:vanavond|vannacht|straks|zo|nu|meteen|morgen|vandaag)"
    r"\s+(?:\w+\s+){0,2}(?:nemen|innemen|slikken|doen|opmaken|gebruiken)\b"
    r"|\b(?:vanavond|vannacht|straks|vandaag|morgen)\s+(?:ga|neem|slik|doe)\s+ik\s+(?:ze|het|die|dat|alles)\b"
    r"|\bi(?:'m|\s+am)\s+(?:going\s+to|gonna)\s+(?:take\s+them|do\s+it)\s+(?:tonight|now|today)\b")


def plan_now(text: str) -> bool:
    """"Ik ga ze vanavond nemen" after danger was heard: the plan, now."""
    folded = _fold(text)
    return bool(_PLAN_NOW.search(folded)) and not re.search(r"\b(?:niet|nie|nooit|never|not)\b", folded)


_RETURNED = re.compile(
    r"\b(?:ik\s+ben|ben)\s+(?:er\s+|hier\s+)?(?:weer|terug)\b|\bhij\s+is\s+(?:\w+\s+)?(?:weer\s+)?(?:weg|vertrokken)\b"
    r"|\bhij\s+is\s+(?:de\s+deur\s+)?uit\b|\bi'?m\s+back\b|\bi\s+am\s+back\b|\bhe(?:'s|\s+is|\s+has)\s+(?:gone|left)\b",
    re.IGNORECASE)


def back_after_leaving(text: str) -> bool:
    """"Sorry ik ben er weer, hij is weer weg": back after closing the chat for the one who hurts them."""
    return bool(_RETURNED.search(_fold(text))) and not abuser_near(text)


_NOT_HOME_TONIGHT = _any(
    r"\b(?:durf|durft|durven|wil|kan)\s+(?:\w+\s+){0,3}?(?:niet|nie)\s+(?:meer\s+)?(?:naar\s+huis|thuis\s+(?:te\s+)?(?:komen|slapen))\b"
    r"|\bbang\s+om\s+(?:naar\s+huis|thuis)\b|\b(?:slaap|slapen)\s+(?:\w+\s+){0,2}(?:buiten|op\s+straat|in\s+het\s+park)\b"
    r"|\bniet\s+naar\s+huis\s+(?:gaan|durven)\b|\b(?:afraid|scared)\s+to\s+go\s+home\b|\bsleep\s+(?:outside|in\s+the\s+park)\b")


def not_home_tonight(text: str) -> bool:
    """"Ik durf vanavond niet naar huis", "slaap wel in het park": where to be safe tonight, after
    violence at home was heard (residents' round 45: "Dat is goed", then a topic menu)."""
    return bool(_NOT_HOME_TONIGHT.search(_fold(text)))


def abuser_near(text: str) -> bool:
    """"Hij komt eraan": in a conversation about violence at home, one short line to close the chat."""
    folded = _fold(text)
    # "ik ben nu niet in gevaar hoor. hij is er nu niet" (residents' round 43: "Sluit dit gesprek nu").
    if re.search(r"\b(?:niet|nie|geen)\s+(?:meer\s+)?(?:in\s+)?gevaar\b|\bnot\s+in\s+danger\b", folded):
        return False
    return bool(_ABUSER_NEAR.search(folded))


def asks_who_can_see(text: str) -> bool:
    """"Kan hij dit zien?" or "hoe haal ik dit gesprek weg?"."""
    return bool(_CAN_SEE.search(_fold(text)))


# "wat bedoel je?", "ik begrijp niet. wat bedoel je gegevens?" (residents' round 36: an A2 writer's
# "ik begrijp niet" at "Mag ik ze vragen?" was read as a no and the callback dropped). Only about
# the question itself: "ik begrijp de brief niet" is the resident's worry.
_WHAT_IS_MEANT = _any(
    r"\bwat\s+(?:bedoel|bedoelt|bedoeld)\s+(?:je|jij|u|jullie|ze)\b|\bwat\s+betekent\s+(?:dat|dit|het)\b",
    r"^\s*(?:ik\s+)?(?:begrijp|snap|versta)\s+(?:het\s+|dit\s+|dat\s+|je\s+|u\s+|de\s+vraag\s+)?(?:niet|nie)\s*(?:[.!?,]|$)",
    r"^\s*(?:dat\s+|dit\s+|het\s+)?(?:begrijp|snap)\s+ik\s+(?:niet|nie)\b",
    r"^\s*(?:huh|hè|he)\s*\??\s*$|\bwhat\s+do\s+you\s+mean\b|\bi\s+do(?:n'?t|\s+not)\s+understand\s*(?:the\s+question)?\s*[.!?]*$",
)
MAX_WORDS_WHAT_IS_MEANT = 10


def asks_what_is_meant(text: str) -> bool:
    """The resident says they do not understand the question just asked."""
    return len(text.split()) <= MAX_WORDS_WHAT_IS_MEANT and bool(_WHAT_IS_MEANT.search(_fold(text)))


# "laat maar", "stop" at the summary, the offer or the consent (residents' round 38: "laat maar" was
# taken as a yes and "stop" asked the summary again).
_GIVE_UP = _any(r"^\s*(?:nee\s*,?\s*)?(?:laat\s+(?:ook\s+)?maar|stop|stoppen|ik\s+stop|hou\s+(?:maar\s+)?op|"
                r"vergeet\s+(?:het|dat)\s+maar|ik\s+doe\s+het\s+(?:wel\s+)?later(?:\s+wel)?|"
                r"(?:ik\s+)?(?:zei|zeg)\s+(?:toch\s+)?stop)\b")


def gives_up(text: str) -> bool:
    """The resident stops before the form: "laat maar", "stop", "ik doe het later wel"."""
    return bool(_GIVE_UP.search(_fold(text))) and not meant_yes(text)


def stop_choice(text: str) -> str | None:
    """The answer to "stop with what?": 'formulier', 'gesprek', 'door' (taken back), or None."""
    folded = _fold(text)
    if _GO_ON.search(folded):
        return "door"
    if _STOP_FORM.search(folded):
        return "formulier"
    if _STOP_ALL.search(folded):
        return "gesprek"
    return None


def wants_to_skip(text: str) -> bool:
    """"Weet ik niet", "zeg ik liever niet", "verder zonder": go on without this field."""
    return bool(_SKIP.search(_fold(text)))


# After the ticket: "ik wil mijn nummer veranderen", "mijn gegevens kloppen niet", "kan ik nog iets
# wijzigen?" (residents' round 38: asked three times, sent to De Luisterlijn, then a second ticket).
_WANTS_CHANGE = _any(
    r"\b(?:iets|wat|gegevens|nummer|telefoonnummer|mail|e-?mail(?:adres)?|naam|moment|tijd|gemeente|adres|voorkeur)\b"
    r"[\w\s'-]{0,30}?\b(?:veranderen|wijzigen|aanpassen|verbeteren|klopt\s+niet|kloppen\s+niet|verkeerd|fout)\b",
    r"\b(?:veranderen|wijzigen|aanpassen)\b[\w\s'-]{0,20}?\b(?:gegevens|nummer|naam|moment|gemeente|mail)\b",
    r"\bverkeerde?\s+(?:nummer|naam|gemeente|mail|e-?mailadres)\b",
    r"\b(?:nummer|telefoonnummer|naam|moment|tijd|gemeente|mail|e-?mailadres)\s+(?:wordt|moet\s+zijn|is\s+(?:toch|eigenlijk|nu))\b",
    r"\b(?:wil|moet|kan|mag|wilde|kunt|kun)\s+(?:\w+\s+){0,3}(?:veranderen|wijzigen|aanpassen|verbeteren)\b",
    r"\b(?:mijn|mn|m'n)\s+(?:telefoon)?nummer\s+is\b",
    # "kan het nummer nog anders? liever het nummer van mijn dochter" (residents' round 48)
    r"\b(?:kan|mag)\s+(?:het|mijn|mn|m'n|dat)\s+(?:telefoon)?(?:nummer|mail|e-?mailadres|moment)\s+(?:nog\s+)?anders\b"
    r"|\bliever\s+(?:het|een)\s+(?:ander\s+)?(?:telefoon)?nummer\s+van\b",
)


def wants_change(text: str) -> bool:
    """A wish to change a detail already given ("ik wil mijn nummer veranderen"), or a new value
    with the field it changes ("mijn nummer is toch ...")."""
    return changes_field(text) is not None or bool(_WANTS_CHANGE.search(_fold(text)))


_MAYBE = _any(r"^\s*(?:misschien|soms|af en toe|een beetje|wel een beetje|weet (?:ik )?(?:het )?niet|ik weet (?:het )?niet|"
               r"geen idee|kan zijn|zou kunnen|beetje|eigenlijk wel|maybe|sometimes|i don'?t know|not sure)\b")


def says_maybe(text: str) -> bool:
    """"Misschien", "soms", "weet ik niet": to a question about danger, not a no."""
    return bool(_MAYBE.search(_fold(text)))


def changes_field(text: str) -> str | None:
    """The form field a message changes ("mijn nummer is toch…"), or None."""
    folded = _fold(text)
    for field_name, pattern in _CHANGE.items():
        if pattern.search(folded):
            return field_name
    return None


def _negated_phrases(text: str) -> list[str]:
    phrases = []
    for match in _NOT_ABOUT.finditer(text):
        phrase = next((g for g in match.groups() if g), "")
        phrases.append(phrase.strip())
    phrases += [m.group("x") for m in _GEEN.finditer(text)]
    return [p for p in phrases if p]


def _lexicon() -> Lexicon:
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Lexicon.load()
    return _LEXICON


_LEXICON: Lexicon | None = None


def topics_denied(text: str, known: dict[str, dict]) -> list[str]:
    """The leefgebieden a correction removes: "het gaat niet over school" removes 'leren'.

    A denied phrase removes a topic when the lexicon reads the phrase as that topic, when the
    phrase is one of the words that led to it, or when it names the topic's label.
    """
    denied: list[str] = []
    for phrase in _negated_phrases(_fold(text)):
        for key in LEEFGEBIEDEN:
            evidence = [e.lower() for e in known.get(key, {}).get("evidence", [])]
            label_words = LEEFGEBIED_LABELS[key].replace(",", " ").split()
            words = phrase.lower().split()
            if (_lexicon().evidence(key, phrase) or any(w in evidence or any(w in e.split() for e in evidence) for w in words)
                    or any(w in label_words and len(w) > 3 for w in words) or key in words):
                if key not in denied:
                    denied.append(key)
    return denied


def is_negated(phrase: str, text: str) -> bool:
    """Whether every occurrence of `phrase` in `text` stands shortly after a negation word.

    Why: evidence in a negated clause is not evidence ("niemand doet me pijn", "geen schulden").
    """
    tokens = re.findall(r"[\w'-]+", _fold(text))
    target = re.findall(r"[\w'-]+", _fold(phrase))
    if not target:
        return False
    seen = False
    for i in range(len(tokens) - len(target) + 1):
        if tokens[i:i + len(target)] != target:
            continue
        seen = True
        window = tokens[max(0, i - _NEGATION_REACH):i]
        # "mijn vader is niet dakloos", "ik ben niet verslaafd": a state denied (residents' round 42: the
        # summary said "U schreef over 'dakloos'"). Not "geen geld" or "kan niet werken": those are the need.
        denied_state = len(window) >= 2 and window[-1] in ("niet", "nooit") and window[-2] in _COPULAS
        if not (any(word in _NEGATORS for word in window) or denied_state):
            return _only_in_denials(target, tokens, _fold(text))
    return seen


def _only_in_denials(target: list[str], tokens: list[str], folded: str) -> bool:
    """Whether every occurrence of the words stands in a "niet over X" phrase of the same message
    ("het gaat niet over geld problemen. het gaat over de traplift": 'geld' is no evidence;
    residents' round 45, where the summary named it again right after the correction)."""
    denied = [re.findall(r"[\w'-]+", phrase) for phrase in _negated_phrases(folded)]
    inside = sum(1 for words in denied for i in range(len(words) - len(target) + 1) if words[i:i + len(target)] == target)
    total = sum(1 for i in range(len(tokens) - len(target) + 1) if tokens[i:i + len(target)] == target)
    return total > 0 and inside >= total


_COPULAS = frozenset({"is", "ben", "bent", "zijn", "was", "waren", "wordt", "word", "raakt", "lijkt"})


# English messages reach the dialogue as intent "engels" (the intent model is Dutch): read them.
_EN_INTENTS = (
    ("bevestigen", re.compile(r"^\s*(?:yes|yeah|yep|yup|ok|okay|sure|please|that'?s right|correct|right|go ahead)\b", re.I)),
    ("ontkennen", re.compile(r"^\s*(?:no|nope|not now|no thanks|not really|that'?s not right|wrong)\b", re.I)),
    ("mens_gevraagd", re.compile(r"\b(?:talk|speak)\s+to\s+(?:a|an|someone|somebody|a real)\s*(?:person|human|someone|people)?\b"
                                 r"|\b(?:a|real)\s+(?:person|human)\b|\bcall\s+me\b", re.I)),
    ("afscheid", re.compile(r"^\s*(?:bye|goodbye|see you|good night)\b", re.I)),
    ("bedankt", re.compile(r"^\s*(?:thanks|thank you|thx|cheers)\b", re.I)),
    ("groet", re.compile(r"^\s*(?:hello|hi|hey|good (?:morning|afternoon|evening))\b[\s!.,]*$", re.I)),
    ("luisteren", re.compile(r"\b(?:just want to talk|need someone to talk to|lonely|need to talk)\b", re.I)),
)


def english_intent(text: str) -> str:
    """The dialogue intent of an English message; a worry ("hulpvraag") when nothing else fits."""
    for intent, pattern in _EN_INTENTS:
        if pattern.search(text):
            return intent
    return "hulpvraag"


# A yes or a no at the start of a longer message ("ja klopt, en de brief zegt…"), or "bel me".
# "Laat die meedenker mij dan maar bellen": a yes to a callback and a wish for one alike.
_LET_CALL = r"\blaat\s+(?:\w+\s+){0,3}?(?:me|mij)\s+(?:\w+\s+){0,2}?(?:maar\s+)?(?:bellen|mailen|terugbellen)\b"
_CALL_ME = re.compile(r"\b(?:bel|bellen)\s+(?:me|mij)\b|\b(?:meedenker|iemand)\s+(?:mag\s+|kan\s+)?(?:belt|bellen)\s+(?:me|mij)\b|\b(?:ja\s+)?graag\s+bellen\b|\bmag\s+(?:me\s+|mij\s+)?bellen\b"
                      r"|\b(?:mail|e-?mail|mailen)\s+(?:me|mij)\b|\b(?:kan|wil|mag)\s+iemand\s+(?:me|mij)\s+(?:mailen|e-?mailen|bellen)\b"
                      r"|" + _LET_CALL +
                      r"|\bcall\s+me\b|\bemail\s+me\b|\[TELEFOON\]|\[EMAIL\]", re.IGNORECASE)
_CALL_ME_NOT = re.compile(r"\b(?:bel|bellen|belt)\s+(?:me|mij)\s+(?:maar\s+)?(?:niet|nie)\b|\bniet\s+bellen\b", re.IGNORECASE)
_INTERJECTION = r"(?:(?:huh|he|hè|eh|uh|uhm|ehm|nou|oh|o|ah|pff|haha|lol|wtf|jawel\s+maar)[\s,.!?]+)?"
_LEADING_YES = re.compile(r"^\s*" + _INTERJECTION + r"(?:ja|jaa+|jazeker|jawel|jep|jup|yes|yep|klopt|dat klopt|precies|inderdaad|zeker|"
                          r"graag|prima|goed|oke|ok|okay|is goed)\b", re.IGNORECASE)
_FIRM_NO = re.compile(r"^\s*" + _INTERJECTION + r"(?:nee|neen|no)\W+(?:liever\s+niet|dank\s*(?:u|je)?(?:\s+wel)?|hoeft\s+niet"
                      r"|niet\s+nodig|echt\s+niet|thanks)\b", re.IGNORECASE)
_LEADING_NO = re.compile(r"^\s*" + _INTERJECTION + r"(?:nee|neen|nope|no|klopt niet|dat klopt niet|niet echt|liever niet)\b", re.IGNORECASE)


# "ok en kan ik mijn gegevens laten verwijderen?" to "denkt u aan zelfdoding?": the "ok" acknowledges
# the message and the question is the point (residents' round 45: it was taken as a yes and got the
# whole 113 reply). Only words that can mean "fine" lead; "ja" stays a yes.
_ACKNOWLEDGED_QUESTION = re.compile(
    r"^\s*" + _INTERJECTION + r"(?:oke|oké|ok|okay|okee|prima|goed|is goed|top|chill|aha|ah|right|alright|all right|fine|"
    r"i see|got it|thanks|thank you|bedankt|dank u|dank je|dankje)\b[\s,.!]*"
    r"(?:en|maar|and|but)?\b\s*\S+(?:\s+\S+){2,}.*\?", re.IGNORECASE | re.DOTALL)


def acknowledged_question(text: str) -> bool:
    """An "ok" that leads a question of several words: an acknowledgement, not a yes."""
    return bool(_ACKNOWLEDGED_QUESTION.search(text))


def without_leading_yes(text: str) -> str:
    """The answer after a leading "ja," ("ja hoor, ik woon in Goes" -> "ik woon in Goes")."""
    found = _LEADING_YES.match(text)
    rest = text[found.end():] if found else text
    return re.sub(r"^[\s,.!:;-]*(?:hoor|hoor,|dat mag|mag)?[\s,.!:;-]*", "", rest, flags=re.IGNORECASE).strip()


def no_inside(text: str) -> bool:
    """A "nee" near the start that is not the lead word, with no yes or maybe anywhere: "Wat?? Nee
    natuurlijk niet." to the safety check (residents' round 43: asked again, "behoorlijk kwetsend")."""
    return bool(re.search(r"\b(?:nee|neen|nope|no)\b", text[:80], re.IGNORECASE)) \
        and not re.search(r"\b(?:ja|jawel|yes|soms|misschien)\b", text, re.IGNORECASE)


# "Laat maar, ja", "nee wacht, ik bedoelde ja!": a yes after a sigh or a slip (residents' round 44: both
# ended the conversation with "U kunt later altijd terugkomen").
_MEANT_YES = re.compile(r"^\W*laat\s+maar\W+(?:ja|jawel|goed|prima|oke?|okay)\b|\bbedoel(?:de)?\s+(?:dus\s+)?ja\b"
                        r"|\bi\s+meant\s+yes\b", re.IGNORECASE)


# "Nou goed, dan wacht ik op het telefoontje. Dag", "goed. dag", "ok i call huisarts myself. bye": a goodbye
# at the end of a short message (residents' round 44: "dag" got the greeting, others the summary again).
_BYE_AT_END = re.compile(r"(?:^|[\s.,!])(?:dag|doei|doeg|dooei|bye|byebye|tot\s+ziens|tot\s+later|ciao|groetjes"
                         # "nee. welterusten" (residents' round 48: "Waar kan ik u mee helpen?")
                         r"|welterusten|trusten|slaap\s+lekker|goede\s*nacht|goedenacht|ik\s+ga\s+(?:maar\s+)?(?:naar\s+bed|slapen)"
                         # "ok laat maar ik ga", "ik ben weg" (residents' round 46: "Waar kan ik je mee helpen?")
                         r"|(?:(?<=^)|(?<=[.,!]\s)|(?<=[.,!])|(?<=\bmaar\s)|(?<=\bok\s)|(?<=\boke\s)|(?<=\bnou\s)|(?<=\bdus\s))"
                         r"ik\s+(?:ga(?:\s+(?:maar|nu|dan|weer))*|ben\s+(?:\w+\s+)?weg|stop\s+ermee))\W*$", re.IGNORECASE)
MAX_WORDS_BYE = 14


def says_bye(text: str) -> bool:
    """A short message that ends with a goodbye ("... Dag", "ok doei", "bye")."""
    return len(text.split()) <= MAX_WORDS_BYE and bool(_BYE_AT_END.search(text.strip()))


def meant_yes(text: str) -> bool:
    """"Laat maar, ja", "ik bedoelde ja": a yes the intent model reads as a no."""
    return bool(_MEANT_YES.search(text))


def asks_to_be_called(text: str) -> bool:
    """"Bel me", "dan meedenker belt mij": a yes to the callback offer in so many words."""
    return bool(_CALL_ME.search(text)) and not _CALL_ME_NOT.search(text)


def yes_or_no(text: str, ok_with_question: bool = False) -> str | None:
    """'bevestigen' or 'ontkennen' for a reply to a yes/no question that says more than that.

    "ok" leading a question is no yes ("ok. en respijtzorg?? kunt u mij daar iets over vertellen"), unless
    `ok_with_question`: to the safety check "ok. wat moet ik doen?" is a yes (residents' round 45)."""
    if _FIRM_NO.search(text):
        # "nee liever niet, ik heb al gedaan. ik zeg nieuw nummer als meedenker belt mij" (residents' round 47:
        # the words about the meedenker calling were taken as a yes to a second form)
        return "ontkennen"
    if _CALL_ME.search(text) and not _CALL_ME_NOT.search(text):
        return "bevestigen"
    if _MEANT_YES.search(text):
        return "bevestigen"
    if _LEADING_NO.search(text):
        return "ontkennen"
    if _LEADING_YES.search(text) and (ok_with_question or not acknowledged_question(text)):
        # "ok. en respijtzorg?? kunt u mij daar iets over vertellen" is no yes to the callback (round 46)
        return "bevestigen"
    return None


# Only words that ask to start again: the word alone, or with "beginnen"/"starten". "Moet ik nou
# alles opnieuw invullen??" is a question, not a wish to lose everything (residents' tests).
_START_AGAIN = re.compile(
    r"^\W*(?:ik\s+wil\s+)?(?:opnieuw|overnieuw|reset|restart|start\s+over|start\s+again|van\s+voren\s+af\s+aan)\W*$"
    r"|\b(?:opnieuw|overnieuw|van\s+voren\s+af\s+aan|helemaal\s+opnieuw)\s+(?:beginnen|starten|begonnen|begin|start)\b"
    r"|\b(?:begin|start|beginnen|starten|begint)\s+(?:\w+\s+){0,2}?(?:opnieuw|overnieuw|van\s+voren\s+af\s+aan)\b"
    r"|\bfrom\s+the\s+start\b|\bstart\s+(?:over|again)\b", re.I)
_BACK = re.compile(r"\b(?:terug\s+naar|verder\s+met|door\s+met)\s+(?:mijn|m'n|mn|de|het)\s+(?:vraag|probleem|verhaal|onderwerp)\b"
                   r"|\bback\s+to\s+my\s+question\b", re.I)


_NOT_LISTENING = re.compile(
    r"\b(?:niet|geen|nie)\s+(?:\w+\s+){0,3}?['\"‘’]?(?:even\s+|een\s+)?['\"‘’]?(?:praten|praatje|kletsen|luisterlijn|luisteren|een\s+luisterend\s+oor)\b"
    r"|\bdon'?t\s+(?:just\s+)?want\s+to\s+(?:just\s+)?talk\b", re.IGNORECASE)


_WANTS_CALLBACK = re.compile(
    r"\b(?:iemand|een\s+meedenker|een\s+mens|jullie|u)\s+(?:die\s+)?(?:me|mij)\s+(?:\w+\s+)?(?:belt|bellen|mailt|mailen|terugbelt)\b"
    r"|" + _LET_CALL +
    r"|\b(?:gebeld|gemaild|teruggebeld)\s+(?:worden|te\s+worden)\b|\bbel\s+(?:me|mij)\s+(?:maar\s+)?(?:terug|op)\b",
    re.IGNORECASE)


def wants_callback(text: str) -> bool:
    """"Ik wil gewoon dat iemand me belt over die schulden": a callback, not the listening line."""
    return bool(_WANTS_CALLBACK.search(text)) and not _CALL_ME_NOT.search(text)


def refuses_listening(text: str) -> bool:
    """"Ik wil helemaal niet 'even praten', ik wil hulp bij het bezwaar": no listening line, a question."""
    return bool(_NOT_LISTENING.search(text))


_HELP_ARRIVED = re.compile(
    r"\b(?:ambulance|ambu|politie|brandweer|huisarts|dokter|hulpdiensten|112)\s+(?:is|zijn|staat|staan|was|kwam|komt)\s+"
    r"(?:er|hier|nu|binnen|al|net|gekomen|er\s+nu|er\s+al|hier\s+nu)\b|\b(?:ambulance|politie|brandweer)\s+(?:is\s+)?(?:er|hier)\b"
    r"|\b(?:the\s+)?(?:ambulance|police|paramedics)\s+(?:is|are)\s+here\b"
    r"|\b(?:ambulance|ambu|politie|brandweer)\s+is\s+(?:nu\s+|al\s+)?(?:bij\s+(?:haar|hem|hen|ons|mij|me)|daar)\b", re.IGNORECASE)


# "Ik heb 112 gebeld", "de ambulance komt eraan": after "Bel nu 112" the resident has done it.
_CALLED_112 = re.compile(
    r"\b(?:heb|hebben|heeft)\s+(?:al\s+|net\s+|nu\s+|zojuist\s+)?(?:112|de\s+ambulance|een\s+ambulance|de\s+politie|"
    r"de\s+brandweer|de\s+huisarts|de\s+dokter|de\s+huisartsenpost|de\s+meldkamer)\s+(?:al\s+|net\s+)?"
    r"(?:gebeld|ingeschakeld|gebeld\s+\w+)\b|\b(?:ik\s+)?(?:bel|bellen)\s+(?:nu\s+)?(?:112|de\s+ambulance)\s*(?:nu|al)?\s*[.!]?$"
    r"|\b(?:ambulance|ambu|politie|brandweer|hulp|hulpdiensten|dokter|huisarts)\s+(?:komt|komen|is\s+onderweg|zijn\s+onderweg|"
    r"komt\s+eraan|komen\s+eraan)\b|\bze\s+(?:komen|zijn)\s+(?:eraan|onderweg|er\s+zo)\b"
    r"|\bi\s+(?:have\s+|just\s+)?called\s+(?:112|an\s+ambulance|the\s+police)\b|\b(?:help|the\s+ambulance)\s+is\s+(?:coming|on\s+its\s+way)\b"
    # The answer to "Heeft u gebeld? Zeg het me." in the resident's words: "gebeld", "ik HEB al gebeld!!",
    # "ze sturen een ambulance" (residents' round 44: a 17-year-old got "Bel nu 112" eleven times).
    r"|^\W*(?:ja\W*)?(?:ik\s+)?(?:heb\s+)?(?:al\s+|net\s+|nu\s+|zojuist\s+)?gebeld\b|\bik\s+heb\s+(?:al\s+|net\s+|nu\s+|zojuist\s+)?gebeld\b"
    r"|\b(?:heb\s+ik\s+(?:al\s+|net\s+)?(?:gedaan|gebeld))\b|\b(?:ze|zij|hij|de\s+meldkamer)\s+(?:sturen|stuurt|stuurden)\s+(?:\w+\s+)?(?:ambulance|ambu|politie|hulp)\b"
    r"|^\W*(?:yes\W*)?(?:i\s+)?(?:have\s+|just\s+)?(?:called|done)\b",
    re.IGNORECASE)

# "Ok ik bel nu", "ja", "ga ik doen": about to call, not yet called.
_ABOUT_TO_CALL = re.compile(
    r"^\W*(?:ok(?:e|é|ay|ee)?|oké|goed|ja+|yes|jawel|okido|oke\s+oke)?[\s,.!]*(?:ik\s+)?(?:ga\s+)?(?:(?:nu|meteen|direct|zo)\s+)?"
    r"(?:(?:bel|bellen)(?:\s+(?:nu|112|meteen|direct|ze|hem|haar))*|ga\s+ik\s+doen|doe\s+ik|i\s+will\s+call|calling)?\W*$",
    re.IGNORECASE)


def called_for_help(text: str) -> bool:
    """The resident called 112 or help is on its way ("ik heb 112 gebeld", "de ambulance komt")."""
    return bool(_CALLED_112.search(text))


_HELP_NOW = re.compile(
    r"\b(?:opvang|slaapplek|nachtopvang|noodopvang|crisisopvang)\b|\bwaar\s+(?:kan|moet|ga)\s+ik\s+(?:nu\s+)?(?:heen|naartoe|slapen)\b"
    r"|\bwie\s+kan\s+ik\s+(?:nu|vannacht|vanavond)\s+bellen\b|\b(?:wat|wie)\s+(?:moet|kan)\s+ik\s+nu\b|\b(?:vannacht|vanavond)\s+nog\b"
    r"|\bnu\s+(?:geen|gn)\s+(?:slaapplek|bed|plek)\b|\bwhere\s+can\s+i\s+(?:go|sleep)\b", re.IGNORECASE)


def about_to_call(text: str) -> bool:
    """"Ok ik bel nu", "ja", "ga ik doen" after "Bel nu 112": about to call, so no warning again."""
    return bool(re.search(r"\w", text)) and bool(_ABOUT_TO_CALL.match(text.strip())) and not called_for_help(text)


# "Wat moet ik zeggen?", "ik weet het adres niet precies": what to tell 112.
_WHAT_TO_SAY = re.compile(
    r"\bwat\s+(?:moet|moet\s+ik|zeg|kan)\s+(?:ik\s+)?(?:dan\s+)?(?:zeggen|vertellen|zeg)\b|\b(?:weet|ken)\s+(?:\w+\s+){0,2}(?:adres|huisnummer)\s+niet\b"
    r"|\b(?:adres|huisnummer)\s+(?:weet|ken)\s+ik\s+niet\b|\bweet\s+niet\s+(?:precies\s+)?(?:waar|het\s+adres|haar\s+adres|zijn\s+adres)\b"
    r"|\bwhat\s+(?:do|should)\s+i\s+say\b", re.IGNORECASE)


def asks_what_to_say(text: str) -> bool:
    """After "Bel nu 112": the resident asks what to tell them, or lacks the exact address."""
    return bool(_WHAT_TO_SAY.search(text))


def asks_help_now(text: str) -> bool:
    """"Wie kan ik NU bellen", "is er een opvang of zo": after an urgent need, today's help again."""
    return bool(_HELP_NOW.search(text))


def help_arrived(text: str) -> bool:
    """"De ambulance is er nu": after 112, the shock is heard before anything else is asked."""
    return bool(_HELP_ARRIVED.search(text))


def says_start_again(text: str) -> bool:
    """Only words that say "start again" restart a conversation: "stop" or "terug naar mijn vraag" never."""
    return bool(_START_AGAIN.search(text))


def back_to_question(text: str) -> bool:
    """"Terug naar mijn vraag": after a crisis, back to the worry the resident came with."""
    return bool(_BACK.search(text))


# "meedenker, maar alleen email", "niet bellen! EMAIL", "liever mailen": a yes to help, by e-mail only
# (residents' round 42: a woman whose husband checks her phone got only "Ja, bel mij" and her "niet
# bellen" was read as no help at all).
_MAIL_ONLY = re.compile(
    r"\b(?:alleen|liever|graag|enkel|only|just)\s+(?:per\s+|via\s+|op\s+|by\s+|met\s+)?(?:e-?mail|mail|mailen|email)\b"
    r"|\bniet\s+bellen\b.{0,40}\b(?:e-?mail|mail|mailen)\b|\b(?:e-?mail|mail|mailen)\b.{0,40}\bniet\s+bellen\b"
    r"|\b(?:no\s+calls?|don'?t\s+call|do\s+not\s+call)\b.{0,40}\be-?mail\b"
    # "Liever niet bellen ... Kan het ook per e-mail?" (residents' round 44: read as no help at all)
    r"|\b(?:kan|mag|kunt|kun)\s+(?:het|dat|u|je|jullie|die|de\s+meedenker)\s+(?:\w+\s+){0,2}?(?:per|via|met|over\s+de)\s+(?:e-?mail|mail)\b"
    r"|\bliever\s+niet\s+(?:ge)?bel(?:len|d)\b.{0,160}\b(?:e-?mail|mail|mailen)\b",
    re.IGNORECASE,
)


def wants_mail_only(text: str) -> bool:
    """Help is wanted, but by e-mail and not by phone."""
    return bool(_MAIL_ONLY.search(text))


# Feelings told with the worry ("ik ben op", "ik weet het niet meer", "ik ben zo bang"): a meedenker
# first says it sounds hard, then sums up (residents' round 42: summaries quoted key words, no more).
_HEAVY = re.compile(
    r"\b(?:doodmoe|uitgeput|kapot|zwaar|bang|verdrietig|verdriet|eenzaam|huil\w*|wanhop\w*|radeloos|"
    r"ten\s+einde\s+raad|stress|gestrest|(?:maak|maken)\s+(?:me|mij|ons)\s+(?:zo(?:'n)?\s+|veel\s+|grote\s+)?zorgen|"
    r"pieker\w*|paniek|rouw|overleden|overspoeld|moedeloos|"
    r"(?:ben|is|zijn|voel\s+me)\s+(?:zo\s+|zo\s+ontzettend\s+|helemaal\s+|echt\s+)?(?:op|moe|op\s+van\s+\w+)|"
    r"weet\s+(?:het\s+)?(?:echt\s+)?niet\s+meer|kan\s+(?:het\s+)?niet\s+meer|trek\s+het\s+niet|"
    r"scared|exhausted|lonely|desperate|worried)\b",
    re.IGNORECASE)


# A death of someone close told with the worry ("mijn man is drie maand geleden gestorven en ik geraak er
# niet uit met zijn papieren"): condolences first (residents' round 45: a widow got only a summary).
_BEREAVED = re.compile(
    r"\b(?:mijn|m'n|mn|onze|ons)\s+(?:\w+\s+){0,2}?(?:man|vrouw|moeder|vader|ma|pa|mam|pap|mama|papa|moe|zoon|dochter|"
    r"partner|vriend|vriendin|broer|zus|zuster|opa|oma|kind|kindje|echtgenoot|echtgenote|lief)\b"
    r"(?:\s+(?!niet\b|nie\b)[\w'-]+){0,7}?\s+(?:overleden|gestorven|doodgegaan|heengegaan|overlijdt|stierf)\b"
    # "sinds mijn vrouw er niet meer is" (residents' round 48)
    r"|\bsinds\s+(?:mijn|m'n|mn|onze)\s+(?:man|vrouw|moeder|vader|zoon|dochter|partner|echtgenoot|echtgenote)\s+er\s+niet\s+meer\s+is\b"
    # "mijn man is twee maanden dood" (residents' round 47: no word for her loss)
    r"|\b(?:mijn|m'n|mn|onze)\s+(?:man|vrouw|moeder|vader|zoon|dochter|partner|echtgenoot|echtgenote|broer|zus)\s+is\s+"
    r"(?:(?:al|nu|pas|net|sinds)\s+)?(?:(?:een|twee|drie|vier|vijf|zes|\d+)\s+(?:dagen|weken|maanden|jaar|week|maand)\s+)?dood\b(?!\s+(?:op|moe|van|aan)\b)"
    r"|\b(?:het\s+)?(?:overlijden|sterven)\s+van\s+(?:mijn|m'n|mn|onze|ons)\s+\w+"
    r"|\bmy\s+(?:husband|wife|mother|father|mum|mom|dad|son|daughter|partner|brother|sister|child)\s+"
    r"(?:\w+\s+){0,3}?(?:died|passed\s+away)\b",
    re.IGNORECASE)


def bereaved(text: str) -> bool:
    """Whether the resident tells that someone close to them died."""
    return bool(_BEREAVED.search(text))


def feels_heavy(text: str) -> bool:
    """Whether the resident tells how hard it is, beside what it is about."""
    return bool(_HEAVY.search(text))


# "Nee, het gaat niet om mijn gezondheid, ik vroeg naar respijtzorg" to the callback offer: about the
# question, not a no to the callback (residents' round 43: "Dat is goed. U kunt later terugkomen").
_ABOUT_THE_QUESTION = re.compile(
    r"\bhet\s+gaat\s+(?:(?:helemaal|echt|juist)\s+)?(?:niet\s+)?(?:om|over)\b"
    r"|\bik\s+(?:vroeg|vraag|bedoel|bedoelde)\s+(?:\w+\s+)?(?:naar|om|over|niet)\b", re.IGNORECASE)


def says_what_it_is_about(text: str) -> bool:
    """Whether a "nee" goes on to say what the question is (or is not) about."""
    return bool(_ABOUT_THE_QUESTION.search(text))


# After a "nee" to the safety check, a "maar" that says life is heavy all the same: no plain no.
_HEAVY_AFTER_NO = re.compile(
    r"\bmaar\b(?:\s+\w+){0,6}?\s+(?:(?:het\s+)?hoeft\s+(?:het\s+)?(?:voor\s+mij\s+)?(?:niet\s+meer|allemaal\s+niet\s+meer)"
    r"|zie\s+ik\s+het\s+(?:soms\s+|vaak\s+)?(?:niet\s+meer|echt\s+niet\s+meer)\s+zitten|ben\s+ik\s+(?:het|alles|het\s+leven)\s+zat"
    r"|wil\s+ik\s+(?:soms\s+|wel\s+)?niet\s+meer\b|(?:beter|liever)\s+bij\s+(?:hem|haar|mijn\s+\w+)\s+(?:zijn|zou|wil)"
    r"|denk\s+ik\s+(?:er\s+)?(?:wel|soms)\s+(?:aan|over))",
    re.IGNORECASE)


def heavy_after_no(text: str) -> bool:
    """"Nee ik zou mezelf niks aandoen, maar soms hoeft het voor mij niet meer zo": a no with a wish to be gone
    beside it (residents' round 47)."""
    return bool(_HEAVY_AFTER_NO.search(text))


# Sadness told beside a "nee" to the safety check: "maar het leven is zo leeg", "ik ben alleen verdrietig".
_SAD = re.compile(r"\b(?:leeg|verdrietig|verdriet|eenzaam|alleen\s+moe|mis\s+(?:haar|hem|mijn|m'n|mn)|zo\s+zwaar|zwaar\s+zonder"
                  r"|sad|lonely|empty|miss\s+(?:her|him|my))\b", re.IGNORECASE)


def sad_without_danger(text: str) -> bool:
    """Sadness or loneliness said with the answer ("nee ... maar het leven is zo leeg zonder Ans")."""
    return bool(_SAD.search(text))
