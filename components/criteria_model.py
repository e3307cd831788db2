"""NLU component: the criteria model (bot/criteria_model.py), what other people's words say about
danger now and the guideline's criteria.

train() ignores Rasa's training data: it fits the model on the open parts of the sets named in
data/criteria_model.yml (seconds, no TensorFlow) and keeps it in the model as one .npz file.
fingerprint_addon() makes Rasa retrain it when those sets or the settings change. process() puts the
probabilities in the parse data under "criteria_model", where components/reading.py hands them to
the assessment (bot/model_checks.py), which may add danger or a criterion with them, never remove one.
"""
import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.criteria_model import CRITERIA_MODEL_KEY, CriteriaModel, fingerprint, settings

logger = logging.getLogger(__name__)

MODEL_FILE = "criteria_model.npz"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class CriteriaModelComponent(GraphComponent):
    def __init__(self, model_storage: ModelStorage, resource: Resource, model: Optional[CriteriaModel] = None):
        self._model_storage, self._resource = model_storage, resource
        self.model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CriteriaModelComponent":
        return cls(model_storage, resource)

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        return fingerprint(settings())

    def train(self, training_data: TrainingData) -> Resource:
        self.model = CriteriaModel.from_sets()
        with self._model_storage.write_to(self._resource) as directory:
            self.model.save(directory / MODEL_FILE)
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "CriteriaModelComponent":
        try:
            with model_storage.read_from(resource) as directory:
                return cls(model_storage, resource, CriteriaModel.load(directory / MODEL_FILE))
        except (ValueError, FileNotFoundError):
            logger.warning("CriteriaModel: nothing stored in the model; the reading alone decides")
            return cls(model_storage, resource)

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is not None:
            for message in messages:
                message.set(CRITERIA_MODEL_KEY, self.model.scores(message.get(TEXT) or ""), add_to_output=True)
        return messages
