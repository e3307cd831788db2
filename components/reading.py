"""NLU component: Losen's one reading of each message, inside the Rasa server.

Runs after the classifiers. It reads the message once (bot/reading.py: danger situations, red
flags, who is writing, what the person wants), combines that with the model's guess
(bot/assess.py) and puts both in the parse data under "losen", where the actions and the channel
find them. Then it decides the intent the rules answer (bot/override.py): danger to life always
wins, so the answer with the right number first comes from a rule and domain responses even when
the action server is down. The slots the danger and crisis responses are conditioned on
(emergency, situation, reader, opening, audience) are set through entities.
"""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.assess import assess
from bot.assessment import FAQ_CONFIDENCE_KEY
from bot.criteria_model import CRITERIA_MODEL_KEY
from bot.malform import MALFORMS
from bot.override import forced_intent, place_only
from bot.picked_answer import confidence as answer_confidence
from bot.reading import READING_KEY, read
from bot.slots import slot_values

EXTRACTOR = "LosenReading"


def _chosen_malform(message: Message) -> Optional[str]:
    """The målform the person chose with the page's buttons, sent as message metadata."""
    metadata = message.get("metadata") or {}
    chosen = metadata.get("malform") if isinstance(metadata, dict) else None
    return chosen if chosen in MALFORMS else None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LosenReading(GraphComponent, IntentClassifier):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LosenReading":
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
        reading = read(text)
        predicted = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        # With no Norwegian word in the message the model's guess means nothing: the reading alone.
        model = reading.known_words
        nlu = {READING_KEY: {"reading": reading.as_dict()}, "intent": message.get(INTENT) if model else None,
               "intent_ranking": message.get(INTENT_RANKING_KEY) if model else [],
               CRITERIA_MODEL_KEY: message.get(CRITERIA_MODEL_KEY) if model else None,
               FAQ_CONFIDENCE_KEY: answer_confidence({"response_selector": message.get("response_selector")})}
        found = assess(text, nlu=nlu, with_location=False)
        message.set(READING_KEY, {"reading": reading.as_dict(), "assessment": found.as_dict()}, add_to_output=True)
        places = [(e["start"], e["end"]) for e in message.get(ENTITIES) or []
                  if e.get("entity") == "place" and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)]
        intent = forced_intent(found, predicted, nlu[FAQ_CONFIDENCE_KEY], reading.malform_asked,
                               reading.known_words, place_only(text, places))
        if intent:
            LosenReading._force(message, intent)
        values = slot_values(found, reading, intent or predicted)
        chosen = _chosen_malform(message)
        if chosen:
            values["malform"] = chosen  # chosen on the page (channels/safe_rest.py): it beats the words
        LosenReading._add_entities(message, values)

    @staticmethod
    def _force(message: Message, intent: str) -> None:
        forced = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get(INTENT_NAME_KEY) != intent]
        message.set(INTENT, forced, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [forced] + ranking, add_to_output=True)

    @staticmethod
    def _add_entities(message: Message, values: Dict[str, Optional[str]]) -> None:
        # The reading's values replace any the model extracted for the same entity (the model's
        # "audience" could be any span of text, which the slot cannot hold).
        kept = [e for e in (message.get(ENTITIES) or []) if e.get("entity") not in values]
        added = [{"entity": name, "value": value, "start": 0, "end": 0, "confidence_entity": 1.0,
                  "extractor": EXTRACTOR} for name, value in values.items() if value is not None]
        message.set(ENTITIES, kept + added, add_to_output=True)
