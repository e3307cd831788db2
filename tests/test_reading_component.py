"""The reading inside the Rasa server (components/reading.py) on messages with no Norwegian word."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.terms import has_known_word
from components.reading import LosenReading


def answered_as(text: str, predicted: str) -> str:
    message = Message(data={"text": text, "intent": {"name": predicted, "confidence": 0.6}})
    LosenReading._apply(message)
    return message.get("intent")["name"]


@pytest.mark.parametrize("text, known", [
    ("qwzx plomb vrrr", False), ("asdfgh", False), ("hei", True), ("æ e dårlig", True),
    ("113", True), ("????", True), ("pls hjelp", True),
])
def test_a_message_has_a_known_word(text, known):
    assert has_known_word(text) is known


def test_gibberish_is_not_understood_whatever_the_model_guessed():
    # the model once took "qwzx plomb vrrr" for "starting again": the fallback names 113 and 116 117
    assert answered_as("qwzx plomb vrrr", "revolving_door") == "nlu_fallback"


@pytest.mark.parametrize("text, predicted, wanted", [
    ("qwzx pappa puster ikke", "revolving_door", "danger_to_life"),  # danger is read first
    ("ghb?", "faq", "faq"),                                          # a question the model answers
    ("æ e så dårlig", "crisis", "crisis"),                           # dialect with one known word
])
def test_messages_with_a_known_word_or_danger_keep_their_answer(text, predicted, wanted):
    assert answered_as(text, predicted) == wanted
