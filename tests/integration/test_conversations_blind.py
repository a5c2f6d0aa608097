"""Danger that comes only later in a conversation (issue 24), replayed through the real servers.

tests/data/conversations_blind.yml was written by a helper who saw neither the code, the training
data nor the other evaluation files. Each conversation is played as a resident would (addons/
conversation_eval.py): the worry, "ja" to the summary and the offer, the form's answers, and at
the case's step the message that carries the danger. `make evaluate-conversations` prints the
same figures.
"""
from __future__ import annotations

from typing import Iterator

import pytest

from addons.conversation_eval import replay_all
from bot.conversation.conversation_cases import STEPS, figures, load_conversations
from bot.ops.settings import PROJECT_ROOT
from tests.conftest import Servers, base_env

pytestmark = pytest.mark.servers
CASES = PROJECT_ROOT / "tests" / "data" / "conversations_blind.yml"
# Gates (issue 24): the first score and this one are in docs/quality.md.
RECALL_PER_STEP = 0.97
RIGHT_ROUTE = 0.95
CALM_FULL_REPLY_TURNS = 0.01  # final 0.000
CALM_CHECK_TURNS = 0.07  # 0.065, then 0.056 after issue 24 round 3 (target 0.03): ordinary follow-ups at the summary question
# Conversations that reach their step: the rest end in a form that refuses an answer (the blind set
# made up phone numbers in unassigned ranges such as 067 and 069, and names towns such as Sneek
# that are no gemeente): a dead end that issue 26 removes. First score 79 and 14 of 100 and 40.
REACHED_DANGER = 0.80
REACHED_CALM_TICKET = 0.55


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    var_dir = tmp_path_factory.mktemp("conversations")
    # One test address plays every resident: the per-address rate limit would answer with 429.
    # The conversations live all over the country: a network that serves every gemeente, so each
    # one can reach the step where its danger is told (bot/understanding/coverage.py).
    env = base_env(var_dir, MEEDENKER_RATE_PER_IP="1000000", MEEDENKER_RATE_PER_SENDER="10000",
                   MEEDENKER_GEMEENTEN="alle")
    running = Servers(env, var_dir).start()
    try:
        outcomes, _pressed = replay_all(running.url, env["RASA_API_TOKEN"], load_conversations(CASES))
        yield figures(outcomes)
    finally:
        running.stop()


def test_the_blind_set_has_danger_at_every_step_and_calm_conversations(scored):
    assert all(scored["by_step"][step]["cases"] >= 6 for step in STEPS), scored["by_step"]
    assert scored["danger"]["cases"] >= 80 and scored["calm_conversations"] >= 30


def test_conversations_reach_the_step_where_their_danger_is_told(scored):
    unreached = [m for m in scored["missed"] if not m["reached"]]
    assert scored["danger"]["reached"] >= REACHED_DANGER * scored["danger"]["cases"], unreached
    assert scored["calm_reached_ticket"] >= REACHED_CALM_TICKET * scored["calm_conversations"]


@pytest.mark.parametrize("step", STEPS)
def test_danger_is_heard_at_every_step_of_the_conversation(scored, step):
    figures_at = scored["by_step"][step]
    assert figures_at["reached"] >= 3, figures_at
    missed = [m for m in scored["missed"] if m["step"] == step and not m["got"]]
    assert figures_at["recall_any_tier"] >= RECALL_PER_STEP, (figures_at, missed)


def test_the_numbers_shown_are_those_of_the_danger_told(scored):
    wrong = [m for m in scored["missed"] if m["got"]]
    assert scored["danger"]["recall_right_route"] >= RIGHT_ROUTE, wrong


def test_calm_conversations_are_not_alarmed(scored):
    assert scored["calm_full_reply_turns"] <= CALM_FULL_REPLY_TURNS, scored["calm_alarms"]
    assert scored["calm_check_turns"] <= CALM_CHECK_TURNS, scored["calm_alarms"]
