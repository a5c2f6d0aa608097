"""Handlers for another language: the offer of an interpreter and a switch of language.
"""
from __future__ import annotations

from dataclasses import replace

from bot.understanding import languages
from bot.understanding.werkmodel import ROUTE_MEEDENKER
from bot.conversation.dialogue.state import Message, Reply, State, WAIT_TOLK
from bot.conversation.dialogue.asking import pending_question
from bot.conversation import callback_form
from bot.conversation.dialogue.form_steps import _form_answer, _start_form


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
    step = callback_form.step_of(state.wacht_op)
    if step is not None and callback_form.is_plain_answer(step, message.answer_text):
        # "06 1234 5678. please call in english": the number is kept and the form goes on in English
        # (residents' round 47: it was asked for again).
        answered = _form_answer(state, message)
        if answered is not None:
            return answered
    if state.wacht_op == WAIT_TOLK:
        state = replace(state, wacht_op=None)
    again = pending_question(state)
    return Reply(again or [("utter_vraag_open", {})], state)
