"""Every change to Rasa 3.6 and rasa_sdk, in the order it is applied: one list to read.

`PATCHES` replace something in the installed package; `HOOKS` are classes Rasa loads by name
from our configuration (nothing replaced). Each names its target, why, and the test that fails
without it; tests/addons/rasa_patches/test_registry.py checks every target still exists in the
installed Rasa and every named test exists. `apply(process, context)` first refuses any Rasa or
rasa_sdk but the pinned one (requirements.lock), then applies that process's patches in this
order, once.

Order matters where two patches wrap the same method: `replayed_message_ids` wraps Rasa's
`handle_message` first and `embed_on_arrival` wraps that, so a message's embedding starts before
the replay check and a replayed message id is still answered from the tracker.
"""
from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

from addons import heap
from addons.rasa_patches import speed, turns, validation
from addons.rasa_patches.base import Hook, Patch, PatchContext

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PINS = PROJECT_ROOT / "requirements.lock"
# The package whose code each process's patches replace.
PATCHED_PACKAGE = {"rasa": "rasa", "actions": "rasa-sdk", "validate": "rasa"}

SPEED_TESTS = "tests/addons/rasa_patches/test_speed.py"
PATCHES: tuple[Patch, ...] = (
    # --- the Rasa server: turns ---
    Patch("action_timeout", "rasa", "rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT",
          "Rasa waits up to 300 s for a custom action, longer than the 60 s conversation lock; the "
          "settings' timeout is at most a third of the lock's lifetime.",
          "tests/integration/test_failures.py::test_slow_action_server_gets_the_outage_message_within_the_timeout",
          turns.action_timeout),
    Patch("failure_reply", "rasa", "rasa.core.actions.action.RemoteAction.run",
          "When an action fails or times out Rasa logs it and the resident hears nothing; here the "
          "resident gets utter_storing (a human, the crisis numbers). Rasa 3.6 has no hook for it.",
          "tests/integration/test_failures.py::test_action_server_down_gets_the_outage_message",
          turns.failure_reply),
    Patch("session_start_in_rasa", "rasa", "rasa.core.actions.action.ActionSessionStart.run",
          "A new session keeps only a crisis (bot/conversation/turn.py) and needs no action server; Rasa's hook, a "
          "custom action_session_start, would run on the action server and fail when it is down.",
          "tests/addons/rasa_patches/test_turns.py::test_a_new_session_starts_inside_rasa_fresh_except_for_a_crisis",
          turns.session_start_in_rasa),
    Patch("candidate_kept_from_the_session_start", "rasa", "rasa.core.processor.MessageProcessor.log_message",
          "A sealed name or contact detail must not be stored as a session start's metadata; it is set "
          "aside before Rasa loads the tracker (a wrapper: Rasa's own log_message still runs).",
          "tests/addons/rasa_patches/test_turns.py::test_a_sealed_candidate_is_settled_under_the_lock_and_never_session_metadata",
          turns.candidate_kept_from_the_session_start),
    Patch("answers_read_under_the_lock", "rasa", "rasa.core.processor.MessageProcessor._handle_message_with_tracker",
          "Retried message ids, sealed answers and the pending question are decided with the tracker "
          "loaded under the conversation lock, before the message is parsed. Rasa has no hook there; "
          "wrapping this private method replaces a copy of log_message.",
          "tests/addons/rasa_patches/test_turns.py::test_a_sealed_candidate_is_settled_under_the_lock_and_never_session_metadata",
          turns.answers_read_under_the_lock),
    Patch("replayed_message_ids", "rasa", "rasa.core.processor.MessageProcessor.handle_message",
          "A message id the conversation already holds is answered with that turn's stored answers, "
          "on whichever replica the retry reaches; nothing is stored twice.",
          "tests/integration/test_conversation.py::test_a_retried_message_is_answered_once",
          turns.replayed_message_ids),
    # --- the Rasa server: speed (addons/rasa_patches/speed.py says what each one saves) ---
    Patch("parse_off_the_event_loop", "rasa", "rasa.core.processor.MessageProcessor.parse_message",
          "Rasa runs the NLU pipeline on the event loop: one parse held up every other conversation.",
          f"{SPEED_TESTS}::test_a_slow_parse_does_not_stall_the_other_conversations_on_the_event_loop",
          lambda context: speed.parse_off_the_event_loop()),
    Patch("embed_on_arrival", "rasa", "rasa.core.processor.MessageProcessor.handle_message",
          "The sentence encoder starts when the message arrives, beside the tracker load.",
          f"{SPEED_TESTS}::test_the_message_is_embedded_from_its_arrival_when_it_will_be_parsed_as_it_is",
          lambda context: speed.embed_on_arrival()),
    Patch("recent_session_check", "rasa", "rasa.core.processor.MessageProcessor._update_tracker_session",
          "Rasa replays the whole session twice per message to see if a new session starts.",
          f"{SPEED_TESTS}::test_the_session_check_reads_only_the_newest_events_and_decides_as_rasa_does",
          lambda context: speed.recent_session_check()),
    Patch("kept_alive_endpoint_calls", "rasa", "rasa.utils.endpoints.EndpointConfig.request",
          "Rasa opens a new HTTP session, so a new connection, for every action call (also wraps "
          "rasa.core.run.close_resources to close the kept sessions).",
          f"{SPEED_TESTS}::test_action_calls_share_one_kept_alive_connection_instead_of_opening_one_each",
          lambda context: speed.kept_alive_endpoint_calls()),
    Patch("cached_domain_emptiness", "rasa", "rasa.shared.core.domain.Domain.is_empty",
          "Each parse rebuilt the whole domain as a dict to see whether it is empty.",
          f"{SPEED_TESTS}::test_the_domain_is_turned_into_a_dict_once_to_see_if_it_is_empty_not_on_every_parse",
          lambda context: speed.cached_domain_emptiness()),
    Patch("compact_action_request", "rasa", "rasa.core.actions.action.RemoteAction._action_call_format",
          "Rasa sends the action server every event of the conversation; it reads only a few.",
          f"{SPEED_TESTS}::test_action_request_holds_only_the_worry_the_latest_message_and_the_state",
          lambda context: speed.compact_action_request()),
    Patch("cached_action_response_validator", "rasa", "rasa.core.actions.action.RemoteAction._validate_action_result",
          "jsonschema re-checked the response schema on every action call, and tried all 23 event schemas per event.",
          f"{SPEED_TESTS}::test_action_response_schema_is_checked_once_not_per_call",
          lambda context: speed.cached_action_response_validator()),
    Patch("cached_event_type_lookup", "rasa", "rasa.shared.core.events.Event.resolve_by_type",
          "Each stored event read walked every subclass of Event.",
          f"{SPEED_TESTS}::test_event_types_are_looked_up_without_walking_all_subclasses",
          lambda context: speed.cached_event_type_lookup()),
    Patch("recent_rule_states", "rasa", "rasa.core.policies.rule_policy.RulePolicy._prediction_states",
          "RulePolicy computed the state after every action of the whole conversation, several times a turn.",
          f"{SPEED_TESTS}::test_rule_policy_looks_only_at_recent_turns_and_predicts_exactly_as_before",
          lambda context: speed.recent_rule_states()),
    Patch("fast_tracker_copy", "rasa", "rasa.shared.core.trackers.DialogueStateTracker.copy",
          "Rasa copies the tracker before every action by replaying all its events.",
          f"{SPEED_TESTS}::test_a_tracker_copy_is_the_same_as_rasas_replayed_copy_and_independent_of_it",
          lambda context: speed.fast_tracker_copy()),
    Patch("freeze_after_agent_load", "rasa", "rasa.core.agent.load_agent",
          "Python's full garbage collections walked the loaded model every few seconds (100-400 ms "
          "pauses); the heap is frozen once a model is loaded (addons/heap.py).",
          "tests/addons/test_heap.py::test_a_loaded_model_is_left_out_of_later_full_collections",
          lambda context: heap.freeze_after_agent_load()),
    # --- the action server ---
    Patch("action_server_secret", "actions", "rasa_sdk.endpoint.create_app",
          "rasa_sdk answers anyone; every app it creates refuses calls without the secret header.",
          "tests/actions/test_auth.py::test_a_call_without_the_secret_header_gets_401_and_queues_nothing",
          turns.action_server_secret),
    Patch("freeze_after_action_server_start", "actions", "rasa_sdk.endpoint.create_app",
          "The same garbage-collection pauses (about 60 ms) in the action server.",
          "tests/addons/test_heap.py::test_the_action_server_freezes_once_it_listens",
          lambda context: heap.freeze_after_action_server_start()),
    # --- make validate ---
    Patch("code_responses_count_as_used", "validate", "rasa.validator.Validator._gather_utterance_actions",
          "Most responses are sent by code, which Rasa cannot see: every one would be an 'unused' warning.",
          "tests/addons/rasa_patches/test_validation.py::test_responses_the_code_sends_count_as_used_and_no_others",
          validation.code_responses_count_as_used),
    Patch("button_intents_count_as_handled", "validate", "rasa.validator.Validator.verify_intents",
          "Intents that only arrive from buttons or the NLU component need no training examples.",
          "tests/addons/rasa_patches/test_validation.py::test_intents_from_buttons_need_no_examples_and_others_still_do",
          validation.button_intents_count_as_handled),
)

