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
Matching uses spaCy's blank Norwegian tokenizer; a pattern is matched as spaCy's Matcher would
match it (RedFlagMatcher) on each token's NORM, which is set to the closest pattern word
(rapidfuzz) when the written word is a likely typo of it.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
import yaml
from rapidfuzz import fuzz, process

from bot import DATA
from bot.terms import known_word
from bot.textnorm import fold

PATTERNS_FILE = DATA / "red_flags.yml"
GAP_WORDS = 3
NUMBER = r"[1-9]\d+"  # NN: a written number of 10 or more
UNLESS = "#unless"


@lru_cache(maxsize=1)
def blank_nb():
    """spaCy's blank Norwegian language: its tokenizer, shared by every matcher (one vocabulary)."""
    return spacy.blank("nb")


@lru_cache(maxsize=8)
def tokenized(text: str):
    """The message as spaCy's tokens. The red flags, the audience cues and the wants cues all read
    the same message: it is tokenized once (nothing writes to the Doc)."""
    return blank_nb().make_doc(text)


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
    """The flags' patterns, matched as spaCy's Matcher would match them (same matches, same order).

    spaCy's Matcher tests every pattern's first slot at every token, in Python for sets and regexes,
    which made it most of the time of reading a message. Here each slot is a test of the token's
    NORM (a set) or of "<norm> <folded>" (a regex), and each token is told once which tests it
    passes; then only the patterns whose required slots the message fills are followed, with
    spaCy's own state machine (`_follow`), so the matches and their order are spaCy's.
    tests/test_redflag_matching.py compares the two on every pattern file.
    """

    def __init__(self, spec: dict, fuzzy: bool = True):
        # fuzzy=False: exact words only, for cues where a near miss costs more than a typo
        # (audience: "morgen" is not "moren").
        self.fuzzy = fuzzy
        # A real bokmål or nynorsk word is no typo ("mister" is not "rister", "ringer" not
        # "rykninger"); set in the patterns file (`keep_real_words: true`).
        self.keep_real_words = bool(spec.get("keep_real_words", False))
        self.nlp = blank_nb()
        self.criteria = {}
        self.patterns = []  # (match key, pattern in spaCy's Matcher syntax), in the order spaCy would have them
        vocab = set()
        for flag in spec["flags"]:
            self.criteria[flag["id"]] = flag["criterion"]
            self.patterns += [(flag["id"], _compile(p)) for p in flag["patterns"]]
            self.patterns += [(flag["id"] + UNLESS, _compile(p)) for p in flag.get("unless") or []]
            for pattern in flag["patterns"] + flag.get("unless", []):
                for slot in pattern.split():
                    slot = slot.rstrip("?")
                    if slot != "...":
                        vocab.update(fold(a) for a in slot.split("|") if "*" not in a)
        self.vocab = sorted(vocab)
        self._vocab_set = set(self.vocab)
        self._index_tests()
        self._regex_tests_of = lru_cache(maxsize=65536)(self._regex_tests_uncached)

    # --------------------------------------------------------------------------------- tests
    def _index_tests(self) -> None:
        """Number the distinct slot tests; per pattern its slots as (test or None for any word,
        optional), its required tests, and where a pattern can start."""
        tests: dict = {}
        self._by_norm: dict = {}     # norm -> the set tests it passes
        self._regex_tests = []       # (test, compiled regex)
        self._slots, self._required = [], []
        self._starts_with: dict = {}   # test -> patterns whose first slot is that test, required
        self._starts_anywhere = []     # patterns whose first slot is optional or any word
        for number, (_, pattern) in enumerate(self.patterns):
            slots = []
            for spec in pattern:
                test = {k: v for k, v in spec.items() if k != "OP"}
                slots.append((self._test_id(test, tests) if test else None, spec.get("OP") == "?"))
            self._slots.append(tuple(slots))
            self._required.append(frozenset(t for t, optional in slots if not optional and t is not None))
            first, optional = slots[0]
            if optional or first is None:
                self._starts_anywhere.append(number)
            else:
                self._starts_with.setdefault(first, []).append(number)
        self._all = frozenset(range(len(self.patterns)))

    def _test_id(self, test: dict, tests: dict) -> int:
        key = repr(test)
        if key not in tests:
            number = tests[key] = len(tests)
            if "NORM" in test:
                for norm in test["NORM"]["IN"]:
                    self._by_norm.setdefault(norm, set()).add(number)
            else:
                self._regex_tests.append((number, re.compile(test["_"]["forms"]["REGEX"])))
        return tests[key]

    def _regex_tests_uncached(self, forms: str) -> frozenset:
        return frozenset(number for number, regex in self._regex_tests if regex.search(forms))

    def passed(self, norm: str, forms: str) -> set:
        """The tests a token passes: its NORM in a slot's set, or "<norm> <folded>" a slot's regex
        (as spaCy's IN and REGEX predicates test them)."""
        return self._by_norm.get(norm, set()) | self._regex_tests_of(forms)

    # ------------------------------------------------------------------------------- matching
    def matches(self, norms: list, forms: list) -> list:
        """(match key, start, end) of every match, as spaCy's Matcher returns them for a doc whose
        tokens have these NORMs and `forms` ("<norm> <folded>")."""
        passed = [self.passed(norm, form) for norm, form in zip(norms, forms)]
        anywhere = set().union(*passed) if passed else set()
        # A pattern with a required test that no token passes cannot match; leaving it out
        # changes no other match, nor their order (spaCy keeps the order of the other states).
        possible = {i for i in self._all if self._required[i] <= anywhere}
        if not possible:
            return []
        found, seen = [], set()
        for number, start, length in self._follow(passed, possible):
            match = (self.patterns[number][0], start, start + length)
            # spaCy drops empty matches and the same match reached on two paths
            if length > 0 and match not in seen:
                seen.add(match)
                found.append(match)
        return found

    def _follow(self, passed: list, possible: set) -> list:
        """spaCy's find_matches (spacy/matcher/matcher.pyx: transition_states, get_action,
        finish_states) for patterns of required (ONE) and optional (ZERO_ONE) slots. A state is
        (pattern, slot, start, length); states are kept in spaCy's order. Returns (pattern, start,
        length) in the order spaCy emits them, before its de-duplication."""
        anywhere = [p for p in self._starts_anywhere if p in possible]
        states, emitted = [], []
        for i, here in enumerate(passed):
            # A new state whose first slot is required and fails is dropped at once: only the
            # patterns that can start here get one, in pattern order, as spaCy adds them.
            starting = set(anywhere)
            for test in here:
                starting.update(p for p in self._starts_with.get(test, ()) if p in possible)
            states.extend((p, 0, i, 0) for p in sorted(starting))
            kept, added = [], []
            for pattern, slot, start, length in states:
                slots = self._slots[pattern]
                last = len(slots) - 1
                while True:
                    test, optional = slots[slot]
                    hit = test is None or test in here
                    if not optional:
                        if hit and slot == last:        # MATCH
                            emitted.append((pattern, start, length + 1))
                        elif hit:                       # ADVANCE
                            kept.append((pattern, slot + 1, start, length + 1))
                        break                           # (else REJECT)
                    if hit and slot == last:            # MATCH_DOUBLE: with and without this token
                        if length > 0:
                            emitted.append((pattern, start, length))
                        emitted.append((pattern, start, length + 1))
                        break
                    if slot == last:                    # MATCH_REJECT: without this token
                        emitted.append((pattern, start, length))
                        break
                    if hit:                             # RETRY_ADVANCE: also take this token
                        added.append((pattern, slot + 1, start, length + 1))
                    slot += 1                           # RETRY: skip the optional slot
            states = kept + added
        for pattern, slot, start, length in states:     # finish_states: ends in optional slots
            slots = self._slots[pattern]
            while slots[slot][1]:
                if slot == len(slots) - 1:
                    emitted.append((pattern, start, length))
                    break
                slot += 1
        return emitted

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
        doc = tokenized(text)
        norms, forms = [], []
        for token in doc:
            folded = fold(token.text)
            # An empty NORM is no NORM to spaCy: it falls back to the word's own (token.norm_).
            # A real word is no typo, also when folding hides it ("søster" folds to "soster").
            real = self.keep_real_words and self.fuzzy and known_word(token.text.lower())
            norm = (folded if real else self.canonical(folded)) or token.norm_
            norms.append(norm)
            forms.append(f"{norm} {folded}")
        matches = self.matches(norms, forms)
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
