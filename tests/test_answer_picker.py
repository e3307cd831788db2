"""The answer picker (bot/answer_picker.py) and its NLU component (components/answer_picker.py).

The questions here are new (not training examples, not bench/faq_paraphrases.jsonl). The
component's output is checked against what reads it: Rasa's ActionRetrieveResponse (utter_faq),
Rasa's processor (full_retrieval_intent_name), components/reading.py (the confidence) and
actions/answers.py (the chosen utter action).
"""
from pathlib import Path

import pytest
from rasa.core.actions.action import ActionRetrieveResponse
from rasa.core.processor import MessageProcessor
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.importers.importer import TrainingDataImporter
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk import Tracker

from actions.answers import selected_answer
from bot.answer_features import char_ngrams, concept_tokens
from bot.answer_picker import AnswerPicker, default_picker, min_confidence, read_faq, read_others
from bot.picked_answer import confidence as answer_confidence
from components.answer_picker import AnswerPicker as AnswerPickerComponent

ROOT = Path(__file__).resolve().parent.parent

NEW_QUESTIONS = [
    ("hvor lenge kan hasj vises på en urintest", "cannabis_test"),
    ("er det farlig å drikke øl når man har tatt ghb", "ghb_alcohol"),
    ("kan man få kramper av å slutte å drikke brått", "alcohol_withdrawal_danger"),
    ("hvordan ser man at noen har tatt en overdose heroin", "opioid_overdose_signs"),
    ("må jeg betale for å være på avrusning", "cost"),
    ("hvordan kan jeg snakke med mannen min om at han drikker for mye", "talk_to_partner"),
    ("er det jeg som har skylda for at mora mi ruser seg", "not_my_fault"),
    ("er det skadelig for babyen om jeg tar en joint mens jeg er gravid", "pregnancy_drugs"),
    ("kan jeg selv velge hvilken institusjon jeg skal behandles på", "free_choice_treatment"),
    ("hvor lenge må man stå i kø før man får plass i rusbehandling", "waiting_time"),
    ("hva gjør jeg hvis en venn får en bad trip på sopp", "bad_trip"),
    ("hvordan kan jeg klage på at legen ikke ville hjelpe meg med rusen", "complain"),
    ("hva er LAR og hvem kan få det", "what_is_lar"),
    ("kan politiet straffe meg hvis jeg ringer 113 når vennen min har tatt for mye", "police_113"),
]
OFF_TOPIC = ["når går neste tog til Trondheim", "hvilken mobiltelefon bør jeg kjøpe",
             "kan du hjelpe meg med matteleksene"]


@pytest.fixture(scope="module")
def picker() -> AnswerPicker:
    return default_picker()


def test_the_new_questions_are_not_training_examples():
    questions, _ = read_faq()
    training = {q.lower() for examples in questions.values() for q in examples} | {
        q.lower() for q in read_others()}
    assert not [q for q in [q for q, _ in NEW_QUESTIONS] + OFF_TOPIC if q.lower() in training]


@pytest.mark.parametrize("question,key", NEW_QUESTIONS)
def test_a_new_question_gets_its_answer(picker, question, key):
    assert picker.rank(question, top=1)[0][0] == key


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_an_off_topic_question_is_not_sure(picker, question):
    assert picker.pick(question) is None
    assert picker.rank(question, top=1)[0][1] < min_confidence()


def test_a_clear_question_is_sure(picker):
    key, confidence = picker.pick("kan jeg selv velge hvilken institusjon jeg skal behandles på")
    assert key == "free_choice_treatment" and confidence >= min_confidence()


def test_confidences_are_probabilities_best_first(picker):
    ranked = picker.rank("er det farlig å blande alkohol og benzo", top=len(picker.keys))
    scores = [score for _, score in ranked]
    assert [key for key, _ in ranked] and set(key for key, _ in ranked) == set(picker.answer_keys)
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores) and sum(scores) <= 1.0 + 1e-6
    assert picker.rank("", top=3)  # an empty message still gets a ranking (low confidence)


def test_every_answer_with_questions_can_be_picked(picker):
    questions, answers = read_faq()
    assert set(picker.answer_keys) == set(questions) and len(picker.answer_keys) == len(questions)
    assert set(questions) <= set(answers)  # every key has an answer text to send


