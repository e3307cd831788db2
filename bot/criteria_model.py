"""What other people's words say: a small linear model of danger now and the guideline's criteria,
fitted on messages written by other people (the open parts of the blind-written sets in data/eval/).

The situation catalogue (bot/situations.py) reads what the authorities describe; it misses what
nobody put into words for it. The intent model learns Losen's own training sentences. This model learns from
hundreds of crisis messages and calm questions that people who never saw Losen wrote in their own
words, each labelled from the situation list (data/eval/README.md). Its features are character
n-grams of each folded word (typos, inflection, compounds: "pusterikke", "våkna") and word pairs;
one logistic regression per label. Like the intent model it may add, never remove (bot/model_checks.py).

Held-apart lines (bot/eval_split.py) are never trained on, so the held-apart figures still measure
messages the model has not seen. What is kept is small: the vocabulary with its idf, one weight
matrix (features x labels, float32) and the intercepts; scoring a message is a few dictionary
look-ups and one small product, no scikit-learn. Which sets, labels and thresholds:
data/criteria_model.yml.
"""
import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple

import numpy as np
import yaml

from bot import DATA
from bot.eval_split import held_apart
from bot.nlu_examples import intent_examples
from bot.textnorm import fold

SETTINGS_FILE = DATA / "criteria_model.yml"
CRITERIA_MODEL_KEY = "criteria_model"  # where the probabilities are in the parse data
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def settings() -> dict:
    return yaml.safe_load(SETTINGS_FILE.read_text(encoding="utf-8"))


def features(text: str, spec: dict) -> Counter:
    """Character n-grams of each folded word (padded with a space at each end, as scikit-learn's
    char_wb) and the words and word pairs, counted. At most `max_chars` are read."""
    words = _WORD.findall(fold(text[: spec["max_chars"]]))
    low, high = spec["char_ngrams"]
    found: Counter = Counter()
    for word in words:
        padded = f" {word} "
        for n in range(low, high + 1):
            for i in range(len(padded) - n + 1):
                found[padded[i:i + n]] += 1
    found.update(f"w:{w}" for w in words)
    found.update(f"w:{a} {b}" for a, b in zip(words, words[1:]))
    return found


def label_values(expected: dict, spec: dict) -> List[bool]:
    """A line's labels: `danger` (danger to life now), `police` (the police's number first), or a criterion."""
    values = []
    for label in spec["labels"]:
        if label == "danger":
            values.append(bool(expected.get("danger_to_life")))
        elif label == "police":
            values.append(expected.get("number") in spec["police_numbers"])
        else:
            values.append(label in (expected.get("criteria") or []))
    return values


def training_files(spec: dict, root: Path = DATA.parent) -> List[Path]:
    return [root / name for name in spec["train_on"]]


def training_rows(spec: dict, root: Path = DATA.parent) -> List[dict]:
    """The labelled lines of the training sets, held-apart lines left out."""
    rows = []
    for path in training_files(spec, root):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if item.get("expected") and not held_apart(item.get("id")):
                    rows.append(item)
    return rows


def training_data(spec: dict, root: Path = DATA.parent) -> Tuple[List[str], List[List[bool]]]:
    """(texts, labels) the model is fitted on: the sets' open lines, then the calm examples."""
    rows = training_rows(spec, root)
    calm = calm_examples(spec, root)
    return ([r["text"] for r in rows] + calm,
            [label_values(r["expected"], spec) for r in rows] + [[False] * len(spec["labels"])] * len(calm))


def calm_examples(spec: dict, root: Path = DATA.parent) -> List[str]:
    """The training examples of Losen's calm intents (greetings, thanks, questions for facts: data/nlu/):
    messages in which nothing is acute. The blind-written sets have hardly any short ones ("hei",
    "god kveld"), which a model fitted on them alone would guess at."""
    return [text for name, text in intent_examples(root / spec["calm_from"])
            if name.split("/")[0] in spec["calm_intents"]]


