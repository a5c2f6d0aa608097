"""The conversation's next step, decided in plain Python (tested without Rasa).

The Rasa side passes in the intent, the parse's `werkmodel` and the conversation state (slots);
this module answers with response names from domain.yml (never text) and the new state.
Each message is first read for what it is (bot/conversation/reading.py; conversation guide "Listen before
moving on"): danger, a stop, a question, a correction, a change, an answer, or something else.
What happens then is declared in one table, `TABLE`: (what the assistant waits for, what the
message is) -> handler. Only an answer moves a question on; a question gets a short true answer
(bot/conversation/faq.py) and the pending question again; danger comes first, always.
Rules from the domain and conversation guides:
- crisis first; after a suicidal remark the assistant stays and asks whether the resident is safe
  now, offers 113's chat when calling is too big, and never says goodbye while a crisis is fresh;
- under violence at home contact must be safe (e-mail, a safe time, or none), and "hij komt eraan"
  gets one short line;
- open question first, at most two clarifying questions, then a summary of the current
  understanding (a correction removes a topic; never the same summary twice in a row);
- the callback form never dead-ends: places map to gemeenten, fields may be skipped, details are
  read back and can be changed, "stop" asks what to stop and can be taken back.
Side effects (a ticket, an urgent flag) are named in `Reply.effects` and carried out by the adapter.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from bot.conversation import callback_form, reading, spoed

from bot.understanding import coverage, languages
from bot.conversation.contact import PREFERENCE_LABELS
from bot.understanding.noise import is_noise
from bot.understanding.routing import CHECK_INTENT
from bot.conversation.summary import also_for_self, key_words, merge, summary_values, top_topics, who_for
from bot.understanding.werkmodel import (
    LEEFGEBIEDEN,
    ROUTE_CRISIS_112,
    ROUTE_CRISIS_113,
    ROUTE_CRISIS_VEILIG_THUIS,
    ROUTE_INFO,
    ROUTE_LUISTEREN,
    ROUTE_MEEDENKER,
)

__all__ = ["State", "Reply", "next_step", "merge", "summary_values", "key_words", "who_for", "top_topics",
           "pending_question", "may_write_a_ticket", "fresh_session", "TABLE"]

MAX_CLARIFICATIONS = 2
CHOSEN_EVIDENCE = "gekozen met een knop"
REMINDER_EVERY = 4  # turns between two crisis reminders; the widget keeps a crisis bar instead
WIDGET = "widget"
APP_CHANNELS = ("telegram", "whatsapp")

# What the assistant is waiting for after its last question.
WAIT_LEEFGEBIED = "leefgebied"
WAIT_VOOR_WIE = "voor_wie"
WAIT_SAMENVATTING = "samenvatting"
WAIT_AANBOD = "aanbod"
WAIT_CORRECTIE = "correctie"
WAIT_TOESTEMMING = "toestemming"
WAIT_VEILIGHEID = "veiligheid"  # after the safety check: is the resident or someone else in danger?
WAIT_VEILIG_NU = "veilig_nu"  # after a suicidal remark: are you safe right now?
WAIT_STOP = "stop_keuze"  # "stop": the form or the whole conversation?
WAIT_CONTROLE = "controle"  # the details read back: klopt dit?
WAIT_WIJZIG = "wijzig_veld"  # which detail to change
WAIT_MISSER = "misser"  # three misses at one field: go on without it, or a person?
WAIT_SPOED_PLAATS = "spoed_plaats"  # an urgent need today: where are you, so I can name who helps today?
WAIT_TOLK = "tolk"  # another language: a callback with an interpreter? (issue 27)

# Questions the resident is expected to answer; noise there is asked again (issue 9).
PENDING_QUESTIONS = frozenset(
    {WAIT_LEEFGEBIED, WAIT_VOOR_WIE, WAIT_SAMENVATTING, WAIT_AANBOD, WAIT_CORRECTIE, WAIT_TOESTEMMING,
     WAIT_VEILIGHEID, WAIT_VEILIG_NU, WAIT_STOP, WAIT_CONTROLE, WAIT_WIJZIG, WAIT_MISSER, WAIT_SPOED_PLAATS,
     WAIT_TOLK}
)
FALLBACK_INTENT = "nlu_fallback"

# Effects the adapter carries out after the turn.
EFFECT_SUBMIT = "submit_callback"
EFFECT_FLAG_CRISIS = "flag_crisis"
EFFECT_VANDAAG = "today_contacts"  # name the region's contacts for today (bot/municipality/sociale_kaart.py)

# The NLU's info intents name an FAQ entry (config/faq.yml); the FAQ holds every answer.
INFO_FAQ = {
    "info_wat_doet": "wat_doet",
    "info_wat_niet": "wat_niet",
    "info_kosten": "kosten",
    "info_onafhankelijk": "onafhankelijk",
    "info_kiezen": "kiezen_wisselen",
    "info_keukentafel": "keukentafel_mee",
    "info_sociaal_team": "sociaal_team",
    "info_bot": "is_mens",
}
CRISIS_RESPONSES = {
    "crisis_113": "utter_crisis_113",
    "crisis_112": "utter_crisis_112",
    "crisis_veilig_thuis": "utter_crisis_veilig_thuis",
}
STAY_RESPONSES = {
    "crisis_113": "utter_crisis_113_blijf",
    "crisis_112": "utter_crisis_112_blijf",
    "crisis_veilig_thuis": "utter_crisis_vt_blijf",
}
GOODBYE_IN_CRISIS = {
    "crisis_113": "utter_crisis_afscheid_113",
    "crisis_112": "utter_crisis_afscheid_112",
    "crisis_veilig_thuis": "utter_crisis_afscheid_vt",
}
SIMPLE_RESPONSES = {
    "groet": "utter_groet",
    "bedankt": "utter_graag_gedaan",
    "buiten_bereik": "utter_buiten_bereik",
}
ENGLISH_INTENT = "engels"  # set by bot/understanding/routing.py for a message not in Dutch
FOREIGN_INTENT = "andere_taal"  # read here: a message in a language with an interpreter callback
# Another language (bot/understanding/languages.py): the callback asks only what a call with an interpreter needs.
INTERPRETER_STEPS: tuple[str, ...] = ("naam", "contact")
CRISIS_AGAIN_INTENT = "crisis_herhaald"  # the same danger told again (set by the NLU component)
BACK_INTENT = "terug_naar_vraag"  # "terug naar mijn vraag" (a button, or set by the NLU component)
RESTART_INTENT = "opnieuw"
SNEL_WEG_INTENT = "snel_weg"  # set by the NLU component: "hij komt eraan" under violence at home
FAQ_KEY = "faq"  # in the parse's werkmodel: {"id": ..., "score": ...} from bot/conversation/faq.py
WHO_CAN_SEE_FAQ = "privacy_telefoon_zien"
STORED_FAQ = "privacy_bewaren"
FAQ_RESPONSE = "utter_faq"
# Replies that name helplines themselves: no reminder before them (utter_crisis_*, utter_zmp_*,
# utter_veiligheid_*, and these).
NUMBER_TOPICS = ("crisis", "zmp", "veiligheid")
WITH_NUMBERS = frozenset({"utter_geen_contact_veilig", "utter_mens_zonder_contact", "utter_gesprek_gestopt"})

Responses = list[tuple[str, dict[str, str]]]


@dataclass(frozen=True)
class State:
    """What the conversation knows; stored in Rasa slots between turns."""

    leefgebieden: dict[str, dict[str, Any]] = field(default_factory=dict)
    doelgroepen: dict[str, dict[str, Any]] = field(default_factory=dict)
    voor_wie: str | None = None
    wacht_op: str | None = None
    verduidelijkingen: int = 0
    crisis_route: str | None = None
    route: str | None = None
    niet_begrepen: int = 0
    formulier: dict[str, str] = field(default_factory=dict)  # moment, gemeente, voorkeur
    contact: dict[str, str] = field(default_factory=dict)  # name, phone, email: sealed by the adapter
    form_id: str | None = None
    pogingen: int = 0
    ticket_id: str | None = None
    vermoed_crisis: str | None = None  # set by Rasa itself (slot vermoedelijke_crisis) at a safety check
    vorige_wacht: str | None = None  # the question pending before an interruption (danger, stop, a miss)
    veilig_gezegd: bool = False  # "nee" to the safety check in this session
    sinds_herinnering: int = 0  # turns since the crisis numbers were last shown
    samenvatting: str | None = None  # the last summary said, so the next one is never the same
    wijzigen: bool = False  # a form step asked again from the read-back: return there after
    suggestie: str | None = None  # the one gemeente suggested ("Bedoelt u Rotterdam?"): "ja" takes it
    spoed: str | None = None  # a need that cannot wait a working day (bot/conversation/spoed.py): the callback is urgent
    elders: str | None = None  # a gemeente no network here serves: no callback is offered again
    taal: str | None = None  # read only: set by Rasa from the NLU
    tolk: str | None = None  # another language (bot/understanding/languages.py): the callback needs an interpreter

    def as_slots(self) -> dict[str, Any]:
        """Slot values, without the contact details (the adapter stores those encrypted)."""
        return {
            "werkmodel": {"leefgebieden": self.leefgebieden, "doelgroepen": self.doelgroepen},
            "voor_wie": self.voor_wie,
            "wacht_op": self.wacht_op,
            "verduidelijkingen": float(self.verduidelijkingen),
            "crisis_route": self.crisis_route,
            "route": self.route,
            "niet_begrepen": float(self.niet_begrepen),
            "formulier": dict(self.formulier),
            "form_id": self.form_id,
            "pogingen": float(self.pogingen),
            "ticket_id": self.ticket_id,
            "vorige_wacht": self.vorige_wacht,
            "veilig_gezegd": self.veilig_gezegd,
            "sinds_herinnering": float(self.sinds_herinnering),
            "samenvatting": self.samenvatting,
            "wijzigen": self.wijzigen,
            "suggestie": self.suggestie,
            "spoed": self.spoed,
            "elders": self.elders,
            "tolk": self.tolk,
        }

    @classmethod
    def from_slots(cls, slots: dict[str, Any], contact: dict[str, str] | None = None) -> "State":
        werkmodel = slots.get("werkmodel") or {}
        return cls(
            leefgebieden=dict(werkmodel.get("leefgebieden") or {}),
            doelgroepen=dict(werkmodel.get("doelgroepen") or {}),
            voor_wie=slots.get("voor_wie"),
            wacht_op=slots.get("wacht_op"),
            verduidelijkingen=int(slots.get("verduidelijkingen") or 0),
            crisis_route=slots.get("crisis_route"),
            route=slots.get("route"),
            niet_begrepen=int(slots.get("niet_begrepen") or 0),
            formulier=dict(slots.get("formulier") or {}),
            contact=dict(contact or {}),
            form_id=slots.get("form_id"),
            pogingen=int(slots.get("pogingen") or 0),
            ticket_id=slots.get("ticket_id"),
            vermoed_crisis=slots.get("vermoedelijke_crisis"),
            vorige_wacht=slots.get("vorige_wacht"),
            veilig_gezegd=bool(slots.get("veilig_gezegd")),
            sinds_herinnering=int(slots.get("sinds_herinnering") or 0),
            samenvatting=slots.get("samenvatting"),
            wijzigen=bool(slots.get("wijzigen")),
            suggestie=slots.get("suggestie"),
            spoed=slots.get("spoed"),
            elders=slots.get("elders"),
            taal=slots.get("taal"),
            tolk=slots.get("tolk"),
        )


@dataclass(frozen=True)
class Reply:
    responses: Responses
    state: State
    effects: tuple[str, ...] = ()


@dataclass(frozen=True)
class Message:
    """One resident message as the handlers see it."""

    intent: str
    werkmodel: dict[str, Any]
    text: str  # masked
    answer_text: str  # unmasked where the channel sealed a form answer
    entities: dict[str, str]
    channel: str


# ---------------------------------------------------------------------------------------------
# Summary and clarification
# ---------------------------------------------------------------------------------------------

def _clarify_or_summarise(state: State) -> Reply:
    if not state.leefgebieden and state.verduidelijkingen < MAX_CLARIFICATIONS:
        state = replace(state, wacht_op=WAIT_LEEFGEBIED, verduidelijkingen=state.verduidelijkingen + 1)
        return Reply([("utter_vraag_leefgebied", {})], state)
    if state.voor_wie is None and state.verduidelijkingen < MAX_CLARIFICATIONS:
        state = replace(state, wacht_op=WAIT_VOOR_WIE, verduidelijkingen=state.verduidelijkingen + 1)
        return Reply([("utter_vraag_voor_wie", {})], state)
    response = _summary_response(state)
    said = f"{response[0]}|{sorted(response[1].items())}"
    if said == state.samenvatting and response[0] != "utter_samenvatting_onbekend":
        # Never the same summary twice in a row: the same understanding, said differently.
        response = ("utter_samenvatting_kort", response[1])
        said = f"{response[0]}|{sorted(response[1].items())}"
    state = replace(state, wacht_op=WAIT_SAMENVATTING, verduidelijkingen=0, samenvatting=said)
    return Reply([response], state)


def _summary_response(state: State) -> tuple[str, dict[str, str]]:
    if not state.leefgebieden:
        return ("utter_samenvatting_onbekend", {})
    if not key_words(state):
        # Chosen with a button, or no word worth naming: not "U schreef over wat u schreef".
        return ("utter_samenvatting_kort", summary_values(state))
    name = "utter_samenvatting_ander" if state.voor_wie == "ander" else "utter_samenvatting"
    return (name, summary_values(state))


# ---------------------------------------------------------------------------------------------
# Pending questions
# ---------------------------------------------------------------------------------------------

def _safe_contact(state: State) -> bool:
    """Under violence at home, contact must be safe: the form asks how and when, never assumes."""
    return state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS


SAFE_ASK = {"contact": "utter_vraag_contact_veilig", "moment": "utter_vraag_moment_veilig"}


def ask(state: State, step: str) -> tuple[str, dict[str, str]]:
    """The question of one form step; under violence at home contact and moment ask what is safe."""
    if _safe_contact(state) and step in SAFE_ASK:
        return (SAFE_ASK[step], {})
    return (callback_form.ASK[step], {})


def _read_back(state: State) -> Reply:
    """Everything given, read back; contact details partly hidden (they are stored encrypted)."""
    values = {
        "naam": _hidden_name(state.contact.get("name")),
        "bereik": _hidden_contact(state.contact),
        "moment": state.formulier.get("moment") or "-",
        "gemeente": state.formulier.get("gemeente") or "-",
        "voorkeur": PREFERENCE_LABELS.get(state.formulier.get("voorkeur") or "", state.formulier.get("voorkeur") or "-"),
    }
    # With an interpreter only name and contact were asked; in Dutch or English say so, not "Moment: -".
    name = "utter_controle_tolk" if state.tolk and state.taal in ("nl", "en") else "utter_controle"
    return Reply([(name, values)], replace(state, wacht_op=WAIT_CONTROLE, wijzigen=False, pogingen=0))


def _hidden_name(name: str | None) -> str:
    """The first letter only: the read-back is stored in the conversation, the name only encrypted."""
    if not name:
        return "-"
    return name.rstrip(".") if len(name) <= 2 else f"{name[0]}…"


def _hidden_contact(contact: dict[str, str]) -> str:
    shown = []
    if contact.get("phone"):
        digits = re.sub(r"\D", "", contact["phone"])
        shown.append(f"…{digits[-4:]}")
    if contact.get("email"):
        local, _, domain = contact["email"].partition("@")
        shown.append(f"{local[:1]}…@{domain}")
    return ", ".join(shown) or "-"


def pending_question(state: State) -> Responses:
    """The question the conversation waits for, with its buttons, to ask it again."""
    step = callback_form.step_of(state.wacht_op)
    if step is not None:
        return [ask(state, step)]
    if state.wacht_op == WAIT_SAMENVATTING:
        return [_summary_response(state)]
    if state.wacht_op == WAIT_CONTROLE:
        return _read_back(state).responses
    if state.wacht_op == WAIT_AANBOD:
        if state.crisis_route:
            return [(STAY_RESPONSES.get(state.crisis_route, "utter_crisis_blijf"), {})]
        later = state.route == ROUTE_LUISTEREN
        return [("utter_aanbod_meedenker_later" if later else "utter_aanbod_meedenker", {})]
    questions = {
        WAIT_VEILIGHEID: "utter_veiligheid_check",  # its slots still name the suspected route
        WAIT_LEEFGEBIED: "utter_vraag_leefgebied",
        WAIT_VOOR_WIE: "utter_vraag_voor_wie",
        WAIT_CORRECTIE: "utter_vraag_correctie",
        WAIT_TOESTEMMING: "utter_terugbel_uitleg_veilig" if _safe_contact(state) else "utter_terugbel_uitleg",
        WAIT_VEILIG_NU: "utter_crisis_veilig_nu_vraag",
        WAIT_STOP: "utter_stop_vraag",
        WAIT_WIJZIG: "utter_vraag_wijzig",
        WAIT_MISSER: "utter_formulier_misser",
        WAIT_SPOED_PLAATS: "utter_spoed_waar",
        WAIT_TOLK: "utter_tolk_aanbod",
    }
    return [(questions[state.wacht_op], {})] if state.wacht_op in questions else []


def _again(state: State, first: Responses) -> Reply:
    """Some responses, then the pending question again."""
    return Reply([*first, *pending_question(state)], state)


# ---------------------------------------------------------------------------------------------
# Danger
# ---------------------------------------------------------------------------------------------

def _open_form_step(state: State) -> str | None:
    """The callback form's pending step (also while a safety check is asked), or None."""
    if callback_form.step_of(state.wacht_op) is not None:
        return state.wacht_op
    if state.wacht_op in (WAIT_VEILIGHEID, WAIT_STOP, WAIT_MISSER) and callback_form.step_of(state.vorige_wacht):
        return state.vorige_wacht
    return None