def test_street_names_count_as_the_substance():
    assert "@mdma" in concept_tokens("hvor lenge varer molly")
    assert "@cannabis" in concept_tokens("Røyker tjall")
    assert "@parent" in concept_tokens("faren min drikker") and "@parent" not in concept_tokens("får jeg hjelp")
    assert "@mixing" in concept_tokens("piller sammen med sprit")


def test_char_ngrams_are_scikit_learns_char_wb_on_folded_words():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from bot.textnorm import words

    text = "Hvor lenge  sitter GHB i kroppen, å?"
    reference = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).build_analyzer()
    assert char_ngrams(text, 2, 4) == reference(" ".join(words(text)))


def test_saved_and_loaded_picker_answers_the_same(picker, tmp_path):
    path = tmp_path / "picker.npz"
    picker.save(path)
    loaded = AnswerPicker.load(path)
    for question, _ in NEW_QUESTIONS[:4]:
        assert loaded.rank(question, top=3) == picker.rank(question, top=3)


# ---------------------------------------------------------------- the Rasa component
@pytest.fixture(scope="module")
def component(tmp_path_factory):
    """The component trained on the project's training data (NLU files with the domain's responses),
    saved in a model storage and loaded back, as `rasa train` and `rasa run` do."""
    importer = TrainingDataImporter.load_from_dict(
        domain_path=str(ROOT / "domain.yml"), training_data_paths=[str(ROOT / "data" / "nlu")])
    training_data = importer.get_nlu_data()
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    resource = Resource("answer_picker")
    context = ExecutionContext(graph_schema=None, model_id="test")
    config = {**AnswerPickerComponent.get_default_config(), "retrieval_intent": "faq"}
    trained = AnswerPickerComponent.create(config, storage, resource, context)
    trained.train(training_data)
    return AnswerPickerComponent.load(config, storage, resource, context)


def _message(text: str) -> Message:
    """A message the intent classifier took for the retrieval intent."""
    message = Message(data={"text": text})
    message.set("intent", {"name": "faq", "confidence": 0.9}, add_to_output=True)
    return message


def _parsed(component, text: str) -> dict:
    message = _message(text)
    component.process([message])
    return message.as_dict(only_output_properties=True)


def test_component_writes_what_the_response_selector_writes(component):
    parse = _parsed(component, "må jeg betale for å være på avrusning")
    selector = parse["response_selector"]
    assert selector["all_retrieval_intents"] == ["faq"]
    response = selector["faq"]["response"]
    assert response["intent_response_key"] == "faq/cost"
    assert response["utter_action"] == "utter_faq/cost"
    assert 0.5 <= response["confidence"] <= 1.0
    assert response["responses"] and all("text" in r for r in response["responses"])
    ranking = selector["faq"]["ranking"]
    assert 1 < len(ranking) <= 10
    assert ranking[0] == {"confidence": response["confidence"], "intent_response_key": "faq/cost"}
    assert all(set(r) == {"confidence", "intent_response_key"} for r in ranking)
    assert [r["confidence"] for r in ranking] == sorted((r["confidence"] for r in ranking), reverse=True)


def test_utter_faq_and_rasas_processor_find_the_answer(component):
    parse = _parsed(component, "hva gjør jeg hvis en venn får en bad trip på sopp")
    parse["intent_ranking"] = [parse["intent"]]
    parse["entities"] = []
    MessageProcessor._update_full_retrieval_intent(None, parse)  # what `rasa run` does after parsing
    assert parse["intent"]["full_retrieval_intent_name"] == "faq/bad_trip"
    tracker = DialogueStateTracker.from_events("test", [UserUttered(parse["text"], parse["intent"], [],
                                                                    parse_data=parse)])
    assert ActionRetrieveResponse("utter_faq").get_full_retrieval_name(tracker) == "utter_faq/bad_trip"


def test_losens_reading_and_actions_read_the_components_answer(component):
    text = "kan politiet straffe meg hvis jeg ringer 113 når vennen min har tatt for mye"
    message = _message(text)
    component.process([message])
    assert answer_confidence(message.as_dict()) >= min_confidence()
    tracker = Tracker("test", {}, message.as_dict(only_output_properties=True), [], False, None, {}, "")
    assert selected_answer(tracker) == "utter_faq/police_113"


def test_component_is_not_sure_off_topic(component):
    response = _parsed(component, OFF_TOPIC[0])["response_selector"]["faq"]["response"]
    assert response["confidence"] < min_confidence()
