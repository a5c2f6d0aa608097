"""The dialogue's vocabulary: what the assistant waits for (WAIT_*), the intents and effects it
names, the kinds of message the table reads, and the frozen State, Reply and Message.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.conversation import spoed


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
WAIT_WIJZIG_TICKET = "wijzig_ticket"  # after the ticket: which detail to change, or its new value
WAIT_MISSER = "misser"  # three misses at one field: go on without it, or a person?
WAIT_SPOED_PLAATS = "spoed_plaats"  # an urgent need today: where are you, so I can name who helps today?
WAIT_NA_112 = "na_112"  # after "Bel nu 112": until the resident has called or help has come
WAIT_TOLK = "tolk"  # another language: a callback with an interpreter? (issue 27)

# Questions the resident is expected to answer; noise there is asked again (issue 9).
PENDING_QUESTIONS = frozenset(
    {WAIT_LEEFGEBIED, WAIT_VOOR_WIE, WAIT_SAMENVATTING, WAIT_AANBOD, WAIT_CORRECTIE, WAIT_TOESTEMMING,
     WAIT_VEILIGHEID, WAIT_VEILIG_NU, WAIT_STOP, WAIT_CONTROLE, WAIT_WIJZIG, WAIT_MISSER, WAIT_SPOED_PLAATS,
     WAIT_TOLK, WAIT_WIJZIG_TICKET}
)
FALLBACK_INTENT = "nlu_fallback"

# Effects the adapter carries out after the turn.
EFFECT_SUBMIT = "submit_callback"
EFFECT_UPDATE = "update_ticket"  # a detail changed after the ticket: written into that ticket
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
# "Nee" to the safety check: the numbers of the danger it asked about, for later; all three only when the
# route is unknown (residents' round 45: a lonely widower got 112, 113 and Veilig Thuis listed).
NO_DANGER_RESPONSES = {
    "crisis_113": "utter_veiligheid_nee_113",
    "crisis_112": "utter_veiligheid_nee_112",
    "crisis_veilig_thuis": "utter_veiligheid_nee_vt",
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


# What a message can be, in the order it is read: the first that fits wins.
CRISIS, CHECK, SNEL_WEG, STOP, CALLING, ANSWER, QUESTION, CORRECTION, CHANGE, NOISE, OTHER, HEARD = (
    "crisis", "check", "snel_weg", "stop", "calling_too_big", "answer", "question", "correction", "change",
    "noise", "other", "crisis_again")
FOREIGN, SWITCH = "other_language", "language_switch"
UNCLEAR = "unclear"  # "wat bedoel je?", "ik begrijp het niet": the pending question in other words
GIVE_UP = "give_up"  # "laat maar", "stop" before the form: no callback now, "toch wel" takes it back
RETURNED = "returned"  # "ik ben er weer, hij is weg" after "hij komt eraan": safe now? then on where we were
# What the assistant can wait for, as the table groups it.
OPEN, FORM = "open", "form"
ANY = "*"