HOOKS: tuple[Hook, ...] = (
    Hook("helpline_numbers", "endpoints.yml", "addons.rasa_patches.nlg.HelplineNLG",
         "The crisis responses are sent by rule, without the action server; their helpline "
         "placeholders are filled by the response generator (`nlg: type:`), not by a patch.",
         "tests/addons/rasa_patches/test_nlg.py::test_rasa_builds_the_generator_from_endpoints_yml_and_it_fills_the_numbers"),
    Hook("tracker_store", "endpoints.yml", "addons.stores.MeedenkerTrackerStore",
         "One insert per turn and no ORM object per stored event.",
         f"{SPEED_TESTS}::test_tracker_store_reads_stored_events_without_an_orm_object_each"),
    Hook("lock_store", "endpoints.yml", "addons.stores.MeedenkerLockStore",
         "A FIFO Redis lock when REDIS_URL is set, in-memory otherwise.",
         "tests/addons/test_lock_store.py"),
    Hook("crisis_net_component", "config.yml", "addons.crisis_net_component.CrisisNetComponent",
         "The crisis net's verdict on each message, before the werkmodel component reads it.",
         "tests/integration/test_crisis_without_actions.py"),
    Hook("werkmodel_component", "config.yml", "addons.werkmodel_component.WerkmodelComponent",
         "Routing, crisis nets and the werkmodel inside the NLU pipeline.",
         "tests/integration/test_crisis_without_actions.py"),
)

