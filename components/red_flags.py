"""NLU component: the deterministic red-flag layer inside the Rasa server.

Runs after the classifiers (and the FallbackClassifier). When bot.redflags finds a red flag,
the intent is replaced as data/intent_override.yml says, so danger to life is answered by a
rule with 113 first even if the model guessed otherwise, and even if the action server is down.
"""
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import redflags
from bot.override import forced_intent

RED_FLAGS_KEY = "red_flags"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RedFlagOverride(GraphComponent, IntentClassifier):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "RedFlagOverride":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._apply(message)
        return messages

    @staticmethod
    def _apply(message: Message) -> None:
        text = message.get(TEXT) or ""
        flags = redflags.detect(text)
        message.set(RED_FLAGS_KEY, [{"id": f.id, "criterion": f.criterion, "text": f.text} for f in flags],
                    add_to_output=True)
        predicted = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        intent = forced_intent([f.criterion for f in flags], predicted)
        if not intent:
            return
        forced = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get(INTENT_NAME_KEY) != intent]
        message.set(INTENT, forced, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [forced] + ranking, add_to_output=True)
