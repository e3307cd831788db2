"""The running stack over REST: the most important answers, end to end."""
import uuid

import pytest

pytestmark = pytest.mark.stack


def texts(messages: list) -> list:
    return [m.get("text", "") for m in messages]


def new_sender() -> str:
    return uuid.uuid4().hex


@pytest.mark.parametrize("message,while_waiting", [
    ("hjelp, mamma våkner ikke", "Det er ikke din feil"),   # "mamma": a child writing, child words
    ("hun har tatt en overdose og våkner ikke", "pust"),   # an adult beside her: check the breathing
    ("han pustr ikke", "pust"),
    ("kjæresten min er blå i leppene", "pust"),
])
def test_danger_gets_113_first(stack, message, while_waiting):
    replies = texts(stack.send(new_sender(), message))
    assert replies, "no reply"
    assert replies[0].startswith("Ring 113 nå")
    assert while_waiting in replies[1], replies[1]


def test_danger_mid_conversation_gets_113_first(stack):
    sender = new_sender()
    stack.send(sender, "hei")
    stack.send(sender, "hvem kan jeg ringe?")
    replies = texts(stack.send(sender, "nå puster han nesten ikke"))
    assert "113" in replies[0]


def test_greeting_says_chatbot_and_anonymous(stack):
    replies = stack.send(new_sender(), "hei")
    assert "chatbot" in replies[0]["text"] and "anonym" in replies[0]["text"]
    assert any(m.get("buttons") for m in replies)


def test_robot_question(stack):
    replies = texts(stack.send(new_sender(), "er du en robot?"))
    assert "chatbot" in replies[0] and "116 117" in replies[0]


def test_crisis_without_criterion_is_acute_and_lists_open_help(stack):
    replies = texts(stack.send(new_sender(), "det er krise"))
    assert "krise" in replies[0]
    joined = "\n".join(replies)
    assert "116 117" in joined
    assert "ikke alvorlig" not in joined


def test_fallback_offers_a_next_step(stack):
    replies = texts(stack.send(new_sender(), "qwzx plomb vrrr"))
    joined = "\n".join(replies)
    assert replies and "113" in joined and "116 117" in joined


def test_goodbye_has_the_safety_line(stack):
    replies = texts(stack.send(new_sender(), "ha det"))
    assert "113" in replies[0]


DOOR_NN = "Legevakta svarar alltid på 116 117. Er nokon i livsfare, ring 113."  # utter_next_step_legevakt
DOOR_NB = "Legevakten svarer alltid på 116 117. Er noen i livsfare, ring 113."


def test_the_channels_door_and_each_message_follow_the_conversations_standard(stack):
    # A question whose answer names no number gets the channel's always-open door: in nynorsk when
    # the conversation is, though the question itself says little of its standard.
    sender = new_sender()
    first = stack.send(sender, "eg veit ikkje kva eg skal gjere, bror min drikk kvar dag")
    asked = stack.send(sender, "kor er næraste legevakt?")
    assert texts(asked)[0].startswith("Kvar er du?") and texts(asked)[-1] == DOOR_NN, texts(asked)
    assert {m["metadata"]["malform"] for m in first + asked} == {"nn"}  # what the web page follows
    asked = stack.send(new_sender(), "hvor er nærmeste legevakt?")
    assert texts(asked)[0].startswith("Hvor er du?") and texts(asked)[-1] == DOOR_NB, texts(asked)
    assert {m["metadata"]["malform"] for m in asked} == {"nb"}
