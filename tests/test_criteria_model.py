"""The criteria model (bot/criteria_model.py): fitted on other people's messages, never on a held-apart
line; its numbers are scikit-learn's; in the assessment it may add danger or a criterion, never remove one."""
import json

import numpy as np
import pytest

from bot.assess import assess
from bot.criteria_model import CRITERIA_MODEL_KEY, CriteriaModel, calm_examples, features, settings, training_data, training_rows
from bot.eval_split import WHOLLY_HELD_PREFIXES, held_apart


@pytest.fixture(scope="module")
def fitted():
    return CriteriaModel.from_sets()


def test_no_held_apart_line_is_trained_on():
    spec = settings()
    rows = training_rows(spec)
    assert len(rows) > 1000
    assert not any(held_apart(r["id"]) for r in rows)
    for name in spec["train_on"]:  # a set held apart whole is never a training set
        first = json.loads(open(name, encoding="utf-8").readline())["id"]
        assert not first.startswith(WHOLLY_HELD_PREFIXES)


def test_features_and_weights_are_scikit_learns(fitted):
    """The small scorer gives the probabilities scikit-learn's TfidfVectorizer + LogisticRegression give."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    spec = settings()
    texts, labels = training_data(spec)
    vectorizer = TfidfVectorizer(analyzer=lambda t: list(features(t, spec).elements()), sublinear_tf=True,
                                 min_df=spec["min_df"])
    matrix = vectorizer.fit_transform(texts)
    assert len(vectorizer.vocabulary_) == len(fitted.vocabulary)
    j = spec["labels"].index("suicidal")
    y = np.array([values[j] for values in labels])
    reference = LogisticRegression(C=spec["C"], class_weight="balanced", max_iter=5000).fit(matrix, y)
    for text in ("jeg orker ikke mer", "hva er LAR?", "pappa ligger på gulvet og svarer ikke"):
        expected = reference.predict_proba(vectorizer.transform([text]))[0, 1]
        assert fitted.scores(text)["suicidal"] == pytest.approx(expected, abs=2e-3)


def test_calm_messages_are_taught_as_calm():
    """Short everyday messages are not in the blind-written sets; the calm intents' examples are."""
    calm = calm_examples(settings())
    assert len(calm) > 300 and all("](" not in text for text in calm)
    texts, labels = training_data(settings())
    assert len(texts) == len(training_rows(settings())) + len(calm) and not any(labels[-1])


def test_kept_and_loaded_it_scores_the_same(fitted, tmp_path):
    fitted.save(tmp_path / "m.npz")
    loaded = CriteriaModel.load(tmp_path / "m.npz")
    text = "mamma har tatt masse piller og vil ikke leve"
    assert loaded.scores(text) == fitted.scores(text)
    assert loaded.scores("") == fitted.scores("")  # nothing to read is no crash


def _nlu(**scores):
    base = {"danger": 0.01, "police": 0.01, "suicidal": 0.01, "withdrawal": 0.01, "dangerous_behaviour": 0.01,
            "social_loss": 0.01}
    return {CRITERIA_MODEL_KEY: {**base, **scores}}


def test_it_adds_danger_with_the_number_it_reads():
    text = "det er noe galt med pappa, han er helt rar i dag"
    assert not assess(text, with_location=False).danger_to_life
    found = assess(text, nlu=_nlu(danger=0.9), with_location=False)
    assert found.danger_to_life and found.number == "113" and found.situation == "unspecified"
    police = assess(text, nlu=_nlu(danger=0.9, police=0.8), with_location=False)
    assert police.number == "112"


def test_it_never_removes_danger_the_reading_found():
    found = assess("pappa puster ikke og jeg får ikke liv i ham", nlu=_nlu(), with_location=False)
    assert found.danger_to_life and found.number == "113"


def test_in_a_question_it_gives_doubt_not_a_crisis():
    found = assess("hva er vanlige tegn på abstinens?", nlu=_nlu(danger=0.9, withdrawal=0.9), with_location=False)
    assert not found.danger_to_life and found.doubt and "withdrawal" not in found.criteria


def test_a_criterion_it_reads_is_acute_and_answered_as_one():
    text = "jeg vet ikke lenger hva jeg holder på med"
    found = assess(text, nlu=_nlu(suicidal=0.8), with_location=False)
    assert "suicidal" in found.criteria and "suicidal" in found.flagged and found.acute


def test_an_acute_flow_of_its_own_is_kept_but_danger_still_added():
    text = "jeg har vært innlagt mange ganger og det nytter ikke"
    nlu = {**_nlu(suicidal=0.7), "intent": {"name": "revolving_door", "confidence": 0.9}}
    assert "suicidal" not in assess(text, nlu=nlu, with_location=False).criteria
    nlu = {**_nlu(danger=0.9), "intent": {"name": "revolving_door", "confidence": 0.9}}
    assert assess(text, nlu=nlu, with_location=False).danger_to_life


def test_the_intent_models_criterion_needs_a_hint_from_the_criteria_model():
    # A calm message the intent model (Losen's own sentences) takes for dangerous behaviour: without a
    # hint from the model of other people's messages it adds nothing; with one, or with no criteria
    # model at all, the guess counts as before.
    text = "pappa sa unnskyld i dag for at han drakk så mye i jula"
    guess = {"intent": {"name": "dangerous_behaviour", "confidence": 0.9},
             "intent_ranking": [{"name": "dangerous_behaviour", "confidence": 0.9}]}
    assert not assess(text, nlu={**guess, **_nlu()}, with_location=False).acute
    hint = assess(text, nlu={**guess, **_nlu(dangerous_behaviour=0.35)}, with_location=False)
    assert "dangerous_behaviour" in hint.criteria and hint.acute
    assert "dangerous_behaviour" in assess(text, nlu=guess, with_location=False).criteria


