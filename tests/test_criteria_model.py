"""The criteria model (bot/criteria_model.py): fitted on other people's messages, never on a held-apart
line; its numbers are scikit-learn's; in the assessment it may add danger or a criterion, never remove one."""
import json

import numpy as np
import pytest

from bot.assess import assess
from bot.criteria_model import CRITERIA_MODEL_KEY, CriteriaModel, features, label_values, settings, training_rows
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
    rows = training_rows(spec)
    texts = [r["text"] for r in rows]
    vectorizer = TfidfVectorizer(analyzer=lambda t: list(features(t, spec).elements()), sublinear_tf=True,
                                 min_df=spec["min_df"])
    matrix = vectorizer.fit_transform(texts)
    assert len(vectorizer.vocabulary_) == len(fitted.vocabulary)
    j = spec["labels"].index("suicidal")
    y = np.array([label_values(r["expected"], spec["labels"])[j] for r in rows])
    reference = LogisticRegression(C=spec["C"], class_weight="balanced", max_iter=5000).fit(matrix, y)
    for text in ("jeg orker ikke mer", "hva er LAR?", "pappa ligger på gulvet og svarer ikke"):
        expected = reference.predict_proba(vectorizer.transform([text]))[0, 1]
        assert fitted.scores(text)["suicidal"] == pytest.approx(expected, abs=2e-3)


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
