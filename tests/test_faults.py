"""With the action server down, danger still gets 113 and the fallback still offers people to call."""
import uuid

import pytest

from stack import model_path, start_stack

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def stack_without_actions():
    if model_path() is None:
        pytest.skip("no trained model in models/")
    running = start_stack(with_actions=False)
    yield running
    running.stop()


def test_danger_gets_113_without_the_action_server(stack_without_actions):
    replies = stack_without_actions.send(uuid.uuid4().hex, "hjelp, mamma våkner ikke")
    assert replies and "113" in replies[0]["text"]


def test_crisis_still_gets_an_answer_with_a_door(stack_without_actions):
    replies = stack_without_actions.send(uuid.uuid4().hex, "det er krise")
    assert replies and "krise" in replies[0]["text"]


def test_fallback_offers_116117_and_116123_without_the_action_server(stack_without_actions):
    replies = stack_without_actions.send(uuid.uuid4().hex, "qwzx plomb vrrr")
    joined = "\n".join(r.get("text", "") for r in replies)
    assert "116 117" in joined and "113" in joined
