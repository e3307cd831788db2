"""Which answer (faq/<key>) fits a question: a small linear model over TF-IDF features, no TensorFlow.

A question is matched against the training questions of each answer (data/nlu/faq.yml) and the
sentences of the answer itself (its texts carry the topic's words: "fleinsopp", "psilocybin",
"abstinens"). Features: character n-grams of the folded words (typos, inflection, compounds) and
a few concepts (substances and their street names, who the question is about, what it asks
about), so that "molly" counts as MDMA and "faren min" as a parent. A logistic regression weighs
the features per answer (fitted once, in seconds, when the model is trained); its probability is
the confidence, in 0..1 like the ResponseSelector's, and it is calibrated: of the picks at 0.5 or
more, about nine in ten are right in cross-validation on the training questions. `pick` says
"not sure" (None) below the confidence data/intent_override.yml asks for (faq_min_confidence).

What is kept to answer a message is small: two vocabularies with their idf, one weight matrix
(float32, features x answers) and the answer keys; scoring a message is a few dictionary look-ups
and one small matrix product, no scikit-learn. No Rasa import here: components/answer_picker.py
wraps this for the NLU pipeline, bench/faq_retrieval.py scores it without a trained model.
"""
import json
import math
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import yaml

from bot import DATA
from bot.answer_features import char_ngrams, concept_tokens
from bot.nlu_examples import intent_examples

FAQ_FILE = DATA / "nlu" / "faq.yml"
RETRIEVAL_INTENT = "faq"
OTHER = "(other)"  # the class of messages that ask for none of the answers; never picked

def answer_sentences(text: str) -> List[str]:
    """The sentences of an answer long enough to say something about its topic."""
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 10]


