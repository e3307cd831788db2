"""What the answer picker (bot/answer_picker.py) reads in a question: character n-grams of each folded
word (typos, inflection, compounds) and concepts (data/answer_concepts.yml: the ways people write one
substance, who a question is about, what it asks about), so that "molly" counts as MDMA."""
from functools import lru_cache
from typing import Dict, List, Tuple

import yaml

from bot import DATA
from bot.textnorm import fold, words

CONCEPTS_FILE = DATA / "answer_concepts.yml"  # the ways people write one thing (substances, who, what about)


@lru_cache(maxsize=1)
def concepts() -> Dict[str, List[str]]:
    return yaml.safe_load(CONCEPTS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _concept_index() -> Tuple[Dict[str, Tuple[str, ...]], Tuple[Tuple[str, str], ...],
                              Tuple[Tuple[str, str], ...]]:
    exact: Dict[str, List[str]] = {}
    prefixes, phrases = [], []
    for concept, terms in concepts().items():
        for term in terms:
            folded = fold(term)
            if " " in folded:
                phrases.append((" " + folded + " ", concept))
            elif folded.endswith("*"):
                prefixes.append((folded[:-1], concept))
            else:
                exact.setdefault(folded, []).append(concept)
    return {w: tuple(c) for w, c in exact.items()}, tuple(prefixes), tuple(phrases)


@lru_cache(maxsize=65536)
def _word_concepts(word: str) -> Tuple[str, ...]:
    exact, prefixes, _ = _concept_index()
    found = set(exact.get(word, ()))
    found.update(concept for start, concept in prefixes if word.startswith(start))
    return tuple(sorted(found))


def concept_tokens(text: str) -> List[str]:
    """The concepts a text names, once per mention ("@alcohol", "@parent", ...)."""
    folded = words(text)
    found = [concept for word in folded for concept in _word_concepts(word)]
    joined = " " + " ".join(folded) + " "
    found += [concept for phrase, concept in _concept_index()[2] if phrase in joined]
    return ["@" + concept for concept in found]


def char_ngrams(text: str, low: int, high: int) -> List[str]:
    """Character n-grams inside each folded word padded with spaces (scikit-learn's char_wb)."""
    grams = []
    for word in words(text):
        padded = " " + word + " "
        for n in range(low, high + 1):
            grams.extend(padded[i:i + n] for i in range(max(len(padded) - n, 0) + 1))
            if len(padded) <= n:
                break  # a short word counts once, whole
    return grams
