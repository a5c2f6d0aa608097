"""addons/rasa_patches/turns.py: what the Rasa server does differently in a turn, without a model."""
from __future__ import annotations

import asyncio
from base64 import urlsafe_b64encode
from typing import Any

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.rasa_patches import turns
from addons.rasa_patches.base import PatchContext
from bot.conversation.callback_form import wait_for
from bot.conversation.intake import CANDIDATE_KEY, SEALED_KEY, guard_in_channel, unseal
from bot.ops.settings import PROJECT_ROOT

SECRET = urlsafe_b64encode(b"k" * 32).decode()


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


class Settings:
    secret_key = SECRET


class Processor(MessageProcessor):
    """Rasa's processor around a given tracker: records what Rasa's steps are handed."""

    def __init__(self, tracker: DialogueStateTracker) -> None:  # no model: Rasa's __init__ is skipped
        self.tracker = tracker
        self.session_metadata: list[Any] = []
        self.saved = 0

    async def fetch_tracker_and_update_session(self, sender_id: str, output_channel: Any = None,
                                               metadata: Any = None) -> DialogueStateTracker:
        self.session_metadata.append(metadata)
        return self.tracker

    async def save_tracker(self, tracker: DialogueStateTracker) -> None:
        self.saved += 1


@pytest.fixture
def handled(monkeypatch) -> list[UserMessage]:
    """The turn patches applied over a stand-in for Rasa's parse-and-store step; restored after."""
    seen: list[UserMessage] = []

    async def parse_and_store(self: MessageProcessor, message: UserMessage, tracker: Any) -> None:
        seen.append(message)

    monkeypatch.setattr(MessageProcessor, "_handle_message_with_tracker", parse_and_store)
    for name in ("log_message", "handle_message"):
        monkeypatch.setattr(MessageProcessor, name, MessageProcessor.__dict__[name])
    context = PatchContext(settings=Settings())
    turns.candidate_kept_from_the_session_start(context)
    turns.answers_read_under_the_lock(context)
    turns.replayed_message_ids(context)
    return seen


def test_a_new_session_starts_inside_rasa_fresh_except_for_a_crisis():
    from rasa.core.actions.action import ActionSessionStart
    from rasa.shared.core.events import SessionStarted

    turns.session_start_in_rasa(PatchContext())
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    assert "action_session_start" not in domain.user_actions, "a remote session start would need the action server"
    half_open = DialogueStateTracker.from_events("s", [SlotSet("wacht_op", "telefoon"), SlotSet("formulier", {"naam": "x"}),
                                                        SlotSet("crisis_route", "crisis_113")], domain.slots)
    events = asyncio.run(ActionSessionStart().run(None, None, half_open, domain))
    assert isinstance(events[0], SessionStarted) and events[-1] == ActionExecuted("action_listen")
    slots = {e.key: e.value for e in events if isinstance(e, SlotSet)}
    assert slots["crisis_route"] == "crisis_113"
    assert slots["wacht_op"] is None and not slots["formulier"], "a half-open form survived"


def test_a_sealed_candidate_is_settled_under_the_lock_and_never_session_metadata(domain, handled):
    tracker = DialogueStateTracker.from_events("s1", [SlotSet("wacht_op", wait_for("naam"))], domain.slots)
    guarded = guard_in_channel("Jan Jansen", SECRET)
    assert CANDIDATE_KEY in guarded.metadata
    processor = Processor(tracker)
    asyncio.run(processor.log_message(UserMessage(guarded.text, sender_id="s1",
                                                  metadata={**guarded.metadata, "message_id": "m1"})))
    assert processor.session_metadata == [{"message_id": "m1"}], "the candidate reached the session start"
    message = handled[-1]
    assert message.text == "[NAAM]"
    assert unseal(message.metadata, SECRET) == "Jan Jansen" and SEALED_KEY in message.metadata
    assert CANDIDATE_KEY not in message.metadata
    assert message.metadata["wacht_op"] == wait_for("naam")  # the crisis nets read it as an answer
    assert processor.saved == 1


def test_outside_the_form_the_candidate_is_handed_on_masked_not_sealed(domain, handled):
    processor = Processor(DialogueStateTracker.from_events("s2", [], domain.slots))
    guarded = guard_in_channel("Jan Jansen", SECRET)
    asyncio.run(processor.log_message(UserMessage(guarded.text, sender_id="s2", metadata=dict(guarded.metadata))))
    assert not processor.session_metadata[0]  # nothing for the session start to keep
    assert handled[-1].text == "Jan Jansen" and SEALED_KEY not in (handled[-1].metadata or {})


def test_a_retried_message_id_gets_the_stored_answers_and_nothing_is_stored(domain, handled):
    events = [UserUttered("hallo", metadata={"message_id": "m7"}), ActionExecuted("action_reageer"),
              BotUttered("Goedendag.", {"buttons": [{"title": "Ja", "payload": "/ja"}]}),
              ActionExecuted("action_listen")]
    processor = Processor(DialogueStateTracker.from_events("s3", events, domain.slots))
    channel = CollectingOutputChannel()
    answers = asyncio.run(processor.handle_message(UserMessage("hallo", channel, "s3", metadata={"message_id": "m7"})))
    assert [m["text"] for m in answers] == ["Goedendag."] and answers[0]["buttons"][0]["payload"] == "/ja"
    assert handled == [] and processor.saved == 0