def _crisis(state: State, route: str, with_numbers: bool, message: Message | None = None) -> Reply:
    # Danger told inside the callback form: the numbers come first, and the answers given so far
    # are kept, so a "ja" to the offer goes on where it was (the callback is then urgent).
    form_step = _open_form_step(state)
    # After 112 nothing is asked: the resident calls first (no listening line, no callback on offer).
    wait = WAIT_VEILIG_NU if route == ROUTE_CRISIS_113 else None if route == ROUTE_CRISIS_112 else WAIT_AANBOD
    voor_wie = state.voor_wie
    if route == ROUTE_CRISIS_VEILIG_THUIS and message is not None:
        voor_wie = who_for(message.text, violence=True) or "zelf"
    state = replace(state, crisis_route=route, route=route, wacht_op=wait, pogingen=0, vorige_wacht=form_step,
                    voor_wie=voor_wie, sinds_herinnering=0)
    numbers = [(CRISIS_RESPONSES[route], {})] if with_numbers else []
    language = (message.werkmodel or {}).get("language") if message is not None else None
    if language in languages.FOREIGN or state.tolk:
        # The numbers came in the resident's language; what stays is the callback with an interpreter.
        state = replace(state, tolk=state.tolk or language, wacht_op=WAIT_TOLK)
        return Reply([*numbers, ("utter_tolk_aanbod", {})], state, (EFFECT_FLAG_CRISIS,))
    if route == ROUTE_CRISIS_113 and message is not None and reading.calling_too_big(message.text):
        return Reply([*numbers, ("utter_zmp_chat", {})], replace(state, wacht_op=WAIT_AANBOD), (EFFECT_FLAG_CRISIS,))
    return Reply([*numbers, (STAY_RESPONSES[route], {})], state, (EFFECT_FLAG_CRISIS,))


