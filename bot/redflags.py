"""Deterministic red-flag layer: Norwegian patterns that the trained model can never overrule.

Patterns live in data/red_flags.yml. A pattern is a string of slots separated by spaces:
  word          a word (matched after folding: 'våkner' == 'vakner'; small typos are tolerated)
  a|b|c         any one of the alternatives
  slot?         the slot is optional
  stem*         any word starting with 'stem' (exact prefix, no typo tolerance)
  ...           a gap of up to three words
Matching uses spaCy's blank Norwegian tokenizer and Matcher on each token's NORM, which is set
to the closest pattern word (rapidfuzz) when the written word is a likely typo of it.
"""
from dataclasses import dataclass
from functools import lru_cache

import spacy
import yaml
from rapidfuzz import fuzz, process
from spacy.matcher import Matcher

from bot import DATA
from bot.textnorm import fold

PATTERNS_FILE = DATA / "red_flags.yml"
GAP_WORDS = 3


@dataclass(frozen=True)
class Flag:
    id: str
    criterion: str
    text: str


def _slot_to_tokens(slot: str) -> list:
    if slot == "...":
        return [{"OP": "?"}] * GAP_WORDS
    optional = slot.endswith("?")
    slot = slot.rstrip("?")
    if slot.endswith("*"):
        spec = {"NORM": {"REGEX": "^" + fold(slot[:-1])}}
    else:
        alternatives = [fold(a) for a in slot.split("|")]
        spec = {"NORM": {"IN": alternatives}}
    if optional:
        spec = {**spec, "OP": "?"}
    return [spec]


def _compile(pattern: str) -> list:
    tokens = []
    for slot in pattern.split():
        tokens.extend(_slot_to_tokens(slot))
    return tokens


class RedFlagMatcher:
    def __init__(self, spec: dict):
        self.nlp = spacy.blank("nb")
        self.matcher = Matcher(self.nlp.vocab)
        self.criteria = {}
        vocab = set()
        for flag in spec["flags"]:
            self.criteria[flag["id"]] = flag["criterion"]
            self.matcher.add(flag["id"], [_compile(p) for p in flag["patterns"]])
            for pattern in flag["patterns"]:
                for slot in pattern.split():
                    slot = slot.rstrip("?")
                    if slot != "..." and not slot.endswith("*"):
                        vocab.update(fold(a) for a in slot.split("|"))
        self.vocab = sorted(vocab)
        self._vocab_set = set(self.vocab)

    @lru_cache(maxsize=65536)
    def canonical(self, word: str) -> str:
        """The pattern word a written word most likely means, or the word itself."""
        if word in self._vocab_set or len(word) < 4 or not word.isalpha():
            return word
        cutoff = 80 if len(word) >= 6 else 85
        best = process.extractOne(word, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff)
        return best[0] if best else word

    def detect(self, text: str) -> list:
        doc = self.nlp.make_doc(text)
        for token in doc:
            token.norm_ = self.canonical(fold(token.text))
        flags, seen = [], set()
        for match_id, start, end in self.matcher(doc):
            flag_id = self.nlp.vocab.strings[match_id]
            if flag_id in seen:
                continue
            seen.add(flag_id)
            flags.append(Flag(flag_id, self.criteria[flag_id], doc[start:end].text))
        return flags


@lru_cache(maxsize=1)
def default_matcher() -> RedFlagMatcher:
    return RedFlagMatcher(yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8")))


def detect(text: str) -> list:
    """All red flags in a message, each once, in the order found."""
    return default_matcher().detect(text or "")


def criteria_in(text: str) -> set:
    return {flag.criterion for flag in detect(text)}
