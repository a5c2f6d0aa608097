"""Handlers for danger: the crisis reply, the answer to the safety check, "are you safe now?",
the quick exit (snel weg), and going back to the form afterwards.
"""
from __future__ import annotations

import re
from dataclasses import replace

from bot.conversation import callback_form, reading
from bot.understanding import languages
from bot.conversation.summary import said_by_someone_else, who_for
from bot.understanding.crisis import is_negated_crisis
from bot.understanding.werkmodel import ROUTE_CRISIS_112, ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS
from bot.conversation.dialogue.state import (
    APP_CHANNELS,
    CRISIS_RESPONSES,
    EFFECT_FLAG_CRISIS,
    Message,
    Reply,
    NO_DANGER_RESPONSES,
    STAY_RESPONSES,
    State,
    WAIT_AANBOD,
    WAIT_MISSER,
    WAIT_NA_112,
    WAIT_STOP,
    WAIT_TOLK,
    WAIT_VEILIGHEID,
    WAIT_VEILIG_NU,
    WIDGET,
)
from bot.conversation.dialogue.asking import _clarify_or_summarise, ask, pending_question


# ---------------------------------------------------------------------------------------------
# Danger
# ---------------------------------------------------------------------------------------------

def _open_form_step(state: State) -> str | None:
    """The callback form's pending step (also while a safety check is asked), or None."""
    if callback_form.step_of(state.wacht_op) is not None:
        return state.wacht_op
    # "Bent u nu veilig?" after danger told in the form, answered with more danger: the form step waits on
    # (residents' round 44: a widower's callback form was lost and he was asked for his story again).
    if state.wacht_op in (WAIT_VEILIGHEID, WAIT_STOP, WAIT_MISSER, WAIT_VEILIG_NU) and callback_form.step_of(state.vorige_wacht):
        return state.vorige_wacht
    return None


def _crisis(state: State, route: str, with_numbers: bool, message: Message | None = None) -> Reply:
    # Danger told inside the callback form: the numbers come first, and the answers given so far
    # are kept, so a "ja" to the offer goes on where it was (the callback is then urgent).
    form_step = _open_form_step(state)
    # After 112 nothing is asked: the resident calls first (no listening line, no callback on offer).
    wait = WAIT_VEILIG_NU if route == ROUTE_CRISIS_113 else WAIT_NA_112 if route == ROUTE_CRISIS_112 else WAIT_AANBOD
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
    if (route == ROUTE_CRISIS_113 and message is not None and state.taal in (None, "nl", "en")
            and said_by_someone_else(message.text, route)):
        # "Vorige week zei hij 'ik wil er niet meer zijn'": 113 for those around him (Rasa sent that reply
        # by rule, addons/rasa_patches/nlg.py), and no "Bent u nu veilig?" to the mother who tells it.
        told = [("utter_crisis_113_ander", {})] if with_numbers else []
        return Reply([*told, ("utter_aanbod_meedenker_later", {})],
                     replace(state, wacht_op=WAIT_AANBOD, voor_wie="ander"), (EFFECT_FLAG_CRISIS,))
    if route == ROUTE_CRISIS_113 and message is not None and reading.calling_too_big(message.text):
        return Reply([*numbers, ("utter_zmp_chat", {})], replace(state, wacht_op=WAIT_AANBOD), (EFFECT_FLAG_CRISIS,))
    if route == ROUTE_CRISIS_112 and message is not None and state.taal in (None, "nl", "en") \
            and _GAS.search(message.text):
        # A gas smell: what to do before and while calling (residents' round 41: only "Bel nu 112").
        # Its own "stay" line: "Bel eerst 112, nu" would contradict "bel als u buiten bent".
        return Reply([*numbers, ("utter_gas_veilig", {})], state, (EFFECT_FLAG_CRISIS,))
    return Reply([*numbers, (STAY_RESPONSES[route], {})], state, (EFFECT_FLAG_CRISIS,))


