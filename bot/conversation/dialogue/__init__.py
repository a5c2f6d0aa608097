"""The conversation's next step, decided in plain Python (tested without Rasa).

The Rasa side passes in the intent, the parse's `werkmodel` and the conversation state (slots);
this module answers with response names from domain.yml (never text) and the new state.
Each message is first read for what it is (bot/conversation/reading.py; conversation guide "Listen before
moving on"): danger, a stop, a question, a correction, a change, an answer, or something else.
What happens then is declared in one table, `TABLE` (table.py): (what the assistant waits for, what the
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

Where things are: the vocabulary and the frozen state (state.py), the table and `next_step`
(table.py), the handlers grouped by step (crisis_steps.py, form_steps.py, open_steps.py,
language_steps.py, questions.py), asking (asking.py) and what every reply passes through
(replies.py). Callers import from this package only.
"""
from __future__ import annotations

from bot.conversation.dialogue.state import (
    BACK_INTENT,
    CRISIS_AGAIN_INTENT,
    CRISIS_RESPONSES,
    EFFECT_FLAG_CRISIS,
    EFFECT_SUBMIT,
    EFFECT_UPDATE,
    EFFECT_VANDAAG,
    FAQ_KEY,
    FAQ_RESPONSE,
    MAX_CLARIFICATIONS,
    PENDING_QUESTIONS,
    REMINDER_EVERY,
    RESTART_INTENT,
    SNEL_WEG_INTENT,
    WAIT_AANBOD,
    WAIT_CONTROLE,
    WAIT_CORRECTIE,
    WAIT_MISSER,
    WAIT_SAMENVATTING,
    WAIT_TOESTEMMING,
    WAIT_TOLK,
    WAIT_VEILIGHEID,
    WAIT_WIJZIG,
    WAIT_WIJZIG_TICKET,
    Message,
    Reply,
    State,
)
from bot.conversation.dialogue.asking import (
    pending_question,
)
from bot.conversation.dialogue.table import (
    INTENT_KINDS,
    TABLE,
    generic_rule_intents,
    next_step,
)
from bot.conversation.dialogue.replies import (
    fresh_session,
    may_write_a_ticket,
)
from bot.conversation.summary import (
    key_words,
    merge,
    summary_values,
    top_topics,
    who_for,
)

__all__ = [
    "BACK_INTENT",
    "CRISIS_AGAIN_INTENT",
    "CRISIS_RESPONSES",
    "EFFECT_FLAG_CRISIS",
    "EFFECT_SUBMIT",
    "EFFECT_UPDATE",
    "EFFECT_VANDAAG",
    "FAQ_KEY",
    "FAQ_RESPONSE",
    "INTENT_KINDS",
    "MAX_CLARIFICATIONS",
    "Message",
    "PENDING_QUESTIONS",
    "REMINDER_EVERY",
    "RESTART_INTENT",
    "Reply",
    "SNEL_WEG_INTENT",
    "State",
    "TABLE",
    "WAIT_AANBOD",
    "WAIT_CONTROLE",
    "WAIT_CORRECTIE",
    "WAIT_MISSER",
    "WAIT_SAMENVATTING",
    "WAIT_TOESTEMMING",
    "WAIT_TOLK",
    "WAIT_VEILIGHEID",
    "WAIT_WIJZIG",
    "WAIT_WIJZIG_TICKET",
    "fresh_session",
    "generic_rule_intents",
    "key_words",
    "may_write_a_ticket",
    "merge",
    "next_step",
    "pending_question",
    "summary_values",
    "top_topics",
    "who_for",
]