def test_a_crisis_like_guess_needs_a_hint_of_any_criterion_and_danger_is_never_held_back():
    text = "vet ikke helt hva jeg vil si"
    unsure = {"intent": {"name": "nlu_fallback", "confidence": 0.4},
              "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.4},
                                 {"name": "social_loss", "confidence": 0.35}]}
    assert not assess(text, nlu={**unsure, **_nlu()}, with_location=False).acute
    assert assess(text, nlu={**unsure, **_nlu(withdrawal=0.4)}, with_location=False).acute
    danger = {"intent": {"name": "danger_to_life", "confidence": 0.9},
              "intent_ranking": [{"name": "danger_to_life", "confidence": 0.9}]}
    assert assess("han er helt rar", nlu={**danger, **_nlu()}, with_location=False).danger_to_life


def test_danger_in_a_question_the_model_finds_unlikely_is_doubt_with_113_first():
    # A question about a danger situation: with a low danger score from the model of other people's
    # messages it is doubt (113 still first, the question answered); with a high one it is danger now.
    question = "sønnen min har drukket og sier han skal kjøre hjem fra festen, er det farlig?"
    unlikely = assess(question, nlu=_nlu(danger=0.05), with_location=False)
    assert not unlikely.danger_to_life and unlikely.doubt and "danger_to_life_health" not in unlikely.criteria
    likely = assess(question, nlu=_nlu(danger=0.6), with_location=False)
    assert likely.danger_to_life
    # What the question wants follows: about danger now it asks what to do; about a danger that is not
    # happening it asks for information.
    assert (likely.wants, unlikely.wants) == ("what_to_do", "info")
    # Telling, not asking: the catalogue's danger stands whatever the model says.
    told = assess("pappa ligger på gulvet og puster ikke", nlu=_nlu(danger=0.01), with_location=False)
    assert told.danger_to_life and told.number == "113"


def test_both_numbers_need_the_models_police_case_else_the_ambulance_number_first():
    # The catalogue reads a police situation beside an ambulance one ("both": 112 first). Without a police
    # case in the model of other people's messages, 113 comes first; danger stays either way.
    text = "pappa slo mamma i hodet med en flaske og nå blør hun og svarer ikke"
    police = assess(text, nlu=_nlu(danger=0.9, police=0.6), with_location=False)
    assert police.danger_to_life and police.number == "both"
    ambulance = assess(text, nlu=_nlu(danger=0.9, police=0.05), with_location=False)
    assert ambulance.danger_to_life and ambulance.number == "113" and ambulance.situation != "violence_now"


# ---------------------------------------------------------------- the Rasa component
@pytest.fixture(scope="module")
def component(tmp_path_factory):
    """Trained, kept in a model storage and loaded back, as `rasa train` and `rasa run` do."""
    from rasa.engine.graph import ExecutionContext
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from components.criteria_model import CriteriaModelComponent

    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    resource, context = Resource("criteria_model"), ExecutionContext(graph_schema=None, model_id="test")
    CriteriaModelComponent.create({}, storage, resource, context).train(TrainingData())
    return CriteriaModelComponent.load({}, storage, resource, context)


def test_component_puts_its_probabilities_in_the_parse_data(component, fitted):
    from rasa.shared.nlu.training_data.message import Message

    text = "bestemor har drukket og ligger helt stille i snøen ute"
    message = Message(data={"text": text})
    component.process([message])
    parse = message.as_dict(only_output_properties=True)
    assert parse[CRITERIA_MODEL_KEY] == fitted.scores(text)
    assert set(parse[CRITERIA_MODEL_KEY]) == set(settings()["labels"])


def test_losens_reading_hands_them_to_the_assessment(component):
    """components/reading.py passes the probabilities on: a message the reading alone does not take for
    danger is danger once the criteria model says so (scores set by hand: the hand-off is tested)."""
    from rasa.shared.nlu.training_data.message import Message

    from components.reading import LosenReading

    text = "det er noe veldig galt med pappa i kveld"
    message = Message(data={"text": text})
    message.set("intent", {"name": "crisis", "confidence": 0.6}, add_to_output=True)
    message.set(CRITERIA_MODEL_KEY, _nlu(danger=0.95)[CRITERIA_MODEL_KEY], add_to_output=True)
    LosenReading._apply(message)
    assessment = message.get("losen")["assessment"]
    assert assessment["danger_to_life"] and assessment["number"] == "113"
    assert message.get("intent")["name"] == "danger_to_life"
    plain = Message(data={"text": text})
    plain.set("intent", {"name": "crisis", "confidence": 0.6}, add_to_output=True)
    LosenReading._apply(plain)
    assert not plain.get("losen")["assessment"]["danger_to_life"]


def test_a_police_case_the_model_reads_as_an_ambulance_case_names_both():
    text = "stefaren min slår mamma akkurat nå og han er dritings"
    assert assess(text, nlu=_nlu(danger=0.2), with_location=False).number == "112"
    assert assess(text, nlu=_nlu(danger=0.9, police=0.9), with_location=False).number == "112"
    assert assess(text, nlu=_nlu(danger=0.9, police=0.1), with_location=False).number == "both"
