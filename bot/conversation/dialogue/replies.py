"""What every reply passes through, and the state after a session: no offer the resident already
has elsewhere, one response of each kind, a crisis reminder now and then; which turns may write
a ticket; the fresh state after a stop or an expired session.
"""
from __future__ import annotations

from dataclasses import replace

from bot.conversation import callback_form
from bot.understanding import coverage
from bot.conversation.dialogue.state import (
    CRISIS_RESPONSES,
    NUMBER_TOPICS,
    REMINDER_EVERY,
    Reply,
    Responses,
    State,
    WAIT_CONTROLE,
    WAIT_MISSER,
    WAIT_STOP,
    WAIT_VEILIGHEID,
    WAIT_VEILIG_NU,
    WAIT_WIJZIG,
    WIDGET,
    WITH_NUMBERS,
)


OFFERS = frozenset({"utter_aanbod_meedenker", "utter_aanbod_kort", "utter_aanbod_meedenker_later", "utter_terugbel_uitleg",
                    "utter_terugbel_uitleg_veilig", "utter_spoed_aanbod", "utter_niet_begrepen_mens"})


SUMMARIES = frozenset({"utter_samenvatting", "utter_samenvatting_ander", "utter_samenvatting_kort",
                       "utter_samenvatting_onbekend"})


def not_served(gemeente: str, safe: bool = False) -> tuple[str, dict[str, str]]:
    """"Onze meedenkers werken niet in X", with where they do work; under violence at home the
    variant that names Veilig Thuis instead of calling the gemeente."""
    name = "utter_gemeente_niet_gedekt_veilig" if safe else "utter_gemeente_niet_gedekt"
    return (name, {"gemeente": gemeente, "gemeenten": coverage.served_names()})


def _no_offer_elsewhere(reply: Reply, told_before: bool = False) -> Reply:
    """Where no network here serves the gemeente, a callback is never offered again (issue 29); said
    once in full, then in one short line with the ways that need no phone call (residents' round 43:
    the same long block three times to a man who is hard of hearing)."""
    told_here = reply.state.formulier.get("gemeente")
    if not reply.state.elders and told_here and not reply.state.form_id and not coverage.covers(told_here) \
            and any(name in OFFERS for name, _ in reply.responses):
        # "ik woon in Drachten" told with the story: said at the offer, before any consent.
        reply = Reply(reply.responses, replace(reply.state, elders=told_here), reply.effects)
    if not reply.state.elders:
        return reply
    if told_before:
        # A summary, too: "Klopt dat?" leads to an offer that cannot come (residents' round 45: five of nine
        # residents outside the area were summed up again and again after being told).
        again = ("utter_gemeente_niet_gedekt_kort", {"gemeente": reply.state.elders})
        responses = [again if name in OFFERS or name in SUMMARIES or (name == "utter_gemeente_niet_gedekt"
                                                 and values.get("gemeente") == reply.state.elders) else (name, values)
                     for name, values in reply.responses]
        if responses == list(reply.responses):
            return reply
        return Reply(_unique(responses), replace(reply.state, wacht_op=None), reply.effects)
    if not any(name in OFFERS for name, _ in reply.responses):
        return reply
    told = not_served(reply.state.elders)
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