_GAS = re.compile(r"\bgas(?:lucht|lek|geur)?\b|\bsmell(?:s|ing)? (?:of )?gas\b", re.IGNORECASE)


def _after_check(state: State, in_danger: bool, heavy: bool = False) -> Reply:
    """"Ja" gives the full crisis reply; "nee" goes back to where the conversation was. A "nee" that says
    life is heavy ("maar het leven is zo leeg zonder Ans") is heard, with 113 and the listening line, never
    "sorry als ik u liet schrikken" (residents' round 48: a widower who had wished not to wake up)."""
    if in_danger:
        route = state.vermoed_crisis if state.vermoed_crisis in CRISIS_RESPONSES else "crisis_113"
        return _crisis(state, route, with_numbers=True)
    resumed = replace(state, wacht_op=state.vorige_wacht, vorige_wacht=None, veilig_gezegd=True)
    if state.tolk and callback_form.step_of(resumed.wacht_op) is None:
        # Another language: no danger, then what every message in it gets (the numbers stay in it).
        if state.ticket_id:
            return Reply([("utter_tolk_al_gevraagd", {})], replace(resumed, wacht_op=None))
        return Reply([("utter_andere_taal", {})], replace(resumed, wacht_op=WAIT_TOLK))
    no_danger = (NO_DANGER_RESPONSES.get(state.vermoed_crisis or "", "utter_veiligheid_nee"), {})
    if heavy and state.vermoed_crisis in (None, "onbekend", ROUTE_CRISIS_113):
        no_danger = ("utter_veiligheid_nee_zwaar", {})
    again = pending_question(resumed)
    if again:
        return Reply([no_danger, *again], resumed)
    if resumed.leefgebieden:
        reply = _clarify_or_summarise(resumed)
        return Reply([no_danger, *reply.responses], reply.state)
    return Reply([no_danger, ("utter_vraag_open", {})], resumed)


# "nee joh ik doe niks geks", "ik ben gewoon veilig hoor" (residents' round 41: both got "Bel dan nu 112").
_SAFE_NOW = re.compile(r"\b(?:ik\s+ben\s+(?:nu\s+|wel\s+|gewoon\s+|echt\s+|heus\s+|hier\s+)*veilig|het\s+gaat\s+(?:nu\s+)?(?:wel|weer)"
                       r"|ik\s+doe\s+(?:mezelf|mijzelf|mij)\s+(?:niks|niets)|ik\s+(?:doe|ga)\s+(?:\w+\s+)?(?:niks|niets)\s+(?:geks|raars|stoms|doms)"
                       # "vandaag doe ik niks hoor" (residents' round 44: a widower got his summary again)
                       r"|(?:vandaag|vanavond|vannacht|nu)\s+doe\s+ik\s+(?:echt\s+)?(?:niks|niets)"
                       r"|i\s*(?:'m|\s+am)\s+safe)\b", re.IGNORECASE)
# "nee er is geen gevaar. ik ben alleen moe en verdrietig" to "Bent u nu veilig?": safe for now, said with a
# "nee" (residents' round 47: a widow who had told of her thoughts got "dan begreep ik u verkeerd").
_NO_DANGER_NOW = re.compile(r"\b(?:er\s+is\s+)?geen\s+(?:direct\s+|acuut\s+)?gevaar\b|\bniet\s+in\s+gevaar\b"
                            r"|\bik\s+heb\s+geen\s+plan\b|\bno\s+danger\b|\bnot\s+in\s+danger\b", re.IGNORECASE)
# "Ja, daar denk ik aan" (the zelfdoding question's own button, pressed again), "ik ga ze vanavond
# nemen": no "ja, ik ben veilig" (residents' round 40: "Fijn dat u nu veilig bent" followed).
_NOT_SAFE_NOW = re.compile(r"\bniet\s+veilig\b|\bnot\s+safe\b|\bdaar\s+denk\s+ik\s+(?:wel\s+)?aan\b"
                           r"|\bik\s+denk\s+(?:er\s+)?(?:wel\s+|soms\s+|vaak\s+)?aan\b|\bwil\s+(?:dood|niet\s+meer)\b"
                           r"|\bik\s+ga\s+(?:het|ze)\b", re.IGNORECASE)