def _after_check(state: State, in_danger: bool) -> Reply:
    """"Ja" gives the full crisis reply; "nee" goes back to where the conversation was."""
    if in_danger:
        route = state.vermoed_crisis if state.vermoed_crisis in CRISIS_RESPONSES else "crisis_113"
        return _crisis(state, route, with_numbers=True)
    resumed = replace(state, wacht_op=state.vorige_wacht, vorige_wacht=None, veilig_gezegd=True)
    if state.tolk and callback_form.step_of(resumed.wacht_op) is None:
        # Another language: no danger, then what every message in it gets (the numbers stay in it).
        if state.ticket_id:
            return Reply([("utter_tolk_al_gevraagd", {})], replace(resumed, wacht_op=None))
        return Reply([("utter_andere_taal", {})], replace(resumed, wacht_op=WAIT_TOLK))
    again = pending_question(resumed)
    if again:
        return Reply([("utter_veiligheid_nee", {}), *again], resumed)
    if resumed.leefgebieden:
        reply = _clarify_or_summarise(resumed)
        return Reply([("utter_veiligheid_nee", {}), *reply.responses], reply.state)
    return Reply([("utter_veiligheid_nee", {}), ("utter_vraag_open", {})], resumed)


_SAFE_NOW = re.compile(r"\b(?:ik\s+ben\s+(?:nu\s+|wel\s+)?veilig|het\s+gaat\s+(?:nu\s+)?(?:wel|weer)|ik\s+doe\s+(?:mezelf|mijzelf|mij)\s+(?:niks|niets)"
                       r"|i\s*(?:'m|\s+am)\s+safe)\b", re.IGNORECASE)
_NOT_SAFE_NOW = re.compile(r"\bniet\s+veilig\b|\bnot\s+safe\b", re.IGNORECASE)


def _safe_now(state: State, message: Message) -> Reply | None:
    """The answer to "Bent u nu veilig?"; None when the message is something else."""
    said = reading.yes_or_no(message.text)  # "JA. dat zei ik al 2 keer", whatever the intent model guessed
    if _NOT_SAFE_NOW.search(message.text) or ("ontkennen" in (message.intent, said) and not _SAFE_NOW.search(message.text)):
        return Reply([("utter_crisis_niet_veilig", {})], replace(state, wacht_op=WAIT_AANBOD, sinds_herinnering=0))
    if _SAFE_NOW.search(message.text) or "bevestigen" in (message.intent, said):
        if callback_form.step_of(state.vorige_wacht):
            return _resume_form(state)
        return Reply([("utter_crisis_veilig_nu", {})], replace(state, wacht_op=WAIT_AANBOD))
    return None


def _resume_form(state: State) -> Reply:
    step = callback_form.step_of(state.vorige_wacht)
    assert step is not None
    return Reply([("utter_formulier_verder", {}), ask(state, step)],
                 replace(state, wacht_op=state.vorige_wacht, vorige_wacht=None))


def _snel_weg(state: State, message: Message) -> Reply:
    """"Hij komt eraan": one short line, how to close this chat on this channel, nothing else."""
    if message.channel == WIDGET:
        name = "utter_snel_weg_widget"
    elif message.channel in APP_CHANNELS:
        name = "utter_snel_weg_app"
    else:
        name = "utter_snel_weg"
    return Reply([(name, {})], replace(state, sinds_herinnering=0))


# ---------------------------------------------------------------------------------------------
# Questions (FAQ)
# ---------------------------------------------------------------------------------------------

def faq_id(message: Message) -> str | None:
    """The FAQ entry this message asks about: the encoder's match, a privacy question read by
    pattern, or the NLU's info intent."""
    if reading.asks_who_can_see(message.text):
        return WHO_CAN_SEE_FAQ
    found = (message.werkmodel or {}).get(FAQ_KEY)
    if isinstance(found, dict) and found.get("id"):
        return str(found["id"])
    return INFO_FAQ.get(message.intent)


def _answer_question(state: State, message: Message) -> Reply:
    """A short true answer, then the pending question. The adapter fills the answer from
    config/faq.yml for this channel, language and hour (bot/conversation/turn.py `FAQ_RESPONSE`)."""
    asked = faq_id(message) or ""
    answers = [(FAQ_RESPONSE, {"faq": asked, "kanaal": message.channel})]
    if asked == WHO_CAN_SEE_FAQ:
        # "Can he see this?" also wants to know what is stored, and for how long (issue 25).
        answers.append((FAQ_RESPONSE, {"faq": STORED_FAQ, "kanaal": message.channel}))
    route = state.route or ROUTE_INFO
    return Reply([*answers, *pending_question(state)], replace(state, route=route, niet_begrepen=0))


# ---------------------------------------------------------------------------------------------
# The callback form
# ---------------------------------------------------------------------------------------------

def _start_form(state: State) -> Reply:
    # The place given for today's help (an urgent need) is not asked again.
    kept = {"gemeente": state.formulier["gemeente"]} if state.spoed and state.formulier.get("gemeente") else {}
    first = next(step for step in _steps(state) if step not in kept)
    state = replace(state, wacht_op=callback_form.wait_for(first), form_id=uuid.uuid4().hex[:16],
                    formulier=kept, contact={}, pogingen=0, ticket_id=None, wijzigen=False, suggestie=None)
    return Reply([ask(state, first)], state)


