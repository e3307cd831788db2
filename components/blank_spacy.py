"""spaCy's blank Norwegian (bokmål) language, no download needed.

No Norwegian spaCy model can be installed here, so this component gives Rasa's
SpacyTokenizer a blank `nb` pipeline: spaCy's own Norwegian tokenizer rules and
stop words, without vectors. The class keeps Rasa's name `SpacyNLP` because Rasa's
recipe finds the model provider of spaCy components by that class name.
"""
from typing import Optional, Text

import spacy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.nlu.utils.spacy_utils import SpacyNLP as RasaSpacyNLP
from spacy.language import Language


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="SpacyNLP",
)
class SpacyNLP(RasaSpacyNLP):
    @staticmethod
    def load_model(spacy_model_name: Text) -> SpacyModel:
        # "nb" -> spacy.blank("nb"); the name is kept so the model fingerprint is stable.
        return SpacyModel(model=spacy.blank(spacy_model_name), model_name=f"blank-{spacy_model_name}")

    @staticmethod
    def ensure_proper_language_model(nlp: Optional[Language]) -> None:
        # Rasa rejects pipelines not loaded from disk; a blank language is exactly what we want.
        if nlp is None:
            raise ValueError("spaCy returned no language for the blank Norwegian pipeline")
