"""action_reageer: one turn of the conversation, decided by bot.dialogue."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import helpline_values
from bot.dialogue import State, next_step


class ActionReageer(Action):
    def name(self) -> Text:
        return "action_reageer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        message = tracker.latest_message or {}
        entities = {e["entity"]: e["value"] for e in message.get("entities", []) if "entity" in e}
        reply = next_step(
            State.from_slots(tracker.current_slot_values()),
            (message.get("intent") or {}).get("name") or "",
            message.get("werkmodel"),
            message.get("text") or "",
            entities,
            had_bsn="bsn" in ((message.get("metadata") or {}).get("pii_masked") or []),
        )
        numbers = helpline_values()
        for response, values in reply.responses:
            dispatcher.utter_message(response=response, **numbers, **values)
        return [SlotSet(name, value) for name, value in reply.state.as_slots().items()]
