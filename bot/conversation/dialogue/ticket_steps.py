"""A detail changed after the ticket is written ("mijn nummer klopt niet, het is ..."): the change
goes into that same ticket, never into a second one.

Residents' round 38: a resident who typed a wrong number was asked three times what she meant,
sent to De Luisterlijn, and then got a second ticket through the whole form again; the meedenker
would have called the wrong number first.
"""
from __future__ import annotations

from dataclasses import replace

from bot.conversation import callback_form, reading
from bot.conversation.dialogue.asking import _again, ask
from bot.conversation.dialogue.state import EFFECT_UPDATE, WAIT_WIJZIG_TICKET, Message, Reply, State

# Where a value alone says which detail it changes: a number, a day, a place, a wish.
_BY_VALUE = ("contact", "moment", "gemeente", "voorkeur")


def change_after_ticket(state: State, message: Message) -> Reply | None:
    """"Ik wil mijn nummer veranderen" after the ticket: the new value, or the question for it."""
    if not state.ticket_id or not reading.wants_change(message.text):
        return None
    return _change(replace(state, wacht_op=WAIT_WIJZIG_TICKET, vorige_wacht=None, pogingen=0, contact={},
                           formulier={}), message, first=True)


def ticket_change_answer(state: State, message: Message) -> Reply | None:
    """The answer to "wat wilt u veranderen?" or to the field's own question after the ticket."""
    if not state.ticket_id:
        return None  # no ticket to change (a session that expired): read as any other message
    # Only the words say no: the intent model read "nummer" (the change menu's button) as "ontkennen"
    # (residents' round 39).
    named = callback_form.field_named(message.text) or reading.changes_field(message.text)
    if callback_form.is_cancel(message.answer_text) or reading.gives_up(message.text) \
            or (reading.yes_or_no(message.text) == "ontkennen" and named is None
                and not callback_form.step_of(state.vorige_wacht)):
        return Reply([("utter_ticket_ongewijzigd", {"referentie": state.ticket_id or ""})],
                     replace(state, wacht_op=None, vorige_wacht=None, pogingen=0))
    return _change(state, message, first=False)


def _change(state: State, message: Message, first: bool) -> Reply:
    asked = callback_form.step_of(state.vorige_wacht)
    step = asked or reading.changes_field(message.text) or callback_form.field_named(message.text)
    if step is None and not first:
        step = next((s for s in _BY_VALUE if callback_form.is_plain_answer(s, message.answer_text)), None)
    if step is None:
        if first:
            return Reply([("utter_vraag_wijzig", {})], state)
        return _again(state, [("utter_niet_begrepen_opnieuw", {})])
    values = _new_value(step, message, asked=asked is not None)
    if values:
        changed = replace(state, wacht_op=None, vorige_wacht=None, pogingen=0)
        changed = (replace(changed, contact=values) if step in callback_form.CONTACT_STEPS
                   else replace(changed, formulier=values))
        return Reply([("utter_ticket_gewijzigd", {"referentie": state.ticket_id or ""})], changed, (EFFECT_UPDATE,))
    asking = replace(state, vorige_wacht=callback_form.wait_for(step), pogingen=state.pogingen + (asked is not None))
    if asked is not None and asking.pogingen >= callback_form.MAX_TRIES:
        return Reply([("utter_ticket_ongewijzigd", {"referentie": state.ticket_id or ""})],
                     replace(state, wacht_op=None, vorige_wacht=None, pogingen=0))
    if asked is not None:
        retry = callback_form.read_answer(step, message.answer_text).retry
        return Reply([retry or (callback_form.RETRY[step], {})], asking)
    return Reply([ask(asking, step)], asking)


def _new_value(step: str, message: Message, asked: bool) -> dict[str, str]:
    """The field's new value: any answer its question accepts once asked; in the first message
    only a value the field's own parser reads ("ik wil een ander moment" is no moment)."""
    told = callback_form.value_in_change(step, message.answer_text)
    if told or not asked:
        return told
    answer = callback_form.read_answer(step, message.answer_text)
    return dict(answer.values) if answer.accepted else {}