def _steps(state: State) -> tuple[str, ...]:
    """The form's steps: with an interpreter only a name and a way to call (issue 27)."""
    return INTERPRETER_STEPS if state.tolk else callback_form.STEPS


def _following(state: State, step: str) -> str | None:
    steps = _steps(state)
    index = steps.index(step) if step in steps else len(steps)
    return steps[index + 1] if index + 1 < len(steps) else None


def _store(state: State, step: str, values: dict[str, str]) -> State:
    if step in callback_form.CONTACT_STEPS:
        return replace(state, contact={**state.contact, **values}, pogingen=0, suggestie=None)
    return replace(state, formulier={**state.formulier, **values}, pogingen=0, suggestie=None)


def _after_answer(state: State, step: str, said: Responses = ()) -> Reply:
    """The next step, or the read-back when the form is complete or a change was made.

    A gemeente no network here serves ends the form with the truth: that gemeente has free
    cliëntondersteuning of its own (issue 29); nothing more is asked, nothing is stored.
    """
    if step == "gemeente" and not coverage.covers(state.formulier.get("gemeente")):
        elsewhere = "utter_gemeente_niet_gedekt_veilig" if _safe_contact(state) else "utter_gemeente_niet_gedekt"
        return Reply([*said, (elsewhere, {"gemeente": state.formulier["gemeente"]})],
                     replace(state, wacht_op=None, formulier={}, contact={}, form_id=None, wijzigen=False,
                             elders=state.formulier["gemeente"]))
    following = _following(state, step)
    while following is not None and following in state.formulier:  # the place given for today's help
        following = _following(state, following)
    if state.wijzigen or following is None:
        reply = _read_back(state)
        return Reply([*said, *reply.responses], reply.state)
    return Reply([*said, ask(state, following)], replace(state, wacht_op=callback_form.wait_for(following)))


_INITIAL = re.compile(r"^\s*(?:[A-Z]\.?|[a-jl-mo-wz]\.?|[knxy]\.)\s*$")  # "F.", "R", "j": one letter; "k", "n", "x" alone are chat words


def _form_answer(state: State, message: Message) -> Reply | None:
    """An answer to the pending form step, or None when the message is not one."""
    step = callback_form.step_of(state.wacht_op)
    if step is None:
        return None
    text = message.answer_text.strip()
    if step == "contact" and _safe_contact(state) and callback_form.refuses_contact(text):
        # Under violence at home "geen contact" is an answer: no callback, the ways to reach help.
        return Reply([("utter_geen_contact_veilig", {})],
                     replace(state, wacht_op=None, formulier={}, contact={}, form_id=None, pogingen=0))
    if step == "gemeente" and state.suggestie and message.intent == "bevestigen":
        return _after_answer(_store(state, step, {"gemeente": state.suggestie}), step)
    if step in callback_form.SKIPPABLE and reading.wants_to_skip(text):
        return _after_answer(_store(state, step, {}), step)
    if is_noise(text) and not (step == "naam" and _INITIAL.match(text)):
        return None  # "xyz", "hmm": never an answer ("F." is a name: a pseudonym of one letter)
    changed = reading.changes_field(text)
    if changed and changed != step:
        return None  # "ik wil dat nummer wijzigen" at another step changes that field (CHANGE)
    if faq_id(message) and message.intent not in ("bevestigen", "ontkennen") \
            and not callback_form.is_plain_answer(step, text):
        return None  # a question in between ("leest de gemeente mee") is answered, not noted
    answer = callback_form.read_answer(step, text)
    if answer.accepted:
        said: Responses = [answer.said] if answer.said else []
        return _after_answer(_store(state, step, answer.values), step, said)
    if answer.suggestion:
        return Reply([answer.retry], replace(state, suggestie=answer.suggestion, pogingen=state.pogingen + 1))
    return None


def _consent_with_answer(state: State, message: Message) -> Reply | None:
    """"Mag ik ze vragen?" answered with the first answer itself ("Goes", "ja, ik woon in Zaandam"):
    that is a yes, and the answer is noted instead of asked again."""
    if message.intent == "ontkennen" or reading.yes_or_no(message.text) == "ontkennen":
        return None
    started = _start_form(state)
    step = callback_form.step_of(started.state.wacht_op)
    text = reading.without_leading_yes(message.answer_text)
    if step is None or not text or not callback_form.is_plain_answer(step, text):
        return None
    return _form_answer(started.state, replace(message, answer_text=text))


def _form_miss(state: State, message: Message) -> Reply:
    """Not an answer: ask again kindly; after three misses offer to go on without it or a person."""
    step = callback_form.step_of(state.wacht_op)
    assert step is not None
    tries = state.pogingen + 1
    if tries >= callback_form.MAX_TRIES and state.tolk:
        # With an interpreter: no name goes on without one; no way to call ends with the numbers.
        if step == "naam":
            return _after_answer(_store(state, step, {}), step)
        return Reply([("utter_tolk_nee", {})], replace(state, wacht_op=None, form_id=None, contact={}, pogingen=0))
    if tries >= callback_form.MAX_TRIES:
        return Reply([("utter_formulier_misser", {})],
                     replace(state, wacht_op=WAIT_MISSER, vorige_wacht=state.wacht_op, pogingen=0))
    if is_noise(message.answer_text):
        first = "utter_niet_begrepen_opnieuw" if tries == 1 or state.tolk else "utter_niet_begrepen_formulier"
        return Reply([(first, {}), ask(state, step)], replace(state, pogingen=tries))
    answer = callback_form.read_answer(step, message.answer_text)
    return Reply([answer.retry or (callback_form.RETRY[step], {})], replace(state, pogingen=tries, suggestie=None))


_PERSON = re.compile(r"\b(?:mens|persoon|iemand|medewerker|meedenker|person|human)\b", re.IGNORECASE)


def _after_misses(state: State, message: Message) -> Reply:
    """Three misses: "verder zonder" skips the field (never the contact), "een mens" goes on to a
    person, anything else is read as the field's answer once more."""
    step = callback_form.step_of(state.vorige_wacht) or callback_form.STEPS[0]
    back = replace(state, wacht_op=callback_form.wait_for(step), vorige_wacht=None)
    if _PERSON.search(message.text):
        if step in ("naam", "contact"):
            return Reply([("utter_mens_zonder_contact", {})], replace(back, wacht_op=None))
        # A person calls with what is known: the other fields are not needed for that.
        return _read_back(back)
    if reading.wants_to_skip(message.text) and step in callback_form.SKIPPABLE:
        return _after_answer(_store(back, step, {}), step)
    reply = _form_answer(back, message)
    if reply is not None:
        return reply
    return Reply([("utter_formulier_misser", {})], state)


def _stop_asked(state: State, message: Message) -> Reply:
    return Reply([("utter_stop_vraag", {})], replace(state, wacht_op=WAIT_STOP, vorige_wacht=state.wacht_op))


def _stop_answered(state: State, message: Message) -> Reply | None:
    choice = reading.stop_choice(message.text)
    if choice is None and message.intent == "ontkennen":
        choice = "door"
    if choice == "door":
        back = replace(state, wacht_op=state.vorige_wacht, vorige_wacht=None)
        return Reply([("utter_formulier_verder", {}), *pending_question(back)], back)
    if choice == "formulier":
        # The answers stay sealed in this session so "toch doorgaan" can take it back; no ticket.
        return Reply([("utter_formulier_gestopt", {})], replace(state, wacht_op=None))
    if choice == "gesprek":
        return Reply([("utter_gesprek_gestopt", {})], fresh_session(state))
    return None


def _stop_unclear(state: State, message: Message) -> Reply:
    """Neither "stop the questions", "the whole conversation" nor "go on": ask it again, nothing is lost."""
    return Reply([("utter_niet_begrepen_opnieuw", {}), ("utter_stop_vraag", {})], state)


def _resume_stopped_form(state: State, message: Message) -> Reply | None:
    """"Toch doorgaan" after "stop de vragen": back to the step where it stopped."""
    if state.wacht_op is None and callback_form.step_of(state.vorige_wacht) and state.form_id \
            and reading.stop_choice(message.text) == "door":
        return _resume_form(state)
    return None


