"""NLU component: picks the answer (faq/<key>) for a question, in place of Rasa's ResponseSelector.

Trains no network: train() fits bot/answer_picker.py's small linear model on the retrieval
intent's training questions and answer texts, with the other intents' examples as messages that
ask for no answer (seconds) and keeps it in the model as one .npz file
(a few MB) with the responses. process() writes message.data["response_selector"] exactly as
Rasa 3.6's ResponseSelector does, so that everything that reads it keeps working:
ActionRetrieveResponse (utter_faq) reads [<retrieval intent>]["response"]["utter_action"], Rasa's
processor copies ["response"]["intent_response_key"] into the intent's
"full_retrieval_intent_name" when the intent is the retrieval intent ("all_retrieval_intents"),
components/reading.py reads ["response"]["confidence"] (faq_min_confidence, faq_sure in
data/intent_override.yml) and actions/answers.py reads ["response"]["utter_action"].
"""
import json
import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.answer_picker import AnswerPicker as Picker
from bot.answer_picker import Settings

logger = logging.getLogger(__name__)

PICKER_FILE = "answer_picker.npz"
RESPONSES_FILE = "responses.json"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class AnswerPicker(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "retrieval_intent": "faq",   # the retrieval intent whose answers are picked
            "ranking_length": 10,        # as the ResponseSelector's default
            "max_chars": 2000,           # the picker reads at most this much of a message
        }

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 picker: Optional[Picker] = None, responses: Optional[Dict[Text, List[Dict]]] = None,
                 retrieval_intents: Optional[List[Text]] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage, self._resource = model_storage, resource
        self.picker = picker
        self.responses = responses or {}
        self.all_retrieval_intents = retrieval_intents or []

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "AnswerPicker":
        return cls(config, model_storage, resource)

    # ---------------------------------------------------------------- training
    def train(self, training_data: TrainingData) -> Resource:
        retrieval = self.config["retrieval_intent"]
        self.all_retrieval_intents = sorted(training_data.retrieval_intents)
        questions: Dict[str, List[str]] = {}
        others: List[str] = []  # the other intents' examples: messages that ask for no answer
        for example in training_data.intent_examples:
            full, text = example.get(INTENT_RESPONSE_KEY), example.get(TEXT)
            if not text:
                continue
            if example.get(INTENT) == retrieval and full:
                questions.setdefault(full.split("/", 1)[1], []).append(text)
            elif example.get(INTENT) != retrieval:
                others.append(text)
        prefix = f"utter_{retrieval}/"
        self.responses = {name: variants for name, variants in training_data.responses.items()
                          if name.startswith(prefix)}
        answers = {name[len(prefix):]: [v.get(TEXT) for v in variants if v.get(TEXT)]
                   for name, variants in self.responses.items()}
        if not questions:
            logger.warning("AnswerPicker: no training examples for the retrieval intent %r", retrieval)
            self.picker = None
        else:
            self.picker = Picker.train(questions, answers, others, Settings())
        self.persist()
        return self._resource

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            if self.picker is not None:
                self.picker.save(directory / PICKER_FILE)
            (directory / RESPONSES_FILE).write_text(json.dumps(
                {"responses": self.responses, "all_retrieval_intents": self.all_retrieval_intents},
                ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "AnswerPicker":
        try:
            with model_storage.read_from(resource) as directory:
                kept = json.loads((directory / RESPONSES_FILE).read_text(encoding="utf-8"))
                picker = Picker.load(directory / PICKER_FILE) if (directory / PICKER_FILE).exists() else None
        except ValueError:
            logger.warning("AnswerPicker: nothing stored in the model; no answers will be picked")
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, picker, kept["responses"], kept["all_retrieval_intents"])

    # ---------------------------------------------------------------- answering
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if self.picker is not None:
                self._select(message)
        return messages

    def _select(self, message: Message) -> None:
        retrieval = self.config["retrieval_intent"]
        text = (message.get(TEXT) or "")[: self.config["max_chars"]]
        ranked = self.picker.rank(text, top=self.config["ranking_length"])
        best, confidence = ranked[0]
        key = f"{retrieval}/{best}"
        utter_action = f"utter_{key}"
        prediction = {
            RESPONSE_SELECTOR_PREDICTION_KEY: {
                RESPONSE_SELECTOR_RESPONSES_KEY: self.responses.get(utter_action) or [{TEXT: key}],
                PREDICTED_CONFIDENCE_KEY: confidence,
                INTENT_RESPONSE_KEY: key,
                RESPONSE_SELECTOR_UTTER_ACTION_KEY: utter_action,
            },
            RESPONSE_SELECTOR_RANKING_KEY: [
                {PREDICTED_CONFIDENCE_KEY: score, INTENT_RESPONSE_KEY: f"{retrieval}/{name}"}
                for name, score in ranked],
        }
        selector = message.get(RESPONSE_SELECTOR_PROPERTY_NAME, {})
        selector[RESPONSE_SELECTOR_RETRIEVAL_INTENTS] = self.all_retrieval_intents
        selector[retrieval] = prediction
        message.set(RESPONSE_SELECTOR_PROPERTY_NAME, selector, add_to_output=True)
