"""The callback form: the few details a meedenker needs to call a resident back (domain guide §7).

Asked only after the resident said yes to a callback and yes to giving details. One step at a
time, in this order; every answer is checked and an invalid one is asked again kindly. After
MAX_TRIES misses at one step the dialogue offers to go on without it or to talk to a person
(bot/conversation/dialogue/); only the contact detail cannot be skipped. A woonplaats or neighbourhood is
read as its gemeente (bot/municipality/gemeenten.py `resolve`). Contact details never appear in the state's
plain slots: the Rasa adapter seals them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.conversation.contact import (
    PREFERENCE_INFORMEEL,
    clock_phrase,
    is_moment_word,
    is_unassigned_mobile,
    parse_contact,
    parse_moment,
    parse_name,
    parse_preference,
    spans_as_days,
    preference_words,
    says_clock_time,
    without_complaint,
)
from bot.municipality.gemeenten import find_gemeente, resolve, suggestions
from bot.understanding.words import is_content_word

# The gemeente first: a callback is promised only where a network serves it (bot/understanding/coverage.py), so
# a resident elsewhere is told at once, before giving a name or a number.
STEPS: tuple[str, ...] = ("gemeente", "naam", "contact", "moment", "voorkeur")
# The form's key for how the resident asked to be contacted (bot/conversation/contact.py, contact_wish).
CONTACT_WISH = "contact_wens"
# Steps whose answer is a contact detail: the channel seals the raw text for these.
CONTACT_STEPS: frozenset[str] = frozenset({"naam", "contact"})
MAX_TRIES = 3
# Steps a resident may leave empty ("weet ik niet", "zeg ik liever niet"): without a way to reach
# them a meedenker cannot call, so the contact detail is the one that cannot be skipped.
SKIPPABLE: frozenset[str] = frozenset({"naam", "moment", "gemeente", "voorkeur"})
WAIT_PREFIX = "form:"

ASK: dict[str, str] = {step: f"utter_vraag_{step}" for step in STEPS}
RETRY: dict[str, str] = {step: f"utter_ongeldig_{step}" for step in STEPS}

_CANCEL = re.compile(
    r"^\s*(?:nee[ ,]*)?(?:stop|stoppen|annuleer|annuleren|cancel|laat maar|toch maar niet|toch niet|"
    r"ik wil stoppen|ik wil niet meer bellen|hou maar op|niet meer nodig|afbreken)\b",
    re.IGNORECASE,
)


def is_cancel(text: str) -> bool:
    """True when the resident wants to leave the form ("stop", "laat maar", "toch niet")."""
    return bool(_CANCEL.match(text))


def step_of(wacht_op: str | None) -> str | None:
    """The form step a conversation waits for, or None outside the form."""
    if wacht_op and wacht_op.startswith(WAIT_PREFIX):
        step = wacht_op[len(WAIT_PREFIX):]
        return step if step in STEPS else None
    return None


# Waits after the form where a new contact detail may come ("mijn nummer is toch 06…" at the
# read-back): bot/conversation/dialogue/ names them; the channel seals such an answer as it does in the form.
CHANGE_WAITS: frozenset[str] = frozenset({"controle", "wijzig_veld", "misser", "wijzig_ticket"})


# Questions that interrupt the form after danger was told (the offer "Wilt u dat een meedenker contact
# met u opneemt?", the safety check): the form's own step is still where the answer belongs.
INTERRUPTING_WAITS: frozenset[str] = frozenset({"aanbod", "veiligheid", "veilig_nu"})


def sealing_step(wacht_op: str | None, vorige_wacht: str | None = None) -> str | None:
    """The step whose answer a channel seals instead of masking: the name or contact step, and a
    contact detail given anywhere else in the form or at the read-back (a change). When danger
    interrupted the form, the step it interrupted (residents' round 45: "kan het via mijn mail van
    werk? samira@... daar kan hij niet bij" was masked and asked for again)."""
    if wacht_op in INTERRUPTING_WAITS and step_of(vorige_wacht) is not None:
        return sealing_step(vorige_wacht)
    step = step_of(wacht_op)
    if step in CONTACT_STEPS:
        return step
    return "contact" if step is not None or wacht_op in CHANGE_WAITS else None


# Waits outside the form whose answer is a place: "where are you now?" for today's help.
PLACE_WAITS: frozenset[str] = frozenset({"spoed_plaats"})


def answer_step(wacht_op: str | None) -> str | None:
    """The form field a pending question's answer is read as: the form's own step, or the gemeente
    when the assistant asked where the resident is ("kruiningen ligt bij yerseke" is a place)."""
    return step_of(wacht_op) or ("gemeente" if wacht_op in PLACE_WAITS else None)


def wait_for(step: str) -> str:
    return f"{WAIT_PREFIX}{step}"


def next_step_after(step: str) -> str | None:
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


@dataclass(frozen=True)
class Answer:
    """The outcome of one answer: the values it adds, or the reason it was not accepted."""

    values: dict[str, str]
    retry: tuple[str, dict[str, str]] | None = None  # the kind re-ask; None when accepted
    said: tuple[str, dict[str, str]] | None = None  # said back with the next question ("Zaandam hoort bij Zaanstad")
    suggestion: str | None = None  # the one gemeente suggested: a "ja" accepts it

    @property
    def accepted(self) -> bool:
        return self.retry is None


def _retry(step: str, response: str | None = None, **values: str) -> Answer:
    return Answer({}, (response or RETRY[step], values))


MAX_FREE_ANSWER = 120  # characters of a moment or wish kept in the resident's own words
_WORD = re.compile(r"[^\W\d_]+")


def _free_answer(text: str) -> bool:
    """An answer in the resident's own words: a content word, not a question, not too long."""
    return (any(is_content_word(w) for w in _WORD.findall(text)) and not text.rstrip().endswith("?")
            and len(text) <= MAX_FREE_ANSWER)


# Details a day and a part of the day leave out: "dinsdag na tienen", "maandag tussen 2 en 4",
# "woensdag, niet voor 9 uur". The meedenker needs them, so the resident's own words are kept too.
_TIME_DETAIL = re.compile(
    r"\d|\b(?:uur|half|kwart|tienen|elven|twaalven|enen|tweeen|drieen|vieren|vijven|zessen|zevenen|achten|"
    r"negenen|vanaf|tot|tussen|na|voor|behalve|alleen|niet|pas|vroeg|laat|rond|om)\b", re.IGNORECASE)


_CLOCK = re.compile(r"\d|\b(?:uur|half|kwart|tienen|elven|twaalven|enen|tweeen|drieen|vieren|vijven|zessen|zevenen|"
                    r"achten|negenen)\b", re.IGNORECASE)


def _moment_value(label: str, text: str) -> str:
    """The parsed moment, with the resident's words beside it when they hold more than days and
    parts; with hours in them ("tussen 9 en 2. niet woensdagmiddag") the words alone, which a
    meedenker reads better than any label made of them."""
    plain = " ".join(text.split())
    folded = spans_as_days(plain.lower().replace("ë", "e"))
    if label == "maakt niet uit" or len(plain) > MAX_FREE_ANSWER:
        return label
    if _CLOCK.search(folded):
        return plain
    if _TIME_DETAIL.search(folded) or _REASON.search(folded) or any(
            is_content_word(word) and not is_moment_word(word) and word not in _AGREEING
            for word in _WORD.findall(folded)):
        return f"{label} ({plain})"
    return label


# "'s middags, dan is hij naar zijn werk": why that moment is safe or possible is for the meedenker
# to read too (residents' round 38: a resident at risk had only "in de middag" in her ticket).
_REASON = re.compile(r"\b(?:dan|als|want|omdat|wanneer|zolang|terwijl)\b\s+\w+")
_AGREEING = frozenset({"goed", "prima", "graag", "liefst", "liever", "fijn", "best", "handig", "beste", "mogelijk",
                       "oke", "ok", "okay", "top", "uitkomen", "uitkomt", "komt", "uit", "voorkeur", "gebeld",
                       "bellen", "bel", "belt", "lukt", "kan", "tijd", "van"})


def _gemeente_inside(text: str) -> str | None:
    """A gemeente named inside a longer answer ("Westland, ik woon in Naaldwijk", "rotterdam zuid"):
    each part between punctuation, then each run of one to three words, longest first; then the
    longest place named in it ("woon in hoek van holland al jaren": Hoek van Holland, not Hoek).
    Inside a sentence only names as written: "vennep" is no typo of Gennep."""
    for part in re.split(r"[,.;:!?()/]+", text):
        found = find_gemeente(part) if part.strip() and part.strip() != text.strip() else None
        if found:
            return found
    words = _WORD.findall(text)
    starts = [(start, size) for size in (3, 2, 1) for start in range(len(words) - size + 1)]
    for start, size in starts:
        window = words[start:start + size]
        if size == 1 and (len(window[0]) < 4 or not is_content_word(window[0])):
            continue
        if size == 1 and start and words[start - 1].lower() in _NOT_BEFORE_PLACE:
            continue  # "bij de buren" names no gemeente Buren (residents' round 46), "mijn best" no Best
        found = find_gemeente(" ".join(window), typos=False)
        if found:
            return found
    # A place only right after "in", "uit", "bij", "van"...: "leest de gemeente mee" names no hamlet
    # Leest, "in een verzorgingshuis" no village Een.
    places: list[tuple[int, str]] = []
    lowered = [w.lower() for w in words]
    for start, size in ((start, size) for size in (3, 2, 1) for start in range(1, len(words) - size + 1)):
        window = words[start:start + size]
        if lowered[start - 1] in _PLACE_BEFORE and all(len(w) >= 3 and is_content_word(w) for w in (window[0], window[-1])):
            place = resolve(" ".join(window), typos=False)
            if place.gemeente:
                places.append((len(place.via_plaats or ""), place.gemeente))
    return max(places)[1] if places else None


# "ik woon in Drachten", "wij wonen in Zwolle": the resident's own place, told in a sentence.
_LIVES_IN = re.compile(r"\b(?:ik\s+woon|wij\s+wonen|we\s+wonen|woon\s+(?:al\s+\w+\s+jaar\s+)?(?:in|te))\b", re.IGNORECASE)


def home_told(text: str) -> str | None:
    """The gemeente a resident says they live in ("ik woon in Drachten"), or None: a place named
    without those words (the hospital in Zwolle, a daughter in Goes) is not theirs."""
    return gemeente_named(text) if _LIVES_IN.search(text) else None


def without_home(text: str) -> str:
    """The message without the clause that tells where the resident lives ("Geert, ik woon in Goes" ->
    "Geert"), so the rest is read as the answer to the question asked."""
    parts = re.split(r"(?<=[.,;!?])\s*|\s+(?:en|maar)\s+(?=ik\s+woon|wij\s+wonen|we\s+wonen)", text)
    kept = [part[:found.start()] if (found := _LIVES_IN.search(part)) else part for part in parts if part]
    return " ".join(part.strip() for part in kept if part.strip()).strip().rstrip(".,;!").strip()


def gemeente_named(text: str) -> str | None:
    """The gemeente a message names ("ik woon in middelburg", "Zierikzee", "gemeente Goes"), or None."""
    return find_gemeente(text) or resolve(text, typos=False).gemeente or _gemeente_inside(text)


_NOT_BEFORE_PLACE = frozenset({"de", "het", "een", "mijn", "mn", "m'n", "onze", "ons", "jullie", "zijn", "haar", "hun",
                               "die", "deze", "dat", "dit", "the", "my", "our"})
_PLACE_BEFORE = frozenset({"in", "uit", "te", "bij", "van", "naar", "rond", "nabij", "omgeving", "richting", "near"})


def is_plain_answer(step: str, text: str) -> bool:
    """Whether the text answers the form step by its own parser alone (a day, a gemeente, a name,
    a number), not by the free-words fallback: such an answer is read as an answer first by the
    crisis nets ("Op woensdagochtend, dan ben ik vrij en zit hij op school")."""
    text = text.strip()
    if step == "naam":
        return parse_name(text) is not None
    if step == "contact":
        return parse_contact(text) is not None
    if step == "moment":
        return parse_moment(text) is not None or says_clock_time(text)
    if step == "gemeente":
        return (find_gemeente(text) or resolve(text).gemeente or _gemeente_inside(text)) is not None
    if step == "voorkeur":
        return parse_preference(text) is not None
    return False


def read_answer(step: str, text: str) -> Answer:
    """Check the resident's answer to one step; the values are plain (the adapter seals contact)."""
    text = without_complaint(text)
    if step == "naam":
        name = parse_name(text)
        return Answer({"name": name}) if name else _retry(step)
    if step == "contact":
        contact = parse_contact(text)
        if contact is None:
            if is_unassigned_mobile(text):
                return _retry(step, "utter_ongeldig_06_reeks")  # it has 10 digits and starts with 06
            return _retry(step)
        values = {k: v for k, v in (("phone", contact.phone), ("email", contact.email)) if v}
        return Answer(values)
    if step == "moment":
        moment = parse_moment(text)
        if moment:
            return Answer({"moment": _moment_value(moment.label(), text)})
        # "na school", "als zij slaapt", "morge": the resident's own words are an answer a
        # meedenker can read; only an answer without a content word, or a question, is asked again.
        if _free_answer(text) or (says_clock_time(text) and len(text) <= MAX_FREE_ANSWER):
            return Answer({"moment": " ".join(text.split())})
        return _retry(step)
    if step == "gemeente":
        gemeente = find_gemeente(text)
        if gemeente:
            return Answer({"gemeente": gemeente})
        place = resolve(text)
        if not (place.gemeente or place.kandidaten):
            # "'s-Heer Arendskerke, dat schreef ik zojuist": the place is one part of the answer.
            for part in re.split(r"[,.;:!?()]+(?:\s|$)", text):
                found = resolve(part) if part.strip() and part.strip() != text.strip() else None
                if found and (found.gemeente or found.kandidaten):
                    place = found
                    break
        if place.gemeente:
            said = ("utter_gemeente_via_plaats", {"plaats": place.via_plaats, "gemeente": place.gemeente}) \
                if place.via_plaats else None
            return Answer({"gemeente": place.gemeente}, said=said)
        gemeente = _gemeente_inside(text)
        if gemeente:
            return Answer({"gemeente": gemeente})
        close = tuple(place.kandidaten) or suggestions(text, 3)
        if len(close) == 1:
            retry = _retry(step, "utter_ongeldig_gemeente_een", suggestie=close[0])
            return Answer({}, retry.retry, suggestion=close[0])
        if close:
            return _retry(step, "utter_ongeldig_gemeente_suggestie", suggesties=" of ".join(close))
        return _retry(step)
    if step == "voorkeur":
        preference = parse_preference(text)
        if preference:
            words = preference_words(text) if preference == PREFERENCE_INFORMEEL else ""
            if _PERSON_WISH.search(text) and len(text) <= MAX_FREE_ANSWER:
                words = " ".join(text.split())  # "maakt niet uit, wel een vrouw": the wish goes with it
            return Answer({"voorkeur": preference, "voorkeur_woorden": words})
        # "Een vrouw graag", "iemand die jong is": a wish of its own, noted as written.
        if _free_answer(text):
            return Answer({"voorkeur": text})
        return _retry(step)
    raise ValueError(f"unknown form step {step!r}")


# A wish about the person beside the choice (residents' round 42: "wel een vrouw" was dropped).
_PERSON_WISH = re.compile(
    r"\b(?:vrouw|een\s+man|vrouwelijke?|mannelijke?|jong\w*|oudere?|leeftijd|spreekt|spreken|talig|turks|arabisch|"
    r"engels|pools|marokkaans|somalisch|tigrinya|oekraiens|oekraïens|geloof|moslim|christelijk)\b", re.IGNORECASE)


_NO_CONTACT = re.compile(
    r"^\s*(?:nee[\s,.]*)?(?:liever\s+)?(?:geen\s+contact|niet\s+bellen|niet\s+mailen|geen\s+van\s+beide|"
    r"bel\s+(?:me|mij)\s+(?:maar\s+)?niet|neem\s+geen\s+contact\s+op|no\s+contact|don'?t\s+call)\b",
    re.IGNORECASE,
)
_FIELD_WORDS = {
    "naam": re.compile(r"\bnaam\b|\bname\b", re.IGNORECASE),
    "contact": re.compile(r"\b(?:nummer|telefoon\w*|mail\w*|e-mail\w*|contact|bereik\w*|phone|number|email)\b", re.IGNORECASE),
    "moment": re.compile(r"\b(?:moment|tijd|dag|dagdeel|wanneer|time)\b", re.IGNORECASE),
    "gemeente": re.compile(r"\b(?:gemeente|woonplaats|plaats|municipality)\b", re.IGNORECASE),
    "voorkeur": re.compile(r"\b(?:wens|voorkeur|meedenker|vrijwilliger|preference)\b", re.IGNORECASE),
}


def refuses_contact(text: str) -> bool:
    """"Geen contact", "bel me niet": under violence at home an answer, not a miss."""
    return bool(_NO_CONTACT.match(text))


# "nee mijn naam is niet Jan, het is Johan", "ik heet toch Fatma", "mijn naam moet Ria zijn": the
# new name inside a correction (residents' round 36: it was asked for once more).
_NOT_THIS_NAME = re.compile(
    r"\bniet\s+[^\s,.;!]+[,.;!]?\s+(?:maar|het\s+is|dat\s+is|ik\s+heet|wel)\s+(?P<name>.+)$", re.IGNORECASE)
# The resident's own name introduced ("mijn naam is", "ik heet toch", "noem me maar"), never "zijn naam is".
_NAME_INTROS = (
    re.compile(r"(?<!zijn )(?<!haar )\b(?:naam|my\s+name)\s+(?:is|moet|wordt)\s+(?:toch\s+|eigenlijk\s+|gewoon\s+)?"
               r"(?P<name>.+?)(?:\s+zijn)?$", re.IGNORECASE),
    re.compile(r"\bik\s+heet\s+(?:toch\s+|eigenlijk\s+|gewoon\s+)?(?P<name>.+)$", re.IGNORECASE),
    re.compile(r"\bnoem\s+(?:mij|me)\s+(?:maar\s+|toch\s+|liever\s+)?(?P<name>.+)$", re.IGNORECASE),
)


def corrected_name(text: str) -> str | None:
    """The new name in a sentence that corrects it, or None when the sentence holds none."""
    return _name_after((_NOT_THIS_NAME, *_NAME_INTROS), text)


def told_name(text: str) -> str | None:
    """A name introduced inside a longer answer ("Tholen. Mijn naam is Marieke, 06 1234 5678"), up
    to its comma; never a "niet X maar Y" (at the gemeente step that is a place)."""
    for clause in re.split(r"[,;!?\n]|\.\s", text):
        name = _name_after(_NAME_INTROS, clause)
        if name:
            return name
    return None


def _name_after(patterns: tuple[re.Pattern[str], ...], text: str) -> str | None:
    for pattern in patterns:
        found = pattern.search(" ".join(text.split()).rstrip(" .!"))
        if found:
            name = parse_name(found.group("name"))
            if name and not re.search(r"\bniet\b", found.group("name"), re.IGNORECASE):
                return name
    return None


def value_in_change(step: str, text: str) -> dict[str, str]:
    """A field's new value told with the wish to change it ("mijn nummer is toch 06...", "nee ik heet
    niet Jan, het is Johan"), or {}: only what the field's own parser reads, never the field's own
    name ("moment", the change menu's button) nor a sentence about it ("ik wil het moment veranderen")."""
    if step == "naam":
        name = corrected_name(text)
        return {"name": name} if name else {}
    if not is_plain_answer(step, text) or (field_named(text) == step and len(text.split()) <= 3):
        return {}
    answer = read_answer(step, text)
    return dict(answer.values) if answer.accepted else {}


def field_named(text: str) -> str | None:
    """The form field a short answer names ("mijn nummer", "de gemeente"), for "what to change?"."""
    found = [step for step, pattern in _FIELD_WORDS.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None


def other_answers_in(step: str, text: str) -> dict[str, dict[str, str]]:
    """Answers to later steps told with this one ("Tholen. Mijn naam is Marieke, 06 1234 5678,
    woensdagmiddag"; "06 2847 1936 maar bel pas na 5 uur"), per step, so they are not asked again
    (residents' round 42). Only what a step's own parser reads, and a moment only as its own words
    (never the whole text: a contact answer holds the number)."""
    found: dict[str, dict[str, str]] = {}
    later = STEPS[STEPS.index(step) + 1:] if step in STEPS else ()
    if "naam" in later:
        name = told_name(text)
        if name:
            found["naam"] = {"name": name}
    if "contact" in later:
        contact = parse_contact(text)
        if contact is not None:
            found["contact"] = {k: v for k, v in (("phone", contact.phone), ("email", contact.email)) if v}
    if "moment" in later:
        moment = parse_moment(text)
        clock = clock_phrase(text)
        if moment is not None and not moment.any:
            label = moment.label()
            found["moment"] = {"moment": f"{label}, {clock}" if clock else label}
        elif clock:
            found["moment"] = {"moment": clock}
    return {other: values for other, values in found.items() if values}