def _change_asked(state: State, message: Message) -> Reply:
    """At the read-back: "nee" or "iets veranderen" asks which; a named field goes there at once."""
    if state.tolk:
        return _start_form(state)  # two questions only: asked again, in the resident's language
    named = reading.changes_field(message.text) or callback_form.field_named(message.text) \
        or ("contact" if _new_contact(message) else None)
    if named:
        return _change_field(state, named, message)
    return Reply([("utter_vraag_wijzig", {})], replace(state, wacht_op=WAIT_WIJZIG))


def _new_contact(message: Message) -> bool:
    """A number or address the channel sealed at the read-back: a new contact detail."""
    return message.answer_text != message.text and callback_form.is_plain_answer("contact", message.answer_text)


def _change_field(state: State, step: str, message: Message) -> Reply:
    changing = replace(state, wacht_op=callback_form.wait_for(step), wijzigen=True, pogingen=0)
    # "Mijn nummer is toch 06…": the new value may be in the same message. The field's own name
    # ("moment", the change menu's button) is no value: residents' tests read back "Moment: moment".
    answer = callback_form.read_answer(step, message.answer_text)
    names_only = callback_form.field_named(message.answer_text) == step and len(message.answer_text.split()) <= 3
    if step != "naam" and answer.accepted and answer.values and not names_only:
        return _read_back(_store(changing, step, answer.values))
    return Reply([ask(changing, step)], changing)


def _which_change(state: State, message: Message) -> Reply:
    named = callback_form.field_named(message.text) or reading.changes_field(message.text)
    if named:
        return _change_field(state, named, message)
    # "ochtend", a number, a place: the new value itself says which field it changes.
    for step in ("moment", "contact", "voorkeur", "gemeente"):
        if callback_form.is_plain_answer(step, message.answer_text):
            return _change_field(state, step, message)
    return _again(state, [("utter_niet_begrepen_opnieuw", {})])


# ---------------------------------------------------------------------------------------------
# Everything else: the open conversation
# ---------------------------------------------------------------------------------------------

def _correction(state: State, message: Message) -> Reply | None:
    """"Het gaat niet over school": the topic goes, the rest stays; then the summary again."""
    denied = reading.topics_denied(message.text, state.leefgebieden)
    if not denied:
        return None
    kept = {k: v for k, v in state.leefgebieden.items() if k not in denied}
    state = replace(state, leefgebieden=kept, niet_begrepen=0)
    state = merge(state, _without(message.werkmodel, denied), message.text)
    if not state.leefgebieden:
        return Reply([("utter_vraag_correctie", {})], replace(state, wacht_op=WAIT_CORRECTIE, verduidelijkingen=0))
    return _clarify_or_summarise(state)


def _without(werkmodel: dict[str, Any], denied: list[str]) -> dict[str, Any]:
    if not werkmodel:
        return {}
    return {**werkmodel, "leefgebieden": [l for l in werkmodel.get("leefgebieden") or [] if l["id"] not in denied]}


YES_NO_WAITS = frozenset({WAIT_SAMENVATTING, WAIT_AANBOD, WAIT_TOESTEMMING, WAIT_CONTROLE})
# Intents under which a leading "ja"/"nee" is still read ("ok doei" stays a goodbye).
READ_FOR_YES_NO = frozenset({"hulpvraag", "luisteren", "buiten_bereik", "mens_gevraagd", FALLBACK_INTENT})


def _decide(state: State, message: Message) -> Reply:
    intent, text, entities = message.intent, message.text, message.entities
    if state.wacht_op in YES_NO_WAITS and intent in READ_FOR_YES_NO and reading.yes_or_no(text):
        # "ja klopt, en de brief zegt…", "NEE niet later, bel me vandaag": the answer comes first.
        intent = reading.yes_or_no(text) or intent
        state = merge(state, message.werkmodel, text)
    understood = replace(state, niet_begrepen=0)
    if state.wacht_op == WAIT_VOOR_WIE and intent not in INFO_FAQ and who_for(text):
        # A typed "voor mijn moeder" answers the question, whatever intent the model guessed.
        return _clarify_or_summarise(merge(replace(understood, voor_wie=who_for(text)), message.werkmodel, text))
    if intent in SIMPLE_RESPONSES:
        return Reply([(SIMPLE_RESPONSES[intent], {})], understood)
    if intent == "afscheid":
        if state.crisis_route:
            # No goodbye while a crisis is fresh: where to turn tonight, and the door stays open.
            return Reply([(GOODBYE_IN_CRISIS[state.crisis_route], {})], replace(understood, sinds_herinnering=0))
        return Reply([("utter_afscheid", {})], replace(understood, wacht_op=None))
    if state.spoed and reading.asks_help_now(text) and state.wacht_op not in (WAIT_SPOED_PLAATS, WAIT_TOESTEMMING) \
            and callback_form.step_of(state.wacht_op) is None:
        # Residents' tests: a 17-year-old on the street asked "wie kan ik NU bellen" three times and
        # got the summary. Today's help again, or first the question where he is.
        if state.formulier.get("gemeente") or state.elders:
            return _today(understood, [])
        return Reply([("utter_spoed_waar", {})], replace(understood, wacht_op=WAIT_SPOED_PLAATS, pogingen=0))
    if state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS and reading.abuser_gone(text):
        # Back after "hij komt eraan": welcome, and the way on (safe contact) again.
        return Reply([("utter_weer_terug", {}), (STAY_RESPONSES[ROUTE_CRISIS_VEILIG_THUIS], {})],
                     replace(understood, wacht_op=WAIT_AANBOD, sinds_herinnering=0))
    if state.crisis_route == ROUTE_CRISIS_112 and reading.help_arrived(text):
        return Reply([("utter_hulp_is_er", {})], replace(understood, wacht_op=WAIT_AANBOD, sinds_herinnering=0))
    if intent == "luisteren" and reading.refuses_listening(text):
        intent = "hulpvraag"  # "ik wil niet even praten, ik wil hulp": a question, not the listening line
    if intent in ("luisteren", "hulpvraag") and reading.wants_callback(text) and state.wacht_op in (None, WAIT_AANBOD):
        # "Ik wil gewoon dat iemand me belt over die schulden": the callback, with what was said kept;
        # to someone who also wants to talk now, the listening line first (it is there day and night).
        consent = _yes(replace(merge(understood, message.werkmodel, text), wacht_op=WAIT_AANBOD,
                               route=state.route or (ROUTE_LUISTEREN if intent == "luisteren" else ROUTE_MEEDENKER)))
        first: Responses = [("utter_luisterlijn", {})] if intent == "luisteren" and not reading.refuses_listening(text) else []
        return Reply([*first, *consent.responses], consent.state)
    if intent == "luisteren":
        if state.route == ROUTE_LUISTEREN and state.wacht_op is None:
            # Someone who only wants to talk and said no is not offered a callback again.
            return Reply([("utter_luisterlijn", {})], merge(understood, message.werkmodel, text))
        state = merge(replace(understood, route=state.route or ROUTE_LUISTEREN, wacht_op=WAIT_AANBOD), message.werkmodel, text)
        return Reply([("utter_luisterlijn", {}), ("utter_aanbod_meedenker_later", {})], state)
    if intent == "mens_gevraagd":
        return Reply([("utter_aanbod_meedenker", {})], replace(understood, wacht_op=WAIT_AANBOD))
    if intent == "kies_leefgebied" and entities.get("leefgebied") in LEEFGEBIEDEN:
        choice = {"leefgebieden": [{"id": entities["leefgebied"], "confidence": 1.0, "evidence": [CHOSEN_EVIDENCE]}]}
        return _clarify_or_summarise(merge(replace(understood, route=state.route or ROUTE_MEEDENKER), choice))
    if intent == "voor_wie" and (entities.get("voor_wie") in ("zelf", "ander") or who_for(text)):
        chosen = entities.get("voor_wie") if entities.get("voor_wie") in ("zelf", "ander") else who_for(text)
        return _clarify_or_summarise(replace(understood, voor_wie=chosen))
    if intent == "bevestigen":
        return _yes(understood)
    if intent == "ontkennen":
        return _no(understood)
    need = spoed.urgent_need(text) if not state.spoed else None
    if need and intent not in ("bevestigen", "ontkennen"):
        return _urgent(merge(replace(understood, route=state.route or ROUTE_MEEDENKER), message.werkmodel, text), need, text)
    if state.ticket_id and state.wacht_op is None and intent in ("hulpvraag", FALLBACK_INTENT) \
            and not (message.werkmodel or {}).get("leefgebieden"):
        return Reply([("utter_na_ticket", {"referentie": state.ticket_id})], understood)
    if intent == "hulpvraag" or (message.werkmodel or {}).get("leefgebieden"):
        state = merge(replace(understood, route=state.route or ROUTE_MEEDENKER), message.werkmodel, text)
        if state.voor_wie is None or state.wacht_op == WAIT_VOOR_WIE or also_for_self(text):
            state = replace(state, voor_wie=who_for(text, violence=state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS)
                            or state.voor_wie)
        return _clarify_or_summarise(state)
    if intent == BACK_INTENT or (state.crisis_route and _BACK_TO_QUESTION.search(text)):
        if state.leefgebieden:
            return _clarify_or_summarise(replace(understood, samenvatting=None))
        return Reply([("utter_vraag_open", {})], replace(understood, wacht_op=None))
    # Not understood: never loop; the second time in a row, offer a human.
    if state.niet_begrepen >= 1:
        return Reply([("utter_aanbod_meedenker", {})], replace(state, niet_begrepen=0, wacht_op=WAIT_AANBOD))
    return Reply([("utter_niet_begrepen", {})], replace(state, niet_begrepen=state.niet_begrepen + 1))