def fingerprint(spec: dict, root: Path = DATA.parent) -> str:
    """What the fitted model depends on besides this code: its settings and training files."""
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode())
    for path in training_files(spec, root) + sorted((root / spec["calm_from"]).glob("*.yml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class CriteriaModel:
    labels: List[str]
    vocabulary: Dict[str, int]
    idf: np.ndarray          # per feature
    weights: np.ndarray      # features x labels
    intercepts: np.ndarray   # per label
    spec: dict

    # ------------------------------------------------------------------ fitting
    @classmethod
    def train(cls, texts: Sequence[str], targets: Sequence[Sequence[bool]], spec: dict) -> "CriteriaModel":
        from scipy.sparse import csr_matrix  # fitting only: answering needs neither
        from sklearn.linear_model import LogisticRegression

        counted = [features(t, spec) for t in texts]
        df: Counter = Counter(f for c in counted for f in c)
        names = sorted(f for f, n in df.items() if n >= spec["min_df"])
        vocabulary = {f: i for i, f in enumerate(names)}
        idf = np.array([math.log((1 + len(texts)) / (1 + df[f])) + 1 for f in names], dtype=np.float64)
        rows, cols, values = [], [], []
        for r, c in enumerate(counted):
            vector = _tfidf(c, vocabulary, idf)
            rows.extend([r] * len(vector))
            cols.extend(vector.keys())
            values.extend(vector.values())
        matrix = csr_matrix((values, (rows, cols)), shape=(len(texts), len(names)))
        y = np.array(targets, dtype=bool)
        weights = np.zeros((len(names), len(spec["labels"])), dtype=np.float32)
        intercepts = np.zeros(len(spec["labels"]), dtype=np.float32)
        given = spec.get("given") or {}
        for j, label in enumerate(spec["labels"]):
            # A label read only together with another ("police": which number, once there is danger) is
            # fitted on the messages that carry that other label.
            rows_used = y[:, spec["labels"].index(given[label])] if label in given else np.ones(len(y), dtype=bool)
            fitted = LogisticRegression(C=spec["C"], class_weight="balanced", max_iter=5000).fit(
                matrix[rows_used], y[rows_used, j])
            weights[:, j] = fitted.coef_[0]
            intercepts[j] = fitted.intercept_[0]
        return cls(list(spec["labels"]), vocabulary, idf.astype(np.float32), weights, intercepts, spec)

    @classmethod
    def from_sets(cls, spec: dict = None, root: Path = DATA.parent) -> "CriteriaModel":
        spec = spec or settings()
        return cls.train(*training_data(spec, root), spec)

    # ---------------------------------------------------------------- answering
    def scores(self, text: str) -> Dict[str, float]:
        """The probability of each label for one message."""
        vector = _tfidf(features(text or "", self.spec), self.vocabulary, self.idf)
        z = self.intercepts.astype(np.float64).copy()
        if vector:
            index = np.fromiter(vector.keys(), dtype=np.int64)
            z += np.fromiter(vector.values(), dtype=np.float64) @ self.weights[index].astype(np.float64)
        return {label: round(float(1 / (1 + math.exp(-v))), 4) for label, v in zip(self.labels, z)}

    # ----------------------------------------------------------------- keeping
    def save(self, path: Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.get)
        np.savez_compressed(path, idf=self.idf, weights=self.weights, intercepts=self.intercepts,
                            names=np.array(names, dtype=object),
                            meta=np.array(json.dumps({"labels": self.labels, "spec": self.spec})))

    @classmethod
    def load(cls, path: Path) -> "CriteriaModel":
        kept = np.load(path, allow_pickle=True)
        meta = json.loads(str(kept["meta"]))
        vocabulary = {name: i for i, name in enumerate(kept["names"].tolist())}
        return cls(meta["labels"], vocabulary, kept["idf"], kept["weights"], kept["intercepts"], meta["spec"])


def _tfidf(counted: Counter, vocabulary: Dict[str, int], idf: np.ndarray) -> Dict[int, float]:
    """Sub-linear term frequency times idf, scaled to unit length (scikit-learn's TfidfVectorizer with
    sublinear_tf and smooth idf), over the known features only."""
    vector = {vocabulary[f]: (1 + math.log(n)) * float(idf[vocabulary[f]]) for f, n in counted.items()
              if f in vocabulary}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {i: v / norm for i, v in vector.items()} if norm else {}


def over_threshold(scores: Dict[str, float], spec: dict = None) -> Iterable[str]:
    spec = spec or settings()
    return [label for label, p in scores.items() if p >= spec["thresholds"].get(label, 0.5)]
