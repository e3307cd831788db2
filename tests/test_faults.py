"""When the action server raises, hangs or is down: danger still gets 113, the fallback still offers
people to call, any answer that would name no phone number gets the always-open door (the safety
net, whatever the red flags said), and no log gets the text. How long a hung turn takes is measured
by bench/faults.py, not here."""
import threading
import time
import uuid

import pytest
from stack import ROOT, model_path, start_stack

from bot.inbox import limits

pytestmark = pytest.mark.stack
DANGER = "hjelp, mamma våkner ikke"
CRISIS = "det er krise"
GIBBERISH = "qwzx plomb vrrr"
ASK_OPEN = "hvem kan jeg ringe"  # answered by a custom action only (action_list_open_services)


@pytest.fixture(scope="module")
def faulty():
    """Losen's Rasa server with an action server whose every action fails (tests/faulty_actions.py)."""
    if model_path() is None:
        pytest.skip("no trained model in models/")
    running = start_stack(actions_module="faulty_actions",
                          extra_env={"PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}"})
    yield running
    running.stop()


def texts(replies) -> str:
    return "\n".join(r.get("text", "") for r in replies)


@pytest.mark.parametrize("fault", ["raise", "slow"])
def test_danger_gets_113_first_when_actions_fail(faulty, fault):
    replies = faulty.send(f"{fault}-{uuid.uuid4().hex}", DANGER, timeout=60)
    assert replies and "113" in replies[0]["text"]


@pytest.mark.parametrize("fault", ["raise", "slow"])
def test_crisis_still_ends_with_an_open_door(faulty, fault):
    replies = faulty.send(f"{fault}-{uuid.uuid4().hex}", CRISIS, timeout=60)
    assert "krise" in replies[0]["text"]
    assert "116 117" in texts(replies)


@pytest.mark.parametrize("fault", ["raise", "slow"])
def test_an_ordinary_question_still_gets_the_always_open_door(faulty, fault):
    # No red flag in it: the safety net does not depend on the assessment.
    replies = faulty.send(f"{fault}-{uuid.uuid4().hex}", ASK_OPEN, timeout=60)
    assert "Disse kan du kontakte nå" not in texts(replies)  # the action really did not answer
    assert "116 117" in texts(replies) and "113" in texts(replies)  # a door that is always open


def test_a_failing_action_leaks_no_text_into_any_log(faulty):
    marker = "markør" + uuid.uuid4().hex
    sender = f"raise-{uuid.uuid4().hex}"
    replies = faulty.send(sender, f"det er krise {marker}", timeout=60)
    assert replies
    time.sleep(1)
    logs = {name: faulty.read_log(name) for name in ("rasa", "actions")}
    assert "RuntimeError" in logs["actions"] + logs["rasa"]  # the failure itself is logged ...
    for name, log in logs.items():  # ... but not what the person wrote, nor who they are
        assert marker not in log and sender not in log, f"{name} log holds the text or the sender id"


def test_turns_stuck_on_a_hung_action_server_hold_no_one_up(faulty):
    # More hung turns than messages_at_once: the next person waits at most wait_for_turn_seconds
    # for a turn (channels/safe_rest.py), then is worked on anyway.
    hung = [threading.Thread(target=faulty.send, args=(f"slow-{uuid.uuid4().hex}", ASK_OPEN), kwargs={"timeout": 60})
            for _ in range(int(limits()["messages_at_once"]) + 1)]
    for thread in hung:
        thread.start()
    time.sleep(1)  # all of them are waiting for the action server now
    started = time.monotonic()
    danger = faulty.send(f"slow-{uuid.uuid4().hex}", DANGER, timeout=60)
    danger_seconds = time.monotonic() - started
    started = time.monotonic()
    greeting = faulty.send(uuid.uuid4().hex, "hei", timeout=60)  # no custom action in this turn
    greeting_seconds = time.monotonic() - started
    for thread in hung:
        thread.join()
    assert "113" in danger[0]["text"] and danger_seconds < limits()["emergency_reply_within_seconds"] + 1.5
    assert greeting and greeting_seconds < limits()["wait_for_turn_seconds"] + 1.5


# ------------------------------------------------------------ the action server stopped (last)
@pytest.fixture
def stopped(faulty):
    faulty.stop("actions")
    return faulty


def test_danger_gets_113_without_the_action_server(stopped):
    replies = stopped.send(uuid.uuid4().hex, DANGER)
    assert replies and "113" in replies[0]["text"]


def test_crisis_gets_an_answer_with_a_door_without_the_action_server(stopped):
    replies = stopped.send(uuid.uuid4().hex, CRISIS)
    assert replies and "krise" in replies[0]["text"]
    assert "116 117" in texts(replies)


def test_an_ordinary_question_gets_the_door_without_the_action_server(stopped):
    joined = texts(stopped.send(uuid.uuid4().hex, ASK_OPEN))
    assert "Disse kan du kontakte nå" not in joined
    assert "116 117" in joined and "113" in joined


def test_fallback_offers_116117_and_116123_without_the_action_server(stopped):
    joined = texts(stopped.send(uuid.uuid4().hex, GIBBERISH))
    assert "116 117" in joined and "116 123" in joined and "113" in joined