def _urgent(state: State, need: str, text: str) -> Reply:
    """A need for today: say so, and ask where the resident is to name who can help today."""
    voor_wie = who_for(text) or state.voor_wie
    state = replace(state, spoed=need, voor_wie=voor_wie, wacht_op=WAIT_SPOED_PLAATS, pogingen=0)
    if state.formulier.get("gemeente"):
        return _today(state, [])
    return Reply([("utter_spoed_erkend", {}), ("utter_spoed_waar", {})], state)


def _today(state: State, said: Responses) -> Reply:
    """Who can help today (the adapter fills the contacts), then an urgent callback on offer
    where a network here serves the gemeente; elsewhere, where its own support is."""
    gemeente = state.formulier.get("gemeente")
    if not coverage.covers(gemeente):
        return Reply([*said, ("utter_spoed_vandaag", {"spoed": state.spoed or "", "gemeente": gemeente or ""}),
                      ("utter_gemeente_niet_gedekt", {"gemeente": gemeente or ""})],
                     replace(state, wacht_op=None, pogingen=0, elders=gemeente), (EFFECT_VANDAAG,))
    return Reply([*said, ("utter_spoed_vandaag", {"spoed": state.spoed or "", "gemeente": state.formulier.get("gemeente", "")}),
                  ("utter_spoed_aanbod", {})], replace(state, wacht_op=WAIT_AANBOD, pogingen=0), (EFFECT_VANDAAG,))


def _urgent_place(state: State, message: Message) -> Reply | None:
    """The answer to "where are you?": a gemeente or place, or "weet ik niet" (the national list)."""
    if reading.wants_to_skip(message.text):
        return _today(state, [])
    if state.suggestie and message.intent == "bevestigen":
        return _today(replace(state, formulier={**state.formulier, "gemeente": state.suggestie}, suggestie=None), [])
    answer = callback_form.read_answer("gemeente", message.text)
    if answer.accepted:
        said: Responses = [answer.said] if answer.said else []
        return _today(replace(state, formulier={**state.formulier, **answer.values}), said)
    if state.pogingen >= 1:
        return _today(state, [])  # no second miss: the national list and the callback, now
    if answer.suggestion:
        return Reply([answer.retry], replace(state, suggestie=answer.suggestion, pogingen=state.pogingen + 1))
    return Reply([answer.retry or ("utter_ongeldig_gemeente", {})], replace(state, pogingen=state.pogingen + 1))


_BACK_TO_QUESTION = re.compile(r"\b(?:terug\s+naar|verder\s+met)\s+(?:mijn|m'n|mn)\s+(?:vraag|probleem|verhaal)\b", re.IGNORECASE)


def _yes(state: State) -> Reply:
    if state.wacht_op == WAIT_SAMENVATTING:
        return Reply([("utter_aanbod_meedenker", {})], replace(state, wacht_op=WAIT_AANBOD))
    if state.wacht_op == WAIT_AANBOD and callback_form.step_of(state.vorige_wacht) is not None:
        return _resume_form(state)  # the form a crisis interrupted; the callback will be urgent
    if state.wacht_op == WAIT_AANBOD:
        consent = "utter_terugbel_uitleg_veilig" if _safe_contact(state) else "utter_terugbel_uitleg"
        return Reply([(consent, {})], replace(state, wacht_op=WAIT_TOESTEMMING))
    if state.wacht_op == WAIT_TOESTEMMING:
        return _start_form(state)
    return Reply([("utter_vraag_open", {})], state)


def _no(state: State) -> Reply:
    if state.wacht_op == WAIT_SAMENVATTING:
        cleared = replace(state, leefgebieden={}, doelgroepen={}, voor_wie=None, wacht_op=WAIT_CORRECTIE,
                          verduidelijkingen=0)
        return Reply([("utter_vraag_correctie", {})], cleared)
    if state.crisis_route and state.wacht_op in (WAIT_AANBOD, WAIT_TOESTEMMING, None):
        # No callback now (or, after 112, a "nee" to nothing asked): the conversation stays open and the way to help stays in view.
        # One "nee" never makes the numbers disappear (domain guide §4).
        return Reply([(CRISIS_RESPONSES[state.crisis_route], {}), ("utter_crisis_geen_aanbod", {})],
                     replace(state, wacht_op=None, sinds_herinnering=0))
    if state.wacht_op in (WAIT_AANBOD, WAIT_TOESTEMMING):
        return Reply([("utter_geen_aanbod", {})], replace(state, wacht_op=None))
    return Reply([("utter_vraag_open", {})], state)


def _ask_again(state: State, message: Message) -> Reply:
    """Noise at a pending question: say so and ask it again; the second time, offer a human."""
    if state.niet_begrepen >= 1 and state.tolk and state.wacht_op == WAIT_TOLK:
        return Reply([("utter_tolk_aanbod", {})], replace(state, niet_begrepen=0))  # the human offer, in their language
    if state.niet_begrepen >= 1:
        return Reply([("utter_niet_begrepen_mens", {})], replace(state, niet_begrepen=0, wacht_op=WAIT_AANBOD))
    return Reply([("utter_niet_begrepen_opnieuw", {}), *pending_question(state)],
                 replace(state, niet_begrepen=state.niet_begrepen + 1))


# ---------------------------------------------------------------------------------------------
# Another language (issue 27)
# ---------------------------------------------------------------------------------------------

def _other_language(state: State, message: Message) -> Reply:
    """A message in Arabic, Turkish, Polish, Ukrainian, Tigrinya (or Russian): in that language, the
    assistant works in Dutch and English, the crisis numbers, and a callback with an interpreter.
    Once asked for, the callback is not offered again."""
    language = (message.werkmodel or {}).get("language")
    state = replace(state, tolk=state.tolk or (language if language in languages.FOREIGN else None), niet_begrepen=0)
    if state.ticket_id:
        return Reply([("utter_tolk_al_gevraagd", {})], state)
    if state.wacht_op == WAIT_TOLK:
        return Reply([("utter_tolk_aanbod", {})], state)
    return Reply([("utter_andere_taal", {})], replace(state, wacht_op=WAIT_TOLK, route=state.route or ROUTE_MEEDENKER))


def _interpreter_answer(state: State, message: Message) -> Reply | None:
    """Yes or no to the callback with an interpreter."""
    if message.intent == "bevestigen":
        return _start_form(replace(state, niet_begrepen=0))
    if message.intent == "ontkennen":
        return Reply([("utter_tolk_nee", {})], replace(state, wacht_op=None, niet_begrepen=0))
    return None


def _language_switched(state: State, message: Message) -> Reply:
    """"Kan het in het Nederlands?", "English please": the slot `taal` is set by the NLU; the
    conversation goes on in that language, no interpreter needed, with the question it waited for."""
    state = replace(state, tolk=None)
    if state.wacht_op == WAIT_TOLK:
        state = replace(state, wacht_op=None)
    again = pending_question(state)
    return Reply(again or [("utter_vraag_open", {})], state)


# ---------------------------------------------------------------------------------------------
# The table: what the assistant waits for x what the message is -> handler
# ---------------------------------------------------------------------------------------------

