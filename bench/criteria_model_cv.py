"""Thresholds for the criteria model (data/criteria_model.yml), from its own training lines only.

Five-fold cross-validation of the model alone on what it is fitted on (the open parts of its
training sets, never a held-apart line, and the calm examples): for each label, recall, precision and F1 at thresholds 0.30 … 0.85, and the
threshold with the highest F1, which is what data/criteria_model.yml uses.

    .venv/bin/python bench/criteria_model_cv.py [--folds 5]
"""
import argparse
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bot.criteria_model import CriteriaModel, settings, training_data  # noqa: E402

THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(12)]


def cross_validated(folds: int):
    spec = settings()
    rows = list(zip(*training_data(spec)))  # (text, labels)
    random.Random(0).shuffle(rows)
    probs = {label: [] for label in spec["labels"]}
    gold = {label: [] for label in spec["labels"]}
    for k in range(folds):
        train = [r for i, r in enumerate(rows) if i % folds != k]
        model = CriteriaModel.train([text for text, _ in train], [labels for _, labels in train], spec)
        given = spec.get("given") or {}
        for text, truth in (r for i, r in enumerate(rows) if i % folds == k):
            scores = model.scores(text)
            for label, value in zip(spec["labels"], truth):
                if label in given and not truth[spec["labels"].index(given[label])]:
                    continue  # read only with its given label (police: among danger messages)
                probs[label].append(scores[label])
                gold[label].append(value)
    return spec, {label: (np.array(probs[label]), np.array(gold[label])) for label in spec["labels"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    spec, results = cross_validated(args.folds)
    print(f"{args.folds}-fold cross-validation on {len(results[spec['labels'][0]][0])} training lines")
    for label, (p, g) in results.items():
        best = None
        for th in THRESHOLDS:
            pred = p >= th
            tp, fp, fn = int((pred & g).sum()), int((pred & ~g).sum()), int((~pred & g).sum())
            recall, precision = tp / max(1, tp + fn), tp / max(1, tp + fp)
            f1 = 2 * precision * recall / max(1e-9, precision + recall)
            if best is None or f1 > best[1] + 1e-9:
                best = (th, f1)
            print(f"{label:20} {th:.2f}  recall {recall:.2f}  precision {precision:.2f}  F1 {f1:.3f}")
        used = spec["thresholds"].get(label)
        print(f"{label:20} best F1 at {best[0]:.2f} (data/criteria_model.yml: {used})\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
