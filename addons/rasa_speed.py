"""Patches that keep Rasa 3.6's cost of a turn flat in the length of a conversation.

Each function patches one thing, is applied by the launcher before the server starts, and has a
test in tests/addons/test_rasa_speed.py that fails without it. Measured with py-spy on 50-turn
conversations (README, "Where the time goes"):
- `compact_action_request`: Rasa sends the action server every event of the conversation (and the
  whole domain); action_reageer reads only the slots, the latest message and the resident's texts.
- `cached_action_response_validator`: `jsonschema.validate` checks the response schema against
  its metaschema on every action call before validating the response itself.
- `cached_event_type_lookup`: `Event.resolve_by_type` walks every subclass of `Event` for each
  stored event it deserialises.
The third Rasa cost, one ORM object per stored event, is fixed in our own tracker store
(addons/stores.py, `MeedenkerTrackerStore`).
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Optional, Text, Type

ORIGINAL = "_meedenker_original"


def _once(owner: Any, attribute: str) -> Optional[Callable]:
    """The unpatched function, or None when this patch was already applied."""
    current = owner.__dict__[attribute]
    function = getattr(current, "__func__", current)
    if getattr(function, ORIGINAL, None) is not None:
        return None
    return function


def compact_events(tracker: Any) -> list[dict[str, Any]]:
    """This conversation's events with only what the action server reads (bot/transcript.py):
    the resident's messages with their intent and route, the `wacht_op` slot and session starts."""
    from rasa.shared.core.events import Restarted, SessionStarted, SlotSet, UserUttered

    compact: list[dict[str, Any]] = []
    for event in tracker.events:
        if isinstance(event, UserUttered):
            werkmodel = (event.parse_data or {}).get("werkmodel") or {}
            compact.append({"event": "user", "text": event.text, "input_channel": event.input_channel,
                            "timestamp": event.timestamp,
                            "parse_data": {"intent": {"name": (event.intent or {}).get("name")},
                                           "werkmodel": {"route": werkmodel.get("route"),
                                                         "crisis": werkmodel.get("crisis"),
                                                         "leefgebieden": werkmodel.get("leefgebieden") or []}}})
        elif isinstance(event, SlotSet) and event.key == "wacht_op":
            compact.append({"event": "slot", "name": "wacht_op", "value": event.value})
        elif isinstance(event, (SessionStarted, Restarted)):
            compact.append({"event": event.type_name})
    return compact


def compact_action_request() -> None:
    """Send the action server the tracker's state without the conversation's full event list.

    `events` keeps only the resident's messages (texts for a callback ticket's summary, and the
    input channel); slots and the latest message are sent whole, as before.
    """
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.trackers import EventVerbosity

    original = _once(RemoteAction, "_action_call_format")
    if original is None:
        return

    def action_call_format(self: RemoteAction, tracker: Any, domain: Any) -> Dict[Text, Any]:
        state = tracker.current_state(EventVerbosity.NONE)
        state["events"] = compact_events(tracker)
        result = {"next_action": self._name, "sender_id": tracker.sender_id, "tracker": state,
                  "version": _rasa_version()}
        if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(self.name()):
            result["domain"] = domain.as_dict()
        return result

    setattr(action_call_format, ORIGINAL, original)
    RemoteAction._action_call_format = action_call_format  # type: ignore[method-assign]


def cached_action_response_validator() -> None:
    """Validate action responses with one validator built once, not re-checked per call."""
    from jsonschema import ValidationError
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    original = _once(RemoteAction, "_validate_action_result")
    if original is None:
        return
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        try:
            validator.validate(result)
            return True
        except ValidationError as error:
            error.message += (". Failed to validate Action server response from API, make sure your response "
                              f"from the Action endpoint is valid. For more information visit "
                              f"{DOCS_BASE_URL}/custom-actions")
            raise error

    setattr(validate_action_result, ORIGINAL, original)
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]


def cached_event_type_lookup() -> None:
    """Find an event class by its type name in a dict; unknown names take Rasa's own path."""
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    original = _once(Event, "resolve_by_type")
    if original is None:
        return
    known: Dict[Text, Type[Event]] = {}

    def resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
        found = known.get(type_name)
        if found is not None:
            return found
        # First match wins, as in Rasa's loop; rebuilt on a miss so later subclasses are found.
        for cls in all_subclasses(Event):
            known.setdefault(cls.type_name, cls)
        if type_name in known:
            return known[type_name]
        return original(type_name, default)

    setattr(resolve_by_type, ORIGINAL, original)
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign]


def apply_speed_patches() -> None:
    """All of the above; safe to call more than once."""
    compact_action_request()
    cached_action_response_validator()
    cached_event_type_lookup()


def _rasa_version() -> str:
    import rasa

    return rasa.__version__
