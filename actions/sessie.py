"""action_session_start: a conversation that returns after its session expired starts fresh.

Rasa's default would carry every slot over (a half-open form, a pending consent); bot/turn.py
decides what a new session keeps (only a crisis, so the numbers come first again).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.turn import session_start_slots


class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        slots = session_start_slots(tracker.current_slot_values())
        return [SessionStarted(), *(SlotSet(name, value) for name, value in slots.items()),
                ActionExecuted("action_listen")]
