"""Deterministic red-flag layer: Norwegian patterns that the trained model can never overrule.

Patterns live in data/red_flags.yml. A pattern is a string of slots separated by spaces:
  word          a word (matched after folding: 'våkner' == 'vakner'; small typos are tolerated)
  a|b|c         any one of the alternatives
  slot?         the slot is optional
  stem*         any word starting with 'stem' (exact prefix, no typo tolerance)
  *end          any word ending with 'end' (compounds: '*tabletter' matches 'sovetabletter')
  *part*        any word containing 'part'
(The three wildcard forms test the folded written word, without typo correction.)
  ...           a gap of up to three words
  NN            a written number of 10 or more ("tok 20 sobril"), alone or as one alternative
A flag may also list `unless` patterns: a match of the flag that lies wholly inside a match of
one of its own `unless` patterns is dropped ("fikk kramper sist" is history, not seizures now),
while any other match of the flag in the same message still counts.
Matching uses spaCy's blank Norwegian tokenizer and Matcher on each token's NORM, which is set
to the closest pattern word (rapidfuzz) when the written word is a likely typo of it.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
import yaml
from rapidfuzz import fuzz, process
from spacy.matcher import Matcher
from spacy.tokens import Token

from bot import DATA
from bot.terms import known_word
from bot.textnorm import fold

PATTERNS_FILE = DATA / "red_flags.yml"
GAP_WORDS = 3
NUMBER = r"[1-9]\d+"  # NN: a written number of 10 or more
UNLESS = "#unless"
if not Token.has_extension("forms"):
    Token.set_extension("forms", default="")


@dataclass(frozen=True)
class Flag:
    id: str
    criterion: str
    text: str


def _alternative_regex(alt: str) -> str:
    """Regex for one alternative, tested against "<norm> <folded>" of a token."""
    core = re.escape(fold(alt.strip("*")))
    if alt.startswith("*") and alt.endswith("*") and len(alt) > 2:
        return r"\S*" + core + r"\S*"
    if alt.startswith("*"):
        return r"\S*" + core
    if alt.endswith("*"):
        return core + r"\S*"
    return core


def _slot_to_tokens(slot: str) -> list:
    if slot == "...":
        return [{"OP": "?"}] * GAP_WORDS
    if slot == "NN":
        return [{"_": {"forms": {"REGEX": r"(^|\s)" + NUMBER + r"($|\s)"}}}]
    optional = slot.endswith("?")
    slot = slot.rstrip("?")
    alternatives = slot.split("|")
    if any("*" in a or a == "NN" for a in alternatives):
        # Wildcards test the written (folded) word; plain words also their typo-corrected form.
        regex = r"(^|\s)(" + "|".join(NUMBER if a == "NN" else _alternative_regex(a) for a in alternatives) \
            + r")($|\s)"
        spec = {"_": {"forms": {"REGEX": regex}}}
    else:
        spec = {"NORM": {"IN": [fold(a) for a in alternatives]}}
    if optional:
        spec = {**spec, "OP": "?"}
    return [spec]


def _compile(pattern: str) -> list:
    tokens = []
    for slot in pattern.split():
        tokens.extend(_slot_to_tokens(slot))
    return tokens


class RedFlagMatcher:
    def __init__(self, spec: dict, fuzzy: bool = True):
        # fuzzy=False: exact words only, for cues where a near miss costs more than a typo
        # (audience: "morgen" is not "moren").
        self.fuzzy = fuzzy
        # A real bokmål or nynorsk word is no typo ("mister" is not "rister", "ringer" not
        # "rykninger"); set in the patterns file (`keep_real_words: true`).
        self.keep_real_words = bool(spec.get("keep_real_words", False))
        self.nlp = spacy.blank("nb")
        self.matcher = Matcher(self.nlp.vocab)
        self.criteria = {}
        vocab = set()
        for flag in spec["flags"]:
            self.criteria[flag["id"]] = flag["criterion"]
            self.matcher.add(flag["id"], [_compile(p) for p in flag["patterns"]])
            if flag.get("unless"):
                self.matcher.add(flag["id"] + UNLESS, [_compile(p) for p in flag["unless"]])
            for pattern in flag["patterns"] + flag.get("unless", []):
                for slot in pattern.split():
                    slot = slot.rstrip("?")
                    if slot != "...":
                        vocab.update(fold(a) for a in slot.split("|") if "*" not in a)
        self.vocab = sorted(vocab)
        self._vocab_set = set(self.vocab)

    @lru_cache(maxsize=65536)
    def canonical(self, word: str) -> str:
        """The pattern word a written word most likely means, or the word itself."""
        if not self.fuzzy or word in self._vocab_set or len(word) < 4 or not word.isalpha():
            return word
        if self.keep_real_words and known_word(word):
            return word
        cutoff = 80 if len(word) >= 6 else 85
        best = process.extractOne(word, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff)
        return best[0] if best else word

    def detect(self, text: str) -> list:
        doc = self.nlp.make_doc(text)
        for token in doc:
            folded = fold(token.text)
            token.norm_ = self.canonical(folded)
            token._.forms = f"{token.norm_} {folded}"
        matches = [(self.nlp.vocab.strings[m], start, end) for m, start, end in self.matcher(doc)]
        # Spans that cancel a flag's matches (history, questions about a word, ...).
        cancelled = [(fid[: -len(UNLESS)], s, e) for fid, s, e in matches if fid.endswith(UNLESS)]
        flags, seen = [], set()
        for flag_id, start, end in matches:
            if flag_id.endswith(UNLESS) or flag_id in seen:
                continue
            if any(fid == flag_id and s <= start and end <= e for fid, s, e in cancelled):
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
