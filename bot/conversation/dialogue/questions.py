"""Handlers for a question in the middle of a conversation: a short true answer from the FAQ,
then the pending question again.
"""
from __future__ import annotations

import re
from dataclasses import replace

from bot.conversation import reading
from bot.understanding.werkmodel import ROUTE_CRISIS_VEILIG_THUIS, ROUTE_INFO, ROUTE_LUISTEREN
from bot.conversation.dialogue.state import (
    WAIT_AANBOD,
    WAIT_SAMENVATTING,
    WAIT_TOESTEMMING,
    FAQ_KEY,
    FAQ_RESPONSE,
    INFO_FAQ,
    Message,
    Reply,
    STORED_FAQ,
    State,
    WHO_CAN_SEE_FAQ,
)
from bot.conversation.dialogue.asking import pending_question


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


# Under violence at home, the answer that never offers a home visit on its own.
SAFE_PLACE_FAQ = {"waar_afspraak": "waar_afspraak_veilig"}
# After the listening line was offered, "kost dat geld?" asks about that line too (residents' round 46:
# it got only what a meedenker costs).
AFTER_LISTENING_FAQ = {"kosten": "luisterlijn_kosten"}
_NAMES_MEEDENKER = re.compile(r"\bmeedenker", re.IGNORECASE)


def faq_answers(message: Message, safe_place: bool = False, after_listening: bool = False) -> list[tuple[str, dict[str, str]]]:
    """The short FAQ answer(s) to the question this message asks."""
    asked = faq_id(message) or ""
    if safe_place:
        asked = SAFE_PLACE_FAQ.get(asked, asked)
    if after_listening and not _NAMES_MEEDENKER.search(message.text):
        asked = AFTER_LISTENING_FAQ.get(asked, asked)
    answers = [(FAQ_RESPONSE, {"faq": asked, "kanaal": message.channel})]
    if asked == WHO_CAN_SEE_FAQ:
        # "Can he see this?" also wants to know what is stored, and for how long (issue 25).
        answers.append((FAQ_RESPONSE, {"faq": STORED_FAQ, "kanaal": message.channel}))
    return answers


# The yes/no waits where a "ja" said with a question goes on as a yes; not the read-back, whose yes
# writes the ticket and should be given on its own.
YES_BEFORE_QUESTION = frozenset({WAIT_SAMENVATTING, WAIT_AANBOD, WAIT_TOESTEMMING})


def _answer_question(state: State, message: Message) -> Reply:
    """A short true answer, then the pending question. The adapter fills the answer from
    config/faq.yml for this channel, language and hour (bot/conversation/turn.py `FAQ_RESPONSE`)."""
    answers = faq_answers(message, safe_place=state.crisis_route == ROUTE_CRISIS_VEILIG_THUIS,
                          after_listening=state.route == ROUTE_LUISTEREN)
    route = state.route or ROUTE_INFO
    if state.wacht_op in YES_BEFORE_QUESTION and reading.yes_or_no(message.text) == "bevestigen":
        # "ja het gaat om de brieven. wie leest dit mee?": the question answered and the yes kept
        # (residents' round 40: the same "Klopt dat?" came back after every answer, 2-3 turns lost).
        from bot.conversation.dialogue.open_steps import _yes

        step = _yes(replace(state, route=route, niet_begrepen=0))
        return Reply([*answers, *step.responses], step.state)
    pending = pending_question(state)
    declined = state.vorige_wacht == WAIT_AANBOD  # "nee" to the offer: not pushed again (round 43, five times)
    if not pending and not (state.ticket_id or state.crisis_route or state.elders or state.tolk or declined):
        # A question answered with nothing pending led nowhere: "ja" after it got "Waar kan ik u mee
        # helpen?" again and again (conversations_blind.yml: "ik heb hulp nodig met de post en de
        # brieve" got what a meedenker does, then nothing). The next step is offered.
        offered = replace(state, route=route, niet_begrepen=0, wacht_op=WAIT_AANBOD)
        return Reply([*answers, *_shorter(pending_question(offered))], offered)
    return Reply([*answers, *_shorter(pending)], replace(state, route=route, niet_begrepen=0))


def _shorter(pending: list[tuple[str, dict[str, str]]]) -> list[tuple[str, dict[str, str]]]:
    """After an answer the offer is asked in one line: what a meedenker is was just said or read."""
    return [("utter_aanbod_kort", values) if name == "utter_aanbod_meedenker" else (name, values)
            for name, values in pending]
