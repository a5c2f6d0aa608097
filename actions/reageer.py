"""action_reageer: one turn of the conversation, decided and carried out by bot/conversation/turn.py."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import helpline_values, services
from bot.ops.settings import get_settings
from bot.conversation.transcript import worry_texts
from bot.conversation.turn import run_turn


class ActionReageer(Action):
    def name(self) -> Text:
        return "action_reageer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        slots = tracker.current_slot_values()
        # run_turn may write the queue (a blocking database call): keep it off the event loop.
        turn = await asyncio.to_thread(run_turn, slots, tracker.latest_message or {},
                                       tracker.get_latest_input_channel() or "rest", tracker.sender_id,
                                       lambda: worry_texts(tracker.events),
                                       services, get_settings().secret_key)
        numbers = helpline_values()
        for response, values in turn.responses:
            dispatcher.utter_message(response=response, **numbers, **values)
        # Only what changed: every SlotSet is stored and replayed on each later turn.
        return [SlotSet(name, value) for name, value in turn.slots.items() if slots.get(name) != value]