def read_faq(path: Path = FAQ_FILE) -> Tuple[Dict[str, List[str]], Dict[str, List[str]]]:
    """Training questions per answer key and the answer texts per key (all variants), from the
    NLU file that holds the retrieval intent and its responses."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions: Dict[str, List[str]] = {}
    for block in data.get("nlu") or []:
        intent = block.get("intent") or ""
        if intent.startswith(RETRIEVAL_INTENT + "/"):
            examples = [line.strip()[2:].strip() for line in (block.get("examples") or "").splitlines()
                        if line.strip().startswith("- ")]
            questions.setdefault(intent.split("/", 1)[1], []).extend(examples)
    answers: Dict[str, List[str]] = {}
    for name, variants in (data.get("responses") or {}).items():
        if name.startswith(f"utter_{RETRIEVAL_INTENT}/"):
            answers[name.split("/", 1)[1]] = [v["text"] for v in variants if v.get("text")]
    return questions, answers


def read_others(folder: Path = FAQ_FILE.parent, intent: str = RETRIEVAL_INTENT) -> List[str]:
    """The examples of every other intent in the NLU files (entity annotations taken out)."""
    return [text for name, text in intent_examples(folder) if name != intent and not name.startswith(intent + "/")]


@lru_cache(maxsize=1)
def min_confidence() -> float:
    """Below this an answer is not given as sure (data/intent_override.yml, faq_min_confidence)."""
    rules = yaml.safe_load((DATA / "intent_override.yml").read_text(encoding="utf-8"))
    return float(rules["faq_min_confidence"])


@dataclass(frozen=True)
class Settings:
    char_low: int = 2
    char_high: int = 4
    concept_weight: float = 1.0   # the concept block against the character block (weight 1)
    answer_weight: float = 1.0    # an answer sentence against a training question
    c: float = 20.0               # inverse regularisation of the logistic regression
    min_df: int = 2               # an n-gram or concept seen in fewer texts is left out
    other_weight: float = 0.5     # a message that asks for no answer, against a question


class _Block:
    """One family of features: its vocabulary (feature -> column) and idf, TF-IDF with a
    logarithmic term frequency and unit length, as scikit-learn's TfidfVectorizer(sublinear_tf)."""

    def __init__(self, vocabulary: Dict[str, int], idf: np.ndarray, weight: float, offset: int = 0):
        self.vocabulary, self.idf, self.weight, self.offset = vocabulary, idf, weight, offset

    @classmethod
    def fit(cls, documents: List[List[str]], min_df: int, weight: float) -> "_Block":
        df: Dict[str, int] = {}
        for tokens in documents:
            for token in set(tokens):
                df[token] = df.get(token, 0) + 1
        kept = sorted(t for t, n in df.items() if n >= min_df)
        n_docs = len(documents)
        idf = np.array([math.log((1 + n_docs) / (1 + df[t])) + 1.0 for t in kept], dtype=np.float32)
        return cls({t: i for i, t in enumerate(kept)}, idf, weight)

    def vector(self, tokens: List[str]) -> Dict[int, float]:
        counts: Dict[int, int] = {}
        for token in tokens:
            column = self.vocabulary.get(token)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        values = {c: (1.0 + math.log(n)) * float(self.idf[c]) for c, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        return {self.offset + c: v / norm * self.weight for c, v in values.items()}


class AnswerPicker:
    """Ranks the answer keys for a question; the confidence is the model's probability (0..1)."""

    def __init__(self, keys: Sequence[str], settings: Settings, chars: _Block, concepts: _Block,
                 coef: np.ndarray, intercept: np.ndarray):
        self.keys = list(keys)
        self.settings = settings
        self._chars, self._concepts = chars, concepts
        self._concepts.offset = len(chars.vocabulary)
        self._coef = coef.astype(np.float32)            # features x keys
        self._intercept = intercept.astype(np.float32)

    # ---------------------------------------------------------------- building
    @classmethod
    def train(cls, questions: Dict[str, Sequence[str]], answers: Optional[Dict[str, Sequence[str]]] = None,
              others: Sequence[str] = (), settings: Settings = Settings()) -> "AnswerPicker":
        """Fits the picker on training questions per key and, if given, the answer texts per key and
        messages that ask for none of the answers (the other intents' examples): they take
        probability from every answer when a message is more like them."""
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        texts, labels, weights = [], [], []
        for key, examples in questions.items():
            for example in examples:
                texts.append(example)
                labels.append(key)
                weights.append(1.0)
        for key, variants in (answers or {}).items():
            if key in questions:
                for sentence in (s for variant in variants for s in answer_sentences(variant)):
                    texts.append(sentence)
                    labels.append(key)
                    weights.append(settings.answer_weight)
        if settings.other_weight:
            for other in others:
                texts.append(other)
                labels.append(OTHER)
                weights.append(settings.other_weight)
        chars = _Block.fit([char_ngrams(t, settings.char_low, settings.char_high) for t in texts],
                           settings.min_df, 1.0)
        concepts = _Block.fit([concept_tokens(t) for t in texts], settings.min_df, settings.concept_weight)
        picker = cls([], settings, chars, concepts, np.zeros((0, 0)), np.zeros(0))
        rows, cols, vals = [], [], []
        for row, text in enumerate(texts):
            for col, val in picker._features(text).items():
                rows.append(row)
                cols.append(col)
                vals.append(val)
        matrix = csr_matrix((vals, (rows, cols)), shape=(len(texts), picker.n_features))
        model = LogisticRegression(C=settings.c, max_iter=3000)
        model.fit(matrix, np.array(labels), sample_weight=np.array(weights))
        return cls([str(k) for k in model.classes_], settings, chars, concepts, model.coef_.T, model.intercept_)

    @property
    def n_features(self) -> int:
        return len(self._chars.vocabulary) + len(self._concepts.vocabulary)

    # ---------------------------------------------------------------- answering
    def _features(self, text: str) -> Dict[int, float]:
        s = self.settings
        found = self._chars.vector(char_ngrams(text, s.char_low, s.char_high))
        found.update(self._concepts.vector(concept_tokens(text)))
        norm = math.sqrt(sum(v * v for v in found.values())) or 1.0
        return {c: v / norm for c, v in found.items()}

    def probabilities(self, text: str) -> np.ndarray:
        """The probability of each key (in the order of self.keys) for one question."""
        features = self._features(text or "")
        scores = self._intercept.copy()
        if features:
            columns = np.fromiter(features.keys(), dtype=np.int64, count=len(features))
            values = np.fromiter(features.values(), dtype=np.float32, count=len(features))
            scores += values @ self._coef[columns]
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def rank(self, text: str, top: int = 10) -> List[Tuple[str, float]]:
        """The best answer keys for a question, best first, each with its confidence."""
        probabilities = self.probabilities(text)
        order = [i for i in np.argsort(-probabilities, kind="stable") if self.keys[i] != OTHER][:top]
        return [(self.keys[i], float(probabilities[i])) for i in order]

    @property
    def answer_keys(self) -> List[str]:
        return [k for k in self.keys if k != OTHER]

    def pick(self, text: str, sure: Optional[float] = None) -> Optional[Tuple[str, float]]:
        """The answer key and its confidence, or None when not sure which answer fits (below
        `sure`, by default faq_min_confidence). With a probability, a close second already keeps
        the best below 0.5: no separate margin is needed."""
        best, confidence = self.rank(text, top=1)[0]
        return (best, confidence) if confidence >= (min_confidence() if sure is None else sure) else None

    # ---------------------------------------------------------------- keeping
    def save(self, path: Path) -> None:
        """One .npz file (no pickled objects): settings, keys, vocabularies, idf, weights."""
        np.savez_compressed(
            path, settings=np.array(json.dumps(asdict(self.settings))), keys=np.array(self.keys),
            char_vocabulary=np.array(sorted(self._chars.vocabulary, key=self._chars.vocabulary.get)),
            char_idf=self._chars.idf,
            concept_vocabulary=np.array(sorted(self._concepts.vocabulary, key=self._concepts.vocabulary.get)),
            concept_idf=self._concepts.idf, coef=self._coef, intercept=self._intercept)

    @classmethod
    def load(cls, path: Path) -> "AnswerPicker":
        with np.load(path, allow_pickle=False) as saved:
            settings = Settings(**json.loads(str(saved["settings"])))
            chars = _Block({str(t): i for i, t in enumerate(saved["char_vocabulary"])}, saved["char_idf"], 1.0)
            concepts = _Block({str(t): i for i, t in enumerate(saved["concept_vocabulary"])}, saved["concept_idf"],
                              settings.concept_weight)
            return cls([str(k) for k in saved["keys"]], settings, chars, concepts, saved["coef"], saved["intercept"])

    def nbytes(self) -> int:
        """About how much memory the picker holds (arrays, vocabularies, keys)."""
        import sys

        vocabularies = sum(sys.getsizeof(d) + sum(sys.getsizeof(t) for t in d)
                           for d in (self._chars.vocabulary, self._concepts.vocabulary))
        arrays = self._coef.nbytes + self._intercept.nbytes + self._chars.idf.nbytes + self._concepts.idf.nbytes
        return vocabularies + arrays + sum(sys.getsizeof(k) for k in self.keys)


@lru_cache(maxsize=1)
def default_picker() -> AnswerPicker:
    """The picker trained on data/nlu/faq.yml (questions and answers), for the bench and tests."""
    return AnswerPicker.train(*read_faq(), read_others())
