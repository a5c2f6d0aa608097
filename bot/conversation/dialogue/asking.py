"""Asking and asking again: the summary or a clarifying question, the pending question of each
step, the details read back (a name or a contact shown only partly).
"""
from __future__ import annotations

import re
from dataclasses import replace

from bot.conversation import callback_form
from bot.conversation.contact import PREFERENCE_LABELS
from bot.conversation.summary import key_words, summary_values
from bot.understanding.werkmodel import ROUTE_CRISIS_VEILIG_THUIS, ROUTE_LUISTEREN
from bot.conversation.dialogue.state import (
    MAX_CLARIFICATIONS,
    Reply,
    Responses,
    STAY_RESPONSES,
    State,
    WAIT_AANBOD,
    WAIT_CONTROLE,
    WAIT_CORRECTIE,
    WAIT_LEEFGEBIED,
    WAIT_MISSER,
    WAIT_NA_112,
    WAIT_SAMENVATTING,
    WAIT_SPOED_PLAATS,
    WAIT_STOP,
    WAIT_TOESTEMMING,
    WAIT_TOLK,
    WAIT_VEILIGHEID,
    WAIT_VEILIG_NU,
    WAIT_VOOR_WIE,
    WAIT_WIJZIG,
    WAIT_WIJZIG_TICKET,
)


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
        "bereik": _hidden_contact(state.contact, state.formulier.get(callback_form.CONTACT_WISH)),
        "moment": state.formulier.get("moment") or "-",
        "gemeente": state.formulier.get("gemeente") or "-",
        "voorkeur": state.formulier.get("voorkeur_woorden")
        or PREFERENCE_LABELS.get(state.formulier.get("voorkeur") or "", state.formulier.get("voorkeur") or "-"),
    }
    # With an interpreter only name and contact were asked; in Dutch or English say so, not "Moment: -".
    name = "utter_controle_tolk" if state.tolk and state.taal in ("nl", "en") else "utter_controle"
    return Reply([(name, values)], replace(state, wacht_op=WAIT_CONTROLE, wijzigen=False, pogingen=0))


def _hidden_name(name: str | None) -> str:
    """The first letter only: the read-back is stored in the conversation, the name only encrypted."""
    if not name:
        return "-"
    return name.rstrip(".") if len(name) <= 2 else f"{name[0]}…"


def _hidden_contact(contact: dict[str, str], wish: str | None = None) -> str:
    """The detail partly hidden, and the resident's own words on how to call ("spreek geen voicemail
    in") so they see that the wish was heard."""
    shown = []
    if contact.get("phone"):
        digits = re.sub(r"\D", "", contact["phone"])
        shown.append(f"…{digits[-4:]}")
    if contact.get("email"):
        local, _, domain = contact["email"].partition("@")
        shown.append(f"{local[:1]}…@{domain}")
    said = ", ".join(shown) or "-"
    return f"{said} ({wish})" if wish and shown else said


# The pending question in plainer words, for a resident who asks "wat bedoel je?"; others are said
# again after "Ik zeg het op een andere manier".
SIMPLER: dict[str, str] = {
    WAIT_TOESTEMMING: "utter_toestemming_eenvoudig", WAIT_AANBOD: "utter_aanbod_eenvoudig",
    callback_form.wait_for("gemeente"): "utter_vraag_gemeente_eenvoudig",
    callback_form.wait_for("naam"): "utter_vraag_naam_eenvoudig",
    callback_form.wait_for("contact"): "utter_vraag_contact_eenvoudig",
    callback_form.wait_for("moment"): "utter_vraag_moment_eenvoudig",
}


def simpler_question(state: State) -> Responses:
    """The pending question again, in plainer words where there are some (residents' round 36).
    Not where the words were chosen for safety (a safe contact, after danger) or the resident
    reads another language: there the same question comes again."""
    if state.tolk:
        return [("utter_niet_begrepen_opnieuw", {}), *pending_question(state)]
    step = callback_form.step_of(state.wacht_op)
    careful = (state.wacht_op == WAIT_AANBOD and state.crisis_route) or (
        _safe_contact(state) and (state.wacht_op == WAIT_TOESTEMMING or step in SAFE_ASK))
    simpler = SIMPLER.get(state.wacht_op or "")
    if simpler and not careful:
        return [(simpler, {})]
    return [("utter_anders_gezegd", {}), *pending_question(state)]


def pending_question(state: State) -> Responses:
    """The question the conversation waits for, with its buttons, to ask it again."""
    step = callback_form.step_of(state.wacht_op)
    if step is not None:
        return [ask(state, step)]
    if state.wacht_op == WAIT_SAMENVATTING:
        return [_summary_response(state)]
    if state.wacht_op == WAIT_CONTROLE:
        return _read_back(state).responses
    if state.wacht_op == WAIT_WIJZIG_TICKET:
        changing = callback_form.step_of(state.vorige_wacht)
        return [ask(state, changing) if changing else ("utter_vraag_wijzig", {})]
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
        WAIT_NA_112: "utter_crisis_112_aandringen",
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