_applied: set[str] = set()


def pinned_version(package: str, pins: Path = PINS) -> str:
    """The version requirements.lock pins `package` to."""
    for line in pins.read_text(encoding="utf-8").splitlines():
        match = re.match(rf"^{re.escape(package)}==([^\s;#]+)", line.strip(), re.IGNORECASE)
        if match:
            return match.group(1)
    raise SystemExit(f"{pins} pins no version of {package}; addons/rasa_patches needs one.")


def installed_version(package: str) -> str:
    return importlib.metadata.version(package)


def check_version(process: str) -> None:
    """Stop when the installed package differs from the pinned one the patches were written for."""
    package = PATCHED_PACKAGE[process]
    pinned, installed = pinned_version(package), installed_version(package)
    if installed != pinned:
        raise SystemExit(
            f"{package} {installed} is installed, but addons/rasa_patches was written for {package} {pinned} "
            f"(requirements.lock). Run 'make install' to get the pinned version. To move to {installed}, first "
            f"check every patch in addons/rasa_patches/registry.py against it, then change the pin.")


def apply(process: str, context: PatchContext) -> list[str]:
    """Apply the process's patches in the registry's order, once; returns the names applied now."""
    if process not in PATCHED_PACKAGE:
        raise ValueError(f"unknown process {process!r}; one of {sorted(PATCHED_PACKAGE)}")
    check_version(process)
    done = []
    for patch in PATCHES:
        if patch.process == process and patch.name not in _applied:
            patch.apply(context)
            _applied.add(patch.name)
            done.append(patch.name)
    return done