# What a message can be, in the order it is read: the first that fits wins.
CRISIS, CHECK, SNEL_WEG, STOP, CALLING, ANSWER, QUESTION, CORRECTION, CHANGE, NOISE, OTHER, HEARD = (
    "crisis", "check", "snel_weg", "stop", "calling_too_big", "answer", "question", "correction", "change",
    "noise", "other", "crisis_again")
FOREIGN, SWITCH = "other_language", "language_switch"
# What the assistant can wait for, as the table groups it.
OPEN, FORM = "open", "form"
ANY = "*"

Handler = Callable[[State, Message], "Reply | None"]


def _pending_kind(state: State) -> str:
    if callback_form.step_of(state.wacht_op) is not None:
        return FORM
    return state.wacht_op or OPEN


def _crisis_handler(state: State, message: Message) -> Reply:
    # Rasa has already sent the numbers by rule (data/stories/crisis.yml); the core stays.
    return _crisis(merge(replace(state, niet_begrepen=0), message.werkmodel, message.text), message.intent,
                   with_numbers=False, message=message)


def _check_handler(state: State, message: Message) -> Reply:
    # Rasa has already asked the safety check with the suspected route's numbers. An answer to the
    # form inside the same message ("0113 123456, maar niet bellen als mijn man erbij is") is kept:
    # after a "nee" the form goes on from the next step instead of asking it again.
    vorige = state.vorige_wacht if state.wacht_op == WAIT_VEILIGHEID else state.wacht_op
    step = callback_form.step_of(vorige)
    after = callback_form.next_step_after(step) if step not in (None, "gemeente") else None
    if step and after and not state.wijzigen and state.wacht_op != WAIT_VEILIGHEID:
        answer = callback_form.read_answer(step, message.answer_text)
        if answer.accepted and answer.values and callback_form.is_plain_answer(step, message.answer_text):
            state = _store(state, step, answer.values)
            vorige = callback_form.wait_for(after)
    language = (message.werkmodel or {}).get("language")
    tolk = state.tolk or (language if language in languages.FOREIGN else None)
    return Reply([], merge(replace(state, niet_begrepen=0, wacht_op=WAIT_VEILIGHEID, vorige_wacht=vorige, tolk=tolk),
                           message.werkmodel, message.text))


def _check_answer(state: State, message: Message) -> Reply | None:
    # A button, or words that say yes or no ("nee hoor! mijn man is een lieve man"): "Goes" is no
    # answer, whatever the intent model says.
    if message.text.startswith("/") and message.intent in ("bevestigen", "ontkennen"):
        said: str | None = message.intent
    else:
        said = reading.yes_or_no(message.text) or (languages.yes_or_no(message.text, state.tolk) if state.tolk else None)
    if said is None:
        return None
    return _after_check(replace(state, niet_begrepen=0), said == "bevestigen")


def _heard_again(state: State, message: Message) -> Reply:
    """The same danger told again: heard, the numbers in short, and the pending question if any,
    not the whole crisis reply and the same question once more (residents' tests, issue 25)."""
    again = [r for r in pending_question(state) if r[0] not in STAY_RESPONSES.values()]
    heard = "utter_crisis_gehoord_vt" if state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS else "utter_crisis_gehoord"
    return Reply([(heard, {}), *again], replace(state, sinds_herinnering=0, niet_begrepen=0))


def _zmp_chat(state: State, message: Message) -> Reply:
    return Reply([("utter_zmp_chat", {})], replace(state, wacht_op=WAIT_AANBOD, sinds_herinnering=0))


def _confirm_read_back(state: State, message: Message) -> Reply | None:
    """"Ja" to "Klopt dit?": the adapter writes the callback ticket."""
    if message.intent == "bevestigen":
        return Reply([], replace(state, wacht_op=None), (EFFECT_SUBMIT,))
    return None


def _change_in_form(state: State, message: Message) -> Reply:
    """"Mijn nummer is toch…" in the middle of the form: that field, then back to the read-back."""
    return _change_field(state, reading.changes_field(message.text) or "contact", message)


def _read_back_denied(state: State, message: Message) -> Reply:
    """"Nee" or "iets veranderen" to "Klopt dit?": which detail to change. Anything else ("wat is
    informeel?") never loses the form: not understood, and the details read back again."""
    if message.intent == "ontkennen" or reading.yes_or_no(message.text) == "ontkennen" or _CHANGE_WORDS.search(message.text):
        return _change_asked(state, message)
    return _again(state, [("utter_niet_begrepen_opnieuw", {})])


_CHANGE_WORDS = re.compile(r"\b(?:veranderen|wijzigen|aanpassen|anders|klopt\s+niet|change|wrong)\b", re.IGNORECASE)


def _form_other(state: State, message: Message) -> Reply:
    """Not an answer to the form step: a question of the NLU's info intents, or a miss."""
    return _answer_question(state, message) if message.intent in INFO_FAQ else _form_miss(state, message)


TABLE: dict[tuple[str, str], Handler] = {
    (ANY, CRISIS): _crisis_handler,
    (ANY, CHECK): _check_handler,
    (ANY, SNEL_WEG): _snel_weg,
    (ANY, CALLING): _zmp_chat,
    (ANY, HEARD): _heard_again,
    (ANY, SWITCH): _language_switched,
    (WAIT_TOLK, ANSWER): _interpreter_answer,
    (ANY, FOREIGN): _other_language,
    (FORM, STOP): _stop_asked,
    (WAIT_CONTROLE, STOP): _stop_asked,
    (WAIT_WIJZIG, STOP): _stop_asked,
    (WAIT_MISSER, STOP): _stop_asked,
    (WAIT_STOP, ANSWER): _stop_answered,
    (WAIT_STOP, OTHER): _stop_unclear,
    (WAIT_VEILIGHEID, ANSWER): _check_answer,
    (WAIT_VEILIG_NU, ANSWER): _safe_now,
    (FORM, ANSWER): _form_answer,
    (WAIT_TOESTEMMING, ANSWER): _consent_with_answer,
    (WAIT_MISSER, ANSWER): _after_misses,
    (WAIT_CONTROLE, ANSWER): _confirm_read_back,
    (WAIT_WIJZIG, ANSWER): _which_change,
    (WAIT_SPOED_PLAATS, ANSWER): _urgent_place,
    (OPEN, ANSWER): _resume_stopped_form,
    (ANY, QUESTION): _answer_question,
    (WAIT_SAMENVATTING, CORRECTION): _correction,
    (WAIT_CORRECTIE, CORRECTION): _correction,
    (WAIT_AANBOD, CORRECTION): _correction,
    (OPEN, CORRECTION): _correction,
    (FORM, CHANGE): _change_in_form,
    (WAIT_CONTROLE, CHANGE): _change_asked,
    (WAIT_CONTROLE, OTHER): _read_back_denied,
    (FORM, NOISE): _form_miss,
    (FORM, OTHER): _form_other,
    (ANY, NOISE): _ask_again,
    (ANY, OTHER): _decide,
}

_STOP_WAITS = frozenset({FORM, WAIT_CONTROLE, WAIT_WIJZIG, WAIT_MISSER})
WORD_ANSWERS = frozenset({WAIT_WIJZIG, WAIT_STOP, WAIT_MISSER, WAIT_SPOED_PLAATS, WAIT_CONTROLE})

# How each intent of the NLU is read, before the words themselves are read (bot/conversation/reading.py).
# Rasa's rules are generated from this (scripts/generate_rules.py): intents with a rule of their
# own are sent there first (the crisis numbers, the safety check, starting again); every other
# intent goes straight to the dialogue core.
INTENT_KINDS: dict[str, str] = {
    **{intent: CRISIS for intent in CRISIS_RESPONSES},
    CHECK_INTENT: CHECK,
    SNEL_WEG_INTENT: SNEL_WEG,
    CRISIS_AGAIN_INTENT: HEARD,
    **{intent: QUESTION for intent in INFO_FAQ},
    "bevestigen": ANSWER, "ontkennen": ANSWER, "kies_leefgebied": ANSWER, "voor_wie": ANSWER,
    FALLBACK_INTENT: NOISE,
    BACK_INTENT: OTHER,
    "groet": OTHER, "afscheid": OTHER, "bedankt": OTHER, "mens_gevraagd": OTHER, "buiten_bereik": OTHER,
    "hulpvraag": OTHER, "luisteren": OTHER, "engels": OTHER, "opnieuw": OTHER,
}
OWN_RULES = frozenset({*CRISIS_RESPONSES, CHECK_INTENT, "opnieuw"})  # data/stories/crisis.yml, rules.yml


