"""action_reageer through rasa-sdk's own Tracker and dispatcher."""
import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import helpline_values
from actions.reageer import ActionReageer


def tracker(intent: str, text: str, werkmodel=None, slots=None, metadata=None, entities=None) -> Tracker:
    return Tracker(
        sender_id="s1",
        slots=slots or {},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or [],
                        "werkmodel": werkmodel, "metadata": metadata or {}},
        events=[], paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )


@pytest.fixture(autouse=True)
def env(settings_env):
    helpline_values.cache_clear()
    yield
    helpline_values.cache_clear()


def run(t: Tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionReageer().run(dispatcher, t, {}))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_crisis_turn_stays_with_the_resident_with_configured_numbers():
    # utter_crisis_113 itself is sent by Rasa's rule before this action (data/stories/crisis.yml).
    messages, slots = run(tracker("crisis_113", "ik wil er niet meer zijn"))
    assert [m["response"] for m in messages] == ["utter_crisis_113_blijf"]
    assert messages[0]["luisterlijn_telefoon"] == "088 0767 000" and messages[0]["nood_telefoon"] == "112"
    assert slots["crisis_route"] == "crisis_113"


def test_question_turn_stores_the_classification_with_evidence():
    werkmodel = {"leefgebieden": [{"id": "wonen", "confidence": 0.9, "evidence": ["huur"]}],
                 "doelgroepen": [{"id": "jongeren", "confidence": 0.9, "evidence": ["ik ben 19"]}]}
    messages, slots = run(tracker("hulpvraag", "ik ben 19 en mijn huur is te hoog", werkmodel))
    assert messages[0]["response"] == "utter_samenvatting"
    assert "'huur'" in messages[0]["kernwoorden"]
    assert slots["werkmodel"]["doelgroepen"]["jongeren"]["evidence"] == ["ik ben 19"]


def test_masked_bsn_triggers_the_warning():
    messages, _ = run(tracker("hulpvraag", "mijn bsn is [BSN]", {"leefgebieden": [], "doelgroepen": []},
                              metadata={"pii_masked": ["bsn"]}))
    assert messages[0]["response"] == "utter_geen_bsn"


def test_button_choice_is_read_from_entities():
    messages, slots = run(tracker("kies_leefgebied", '/kies_leefgebied{"leefgebied":"werken"}',
                                  entities=[{"entity": "leefgebied", "value": "werken"}],
                                  slots={"voor_wie": "zelf", "wacht_op": "leefgebied", "verduidelijkingen": 1.0}))
    assert messages[0]["response"] == "utter_samenvatting_kort"  # chosen with a button: no words to name
    assert "werken" in slots["werkmodel"]["leefgebieden"]


def test_a_slow_queue_write_does_not_stall_the_action_servers_event_loop(monkeypatch):
    import time

    import actions.reageer
    from bot.conversation.turn import Turn

    def slow_turn(*args, **kwargs) -> Turn:
        time.sleep(0.4)  # writing a ticket to a busy database
        return Turn([("utter_groet", {})], {"wacht_op": None})

    monkeypatch.setattr(actions.reageer, "run_turn", slow_turn)

    from tests.event_loop import ticks_while

    turn = ActionReageer().run(CollectingDispatcher(), tracker("groet", "hallo"), {})
    assert asyncio.run(ticks_while(turn)) >= 15


def test_only_changed_slots_are_set():
    _, unchanged = run(tracker("groet", "hallo", slots={"wacht_op": None, "route": None}))
    _, first = run(tracker("crisis_113", "ik wil er niet meer zijn"))
    _, again = run(tracker("crisis_113", "ik wil er niet meer zijn", slots={"crisis_route": "crisis_113"}))
    assert "crisis_route" in first and "crisis_route" not in again
    assert "wacht_op" not in unchanged and "route" not in unchanged