_NOT_ME = re.compile(r"\b(?:niet|nie)\s+(?:om|over|voor)\s+(?:mij|mezelf|mijzelf)\b|\bhet\s+gaat\s+(?:om|over)\s+(?:mijn|mn|m'n|onze)\s+\w+"
                     r"|\bnot\s+(?:about|for)\s+me\b|\bnot\s+me\b|\bit\s+is\s+my\s+(?:wife|husband|son|daughter|mother|father|friend|sister|brother)\b"
                     r"|\bniet\s+ik\b|\bhet\s+is\s+(?:mijn|mn|m'n)\s+(?:vrouw|man|zoon|dochter|moeder|vader|vriendin|vriend|zus|broer)\b",
                     re.IGNORECASE)


def about_someone_else(text: str) -> bool:
    """"Not me! my wife", "het gaat om mijn zoon": the danger the check asked about is someone else's."""
    return bool(_NOT_ME.search(text)) and not _NOT_SAFE_NOW.search(text)


def _safe_now(state: State, message: Message) -> Reply | None:
    """The answer to "Bent u nu veilig?"; None when the message is something else."""
    said = reading.yes_or_no(message.text, ok_with_question=True)  # "JA. dat zei ik al 2 keer", whatever the intent model guessed
    # "Nee nee het gaat niet om mij, hij zit nu boven te gamen": a mother telling what her son said is
    # no "not safe" (residents' round 40: "Bel dan nu 112"); believed, with the numbers in view.
    about_other = _NOT_ME.search(message.text) is not None and not _NOT_SAFE_NOW.search(message.text)
    # "Ja, ik ben nu veilig" after thoughts of suicide were confirmed is safe for now, never "dan begreep ik u
    # verkeerd" (residents' round 46: a man who had said "ja soms wel" about driving into a tree got it).
    safe_said = (_SAFE_NOW.search(message.text) is not None and "ontkennen" not in (said, message.intent)) \
        or (_NO_DANGER_NOW.search(message.text) is not None and not _NOT_SAFE_NOW.search(message.text))
    if (is_negated_crisis(message.text) or about_other) and not _NOT_SAFE_NOW.search(message.text) and not safe_said:
        # "NEE ik denk niet aan zelfdoding!!" is no "not safe" (residents' round 39: it got "Bel dan
        # nu 112"): believed, with the numbers in view, and the conversation goes on.
        resumed = replace(state, wacht_op=WAIT_AANBOD, veilig_gezegd=True)
        if callback_form.step_of(state.vorige_wacht):
            back = _resume_form(resumed)
            return Reply([("utter_veiligheid_nee", {}), *back.responses], back.state)
        return Reply([("utter_veiligheid_nee", {}), ("utter_aanbod_meedenker_later", {})], resumed)
    # "Ik weet het niet. Soms wel een beetje" is no answer to ask again (round 40): not sure is not safe.
    maybe = said is None and reading.says_maybe(message.text) and not _SAFE_NOW.search(message.text)
    if _NOT_SAFE_NOW.search(message.text) or maybe or ("ontkennen" in (message.intent, said)
                                                        and not _SAFE_NOW.search(message.text) and not safe_said):
        return Reply([("utter_crisis_niet_veilig", {})], replace(state, wacht_op=WAIT_AANBOD, sinds_herinnering=0))
    if safe_said or _SAFE_NOW.search(message.text) or "bevestigen" in (message.intent, said):
        if callback_form.step_of(state.vorige_wacht):
            back = _resume_form(state)
            return Reply([("utter_veilig_nu_formulier", {}), *back.responses[1:]], back.state)
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
