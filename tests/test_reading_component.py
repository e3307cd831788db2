"""The reading inside the Rasa server (components/reading.py) on messages with no Norwegian word."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.criteria_model import CRITERIA_MODEL_KEY
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


def answered_with_place(text: str, place: str, predicted: str) -> str:
    start = text.index(place)
    message = Message(data={"text": text, "intent": {"name": predicted, "confidence": 0.3},
                            "entities": [{"entity": "place", "value": place, "start": start, "end": start + len(place)}]})
    LosenReading._apply(message)
    return message.get("intent")["name"]


@pytest.mark.parametrize("text, place, predicted, wanted", [
    ("Bodø", "Bodø", "nlu_fallback", "inform_place"),          # a name the intent model never saw
    ("i Kautokeino", "Kautokeino", "out_of_scope", "inform_place"),
    ("vi bor på 7030", "7030", "nlu_fallback", "inform_place"),
    ("Bodø", "Bodø", "greet", "greet"),                        # a guess other than "not understood" stays
    ("pappa ligger i gangen i Bodø og puster ikke", "Bodø", "nlu_fallback", "danger_to_life"),
])
def test_a_message_that_is_only_a_place_answers_where(text, place, predicted, wanted):
    assert answered_with_place(text, place, predicted) == wanted


def test_a_message_that_names_a_place_among_other_words_is_not_a_place_answer():
    assert answered_with_place("jeg vet ikke hva jeg skal gjøre med sønnen min i Bodø", "Bodø",
                               "nlu_fallback") != "inform_place"


def answered_with_selector(text: str, predicted: str, faq_confidence: float) -> str:
    selector = {"faq": {"response": {"confidence": faq_confidence, "intent_response_key": "faq/talk_to_parent"}}}
    message = Message(data={"text": text, "intent": {"name": predicted, "confidence": 0.6},
                            "response_selector": selector})
    LosenReading._apply(message)
    return message.get("intent")["name"]


def test_a_calm_how_do_i_question_with_a_sure_answer_gets_the_answer():
    # data/intent_override.yml faq_over_what_to_do: "how do I tell dad" has its own answer ...
    text = "hvordan kan jeg si til pappa at jeg ikke liker at han drikker"
    assert answered_with_selector(text, "what_to_do", 0.8) == "faq"
    # ... and with no answer the selector is sure of, the what-to-do answer stays.
    assert answered_with_selector(text, "what_to_do", 0.3) == "what_to_do"


def test_a_question_that_meets_pregnancy_gets_its_answer_first():
    # data/intent_override.yml answer_first_when_asked: the answer, then the acute door (actions/answers.py).
    text = "kan jeg ta et glass vin når jeg er gravid?"
    assert answered_with_selector(text, "pregnancy", 0.8) == "faq"
    assert answered_with_selector(text, "pregnancy", 0.2) == "pregnancy"  # no sure answer: the crisis answer
    assert answered_with_selector("jeg er gravid og har tatt masse piller", "faq", 0.8) == "danger_to_life"


@pytest.mark.parametrize("text, predicted, wanted", [
    # asking for someone to talk to after a sad story, nothing acute: someone to talk to, no crisis opening
    ("kompisen min har sprukket igjen og jeg føler at det er min skyld. kan jeg snakke med noen her?",
     "social_loss", "want_talk"),
    # a crisis said in words keeps its crisis answer
    ("dette er en krise for meg, kan jeg snakke med noen nå?", "crisis", "crisis"),
])
def test_asking_to_talk_is_answered_as_talk_unless_acute(text, predicted, wanted):
    # The criteria model (fitted on other people's messages) sees nothing acute in either.
    calm = {label: 0.05 for label in ("danger", "police", "suicidal", "withdrawal", "dangerous_behaviour",
                                       "social_loss")}
    message = Message(data={"text": text, "intent": {"name": predicted, "confidence": 0.6},
                            CRITERIA_MODEL_KEY: calm})
    LosenReading._apply(message)
    assert message.get("intent")["name"] == wanted