def generic_rule_intents() -> list[str]:
    """The intents of the one generic rule "every resident turn is answered by the dialogue core"."""
    return [intent for intent in INTENT_KINDS if intent not in OWN_RULES]


def read_kinds(state: State, message: Message) -> list[str]:
    """What the message may be, most urgent first; the table's first handler that takes it wins."""
    pending = _pending_kind(state)
    kinds: list[str] = []
    if message.intent in CRISIS_RESPONSES:
        kinds.append(CRISIS)
    if message.intent == CHECK_INTENT:
        kinds.append(CHECK)
    if message.intent == SNEL_WEG_INTENT or (state.crisis_route and reading.abuser_near(message.text)):
        kinds.append(SNEL_WEG)
    if message.intent == CRISIS_AGAIN_INTENT:
        kinds.append(CALLING if reading.calling_too_big(message.text) else HEARD)
    if kinds:
        return kinds
    if languages.switch_asked(message.text):
        return [SWITCH]
    if message.intent == FOREIGN_INTENT and pending not in (FORM, WAIT_CONTROLE, WAIT_VEILIGHEID):
        return [FOREIGN]  # a name or number in the form is an answer, whatever its script
    # Where the answer is one word of our own ("moment", "stop de vragen", a place), the intent
    # model's doubt is no noise; only the text itself can be.
    noisy = is_noise(message.answer_text) or (message.intent == FALLBACK_INTENT and state.wacht_op not in WORD_ANSWERS)
    if noisy and pending != FORM:
        # Noise is never a yes, a no or a choice, whatever intent the model guessed (issue 9); a
        # question the FAQ knows is still a question when the intent model was unsure of it.
        asked = [QUESTION] if not is_noise(message.answer_text) and (message.werkmodel or {}).get(FAQ_KEY) else []
        return [*asked, NOISE, OTHER] if state.wacht_op in PENDING_QUESTIONS else [*asked, OTHER]
    if pending in _STOP_WAITS and callback_form.is_cancel(message.answer_text):
        kinds.append(STOP)
    if state.crisis_route == ROUTE_CRISIS_113 and reading.calling_too_big(message.text):
        kinds.append(CALLING)
    kinds.append(ANSWER)
    if state.leefgebieden and pending not in (FORM, WAIT_CONTROLE):
        kinds.append(CORRECTION)  # "het gaat niet over geld" is a correction, not a question about cost
    if faq_id(message) and (message.intent in INFO_FAQ or (message.werkmodel or {}).get(FAQ_KEY)
                            or reading.asks_who_can_see(message.text)):
        kinds.append(QUESTION)
    if pending in (FORM, WAIT_CONTROLE) and reading.changes_field(message.text) \
            or pending == WAIT_CONTROLE and _new_contact(message):
        kinds.append(CHANGE)
    if noisy:
        kinds.append(NOISE)
    kinds.append(OTHER)
    return kinds


def next_step(state: State, intent: str, parse_werkmodel: dict[str, Any] | None, text: str,
              entities: dict[str, str] | None = None, had_bsn: bool = False,
              form_text: str | None = None, channel: str = "rest") -> Reply:
    """The responses for this turn and the state after it.

    `form_text` is the resident's unmasked answer when the channel sealed it (a name or contact
    detail typed into the callback form); otherwise the form reads `text`. `channel` is "widget",
    "rest", "telegram" or "whatsapp": how to close the chat, and whether a crisis bar is shown.
    """
    language = (parse_werkmodel or {}).get("language")
    said = languages.yes_or_no(text, state.tolk) if state.tolk else None
    if said and intent not in CRISIS_RESPONSES and intent != CHECK_INTENT:
        intent = said  # "так", "evet": a yes in the conversation's language, whatever the model read
    elif intent == ENGLISH_INTENT and language in languages.FOREIGN:
        # Another language: its yes or no is read; anything else gets the message in that language.
        intent = languages.yes_or_no(text, language) or FOREIGN_INTENT
    elif intent == ENGLISH_INTENT:
        # English all the way (issue 27): the English message is read as what it says; the
        # responses come in English by the slot `taal`.
        intent = reading.english_intent(text)
    message = Message(intent, parse_werkmodel or {}, text, form_text if form_text is not None else text,
                      entities or {}, channel)
    pending = _pending_kind(state)
    reply: Reply | None = None
    for kind in read_kinds(state, message):
        for key in ((pending, kind), (ANY, kind)):
            handler = TABLE.get(key)
            reply = handler(state, message) if handler else None
            if reply is not None:
                break
        if reply is not None:
            break
    assert reply is not None  # (ANY, OTHER) always answers
    if SNEL_WEG_INTENT == intent or (reply.responses and reply.responses[0][0].startswith("utter_snel_weg")):
        return reply  # one short line, nothing before or after it
    reply = _no_offer_elsewhere(reply)
    responses, state = _with_crisis_reminder(reply.state, reply.responses, channel)
    if had_bsn:
        responses = [("utter_geen_bsn", {}), *responses]
    return Reply(responses, state, reply.effects)


OFFERS = frozenset({"utter_aanbod_meedenker", "utter_aanbod_meedenker_later", "utter_terugbel_uitleg",
                    "utter_terugbel_uitleg_veilig", "utter_spoed_aanbod", "utter_niet_begrepen_mens"})


def _no_offer_elsewhere(reply: Reply) -> Reply:
    """Where no network here serves the gemeente, a callback is never offered again (issue 29)."""
    if not reply.state.elders or not any(name in OFFERS for name, _ in reply.responses):
        return reply
    told = ("utter_gemeente_niet_gedekt", {"gemeente": reply.state.elders})
    responses = [told if name in OFFERS else (name, values) for name, values in reply.responses]
    return Reply(_unique(responses),
                 replace(reply.state, wacht_op=None), reply.effects)


def _unique(responses: Responses) -> Responses:
    seen: list[tuple[str, dict[str, str]]] = []
    for response in responses:
        if response not in seen:
            seen.append(response)
    return seen


def _with_crisis_reminder(state: State, responses: Responses, channel: str) -> tuple[Responses, State]:
    """After a crisis the numbers come back now and then: every few turns, not between the short
    questions of the form, and never on the widget (its crisis bar keeps them in view)."""
    shown = any(name.split("_")[1] in NUMBER_TOPICS or name in WITH_NUMBERS for name, _ in responses)
    if not state.crisis_route or shown:
        return responses, replace(state, sinds_herinnering=0) if shown else state
    in_form = (callback_form.step_of(state.wacht_op) is not None or callback_form.step_of(state.vorige_wacht) is not None
               or state.wacht_op in (WAIT_CONTROLE, WAIT_WIJZIG, WAIT_MISSER, WAIT_STOP))
    due = state.sinds_herinnering + 1 >= REMINDER_EVERY
    if due and not in_form and channel != WIDGET:
        return [("utter_crisis_herinnering", {}), *responses], replace(state, sinds_herinnering=0)
    return responses, replace(state, sinds_herinnering=state.sinds_herinnering + 1)


def may_write_a_ticket(wacht_op: str | None, intent: str) -> bool:
    """Whether `next_step` can give an effect that writes a ticket (a callback or a crisis flag).

    Why: a ticket's summary is made of the worry's earlier messages, and only then does the action
    server need them; Rasa sends them on these turns only (addons/rasa_patches/speed.py). It may say yes
    too often, never too rarely (tests/bot/conversation/test_dialogue_effects.py tries every pending question
    and intent).
    """
    if intent in CRISIS_RESPONSES or wacht_op in (WAIT_VEILIGHEID, WAIT_VEILIG_NU):
        return True  # a crisis, or the answer to the safety check
    return wacht_op == WAIT_CONTROLE  # "ja" to the read-back writes the callback ticket


def fresh_session(state: State) -> State:
    """The state a conversation returns to after its session expired or was stopped (issue 9).

    Nothing half-done survives: no open form, no pending consent or summary, no labels of the
    old question. Only a crisis carries over, so the next reply shows the numbers first.
    """
    # A crisis reminder is due at once on the first reply, so the numbers come first.
    return State(crisis_route=state.crisis_route, sinds_herinnering=REMINDER_EVERY if state.crisis_route else 0)
